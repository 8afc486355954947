// Mehta–Schwab variational RG (MATH.md §8.5) for a Bernoulli–Bernoulli RBM E_λ and a visible Hamiltonian H:
//   T_λ(v, h) = −E_λ(v, h) + H(v),  e^{−H^RG(h)} = Σ_v e^{T_λ(v,h) − H(v)} = Σ_v e^{−E_λ(v,h)},
//   exact ⇔ Σ_h e^{T_λ(v,h)} = 1 ∀v ⇔ log Σ_h e^{T_λ(v,h)} = H(v) − F_λ(v) = 0 ∀v,
// and then Σ_h e^{−H^RG(h)} = Σ_v e^{−H(v)} (free energy preserved). KL(e^{−H}/Z ‖ p_λ) = 0 iff
// F_λ = H + const; with F_λ = H − c the defect log Σ_h e^{T} equals c at every v.
import { QgeomError } from "../core/index.js";
import { type RBM, freeEnergy, hiddenLogProbabilities, logPartition, logSumExp, visibleLogProbabilities } from "../boltzmann/index.js";

/** The outcome of the Mehta–Schwab exactness test. */
export interface MehtaSchwabReport {
  /** log Σ_h e^{T_λ(v,h)} = H(v) − F_λ(v) for every visible state (index: bit i = v_i). */
  readonly defects: Float64Array;
  /** max_v |defect|. */
  readonly maxDefect: number;
  /** maxDefect ≤ tol. */
  readonly exact: boolean;
  /** H^RG(h) = −log Σ_v e^{−E_λ(v,h)} for every hidden state. */
  readonly hRG: Float64Array;
  /** log Σ_v e^{−H(v)}. */
  readonly logZH: number;
  /** log Σ_h e^{−H^RG(h)} (= log Z_λ). */
  readonly logZRG: number;
  /** |logZH − logZRG| ≤ tol. */
  readonly freeEnergyPreserved: boolean;
  /** KL(e^{−H}/Z_H ‖ p_λ) over the visible states. */
  readonly kl: number;
  /** The constant c with defects ≡ c (max − min ≤ tol), else null. */
  readonly offset: number | null;
}

/**
 * Tests whether the RBM coupling T_λ = −E_λ + H defines an exact RG transformation of H (MATH.md §8.5)
 * by enumeration. `H` lists H(v) for the 2^d visible states (bit i of the index = v_i); tol defaults to
 * 1e-12 (absolute, on log scale).
 */
export function mehtaSchwab(model: RBM, H: ArrayLike<number>, options: { tol?: number } = {}): MehtaSchwabReport {
  if (model?.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", "the Mehta–Schwab test enumerates binary units: pass a Bernoulli–Bernoulli RBM");
  const d = model.W.rows;
  const tol = options.tol ?? 1e-12;
  const nStates = 2 ** Math.min(d, 31);
  if (H === null || typeof H !== "object" || H.length !== nStates)
    throw new QgeomError("SHAPE", `H must list H(v) for all 2^${d} = ${nStates} visible states (bit i of the index = v_i), got length ${H?.length}; pass ${nStates} finite energies`);
  const h = Float64Array.from(H);
  h.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `H[${k}] is ${x}; pass finite energies`);
  });
  const lpv = visibleLogProbabilities(model); // −F_λ(v) − log Z_λ
  const logZ = logPartition(model);
  const defects = h.map((x, v) => x + lpv[v]! + logZ); // H(v) − F_λ(v)
  let maxDefect = 0, mn = Infinity, mx = -Infinity;
  for (const x of defects) {
    maxDefect = Math.max(maxDefect, Math.abs(x));
    mn = Math.min(mn, x);
    mx = Math.max(mx, x);
  }
  const hRG = hiddenLogProbabilities(model).map((x) => -(x + logZ)); // −log Σ_v e^{−E(v,h)}
  const logZH = logSumExp(h.map((x) => -x));
  const logZRG = logSumExp(hRG.map((x) => -x));
  let kl = 0;
  for (let v = 0; v < nStates; v++) {
    const lq = -h[v]! - logZH;
    kl += Math.exp(lq) * (lq - lpv[v]!);
  }
  return {
    defects,
    maxDefect,
    exact: maxDefect <= tol,
    hRG,
    logZH,
    logZRG,
    freeEnergyPreserved: Math.abs(logZH - logZRG) <= tol,
    kl: Math.max(kl, 0),
    offset: mx - mn <= tol ? 0.5 * (mx + mn) : null,
  };
}

/** H(v) = F_λ(v) for all visible states: the Hamiltonian for which the RBM is an exact RG step. */
export function rbmVisibleFreeEnergies(model: RBM): Float64Array {
  const d = model.W.rows;
  return Float64Array.from({ length: 2 ** d }, (_, k) => freeEnergy(model, Array.from({ length: d }, (_, i) => (k >>> i) & 1)));
}
