import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { auditQuery, pilotsQuery, type AuditFilter, type AuditPage } from '../../api/queries.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { href, navigate, setQuery, useLocation } from '../../router.tsx';
import { ChainCheck } from './ChainCheck.tsx';
import { auditFilterFrom, FILTER_KEYS } from './forms.ts';
import { adminStrings, type AdminStrings } from './strings.ts';

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
      <h2 id="audit-h">{s.audit}</h2>
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
            <a className="btn btn-secondary" href={csv.pathname + csv.search} download>
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
          <label htmlFor="af-actor">{s.who}</label>
          <input id="af-actor" type="search" value={v.actor} onChange={set('actor')} />
        </div>
        <div className="field">
          <label htmlFor="af-action">{s.what}</label>
          <select id="af-action" value={v.action} onChange={set('action')}>
            <option value="">{s.any}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {s.actionsList[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af-pilot">{s.pilot}</label>
          <select id="af-pilot" value={v.pilot} onChange={set('pilot')}>
            <option value="">{s.any}</option>
            {pilots.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af-from">{s.from}</label>
          <input id="af-from" type="date" value={v.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="af-to">{s.to}</label>
          <input
            id="af-to"
            type="date"
            value={v.to}
            min={v.from || undefined}
            onChange={set('to')}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          {s.search}
        </button>
        <button
          type="button"
          className="btn btn-link"
          onClick={() => navigate(href(loc.path, { tab: 'audit' }))}
        >
          {s.clear}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ d, pilotName }: { d: AuditPage; pilotName(id: string): string }) {
  const { locale } = useI18n();
  const s = useStrings(adminStrings);
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{s.at}</th>
            <th scope="col">{s.who}</th>
            <th scope="col">{s.what}</th>
            <th scope="col">{s.pilot}</th>
            <th scope="col">{s.participant}</th>
            <th scope="col" className="num">
              {s.rows}
            </th>
            <th scope="col">{s.details}</th>
          </tr>
        </thead>
        <tbody>
          {d.items.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, locale)}</td>
              <td>{e.actorEmail ?? '–'}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.pilotId ? pilotName(e.pilotId) : '–'}</td>
              <td>{e.participantId ?? '–'}</td>
              <td className="num">
                {e.rowCount != null ? formatNumber(e.rowCount, 0, locale) : '–'}
              </td>
              <td className="details-cell">
                {e.details != null ? <code>{JSON.stringify(e.details)}</code> : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, total }: { page: number; total: number }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t.page(page, pages)}>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page <= 1}
        onClick={() => setQuery({ page: page - 1 === 1 ? undefined : page - 1 }, false)}
      >
        {t.prev}
      </button>
      <span>{t.page(page, pages)}</span>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page >= pages}
        onClick={() => setQuery({ page: page + 1 }, false)}
      >
        {t.next}
      </button>
    </nav>
  );
}
