import { useQuery } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { api } from '../../api/client.ts';
import { ArmsProvider, useArmLook } from '../../charts/arms.tsx';
import { exportCountQuery } from '../../api/queries.ts';
import { PilotPicker, usePilotParam } from '../../components/PilotPicker.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { valueLabel } from '../../labels.ts';
import { href, navigate, setQuery, useLocation } from '../../router.tsx';
import { useDebounced } from '../../useDebounced.ts';
import {
  exportFilterFrom,
  exportOptionsFrom,
  fileNameFrom,
  LIST_FILTERS,
  LIST_KEYS,
  selected,
  type Dialect,
  type ListFilter,
} from './cohort.ts';
import { ProcessingNotice } from '../privacy/ProcessingNotice.tsx';
import { exportStrings } from './strings.ts';
import { exportWindowsFrom, toggleWindow, WINDOW_CHOICES, windowStrings } from './windows.ts';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  RadioButton,
  Textbox,
} from '@utrecht/component-library-react';

const token = (v: string) =>
  v === 'null' ? null : v === 'true' ? true : v === 'false' ? false : v;

/** Exporteren: the cohort builder with a live count, dialect, date shift, and the download with progress. */
export default function ExportPage() {
  const { t, locale } = useI18n();
  const s = useStrings(exportStrings);
  const ws = useStrings(windowStrings);
  const loc = useLocation();
  const { pilots, pilot, error } = usePilotParam();
  const filter = exportFilterFrom(
    loc.query,
    pilot?.arms?.map((a) => a.code),
  );
  const opts = exportOptionsFrom(loc.query);
  const key = JSON.stringify(filter);
  const debounced = useDebounced(key, 300);
  const count = useQuery({
    ...exportCountQuery(pilot?.id ?? '', JSON.parse(debounced) as typeof filter),
    enabled: !!pilot,
  });
  if (error)
    return (
      <div className="container">
        <ErrorState error={error} />
      </div>
    );
  if (!pilots || !pilot)
    return (
      <div className="container">
        <Loading />
      </div>
    );

  const windows = exportWindowsFrom(loc.query);
  const url = api.api.pilots[':id'].export.$url({
    param: { id: pilot.id },
    query: {
      ...filter,
      format: opts.format,
      dateShift: String(opts.dateShift) as 'true' | 'false',
      windows: windows.join(','),
    },
  });
  const stale = count.isFetching || debounced !== key;
  const n = count.data?.participants;
  const toggle = (k: ListFilter, v: string, on: boolean) => {
    const cur = selected(filter, k);
    const next = on ? [...cur, v] : cur.filter((x) => x !== v);
    setQuery({ [k]: next.join(',') });
  };
  return (
    <div className="container export-page">
      <Heading1>{s.title}</Heading1>
      <p className="lead">{s.intro}</p>
      <div className="export-grid">
        <form className="card form" onSubmit={(e) => e.preventDefault()} aria-labelledby="cohort-h">
          <Heading2 id="cohort-h">{s.cohort}</Heading2>
          <PilotPicker pilots={pilots} value={pilot.id} />
          <p className="muted small">
            {t.observationEnd} {formatDate(pilot.dataCompleteThrough, locale)}
          </p>
          <ArmsProvider arms={pilot.arms}>
            <ArmChoice value={filter.arm ?? ''} />
          </ArmsProvider>
          <Fieldset className="field">
            <FieldsetLegend>{s.intakePeriod}</FieldsetLegend>
            <div className="filters">
              <div className="field">
                <FormLabel htmlFor="ex-from">{s.intakeFrom}</FormLabel>
                <Textbox
                  id="ex-from"
                  type="date"
                  value={filter.intakeFrom ?? ''}
                  onChange={(e) => setQuery({ intakeFrom: e.target.value })}
                />
              </div>
              <div className="field">
                <FormLabel htmlFor="ex-to">{s.intakeTo}</FormLabel>
                <Textbox
                  id="ex-to"
                  type="date"
                  value={filter.intakeTo ?? ''}
                  min={filter.intakeFrom}
                  onChange={(e) => setQuery({ intakeTo: e.target.value })}
                />
              </div>
            </div>
          </Fieldset>
          <Heading3>{s.subgroups}</Heading3>
          <p className="hint">{s.subgroupsHint}</p>
          <div className="subgroup-filters">
            {LIST_KEYS.map((k) => {
              const cur = selected(filter, k);
              return (
                <Fieldset key={k} className="field checks">
                  <FieldsetLegend>{t.fields[k]}</FieldsetLegend>
                  <div className="check-grid">
                    {LIST_FILTERS[k].map((v) => (
                      <FormLabel key={v} className="check">
                        <Checkbox
                          name={k}
                          value={v}
                          checked={cur.includes(v)}
                          onChange={(e) => toggle(k, v, e.target.checked)}
                        />{' '}
                        {valueLabel(k, token(v), t)}
                      </FormLabel>
                    ))}
                  </div>
                </Fieldset>
              );
            })}
          </div>
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => navigate(href('/exporteren', { pilot: pilot.id }))}
          >
            {s.resetFilters}
          </Button>
        </form>
        <div className="export-side">
          <section className="card count-card" aria-labelledby="count-h">
            <Heading2 id="count-h" className="sr-only">
              {t.participants}
            </Heading2>
            <div
              className="big-count"
              aria-live="polite"
              aria-busy={stale}
              data-testid="export-count"
              data-stale={stale ? 'true' : undefined}
            >
              {count.isError ? (
                <ErrorState error={count.error} />
              ) : n == null ? (
                s.counting
              ) : (
                <>
                  <span className="big-number">{formatNumber(n, 0, locale)}</span>{' '}
                  {s.count('').trim()}
                  {stale && <span className="muted small"> ({s.counting.toLowerCase()})</span>}
                </>
              )}
            </div>
            {n === 0 && !stale && <Alert type="info">{s.none}</Alert>}
          </section>
          <ProcessingNotice pilot={pilot} />
          <form className="card form" onSubmit={(e) => e.preventDefault()} aria-labelledby="file-h">
            <Heading2 id="file-h">{s.file}</Heading2>
            <Fieldset className="field">
              <FieldsetLegend>{s.dialect}</FieldsetLegend>
              {(['csv', 'excel-nl'] as const satisfies readonly Dialect[]).map((d) => (
                <FormLabel key={d} className="radio block">
                  <RadioButton
                    name="format"
                    value={d}
                    checked={opts.format === d}
                    onChange={() => setQuery({ format: d === 'csv' ? undefined : d })}
                  />{' '}
                  {s.dialects[d]}
                </FormLabel>
              ))}
            </Fieldset>
            <Fieldset className="field export-windows">
              <FieldsetLegend>{ws.legend}</FieldsetLegend>
              <p className="hint">{ws.hint}</p>
              {WINDOW_CHOICES.map((k) => (
                <FormLabel key={k} className="check">
                  <Checkbox
                    name="windows"
                    value={String(k)}
                    checked={windows.includes(k)}
                    onChange={(e) =>
                      setQuery({ windows: toggleWindow(windows, k, e.target.checked) })
                    }
                  />{' '}
                  {ws.months(k)}
                </FormLabel>
              ))}
            </Fieldset>
            <div className="field">
              <FormLabel className="check">
                <Checkbox
                  id="ex-shift"
                  checked={opts.dateShift}
                  aria-describedby="ex-shift-help"
                  onChange={(e) => setQuery({ dateShift: e.target.checked ? 'true' : undefined })}
                />{' '}
                {s.dateShift}
              </FormLabel>
              <p id="ex-shift-help" className="hint">
                {s.dateShiftHelp}
              </p>
            </div>
            <Download href={url.pathname + url.search} disabled={n === 0 && !stale} />
          </form>
        </div>
      </div>
    </div>
  );
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'receiving'; bytes: number }
  | { kind: 'done'; name: string; bytes: number }
  | { kind: 'error'; error: unknown };

