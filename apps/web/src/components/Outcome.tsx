import type { OutcomeSummary } from '../api/queries.ts';
import { headline, routeSegments, ROUTE_KEYS, type ArmKey } from '../charts/mappers.ts';
import {
  formatInterval,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../format.ts';
import { useArmLook } from '../charts/arms.tsx';
import { useI18n } from '../i18n.tsx';
import { cell, cellText } from '../suppression.ts';
import type { ReferenceMark } from '../charts/reference.ts';
import { Figure, InHiddenChart } from './Figure.tsx';
import { ArmTag, Num } from './Num.tsx';
import { RateBars } from './RateBars.tsx';
import { referenceLabel, referenceRate } from './References.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

type Summary = Pick<
  OutcomeSummary,
  'arms' | 'suppressed' | 'difference' | 'netEffect' | 'savingsBasis' | 'windowMonths'
>;

/** "38,4% uit de bijstand na 12 maanden" plus "(x van n; 95%-BI a–b) — p deelnemers nog te vroeg om te beoordelen". */
export function HeadlineText({
  o,
  arm = 'intervention',
  large = false,
}: {
  o: Summary;
  arm?: ArmKey;
  large?: boolean;
}) {
  const { t, locale } = useI18n();
  const h = headline(o, arm);
  if (!h) return null;
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  // Nobody has been followed for the whole window yet: say so, instead of a lone "–".
  if (h.evaluable.kind === 'value' && h.evaluable.value === 0)
    return (
      <div className={large ? 'headline headline-large' : 'headline'}>
        <p className="headline-rate">
          <span className="big-number none-yet">{t.noneEvaluable}</span>
        </p>
        <p className="headline-detail">
          {t.noneEvaluableWhy(o.windowMonths)} — {t.pendingText(cellText(h.pending, n))}
        </p>
      </div>
    );
  return (
    <div className={large ? 'headline headline-large' : 'headline'}>
      <p className="headline-rate">
        <span className="big-number">
          <Num c={h.rate} fmt={pct} />
        </span>{' '}
        {t.offBenefitAfter(o.windowMonths)}
      </p>
      <p className="headline-detail">
        {t.ofN(
          cellText(h.count, n),
          cellText(h.evaluable, n),
          h.ci ? formatInterval(h.ci, locale) : '–',
        )}{' '}
        — {t.pendingText(cellText(h.pending, n))}
      </p>
    </div>
  );
}

/** Net savings, or the net effect against control when the pilot has one. */
export function NetSavings({ o }: { o: Summary }) {
  const { t, locale } = useI18n();
  const effect = o.savingsBasis === 'net_effect';
  const c = effect
    ? cell(o.netEffect, '/netEffect', o.suppressed)
    : cell(
        o.arms.intervention?.savings.net ?? null,
        '/arms/intervention/savings/net',
        o.suppressed,
      );
  return (
    <p className="net-savings">
      {/* SPEC §3: without a control arm there is no counterfactual, so the savings are gross. */}
      <span className="label">{effect ? t.netEffect : t.grossSavings}</span>{' '}
      <strong className={c.kind === 'value' && c.value < 0 ? 'negative' : undefined}>
        <Num c={c} fmt={(v) => formatMoney(v, false, locale)} />
      </strong>
    </p>
  );
}

/**
 * Intervention vs control as two horizontal bars with interval whiskers (0–100%), with the
 * municipality's reference figures for the same window as marked lines. Without a control group
 * the intervention bar stands beside the reference figures alone.
 */
export function ArmBars({
  o,
  compact = false,
  marks = [],
}: {
  o: Summary;
  compact?: boolean;
  marks?: readonly ReferenceMark[];
}) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const arms = Object.keys(o.arms);
  const rows = arms.map((arm) => ({ arm, h: headline(o, arm)! }));
  const chart = (
    <RateBars
      rows={rows.map(({ arm, h }) => ({ arm, rate: h.rate, ci: h.ci }))}
      marks={marks}
      compact={compact}
    />
  );
  if (compact)
    return (
      <div aria-hidden="true">
        <InHiddenChart.Provider value>{chart}</InHiddenChart.Provider>
      </div>
    );
  const diff = o.difference;
  return (
    <Figure
      title={o.arms.control ? t.comparison : t.referenceComparison}
      alt={[
        ...rows.map(
          ({ arm, h }) =>
            `${look.label(arm)}: ${cellText(h.rate, (v) => formatPercent(v, 1, locale), t.notShown)}${h.ci ? ` (95%-BI ${formatInterval(h.ci, locale)})` : ''}`,
        ),
        ...marks.map((m) => referenceLabel(m, t, locale)),
      ].join('; ')}
      chart={
        <>
          {chart}
          {diff?.rate != null && (
            <p className="muted">
              {t.difference}: {formatPoints(diff.rate, locale)}{' '}
              {diff.ci95 && `(95%-BI ${formatInterval(diff.ci95, locale)})`}
            </p>
          )}
        </>
      }
      table={
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.armFilter}</TableHeaderCell>
              <TableHeaderCell scope="col">%</TableHeaderCell>
              <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
              <TableHeaderCell scope="col">n</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ arm, h }) => (
              <TableRow key={arm}>
                <TableHeaderCell scope="row">
                  <ArmTag arm={arm} />
                </TableHeaderCell>
                <TableCell>
                  <Num c={h.rate} fmt={(v) => formatPercent(v, 1, locale)} />
                </TableCell>
                <TableCell>{h.ci ? formatInterval(h.ci, locale) : '–'}</TableCell>
                <TableCell>
                  <Num c={h.evaluable} fmt={(v) => formatNumber(v, 0, locale)} count />
                </TableCell>
              </TableRow>
            ))}
            {marks.map((m) => (
              <TableRow key={m.id}>
                <TableHeaderCell scope="row">
                  {t.referenceKinds[m.kind]} ({m.period})
                </TableHeaderCell>
                <TableCell>{referenceRate(m, locale)}</TableCell>
                <TableCell>–</TableCell>
                <TableCell>–</TableCell>
              </TableRow>
            ))}
            {diff && (
              <TableRow>
                <TableHeaderCell scope="row">{t.difference}</TableHeaderCell>
                <TableCell>{diff.rate != null ? formatPoints(diff.rate, locale) : '–'}</TableCell>
                <TableCell>{diff.ci95 ? formatInterval(diff.ci95, locale) : '–'}</TableCell>
                <TableCell />
              </TableRow>
            )}
          </TableBody>
        </Table>
      }
    />
  );
}

