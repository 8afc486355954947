// verify(lhs, rhs): decides an identity and returns a certificate, never a bare boolean.
//   proved/exact          the difference is the zero rational function over the atoms (atoms.ts);
//   proved/probabilistic  the difference vanished at k random integer points, evaluated exactly with
//                         atoms as independent variables; Schwartz–Zippel bounds the chance that a
//                         non-zero difference does so by (d / (|S| - d_den))^k;
//   checked/numeric       float64 agreement at random points of the domain, with the worst relative error;
//   refuted               a point of the domain where both sides differ: exactly (rational arithmetic) or
//                         beyond a first-order bound on both sides' rounding errors;
//   unknown               with the reason.
// A non-zero canonical difference alone never refutes: atoms may obey relations we do not know, so
// refutation always comes with a counterexample point inside the stated domain.
import { QgeomError } from "./errors.js";
import { type Expr, sub, exp } from "./build.js";
import { subs } from "./transforms.js";
import { Algebra, AtomTable, Atomizer, PointField, PoleAtPoint, degreeField } from "./atoms.js";
import { type FunctionTable, evaluateWithError } from "./eval.js";
import { FLAG_I, FLAG_MATRIX, FLAG_OPAQUE, type Sym, freeSymbols, internSym } from "./expr.js";
import { withPolyLimits } from "./poly.js";
import { Rational } from "./rational.js";

/** The comparison of a domain constraint against 0: expr > 0, ≥ 0, < 0, ≤ 0 or ≠ 0. */
export type ConstraintOp = ">" | ">=" | "<" | "<=" | "!=";

/** A domain constraint `expr op 0`, e.g. { expr: a*c - b^2, op: ">" }. */
export interface Constraint {
  /** The real expression compared with 0 (evaluated in float64 at each sample point). */
  expr: Expr;
  /** The comparison with 0. A constraint `x > 0` on a bare symbol x also lets the exact stages assume x positive (by writing x = e^t, t real). */
  op: ConstraintOp;
}

/**
 * Strategy of {@link verify}: "exact" (canonical rational function over the atoms), "probabilistic"
 * (Schwartz–Zippel at random integer points), "numeric" (float64 at random domain points), or "auto"
 * (probabilistic, strengthened to exact when that succeeds within its budget, else numeric).
 */
export type VerifyMethod = "auto" | "exact" | "probabilistic" | "numeric";

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** Variables of the identity (default: the free symbols of both sides). */
  vars?: readonly string[];
  /** The domain: constraints that every point must satisfy (default: all real points where both sides are defined). */
  domain?: readonly Constraint[];
  /** Strategy (default "auto": probabilistic, upgraded to exact when that succeeds, else numeric); see {@link VerifyMethod}. */
  method?: VerifyMethod;
  /** Random points for the probabilistic check (default 6). */
  samples?: number;
  /** Random points for the numeric check (default 24). */
  numericSamples?: number;
  /** Relative tolerance of the numeric check (default 1e-10). */
  tolerance?: number;
  /** Seed of the pseudo-random points (default 1). */
  seed?: number;
  /** Polynomial term limit of the exact attempt (default 50 000). */
  maxTerms?: number;
  /** Time budget of the exact attempt in ms (default 1 000 in "auto", 60 000 with method "exact"). */
  exactTimeMs?: number;
  /** Numeric implementations of opaque functions. */
  functions?: FunctionTable;
  /** Ranges sampled for numeric points, per variable (default [-3, 3] and [0, 5] alternately, then the domain filters). */
  ranges?: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * The outcome of {@link verify}, discriminated by `verdict` (and `method`):
 * - proved/exact: the difference is the zero rational function over the atoms — a proof;
 * - proved/probabilistic: the difference vanished at random integer points (Schwartz–Zippel); wrong
 *   with probability at most `errorBound`;
 * - checked/numeric: float64 agreement at random domain points within `tolerance` — evidence, not a proof;
 * - refuted: a point of the domain where the two sides differ (exactly, or beyond rounding bounds);
 * - unknown: undecided, with the reason.
 */
