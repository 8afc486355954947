// Tomita–Takesaki objects in the matrix model (MATH §6.1–6.2, 6.6): M = M_n(ℂ) acting by left
// multiplication on the Hilbert–Schmidt space H = M_n(ℂ), ⟨ξ, η⟩ = tr(ξ*η), cyclic and separating
// vector Ω = ρ^{1/2} of the faithful state ω_ρ = tr(ρ ·). These functions act on vectors ξ ∈ H;
// superoperator.ts gives the same operators as n²×n² matrices.
import { QgeomError } from "../core/errors.js";
import type { CMatrix, Complex, Matrix } from "../linalg/index.js";
import { type DensityInput, type DensityMatrix, stateOf, vectorsOf } from "./density.js";
import { type Split, addSplit, conjTransposeSplit, hermitianize, mul, reconstruct, toCMatrix, toMatrixOrC } from "./kernels.js";
import { type MatrixInput, complexOf, operandOf, squareOperandOf } from "./operands.js";
import { powerSplit, sandwich } from "./spectral.js";

/**
 * ρ^z = V diag(p_i^z) V* for complex z (MATH §1.2). For a non-faithful ρ, Re z > 0 acts on the
 * support (0^z = 0) and z = 0 gives the support projection. Real ρ and real z give a real Matrix.
 * @throws QgeomError SINGULAR when Re z ≤ 0 (z ≠ 0) and ρ is singular.
 */
export function densityPower(rho: DensityInput, z: number | Complex): Matrix | CMatrix {
  const zz = complexOf(z, "z");
  const s = stateOf(rho, "rho", "densityPower", false);
  return toMatrixOrC(powerSplit(s, zz, "rho", "densityPower"));
}

/** The cyclic and separating vector Ω = ρ^{1/2} ∈ H, with ω_ρ(x) = ⟨Ω, xΩ⟩ (MATH §6.2). Real for real ρ. */
export function omega(rho: DensityInput): Matrix | CMatrix {
  const s = stateOf(rho, "rho", "omega");
  return toMatrixOrC(powerSplit(s, { re: 0.5, im: 0 }, "rho", "omega"));
}

/**
 * Modular conjugation Jξ = ξ* (MATH §6.2): antilinear, J² = 1, J = J*; it does not depend on ρ
 * in the matrix model. For its matrix form see `modularConjugationRealForm` (never a complex matrix).
 */
export function modularConjugation(xi: MatrixInput): CMatrix {
  return toCMatrix(conjTransposeSplit(squareOperandOf(xi, "xi")));
}

/**
 * Modular operator Δ^z ξ = ρ^z ξ ρ^{−z} (MATH §6.2), for complex z (default 1: Δξ = ρ ξ ρ⁻¹).
 * Δ is positive and self-adjoint on H, with spectrum {p_i/p_j}.
 * @throws QgeomError SINGULAR if ρ is not faithful (Δ needs ρ⁻¹).
 */
export function modularOperator(rho: DensityInput, xi: MatrixInput, z: number | Complex = 1): CMatrix {
  const zz = complexOf(z, "z");
  const s = stateOf(rho, "rho", "modularOperator");
  const x = operandOf(xi, s.n, "xi");
  return toCMatrix(sandwich(s, s, x, zz, { re: -zz.re, im: -zz.im }, "modularOperator"));
}

/**
 * Tomita operator S ξ = J Δ^{1/2} ξ = ρ^{−1/2} ξ* ρ^{1/2} (MATH §6.2), antilinear, with
 * S(xΩ) = x*Ω for every x ∈ M (the polar decomposition S = JΔ^{1/2}).
 */
export function tomitaS(rho: DensityInput, xi: MatrixInput): CMatrix {
  const s = stateOf(rho, "rho", "tomitaS");
  const x = operandOf(xi, s.n, "xi");
  return toCMatrix(conjTransposeSplit(sandwich(s, s, x, { re: 0.5, im: 0 }, { re: -0.5, im: 0 }, "tomitaS")));
}

/**
 * Relative modular operator Δ_{σ,ρ}^z ξ = σ^z ξ ρ^{−z} (MATH §6.6; default z = 1: σ ξ ρ⁻¹), for
 * faithful ρ (the reference state, on the right) and σ. Δ_{ρ,ρ} = Δ.
 */
export function relativeModularOperator(sigma: DensityInput, rho: DensityInput, xi: MatrixInput, z: number | Complex = 1): CMatrix {
  const zz = complexOf(z, "z");
  const r = stateOf(rho, "rho", "relativeModularOperator");
  const q = stateOf(sigma, "sigma", "relativeModularOperator");
  sameSize(q.n, r.n);
  const x = operandOf(xi, r.n, "xi");
  return toCMatrix(sandwich(q, r, x, zz, { re: -zz.re, im: -zz.im }, "relativeModularOperator"));
}

/** log Δ_{σ,ρ} ξ = (log σ) ξ − ξ (log ρ) (MATH §6.6), for faithful σ and ρ. */
export function logRelativeModularOperator(sigma: DensityInput, rho: DensityInput, xi: MatrixInput): CMatrix {
  const r = stateOf(rho, "rho", "logRelativeModularOperator");
  const q = stateOf(sigma, "sigma", "logRelativeModularOperator");
  sameSize(q.n, r.n);
  const x = operandOf(xi, r.n, "xi");
  const ls = logSplit(q), lr = logSplit(r);
  return toCMatrix(addSplit(mul(ls, "N", x, "N"), mul(x, "N", lr, "N"), -1));
}

/**
 * Relative Tomita operator S_{σ,ρ} ξ = J Δ_{σ,ρ}^{1/2} ξ = ρ^{−1/2} ξ* σ^{1/2} (MATH §6.6), with
 * S_{σ,ρ}(xρ^{1/2}) = x*σ^{1/2}.
 */
export function relativeTomitaS(sigma: DensityInput, rho: DensityInput, xi: MatrixInput): CMatrix {
  const r = stateOf(rho, "rho", "relativeTomitaS");
  const q = stateOf(sigma, "sigma", "relativeTomitaS");
  sameSize(q.n, r.n);
  const x = operandOf(xi, r.n, "xi");
  return toCMatrix(conjTransposeSplit(sandwich(q, r, x, { re: 0.5, im: 0 }, { re: -0.5, im: 0 }, "relativeTomitaS")));
}

/** Internal: log ρ = V diag(log p) V* of a faithful state, as an exactly Hermitian Split. */
export function logSplit(s: DensityMatrix): Split {
  return hermitianize(reconstruct(vectorsOf(s), s.logEigenvalues, null));
}

/** Internal: the two states act on the same space. */
export function sameSize(a: number, b: number, names = "sigma and rho"): void {
  if (a !== b) throw new QgeomError("SHAPE", `${names} have different sizes (${a}×${a} and ${b}×${b}); pass states on the same space`);
}
