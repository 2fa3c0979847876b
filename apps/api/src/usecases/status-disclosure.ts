import type { StatusByMonthReply } from '@wegwijzer/domain';

/**
 * Disclosure control of status by month for viewers (SPEC §6), threshold suppression only:
 * a month where an arm has fewer than `threshold` evaluable participants is left out of that
 * arm's curve, and a month's off-benefit count is hidden (with its rate and interval) when it,
 * or the evaluable who are still on benefit, number from 1 to threshold − 1, since evaluable
 * minus off would give the latter.
 *
 * TODO(#14): rounding of counts and rates from rounded counts come with packages/disclosure.
 */
export function suppressStatusByMonth(
  reply: StatusByMonthReply,
  threshold: number,
): StatusByMonthReply {
  const small = (v: number) => v >= 1 && v < threshold;
  const suppressed: string[] = [];
  const protect = (
    arm: 'intervention' | 'control',
    points: StatusByMonthReply['arms']['intervention'],
  ) =>
    points
      .filter((p) => (p.evaluable ?? 0) >= threshold)
      .map((p, i) => {
        const off = p.offBenefit.count ?? 0;
        if (!small(off) && !small((p.evaluable ?? 0) - off)) return p;
        suppressed.push(`/arms/${arm}/${i}/offBenefit/count`);
        return { ...p, offBenefit: { count: null, rate: null, ci95: null } };
      });
  const arms: StatusByMonthReply['arms'] = {
    intervention: protect('intervention', reply.arms.intervention),
  };
  if (reply.arms.control) arms.control = protect('control', reply.arms.control);
  return { ...reply, arms, suppressed };
}
