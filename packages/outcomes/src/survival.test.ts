import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, logRank, numbersAtRisk, type SurvivalTime } from './survival.ts';

// Freireich et al. (1963) 6-MP leukaemia remission data, weeks; '+' = censored.
const parse = (s: string): SurvivalTime[] =>
  s.split(',').map((x) => ({ days: Number.parseInt(x, 10), censored: x.endsWith('+') }));
const SIX_MP = parse('6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+');
const PLACEBO = parse('1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23');

describe('kaplanMeier on the 6-MP arm', () => {
  const km = kaplanMeier(SIX_MP);

  // Survival from the textbooks (and R's survfit); bounds from R's conf.type = "log",
  // checked with an independent Python computation of S·exp(±z·sqrt(Σ d/(n(n−d)))).
  it.each([
    [6, 0.857, 21, 3, 0.7198170829248798, 1],
    [7, 0.807, 17, 1, 0.6531242173740541, 0.9964436775687527],
    [10, 0.753, 15, 1, 0.5859189808705575, 0.9675747564664725],
    [13, 0.69, 12, 1, 0.5096130978824899, 0.9347691977726407],
    [16, 0.627, 11, 1, 0.4393939237339795, 0.8959949410530125],
    [22, 0.538, 7, 1, 0.33703661491530496, 0.8582008512081537],
    [23, 0.448, 6, 1, 0.2487882256626024, 0.8073720492774902],
  ])(
    'at t = %i: S = %f, %i at risk, %i events, bounds [%f, %f]',
    (t, s, atRisk, events, lo, hi) => {
      const p = km.points.find((q) => q.t === t)!;
      expect(p.survival).toBeCloseTo(s, 3);
      expect(p).toMatchObject({ atRisk, events });
      expect(p.lower!).toBeCloseTo(lo, 10);
      expect(p.upper!).toBeCloseTo(hi, 10);
    },
  );

  it('has one point per distinct event time and median 23', () => {
    expect(km.points.map((p) => p.t)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(km.median).toBe(23);
  });

  it('keeps a participant censored at t at risk at t', () => {
    const k = kaplanMeier([
      { days: 5, censored: true },
      { days: 5, censored: false },
      { days: 9, censored: false },
    ]);
    expect(k.points[0]).toMatchObject({ t: 5, atRisk: 3, events: 1 });
    expect(k.points[0]!.survival).toBeCloseTo(2 / 3, 15);
  });

  it('reaches S = 0 with null bounds when everyone at risk has the event', () => {
    const k = kaplanMeier(PLACEBO);
    const last = k.points.at(-1)!;
    expect(last).toEqual({ t: 23, survival: 0, lower: null, upper: null, atRisk: 1, events: 1 });
    expect(k.median).toBe(8);
  });

  it('has no points and no median without events', () => {
    expect(kaplanMeier([{ days: 10, censored: true }])).toEqual({ points: [], median: null });
    expect(kaplanMeier([])).toEqual({ points: [], median: null });
  });

  it('never at risk: a negative censoring time does not count at later event times', () => {
    const k = kaplanMeier([
      { days: -4, censored: true },
      { days: 0, censored: false },
      { days: 3, censored: true },
    ]);
    expect(k.points).toEqual([expect.objectContaining({ t: 0, atRisk: 2, survival: 0.5 })]);
    expect(k.median).toBe(0);
  });

  it('is non-increasing with bounds around the estimate', () => {
    const time = fc.record({ days: fc.integer({ min: -10, max: 60 }), censored: fc.boolean() });
    fc.assert(
      fc.property(fc.array(time, { maxLength: 80 }), (times) => {
        const { points } = kaplanMeier(times);
        for (let i = 0; i < points.length; i++) {
          const p = points[i]!;
          if (i > 0) expect(p.survival).toBeLessThanOrEqual(points[i - 1]!.survival);
          if (p.survival > 0) {
            expect(p.lower!).toBeLessThanOrEqual(p.survival + 1e-15);
            expect(p.upper!).toBeGreaterThanOrEqual(p.survival - 1e-15);
            expect(p.upper!).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe('logRank', () => {
  it('reproduces R survdiff on the Freireich data: chi2 16.79, p ≈ 4.17e-5', () => {
    const r = logRank(SIX_MP, PLACEBO)!;
    expect(r.chi2).toBeCloseTo(16.79, 2);
    expect(r.chi2).toBeCloseTo(16.79294098921654, 10);
    expect(r.p).toBeCloseTo(4.1688091093345274e-5, 12);
  });

  it('is symmetric in its arms', () => {
    expect(logRank(PLACEBO, SIX_MP)!.chi2).toBeCloseTo(logRank(SIX_MP, PLACEBO)!.chi2, 12);
  });

  it.each([
    ['no events at all', [{ days: 3, censored: true }], [{ days: 4, censored: true }]],
    ['an empty arm', [], []],
  ])('is null with %s', (_name, a, b) => {
    expect(logRank(a, b)).toBeNull();
  });
});

describe('kaplanMeier median where S lands exactly on one half', () => {
  const exits = (days: number[]): SurvivalTime[] => days.map((d) => ({ days: d, censored: false }));
  const censorings = (days: number[]): SurvivalTime[] =>
    days.map((d) => ({ days: d, censored: true }));
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

  it.each(range(1, 100).map((k) => 2 * k))(
    'has its median at the n/2-th exit in an uncensored arm of %i with one exit a day',
    (n) => {
      const km = kaplanMeier(exits(range(1, n)));
      expect(km.median).toBe(n / 2);
    },
  );

  it('has its median at 12 exits among 24 on one day', () => {
    expect(kaplanMeier(exits([...Array(12).fill(7), ...range(20, 12)])).median).toBe(7);
  });

  it('has its median where a censoring on day 0 leaves an even arm that halves', () => {
    // 2n + 1 start, one leaves censored at day 0, then n of the 2n remaining exit one a day.
    for (let n = 1; n <= 60; n++) {
      const km = kaplanMeier([
        ...censorings([0]),
        ...exits(range(1, n)),
        ...censorings(range(1000, n)),
      ]);
      expect(km.median, `n = ${n}`).toBe(n);
    }
  });

  // Arms of N: c exits one a day, m censorings on one day, then exits one a day. S after the
  // j-th exit past the censorings is (N−c)/N · (N−c−m−j)/(N−c−m); where that is exactly 1/2 in
  // integers, the median must be that day and not a later one.
  const halves: [number, number, number, number][] = [];
  for (let N = 3; N <= 100; N++)
    for (let c = 1; c < N - 2; c++)
      for (let m = 1; m <= 5; m++)
        for (let j = 1; j <= N - c - m; j++)
          if (2 * (N - c) * (N - c - m - j) === N * (N - c - m)) halves.push([N, c, m, j]);

  it('finds constructed censored arms that halve exactly', () => {
    expect(halves.length).toBeGreaterThan(100);
  });

  it.each(halves)(
    'arm of %i: %i exits, %i censored, then %i exits has its median there',
    (N, c, m, j) => {
      const km = kaplanMeier([
        ...exits(range(1, c)),
        ...censorings(Array(m).fill(c + 1)),
        ...exits(range(c + 2, N - c - m)),
      ]);
      expect(km.median).toBe(c + 1 + j);
    },
  );

  it('agrees with an exact rational median on random censored arms', () => {
    const time = fc.record({ days: fc.integer({ min: 0, max: 40 }), censored: fc.boolean() });
    fc.assert(
      fc.property(fc.array(time, { maxLength: 120 }), (times) => {
        const sorted = [...times].sort((a, b) => a.days - b.days);
        let num = 1n;
        let den = 1n;
        let atRisk = sorted.length;
        let expected: number | null = null;
        for (const t of new Set(sorted.map((s) => s.days))) {
          const here = sorted.filter((s) => s.days === t);
          const d = here.filter((s) => !s.censored).length;
          if (d > 0) {
            num *= BigInt(atRisk - d);
            den *= BigInt(atRisk);
            if (expected === null && 2n * num <= den) expected = t;
          }
          atRisk -= here.length;
        }
        expect(kaplanMeier(times).median).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('numbersAtRisk', () => {
  it('counts those whose time is on or after each day, the whole arm at day 0', () => {
    const times = parse('5+,5,180,200+,400,1200+');
    expect(numbersAtRisk(times, [0, 5, 180, 181, 365, 1095, 2000])).toEqual([
      { t: 0, atRisk: 6 },
      { t: 5, atRisk: 6 },
      { t: 180, atRisk: 4 },
      { t: 181, atRisk: 3 },
      { t: 365, atRisk: 2 },
      { t: 1095, atRisk: 1 },
      { t: 2000, atRisk: 0 },
    ]);
  });

  it('agrees with the curve’s own numbers at risk at its event times', () => {
    const km = kaplanMeier(SIX_MP);
    const table = numbersAtRisk(
      SIX_MP,
      km.points.map((p) => p.t),
    );
    expect(table.map((r) => r.atRisk)).toEqual(km.points.map((p) => p.atRisk));
  });
});
