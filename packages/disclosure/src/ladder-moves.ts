import type { LadderMoves } from '@wegwijzer/domain';
import { wilson } from '@wegwijzer/outcomes';
import type { ArmOutcome } from './arm.ts';
import { secondarySuppression, secondarySuppressionWithin, shownRange } from './breakdown.ts';
import { large, protectCount, type DisclosureRules } from './rules.ts';

type ArmMoves = NonNullable<NonNullable<LadderMoves>[string]>;

/**
 * One arm's distribution of steps moved as a viewer sees it (SPEC §6). Its cells add up three
 * ways to figures the viewer also has: all of them to `ladderProgress.n`, the moves up to
 * `ladderProgress.count`, and the others to the difference of the two. Each cell is checked and
 * rounded like any count, then the secondary rule runs on each of the three sums until no
 * hidden cell follows from them; the shares come from the rounded cells over the rounded n.
 * An arm whose ladder n is hidden or small has no distribution (null), zeros included: every
 * figure over fewer than the threshold is suppressed.
 */
export function protectArmMoves(
  exact: ArmMoves,
  exactArm: ArmOutcome,
  shownArm: ArmOutcome,
  rules: DisclosureRules,
): ArmMoves | null {
  const n = shownArm.ladderProgress.n;
  const up = shownArm.ladderProgress.count;
  if (n === null || !large(exactArm.ladderProgress.n, rules)) return null;

  const counts = exact.moves.map((m) => m.count ?? 0);
  let cells = counts.map((c) => protectCount(c, rules));
  const ups = exact.moves.flatMap((m, i) => (m.steps > 0 ? [i] : []));
  const rest = exact.moves.flatMap((m, i) => (m.steps > 0 ? [] : [i]));
  const within = (idx: number[], range: [number, number]) => {
    const part = secondarySuppressionWithin(
      range,
      idx.map((i) => counts[i]!),
      idx.map((i) => cells[i]!),
      rules,
    );
    idx.forEach((i, j) => (cells[i] = part[j]!));
  };
  const [nLo, nHi] = shownRange(n, rules);
  // Hiding only ever adds nulls, so this settles within as many rounds as there are cells.
  for (let round = 0; round <= cells.length; round++) {
    const before = cells.filter((c) => c === null).length;
    // The parts first: hiding for their sake can leave the whole breakdown safe as it is.
    if (up !== null) {
      const [upLo, upHi] = shownRange(up, rules);
      within(ups, [upLo, upHi]);
      within(rest, [Math.max(0, nLo - upHi), nHi - upLo]);
    }
    cells = secondarySuppression(n, counts, cells, rules);
    if (cells.filter((c) => c === null).length === before) break;
  }
  return {
    n,
    moves: exact.moves.map((m, i) => {
      const c = cells[i]!;
      return c === null
        ? { steps: m.steps, count: null, rate: null, ci95: null }
        : { steps: m.steps, ...wilson(c, n) };
    }),
  };
}

/** Every arm's distribution for a viewer, beside the protected arms of the same summary. */
export function protectLadderMoves(
  exact: LadderMoves | undefined,
  exactArms: Record<string, ArmOutcome>,
  shownArms: Record<string, ArmOutcome>,
  rules: DisclosureRules,
): LadderMoves | undefined {
  if (exact === undefined || exact === null) return exact;
  const out: NonNullable<LadderMoves> = {};
  for (const [arm, moves] of Object.entries(exact)) {
    const e = exactArms[arm];
    const s = shownArms[arm];
    out[arm] = moves && e && s ? protectArmMoves(moves, e, s, rules) : null;
  }
  return out;
}

/** Pointers of the distribution's figures a viewer does not see, for the `suppressed` list. */
export function ladderMovePointers(
  exact: LadderMoves | undefined,
  shown: LadderMoves | undefined,
): string[] {
  if (!exact || !shown) return [];
  return Object.entries(exact).flatMap(([arm, e]) => {
    const s = shown[arm];
    if (!e) return [];
    if (!s) return [`/ladderMoves/${arm}`];
    const out: string[] = [];
    e.moves.forEach((m, i) => {
      if (m.count !== null && s.moves[i]?.count === null)
        out.push(`/ladderMoves/${arm}/moves/${i}/count`);
    });
    return out;
  });
}
