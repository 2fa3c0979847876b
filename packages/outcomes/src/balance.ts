/**
 * The balance table ("Tabel 1", issue 17): baseline characteristics per arm with the
 * standardised difference of each intervention arm against control, the table evaluators read
 * before they trust a difference between a matched comparison group and the pilot.
 *
 * - A categorical field (levels, yes/no) gives per level, per arm, the count and the share of
 *   the arm's participants, with "not recorded" as a level of its own (so differential
 *   missingness shows as imbalance too). Its standardised difference is given per level, the
 *   binary one: (p1 − p0) / sqrt((p1(1 − p1) + p0(1 − p0)) / 2) — not the multi-level
 *   Mahalanobis form, which a reader cannot trace back to a row.
 * - A numeric field gives per arm the number with a value, the missing count, the mean and the
 *   sample SD (n − 1); its standardised difference is (m1 − m0) / sqrt((s1² + s0²) / 2).
 * A difference over an empty arm or with a pooled spread of 0 is null (0 when both are
 * identical constants). |d| > 0.1 is the usual mark of imbalance.
 */

export const BALANCE_MARK = 0.1;

export type BalanceValue = string | number | boolean;

export type BalanceField =
  | { code: string; kind: 'categorical'; levels: readonly BalanceValue[] }
  | { code: string; kind: 'numeric' };

export interface BalanceRow {
  arm: string;
  values: Readonly<Record<string, BalanceValue | null>>;
}

export interface Smd {
  d: number | null;
  /** |d| > BALANCE_MARK. */
  flagged: boolean;
}

export interface LevelBalance {
  /** The level; null for "not recorded". */
  value: BalanceValue | null;
  arms: Record<string, { count: number; share: number | null }>;
  /** Per intervention arm, against control. */
  smd: Record<string, Smd>;
}

export interface NumericArm {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
}

export type FieldBalance =
  | { field: string; kind: 'categorical'; levels: LevelBalance[] }
  | { field: string; kind: 'numeric'; arms: Record<string, NumericArm>; smd: Record<string, Smd> };

export interface BalanceTable {
  /** Arms present, intervention arms first (`intervention` leading), `control` last. */
  arms: string[];
  sizes: Record<string, number>;
  /** The arm every other is compared with; null without one (then no differences). */
  reference: string | null;
  fields: FieldBalance[];
}

const CONTROL = 'control';

/**
 * Intervention arms in a stable order: those of `declared` in its order (a pilot's declaration),
 * then `intervention`, then by code; control last.
 */
export function armOrder(arms: Iterable<string>, declared: readonly string[] = []): string[] {
  const at = (a: string) => {
    const i = declared.indexOf(a);
    return i < 0 ? declared.length : i;
  };
  const rank = (a: string) =>
    a === CONTROL ? 3 : at(a) < declared.length ? 0 : a === 'intervention' ? 1 : 2;
  return [...new Set(arms)].sort(
    (a, b) => rank(a) - rank(b) || at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

const smdOf = (d: number | null): Smd => ({
  d,
  flagged: d !== null && Math.abs(d) > BALANCE_MARK,
});

/** Standardised difference of two shares. */
export function proportionSmd(p1: number | null, p0: number | null): number | null {
  if (p1 === null || p0 === null) return null;
  const pooled = Math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2);
  if (pooled === 0) return p1 === p0 ? 0 : null;
  return (p1 - p0) / pooled;
}

/** Standardised difference of two means with their SDs. */
export function meanSmd(
  m1: number | null,
  s1: number | null,
  m0: number | null,
  s0: number | null,
): number | null {
  if (m1 === null || m0 === null || s1 === null || s0 === null) return null;
  const pooled = Math.sqrt((s1 * s1 + s0 * s0) / 2);
  if (pooled === 0) return m1 === m0 ? 0 : null;
  return (m1 - m0) / pooled;
}

/** Mean and sample SD (null below two values: one value has no spread to speak of). */
export function meanSd(xs: readonly number[]): { mean: number | null; sd: number | null } {
  if (xs.length === 0) return { mean: null, sd: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length < 2) return { mean, sd: null };
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (xs.length - 1)) };
}

/**
 * The balance table of a pilot's participants over the given fields, the arms in the order of
 * the pilot's declaration (`declared`, as every other reply keys them).
 * @example balanceTable([{ arm: 'control', values: { x: 1 } }], [{ code: 'x', kind: 'numeric' }])
 */
export function balanceTable(
  rows: readonly BalanceRow[],
  fields: readonly BalanceField[],
  declared: readonly string[] = [],
): BalanceTable {
  const arms = armOrder(
    rows.map((r) => r.arm),
    declared,
  );
  const sizes: Record<string, number> = Object.fromEntries(arms.map((a) => [a, 0]));
  for (const r of rows) sizes[r.arm]!++;
  const reference = arms.includes(CONTROL) ? CONTROL : null;
  const compared = reference === null ? [] : arms.filter((a) => a !== reference);
  const out: FieldBalance[] = fields.map((f) =>
    f.kind === 'numeric'
      ? numericField(rows, f.code, arms, compared)
      : categoricalField(rows, f.code, f.levels, arms, sizes, compared),
  );
  return { arms, sizes, reference, fields: out };
}

function categoricalField(
  rows: readonly BalanceRow[],
  code: string,
  levels: readonly BalanceValue[],
  arms: readonly string[],
  sizes: Record<string, number>,
  compared: readonly string[],
): FieldBalance {
  const keys: (BalanceValue | null)[] = [...levels, null];
  const counts = new Map<BalanceValue | null, Record<string, number>>(
    keys.map((k) => [k, Object.fromEntries(arms.map((a) => [a, 0]))]),
  );
  for (const r of rows) {
    const v = r.values[code] ?? null;
    // A value outside the declared levels cannot be stored; count it as not recorded if it were.
    const c = counts.get(v) ?? counts.get(null)!;
    c[r.arm]!++;
  }
  const result: LevelBalance[] = [];
  for (const value of keys) {
    const c = counts.get(value)!;
    // "Not recorded" is listed only when someone has no value.
    if (value === null && arms.every((a) => c[a] === 0)) continue;
    const share = (a: string) => (sizes[a]! > 0 ? c[a]! / sizes[a]! : null);
    result.push({
      value,
      arms: Object.fromEntries(arms.map((a) => [a, { count: c[a]!, share: share(a) }])),
      smd: Object.fromEntries(
        compared.map((a) => [a, smdOf(proportionSmd(share(a), share(CONTROL)))]),
      ),
    });
  }
  return { field: code, kind: 'categorical', levels: result };
}

function numericField(
  rows: readonly BalanceRow[],
  code: string,
  arms: readonly string[],
  compared: readonly string[],
): FieldBalance {
  const values = new Map<string, number[]>(arms.map((a) => [a, []]));
  const missing: Record<string, number> = Object.fromEntries(arms.map((a) => [a, 0]));
  for (const r of rows) {
    const v = r.values[code];
    if (typeof v === 'number') values.get(r.arm)!.push(v);
    else missing[r.arm]!++;
  }
  const perArm: Record<string, NumericArm> = Object.fromEntries(
    arms.map((a) => {
      const xs = values.get(a)!;
      return [a, { n: xs.length, missing: missing[a]!, ...meanSd(xs) }];
    }),
  );
  const c = perArm[CONTROL];
  const smd = Object.fromEntries(
    compared.map((a) => [
      a,
      smdOf(meanSmd(perArm[a]!.mean, perArm[a]!.sd, c?.mean ?? null, c?.sd ?? null)),
    ]),
  );
  return { field: code, kind: 'numeric', arms: perArm, smd };
}
