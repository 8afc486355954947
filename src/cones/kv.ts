// The Koszul–Vinberg characteristic function (MATH.md §5.2) of Sym_p^{++} and Herm_p^{++}:
//   φ(X) = ∫_{Ω*} e^{−⟨X, ξ⟩} dξ, with dξ the Lebesgue measure of the chosen coordinates:
//   Sym_p:  φ_u(X) = Γ_p((p+1)/2) (det X)^{−(p+1)/2},  φ_s = 2^{p(p−1)/4} φ_u;
//   Herm_p: φ_u(X) = Γ̃_p(p) (det X)^{−p},            φ_s = 2^{p(p−1)/2} φ_u.
// log φ = const − (N/r) log det X is the canonical potential of the cone; φ(gX) = |det g|^{−1} φ(X).
import { type Expr, PI, QgeomError, add, gamma, log, mul, num, pow, special } from "../core/index.js";
import { type CMatrix, type Matrix, eighHermitian, eigh, isComplex } from "../linalg/index.js";
import { type Coords, type Field, checkCoords, checkField, checkP } from "./coords.js";

/** Eigen-data of a positive-definite X: log det, X⁻¹ (split re/im; im zero for real X). */
export interface PdInfo {
  /** Size p of the p×p matrix X. */
  readonly p: number;
  /** "real" for a Matrix (Sym_p), "complex" for a CMatrix (Herm_p). */
  readonly field: Field;
  /** log det X = Σ log λ_i (natural log; finite, since X is positive definite). */
  readonly logDet: number;
  /** Re X⁻¹, p×p row-major. */
  readonly invRe: Float64Array;
  /** Im X⁻¹, p×p row-major (all zeros for real X). */
  readonly invIm: Float64Array;
  /** Eigenvalues λ_1 ≤ … ≤ λ_p of X, ascending (λ_1 > 0). */
  readonly eigenvalues: Float64Array;
}

/**
 * Checks that X is symmetric (Matrix) or Hermitian (CMatrix) positive definite and returns log det X and
 * X⁻¹ from its eigendecomposition. Throws NOT_POSITIVE_DEFINITE naming the smallest eigenvalue.
 */
export function pdInfo(X: Matrix | CMatrix, name = "X"): PdInfo {
  const complex = isComplex(X);
  const p = X.rows;
  const { values, vr, vi } = complex
    ? (() => {
        const e = eighHermitian(X as CMatrix, { name });
        return { values: e.values, vr: e.vectors.re, vi: e.vectors.im };
      })()
    : (() => {
        const e = eigh(X as Matrix, { name });
        return { values: e.values, vr: e.vectors.data, vi: new Float64Array(p * p) };
      })();
  if (!(values[0]! > 0))
    throw new QgeomError(
      "NOT_POSITIVE_DEFINITE",
      `${name} (${p}×${p}) is not positive definite: smallest eigenvalue ${values[0]!.toPrecision(4)}; the cone ${complex ? "Herm" : "Sym"}_p^{++} is open, pass a positive-definite matrix`,
    );
  let logDet = 0;
  for (const l of values) logDet += Math.log(l);
  // X⁻¹ = V diag(1/λ) V*: (j,k) = Σ_m v_jm conj(v_km)/λ_m
  const invRe = new Float64Array(p * p), invIm = new Float64Array(p * p);
  for (let j = 0; j < p; j++)
    for (let k = 0; k < p; k++) {
      let sr = 0, si = 0;
      for (let m = 0; m < p; m++) {
        const ar = vr[j * p + m]!, ai = vi[j * p + m]!, br = vr[k * p + m]!, bi = -vi[k * p + m]!;
        sr += (ar * br - ai * bi) / values[m]!;
        si += (ar * bi + ai * br) / values[m]!;
      }
      invRe[j * p + k] = sr;
      invIm[j * p + k] = si;
    }
  return { p, field: complex ? "complex" : "real", logDet, invRe, invIm, eigenvalues: values };
}

/** The exponent N/r of det in log φ: (p+1)/2 (real), p (complex). */
export function kvExponent(p: number, field: Field): number {
  return checkField(field) === "real" ? (p + 1) / 2 : p;
}

/** log of the constant in φ: log Γ_p((p+1)/2) [+ (p(p−1)/4) log 2 in F] (real), log Γ̃_p(p) [+ (p(p−1)/2) log 2] (complex). */
export function kvLogConstant(p: number, field: Field, coords: Coords): number {
  checkP(p);
  checkCoords(coords);
  if (checkField(field) === "real") return special.multigammalnFn((p + 1) / 2, p) + (coords === "f" ? ((p * (p - 1)) / 4) * Math.LN2 : 0);
  return special.cmultigammalnFn(p, p) + (coords === "f" ? ((p * (p - 1)) / 2) * Math.LN2 : 0);
}

/**
 * Γ_p(a) = π^{p(p−1)/4} Π_{j=1}^p Γ(a − (j−1)/2) and Γ̃_p(a) = π^{p(p−1)/2} Π_j Γ(a − j + 1) (MATH.md §1.8)
 * as exact Exprs (Γ at integers and half-integers evaluates in closed form).
 */
export function multigammaExpr(a: Expr, p: number, field: Field): Expr {
  checkP(p);
  if (checkField(field) === "real")
    return mul(pow(PI, num(`${p * (p - 1)}/4`)), ...Array.from({ length: p }, (_, j) => gamma(add(a, num(`${-j}/2`)))));
  return mul(pow(PI, num(`${p * (p - 1)}/2`)), ...Array.from({ length: p }, (_, j) => gamma(add(a, num(-j)))));
}

/** The constant of φ as an exact Expr (e.g. Γ_2(3/2) = π/2; times 2^{p(p−1)/4} (real) or 2^{p(p−1)/2} (complex) in F coordinates). */
export function kvConstantExpr(p: number, field: Field, coords: Coords): Expr {
  checkP(p);
  checkCoords(coords);
  if (checkField(field) === "real") {
    const g = multigammaExpr(num(`${p + 1}/2`), p, "real");
    return coords === "f" ? mul(pow(num(2), num(`${p * (p - 1)}/4`)), g) : g;
  }
  const g = multigammaExpr(num(p), p, "complex");
  return coords === "f" ? mul(pow(num(2), num(`${p * (p - 1)}/2`)), g) : g;
}

/** log φ(X) in the given coordinates (the canonical potential of MATH.md §5.2); X real or complex PD. */
export function logKoszulVinberg(X: Matrix | CMatrix, coords: Coords): number {
  checkCoords(coords);
  const info = pdInfo(X);
  return kvLogConstant(info.p, info.field, coords) - kvExponent(info.p, info.field) * info.logDet;
}

/** φ(X) in the given coordinates (may underflow for large p or det X; prefer logKoszulVinberg). */
export function koszulVinberg(X: Matrix | CMatrix, coords: Coords): number {
  return Math.exp(logKoszulVinberg(X, coords));
}

/** log φ as an Expr in terms of an expression for det X: log C − (N/r) log det X. */
export function logKoszulVinbergExpr(detX: Expr, p: number, field: Field, coords: Coords): Expr {
  return add(log(kvConstantExpr(p, field, coords)), mul(num(-kvExponent(p, field)), log(detX)));
}

