import type { Attacker } from './attack.ts';

/**
 * The attacker's derivations over a pilot's comparisons (issue 17): every intervention arm
 * against control, in the summary and within each subgroup. A difference is one arm's rate minus
 * control's, a net effect is the arm's evaluable n times its mean gains over control's less its
 * guidance; both put an arm's counts under other names, so they may give away no more than the
 * arm's own shown figures.
 */
export function attackComparisons(
  at: Attacker,
  v: any,
  a: any,
  key: string,
  rounded: boolean,
): void {
  for (const arm of Object.keys(a.comparisons ?? {})) {
    const vc = v.comparisons?.[arm];
    if (!vc) continue;
    attackDifference(at, v.arms, a.arms, vc.difference, `${key}/${arm}`, arm, rounded);
    const mi = v.arms[arm]?.savingsMean;
    const mc = v.arms.control?.savingsMean;
    const ne = vc.netEffect;
    if (typeof ne !== 'number' || !mi || !mc) continue;
    const parts = [
      mi.avoidedBenefit,
      mi.offsetIncome,
      mi.guidanceCost,
      mc.avoidedBenefit,
      mc.offsetIncome,
    ];
    if (!parts.every((x) => typeof x === 'number')) continue;
    const per =
      mi.avoidedBenefit + mi.offsetIncome - (mc.avoidedBenefit + mc.offsetIncome) - mi.guidanceCost;
    if (Math.abs(per) < 1e-9) continue;
    at.claim(
      `${key}/${arm}/evaluable`,
      at.derived(ne / per, rounded, 0.01),
      a.arms[arm]?.evaluable,
      'net effect / (mean gains over control − mean guidance)',
    );
  }
}

/** Each subgroup's comparisons: the difference within the group against the group's rates. */
export function attackSubgroupComparisons(
  at: Attacker,
  v: any,
  a: any,
  key: string,
  rounded: boolean,
): void {
  a.groups.forEach((ag: any, i: number) => {
    const vg = v.groups[i];
    if (!vg) return;
    for (const arm of Object.keys(ag.comparisons ?? {}))
      attackDifference(
        at,
        vg.arms,
        ag.arms,
        vg.comparisons?.[arm]?.difference,
        `${key}/${a.by}=${ag.value}/${arm}`,
        arm,
        rounded,
      );
  });
}

/** rate(arm) = difference + rate(control): with the arm's evaluable n, its off-benefit count. */
function attackDifference(
  at: Attacker,
  vArms: any,
  aArms: any,
  difference: any,
  key: string,
  arm: string,
  rounded: boolean,
): void {
  const d = difference?.rate;
  const control = vArms?.control?.offBenefit?.rate;
  const n = vArms?.[arm]?.evaluable;
  if (typeof d !== 'number' || typeof control !== 'number' || typeof n !== 'number') return;
  at.claim(
    `${key}/offBenefit/count`,
    at.derived((d + control) * n, rounded, 1e-6),
    aArms?.[arm]?.offBenefit?.count,
    'difference + control rate, × evaluable',
  );
  // And the other way round: control's rate is the arm's minus the difference.
  const rate = vArms?.[arm]?.offBenefit?.rate;
  const nc = vArms?.control?.evaluable;
  if (typeof rate !== 'number' || typeof nc !== 'number') return;
  at.claim(
    `${key.slice(0, key.lastIndexOf('/'))}/control/offBenefit/count`,
    at.derived((rate - d) * nc, rounded, 1e-6),
    aArms?.control?.offBenefit?.count,
    'arm rate − difference, × control evaluable',
  );
}
