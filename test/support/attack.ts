import { SUBGROUP_FIELDS, WINDOWS } from '@wegwijzer/domain';
import { wilson, Z95 } from '@wegwijzer/outcomes';
import type { TestApp } from './app.ts';
import { attackComparisons, attackSubgroupComparisons } from './attack-arms.ts';

/**
 * The attacker of SPEC §6: a viewer who collects every reply the viewer role can reach and
 * combines them with arithmetic and the published formulas (section 3, Wilson and Greenwood
 * included). Each derivation gives an interval of values the hidden figure can have, given what
 * the viewer sees; where that interval is one value, the figure is derived. A figure the viewer
 * sees in a reply marked `rounded` is known only to its rounding interval; a suppressed count
 * (named in `suppressed`) is known to be 1 to threshold − 1. The admin's exact replies say what
 * the true value is, to count what was derived and to check that every derivation is sound.
 */

export type Replies = Map<string, any>;

/** Subgroup fields of a pilot: the standard ones, then its own variables' codes. */
const fieldsOf = (variables: Readonly<Record<string, readonly string[]>>, p: string) => [
  ...SUBGROUP_FIELDS,
  ...(variables[p] ?? []),
];

/**
 * Every path a viewer can GET about these pilots, for every window, field (the pilots' own
 * variables, by pilot id, included) and profile.
 */
export function viewerPaths(
  pilots: readonly string[],
  variables: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const paths = ['/api/pilots'];
  for (const k of WINDOWS) paths.push(`/api/outcomes?window=${k}`);
  for (const p of pilots) {
    paths.push(`/api/pilots/${p}`, `/api/pilots/${p}/survival`, `/api/pilots/${p}/debts/survival`);
    paths.push(`/api/pilots/${p}/reference-lines`, `/api/pilots/${p}/budget-lines`);
    paths.push(`/api/pilots/${p}/status-by-month`, `/api/pilots/${p}/power?window=12`);
    paths.push(`/api/pilots/${p}/balance`);
    for (const k of WINDOWS) {
      paths.push(
        `/api/pilots/${p}/outcomes?window=${k}`,
        `/api/pilots/${p}/cohorts?window=${k}`,
        `/api/pilots/${p}/budget?window=${k}`,
      );
      for (const by of fieldsOf(variables, p))
        paths.push(`/api/pilots/${p}/subgroups?by=${by}&window=${k}`);
    }
  }
  for (const q of profileQueries()) paths.push(`/api/routeplanner?${q}`);
  return paths;
}

/** The values a profile field can take in the route planner's query. */
export const PROFILE_VALUES: Record<string, readonly string[]> = {
  motivation: ['1', '2', '3', '4', '5'],
  ladderStep: ['1', '2', '3', '4', '5', '6'],
  hasDebts: ['true', 'false'],
  household: ['single', 'single_parent', 'couple'],
  ageBand: ['<27', '27-44', '45-54', '55+'],
  education: ['low', 'mid', 'high'],
  disability: ['true', 'false'],
  refugeeStatus: ['true', 'false'],
};

function profileQueries(): string[] {
  const out = SUBGROUP_FIELDS.map((f) => `window=12&heterogeneityBy=${f}`);
  for (const [f, values] of Object.entries(PROFILE_VALUES))
    for (const v of values) out.push(`window=12&${f}=${encodeURIComponent(v)}`);
  return out;
}

export async function collect(
  t: TestApp,
  token: string,
  paths: readonly string[],
): Promise<Replies> {
  const replies: Replies = new Map();
  for (const path of paths) {
    const { status, body } = await t.json(path, { as: token });
    if (status !== 200) throw new Error(`${path}: ${status} ${JSON.stringify(body)}`);
    replies.set(path, body);
  }
  return replies;
}

interface Iv {
  lo: number;
  hi: number;
}
const INF = Number.POSITIVE_INFINITY;
const iv = (lo: number, hi: number): Iv => ({ lo, hi });
const add = (a: Iv, b: Iv) => iv(a.lo + b.lo, a.hi + b.hi);
const sub = (a: Iv, b: Iv) => iv(a.lo - b.hi, a.hi - b.lo);
const meet = (a: Iv, b: Iv) => iv(Math.max(a.lo, b.lo), Math.min(a.hi, b.hi));
function mul(a: Iv, b: Iv): Iv {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].filter((x) => !Number.isNaN(x));
  return iv(Math.min(...p), Math.max(...p));
}
function div(a: Iv, b: Iv): Iv | null {
  if (b.lo <= 0 && b.hi >= 0) return null;
  return mul(a, iv(1 / b.hi, 1 / b.lo));
}

