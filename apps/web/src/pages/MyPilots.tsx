import { useQueries, useQuery } from '@tanstack/react-query';
import { comparisonQuery, pilotsQuery, worklistQuery } from '../api/queries.ts';
import { myPilotRows } from '../charts/mappers.ts';
import { Num } from '../components/Num.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { formatInterval, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { href, Link } from '../router.tsx';
import {
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';

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
      <Heading2 id="my-pilots-h">{t.myPilots}</Heading2>
      <p className="muted">{t.myPilotsIntro}</p>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <ScrollTable labelledBy="my-pilots-h">
          <Table className="data-table my-pilots-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.pilot}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.municipality}</TableHeaderCell>
                <TableHeaderCell scope="col" className="num">
                  {t.participants}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="num">
                  {t.pending}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t.exitRate12} (95%-BI)</TableHeaderCell>
                <TableHeaderCell scope="col" className="num">
                  {t.followUpsDue}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row">
                    <Link to={`/pilots/${r.id}`}>{r.name}</Link>
                  </TableHeaderCell>
                  <TableCell>{municipalityName(r.municipality)}</TableCell>
                  <TableCell className="num">
                    {r.participants != null ? n(r.participants) : '–'}
                  </TableCell>
                  <TableCell className="num">
                    <Num c={r.pending} fmt={n} count />
                  </TableCell>
                  <TableCell>
                    <Num c={r.rate} fmt={pct} />
                    {r.ci && <span className="muted"> ({formatInterval(r.ci, locale)})</span>}
                  </TableCell>
                  <TableCell className="num">
                    {r.followUps == null ? (
                      '…'
                    ) : r.followUps > 0 ? (
                      <Link to={href(`/pilots/${r.id}`, { tab: 'worklist' })}>
                        {n(r.followUps)}
                      </Link>
                    ) : (
                      n(0)
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
