/**
 * Disclosure control for viewers (SPEC §6), applied on the server to every reply a viewer gets.
 * Pure functions: a reply in, the same reply with suppressed figures set to null and listed as
 * JSON pointers out.
 */

type Obj = Record<string, unknown>;

interface Cell {
  /** JSON pointer segments from the reply root. */
  path: (string | number)[];
  value: number;
}

class Suppressor {
  readonly pointers = new Set<string>();
  constructor(
    readonly root: Obj,
    readonly threshold: number,
  ) {}

  /** A count from 1 to threshold − 1: shown it could identify a person. */
  small(v: unknown): boolean {
    return typeof v === 'number' && v >= 1 && v < this.threshold;
  }

  get(path: Cell['path']): unknown {
    let node: unknown = this.root;
    for (const key of path) node = (node as Obj | undefined)?.[key as string];
    return node;
  }

  hidden(path: Cell['path']): boolean {
    return this.pointers.has(pointer(path));
  }

  hide(path: Cell['path']): void {
    const parent = this.get(path.slice(0, -1)) as Obj | undefined;
    const key = path[path.length - 1] as string;
    if (!parent || parent[key] === undefined) return;
    parent[key] = null;
    this.pointers.add(pointer(path));
  }

  /** Primary suppression of a count. */
  count(path: Cell['path']): void {
    if (this.small(this.get(path))) this.hide(path);
  }

  /** Secondary suppression of a breakdown whose total is shown (see `protectBreakdown`). */
  breakdown(cells: Cell[], totalShown: boolean): void {
    const hidden = protectBreakdown(
      cells.map((c) => c.value),
      cells.map((c) => this.hidden(c.path)),
      this.threshold,
      totalShown,
    );
    cells.forEach((c, i) => {
      if (hidden[i]) this.hide(c.path);
    });
  }
}

/**
 * The breakdown rule of SPEC §6: primary suppression hides every count from 1 to threshold − 1;
 * then, while the hidden cells add up to less than the threshold, the next-smallest visible cell
 * is hidden too, so that no hidden value follows from the total minus the visible cells.
 * Returns which cells end up hidden; `already` marks cells hidden for another reason.
 */
export function protectBreakdown(
  values: readonly number[],
  already: readonly boolean[],
  threshold: number,
  totalShown: boolean,
): boolean[] {
  const hidden = values.map((v, i) => already[i] === true || (v >= 1 && v < threshold));
  if (!totalShown) return hidden;
  let sum = values.reduce((s, v, i) => (hidden[i] ? s + v : s), 0);
  while (hidden.some(Boolean) && sum < threshold) {
    // The smallest visible cell, preferring one above zero: hiding a zero protects nothing.
    let next = -1;
    values.forEach((v, i) => {
      if (hidden[i]) return;
      const best = next === -1 ? undefined : values[next]!;
      if (best === undefined || (best === 0 && v > 0) || (v > 0 && v < best)) next = i;
    });
    if (next === -1) break;
    hidden[next] = true;
    sum += values[next]!;
  }
  return hidden;
}

function pointer(path: Cell['path']): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Cells of a breakdown, read before any suppression so their true values drive the rule. */
function cells(s: Suppressor, paths: Cell['path'][]): Cell[] {
  return paths
    .map((path) => ({ path, value: s.get(path) }))
    .filter((c): c is Cell => typeof c.value === 'number');
}