export interface Finding {
  target: string;
  value: number;
  how: string;
}

const get = (obj: any, path: string): any =>
  path.split('/').reduce((o, k) => (o == null ? undefined : o[k]), obj);

const COUNT_PATHS = [
  'participants',
  'evaluable',
  'pending',
  'offBenefit/count',
  'routes/regular_work',
  'routes/bbz',
  'routes/combination',
  'routes/other',
  'sustained/count',
  'ladderProgress/n',
  'ladderProgress/count',
  'sustainedPlacement/n',
  'sustainedPlacement/count',
  'debts/n',
  'debts/stabilised/count',
  'debts/moneyStressN',
];
const PROPORTIONS: [string, string][] = [
  ['offBenefit', 'evaluable'],
  ['sustained', 'evaluable'],
  ['ladderProgress', 'ladderProgress/n'],
  ['sustainedPlacement', 'sustainedPlacement/n'],
  ['debts/stabilised', 'debts/n'],
];
const ROUTES = ['regular_work', 'bbz', 'combination', 'other'];
const MONEY = ['avoidedBenefit', 'offsetIncome', 'guidanceCost', 'net'];
/** Half the rounding step of a viewer's mean, by the figure (ADR 0005). */
const MEAN_SLACK: Record<string, number> = { meanBenefitMonths: 0.05 };

/** Solves Wilson's interval for (count, n) from a rate and its bounds; null when none fits. */
export function invertWilson(rate: number, ci: [number, number]): { x: number; n: number } | null {
  const z2 = Z95 * Z95;
  const candidates: number[] = [];
  if (rate === 0 && ci[1] > 0) candidates.push(z2 / ci[1] - z2);
  else if (rate === 1 && ci[0] < 1) candidates.push((z2 * ci[0]) / (1 - ci[0]));
  else {
    const s = (ci[0] + ci[1]) / 2;
    if (Math.abs(rate - s) > 1e-12) candidates.push((z2 * (s - 0.5)) / (rate - s));
    else for (let n = 2; n <= 3000; n += 2) candidates.push(n);
  }
  for (const c of candidates) {
    const n = Math.round(c);
    if (n < 1 || n > 1e6) continue;
    const x = Math.round(rate * n);
    const w = wilson(x, n);
    if (
      w.ci95 &&
      Math.abs(w.rate! - rate) < 1e-9 &&
      Math.abs(w.ci95[0] - ci[0]) < 1e-9 &&
      Math.abs(w.ci95[1] - ci[1]) < 1e-9
    )
      return { x, n };
  }
  return null;
}

export class Attacker {
  /** Derived counts from 1 to threshold − 1, by target. */
  readonly found = new Map<string, Finding>();
  /** Derivations that contradicted the truth: a mistake of the attacker's model. */
  readonly unsound: string[] = [];

  constructor(
    readonly threshold: number,
    readonly base: number,
  ) {}

  /** What the viewer knows of a count from what the reply shows. */
  known(v: unknown, rounded: boolean, suppressed: boolean): Iv {
    // A suppressed count may be hidden for a neighbour's sake (secondary rule); under the
    // rounding rules zeros are never hidden, so there it is at least 1.
    if (typeof v !== 'number') return iv(suppressed && rounded ? 1 : 0, INF);
    if (!rounded || v === 0) return iv(v, v);
    const b = this.base;
    return iv(Math.max(this.threshold, v - Math.floor(b / 2)), v + Math.ceil(b / 2) - 1);
  }

  /** A count computed from shown figures: in a rounded reply it is itself a rounded count. */
  derived(q: number | null, rounded: boolean, tolerance = 1e-6): Iv | null {
    if (q === null || !Number.isFinite(q) || Math.abs(q - Math.round(q)) > tolerance) return null;
    return this.known(Math.round(q), rounded, false);
  }

