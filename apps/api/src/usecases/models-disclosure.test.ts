import type { Baseline } from '@wegwijzer/domain';
import { describe, expect, it } from 'vitest';
import { hasSmallGroup, verdict } from './models-disclosure.ts';

const person = (arm: Baseline['arm'], household: Baseline['household']) => ({
  baseline: { arm, household, intakeDate: '2024-01-01', birthYear: 1980 } as Baseline,
});
const many = (n: number, arm: Baseline['arm'], household: Baseline['household']) =>
  Array.from({ length: n }, () => person(arm, household));

describe('hasSmallGroup', () => {
  const people = [...many(12, 'intervention', 'single'), ...many(10, 'control', 'couple')];

  it('is false when every arm and every level holds the threshold', () => {
    expect(hasSmallGroup(people, ['household'], 10)).toBe(false);
  });

  it('is true when one level of a chosen category is below the threshold', () => {
    expect(hasSmallGroup([...people, person('control', 'single_parent')], ['household'], 10)).toBe(
      true,
    );
  });

  it('counts only complete cases, and needs both arms', () => {
    expect(hasSmallGroup([...people, person('control', null)], ['household'], 10)).toBe(false);
    expect(hasSmallGroup(many(30, 'intervention', 'single'), [], 10)).toBe(true);
  });

  it('does not split by age, which enters as a number', () => {
    expect(hasSmallGroup(people, ['age'], 10)).toBe(false);
  });
});

describe('verdict', () => {
  it.each([
    [[1.2, 2.5], 1, 'intervention_better'],
    [[0.4, 0.9], 1, 'intervention_worse'],
    [[0.8, 1.3], 1, 'no_clear_difference'],
    [[-0.1, 0.05], 0, 'no_clear_difference'],
    [[0.01, 0.2], 0, 'intervention_better'],
  ] as const)('reads interval %j against %d as %s', (ci95, none, expected) => {
    expect(verdict({ ok: true, ci95: [ci95[0], ci95[1]] }, none)).toBe(expected);
  });

  it('says not estimable for a model without an estimate', () => {
    expect(verdict({ ok: false, reason: 'separation', covariate: 'arm' }, 1)).toBe('not_estimable');
  });
});
