// Entropies (MATH §1.9, §6.6), natural logarithm (nats):
//   S(ρ) = −tr ρ log ρ;  Umegaki S(ρ‖σ) = tr ρ(log ρ − log σ), +∞ unless supp ρ ⊂ supp σ;
//   Araki S(ρ‖σ) = −⟨ρ^{1/2}, log Δ_{σ,ρ} ρ^{1/2}⟩ (equal to Umegaki; argument order of §1.9).
import { QgeomError } from "../core/errors.js";
import { type DensityInput, stateOf, vectorsOf } from "./density.js";
import { addSplit, mul } from "./kernels.js";
import { powerSplit } from "./spectral.js";
import { logSplit, sameSize } from "./tomita.js";

/** von Neumann entropy S(ρ) = −Σ p_i log p_i (0 log 0 = 0), in nats. ρ may be singular. */
export function vonNeumannEntropy(rho: DensityInput): number {
  const s = stateOf(rho, "rho", "vonNeumannEntropy", false);
  let h = 0;
  for (let k = 0; k < s.n; k++) {
    const p = s.eigenvalues[k]!;
    if (p > 0) h -= p * s.logEigenvalues[k]!;
  }
  return h;
}

/** Options of {@link relativeEntropy}. */
export interface RelativeEntropyOptions {
  /**
   * Weight of ρ on the kernel of σ, Σ ⟨f, ρ f⟩ over kernel eigenvectors f of σ, above which the
   * support condition counts as violated (result +Infinity). Default: the rounding level
   * u + (u·q_max/q⁺_min)² with u = 16·n·2⁻⁵², where q⁺_min is σ's smallest non-zero eigenvalue:
   * the computed kernel of σ is accurate only to angles ~u·q_max/q⁺_min, through which ρ's weight
   * leaks when σ has eigenvalues just above zero.
   */
  supportTol?: number;
}

/**
 * Umegaki relative entropy S(ρ‖σ) = tr ρ(log ρ − log σ) in nats (MATH §1.9), for density matrices
 * that may be singular: +Infinity when supp ρ ⊄ supp σ. Computed from the spectra ρ = Σ p_i e_i e_i*,
 * σ = Σ q_j f_j f_j* as Σ_i p_i log p_i − Σ_j w_j log q_j with w_j = ⟨f_j, ρ f_j⟩ = Σ_i p_i |⟨e_i, f_j⟩|².
 */
export function relativeEntropy(rho: DensityInput, sigma: DensityInput, opts: RelativeEntropyOptions = {}): number {
  const r = stateOf(rho, "rho", "relativeEntropy", false);
  const q = stateOf(sigma, "sigma", "relativeEntropy", false);
  sameSize(q.n, r.n);
  const n = r.n;
  const u = 16 * n * 2 ** -52;
  let qPlus = Infinity, qMax = 0;
  for (const v of q.eigenvalues) {
    if (v > 0) qPlus = Math.min(qPlus, v);
    qMax = Math.max(qMax, v);
  }
  const tol = opts.supportTol ?? u + (qPlus === Infinity ? 0 : ((u * qMax) / qPlus) ** 2);
  if (typeof tol !== "number" || !(tol >= 0)) throw new QgeomError("INVALID_ARGUMENT", `supportTol must be a non-negative number, got ${tol}; pass e.g. 1e-12`);
  const O = mul(vectorsOf(r), "H", vectorsOf(q), "N"); // O_ij = ⟨e_i, f_j⟩
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = r.eigenvalues[i]!;
    if (p > 0) s += p * r.logEigenvalues[i]!;
  }
  let kernelWeight = 0;
  for (let j = 0; j < n; j++) {
    let w = 0;
    for (let i = 0; i < n; i++) {
      const a = O.re[i * n + j]!, b = O.im === null ? 0 : O.im[i * n + j]!;
      w += r.eigenvalues[i]! * (a * a + b * b);
    }
    const lq = q.logEigenvalues[j]!;
    if (lq === -Infinity) kernelWeight += w;
    else s -= w * lq;
  }
  if (kernelWeight > tol) return Infinity;
  return s;
}

/**
 * Araki relative entropy −⟨ρ^{1/2}, log Δ_{σ,ρ} ρ^{1/2}⟩ with log Δ_{σ,ρ} ξ = (log σ)ξ − ξ log ρ
 * (MATH §6.6), for faithful ρ and σ. Equals the Umegaki relative entropy S(ρ‖σ).
 */
export function arakiRelativeEntropy(rho: DensityInput, sigma: DensityInput): number {
  const r = stateOf(rho, "rho", "arakiRelativeEntropy");
  const q = stateOf(sigma, "sigma", "arakiRelativeEntropy");
  sameSize(q.n, r.n);
  const om = powerSplit(r, { re: 0.5, im: 0 }, "rho", "arakiRelativeEntropy");
  const L = addSplit(mul(logSplit(q), "N", om, "N"), mul(om, "N", logSplit(r), "N"), -1); // log Δ_{σ,ρ} Ω
  // −⟨Ω, LΩ⟩ = −Σ conj(Ω_ij) (LΩ)_ij
  let v = 0;
  for (let k = 0; k < om.re.length; k++) {
    v -= om.re[k]! * L.re[k]! + (om.im === null || L.im === null ? 0 : om.im[k]! * L.im[k]!);
  }
  return v;
}