export type Certificate =
  | {
      /** Proved. */
      verdict: "proved";
      /** By the exact canonical form (or identical canonical expressions). */
      method: "exact";
      /** How it was proved, in words (including any substitution x = e^t used for positive symbols). */
      detail: string;
    }
  | {
      /** Proved with bounded error probability. */
      verdict: "proved";
      /** By exact evaluation at random integer points, atoms treated as independent variables. */
      method: "probabilistic";
      /** Number k of random points at which the difference vanished. */
      samples: number;
      /** Upper bound d on the total degree of the difference's numerator over the atoms. */
      degreeBound: number;
      /** Size |S| of the sample set S = {−2^24, …, 2^24}, as text ("2^25+1"). */
      sampleSetSize: string;
      /** Bound (d / (|S| − d_den))^k on the probability that a non-zero difference passed (d_den: denominator degree bound). */
      errorBound: number;
      /** The argument in words. */
      detail: string;
    }
  | {
      /** Numerically checked, not proved. */
      verdict: "checked";
      /** By float64 evaluation at random points of the domain. */
      method: "numeric";
      /** Number of domain points evaluated. */
      samples: number;
      /** Worst relative difference |lhs − rhs| / max(|lhs|, |rhs|) over the points. */
      maxRelError: number;
      /** The relative tolerance it was checked against (option `tolerance`, default 1e-10). */
      tolerance: number;
      /** What was checked, in words. */
      detail: string;
    }
  | {
      /** The identity is false on the domain. */
      verdict: "refuted";
      /** "exact": the sides differ in rational arithmetic; "numeric": they differ by more than 8× their first-order rounding-error bounds and by more than the relative tolerance. */
      method: "exact" | "numeric";
      /** The witness: a point of the domain and both sides' values there. */
      counterexample: {
        /** Value of each variable, as an exact rational ("p/q") or a decimal. */
        point: Record<string, string>;
        /** The left-hand side at the point. */
        lhs: string;
        /** The right-hand side at the point. */
        rhs: string;
      };
      /** Why the point refutes, in words. */
      detail: string;
    }
  | {
      /** Not decided. */
      verdict: "unknown";
      /** No method decided. */
      method: "none";
      /** Why not, and what to try (e.g. state the domain, another method). */
      reason: string;
    };

/** xorshift-style deterministic generator (verification must be reproducible). */
class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed >>> 0) ^ 0x9e3779b9 || 1;
  }
  next(): number {
    // mulberry32
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

const SZ_BITS = 24; // sample set S = {-2^24, ..., 2^24}
const SZ_SIZE = 2 ** (SZ_BITS + 1) + 1;

function satisfies(c: Constraint, v: number): boolean {
  switch (c.op) {
    case ">":
      return v > 0;
    case ">=":
      return v >= 0;
    case "<":
      return v < 0;
    case "<=":
      return v <= 0;
    case "!=":
      return v !== 0;
  }
}

/** A numeric sampler of domain points (rejection sampling; values are dyadic so they are exact rationals too). */
function domainPoints(vars: readonly string[], options: VerifyOptions, count: number, rng: Prng, check: (env: Record<string, number>) => boolean): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  const domain = options.domain ?? [];
  let tries = 0;
  while (out.length < count && tries < 4000 * count) {
    tries++;
    const env: Record<string, number> = {};
    const positive = tries % 2 === 0;
    for (const v of vars) {
      const r = options.ranges?.[v] ?? (positive ? [0, 5] : [-3, 3]);
      // dyadic rationals with 20 fractional bits: exact in float64 and as rationals
      env[v] = Math.round((r[0] + (r[1] - r[0]) * rng.next()) * 2 ** 20) / 2 ** 20;
    }
    let ok = true;
    for (const c of domain) {
      try {
        const { value } = evaluateWithError(c.expr, env, { functions: options.functions });
        if (!Number.isFinite(value) || !satisfies(c, value)) {
          ok = false;
          break;
        }
      } catch {
        ok = false;
        break;
      }
    }
    if (ok && check(env)) out.push(env);
  }
  return out;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(17).replace(/\.?0+(e|$)/, "$1");
}

