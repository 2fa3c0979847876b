/**
 * Design matrices for the regression models, as R's model.matrix builds them: a numeric or
 * yes/no covariate is one column; a categorical covariate is one 0/1 column per level but the
 * first (the reference), in the order given. People missing any chosen covariate are left out
 * (complete cases), and the number left out is reported.
 */
import type { ZphTerm } from './zph.ts';

export type CovariateValue = number | string | boolean | null;

export interface CovariateSpec {
  name: string;
  kind: 'numeric' | 'categorical';
  /**
   * Level order of a categorical covariate; the first level present is the reference. Levels
   * nobody in the model has are dropped (R would keep an all-zero column and report NA).
   * Without it, the levels sorted as text.
   */
  levels?: readonly string[];
}

export interface DesignColumn {
  /** R's column name: the covariate, followed by the level for a dummy (`householdcouple`). */
  name: string;
  covariate: string;
  level: string | null;
}

export interface Design {
  x: number[][];
  columns: DesignColumn[];
  /** Column groups per covariate, for per-term tests (cox.zph). */
  terms: ZphTerm[];
  /** Indices of the input rows used (complete cases), in input order. */
  rows: number[];
  /** Rows left out for a missing covariate. */
  excluded: number;
  /** Categorical covariates with fewer than two levels among the rows used (no column). */
  singleLevel: string[];
}

/**
 * Build the design of `specs` over `data` (one record per person).
 * @example designMatrix([{ arm: 1, household: 'couple' }], [{ name: 'arm', kind: 'numeric' }, …])
 */
export function designMatrix(
  data: readonly Readonly<Record<string, CovariateValue>>[],
  specs: readonly CovariateSpec[],
): Design {
  const rows: number[] = [];
  data.forEach((r, i) => {
    if (specs.every((s) => r[s.name] !== null && r[s.name] !== undefined)) rows.push(i);
  });
  const columns: DesignColumn[] = [];
  const terms: ZphTerm[] = [];
  const singleLevel: string[] = [];
  const encoders: ((r: Readonly<Record<string, CovariateValue>>) => number[])[] = [];
  for (const s of specs) {
    if (s.kind === 'numeric') {
      terms.push({ name: s.name, columns: [columns.length] });
      columns.push({ name: s.name, covariate: s.name, level: null });
      encoders.push((r) => [Number(r[s.name])]);
      continue;
    }
    const present = new Set(rows.map((i) => String(data[i]![s.name])));
    const order = s.levels ?? [...present].sort();
    const levels = order.filter((l) => present.has(l));
    const dummies = levels.slice(1);
    if (dummies.length === 0) singleLevel.push(s.name);
    terms.push({ name: s.name, columns: dummies.map((_, j) => columns.length + j) });
    for (const l of dummies) columns.push({ name: `${s.name}${l}`, covariate: s.name, level: l });
    encoders.push((r) => dummies.map((l) => (String(r[s.name]) === l ? 1 : 0)));
  }
  const x = rows.map((i) => encoders.flatMap((e) => e(data[i]!)));
  return { x, columns, terms, rows, excluded: data.length - rows.length, singleLevel };
}
