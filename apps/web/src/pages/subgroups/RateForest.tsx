import type { SubgroupReply } from '../../api/queries.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ArmTag, Num } from '../../components/Num.tsx';
import { formatInterval, formatNumber, formatP, formatPercent } from '../../format.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { rateRows, type RateRow } from './rates.ts';
import { subgroupStrings } from './strings.ts';
import './subgroups.css';

const W = 300;
const ROW_H = 26;

/**
 * Each arm's exit rate per subgroup with its interval and n: the forest of rates "wat werkt voor
 * wie" draws for a pilot without a control arm (and shows as a table beside the differences when
 * there is one). Drawn on 0–100%; the SVG scales down on a phone.
 */
export function RateForest({
  r,
  label,
  title,
}: {
  r: SubgroupReply;
  label: (v: string | number | boolean | null) => string;
  title: string;
}) {
  const { locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(subgroupStrings);
  const rows = rateRows(r, label);
  const arms = rows[0]?.arms.map((a) => a.arm) ?? [];
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  const x = (v: number) => 6 + v * (W - 12);
  const lines = rows.flatMap((row) => row.arms.map((a) => ({ row, a })));
  const table = <RatesTable rows={rows} arms={arms} />;
  return (
    <Figure
      title={title}
      alt={s.ratesAlt}
      chart={
        <div className="rate-forest">
          <table className="forest-table">
            <thead>
              <tr>
                <th scope="col">{s.group}</th>
                <th scope="col" />
                <th scope="col">{s.nEval}</th>
                <th scope="col" className="forest-plot-col">
                  {s.rate}
                </th>
                <th scope="col">{s.rate}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ row, a }, i) => (
                <tr key={i} data-group={row.value} data-arm={a.arm}>
                  <th scope="row">{a === row.arms[0] ? row.value : ''}</th>
                  <td>
                    <ArmTag arm={a.arm} />
                  </td>
                  <td>
                    <Num c={a.evaluable} fmt={n} count />
                  </td>
                  <td className="forest-plot-col">
                    <svg
                      viewBox={`0 0 ${W} ${ROW_H}`}
                      width="100%"
                      height={ROW_H}
                      role="presentation"
                    >
                      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
                        <line key={v} x1={x(v)} x2={x(v)} y1={0} y2={ROW_H} stroke="#ddd" />
                      ))}
                      {a.ci95 && (
                        <line
                          x1={x(a.ci95[0])}
                          x2={x(a.ci95[1])}
                          y1={ROW_H / 2}
                          y2={ROW_H / 2}
                          stroke={look.style(a.arm).color}
                          strokeWidth={2}
                        />
                      )}
                      {a.rate.kind === 'value' && (
                        <circle
                          cx={x(a.rate.value)}
                          cy={ROW_H / 2}
                          r={5}
                          fill={look.style(a.arm).color}
                        />
                      )}
                    </svg>
                  </td>
                  <td className="nowrap">
                    <Num c={a.rate} fmt={pct} />
                    {a.ci95 && <span className="muted"> ({formatInterval(a.ci95, locale)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
      table={table}
    />
  );
}

/** The rates as a plain table: group, per arm off-benefit count of n, rate and interval. */
export function RatesTable({ rows, arms }: { rows: RateRow[]; arms: readonly string[] }) {
  const { locale } = useI18n();
  const s = useStrings(subgroupStrings);
  const n = (v: number) => formatNumber(v, 0, locale);
  return (
    <ScrollTable label={s.rate}>
      <table className="data-table rates-table">
        <thead>
          <tr>
            <th scope="col">{s.group}</th>
            {arms.map((a) => (
              <th key={a} scope="col">
                <ArmTag arm={a} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value}>
              <th scope="row">{row.value}</th>
              {row.arms.map((a) => (
                <td key={a.arm}>
                  <Num c={a.rate} fmt={(v) => formatPercent(v, 1, locale)} />{' '}
                  <span className="muted">
                    (<Num c={a.count} fmt={n} count /> / <Num c={a.evaluable} fmt={n} count />
                    {a.ci95 && (
                      <>
                        ; {s.ci} {formatInterval(a.ci95, locale)}
                      </>
                    )}
                    )
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** The heterogeneity test in words, or why there is none. */
export function HeterogeneityNote({ r }: { r: SubgroupReply }) {
  const { locale } = useI18n();
  const s = useStrings(subgroupStrings);
  const h = r.heterogeneity;
  if (h === undefined) return null;
  const hasNull = r.groups.some((g) => g.value === null);
  if (h === null) return <p className="muted heterogeneity">{s.testNone}</p>;
  const stat = formatNumber(h.statistic, 2, locale);
  const p = formatP(h.p, locale);
  return (
    <p className="heterogeneity" data-testid="heterogeneity">
      {h.method === 'cochran_q' ? s.testCochran(stat, h.df, p) : s.testChi(stat, h.df, p)}{' '}
      {h.p < 0.05 ? s.testSig : s.testNs}
      {hasNull && <span className="muted"> {s.testNotRecorded}</span>}
    </p>
  );
}