  claim(target: string, range: Iv | null, exact: unknown, how: string): void {
    if (range === null || typeof exact !== 'number') return;
    const lo = Math.ceil(range.lo - 1e-9);
    const hi = Math.floor(range.hi + 1e-9);
    if (exact < lo - 1e-9 || exact > hi + 1e-9) {
      this.unsound.push(`${target}: ${how} gave [${lo}, ${hi}], truth ${exact}`);
      return;
    }
    if (lo === hi && exact >= 1 && exact < this.threshold && !this.found.has(target))
      this.found.set(target, { target, value: exact, how });
  }

  /** Every derivation within one arm object (summary arm, subgroup arm, compare arm). */
  arm(v: any, a: any, ctx: ArmCtx): void {
    if (!v || !a) return;
    const k = (p: string) => this.known(get(v, p), ctx.rounded, ctx.isSuppressed(p));
    for (const p of COUNT_PATHS) this.claim(`${ctx.key}/${p}`, k(p), get(a, p), 'read');
    const P = k('participants');
    const E = k('evaluable');
    const Pe = k('pending');
    this.claim(`${ctx.key}/evaluable`, meet(sub(P, Pe), E), a.evaluable, 'participants − pending');
    this.claim(`${ctx.key}/pending`, meet(sub(P, E), Pe), a.pending, 'participants − evaluable');
    this.claim(
      `${ctx.key}/participants`,
      meet(add(E, Pe), P),
      a.participants,
      'evaluable + pending',
    );
    const off = k('offBenefit/count');
    for (const r of ROUTES) {
      const others = ROUTES.filter((o) => o !== r).reduce(
        (s, o) => add(s, k(`routes/${o}`)),
        iv(0, 0),
      );
      this.claim(
        `${ctx.key}/routes/${r}`,
        meet(sub(off, others), k(`routes/${r}`)),
        a.routes?.[r],
        'off − other routes',
      );
    }
    for (const [prop, nPath] of PROPORTIONS) {
      const pv = get(v, prop);
      if (!pv || typeof pv.rate !== 'number') continue;
      if (pv.rate > 0 && typeof pv.count === 'number') {
        const n = this.derived(pv.count / pv.rate, ctx.rounded, 1e-6);
        this.claim(`${ctx.key}/${nPath}`, n, get(a, nPath), `${prop} count / rate`);
        if (n && nPath === 'evaluable')
          this.claim(`${ctx.key}/pending`, sub(P, n), a.pending, 'participants − count/rate');
      }
      if (pv.ci95) {
        const inv = invertWilson(pv.rate, pv.ci95);
        if (inv) {
          this.claim(
            `${ctx.key}/${nPath}`,
            this.derived(inv.n, ctx.rounded),
            get(a, nPath),
            `${prop} Wilson inversion`,
          );
          this.claim(
            `${ctx.key}/${prop}/count`,
            this.derived(inv.x, ctx.rounded),
            get(a, `${prop}/count`),
            `${prop} Wilson inversion`,
          );
        }
      }
    }
    for (const m of MONEY) {
      const total = v.savings?.[m];
      const mean = v.savingsMean?.[m];
      if (typeof total === 'number' && typeof mean === 'number' && mean !== 0)
        this.claim(
          `${ctx.key}/evaluable`,
          this.derived(total / mean, ctx.rounded, 0.01),
          a.evaluable,
          `savings.${m} / mean`,
        );
    }
  }

  /** Cells that add up to a shown total: each cell is the total minus the others. */
  breakdown(total: Iv, cells: { key: string; shown: Iv; exact: unknown }[], how: string): void {
    cells.forEach((c, i) => {
      const others = cells.reduce((s, o, j) => (j === i ? s : add(s, o.shown)), iv(0, 0));
      this.claim(c.key, meet(sub(total, others), c.shown), c.exact, how);
    });
  }

  /**
   * A hidden group's size from the arm's mean and the other groups' means and sizes:
   * N·M = Σ n_g·m_g, solved for the one group whose size is not shown.
   */
  weightedMean(
    total: { n: Iv; mean: Iv },
    groups: { key: string; n: Iv; mean: Iv | null; exact: unknown }[],
    how: string,
  ): void {
    groups.forEach((g, i) => {
      if (!g.mean) return;
      let rest: Iv = mul(total.n, total.mean);
      for (const [j, o] of groups.entries()) {
        if (j === i) continue;
        if (!o.mean) return;
        rest = sub(rest, mul(o.n, o.mean));
      }
      const n = div(rest, g.mean);
      if (n) this.claim(g.key, meet(n, g.n), g.exact, how);
    });
  }

