// Araki cones and the natural cone in the matrix model (MATH §6.7):
//   P^α = closure of Δ^α M_+ Ω = {ρ^α a ρ^{1/2−α} : a ⪰ 0},  α ∈ [0, 1/2],
//   P^♮ = P^{1/4} = {ρ^{1/4} a ρ^{1/4} : a ⪰ 0} = {a ρ^{1/2} a* : a ∈ M} = Herm_n^+ (as a set, for every faithful ρ).
// Pairing: ⟨ρ^α a ρ^{1/2−α}, ρ^{1/2−α} b ρ^α⟩ = tr(a ρ^{1/2} b ρ^{1/2}) ≥ 0.
import { QgeomError, excerpt } from "../core/errors.js";
import type { CMatrix, Complex } from "../linalg/index.js";
import { type DensityInput, stateOf } from "./density.js";
import { type Split, mul, toCMatrix } from "./kernels.js";
import { type MatrixInput, operandOf, squareOperandOf } from "./operands.js";
import { powerSplit } from "./spectral.js";

/** Internal: α ∈ [0, 1/2]. */
export function alphaOf(alpha: unknown): number {
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || alpha < 0 || alpha > 0.5) {
    throw new QgeomError("INVALID_ARGUMENT", `alpha must be a number in [0, 1/2] (Araki cone P^alpha), got ${excerpt(alpha)}; pass e.g. 0.25 (0 and 1/2 are the extreme cones)`);
  }
  return alpha;
}

/** Internal: ρ^u a ρ^v for real u, v (powers through the spectrum). */
export function twoSidedPower(rho: DensityInput, a: Split, u: number, v: number, op: string): Split {
  const needsFaithful = !(u > 0 || u === 0) || !(v > 0 || v === 0);
  const s = stateOf(rho, "rho", op, needsFaithful);
  const L = powerSplit(s, { re: u, im: 0 }, "rho", op);
  const R = u === v ? L : powerSplit(s, { re: v, im: 0 }, "rho", op);
  return mul(mul(L, "N", a, "N"), "N", R, "N");
}

/**
 * The element ρ^α a ρ^{1/2−α} of the Araki cone P^α (MATH §6.7) for a ⪰ 0 (a is not checked:
 * any a gives an element of the real span). α = 1/4 gives the natural cone P^♮.
 */
export function arakiConeElement(rho: DensityInput, alpha: number, a: MatrixInput): CMatrix {
  const al = alphaOf(alpha);
  const s = stateOf(rho, "rho", "arakiConeElement");
  return toCMatrix(twoSidedPower(s, operandOf(a, s.n, "a"), al, 0.5 - al, "arakiConeElement"));
}

/**
 * The coordinate a = ρ^{−α} ξ ρ^{α−1/2} of ξ with respect to P^α (ξ ∈ P^α iff a ⪰ 0); needs a
 * faithful ρ. For α = 1/4 this is the surjectivity map X ↦ ρ^{−1/4} X ρ^{−1/4} of MATH §6.7.
 */
export function arakiConeCoordinate(rho: DensityInput, alpha: number, xi: MatrixInput): CMatrix {
  const al = alphaOf(alpha);
  const s = stateOf(rho, "rho", "arakiConeCoordinate");
  return toCMatrix(twoSidedPower(s, operandOf(xi, s.n, "xi"), -al, al - 0.5, "arakiConeCoordinate"));
}

/** ρ^{1/4} a ρ^{1/4} ∈ P^♮ for a ⪰ 0 (MATH §6.7). */
export function naturalConeElement(rho: DensityInput, a: MatrixInput): CMatrix {
  return arakiConeElement(rho, 0.25, a);
}

/**
 * The unique vector representative τ^{1/2} ∈ P^♮ of the normal state ω_τ = tr(τ ·) (MATH §6.7):
 * ω_τ(x) = ⟨τ^{1/2}, x τ^{1/2}⟩. τ may be singular.
 */
export function vectorRepresentative(tau: DensityInput): CMatrix {
  const s = stateOf(tau, "tau", "vectorRepresentative", false);
  return toCMatrix(powerSplit(s, { re: 0.5, im: 0 }, "tau", "vectorRepresentative"));
}

/** The Hilbert–Schmidt inner product ⟨ξ, η⟩ = tr(ξ* η) (MATH §1.1: linear in the second argument). */
export function hsInner(xi: MatrixInput, eta: MatrixInput): Complex {
  const x = squareOperandOf(xi, "xi");
  const y = operandOf(eta, x.n, "eta");
  let sr = 0, si = 0;
  for (let k = 0; k < x.re.length; k++) {
    const ar = x.re[k]!, ai = x.im === null ? 0 : -x.im[k]!; // conj(ξ_ij)
    const br = y.re[k]!, bi = y.im === null ? 0 : y.im[k]!;
    sr += ar * br - ai * bi;
    si += ar * bi + ai * br;
  }
  return { re: sr, im: si };
}

/**
 * The Araki pairing identity of MATH §6.7 computed both ways: ⟨ρ^α a ρ^{1/2−α}, ρ^{1/2−α} b ρ^α⟩
 * and tr(a ρ^{1/2} b ρ^{1/2}); for a, b ⪰ 0 both are real and ≥ 0.
 */
export function arakiPairing(
  rho: DensityInput,
  alpha: number,
  a: MatrixInput,
  b: MatrixInput,
): {
  /** ⟨ρ^α a ρ^{1/2−α}, ρ^{1/2−α} b ρ^α⟩ (Hilbert–Schmidt inner product, {@link hsInner}). */
  inner: Complex;
  /** tr(a ρ^{1/2} b ρ^{1/2}), which it must equal. */
  trace: Complex;
} {
  const al = alphaOf(alpha);
  const s = stateOf(rho, "rho", "arakiPairing");
  const as = operandOf(a, s.n, "a"), bs = operandOf(b, s.n, "b");
  const xi = twoSidedPower(s, as, al, 0.5 - al, "arakiPairing");
  const eta = twoSidedPower(s, bs, 0.5 - al, al, "arakiPairing");
  const inner = hsInner(toCMatrix(xi), toCMatrix(eta));
  const h = powerSplit(s, { re: 0.5, im: 0 }, "rho", "arakiPairing");
  const P = mul(mul(mul(as, "N", h, "N"), "N", bs, "N"), "N", h, "N");
  let tr = 0, ti = 0;
  for (let i = 0; i < s.n; i++) {
    tr += P.re[i * s.n + i]!;
    if (P.im !== null) ti += P.im[i * s.n + i]!;
  }
  return { inner, trace: { re: tr, im: ti } };
}

/** a ρ^{1/2} a* (an element of P^♮ for every a ∈ M; MATH §6.7). */
export function naturalConeFromOperator(rho: DensityInput, a: MatrixInput): CMatrix {
  const s = stateOf(rho, "rho", "naturalConeFromOperator");
  const as = operandOf(a, s.n, "a");
  const h = powerSplit(s, { re: 0.5, im: 0 }, "rho", "naturalConeFromOperator");
  return toCMatrix(mul(mul(as, "N", h, "N"), "N", as, "H"));
}

