// Schur complement (MATH §4.7, §8.2): for an index block B and its complement K,
// A/A_BB = A_KK − A_KB A_BB⁻¹ A_BK. For invertible A it equals ((A⁻¹)_KK)⁻¹.
import { QgeomError, excerpt } from "../core/errors.js";
import { type Matrix, shapeOf } from "./matrix.js";
import { solve } from "./lu.js";
import { checkSquare } from "./validate.js";

/**
 * Schur complement `A/A_BB = A_KK − A_KB A_BB⁻¹ A_BK` of the block `B = block` (indices, any
 * order, distinct) in a square `A`; the result is indexed by the remaining indices `K` in
 * increasing order. E.g. MATH §8.2: `schurComplement(K, f) = K_cc − K_cf K_ff⁻¹ K_fc`.
 * An exactly symmetric `A` gives an exactly symmetric result.
 * @throws QgeomError SINGULAR if `A_BB` is singular to working precision.
 */
export function schurComplement(A: Matrix, block: readonly number[], name = "A"): Matrix {
  checkSquare(A, name);
  const n = A.rows;
  if (!Array.isArray(block) || block.length === 0 || block.length >= n) {
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `schurComplement: block must list between 1 and ${n - 1} indices of ${name} (${shapeOf(A)}), got ${excerpt(block)}; pass e.g. [0]`,
    );
  }
  const inB = new Uint8Array(n);
  for (const i of block) {
    if (!Number.isInteger(i) || i < 0 || i >= n || inB[i] === 1) {
      throw new QgeomError(
        "INVALID_ARGUMENT",
        `schurComplement: block ${excerpt(block)} must hold distinct integer indices in 0..${n - 1}; ${String(i)} is not valid; remove duplicates and out-of-range entries`,
      );
    }
    inB[i] = 1;
  }
  const B = block.slice();
  const K: number[] = [];
  for (let i = 0; i < n; i++) if (inB[i] === 0) K.push(i);
  const b = B.length, k = K.length, a = A.data;
  const sub = (rows: number[], cols: number[]): Matrix => {
    const out = new Float64Array(rows.length * cols.length);
    rows.forEach((r, i) => cols.forEach((c, j) => (out[i * cols.length + j] = a[r * n + c]!)));
    return { rows: rows.length, cols: cols.length, data: out };
  };
  const X = solve(sub(B, B), sub(B, K), `${name}[block, block]`); // A_BB⁻¹ A_BK, b×k
  const AKB = sub(K, B);
  const S = sub(K, K).data;
  for (let i = 0; i < k; i++) {
    for (let p = 0; p < b; p++) {
      const m = AKB.data[i * b + p]!;
      if (m === 0) continue;
      for (let j = 0; j < k; j++) S[i * k + j]! -= m * X.data[p * k + j]!;
    }
  }
  let symmetric = true;
  for (let i = 0; i < n && symmetric; i++) for (let j = i + 1; j < n; j++) if (a[i * n + j] !== a[j * n + i]) { symmetric = false; break; }
  if (symmetric) {
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const v = 0.5 * (S[i * k + j]! + S[j * k + i]!);
        S[i * k + j] = v;
        S[j * k + i] = v;
      }
    }
  }
  return { rows: k, cols: k, data: S };
}
