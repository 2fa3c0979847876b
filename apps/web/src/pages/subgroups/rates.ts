import type { SubgroupReply } from '../../api/queries.ts';
import { subgroupArms } from '../../charts/mappers.ts';
import { cell, type Cell } from '../../suppression.ts';

/** Each arm's exit rate per subgroup, for the forest of rates and the rates table. */
export interface RateArm {
  arm: string;
  rate: Cell;
  count: Cell;
  evaluable: Cell;
  ci95: readonly [number, number] | null;
}
export interface RateRow {
  value: string;
  arms: RateArm[];
}

export function rateRows(
  r: SubgroupReply,
  label: (v: string | number | boolean | null) => string,
): RateRow[] {
  const arms = subgroupArms(r);
  return r.groups.map((g, i) => ({
    value: label(g.value),
    arms: arms.flatMap((arm) => {
      const a = g.arms[arm];
      if (!a) return [];
      const at = (path: string) => `/groups/${i}/arms/${arm}/${path}`;
      return [
        {
          arm,
          rate: cell(a.offBenefit.rate, at('offBenefit/rate'), r.suppressed),
          count: cell(a.offBenefit.count, at('offBenefit/count'), r.suppressed),
          evaluable: cell(a.evaluable, at('evaluable'), r.suppressed),
          ci95: a.offBenefit.ci95,
        },
      ];
    }),
  }));
}