  /** Numbers at risk and events of every step of a curve, from S(t) and the log-scale interval. */
  curve(key: string, v: any, a: any, rounded: boolean): void {
    if (!v?.points || !a?.points) return;
    const exact = new Map<number, any>(a.points.map((p: any) => [p.t, p]));
    let prevS = 1;
    let prevV = 0;
    const steps: { t: number; n: number; d: number }[] = [];
    for (const p of v.points) {
      if (p.lower === null || p.survival <= 0) break;
      const q = 1 - p.survival / prevS;
      const V = (Math.log(p.survival / p.lower) / Z95) ** 2;
      const dV = V - prevV;
      prevS = p.survival;
      prevV = V;
      if (!(q > 0) || !(dV > 0)) continue;
      const n = q / ((1 - q) * dV);
      const d = q * n;
      const e = exact.get(p.t);
      // A rounded table moves every step by up to a threshold of events and a base of censorings.
      const slackN = rounded ? this.threshold + this.base : 0;
      const slackD = rounded ? this.threshold - 1 : 0;
      const near = (x: number) =>
        Math.abs(x - Math.round(x)) < 1e-4 * Math.max(1, x) ? Math.round(x) : null;
      const nn = near(n);
      const dd = near(d);
      if (nn !== null)
        this.claim(
          `${key}/t=${p.t}/atRisk`,
          iv(nn - slackN, nn + slackN),
          e?.atRisk,
          'S(t) and Greenwood',
        );
      if (dd !== null)
        this.claim(
          `${key}/t=${p.t}/events`,
          iv(dd - slackD, dd + slackD),
          e?.events,
          'S(t) and Greenwood',
        );
      if (nn !== null && dd !== null) steps.push({ t: p.t, n: nn, d: dd });
    }
    // Those who leave between two steps without the event: censorings.
    for (let i = 0; i + 1 < steps.length && !rounded; i++) {
      const s = steps[i]!;
      const ai = a.points.findIndex((p: any) => p.t === s.t);
      const next = a.points[ai + 1];
      if (!next || next.t !== steps[i + 1]!.t) continue;
      const c = s.n - s.d - steps[i + 1]!.n;
      this.claim(
        `${key}/t=${s.t}/censored`,
        iv(c, c),
        a.points[ai].atRisk - a.points[ai].events - next.atRisk,
        'steps',
      );
    }
  }
}

export interface ArmCtx {
  key: string;
  rounded: boolean;
  isSuppressed: (relativePath: string) => boolean;
}

const suppressedIn = (reply: any, prefix: string) => (p: string) =>
  Array.isArray(reply?.suppressed) && reply.suppressed.includes(`${prefix}/${p}`);

const isRounded = (r: any) => r?.rounded === true;

/**
 * Subgroups of one field and window: every arm derivation per group, the groups against the
 * summary's arm totals, and the means as weighted averages over the groups.
 */
