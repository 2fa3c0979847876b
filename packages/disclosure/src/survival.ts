import type { SurvivalReply } from '@wegwijzer/domain';
import { kaplanMeier, logRank, logRankK, type SurvivalTime } from '@wegwijzer/outcomes';
import type { Rounded } from './outcomes.ts';
import { protectCount, type DisclosureRules } from './rules.ts';

type Curve = NonNullable<SurvivalReply['arms'][string]>;

const ceilTo = (x: number, step: number) => Math.ceil(x / step) * step;

/**
 * A disclosure-safe Kaplan–Meier curve (OpenSAFELY's kaplan-meier-function, SPEC §6): from the
 * exact curve's risk table (its events and numbers at risk, with `n` the group's size) the
 * cumulative events are rounded up to multiples of the threshold and the cumulative censorings
 * up to multiples of the base, so every step carries at least the threshold of events; the
 * curve, its Greenwood interval and its median are computed from that table as from any data
 * (as follow-up times fed to the engine's `kaplanMeier`), and end where fewer than the threshold
 * are at risk. Returns the rounded follow-up times too, for the log-rank test between arms.
 */
export function protectCurve(
  exact: Curve,
  n: number,
  rules: DisclosureRules,
): { curve: Curve; times: SurvivalTime[] } | null {
  const size = protectCount(n, rules);
  if (size === null || size < rules.threshold) return null;
  const points = exact.points.map((p) => ({
    t: p.t,
    atRisk: p.atRisk ?? 0,
    events: p.events ?? 0,
  }));
  const times: SurvivalTime[] = [];
  let cumEvents = 0;
  let shownEvents = 0;
  let shownCensored = 0;
  const censorUpTo = (t: number, exactCensored: number) => {
    const rounded = Math.min(ceilTo(exactCensored, rules.base), size - shownEvents);
    // Censored half a day before the step: they leave the risk set before it.
    for (; shownCensored < rounded; shownCensored++) times.push({ days: t - 0.5, censored: true });
  };
  for (const p of points) {
    // Everyone not at risk at t who did not have an earlier event was censored before t.
    censorUpTo(p.t, n - p.atRisk - cumEvents);
    cumEvents += p.events;
    const rounded = Math.min(ceilTo(cumEvents, rules.threshold), size - shownCensored);
    for (; shownEvents < rounded; shownEvents++) times.push({ days: p.t, censored: false });
  }
  const end = (points.at(-1)?.t ?? 0) + 0.5;
  while (shownEvents + shownCensored < size) {
    times.push({ days: end, censored: true });
    shownCensored++;
  }
  const km = kaplanMeier(times);
  const kept = km.points.filter((p) => p.atRisk >= rules.threshold);
  const median = km.median !== null && kept.some((p) => p.t === km.median) ? km.median : null;
  return {
    curve: {
      points: kept.map((p) => ({ t: p.t, survival: p.survival, lower: p.lower, upper: p.upper })),
      median,
    },
    times,
  };
}

/**
 * Survival curves for a viewer: each arm's disclosure-safe curve, and every log-rank test
 * (pairwise against control, and the k-sample one) recomputed from the rounded tables. `sizes`
 * are the exact group sizes behind each curve, by arm code.
 */
export function protectSurvival(
  reply: SurvivalReply,
  sizes: Record<string, number>,
  rules: DisclosureRules,
): Rounded<SurvivalReply> {
  const arms: SurvivalReply['arms'] = {};
  const times: Record<string, SurvivalTime[]> = {};
  const suppressed: string[] = [];
  for (const arm of Object.keys(reply.arms)) {
    const km = reply.arms[arm];
    if (!km) continue;
    const safe = protectCurve(km, sizes[arm] ?? 0, rules);
    if (!safe) {
      suppressed.push(`/arms/${arm}`);
      continue;
    }
    arms[arm] = safe.curve;
    times[arm] = safe.times;
    if (km.median !== null && safe.curve.median === null) suppressed.push(`/arms/${arm}/median`);
  }
  const pair = (arm: string) =>
    times[arm] && times.control ? logRank(times[arm], times.control) : null;
  const codes = Object.keys(reply.arms);
  const primary = codes.includes('intervention')
    ? 'intervention'
    : codes.find((c) => c !== 'control');
  const test = primary === undefined ? null : pair(primary);
  if (reply.logRank !== null && test === null) suppressed.push('/logRank');
  const shown: Rounded<SurvivalReply> = {
    ...reply,
    arms,
    logRank: reply.logRank === null ? null : test,
    suppressed,
    rounded: true,
  };
  if (reply.comparisons) {
    const comparisons: NonNullable<SurvivalReply['comparisons']> = {};
    for (const [code, c] of Object.entries(reply.comparisons)) {
      const t = c.logRank === null ? null : pair(code);
      if (c.logRank !== null && t === null) suppressed.push(`/comparisons/${code}/logRank`);
      comparisons[code] = { logRank: t };
    }
    shown.comparisons = comparisons;
  }
  if (reply.logRankK !== undefined) {
    // Only arms whose curve a viewer sees enter the test, from their rounded tables.
    const visible = Object.values(times);
    const k = reply.logRankK === null || visible.length < 3 ? null : logRankK(visible);
    if (reply.logRankK !== null && k === null) suppressed.push('/logRankK');
    shown.logRankK = k;
  }
  return shown;
}
