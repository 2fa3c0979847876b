import { describe, expect, it } from 'vitest';
import { logRankK } from './logrank.ts';
import { readExpected, readRCsv } from './models/r-fixtures.ts';
import { logRank, type SurvivalTime } from './survival.ts';

interface RCase {
  name: string;
  file: string;
  group: string;
  groups: string[];
  chisq: number;
  df: number;
  p: number;
}

/** The rows of an R dataset split by `group` in R's level order, as survival times. */
function groupsOf(c: RCase): SurvivalTime[][] {
  // lung codes status 1 = censored, 2 = dead; veteran and ties 0 = censored, 1 = event.
  const dead = c.file === 'lung.csv' ? 2 : 1;
  const byLevel = new Map<string, SurvivalTime[]>(c.groups.map((g) => [g, []]));
  for (const row of readRCsv(c.file)) {
    if (row[c.group] === null) continue;
    byLevel
      .get(String(row[c.group]))!
      .push({ days: row.time as number, censored: row.status !== dead });
  }
  return [...byLevel.values()];
}

const cases = readExpected<RCase[]>('logrank.json');

describe('k-sample log-rank against R survdiff (packages/outcomes/r/logrank.R)', () => {
  it.each(cases)('$name: chi2, df and p as survdiff', (c) => {
    const got = logRankK(groupsOf(c))!;
    expect(got.df).toBe(c.df);
    expect(Math.abs(got.chi2 - c.chisq)).toBeLessThan(1e-8);
    expect(Math.abs(got.p - c.p)).toBeLessThan(1e-8);
  });

  it('equals the two-group log-rank when k = 2', () => {
    const two = cases.find((c) => c.name.startsWith('lung by sex'))!;
    const [a, b] = groupsOf(two) as [SurvivalTime[], SurvivalTime[]];
    const k = logRankK([a, b])!;
    const pair = logRank(a, b)!;
    expect(k.chi2).toBeCloseTo(pair.chi2, 10);
    expect(k.p).toBeCloseTo(pair.p, 10);
  });

  it('leaves out a group without participants, as survdiff leaves out one with no expected events', () => {
    const c = cases.find((x) => x.name.startsWith('veteran'))!;
    const groups = groupsOf(c);
    const withEmpty = logRankK([...groups, []])!;
    expect(withEmpty.df).toBe(3);
    expect(Math.abs(withEmpty.chi2 - c.chisq)).toBeLessThan(1e-8);
  });

  it('is null without events', () => {
    const censored = (days: number): SurvivalTime => ({ days, censored: true });
    expect(logRankK([[censored(5)], [censored(7)], [censored(9)]])).toBeNull();
  });

  it('works out a hand-worked three-group case', () => {
    // t=1: n=(1,1,1), one event in group 0. O−E = (2/3, −1/3, −1/3); V over groups 1,2 with
    // d(n−d)/(n−1) = 1: V = [[2/9, −1/9], [−1/9, 2/9]], so chi2 = (−1/3,−1/3)·V⁻¹·(−1/3,−1/3) = 2.
    const e = (days: number): SurvivalTime => ({ days, censored: false });
    const got = logRankK([[e(1)], [e(2)], [e(3)]])!;
    // t=2: n=(0,1,1), one event in group 1: E = (0, 1/2, 1/2), V adds [[1/4,−1/4],[−1/4,1/4]]·1.
    // O−E over groups 1,2 = (−1/3+1/2, −1/3−1/2) = (1/6, −5/6); V = [[17/36, −13/36], [−13/36, 17/36]].
    // chi2 = xᵀV⁻¹x with det = (289−169)/1296 = 120/1296: V⁻¹ = (1296/120)·[[17/36, 13/36], [13/36, 17/36]].
    const x = [1 / 6, -5 / 6];
    const inv = [
      [(1296 / 120) * (17 / 36), (1296 / 120) * (13 / 36)],
      [(1296 / 120) * (13 / 36), (1296 / 120) * (17 / 36)],
    ];
    const chi2 =
      x[0]! * (inv[0]![0]! * x[0]! + inv[0]![1]! * x[1]!) +
      x[1]! * (inv[1]![0]! * x[0]! + inv[1]![1]! * x[1]!);
    expect(got.df).toBe(2);
    expect(got.chi2).toBeCloseTo(chi2, 12);
  });
});