export function attackSubgroups(
  at: Attacker,
  {
    viewer: vs,
    admin: as,
    summary: vo,
    key,
    by,
  }: { viewer: any; admin: any; summary: any; key: string; by: string },
): void {
  const rounded = isRounded;
  const armKeys = Object.keys(vo.arms);
  const rs = rounded(vs);
  as.groups.forEach((ag: any, i: number) => {
    const vg = vs.groups[i];
    for (const arm of Object.keys(ag.arms))
      at.arm(vg?.arms[arm], ag.arms[arm], {
        key: `${key}/${by}=${ag.value}/${arm}`,
        rounded: rs,
        isSuppressed: suppressedIn(vs, `/groups/${i}/arms/${arm}`),
      });
  });
  for (const arm of armKeys) {
    for (const path of COUNT_PATHS) {
      const total = at.known(
        get(vo.arms[arm], path),
        rounded(vo),
        suppressedIn(vo, `/arms/${arm}`)(path),
      );
      at.breakdown(
        total,
        as.groups.map((ag: any, i: number) => ({
          key: `${key}/${by}=${ag.value}/${arm}/${path}`,
          shown: at.known(
            get(vs.groups[i]?.arms[arm], path),
            rs,
            suppressedIn(vs, `/groups/${i}/arms/${arm}`)(path),
          ),
          exact: get(ag.arms[arm], path),
        })),
        `arm total − other ${by} groups`,
      );
    }
    // Means as weighted averages over the groups: a group's size from the others.
    for (const meanPath of ['meanBenefitMonths', ...MONEY.map((m) => `savingsMean/${m}`)]) {
      const slack = rounded(vs)
        ? (MEAN_SLACK[meanPath] ?? 5)
        : meanPath === 'meanBenefitMonths'
          ? 1e-9
          : 0.005;
      const meanIv = (x: unknown) => (typeof x === 'number' ? iv(x - slack, x + slack) : null);
      const M = meanIv(get(vo.arms[arm], meanPath));
      if (!M) continue;
      at.weightedMean(
        { n: at.known(vo.arms[arm]?.evaluable, rounded(vo), false), mean: M },
        as.groups.map((ag: any, i: number) => ({
          key: `${key}/${by}=${ag.value}/${arm}/evaluable`,
          n: at.known(
            vs.groups[i]?.arms[arm]?.evaluable,
            rs,
            suppressedIn(vs, `/groups/${i}/arms/${arm}`)('evaluable'),
          ),
          mean:
            vs.groups[i]?.arms[arm]?.evaluable === 0
              ? iv(0, 0)
              : meanIv(get(vs.groups[i]?.arms[arm], meanPath)),
          exact: ag.arms[arm]?.evaluable,
        })),
        `weighted ${meanPath} over ${by}`,
      );
    }
  }
}

/** Cohort rows of one window: pending per row, rows against the arm totals, rates against counts. */
export function attackCohorts(
  at: Attacker,
  {
    viewer: vh,
    admin: ah,
    summary: vo,
    key,
  }: { viewer: any; admin: any; summary: any; key: string },
): void {
  const rounded = isRounded;
  const armKeys = Object.keys(vo.arms);
  // Cohorts: each row's pending, the rows against the arm totals, rates against counts.
  const rh = rounded(vh);
  ah.cohorts.forEach((ar: any, i: number) => {
    const vr = vh.cohorts[i];
    const s = suppressedIn(vh, `/cohorts/${i}`);
    const row = `${key}/cohort=${ar.month}/${ar.arm}`;
    at.claim(
      `${row}/pending`,
      sub(
        at.known(vr.participants, rh, s('participants')),
        at.known(vr.evaluable, rh, s('evaluable')),
      ),
      ar.participants - ar.evaluable,
      'participants − evaluable',
    );
    at.arm(vr, ar, { key: row, rounded: rh, isSuppressed: s });
  });
  for (const arm of armKeys) {
    for (const path of ['participants', 'evaluable', 'offBenefit/count']) {
      const rows = ah.cohorts.flatMap((r: any, i: number) => (r.arm === arm ? [i] : []));
      at.breakdown(
        at.known(get(vo.arms[arm], path), rounded(vo), suppressedIn(vo, `/arms/${arm}`)(path)),
        rows.map((i: number) => ({
          key: `${key}/cohort=${ah.cohorts[i].month}/${arm}/${path}`,
          shown: at.known(get(vh.cohorts[i], path), rh, suppressedIn(vh, `/cohorts/${i}`)(path)),
          exact: get(ah.cohorts[i], path),
        })),
        'arm total − other cohorts',
      );
    }
  }
}

/** Status by month: each month's share against its counts, and those still on benefit. */
export function attackStatus(at: Attacker, v: any, a: any, key: string): void {
  if (!v || !a) return;
  for (const arm of Object.keys(a.arms)) {
    for (const ap of a.arms[arm]) {
      const vp = v.arms[arm]?.find((x: any) => x.month === ap.month);
      if (!vp) continue;
      const k = `${key}/status/${arm}/m=${ap.month}`;
      const at_ = `/arms/${arm}/${v.arms[arm].indexOf(vp)}/offBenefit/count`;
      const hidden = Array.isArray(v.suppressed) && v.suppressed.includes(at_);
      at.arm(vp, ap, { key: k, rounded: isRounded(v), isSuppressed: () => false });
      at.claim(
        `${k}/onBenefit`,
        sub(
          at.known(vp.evaluable, isRounded(v), false),
          at.known(vp.offBenefit.count, isRounded(v), hidden),
        ),
        ap.evaluable - ap.offBenefit.count,
        'evaluable − off',
      );
    }
  }
}

