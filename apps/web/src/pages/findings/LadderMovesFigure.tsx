import type { OutcomeSummary } from '../../api/queries.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ArmTag, Num } from '../../components/Num.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText, type Cell } from '../../suppression.ts';
import { ladderMoveTable, type LadderMoveTable } from './ladder-moves.ts';
import { findingStrings } from './strings.ts';
import './findings.css';

/**
 * Ladder progress as a distribution of steps moved (SPEC §3), per arm: one bar per arm and move,
 * its length the share of those measured, each bar labelled with its percentage so that colour
 * is never the only cue; a suppressed cell is drawn as "<10", never as an empty bar.
 */
export function LadderMovesFigure({ o }: { o: OutcomeSummary }) {
  const { t, locale } = useI18n();
  const s = useStrings(findingStrings).moves;
  const table = ladderMoveTable(o);
  if (!table) return null;
  const look = useArmLook();
  const label = look.label;
  const pct = (c: Cell) => cellText(c, (v) => formatPercent(v, 1, locale), t.suppressed);
  const count = (v: number) => formatNumber(v, 0, locale);
  const nobody = table.arms.every((a) => a.n.kind === 'value' && a.n.value === 0);
  return (
    <section className="card ladder-moves" aria-labelledby={`moves-h-${o.windowMonths}`}>
      <h2 id={`moves-h-${o.windowMonths}`}>{s.title(o.windowMonths)}</h2>
      <p className="muted small">{s.intro}</p>
      <p className="ladder-moves-n">
        {table.arms.map((a) => (
          <span key={a.arm} className="ladder-moves-arm">
            <ArmTag arm={a.arm} />{' '}
            {a.n.kind === 'suppressed' ? (
              <span className="muted">
                <Num c={a.n} fmt={count} count /> — {s.armHidden}
              </span>
            ) : (
              <span className="muted">
                n = <Num c={a.n} fmt={count} count />
              </span>
            )}
          </span>
        ))}
      </p>
      {nobody ? (
        <p className="muted">{s.none}</p>
      ) : (
        <Figure
          title={s.move}
          alt={s.alt(
            table.rows
              .map(
                (r) =>
                  `${s.steps(r.steps)}: ${r.arms.map((a) => `${label(a.arm)} ${pct(a.cell.rate)}`).join(', ')}`,
              )
              .join('; '),
          )}
          chart={<Bars table={table} pct={pct} />}
          table={<MovesTable table={table} count={count} pct={pct} />}
        />
      )}
    </section>
  );
}

function Bars({ table, pct }: { table: LadderMoveTable; pct: (c: Cell) => string }) {
  const s = useStrings(findingStrings).moves;
  // The one colour of each arm (charts/colors.ts), the same as in every other chart.
  const look = useArmLook();
  const colorOf = (arm: string) => look.style(arm).color;
  return (
    <div className="ladder-bars">
      {table.rows.map((r) => (
        <div key={r.steps} className="ladder-bar-row" data-steps={r.steps}>
          <span className="ladder-bar-label">{s.steps(r.steps)}</span>
          <span className="ladder-bar-arms">
            {r.arms.map((a) => (
              <span key={a.arm} className="ladder-bar-line">
                <span
                  className={`ladder-bar${a.cell.rate.kind === 'suppressed' ? ' suppressed-bar' : ''}`}
                  style={{
                    width:
                      a.cell.rate.kind === 'value'
                        ? `${Math.max(a.cell.rate.value * 100, 0.5)}%`
                        : '1.5rem',
                    background: a.cell.rate.kind === 'value' ? colorOf(a.arm) : undefined,
                    borderColor: colorOf(a.arm),
                  }}
                />
                <span className="ladder-bar-value">{pct(a.cell.rate)}</span>
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

function MovesTable({
  table,
  count,
  pct,
}: {
  table: LadderMoveTable;
  count: (v: number) => string;
  pct: (c: Cell) => string;
}) {
  const s = useStrings(findingStrings).moves;
  return (
    <ScrollTable label={s.move}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{s.move}</th>
            {table.arms.map((a) => (
              <th key={a.arm} scope="col">
                <ArmTag arm={a.arm} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.steps} data-steps={r.steps}>
              <th scope="row">{s.steps(r.steps)}</th>
              {r.arms.map((a) => (
                <td key={a.arm}>
                  {pct(a.cell.rate)} (<Num c={a.cell.count} fmt={count} count />)
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