function suppressArm(s: Suppressor, base: Cell['path']): void {
  const at = (...p: (string | number)[]) => [...base, ...p];
  const arm = s.get(base) as Obj | undefined;
  if (!arm) return;
  const evaluable = (arm.evaluable as number | null) ?? 0;
  const few = evaluable < s.threshold;
  const participantCells = cells(s, [at('evaluable'), at('pending')]);
  const routeCells = cells(
    s,
    ['regular_work', 'bbz', 'combination', 'other'].map((r) => at('routes', r)),
  );
  const ladderN = ((arm.ladderProgress as Obj | undefined)?.n as number | null) ?? 0;
  const placementN = ((arm.sustainedPlacement as Obj | undefined)?.n as number | null) ?? 0;

  for (const p of [
    at('participants'),
    at('evaluable'),
    at('pending'),
    at('offBenefit', 'count'),
    at('sustained', 'count'),
  ])
    s.count(p);
  for (const c of routeCells) s.count(c.path);
  s.breakdown(participantCells, !s.hidden(at('participants')));
  s.breakdown(routeCells, !s.hidden(at('offBenefit', 'count')));

  for (const prop of ['offBenefit', 'sustained']) {
    if (few || s.hidden(at(prop, 'count'))) {
      s.hide(at(prop, 'rate'));
      s.hide(at(prop, 'ci95'));
    }
  }
  if (few) {
    s.hide(at('meanBenefitMonths'));
    for (const group of ['savings', 'savingsMean']) {
      for (const k of ['avoidedBenefit', 'offsetIncome', 'guidanceCost', 'net'])
        s.hide(at(group, k));
    }
  }
  const debts = arm.debts as Obj | undefined;
  if (debts) {
    const debtN = (debts.n as number | null) ?? 0;
    const stressN = (debts.moneyStressN as number | null) ?? 0;
    s.count(at('debts', 'n'));
    s.count(at('debts', 'stabilised', 'count'));
    s.count(at('debts', 'moneyStressN'));
    if (debtN < s.threshold || s.hidden(at('debts', 'stabilised', 'count'))) {
      s.hide(at('debts', 'stabilised', 'rate'));
      s.hide(at('debts', 'stabilised', 'ci95'));
    }
    if (stressN < s.threshold) s.hide(at('debts', 'meanMoneyStressChange'));
  }
  for (const [prop, n] of [
    ['ladderProgress', ladderN],
    ['sustainedPlacement', placementN],
  ] as const) {
    s.count(at(prop, 'n'));
    s.count(at(prop, 'count'));
    if (n < s.threshold || s.hidden(at(prop, 'count'))) {
      s.hide(at(prop, 'rate'));
      s.hide(at(prop, 'ci95'));
      s.hide(at(prop, 'meanChange'));
    }
  }
}

function suppressComparison(s: Suppressor, base: Cell['path'], arms: Obj): void {
  const sizes = Object.values(arms).map((a) => ((a as Obj).evaluable as number | null) ?? 0);
  if (
    sizes.length < 2 ||
    sizes.some((n) => n < s.threshold) ||
    s.hidden([...base, 'arms', 'intervention', 'offBenefit', 'count']) ||
    s.hidden([...base, 'arms', 'control', 'offBenefit', 'count'])
  ) {
    if (s.get([...base, 'difference'])) {
      s.hide([...base, 'difference', 'rate']);
      s.hide([...base, 'difference', 'ci95']);
    }
    if (base.length === 0) s.hide(['netEffect']);
  }
}

/** The outcome summary as a viewer may see it. */
export function suppressOutcomes<T extends { arms: object }>(
  reply: T,
  threshold: number,
): T & { suppressed: string[] } {
  const root = structuredClone(reply) as unknown as Obj;
  const s = new Suppressor(root, threshold);
  const arms = root.arms as Obj;
  const armCells = cells(
    s,
    Object.keys(arms).map((a) => ['arms', a, 'participants']),
  );
  for (const arm of Object.keys(arms)) suppressArm(s, ['arms', arm]);
  // The arms add up to the pilot's participant count, which the pilot list shows.
  s.breakdown(armCells, true);
  suppressComparison(s, [], arms);
  return { ...(root as T), suppressed: [...s.pointers] };
}

/** Subgroups as a viewer may see them; the groups of each arm add up to the arm's shown totals. */
export function suppressSubgroups<T extends { groups: { arms: object }[] }>(
  reply: T,
  threshold: number,
): T & { suppressed: string[] } {
  const root = structuredClone(reply) as unknown as Obj;
  const s = new Suppressor(root, threshold);
  const groups = root.groups as Obj[];
  const armNames = [...new Set(groups.flatMap((g) => Object.keys(g.arms as Obj)))];
  const before = armNames.map((arm) =>
    ['participants', 'evaluable'].map((field) =>
      cells(
        s,
        groups.map((_, i) => ['groups', i, 'arms', arm, field]),
      ),
    ),
  );
  const offBefore = armNames.map((arm) =>
    cells(
      s,
      groups.map((_, i) => ['groups', i, 'arms', arm, 'offBenefit', 'count']),
    ),
  );
  groups.forEach((g, i) => {
    for (const arm of Object.keys(g.arms as Obj)) suppressArm(s, ['groups', i, 'arms', arm]);
  });
  for (const list of before) for (const c of list) s.breakdown(c, true);
  for (const c of offBefore) s.breakdown(c, true);
  // A group's rate whose count was hidden by the breakdown rule goes too.
  groups.forEach((g, i) => {
    for (const arm of Object.keys(g.arms as Obj)) {
      if (
        s.hidden(['groups', i, 'arms', arm, 'offBenefit', 'count']) ||
        s.hidden(['groups', i, 'arms', arm, 'evaluable'])
      ) {
        s.hide(['groups', i, 'arms', arm, 'offBenefit', 'rate']);
        s.hide(['groups', i, 'arms', arm, 'offBenefit', 'ci95']);
      }
    }
    suppressComparison(s, ['groups', i], g.arms as Obj);
  });
  return { ...(root as T), suppressed: [...s.pointers] };
}

