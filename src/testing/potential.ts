// Random convex potentials as expressions, convex by construction (for property tests of Monge–Ampère
// operators, Legendre transforms, Brenier maps, …).
//
//   φ(x) = ½ xᵀA x + bᵀx + Σ_k w_k g_k(x),   A = BBᵀ + εI,   w_k > 0,
//
// with every g_k convex: softplus(aᵀx + c), log cosh(aᵀx + c), log(exp(a₁ᵀx + c₁) + exp(a₂ᵀx + c₂)), or (opt-in)
// the barrier −log(c + aᵀx) with c > 0. A convex function of an affine map is convex, and a sum of
// convex functions with positive weights is convex, so D²φ(x) = A + Σ_k w_k D²g_k(x) ⪰ A ⪰ εI wherever φ
// is defined: φ is strictly convex with λ_min(D²φ) ≥ ε. All coefficients are small exact rationals, so
// `verify` can decide identities about φ exactly.
import fc from "fast-check";
import { type Expr, QgeomError, Rational, add, exp, fn, isValidIdentifier, log, mul, neg, num, softplus, sym } from "../core/index.js";
import { excerpt } from "../core/errors.js";

/** The convex building blocks of {@link potential}. */
export type PotentialTerm = "softplus" | "logcosh" | "logsumexp" | "barrier";

/** Options of {@link potential}. */
export interface PotentialOptions {
  /** Variable names of φ, e.g. `["x", "y"]` (1 to 8 distinct identifiers). */
  vars: readonly string[];
  /**
   * Largest number of non-quadratic terms (default 2; 0 gives a quadratic). Exact symbolic work on φ
   * (det D²φ, `verify`) grows quickly with the number of distinct exponential atoms: keep it small when
   * the test differentiates and simplifies φ.
   */
  maxTerms?: number;
  /**
   * Kinds of non-quadratic terms to draw from (default `["softplus", "logcosh", "logsumexp"]`, all defined
   * on ℝⁿ). `"barrier"` adds −w log(c + aᵀx) with c > 0: convex, but defined only on the half-space
   * c + aᵀx > 0, which contains the origin.
   */
  terms?: readonly PotentialTerm[];
  /** ε in A = BBᵀ + εI, a lower bound on λ_min(D²φ) everywhere (default 1/4; a positive number). */
  minEig?: number;
}

const DEFAULT_TERMS: readonly PotentialTerm[] = ["softplus", "logcosh", "logsumexp"];
const ALL_TERMS: readonly PotentialTerm[] = ["softplus", "logcosh", "logsumexp", "barrier"];

const half = (k: number): Expr => num(Rational.of(k, 2));

function checkOptions(opts: PotentialOptions): { vars: string[]; maxTerms: number; terms: readonly PotentialTerm[]; eps: Rational } {
  if (typeof opts !== "object" || opts === null) throw new QgeomError("INVALID_ARGUMENT", `potential: pass an options object such as { vars: ["x", "y"] }, got ${excerpt(opts)}`);
  const vars = opts.vars;
  if (!Array.isArray(vars) || vars.length < 1 || vars.length > 8 || !vars.every((v) => typeof v === "string" && isValidIdentifier(v)) || new Set(vars).size !== vars.length) {
    throw new QgeomError("INVALID_ARGUMENT", `potential: vars must be 1 to 8 distinct identifiers such as ["x", "y"], got ${excerpt(vars)}; pass the variable names of the potential`);
  }
  const maxTerms = opts.maxTerms ?? 2;
  if (!Number.isInteger(maxTerms) || maxTerms < 0 || maxTerms > 12) {
    throw new QgeomError("INVALID_ARGUMENT", `potential: maxTerms must be an integer in [0, 12], got ${excerpt(maxTerms)}; pass a small count such as 3`);
  }
  const terms = opts.terms ?? DEFAULT_TERMS;
  if (!Array.isArray(terms) || terms.length === 0 || !terms.every((t) => ALL_TERMS.includes(t))) {
    throw new QgeomError("INVALID_ARGUMENT", `potential: terms must be a non-empty list of ${ALL_TERMS.map((t) => `"${t}"`).join(", ")}, got ${excerpt(terms)}; pass e.g. ["logdet"]`);
  }
  const m = opts.minEig ?? 0.25;
  if (typeof m !== "number" || !Number.isFinite(m) || m <= 0) {
    throw new QgeomError("INVALID_ARGUMENT", `potential: minEig must be a finite number > 0, got ${excerpt(m)}; pass the lower bound on λ_min(D²φ) you need, e.g. 0.25`);
  }
  return { vars: [...vars], maxTerms, terms, eps: Rational.fromDouble(m) };
}

