import { primaryArm } from '@wegwijzer/outcomes';
import type { OutcomeSummary } from '../../api/queries.ts';
import { cell, type Cell } from '../../suppression.ts';

/**
 * One savings story per pilot (SPEC §3 savings, net effect; issue 16): the waterfall, the net
 * effect and the return per euro told as one ledger, each figure saying its cost base, so that
 * no screen can tell a different one.
 *
 *   avoided benefit + offset income                 = gross return of the intervention arm
 *   − what the control arm reached without the pilot (only with a control arm: the counterfactual)
 *   = return attributable to the pilot               ("opbrengst")
 *   − guidance cost of the participants
 *   = net effect (with control) or gross savings (without: no counterfactual, SPEC §3)
 *
 * Every figure is one of the reply's, except the counterfactual, which is what makes the reply's
 * own figures add up (A + O − G − net effect): the same as the engine's control mean × the
 * intervention's evaluable n, to the cent. Return per euro is the attributable return divided by
 * a cost base: the participants' guidance cost, and the budget lines when the pilot has them.
 */
export interface SavingsStory {
  basis: 'net_effect' | 'gross';
  /** The intervention arm the story is about (the primary one, as for `netEffect`). */
  arm: string;
  avoidedBenefit: Cell;
  offsetIncome: Cell;
  /** The control arm's counterfactual; `missing` without a control arm. */
  counterfactual: Cell;
  /** Avoided benefit + offset income − counterfactual: what the return per euro divides. */
  attributable: Cell;
  guidanceCost: Cell;
  /** The net effect with a control arm, the gross savings without. */
  result: Cell;
  /** Attributable return per euro of the participants' guidance cost. */
  perEuroGuidance: Cell;
  /** Attributable return per euro of the budget lines; `missing` without a budget. */
  perEuroBudget: Cell;
  /** The budget lines' total, EUR, or null without budget lines. */
  budget: number | null;
}

const SUPPRESSED: Cell = { kind: 'suppressed' };
const MISSING: Cell = { kind: 'missing' };
const value = (v: number): Cell => ({ kind: 'value', value: v });
/** Cents, so that sums of euro amounts carry no floating-point dust. */
const c2 = (v: number) => Math.round(v * 100) / 100;

/** a op b for cells: a value only when both are; suppressed when either is. */
function combine(a: Cell, b: Cell, f: (x: number, y: number) => number | null): Cell {
  if (a.kind === 'value' && b.kind === 'value') {
    const r = f(a.value, b.value);
    return r === null ? MISSING : value(r);
  }
  return a.kind === 'suppressed' || b.kind === 'suppressed' ? SUPPRESSED : MISSING;
}

/** The primary intervention arm of a reply, as the engine picks it (`primaryArm`). */
export function storyArm(o: Pick<OutcomeSummary, 'arms'>): string | undefined {
  return primaryArm(Object.keys(o.arms));
}

export function savingsStory(
  o: Pick<OutcomeSummary, 'arms' | 'netEffect' | 'savingsBasis' | 'suppressed'>,
  totalBudget: number | null = null,
): SavingsStory | null {
  const arm = storyArm(o);
  const a = arm === undefined ? undefined : o.arms[arm];
  if (!arm || !a) return null;
  const s = o.suppressed;
  const at = (k: string) =>
    cell(a.savings[k as keyof typeof a.savings], `/arms/${arm}/savings/${k}`, s);
  const avoidedBenefit = at('avoidedBenefit');
  const offsetIncome = at('offsetIncome');
  const guidanceCost = at('guidanceCost');
  const gross = combine(avoidedBenefit, offsetIncome, (x, y) => c2(x + y));
  const net = o.savingsBasis === 'net_effect';
  const result = net ? cell(o.netEffect, '/netEffect', s) : at('net');
  // With control: gross − counterfactual − guidance = net effect, so the counterfactual is the rest.
  const counterfactual = net
    ? combine(
        combine(gross, guidanceCost, (x, y) => c2(x - y)),
        result,
        (x, y) => c2(x - y),
      )
    : MISSING;
  const attributable = net ? combine(gross, counterfactual, (x, y) => c2(x - y)) : gross;
  const per = (base: Cell) => combine(attributable, base, (x, y) => (y > 0 ? x / y : null));
  const budget = totalBudget !== null && totalBudget > 0 ? totalBudget : null;
  return {
    basis: net ? 'net_effect' : 'gross',
    arm,
    avoidedBenefit,
    offsetIncome,
    counterfactual,
    attributable,
    guidanceCost,
    result,
    perEuroGuidance: per(guidanceCost),
    perEuroBudget: budget === null ? MISSING : per(value(budget)),
    budget,
  };
}
