import type { OutcomeSummary, SurvivalReply } from '@wegwijzer/domain';
import { cell, isSuppressed, type Cell } from '../suppression.ts';
import { kmBand, kmValue, type ArmKey, type KmRow } from './mappers.ts';

/** Debts and money stress (issue 11): pure mappers from the outcomes replies to rows. */

type Summary = Pick<OutcomeSummary, 'arms' | 'suppressed'>;

/**
 * True when some arm has participants with a debt intake. A suppressed n (1 to 9 for viewers)
 * counts as debt data: it is small, not absent.
 */
export function hasDebtData(o: Summary): boolean {
  return Object.keys(o.arms).some((arm) => {
    const d = o.arms[arm]?.debts;
    if (!d) return false;
    return (d.n ?? 0) > 0 || isSuppressed(`/arms/${arm}/debts/n`, o.suppressed);
  });
}

export interface DebtArmRow {
  arm: ArmKey;
  /** Evaluable participants with a debt intake. */
  n: Cell;
  /** Of those, with debts stabilised or a settlement started or debt-free in the window. */
  count: Cell;
  rate: Cell;
  ci: readonly [number, number] | null;
  /** Participants with at least two money-stress scores in the window. */
  stressN: Cell;
  /** Mean of latest − earliest score (0–10): negative is less stress. */
  stressChange: Cell;
}

/** One row per arm present in the reply, with suppressed cells marked as such. */
export function debtRows(o: Summary): DebtArmRow[] {
  return Object.keys(o.arms)
    .filter((arm) => o.arms[arm]?.debts)
    .map((arm) => {
      const d = o.arms[arm]!.debts;
      const p = `/arms/${arm}/debts`;
      const s = o.suppressed;
      const n = cell(d.n, `${p}/n`, s);
      // Over no one there is no share to hide: "–", not "<10".
      const rate: Cell =
        n.kind === 'value' && n.value === 0
          ? { kind: 'missing' }
          : cell(d.stabilised.rate, `${p}/stabilised/rate`, s);
      return {
        arm,
        n,
        count: cell(d.stabilised.count, `${p}/stabilised/count`, s),
        rate,
        ci: rate.kind === 'value' ? d.stabilised.ci95 : null,
        stressN: cell(d.moneyStressN, `${p}/moneyStressN`, s),
        stressChange: cell(d.meanMoneyStressChange, `${p}/meanMoneyStressChange`, s),
      };
    });
}

export interface DebtWindowRow {
  window: number;
  cells: Partial<Record<ArmKey, DebtArmRow>>;
  /**
   * Per arm code the rate for the line (`<code>`; null where there is nothing to draw:
   * suppressed, no one evaluable) and `<code>Err`, [rate − lower, upper − rate] for Recharts'
   * ErrorBar.
   */
  [arm: string]: number | [number, number] | null | Partial<Record<ArmKey, DebtArmRow>>;
}

/** The stabilised share per outcome window (6/12/18/24/36 months), one row per window. */
export function debtWindowRows(
  list: readonly (Summary & Pick<OutcomeSummary, 'windowMonths'>)[],
): DebtWindowRow[] {
  return [...list]
    .sort((a, b) => a.windowMonths - b.windowMonths)
    .map((o) => {
      const rows = debtRows(o);
      const out: DebtWindowRow = {
        window: o.windowMonths,
        intervention: null,
        control: null,
        interventionErr: null,
        controlErr: null,
        cells: {},
      };
      for (const r of rows) {
        out.cells[r.arm] = r;
        if (r.rate.kind !== 'value') continue;
        const v = r.rate.value;
        out[r.arm] = v;
        out[`${r.arm}Err`] = r.ci ? [v - r.ci[0], r.ci[1] - v] : null;
      }
      return out;
    });
}

/**
 * Kaplan–Meier rows of "not yet stabilised" turned into the share stabilised so far (1 − S),
 * which reads the same way as the bars: up is good. The band flips with it.
 */
export function stabilisedCurve(rows: readonly KmRow[]): KmRow[] {
  const flip = (b: [number, number] | undefined): [number, number] | undefined =>
    b ? [1 - b[1], 1 - b[0]] : undefined;
  return rows.map((r) => {
    const out: KmRow = { t: r.t };
    for (const a of Object.keys(r).filter((k) => k !== 't' && !k.endsWith('Band'))) {
      const v = kmValue(r, a);
      if (v == null) continue;
      out[a] = 1 - v;
      out[`${a}Band`] = flip(kmBand(r, a));
    }
    return out;
  });
}

/**
 * A Kaplan–Meier reply without its unreliable tail: points where fewer than `minAtRisk` are still
 * followed (when the reply says), and a last step without an interval (the last person followed
 * has the event, so the curve drops to 0 and no interval exists). Drawn, that tail reads as
 * "everyone stabilised".
 */
export function trimTail(s: SurvivalReply, minAtRisk = 10): SurvivalReply {
  const arms: SurvivalReply['arms'] = { ...s.arms };
  for (const a of Object.keys(s.arms)) {
    const arm = s.arms[a];
    if (!arm) continue;
    const points = arm.points.filter(
      (p, i) =>
        (p.atRisk == null || p.atRisk >= minAtRisk) &&
        !(i > 0 && p.lower == null && p.upper == null),
    );
    arms[a] = { ...arm, points };
  }
  return { ...s, arms };
}
