import { describe, expect, it } from 'vitest';
import { summarizeLadderMoves } from '@wegwijzer/outcomes';
import type { ArmOutcome } from './arm.ts';
import { protectArmMoves } from './ladder-moves.ts';
import { protectCount, protectProportion, DEFAULT_RULES, type DisclosureRules } from './rules.ts';

/** Counts per move −5 … +5 from a { steps: count } map. */
const counts = (m: Record<number, number>) => Array.from({ length: 11 }, (_, i) => m[i - 5] ?? 0);

/** An arm as far as the distribution reads it: the exact and the protected ladder progress. */
function arms(moves: number[], rules: DisclosureRules) {
  const n = moves.reduce((s, c) => s + c, 0);
  const up = moves.slice(6).reduce((s, c) => s + c, 0);
  const exact = { ladderProgress: { n, count: up } } as ArmOutcome;
  const shown = {
    ladderProgress: { n: protectCount(n, rules), ...protectProportion(up, n, rules) },
  } as ArmOutcome;
  return { exact, shown };
}

describe('protectArmMoves', () => {
  it('rounds every cell and takes the shares from the rounded cells over the rounded n', () => {
    const c = counts({ '-1': 12, 0: 51, 1: 38, 2: 0 });
    const { exact, shown } = arms(c, DEFAULT_RULES);
    const d = protectArmMoves(summarizeLadderMoves(c), exact, shown, DEFAULT_RULES)!;
    expect(d.n).toBe(100);
    const at = (s: number) => d.moves.find((m) => m.steps === s)!;
    expect([at(-1).count, at(0).count, at(1).count, at(2).count]).toEqual([10, 50, 40, 0]);
    expect(at(1).rate).toBe(0.4);
  });

  it('hides a second move up when the ladder count would give a hidden one back exactly', () => {
    // Base 1 (no rounding): +2 = count − (+1) unless +1 is hidden too.
    const rules = { threshold: 10, base: 1 };
    const c = counts({ 0: 60, 1: 35, 2: 5 });
    const { exact, shown } = arms(c, rules);
    const d = protectArmMoves(summarizeLadderMoves(c), exact, shown, rules)!;
    const at = (s: number) => d.moves.find((m) => m.steps === s)!;
    expect(at(2).count).toBeNull();
    expect(at(1).count).toBeNull();
    expect(at(1).rate).toBeNull();
  });

  it('hides a move down or none that n minus the ladder count would give back', () => {
    const rules = { threshold: 10, base: 1 };
    const c = counts({ '-1': 3, 0: 57, 1: 40 });
    const { exact, shown } = arms(c, rules);
    const d = protectArmMoves(summarizeLadderMoves(c), exact, shown, rules)!;
    const at = (s: number) => d.moves.find((m) => m.steps === s)!;
    expect(at(-1).count).toBeNull();
    expect(at(0).count).toBeNull();
    expect(at(1).count).toBe(40);
  });

  it('gives no distribution at all over fewer than the threshold', () => {
    const c = counts({ 0: 4, 1: 5 });
    const { exact, shown } = arms(c, DEFAULT_RULES);
    expect(protectArmMoves(summarizeLadderMoves(c), exact, shown, DEFAULT_RULES)).toBeNull();
  });
});
