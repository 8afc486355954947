// log det and det of symmetric positive-definite blocks through the LDLᵀ (square-root-free Cholesky)
// factorisation, unrolled into straight-line code. For A = L D Lᵀ (L unit lower triangular) with
// c_ij = L_ij d_j:
//   d_j  = a_jj - Σ_{k<j} L_jk c_jk,      c_ij = a_ij - Σ_{k<j} c_ik L_jk,      L_ij = c_ij / d_j   (i > j),
// so det A = Π d_j and log det A = Σ log d_j: O(p³) operations instead of the p! terms of the expanded
// determinant. A is SPD exactly when every pivot d_j > 0. log det is computed as log(Π d_j) — one
// logarithm — when min(d_j, P - 2^-1000, 2^1000 - P) > 0 for P = Π d_j (all pivots positive, P far from
// overflow and underflow), else as Σ log d_j (no overflow; NaN or -∞ when a pivot is not positive), so
// outside the cone the result is NaN, never a wrong number. (det A through Π d_j is exact algebra
// whenever the leading minors are non-zero.)
import { QgeomError, excerpt } from "../core/errors.js";
import { type Expr, isReal } from "../core/build.js";
import { postOrder } from "../core/expr.js";
import { Matrix, det as symbolicDet, type SymbolicMatrix } from "../core/matrix.js";
import type { ValueTable } from "./cse.js";

/** A symmetric positive-definite block declared to the compiler: its entries and, optionally, det(entries). */
export interface SpdBlock {
  /**
   * The block M: square (else SHAPE), symmetric entry by entry (else NOT_SYMMETRIC) and real (else
   * INVALID_ARGUMENT); positive definiteness is the caller's claim, not proved.
   */
  readonly matrix: SymbolicMatrix;
  /** The canonical det(matrix) if already computed (saves recomputing it for recognition). */
  readonly det?: Expr;
}

/** A validated block: its entries and the determinant expression it stands for (null if not recognisable). */
export interface ResolvedSpdBlock {
  readonly entries: readonly (readonly Expr[])[];
  readonly det: Expr | null;
}

/** Checks that a declared block is square, symmetric and real, and finds the det expression it replaces. */
export function resolveSpdBlock(block: SymbolicMatrix | SpdBlock, index: number, needDet: boolean): ResolvedSpdBlock {
  const M = block instanceof Matrix ? block : (block as Partial<SpdBlock> | null)?.matrix;
  if (!(M instanceof Matrix))
    throw new QgeomError("INVALID_ARGUMENT", `options.spd[${index}] must be a Matrix<Expr> or { matrix, det? }, got ${excerpt(block)}; pass e.g. { matrix: M }`);
  if (M.rows !== M.cols) throw new QgeomError("SHAPE", `options.spd[${index}] must be square, got ${M.rows}×${M.cols}; pass a square Matrix<Expr>`);
  const p = M.rows;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++)
      if (M.get(i, j) !== M.get(j, i))
        throw new QgeomError("NOT_SYMMETRIC", `options.spd[${index}] is not symmetric: entry (${i + 1},${j + 1}) differs from (${j + 1},${i + 1}); pass a symmetric matrix (e.g. symmetricMatrixSymbols)`);
  const entries = M.toArray();
  if (!entries.flat().every(isReal)) throw new QgeomError("INVALID_ARGUMENT", `options.spd[${index}] has complex entries; SPD blocks are real symmetric; remove it from options.spd (compileComplex handles complex matrices)`);
  let det: Expr | null = null;
  if (needDet && p > 1) {
    const given = block instanceof Matrix ? undefined : block.det;
    det = given ?? symbolicDet(M);
    // a determinant that occurs inside the entries themselves cannot be replaced by their factorisation
    if (postOrder(entries.flat()).includes(det)) det = null;
  }
  return { entries, det };
}

/** The LDLᵀ pivots d_0, …, d_{p-1} of a symmetric matrix of values (lower triangle used). */
export function ldlPivots(vt: ValueTable, a: readonly (readonly number[])[]): number[] {
  const p = a.length;
  const L: number[][] = Array.from({ length: p }, () => new Array<number>(p));
  const C: number[][] = Array.from({ length: p }, () => new Array<number>(p));
  const d: number[] = [];
  for (let j = 0; j < p; j++) {
    let dj = a[j]![j]!;
    for (let k = 0; k < j; k++) dj = vt.sub(dj, vt.mul(L[j]![k]!, C[j]![k]!));
    d.push(dj);
    const r = vt.div(vt.lit(1), dj);
    for (let i = j + 1; i < p; i++) {
      let c = a[i]![j]!;
      for (let k = 0; k < j; k++) c = vt.sub(c, vt.mul(C[i]![k]!, L[j]![k]!));
      C[i]![j] = c;
      L[i]![j] = vt.mul(c, r);
    }
  }
  return d;
}

/** log det A: log Π d_j where that is safe, else Σ_j log d_j (the branch not taken is not evaluated). */
export function logDetFromPivots(vt: ValueTable, d: readonly number[]): number {
  const sumOfLogs = d.map((dj) => vt.math1("log", dj)).reduce((s, x) => vt.add(s, x));
  if (d.length === 1) return sumOfLogs;
  const P = detFromPivots(vt, d);
  const margin = vt.min([...d, vt.sub(P, vt.lit(2 ** -1000)), vt.sub(vt.lit(2 ** 1000), P)]);
  return vt.select(vt.lit(0), margin, vt.math1("log", P), sumOfLogs);
}

/** det A = Π_j d_j. */
export function detFromPivots(vt: ValueTable, d: readonly number[]): number {
  return d.reduce((s, x) => vt.mul(s, x));
}