/**
 * The distribution of steps moved of each arm: its cells add up to the ladder n, the moves up to
 * the ladder count and the rest to their difference; each share inverts to its count and n
 * (Wilson); and the mean change weights the cells by their steps (Σ steps·cell = mean·n).
 */
export function attackLadderMoves(at: Attacker, v: any, a: any, key: string): void {
  if (!a?.ladderMoves || !v?.ladderMoves) return;
  const rounded = isRounded(v);
  for (const arm of Object.keys(a.ladderMoves)) {
    const vm = v.ladderMoves[arm];
    const am = a.ladderMoves[arm];
    if (!vm || !am) continue;
    const hidden = suppressedIn(v, `/ladderMoves/${arm}`);
    const armHidden = suppressedIn(v, `/arms/${arm}`);
    const at0 = `${key}/${arm}/ladderMoves`;
    const N = meet(
      at.known(vm.n, rounded, hidden('n')),
      at.known(v.arms[arm]?.ladderProgress?.n, rounded, armHidden('ladderProgress/n')),
    );
    const Up = at.known(
      v.arms[arm]?.ladderProgress?.count,
      rounded,
      armHidden('ladderProgress/count'),
    );
    at.claim(`${key}/${arm}/ladderProgress/n`, N, am.n, 'ladder n of two replies');
    const cells = am.moves.map((m: any, i: number) => ({
      key: `${at0}/${m.steps}`,
      shown: at.known(vm.moves[i]?.count, rounded, hidden(`moves/${i}/count`)),
      exact: m.count,
      steps: m.steps,
    }));
    at.breakdown(N, cells, 'ladder n − other moves');
    at.breakdown(
      Up,
      cells.filter((c: any) => c.steps > 0),
      'ladder count − other moves up',
    );
    at.breakdown(
      sub(N, Up),
      cells.filter((c: any) => c.steps <= 0),
      'ladder n − count − other moves',
    );
    for (const [i, m] of vm.moves.entries()) {
      if (typeof m.rate !== 'number' || !m.ci95) continue;
      const inv = invertWilson(m.rate, m.ci95);
      if (!inv) continue;
      at.claim(cells[i].key, at.derived(inv.x, rounded), cells[i].exact, 'move Wilson inversion');
      at.claim(at0 + '/n', at.derived(inv.n, rounded), am.n, 'move Wilson inversion');
    }
    const mean = v.arms[arm]?.ladderProgress?.meanChange;
    if (typeof mean !== 'number') continue;
    const slack = rounded ? 0.05 : 1e-9;
    const moment = mul(N, iv(mean - slack, mean + slack));
    cells.forEach((c: any, i: number) => {
      if (c.steps === 0) return;
      let rest = moment;
      cells.forEach((o: any, j: number) => {
        if (j !== i && o.steps !== 0) rest = sub(rest, mul(iv(o.steps, o.steps), o.shown));
      });
      const solved = div(rest, iv(c.steps, c.steps));
      if (solved) at.claim(c.key, meet(solved, c.shown), c.exact, 'mean change × n − other moves');
    });
    // Read last, so that a test on exact replies sees what the arithmetic alone derives.
    for (const c of cells) at.claim(c.key, c.shown, c.exact, 'read');
  }
}