/** Decides lhs = rhs (on the domain) and returns a certificate. */
export function verify(lhs: Expr, rhs: Expr, options: VerifyOptions = {}): Certificate {
  const method = options.method ?? "auto";
  if (!["auto", "exact", "probabilistic", "numeric"].includes(method))
    throw new QgeomError("INVALID_ARGUMENT", `verify method must be auto, exact, probabilistic or numeric, got "${String(method)}"; pass one of these`);
  const rng = new Prng(options.seed ?? 1);
  const tol = options.tolerance ?? 1e-10;
  const vars = options.vars ?? [...new Set([...freeSymbols(lhs), ...freeSymbols(rhs), ...(options.domain ?? []).flatMap((c) => freeSymbols(c.expr))])].sort();
  const used = new Set([...freeSymbols(lhs), ...freeSymbols(rhs), ...(options.domain ?? []).flatMap((c) => freeSymbols(c.expr))]);
  for (const s of used)
    if (!vars.includes(s))
      throw new QgeomError("UNKNOWN_VARIABLE", `symbol "${s}" occurs in the identity or domain but not in vars (${vars.join(", ")}); add it to vars`);
  if ((lhs.flags | rhs.flags) & FLAG_MATRIX)
    return { verdict: "unknown", method: "none", reason: "matrix notation (det, tr, ...) has no value; write the matrices with explicit entries" };

  const diff = sub(lhs, rhs);
  if (diff.kind === "num" && diff.value.isZero())
    return { verdict: "proved", method: "exact", detail: "both sides have the same canonical form" };

  // Symbols constrained to be positive are written x = exp(t) with t real: on that domain the identity
  // is equivalent, and log(xy) = log x + log y, |x| = x, sqrt(x^2) = x become exact algebra.
  const positive = (options.domain ?? []).filter((c) => c.op === ">" && c.expr.kind === "sym").map((c) => (c.expr as Sym).name);
  if (positive.length > 0) {
    const s = Object.fromEntries(positive.map((x) => [x, exp(internSym("$" + x))]));
    const l2 = subs(lhs, s);
    const r2 = subs(rhs, s);
    const c = proveOnly(l2, r2, options);
    if (c !== null) return { ...c, detail: `${c.detail} (with ${positive.map((x) => `${x} = e^t`).join(", ")} on the domain ${positive.map((x) => x + " > 0").join(", ")})` };
  }

  const t = new AtomTable([lhs, rhs]);
  // atoms are registered as expressions are converted: a cheap degree-bound pass fills the table
  const degreeAtomizer = new Atomizer(t, degreeField);
  const degreeBound = degreeField.add(degreeAtomizer.convert(lhs), degreeField.neg(degreeAtomizer.convert(rhs)));
  const pureRational = (): boolean => t.vars.every((v) => v.kind === "sym") && ((lhs.flags | rhs.flags) & (FLAG_I | FLAG_OPAQUE)) === 0;

  /** Exact canonical difference within a time budget: "zero", "nonzero" or "gave up". */
  const exact = (budgetMs: number): "zero" | "nonzero" | "gave up" => {
    try {
      const r = withPolyLimits({ maxTerms: options.maxTerms ?? 50_000, deadline: performance.now() + budgetMs }, () => {
        const alg = new Algebra([lhs, rhs]);
        // the difference of two reduced forms is reduced again: its common-denominator numerator
        // (e.g. 1 − (√2 − 1)(√2 + 1) for 1/(1 + √2) = √2 − 1) vanishes only modulo w² = b
        return alg.reduceRelations(alg.toRatFunc(lhs).sub(alg.toRatFunc(rhs)));
      });
      return r.isZero() ? "zero" : "nonzero";
    } catch (e) {
      if (e instanceof QgeomError && (e.code === "SIZE_LIMIT" || e.code === "TIME_LIMIT" || e.code === "UNSUPPORTED")) return "gave up";
      throw e;
    }
  };
  const provedExact: Certificate = { verdict: "proved", method: "exact", detail: "the difference is the zero rational function over the atoms" };

  // exact counterexample for rational identities
  const exactCounterexample = (): Certificate | null => {
    const pts = domainPoints(vars, options, 16, rng, () => true);
    for (const env of pts) {
      const values = new Map<string, Rational>(Object.entries(env).map(([k, v]) => [k, Rational.fromDouble(v)]));
      const field = new PointField((i) => {
        const s = t.vars[i]!;
        if (s.kind !== "sym") throw new QgeomError("INTERNAL", `internal: atom in a rational identity; this is a bug in qgeom, please report it with the identity`);
        return values.get(s.name)!;
      });
      const at = new Atomizer(t, field);
      try {
        const a = at.convert(lhs);
        const b = at.convert(rhs);
        if (!a.equals(b))
          return {
            verdict: "refuted",
            method: "exact",
            counterexample: {
              point: Object.fromEntries([...values].map(([k, v]) => [k, v.toString()])),
              lhs: a.toString(),
              rhs: b.toString(),
            },
            detail: "both sides differ at this point of the domain, in exact rational arithmetic",
          };
      } catch (e) {
        if (!(e instanceof PoleAtPoint)) throw e;
      }
    }
    return null;
  };

  /** Schwartz–Zippel: exact values at k random integer points, atoms as independent variables. */
  const probabilistic = (): { outcome: "zero" | "nonzero" | "poles"; cert?: Certificate } => {
    const k = options.samples ?? 6;
    let done = 0;
    let attempts = 0;
    while (done < k && attempts < 4 * k) {
      attempts++;
      const assigned = new Map<number, Rational>();
      const at = new Atomizer(
        t,
        new PointField((i) => {
          let v = assigned.get(i);
          if (v === undefined) {
            v = Rational.int(rng.int(-(2 ** SZ_BITS), 2 ** SZ_BITS));
            assigned.set(i, v);
          }
          return v;
        }),
      );
      try {
        const va = at.convert(lhs);
        const vb = at.convert(rhs);
        done++;
        if (!va.equals(vb)) return { outcome: "nonzero" };
      } catch (e) {
        if (!(e instanceof PoleAtPoint)) throw e;
      }
    }
    if (done < k) return { outcome: "poles" };
    const deg = degreeBound;
    const per = deg.n / (SZ_SIZE - deg.d);
    return {
      outcome: "zero",
      cert: {
        verdict: "proved",
        method: "probabilistic",
        samples: k,
        degreeBound: deg.n,
        sampleSetSize: `2^${SZ_BITS + 1}+1`,
        errorBound: Math.min(1, per) ** k,
        detail: `the difference vanished at ${k} random points of {-2^${SZ_BITS}, ..., 2^${SZ_BITS}}^n (atoms as independent variables); a non-zero difference of numerator degree <= ${deg.n} does so with probability at most (${deg.n}/(|S| - ${deg.d}))^${k}`,
      },
    };
  };
  const noPoint: Certificate = { verdict: "unknown", method: "none", reason: "the rational functions differ, but no point of the domain was found where both are defined" };
  const exactBudget = options.exactTimeMs ?? (method === "exact" ? 60_000 : 1_000);

  if (method === "exact") {
    const r = exact(exactBudget);
    if (r === "zero") return provedExact;
    if (r === "nonzero" && pureRational()) return exactCounterexample() ?? noPoint;
    return {
      verdict: "unknown",
      method: "none",
      reason: r === "gave up" ? "the exact canonical form exceeded its size or time limit" : "the difference is not zero as a rational function of the atoms (they may satisfy relations qgeom does not know)",
    };
  }
  if (method === "probabilistic" || method === "auto") {
    const sz = probabilistic();
    if (sz.outcome === "zero") {
      // the exact certificate is stronger: try it within a budget
      if (method === "auto" && exact(exactBudget) === "zero") return provedExact;
      return sz.cert!;
    }
    if (sz.outcome === "nonzero" && pureRational()) return exactCounterexample() ?? noPoint;
    if (method === "probabilistic")
      return {
        verdict: "unknown",
        method: "none",
        reason: sz.outcome === "poles" ? "too many sample points hit a pole" : "the difference is not zero as a polynomial in the atoms (they may satisfy relations qgeom does not know); try method numeric",
      };
    // relations between atoms (i² = -1, radicals) are used by the exact form only
    const r = exact(exactBudget);
    if (r === "zero") return provedExact;
    if (r === "nonzero" && pureRational()) return exactCounterexample() ?? noPoint;
  }

  // 3. numeric at points of the domain
  if ((lhs.flags | rhs.flags) & FLAG_I)
    return { verdict: "unknown", method: "none", reason: "numeric checks of complex-valued identities are not implemented; the exact methods did not decide" };
  const m = options.numericSamples ?? 24;
  let worst = 0;
  const pts = domainPoints(vars, options, m, rng, (env) => {
    try {
      const a = evaluateWithError(lhs, env, { functions: options.functions });
      const b = evaluateWithError(rhs, env, { functions: options.functions });
      return Number.isFinite(a.value) && Number.isFinite(b.value);
    } catch (e) {
      if (e instanceof QgeomError && (e.code === "DOMAIN" || e.code === "DIVISION_BY_ZERO")) return false;
      throw e;
    }
  });
  if (pts.length === 0)
    return { verdict: "unknown", method: "none", reason: "no point of the domain was found where both sides are defined; state the domain or the variable ranges" };
  for (const env of pts) {
    const a = evaluateWithError(lhs, env, { functions: options.functions });
    const b = evaluateWithError(rhs, env, { functions: options.functions });
    const gap = Math.abs(a.value - b.value);
    const scale = Math.max(Math.abs(a.value), Math.abs(b.value), Number.MIN_VALUE);
    const bound = 8 * (a.error + b.error);
    if (gap > bound && gap / scale > Math.max(tol, 1e-12))
      return {
        verdict: "refuted",
        method: "numeric",
        counterexample: {
          point: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fmt(v)])),
          lhs: fmt(a.value),
          rhs: fmt(b.value),
        },
        detail: `|lhs - rhs| = ${gap.toExponential(3)} exceeds 8× the first-order rounding-error bound ${(a.error + b.error).toExponential(3)} of both sides`,
      };
    worst = Math.max(worst, gap / scale);
  }
  if (worst <= tol)
    return {
      verdict: "checked",
      method: "numeric",
      samples: pts.length,
      maxRelError: worst,
      tolerance: tol,
      detail: `agreement in float64 at ${pts.length} random points of the domain (worst relative error ${worst.toExponential(2)}); not a proof`,
    };
  return { verdict: "unknown", method: "none", reason: `numerically close but above the tolerance (worst relative error ${worst.toExponential(2)}, within rounding bounds)` };
}

/** The proving stages only (exact, then probabilistic); null if neither proves the identity. */
function proveOnly(lhs: Expr, rhs: Expr, options: VerifyOptions): (Certificate & { verdict: "proved" }) | null {
  const vars = [...new Set([...freeSymbols(lhs), ...freeSymbols(rhs)])];
  const c = verify(lhs, rhs, { ...options, vars, domain: [], method: "exact" });
  if (c.verdict === "proved") return c;
  const p = verify(lhs, rhs, { ...options, vars, domain: [], method: "probabilistic" });
  return p.verdict === "proved" ? p : null;
}

/** Convenience for tests: throws unless the identity is proved (or checked, if allowed). */
export function assertIdentity(lhs: Expr, rhs: Expr, options: VerifyOptions & { allowNumeric?: boolean } = {}): Certificate {
  const c = verify(lhs, rhs, options);
  if (c.verdict === "proved" || (options.allowNumeric && c.verdict === "checked")) return c;
  throw new QgeomError("INVALID_ARGUMENT", `identity not established: ${JSON.stringify(c)}; check the identity, or pass allowNumeric: true to accept a numeric check`);
}