/** aᵀx + c with a_i ∈ {−1, −½, 0, ½, 1} and c ∈ [−1, 1] in steps of ½. */
function affine(x: readonly Expr[]): fc.Arbitrary<Expr> {
  return fc
    .tuple(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: x.length, maxLength: x.length }), fc.integer({ min: -2, max: 2 }))
    .map(([a, c]) => add(...a.map((ai, i) => mul(half(ai), x[i]!)), half(c)));
}

/** A weight w ∈ {¼, ½, …, 2}. */
const weight = fc.integer({ min: 1, max: 8 }).map((k) => num(Rational.of(k, 4)));

function term(kind: PotentialTerm, x: readonly Expr[]): fc.Arbitrary<Expr> {
  switch (kind) {
    case "softplus":
      return fc.tuple(weight, affine(x)).map(([w, u]) => mul(w, softplus(u)));
    case "logcosh":
      return fc.tuple(weight, affine(x)).map(([w, u]) => mul(w, log(fn("cosh", u))));
    case "logsumexp":
      return fc.tuple(weight, fc.array(affine(x), { minLength: 2, maxLength: 2 })).map(([w, us]) => mul(w, log(add(...us.map(exp)))));
    case "barrier":
      // −w log(c + aᵀx), c ∈ {1, 3/2, 2}: defined (and convex) on a half-space containing 0
      return fc
        .tuple(weight, fc.array(fc.integer({ min: -2, max: 2 }), { minLength: x.length, maxLength: x.length }), fc.integer({ min: 2, max: 4 }))
        .map(([w, a, c]) => neg(mul(w, log(add(half(c), ...a.map((ai, i) => mul(half(ai), x[i]!)))))));
  }
}

/**
 * Random strictly convex potentials φ in the given variables, as expressions:
 * φ(x) = ½ xᵀ(BBᵀ + εI)x + bᵀx + Σ_k w_k g_k(aₖᵀx + cₖ) with w_k > 0 and each g_k convex (softplus,
 * log cosh, log-sum-exp over 2 affine pieces; −log on a half-space if `terms` includes "barrier").
 * Convex by construction (convex ∘ affine is convex; positive combinations of convex functions are
 * convex), and D²φ ⪰ εI wherever φ is defined, so λ_min(D²φ) ≥ `minEig` (default ¼) and det D²φ ≥ εⁿ.
 * Coefficients are exact rationals (entries of B and b in {−1, −½, 0, ½, 1}), so identities about φ can
 * be proved exactly. Shrinks towards fewer terms and zero coefficients.
 */
export function potential(opts: PotentialOptions): fc.Arbitrary<Expr> {
  const { vars, maxTerms, terms, eps } = checkOptions(opts);
  const n = vars.length;
  const x = vars.map(sym);
  const coeffs = (len: number) => fc.array(fc.integer({ min: -2, max: 2 }), { minLength: len, maxLength: len });
  const quadratic = fc.tuple(coeffs(n * n), coeffs(n)).map(([B, b]) => {
    // ½ xᵀ(BBᵀ + εI)x with B_ij = B[i*n+j]/2: A_ij = Σ_k B_ik B_jk / 4 + ε δ_ij
    const parts: Expr[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += B[i * n + k]! * B[j * n + k]!;
        let a = Rational.of(s, 4);
        if (i === j) a = a.add(eps);
        // ½ A_ii x_i² and, for i < j, A_ij x_i x_j (the two symmetric entries)
        const c = i === j ? a.mul(Rational.HALF) : a;
        if (!c.isZero()) parts.push(mul(num(c), x[i]!, x[j]!));
      }
      if (b[i] !== 0) parts.push(mul(half(b[i]!), x[i]!));
    }
    return add(...parts);
  });
  const extra = fc.array(fc.constantFrom(...terms).chain((k) => term(k, x)), { maxLength: maxTerms });
  return fc.tuple(quadratic, extra).map(([q, ts]) => add(q, ...ts));
}
