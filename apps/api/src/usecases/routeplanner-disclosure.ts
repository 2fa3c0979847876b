import type { RouteplannerResult } from '@wegwijzer/domain';
import { protectBreakdown } from './disclosure.ts';

/**
 * Disclosure control (SPEC §6) of one route-planner result for viewers. The planner already
 * widens every match to at least the threshold in each arm used, so what remains are the small
 * numerators: off-benefit counts, routes, and the subgroup sizes of the heterogeneity test.
 * Returns the result with hidden figures set to null and their JSON pointers, relative to the
 * result, so the caller can add the result's final position.
 */
export function suppressRouteplannerResult(
  input: RouteplannerResult,
  threshold: number,
): { result: RouteplannerResult; hidden: string[] } {
  const result = structuredClone(input);
  const hidden: string[] = [];
  const small = (v: number | null) => v !== null && v >= 1 && v < threshold;
  const hide = <T extends object>(obj: T, key: keyof T & string, at: string) => {
    if (obj[key] === null || obj[key] === undefined) return;
    (obj as Record<string, unknown>)[key] = null;
    hidden.push(`${at}/${key}`);
  };

  const { matched } = result;
  if (small(matched.intervention)) hide(matched, 'intervention', '/matched');
  if (small(matched.control)) hide(matched, 'control', '/matched');

  const proportion = (p: RouteplannerResult['offBenefit'], n: number | null, at: string) => {
    if (small(p.count)) hide(p, 'count', at);
    if (p.count === null || n === null || n < threshold) {
      hide(p, 'rate', at);
      hide(p, 'ci95', at);
    }
  };
  proportion(result.offBenefit, matched.intervention, '/offBenefit');
  if (result.offBenefitControl)
    proportion(result.offBenefitControl, matched.control, '/offBenefitControl');

  // The routes add up to the off-benefit count: protect them as a breakdown of a shown total.
  const routeKeys = Object.keys(result.routes) as (keyof RouteplannerResult['routes'])[];
  const routeValues = routeKeys.map((r) => result.routes[r]);
  if (routeValues.every((v) => v !== null)) {
    const out = protectBreakdown(
      routeValues as number[],
      routeValues.map(() => false),
      threshold,
      result.offBenefit.count !== null,
    );
    routeKeys.forEach((r, i) => {
      if (out[i]) hide(result.routes, r, '/routes');
    });
  }

  // With both rates and sizes shown a difference gives nothing away; with either rate hidden it would.
  if (
    result.difference &&
    (result.offBenefit.rate === null || result.offBenefitControl?.rate == null)
  ) {
    hide(result.difference, 'rate', '/difference');
    hide(result.difference, 'ci95', '/difference');
  }

  const het = result.heterogeneity;
  if (het) {
    // Per arm the subgroups add up to the pilot's evaluable count, which the outcome summary shows.
    for (const arm of ['intervention', 'control'] as const) {
      const values = het.groups.map((g) => g.n[arm] ?? 0);
      const out = protectBreakdown(
        values,
        values.map(() => false),
        threshold,
        true,
      );
      het.groups.forEach((g, i) => {
        if (out[i]) hide(g.n, arm, `/heterogeneity/groups/${i}/n`);
      });
    }
    het.groups.forEach((g, i) => {
      if (g.difference && (g.n.intervention === null || g.n.control === null)) {
        hide(g.difference, 'rate', `/heterogeneity/groups/${i}/difference`);
        hide(g.difference, 'ci95', `/heterogeneity/groups/${i}/difference`);
      }
    });
  }
  return { result, hidden };
}
