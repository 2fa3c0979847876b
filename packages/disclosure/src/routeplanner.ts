import type { RouteplannerReply, RouteplannerResult } from '@wegwijzer/domain';
import { cochranQ } from '@wegwijzer/outcomes';
import { hiddenPointers } from './arm.ts';
import { secondarySuppression } from './breakdown.ts';
import type { Rounded } from './outcomes.ts';
import {
  large,
  protectCount,
  protectDifference,
  protectProportion,
  type DisclosureRules,
} from './rules.ts';

/** Exact counts of one heterogeneity group, per arm, that the reply does not carry. */
export interface GroupCounts {
  intervention: { off: number; evaluable: number };
  control: { off: number; evaluable: number };
}

const ROUTES = ['regular_work', 'bbz', 'combination', 'other'] as const;

/**
 * One route-planner result for a viewer: matched sizes, counts and routes protected, shares and
 * differences from the rounded counts, and the heterogeneity test recomputed from the rounded
 * counts of its groups (`groups`, exact, in the order of `result.heterogeneity.groups`).
 */
export function protectRouteplannerResult(
  result: RouteplannerResult,
  groups: readonly GroupCounts[],
  rules: DisclosureRules,
): RouteplannerResult {
  const c = (x: number | null) => protectCount(x, rules);
  const nI = result.matched.intervention;
  const nC = result.matched.control;
  const offBenefit = protectProportion(result.offBenefit.count, nI, rules);
  const offBenefitControl = result.offBenefitControl
    ? protectProportion(result.offBenefitControl.count, nC, rules)
    : null;
  const routeCells = secondarySuppression(
    offBenefit.count,
    ROUTES.map((r) => result.routes[r] ?? 0),
    ROUTES.map((r) => c(result.routes[r])),
    rules,
  );
  const matched = { intervention: c(nI), control: c(nC) };
  const difference =
    result.difference && offBenefitControl
      ? (protectDifference(
          { ...offBenefit, n: matched.intervention },
          { ...offBenefitControl, n: matched.control },
        ) ?? { rate: null, ci95: null })
      : result.difference;
  let heterogeneity = result.heterogeneity;
  if (heterogeneity) {
    const shown = groups.map((g) => ({
      x1: c(g.intervention.off),
      n1: c(g.intervention.evaluable),
      x2: c(g.control.off),
      n2: c(g.control.evaluable),
    }));
    const ok = (i: number) =>
      shown[i]!.x1 !== null &&
      shown[i]!.n1 !== null &&
      shown[i]!.x2 !== null &&
      shown[i]!.n2 !== null;
    // Groups with a suppressed count stay out of the viewer's test: their counts are not known.
    const tested = heterogeneity.groups.flatMap((g, i) => (g.value === null || !ok(i) ? [] : [i]));
    const test = cochranQ(
      tested.map((i) => shown[i] as { x1: number; n1: number; x2: number; n2: number }),
    );
    const big = (i: number) =>
      large(groups[i]!.intervention.evaluable, rules) && large(groups[i]!.control.evaluable, rules);
    heterogeneity = test
      ? {
          ...heterogeneity,
          q: test.q,
          df: test.df,
          p: test.p,
          supportsSubgroupClaim:
            test.p < 0.05 && tested.filter((i, j) => test.included[j] && big(i)).length >= 2,
          groups: heterogeneity.groups.map((g, i) => {
            const s = shown[i]!;
            const a = protectProportion(
              groups[i]!.intervention.off,
              groups[i]!.intervention.evaluable,
              rules,
            );
            const b = protectProportion(
              groups[i]!.control.off,
              groups[i]!.control.evaluable,
              rules,
            );
            return {
              ...g,
              n: { intervention: s.n1, control: s.n2 },
              difference: big(i) ? protectDifference({ ...a, n: s.n1 }, { ...b, n: s.n2 }) : null,
              included: g.value !== null && test.included[tested.indexOf(i)] === true,
            };
          }),
        }
      : null;
  }
  return {
    ...result,
    matched,
    offBenefit,
    offBenefitControl,
    difference,
    routes: Object.fromEntries(
      ROUTES.map((r, i) => [r, routeCells[i]!]),
    ) as RouteplannerResult['routes'],
    heterogeneity,
  };
}

/** The whole route-planner reply for a viewer, with the pointers of what is hidden. */
export function protectRouteplanner(
  reply: RouteplannerReply,
  exact: readonly RouteplannerResult[],
  groups: readonly (readonly GroupCounts[])[],
  rules: DisclosureRules,
): Rounded<RouteplannerReply> {
  const results = exact.map((r, i) => protectRouteplannerResult(r, groups[i] ?? [], rules));
  return {
    ...reply,
    results,
    suppressed: exact.flatMap((r, i) => hiddenPointers(r, results[i], `/results/${i}`)),
    rounded: true,
  };
}
