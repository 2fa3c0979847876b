import { useQueries, useQuery } from '@tanstack/react-query';
import { comparisonQuery, pilotsQuery, worklistQuery } from '../api/queries.ts';
import { myPilotRows } from '../charts/mappers.ts';
import { Num } from '../components/Num.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { formatInterval, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { href, Link } from '../router.tsx';

/** Programme manager's "Mijn pilots": participants, pending, exit at 12 months with interval, follow-ups due. */
export function MyPilots() {
  const { t, locale } = useI18n();
  const pilots = useQuery(pilotsQuery());
  const outcomes = useQuery(comparisonQuery(12));
  const ids = pilots.data?.items.map((p) => p.id) ?? [];
  const worklists = useQueries({ queries: ids.map((id) => worklistQuery(id)) });
  if (pilots.isPending || outcomes.isPending) return <Loading />;
  if (pilots.isError || outcomes.isError)
    return <ErrorState error={pilots.error ?? outcomes.error} />;
  const due = new Map<string, number>();
  worklists.forEach((w, i) => {
    if (w.data) due.set(ids[i]!, w.data.total);
  });
  const rows = myPilotRows(pilots.data.items, outcomes.data.pilots, due);
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  return (
    <section aria-labelledby="my-pilots-h" className="my-pilots">
      <h2 id="my-pilots-h">{t.myPilots}</h2>
      <p className="muted">{t.myPilotsIntro}</p>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-scroll">
          <table className="data-table my-pilots-table">
            <thead>
              <tr>
                <th scope="col">{t.pilot}</th>
                <th scope="col">{t.municipality}</th>
                <th scope="col" className="num">
                  {t.participants}
                </th>
                <th scope="col" className="num">
                  {t.pending}
                </th>
                <th scope="col">{t.exitRate12} (95%-BI)</th>
                <th scope="col" className="num">
                  {t.followUpsDue}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/pilots/${r.id}`}>{r.name}</Link>
                  </th>
                  <td>{municipalityName(r.municipality)}</td>
                  <td className="num">{r.participants != null ? n(r.participants) : '–'}</td>
                  <td className="num">
                    <Num c={r.pending} fmt={n} count />
                  </td>
                  <td>
                    <Num c={r.rate} fmt={pct} />
                    {r.ci && <span className="muted"> ({formatInterval(r.ci, locale)})</span>}
                  </td>
                  <td className="num">
                    {r.followUps == null ? (
                      '…'
                    ) : r.followUps > 0 ? (
                      <Link to={href(`/pilots/${r.id}`, { tab: 'worklist' })}>
                        {n(r.followUps)}
                      </Link>
                    ) : (
                      n(0)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
