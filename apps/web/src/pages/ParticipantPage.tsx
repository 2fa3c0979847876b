import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../api/client.ts';
import {
  participantQuery,
  pilotQuery,
  type Event,
  type ParticipantDetail,
  type User,
} from '../api/queries.ts';
import { position, spells, timelineEnd } from '../charts/timeline.ts';
import { ArmTag } from '../components/Num.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import {
  EVENT_TYPES,
  eventValue,
  hasValue as takesValue,
  isDebtEvent,
  typedValue,
  validateEvent,
  type EventErrors as Errs,
} from '../events.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { valueLabel } from '../labels.ts';
import { href, Link } from '../router.tsx';
import { isRuleCode, ruleMessage } from '../rule-messages.ts';
import { EditBaseline } from './manage/EditBaseline.tsx';
import { EXIT_REASONS } from '@wegwijzer/domain/values';
import { EraseParticipant } from './privacy/EraseParticipant.tsx';
import { ParticipantVariables } from './variables/ParticipantVariables.tsx';
import {
  Alert,
  Button,
  FormLabel,
  Heading1,
  Heading2,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';

export function ParticipantPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const q = useQuery(participantQuery(id));
  if (q.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (q.isError)
    return (
      <div className="container">
        <ErrorState page error={q.error} onRetry={() => void q.refetch()} />
      </div>
    );
  const p = q.data;
  return (
    <div className="container">
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <Link to="/">{t.navOverview}</Link> ›{' '}
        <Link to={href(`/pilots/${p.pilotId}`, { tab: 'participants' })}>
          {t.tabs.participants}
        </Link>{' '}
        › <span aria-current="page">{p.participantRef}</span>
      </nav>
      <Heading1>{p.participantRef}</Heading1>
      <div className="grid-2">
        <Baseline p={p} />
        <AddEvent participantId={p.id} intakeDate={p.intakeDate} />
      </div>
      <ParticipantVariables pilotId={p.pilotId} values={p.variables} />
      {(user.role === 'admin' || user.role === 'manager') && <EditBaseline participant={p} />}
      <Timeline p={p} />
      {(user.role === 'admin' || user.role === 'manager') && <EraseParticipant participant={p} />}
    </div>
  );
}

function Baseline({ p }: { p: ParticipantDetail }) {
  const { t, locale } = useI18n();
  const rows: [string, React.ReactNode][] = [
    [t.fields.arm, <ArmTag arm={p.arm} />],
    [t.fields.intakeDate, formatDate(p.intakeDate, locale)],
    [
      t.fields.monthlyBenefit,
      p.monthlyBenefit != null ? formatMoney(p.monthlyBenefit, true, locale) : t.unknown,
    ],
    [
      t.fields.guidanceCost,
      p.guidanceCost != null ? formatMoney(p.guidanceCost, false, locale) : t.unknown,
    ],
    [t.fields.household, valueLabel('household', p.household, t)],
    [t.fields.birthYear, p.birthYear != null ? String(p.birthYear) : t.unknown],
    [t.fields.motivation, p.motivation != null ? String(p.motivation) : t.unknown],
    [t.fields.ladderStep, p.ladderStep != null ? String(p.ladderStep) : t.unknown],
    [t.fields.hasDebts, valueLabel('hasDebts', p.hasDebts, t)],
    [t.fields.disability, valueLabel('disability', p.disability, t)],
    [t.fields.refugeeStatus, valueLabel('refugeeStatus', p.refugeeStatus, t)],
    [t.fields.education, valueLabel('education', p.education, t)],
    ...(p.lostToFollowUpDate
      ? ([[t.fields.lostToFollowUpDate, formatDate(p.lostToFollowUpDate, locale)]] as [
          string,
          string,
        ][])
      : []),
  ];
  return (
    <section className="card" aria-labelledby="bl-h">
      <Heading2 id="bl-h">{t.baseline}</Heading2>
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Timeline({ p }: { p: ParticipantDetail }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const today = new Date().toISOString().slice(0, 10);
  const events = [...p.events].sort((a, b) => a.date.localeCompare(b.date));
  // The timeline ends where the outcomes stop looking: the observation end, not today.
  const pilot = useQuery(pilotQuery(p.pilotId));
  const obsKnown = pilot.data?.dataCompleteThrough;
  const end = timelineEnd(p, obsKnown, events, today);
  const bands = spells(p.intakeDate, events, end);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const del = useMutation({
    mutationFn: (eventId: string) =>
      unwrap(api.api.events[':id'].$delete({ param: { id: eventId }, query: { reason } })),
    onSuccess: async () => {
      setDeleting(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['participant', p.id] });
    },
  });
  const hasDebtEvents = events.some((e) => isDebtEvent(e.type));
  const kinds = hasDebtEvents
    ? (['benefit', 'bbz', 'work', 'debts'] as const)
    : (['benefit', 'bbz', 'work'] as const);
  const kindLabel = { benefit: t.onBenefit, bbz: t.routes.bbz, work: t.work, debts: t.debtsLane };
  return (
    <section className="card" aria-labelledby="tl-h">
      <Heading2 id="tl-h">{t.timeline}</Heading2>
      <div className="timeline" aria-hidden="true">
        {kinds.map((k) => (
          <div className="tl-lane" key={k}>
            <span className="tl-label">{kindLabel[k]}</span>
            <div className="tl-track">
              {bands
                .filter((b) => b.kind === k)
                .map((b, i) => (
                  <div
                    key={i}
                    className={`tl-band band-${k}`}
                    style={{
                      left: `${position(b.from, p.intakeDate, end) * 100}%`,
                      width: `${Math.max((position(b.to, p.intakeDate, end) - position(b.from, p.intakeDate, end)) * 100, 0.5)}%`,
                    }}
                    title={`${formatDate(b.from, locale)} – ${b.open ? '…' : formatDate(b.to, locale)}`}
                  />
                ))}
              {(k === 'benefit' || k === 'debts') &&
                events
                  .filter((e) => isDebtEvent(e.type) === (k === 'debts'))
                  .map((e) => (
                    <span
                      key={e.id}
                      className={k === 'debts' ? 'tl-marker tl-marker-debt' : 'tl-marker'}
                      style={{ left: `${position(e.date, p.intakeDate, end) * 100}%` }}
                      title={`${formatDate(e.date, locale)} ${t.events[e.type]}`}
                    />
                  ))}
            </div>
          </div>
        ))}
        <div className="tl-axis">
          <span>{formatDate(p.intakeDate, locale)}</span>
          <span data-testid="timeline-end">
            {obsKnown ? `${t.observationEnd} ` : ''}
            {formatDate(end, locale)}
          </span>
        </div>
      </div>
      {events.length === 0 ? (
        <Empty>{t.noEvents}</Empty>
      ) : (
        <ol className="event-list">
          {events.map((e) => (
            <li key={e.id} data-event-type={e.type}>
              <time dateTime={e.date}>{formatDate(e.date, locale)}</time>{' '}
              <strong>{t.events[e.type]}</strong> {eventValue(e, t, locale)}
              {deleting === e.id ? (
                <form
                  className="inline-form"
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    if (reason.trim()) del.mutate(e.id);
                  }}
                >
                  <FormLabel htmlFor={`r-${e.id}`}>{t.deleteReason}</FormLabel>
                  <Textbox
                    id={`r-${e.id}`}
                    value={reason}
                    required
                    onChange={(ev) => setReason(ev.target.value)}
                  />
                  <Button
                    type="submit"
                    appearance="primary-action-button"
                    hint="danger"
                    disabled={!reason.trim() || del.isPending}
                  >
                    {t.delete}
                  </Button>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => setDeleting(null)}
                  >
                    {t.cancel}
                  </Button>
                  {del.isError && (
                    <span className="field-error" role="alert">
                      {del.error.message}
                    </span>
                  )}
                </form>
              ) : (
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => {
                    setDeleting(e.id);
                    setReason('');
                  }}
                  aria-label={`${t.delete}: ${t.events[e.type]} ${formatDate(e.date, locale)}`}
                >
                  {t.delete}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddEvent({ participantId, intakeDate }: { participantId: string; intakeDate: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [type, setType] = useState<Event['type']>('ladder');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [value, setValue] = useState('');
  const [errs, setErrs] = useState<Errs>({});
  const [saved, setSaved] = useState(false);
  const hasValue = takesValue(type);
  const add = useMutation({
    mutationFn: () =>
      unwrap<Event>(
        api.api.participants[':id'].events.$post({
          param: { id: participantId },
          json: {
            type,
            date,
            ...(type === 'benefit_end' && reason
              ? { reason: reason as (typeof EXIT_REASONS)[number] }
              : {}),
            ...(hasValue && typedValue(value) !== undefined ? { value: typedValue(value) } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      setValue('');
      await qc.invalidateQueries({ queryKey: ['participant', participantId] });
      await qc.invalidateQueries({ queryKey: ['worklist'] });
    },
    onError: (e) => {
      const next: Errs = {};
      if (e instanceof ApiError) {
        for (const d of e.detailList) {
          const f = String(d.path ?? '')
            .split('.')
            .pop() as keyof Errs;
          // The server refuses with the shared rules' codes: word them as the form does.
          const words = isRuleCode(d.code)
            ? ruleMessage({ code: d.code, params: d.params }, locale)
            : d.message;
          if (f === 'type' || f === 'date' || f === 'reason' || f === 'value') next[f] = words;
        }
        if (!Object.keys(next).length) next.form = e.message;
      } else next.form = String(e);
      setErrs(next);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const v = validateEvent(
      {
        type,
        date,
        reason: type === 'benefit_end' ? reason : '',
        value: hasValue ? value : '',
      },
      locale,
      intakeDate,
    );
    setErrs(v);
    if (!Object.keys(v).length) add.mutate();
  };
  const err = (f: keyof Errs) =>
    errs[f] ? (
      <span id={`ev-${f}-err`} className="field-error">
        {errs[f]}
      </span>
    ) : null;
  const described = (f: keyof Errs) => {
    const ids = [f === 'value' ? 'ev-value-hint' : '', errs[f] ? `ev-${f}-err` : '']
      .filter(Boolean)
      .join(' ');
    return {
      ...(errs[f] ? { 'aria-invalid': true as const } : {}),
      ...(ids ? { 'aria-describedby': ids } : {}),
    };
  };
  return (
    <section className="card" aria-labelledby="ae-h">
      <Heading2 id="ae-h">{t.addEvent}</Heading2>
      <form className="form" onSubmit={submit} noValidate>
        {errs.form && (
          <Alert type="error" role="alert">
            {errs.form}
          </Alert>
        )}
        <div className="field">
          <FormLabel htmlFor="ev-type">{t.eventType}</FormLabel>
          <Select
            id="ev-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as Event['type']);
              setErrs({});
            }}
            {...described('type')}
          >
            {EVENT_TYPES.map((k) => (
              <SelectOption key={k} value={k}>
                {t.events[k]}
              </SelectOption>
            ))}
          </Select>
          {err('type')}
        </div>
        <div className="field">
          <FormLabel htmlFor="ev-date">{t.date}</FormLabel>
          <Textbox
            id="ev-date"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
            {...described('date')}
          />
          {err('date')}
        </div>
        {type === 'benefit_end' && (
          <div className="field">
            <FormLabel htmlFor="ev-reason">{t.reason}</FormLabel>
            <Select
              id="ev-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              {...described('reason')}
            >
              <SelectOption value="">–</SelectOption>
              {EXIT_REASONS.map((r) => (
                <SelectOption key={r} value={r}>
                  {t.routes[r]}
                </SelectOption>
              ))}
            </Select>
            {err('reason')}
          </div>
        )}
        {hasValue && (
          <div className="field">
            <FormLabel htmlFor="ev-value">{t.value}</FormLabel>
            <span className="hint" id="ev-value-hint">
              {takesValue(type) && t.valueHint[type]}
            </span>
            <Textbox
              id="ev-value"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              {...described('value')}
            />
            {err('value')}
          </div>
        )}
        <Button type="submit" appearance="primary-action-button" disabled={add.isPending}>
          {t.save}
        </Button>
        <span aria-live="polite">{saved && <span className="inline-ok">{t.saved}</span>}</span>
      </form>
    </section>
  );
}