/** Route split (Bbz, regulier werk, combinatie, anders) as a horizontal stacked bar; suppressed routes hatched with "<10". */
export function RouteBar({ o, arm = 'intervention' }: { o: Summary; arm?: ArmKey }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const a = o.arms[arm];
  if (!a) return null;
  const segs = routeSegments(a, arm, o.suppressed);
  const n = (v: number) => formatNumber(v, 0, locale);
  const empty = segs.every((s) => s.width === 0);
  return (
    <Figure
      title={`${t.routeSplit} — ${look.label(arm).toLowerCase()}`}
      alt={segs.map((s) => `${t.routes[s.key]}: ${cellText(s.cell, n)}`).join(', ')}
      chart={
        empty ? (
          <p className="muted">{t.empty}</p>
        ) : (
          <>
            <div className="stacked">
              {segs
                .filter((s) => s.width > 0)
                .map((s) => (
                  <div
                    key={s.key}
                    className={`seg route-${s.key}${s.cell.kind === 'suppressed' ? ' hatched' : ''}`}
                    style={{ width: `${s.width * 100}%` }}
                    title={`${t.routes[s.key]}: ${cellText(s.cell, n)}`}
                  >
                    {s.width > 0.08 && <span>{cellText(s.cell, n)}</span>}
                  </div>
                ))}
            </div>
            <ul className="legend">
              {segs.map((s) => (
                <li key={s.key}>
                  <span
                    className={`swatch route-${s.key}${s.cell.kind === 'suppressed' ? ' hatched' : ''}`}
                    aria-hidden="true"
                  />
                  {t.routes[s.key]}: <Num c={s.cell} fmt={n} count />
                </li>
              ))}
            </ul>
          </>
        )
      }
      table={
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.routeSplit}</TableHeaderCell>
              <TableHeaderCell scope="col">n</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ROUTE_KEYS.map((k) => {
              const s = segs.find((x) => x.key === k)!;
              return (
                <TableRow key={k}>
                  <TableHeaderCell scope="row">{t.routes[k]}</TableHeaderCell>
                  <TableCell>
                    <Num c={s.cell} fmt={n} count />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      }
    />
  );
}