/**
 * The budget summary for viewers: the budget lines are the municipality's own figures and stay;
 * the effect is money summed over participants, hidden like savings when the intervention arm
 * (or, for the counterfactual, the control arm) has fewer evaluable participants than the
 * threshold.
 */
export function suppressBudget<T extends { effect: object }>(
  reply: T,
  sizes: { intervention: number; control: number | null },
  threshold: number,
): T & { suppressed: string[] } {
  const root = structuredClone(reply) as unknown as Obj;
  const s = new Suppressor(root, threshold);
  s.count(['effect', 'evaluable']);
  const effect = root.effect as Obj;
  const few = (n: number | null) => n !== null && n < threshold;
  // A figure that is null anyway (no control arm, no budget) has nothing to hide.
  const hide = (keys: string[]) =>
    keys.filter((k) => effect[k] !== null).forEach((k) => s.hide(['effect', k]));
  if (few(sizes.intervention)) {
    hide([
      'avoidedBenefit',
      'offsetIncome',
      'participantGuidanceCost',
      'counterfactual',
      'total',
      'perEuro',
    ]);
  } else if (few(sizes.control) && effect.counterfactual !== null) {
    hide(['counterfactual', 'total', 'perEuro']);
  }
  return { ...(root as T), suppressed: [...s.pointers] };
}

interface SurvivalLike {
  arms: { intervention?: { points: object[] }; control?: { points: object[] } };
  logRank: unknown;
}

/**
 * Survival for viewers: only arms of at least the threshold, without numbers at risk or events,
 * and each curve cut where fewer than the threshold are still at risk.
 */
export function suppressSurvival<T extends SurvivalLike>(
  reply: T,
  sizes: { intervention: number; control: number },
  threshold: number,
): T & { suppressed: string[] } {
  const suppressed: string[] = [];
  const arms: Obj = {};
  for (const arm of ['intervention', 'control'] as const) {
    const km = reply.arms[arm];
    if (!km) continue;
    if (sizes[arm] < threshold) {
      suppressed.push(`/arms/${arm}`);
      continue;
    }
    // The curve stops where fewer than the threshold are still followed: a step there is a
    // handful of people, and its size would give their number away.
    const points = km.points as { t: number; atRisk?: number | null }[];
    const shown = points.filter((p) => (p.atRisk ?? 0) >= threshold);
    if (shown.length < points.length) suppressed.push(`/arms/${arm}/points/${shown.length}`);
    const median = (km as { median?: number | null }).median ?? null;
    const medianShown = median === null || shown.some((p) => p.t === median);
    if (!medianShown) suppressed.push(`/arms/${arm}/median`);
    arms[arm] = {
      ...km,
      median: medianShown ? median : null,
      points: shown.map((p) => ({ ...p, atRisk: undefined, events: undefined })),
    };
  }
  const bothShown = arms.intervention !== undefined && arms.control !== undefined;
  if (!bothShown && reply.logRank !== null) suppressed.push('/logRank');
  return { ...reply, arms, logRank: bothShown ? reply.logRank : null, suppressed };
}

/**
 * Cohort rows for viewers: counts primary-suppressed; per arm the rows add up to the arm's shown
 * totals, so the breakdown rule applies across them; a rate under the threshold is hidden.
 */
export function suppressCohorts<T extends { cohorts: object[] }>(
  reply: T,
  threshold: number,
): T & { suppressed: string[] } {
  const root = structuredClone(reply) as unknown as Obj;
  const s = new Suppressor(root, threshold);
  const rows = root.cohorts as Obj[];
  const fields = [['participants'], ['evaluable'], ['offBenefit', 'count']];
  for (const arm of ['intervention', 'control']) {
    const mine = rows.flatMap((row, i) => (row.arm === arm ? [i] : []));
    for (const f of fields)
      s.breakdown(
        cells(
          s,
          mine.map((i) => ['cohorts', i, ...f]),
        ),
        true,
      );
  }
  rows.forEach((row, i) => {
    const evaluable = (row.evaluable as number | null) ?? 0;
    if (
      evaluable < threshold ||
      s.hidden(['cohorts', i, 'offBenefit', 'count']) ||
      s.hidden(['cohorts', i, 'evaluable'])
    ) {
      s.hide(['cohorts', i, 'offBenefit', 'rate']);
      s.hide(['cohorts', i, 'offBenefit', 'ci95']);
    }
  });
  return { ...(root as T), suppressed: [...s.pointers] };
}
