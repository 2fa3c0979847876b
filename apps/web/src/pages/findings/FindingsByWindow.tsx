import { useQueries } from '@tanstack/react-query';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { outcomesQuery, WINDOW_OPTIONS } from '../../api/queries.ts';
import { ArmTag } from '../../components/Num.tsx';
import { Loading } from '../../components/States.tsx';
import { useStrings } from '../../i18n.tsx';
import { FINDINGS, findingRows } from './findings.ts';
import { FindingValue } from './FindingsTable.tsx';
import { findingStrings } from './strings.ts';

/** Analyse: every finding at every standard window, per arm, with its interval. */
export function FindingsByWindow({ pilotId }: { pilotId: string }) {
  const s = useStrings(findingStrings);
  const qs = useQueries({ queries: WINDOW_OPTIONS.map((k) => outcomesQuery(pilotId, k)) });
  if (qs.some((q) => q.isPending)) return <Loading />;
  const replies = qs.flatMap((q) => (q.data ? [q.data] : []));
  const byWindow = replies.map((o) => ({ k: o.windowMonths, rows: findingRows(o) }));
  const arms = byWindow[0]?.rows[0]?.arms.map((a) => a.arm) ?? [];
  return (
    <section className="card findings-by-window" aria-labelledby="fbw-h">
      <h2 id="fbw-h">{s.byWindowTitle}</h2>
      <p className="muted small">{s.byWindowIntro}</p>
      <ScrollTable labelledBy="fbw-h">
        <table className="data-table findings-window-table">
          <thead>
            <tr>
              <th scope="col">{s.outcome}</th>
              <th scope="col">{s.windowCol}</th>
              {arms.map((a) => (
                <th key={a} scope="col">
                  <ArmTag arm={a} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FINDINGS.flatMap((f) =>
              byWindow.flatMap(({ k, rows }) => {
                const row = rows.find((r) => r.finding === f);
                if (!row) return [];
                return [
                  <tr key={`${f}-${k}`} data-finding={f} data-window={k}>
                    <th scope="row">{s.findings[f]}</th>
                    <td>{s.window(k)}</td>
                    {row.arms.map((a) => (
                      <td key={a.arm}>
                        <FindingValue finding={f} c={a.cell} />
                      </td>
                    ))}
                  </tr>,
                ];
              }),
            )}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
