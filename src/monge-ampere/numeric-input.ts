// Validation of numeric inputs: vectors and matrices as plain arrays or linalg types, SPD checks that
// name the argument (the Cholesky error names the failing pivot), matching dimensions.
import { QgeomError } from "../core/index.js";
import { type Matrix, cholesky, realMatrix, shapeOf } from "../linalg/index.js";
import { excerpt } from "./variables.js";

/** A real matrix: rows of numbers or a linalg Matrix. */
export type MatrixInput = readonly (readonly number[])[] | Matrix;
/** A real vector: an array of numbers or a Float64Array. */
export type VectorInput = readonly number[] | Float64Array;

/** A linalg Matrix from rows or a Matrix (copied), naming the argument in errors. */
export function toMatrix(A: MatrixInput, name: string): Matrix {
  return realMatrix(A, name);
}

/** A Float64Array copy of a finite vector, optionally of a required length. */
export function toVector(x: VectorInput, name: string, length?: number): Float64Array {
  if (!(x instanceof Float64Array) && !Array.isArray(x)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be an array of numbers, got ${excerpt(x)}; pass e.g. [0, 1]`);
  if (length !== undefined && x.length !== length)
    throw new QgeomError("SHAPE", `${name} has length ${x.length} but the dimension is ${length}; pass vectors and matrices of matching dimension`);
  if (x.length === 0) throw new QgeomError("SHAPE", `${name} is empty; pass at least one entry`);
  const v = Float64Array.from(x as ArrayLike<number>);
  for (let k = 0; k < v.length; k++) {
    const t = (x as ArrayLike<unknown>)[k];
    if (typeof t !== "number" || !Number.isFinite(t)) throw new QgeomError("NOT_FINITE", `${name}[${k}] is ${excerpt(t)}; pass finite numbers`);
  }
  return v;
}

/**
 * A symmetric positive-definite matrix (a covariance), checked by Cholesky: the error names the
 * argument and the failing pivot. `n` fixes the required dimension.
 */
export function toSpd(S: MatrixInput, name: string, n?: number): Matrix {
  const M = toMatrix(S, name);
  if (M.rows !== M.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(M)}; pass an n×n matrix`);
  if (n !== undefined && M.rows !== n)
    throw new QgeomError("SHAPE", `${name} is ${shapeOf(M)} but the dimension is ${n}; pass covariances and means of matching dimension`);
  cholesky(M, { name });
  return M;
}
