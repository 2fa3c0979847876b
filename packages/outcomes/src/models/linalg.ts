/**
 * Dense linear algebra for the small symmetric systems of the regression models (a handful of
 * coefficients): Cholesky factorisation, solve and inverse. Matrices are arrays of rows.
 *
 * Hand-written because the models need only these three operations on matrices of at most a
 * few dozen rows, and a library would add weight to an engine that also runs in the browser.
 */
export type Matrix = number[][];

/** A p × p matrix of zeros. */
export function zeros(p: number): Matrix {
  return Array.from({ length: p }, () => new Array<number>(p).fill(0));
}

/**
 * Lower-triangular L with A = L·Lᵀ, or null when A is not positive definite to within
 * `tolerance` relative to its largest diagonal element (a singular information matrix: a
 * constant or collinear column).
 */
export function cholesky(a: Matrix, tolerance = 1e-12): Matrix | null {
  const p = a.length;
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(a[i]![i]!));
  const l = zeros(p);
  for (let j = 0; j < p; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! * l[j]![k]!;
    if (!(d > tolerance * scale)) return null;
    const root = Math.sqrt(d);
    l[j]![j] = root;
    for (let i = j + 1; i < p; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / root;
    }
  }
  return l;
}

/** x with L·Lᵀ·x = b, given the Cholesky factor L. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  const p = l.length;
  const y = new Array<number>(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** The inverse of L·Lᵀ, given the Cholesky factor L. */
export function choleskyInverse(l: Matrix): Matrix {
  const p = l.length;
  const inv = zeros(p);
  for (let j = 0; j < p; j++) {
    const e = new Array<number>(p).fill(0);
    e[j] = 1;
    const col = choleskySolve(l, e);
    for (let i = 0; i < p; i++) inv[i]![j] = col[i]!;
  }
  return inv;
}

/** x with A·x = b for a symmetric positive definite A, or null when A is singular. */
export function solveSpd(a: Matrix, b: readonly number[]): number[] | null {
  const l = cholesky(a);
  return l === null ? null : choleskySolve(l, b);
}

/** xᵀ·A·x. */
export function quadraticForm(a: Matrix, x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < x.length; j++) s += x[i]! * a[i]![j]! * x[j]!;
  }
  return s;
}

/** The sub-matrix of rows and columns `idx`. */
export function subMatrix(a: Matrix, idx: readonly number[]): Matrix {
  return idx.map((i) => idx.map((j) => a[i]![j]!));
}
