import type { OutcomeSummary } from '../../api/queries.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ArmTag, Num } from '../../components/Num.tsx';
import { formatInterval, formatNumber, formatPercent } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { findingRows, type Finding, type FindingCell } from './findings.ts';
import { findingStrings } from './strings.ts';
import './findings.css';

/** One arm's figure: "55,0% (11 van 20) 95%-BI 34,0–74,0%", or a mean with its n. */
export function FindingValue({ finding, c }: { finding: Finding; c: FindingCell }) {
  const { locale } = useI18n();
  const s = useStrings(findingStrings);
  const n = (v: number) => formatNumber(v, 0, locale);
  if (c.kind === 'share')
    return (
      <>
        <strong>
          <Num c={c.rate} fmt={(v) => formatPercent(v, 1, locale)} />
        </strong>{' '}
        <span className="muted">
          (<Num c={c.count} fmt={n} count /> / <Num c={c.n} fmt={n} count />)
          {c.ci95 && <> {s.ci(formatInterval(c.ci95, locale))}</>}
        </span>
      </>
    );
  const fmt =
    finding === 'ladderChange'
      ? (v: number) =>
          s.steps(
            new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
              signDisplay: 'exceptZero',
            }).format(v),
          )
      : (v: number) => s.months(formatNumber(v, 1, locale));
  return (
    <>
      <strong>
        <Num c={c.value} fmt={fmt} />
      </strong>{' '}
      <span className="muted">
        (n = <Num c={c.n} fmt={n} count />)
      </span>
    </>
  );
}

/**
 * The SPEC §3 outcomes beyond the exit rate for one window, per arm: sustained exit, months on
 * benefit, ladder progress and sustained placement. Viewers get them as the API protects them.
 */
export function FindingsTable({ o }: { o: OutcomeSummary }) {
  const s = useStrings(findingStrings);
  const rows = findingRows(o);
  const arms = rows[0]?.arms.map((a) => a.arm) ?? [];
  return (
    <section className="card findings" aria-labelledby={`findings-h-${o.windowMonths}`}>
      <h2 id={`findings-h-${o.windowMonths}`}>{s.title(o.windowMonths)}</h2>
      <p className="muted small">{s.intro}</p>
      <ScrollTable labelledBy={`findings-h-${o.windowMonths}`}>
        <table className="data-table findings-table">
          <thead>
            <tr>
              <th scope="col">{s.outcome}</th>
              {arms.map((a) => (
                <th key={a} scope="col">
                  <ArmTag arm={a} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.finding} data-finding={r.finding}>
                <th scope="row">
                  {s.findings[r.finding]}
                  <span className="muted small block">{s.explain[r.finding]}</span>
                </th>
                {r.arms.map((a) => (
                  <td key={a.arm}>
                    <FindingValue finding={r.finding} c={a.cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
