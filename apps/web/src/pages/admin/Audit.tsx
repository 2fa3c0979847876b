import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { auditQuery, pilotsQuery, type AuditFilter, type AuditPage } from '../../api/queries.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { href, navigate, setQuery, useLocation } from '../../router.tsx';
import { auditSentence } from './audit-sentence.ts';
import { auditStrings } from './audit-strings.ts';
import { ChainCheck } from './ChainCheck.tsx';
import { auditFilterFrom, FILTER_KEYS } from './forms.ts';
import { adminStrings, type AdminStrings } from './strings.ts';
import {
  Button,
  FormLabel,
  Heading2,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const PAGE_SIZE = 50;
const ACTIONS = Object.keys(adminStrings.nl.actionsList) as (keyof AdminStrings['actionsList'])[];

/** The audit log with filters (wie, wat, pilot, periode), paging and a CSV export of the selection. */
export function Audit() {
  const { locale } = useI18n();
  const s = useStrings(adminStrings);
  const loc = useLocation();
  const filter = auditFilterFrom(loc.query);
  const page = Math.max(1, Number(loc.query.get('page') ?? 1) || 1);
  const q = useQuery(auditQuery(filter, page, PAGE_SIZE));
  const pilots = useQuery(pilotsQuery());
  const names = new Map((pilots.data?.items ?? []).map((p) => [p.id, p.name]));
  const csv = api.api.audit.export.$url({ query: filter });
  return (
    <section aria-labelledby="audit-h">
      <Heading2 id="audit-h">{s.audit}</Heading2>
      <p className="muted">{s.auditIntro}</p>
      <AuditFilters
        key={JSON.stringify(filter)}
        filter={filter}
        pilots={pilots.data?.items ?? []}
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <div className="audit-head">
            <p role="status" data-testid="audit-total">
              {s.results(formatNumber(q.data.total, 0, locale))}
            </p>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={csv.pathname + csv.search}
              download
            >
              {s.exportCsv}
            </a>
            <ChainCheck />
          </div>
          {q.data.items.length === 0 ? (
            <Empty />
          ) : (
            <AuditTable d={q.data} pilotName={(id) => names.get(id) ?? id} />
          )}
          <Pager page={page} total={q.data.total} />
        </>
      )}
    </section>
  );
}

function AuditFilters({
  filter,
  pilots,
}: {
  filter: AuditFilter;
  pilots: { id: string; name: string }[];
}) {
  const s = useStrings(adminStrings);
  const loc = useLocation();
  const [v, setV] = useState<Record<(typeof FILTER_KEYS)[number], string>>({
    actor: filter.actor ?? '',
    action: filter.action ?? '',
    pilot: filter.pilot ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...v, page: undefined }, false);
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form className="card form audit-filters" onSubmit={submit} aria-label={s.search}>
      <div className="filters">
        <div className="field">
          <FormLabel htmlFor="af-actor">{s.who}</FormLabel>
          <Textbox id="af-actor" type="search" value={v.actor} onChange={set('actor')} />
        </div>
        <div className="field">
          <FormLabel htmlFor="af-action">{s.what}</FormLabel>
          <Select id="af-action" value={v.action} onChange={set('action')}>
            <SelectOption value="">{s.any}</SelectOption>
            {ACTIONS.map((a) => (
              <SelectOption key={a} value={a}>
                {s.actionsList[a]}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className="field">
          <FormLabel htmlFor="af-pilot">{s.pilot}</FormLabel>
          <Select id="af-pilot" value={v.pilot} onChange={set('pilot')}>
            <SelectOption value="">{s.any}</SelectOption>
            {pilots.map((p) => (
              <SelectOption key={p.id} value={p.id}>
                {p.name}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className="field">
          <FormLabel htmlFor="af-from">{s.from}</FormLabel>
          <Textbox id="af-from" type="date" value={v.from} onChange={set('from')} />
        </div>
        <div className="field">
          <FormLabel htmlFor="af-to">{s.to}</FormLabel>
          <Textbox
            id="af-to"
            type="date"
            value={v.to}
            min={v.from || undefined}
            onChange={set('to')}
          />
        </div>
      </div>
      <div className="actions">
        <Button type="submit" appearance="primary-action-button">
          {s.search}
        </Button>
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => navigate(href(loc.path, { tab: 'audit' }))}
        >
          {s.clear}
        </Button>
      </div>
    </form>
  );
}

function AuditTable({ d, pilotName }: { d: AuditPage; pilotName(id: string): string }) {
  const { locale } = useI18n();
  const s = useStrings(adminStrings);
  const words = useStrings(auditStrings);
  return (
    <ScrollTable labelledBy="audit-h">
      <Table className="data-table audit-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{words.sentence}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.details}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.items.map((e) => (
            <TableRow key={e.id} data-action={e.action}>
              <TableCell>{auditSentence(e, pilotName, locale)}</TableCell>
              <TableCell className="details-cell">{detailsText(e.details)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** Details as "key: value" pairs for reading, not JSON; the CSV export keeps the raw JSON. */
function detailsText(details: unknown): string {
  if (details == null) return '–';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

function Pager({ page, total }: { page: number; total: number }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t.page(page, pages)}>
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={page <= 1}
        onClick={() => setQuery({ page: page - 1 === 1 ? undefined : page - 1 }, false)}
      >
        {t.prev}
      </Button>
      <span>{t.page(page, pages)}</span>
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={page >= pages}
        onClick={() => setQuery({ page: page + 1 }, false)}
      >
        {t.next}
      </Button>
    </nav>
  );
}