/** Runs every derivation over one pilot's replies; returns the attacker with what it found. */
export function attack(
  viewer: Replies,
  admin: Replies,
  pilots: readonly string[],
  threshold: number,
  base: number,
  variables: Readonly<Record<string, readonly string[]>> = {},
): Attacker {
  const at = new Attacker(threshold, base);
  const both = (path: string) => [viewer.get(path), admin.get(path)] as const;
  const rounded = (r: any) => r?.rounded === true;

  for (const p of pilots) {
    for (const k of WINDOWS) {
      const [vo, ao] = both(`/api/pilots/${p}/outcomes?window=${k}`);
      const armKeys = Object.keys(ao.arms);
      for (const arm of armKeys)
        at.arm(vo.arms[arm], ao.arms[arm], {
          key: `${p}/k=${k}/${arm}`,
          rounded: rounded(vo),
          isSuppressed: suppressedIn(vo, `/arms/${arm}`),
        });
      attackLadderMoves(at, vo, ao, `${p}/k=${k}`);
      attackComparisons(at, vo, ao, `${p}/k=${k}`, rounded(vo));
      // The arms add up to the pilot's participants of the pilot list.
      const [vp, ap] = both(`/api/pilots/${p}`);
      at.breakdown(
        at.known(vp.participants, rounded(vp), false),
        armKeys.map((arm) => ({
          key: `${p}/k=${k}/${arm}/participants`,
          shown: at.known(
            vo.arms[arm]?.participants,
            rounded(vo),
            suppressedIn(vo, `/arms/${arm}`)('participants'),
          ),
          exact: ao.arms[arm].participants,
        })),
        'pilot participants − other arms',
      );
      void ap;
      // Compare: the same summaries in another reply.
      const [vc, ac] = both(`/api/outcomes?window=${k}`);
      const vcp = vc.pilots.find((x: any) => x.pilotId === p);
      const acp = ac.pilots.find((x: any) => x.pilotId === p);
      for (const arm of armKeys)
        at.arm(vcp?.arms[arm], acp?.arms[arm], {
          key: `${p}/k=${k}/${arm}`,
          rounded: rounded(vcp) || rounded(vc),
          isSuppressed: suppressedIn(vcp, `/arms/${arm}`),
        });

      for (const by of fieldsOf(variables, p)) {
        const [vs, as] = both(`/api/pilots/${p}/subgroups?by=${by}&window=${k}`);
        attackSubgroups(at, { viewer: vs, admin: as, summary: vo, key: `${p}/k=${k}`, by });
        attackSubgroupComparisons(at, vs, as, `${p}/k=${k}`, rounded(vs));
      }
      const [vh, ah] = both(`/api/pilots/${p}/cohorts?window=${k}`);
      attackCohorts(at, { viewer: vh, admin: ah, summary: vo, key: `${p}/k=${k}` });

      // Budget: its evaluable, and its money against the summary's means (of the primary
      // intervention arm, the first declared, which the budget effect is about).
      const [vb] = both(`/api/pilots/${p}/budget?window=${k}`);
      const rb = rounded(vb);
      const primary = armKeys.find((arm) => arm !== 'control') ?? 'intervention';
      const eKey = `${p}/k=${k}/${primary}/evaluable`;
      const exactE = ao.arms[primary]?.evaluable;
      at.claim(eKey, at.known(vb.effect.evaluable, rb, false), exactE, 'budget effect.evaluable');
      for (const [field, mean] of [
        ['avoidedBenefit', 'avoidedBenefit'],
        ['offsetIncome', 'offsetIncome'],
        ['participantGuidanceCost', 'guidanceCost'],
      ] as const) {
        const total = vb.effect[field];
        const m = vo.arms[primary]?.savingsMean[mean];
        if (typeof total === 'number' && typeof m === 'number' && m !== 0)
          at.claim(
            eKey,
            at.derived(total / m, rb || rounded(vo), 0.01),
            exactE,
            `budget ${field} / mean`,
          );
      }
    }

    attackStatus(
      at,
      viewer.get(`/api/pilots/${p}/status-by-month`),
      admin.get(`/api/pilots/${p}/status-by-month`),
      p,
    );

    const [vbal, abal] = both(`/api/pilots/${p}/balance`);
    attackBalance(at, vbal, abal, p);

    for (const which of ['survival', 'debts/survival']) {
      const [vk, ak] = both(`/api/pilots/${p}/${which}`);
      for (const arm of Object.keys(ak.arms))
        at.curve(`${p}/${which}/${arm}`, vk.arms[arm], ak.arms[arm], rounded(vk));
    }
  }

  routeplanner(at, viewer, admin, pilots);
  return at;
}

/**
 * The balance table: each arm's levels of a field (not recorded included) add up to the arm's
 * size, as do a numeric field's participants with and without a value; and an arm's size is the
 * summary's participant count under another name.
 */
