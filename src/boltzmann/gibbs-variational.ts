// The Gibbs variational principle (MATH.md §2.4): for any law q on the states,
//   𝓕_T[q] = E_q[E] − T H(q) ≥ −T log Z_T, with equality iff q = P_T, and KL(q‖P_T) = (𝓕_T[q] + T log Z_T)/T.
// KL(p‖q) = Σ p log(p/q), expectation under the FIRST argument; +∞ unless p ≪ q (MATH.md §1.9).
import { QgeomError } from "../core/index.js";
import { excerpt } from "../core/errors.js";
import { logSumExp } from "./enumerate.js";
import { temperature } from "./model.js";

function energiesOf(E: ArrayLike<number>, name = "energies"): Float64Array {
  if (E === null || typeof E !== "object" || typeof E.length !== "number" || E.length === 0)
    throw new QgeomError("SHAPE", `${name} must be a non-empty array of state energies, got ${excerpt(E)}; pass e.g. [0, 1, 1, 2]`);
  const out = Float64Array.from(E);
  out.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `${name}[${k}] is ${x}; energies must be finite; pass finite energies`);
  });
  return out;
}

/** Checks a probability vector: entries ≥ 0, finite, summing to 1 within 1e-9. */
export function checkProbabilities(q: ArrayLike<number>, length: number, name = "q"): Float64Array {
  if (q === null || typeof q !== "object" || q.length !== length)
    throw new QgeomError("SHAPE", `${name} must be a probability vector of length ${length} (one entry per state), got ${excerpt(q)}; pass ${length} non-negative numbers summing to 1`);
  const out = Float64Array.from(q);
  let s = 0;
  out.forEach((x, k) => {
    if (!(x >= 0) || !Number.isFinite(x)) throw new QgeomError("DOMAIN", `${name}[${k}] = ${x} is not a probability (must be finite and ≥ 0); pass non-negative probabilities`);
    s += x;
  });
  if (Math.abs(s - 1) > 1e-9) throw new QgeomError("DOMAIN", `${name} sums to ${s}, not 1; divide it by its sum to make it a probability vector`);
  return out;
}

/** Shannon entropy H(q) = −Σ q log q in nats (0 log 0 = 0). */
export function entropy(q: ArrayLike<number>): number {
  const p = checkProbabilities(q, q.length);
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/** The Boltzmann law P_T(s) = e^{−E(s)/T}/Z_T of the given state energies. */
export function boltzmannLaw(energies: ArrayLike<number>, options: { T?: number } = {}): Float64Array {
  const T = temperature(options.T);
  const w = energiesOf(energies).map((e) => -e / T);
  const lz = logSumExp(w);
  return w.map((x) => Math.exp(x - lz));
}

/** KL(p‖q) = Σ_s p_s log(p_s/q_s) (first argument = expectation), +∞ if some p_s > 0 = q_s (MATH.md §1.9). */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const P = checkProbabilities(p, p.length, "p");
  const Q = checkProbabilities(q, p.length, "q");
  let kl = 0;
  for (let s = 0; s < P.length; s++) {
    if (P[s] === 0) continue;
    if (Q[s] === 0) return Infinity;
    kl += P[s]! * Math.log(P[s]! / Q[s]!);
  }
  return kl;
}

/** 𝓕_T[q] = E_q[E] − T H(q) (MATH.md §2.4). */
export function gibbsFunctional(energies: ArrayLike<number>, q: ArrayLike<number>, options: { T?: number } = {}): number {
  const T = temperature(options.T);
  const E = energiesOf(energies);
  const Q = checkProbabilities(q, E.length);
  let f = 0;
  for (let s = 0; s < E.length; s++) if (Q[s]! > 0) f += Q[s]! * (E[s]! + T * Math.log(Q[s]!));
  return f;
}

/** Both sides of the Gibbs variational principle for one q. */
export interface GibbsVariationalReport {
  /** 𝓕_T[q]. */
  readonly functional: number;
  /** −T log Z_T (the minimum). */
  readonly minusTLogZ: number;
  /** 𝓕_T[q] + T log Z_T ≥ 0. */
  readonly gap: number;
  /** KL(q‖P_T) computed directly. */
  readonly kl: number;
  /** gap / T, which equals kl. */
  readonly klFromGap: number;
}

/** Evaluates the Gibbs variational principle (MATH.md §2.4) for energies E and a law q. */
export function gibbsVariational(energies: ArrayLike<number>, q: ArrayLike<number>, options: { T?: number } = {}): GibbsVariationalReport {
  const T = temperature(options.T);
  const E = energiesOf(energies);
  const functional = gibbsFunctional(E, q, { T });
  const minusTLogZ = -T * logSumExp(E.map((e) => -e / T));
  const gap = functional - minusTLogZ;
  return { functional, minusTLogZ, gap, kl: klDivergence(q, boltzmannLaw(E, { T })), klFromGap: gap / T };
}
