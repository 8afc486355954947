// Left polar decomposition W = P U (MATH §3.7): P = (W Wᵀ)^{1/2} ⪰ 0, U with orthonormal rows.
// From the SVD W = X Σ Yᵀ: P = X Σ Xᵀ and U = X Yᵀ (Higham, Functions of Matrices, §8.1).
import { QgeomError } from "../core/errors.js";
import { type Matrix, shapeOf } from "./matrix.js";
import { svd } from "./svd.js";
import { checkMatrix } from "./validate.js";

/** Left polar decomposition `W = P U`. */
export interface PolarResult {
  /** `P = (W Wᵀ)^{1/2}`, symmetric positive semidefinite (d×d); PD iff W has full row rank. */
  readonly p: Matrix;
  /** `U`, d×k with orthonormal rows (`U Uᵀ = I`); orthogonal when W is square. Unique iff rank W = d. */
  readonly u: Matrix;
}

/**
 * Left polar decomposition `W = P U` of a d×k matrix with `d ≤ k` (MATH §3.7: for square
 * invertible W, `z ↦ Pz` is the Brenier map to N(0, W Wᵀ)). Computed from the one-sided Jacobi
 * SVD, so it stays accurate for ill-conditioned W.
 */
export function polar(W: Matrix, name = "W"): PolarResult {
  checkMatrix(W, name);
  const d = W.rows, k = W.cols;
  if (d > k) {
    throw new QgeomError(
      "SHAPE",
      `${name} is ${shapeOf(W)}: the left polar decomposition W = P U needs rows ≤ columns (k ≥ d); for a tall matrix pass its transpose`,
    );
  }
  const { u: X, s, v: Y } = svd(W, name); // X d×d, Y k×d
  const x = X.data, y = Y.data;
  const P = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = r; c < d; c++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += x[r * d + j]! * s[j]! * x[c * d + j]!;
      P[r * d + c] = acc;
      P[c * d + r] = acc;
    }
  }
  const U = new Float64Array(d * k);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < k; c++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += x[r * d + j]! * y[c * d + j]!;
      U[r * k + c] = acc;
    }
  }
  return { p: { rows: d, cols: d, data: P }, u: { rows: d, cols: k, data: U } };
}
