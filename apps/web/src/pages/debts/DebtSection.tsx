import type { OutcomeSummary } from '../../api/queries.ts';
import { debtRows, type DebtArmRow } from '../../charts/debts.ts';
import { Figure } from '../../components/Figure.tsx';
import { ArmTag, Num } from '../../components/Num.tsx';
import { RateBars } from '../../components/RateBars.tsx';
import { formatInterval, formatNumber, formatPercent } from '../../format.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText } from '../../suppression.ts';
import { DebtKaplanMeier, DebtOverTime } from './DebtTrends.tsx';
import { debtStrings } from './strings.ts';
import {
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

/**
 * "Schulden en geldstress" on the Resultaten tab (issue 11, finding 7): the share with debts under
 * control per arm, the change in money stress, and both over time. Shown only for pilots with
 * debt data; its own chunk, as it carries Recharts.
 */
export default function DebtSection({
  pilotId,
  o,
}: {
  pilotId: string;
  o: Pick<OutcomeSummary, 'arms' | 'suppressed' | 'windowMonths'>;
}) {
  const { t } = useI18n();
  const s = useStrings(debtStrings);
  const rows = debtRows(o);
  return (
    <section className="debts" aria-labelledby="debts-h">
      <Heading2 id="debts-h">{s.title}</Heading2>
      <p className="muted">{s.intro}</p>
      <div className="grid-2">
        <Stabilised rows={rows} windowMonths={o.windowMonths} />
        <MoneyStress rows={rows} windowMonths={o.windowMonths} />
      </div>
      <DebtOverTime pilotId={pilotId} />
      <DebtKaplanMeier pilotId={pilotId} />
      <details className="definitions">
        <summary>{t.howComputed}</summary>
        <ul>
          {s.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function Stabilised({ rows, windowMonths }: { rows: DebtArmRow[]; windowMonths: number }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  return (
    <Figure
      title={s.stabilisedTitle(windowMonths)}
      alt={`${s.stabilisedAlt} ${rows
        .map(
          (r) =>
            `${look.label(r.arm)}: ${cellText(r.rate, pct, t.notShown)}${r.ci ? ` (95%-BI ${formatInterval(r.ci, locale)})` : ''}, ${s.ofN(cellText(r.count, n), cellText(r.n, n))}`,
        )
        .join('; ')}.`}
      chart={
        <>
          <RateBars rows={rows} />
          <ul className="plain small">
            {rows.map((r) => (
              <li key={r.arm}>
                {look.label(r.arm)}: {s.ofN(cellText(r.count, n), cellText(r.n, n))}
                {r.ci && ` (95%-BI ${formatInterval(r.ci, locale)})`}
              </li>
            ))}
          </ul>
        </>
      }
      table={
        <Table className="data-table debts-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.armFilter}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.stabilised}</TableHeaderCell>
              <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
              <TableHeaderCell scope="col">{s.withDebts}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.arm}>
                <TableHeaderCell scope="row">
                  <ArmTag arm={r.arm} />
                </TableHeaderCell>
                <TableCell>
                  <Num c={r.rate} fmt={pct} /> (<Num c={r.count} fmt={n} count />)
                </TableCell>
                <TableCell>{r.ci ? formatInterval(r.ci, locale) : '–'}</TableCell>
                <TableCell>
                  <Num c={r.n} fmt={n} count />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

function MoneyStress({ rows, windowMonths }: { rows: DebtArmRow[]; windowMonths: number }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const n = (v: number) => formatNumber(v, 0, locale);
  const pts = (v: number) =>
    s.points(
      new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(v),
    );
  const known = rows.flatMap((r) =>
    r.stressChange.kind === 'value' ? [r.stressChange.value] : [],
  );
  // A symmetric axis around zero, at least ±2 points, so a small change is not blown up.
  const span = Math.max(2, Math.ceil(Math.max(0, ...known.map(Math.abs))));
  const x = (v: number) => 50 + (v / span) * 50;
  return (
    <Figure
      title={s.stressTitle(windowMonths)}
      alt={`${s.stressAlt} ${rows.map((r) => `${look.label(r.arm)}: ${cellText(r.stressChange, pts, t.notShown)} (n = ${cellText(r.stressN, n)})`).join('; ')}.`}
      chart={
        <div className="stress-bars">
          {rows.map((r) => {
            const c = r.stressChange;
            return (
              <div className="armbar-row" key={r.arm}>
                <ArmTag arm={r.arm} />
                <div className="armbar-track stress-track">
                  <div className="stress-zero" />
                  {c.kind === 'value' ? (
                    <div
                      className="armbar-fill stress-fill"
                      style={{
                        background: look.style(r.arm).color,
                        left: `${Math.min(x(0), x(c.value))}%`,
                        width: `${Math.max(Math.abs(x(c.value) - x(0)), 0.5)}%`,
                      }}
                    />
                  ) : (
                    <div
                      className="armbar-fill hatched stress-fill"
                      style={{ left: '47%', width: '6%' }}
                    />
                  )}
                </div>
                <span className="armbar-value">
                  <Num c={c} fmt={(v) => formatNumber(v, 1, locale)} />
                </span>
              </div>
            );
          })}
          <div className="armbar-row stress-axis small muted">
            <span />
            <div className="stress-axis-labels">
              <span>← {s.less}</span>
              <span>{s.more} →</span>
            </div>
            <span />
          </div>
        </div>
      }
      table={
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.armFilter}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.stressChange}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.stressN}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.arm}>
                <TableHeaderCell scope="row">
                  <ArmTag arm={r.arm} />
                </TableHeaderCell>
                <TableCell>
                  <Num c={r.stressChange} fmt={pts} />
                </TableCell>
                <TableCell>
                  <Num c={r.stressN} fmt={n} count />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}