/** A real link to the export; clicking it fetches with progress and saves the zip under the server's file name. */
function Download({ href: url, disabled }: { href: string; disabled: boolean }) {
  const { locale } = useI18n();
  const s = useStrings(exportStrings);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'preparing' || phase.kind === 'receiving';
  const kb = (b: number) => formatNumber(Math.ceil(b / 1024), 0, locale);
  const start = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    if (busy || disabled) return;
    setPhase({ kind: 'preparing' });
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      }
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      const reader = res.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          bytes += value.byteLength;
          setPhase({ kind: 'receiving', bytes });
        }
      }
      const blob = reader
        ? new Blob(chunks as BlobPart[], { type: 'application/zip' })
        : await res.blob();
      const name = fileNameFrom(res.headers.get('content-disposition'), 'wegwijzer-export.zip');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setPhase({ kind: 'done', name, bytes: blob.size });
    } catch (err) {
      setPhase({ kind: 'error', error: err });
    }
  };
  return (
    <div className="download">
      <a
        href={url}
        download
        className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action${disabled || busy ? ' is-disabled' : ''}`}
        aria-disabled={disabled || busy ? true : undefined}
        data-testid="export-download"
        onClick={(e) => void start(e)}
      >
        {s.download}
      </a>
      <div aria-live="polite" className="download-status">
        {phase.kind === 'preparing' && (
          <>
            <progress aria-label={s.preparing} /> <span>{s.preparing}</span>
          </>
        )}
        {phase.kind === 'receiving' && (
          <>
            <progress aria-label={s.receiving(kb(phase.bytes))} />{' '}
            <span>{s.receiving(kb(phase.bytes))}</span>
          </>
        )}
        {phase.kind === 'done' && (
          <Alert type="ok" data-testid="export-done">
            {s.done(phase.name, kb(phase.bytes))}
          </Alert>
        )}
      </div>
      {phase.kind === 'error' && <ErrorState error={phase.error} />}
    </div>
  );
}

/** The arm radios: everyone, or one of the pilot's declared arms by its label. */
function ArmChoice({ value }: { value: string }) {
  const s = useStrings(exportStrings);
  const look = useArmLook();
  return (
    <Fieldset className="field">
      <FieldsetLegend>{s.arm}</FieldsetLegend>
      {['', ...look.codes].map((a) => (
        <FormLabel key={a || 'all'} className="radio">
          <RadioButton
            name="arm"
            value={a}
            checked={value === a}
            onChange={() => setQuery({ arm: a })}
          />{' '}
          {a ? look.label(a) : s.allArms}
        </FormLabel>
      ))}
    </Fieldset>
  );
}
