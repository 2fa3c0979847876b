import type { StatusByMonthReply } from '@wegwijzer/domain';
import { secondarySuppression } from './breakdown.ts';
import type { Rounded } from './outcomes.ts';
import { large, protectCount, protectProportion, type DisclosureRules } from './rules.ts';

type Point = StatusByMonthReply['arms']['intervention'][number];

/**
 * Status by month for a viewer (SPEC §6): a month where an arm has fewer evaluable than the
 * threshold is left out of its curve; the evaluable and off-benefit counts are rounded and the
 * share is computed from them; and since evaluable − off gives those still on benefit, the
 * off-benefit count is hidden where that difference would pin a small count (the secondary
 * rule, which only a rounding base of 1 or 2 can trigger).
 */
export function protectStatusByMonth(
  reply: StatusByMonthReply,
  rules: DisclosureRules,
): Rounded<StatusByMonthReply> {
  const suppressed: string[] = [];
  const protect = (arm: 'intervention' | 'control', points: readonly Point[]): Point[] =>
    points
      .filter((p) => large(p.evaluable, rules))
      .map((p, i) => {
        const off = p.offBenefit.count ?? 0;
        const on = (p.evaluable ?? 0) - off;
        const shown = protectProportion(off, p.evaluable, rules);
        const [offShown] = secondarySuppression(
          protectCount(p.evaluable, rules),
          [off, on],
          [shown.count, protectCount(on, rules)],
          rules,
        );
        if (offShown === null || shown.count === null) {
          suppressed.push(`/arms/${arm}/${i}/offBenefit/count`);
          return {
            month: p.month,
            evaluable: protectCount(p.evaluable, rules),
            offBenefit: { count: null, rate: null, ci95: null },
          };
        }
        return { month: p.month, evaluable: protectCount(p.evaluable, rules), offBenefit: shown };
      });
  const arms: StatusByMonthReply['arms'] = {
    intervention: protect('intervention', reply.arms.intervention),
  };
  if (reply.arms.control) arms.control = protect('control', reply.arms.control);
  return { ...reply, arms, suppressed, rounded: true };
}
