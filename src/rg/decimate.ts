// Schur-complement decimation (MATH.md §8.2). For the Gaussian weight e^{−½ xᵀKx} with precision K = Σ⁻¹
// and sites split into kept (c) and integrated-out (f):
//   H′(x_c) = −log ∫ e^{−½ xᵀKx} dx_f = ½ x_cᵀ (K/K_ff) x_c + ½ log det K_ff − (|f|/2) log 2π,
//   K/K_ff = K_cc − K_cf K_ff⁻¹ K_fc = (Σ_cc)⁻¹,
// and the free energy is preserved: ∫ e^{−H′} dx_c = ∫ e^{−½ xᵀKx} dx. Decimation is the congruence with
// the selection R = [I_c 0].
import { type SymbolicMatrix, Matrix as SMatrix, QgeomError, add, inverse, matMul, mul, num, simplify } from "../core/index.js";
import { type Matrix, cholesky, logDet, schurComplement } from "../linalg/index.js";
import { checkIndices, checkSymmetricMatrix } from "./congruence.js";

/** Result of a decimation step. */
export interface Decimation {
  /** K′ = K/K_ff, indexed by `keep` in the order given. */
  readonly K: Matrix;
  /** The free-energy constant ½ log det K_ff − (|f|/2) log 2π of H′. */
  readonly constant: number;
  /** Kept sites (as given). */
  readonly keep: number[];
  /** Integrated-out sites (increasing). */
  readonly integrated: number[];
}

function split(p: number, keep: readonly number[]): number[] {
  checkIndices(keep, p, "keep");
  const kept = new Set(keep);
  return Array.from({ length: p }, (_, i) => i).filter((i) => !kept.has(i));
}

function sub(K: Matrix, rows: readonly number[], cols: readonly number[]): Matrix {
  const out = new Float64Array(rows.length * cols.length);
  rows.forEach((r, i) => cols.forEach((c, j) => (out[i * cols.length + j] = K.data[r * K.cols + c]!)));
  return { rows: rows.length, cols: cols.length, data: out };
}

/**
 * Integrates out every site not in `keep` from the Gaussian with precision K (symmetric positive
 * definite): K′ = K/K_ff and the constant ½ log det K_ff − (|f|/2) log 2π (MATH.md §8.2).
 * Throws NOT_POSITIVE_DEFINITE (naming the Cholesky pivot) if K is not positive definite.
 */
export function decimate(K: Matrix, keep: readonly number[]): Decimation {
  checkSymmetricMatrix(K, "K");
  const p = K.rows;
  cholesky(K, { name: "K (precision)" });
  const integrated = split(p, keep);
  if (integrated.length === 0) return { K: sub(K, keep, keep), constant: 0, keep: [...keep], integrated };
  const S = schurComplement(K, integrated, "K"); // indexed by the kept sites in increasing order
  const sorted = [...keep].sort((a, b) => a - b);
  const pos = keep.map((i) => sorted.indexOf(i));
  const Kp = sub(S, pos, pos);
  const constant = 0.5 * logDet(sub(K, integrated, integrated), { name: "K_ff" }) - (integrated.length / 2) * Math.log(2 * Math.PI);
  return { K: Kp, constant, keep: [...keep], integrated };
}

/** −log ∫ e^{−½ xᵀKx} dx = ½ log det K − (p/2) log 2π for symmetric positive-definite K. */
export function gaussianFreeEnergy(K: Matrix): number {
  checkSymmetricMatrix(K, "K");
  return 0.5 * logDet(K, { name: "K (precision)" }) - (K.rows / 2) * Math.log(2 * Math.PI);
}

/**
 * −log ∫ e^{−H′(x_c)} dx_c for the decimated Hamiltonian H′ = ½ x_cᵀK′x_c + constant: it equals
 * gaussianFreeEnergy(K) (free-energy preservation, MATH.md §8.2).
 */
export function decimatedFreeEnergy(step: Decimation): number {
  return gaussianFreeEnergy(step.K) + step.constant;
}

/** K/K_ff for a symbolic precision matrix (exact, e.g. at rational entries), indexed by `keep`. */
export function decimateSymbolic(K: SymbolicMatrix, keep: readonly number[]): SymbolicMatrix {
  if (!K.isSquare) throw new QgeomError("SHAPE", `K must be square, got ${K.rows}×${K.cols}; pass a square coupling matrix`);
  const f = split(K.rows, keep);
  const block = (rows: readonly number[], cols: readonly number[]) => new SMatrix(rows.map((r) => cols.map((c) => K.get(r, c))));
  if (f.length === 0) return block(keep, keep);
  const correction = matMul(matMul(block(keep, f), inverse(block(f, f))), block(f, keep));
  const Kcc = block(keep, keep);
  return Kcc.map((x, i, j) => simplify(add(x, mul(num(-1), correction.get(i, j)))));
}