function attackBalance(at: Attacker, v: any, a: any, p: string): void {
  const rounded = v.rounded === true;
  const hidden = new Set<string>(v.suppressed ?? []);
  for (const arm of a.arms as string[]) {
    const size = at.known(v.sizes[arm], rounded, hidden.has(`/sizes/${arm}`));
    at.claim(`${p}/balance/${arm}/size`, size, a.sizes[arm], 'balance size');
    a.fields.forEach((f: any, fi: number) => {
      const vf = v.fields[fi];
      const cells =
        f.kind === 'categorical'
          ? f.levels.map((l: any, li: number) => ({
              key: `${p}/balance/${f.field}=${l.value}/${arm}`,
              shown: at.known(
                vf.levels[li].arms[arm].count,
                rounded,
                hidden.has(`/fields/${fi}/levels/${li}/arms/${arm}/count`),
              ),
              exact: l.arms[arm].count,
            }))
          : (['n', 'missing'] as const).map((part) => ({
              key: `${p}/balance/${f.field}/${part}/${arm}`,
              shown: at.known(
                vf.arms[arm][part],
                rounded,
                hidden.has(`/fields/${fi}/arms/${arm}/${part}`),
              ),
              exact: f.arms[arm][part],
            }));
      at.breakdown(size, cells, `balance ${f.field} levels`);
    });
  }
}

/**
 * Profiles that differ in one field: the group missing that field is the whole minus the rest.
 * Each intervention arm of a pilot is its own option; its `intervention` side is that arm.
 */
function routeplanner(
  at: Attacker,
  viewer: Replies,
  admin: Replies,
  pilots: readonly string[],
): void {
  const result = (q: string, p: string, arm: string) =>
    viewer
      .get(`/api/routeplanner?${q}`)
      ?.results.find((r: any) => r.pilotId === p && (r.arm ?? 'intervention') === arm);
  for (const p of pilots) {
    const options: string[] = (
      viewer.get('/api/routeplanner?window=12&heterogeneityBy=motivation')?.results ?? []
    )
      .filter((r: any) => r.pilotId === p)
      .map((r: any) => r.arm ?? 'intervention');
    for (const option of options)
      for (const [field, values] of Object.entries(PROFILE_VALUES)) {
        const whole = result(`window=12&heterogeneityBy=${field}`, p, option);
        const rounded =
          viewer.get(`/api/routeplanner?window=12&heterogeneityBy=${field}`)?.rounded === true;
        const subgroups = admin.get(`/api/pilots/${p}/subgroups?by=${field}&window=12`);
        for (const side of ['intervention', 'control'] as const) {
          const arm = side === 'intervention' ? option : 'control';
          if (!whole || typeof whole.matched[side] !== 'number') continue;
          const cells = values.map((v) => {
            const r = result(`window=12&${field}=${encodeURIComponent(v)}`, p, option);
            const value =
              v === 'true' ? true : v === 'false' ? false : /^\d$/.test(v) ? Number(v) : v;
            const exact =
              subgroups.groups.find((g: any) => g.value === value)?.arms[arm]?.evaluable ?? 0;
            // A widened profile matched others too: it says nothing exact about this group.
            const shown =
              !r || r.relaxed.length > 0 ? iv(0, INF) : at.known(r.matched[side], rounded, false);
            return { key: `${p}/k=12/${field}=${value}/${arm}/evaluable`, shown, exact };
          });
          const missing =
            subgroups.groups.find((g: any) => g.value === null)?.arms[arm]?.evaluable ?? 0;
          cells.push({
            key: `${p}/k=12/${field}=null/${arm}/evaluable`,
            shown: iv(0, INF),
            exact: missing,
          });
          at.breakdown(
            at.known(whole.matched[side], rounded, false),
            cells,
            `route planner profiles by ${field}`,
          );
          // The heterogeneity groups split the same whole.
          const het = whole.heterogeneity;
          if (het)
            at.breakdown(
              at.known(whole.matched[side], rounded, false),
              het.groups.map((g: any) => ({
                key: `${p}/k=12/${field}=${g.value}/${arm}/evaluable`,
                shown: at.known(g.n[side], rounded, false),
                exact:
                  subgroups.groups.find((s: any) => s.value === g.value)?.arms[arm]?.evaluable ?? 0,
              })),
              `route planner heterogeneity by ${field}`,
            );
        }
      }
  }
}
