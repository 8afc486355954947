// A potential φ compiled together with its gradient and Hessian (one straight-line program with shared
// subexpressions), and the inversion of the gradient map y = ∇φ(x) by damped Newton on the convex
// function ψ(x) = φ(x) − ⟨y, x⟩ (MATH.md §3.4: x = ∇φ*(y)).
import { type Expr, QgeomError, freeSymbols, gradient, hessian, subs } from "../core/index.js";
import { type CompiledFunction, compile } from "../compile/index.js";
import { cholesky, choleskySolve, matrixFromData } from "../linalg/index.js";
import { type VariableList, checkExpr, excerpt, variableNames } from "./variables.js";

/** Options of {@link compilePotential}. */
export interface CompilePotentialOptions {
  /** Values of the parameters (free symbols other than the variables), substituted before compiling. */
  parameters?: Readonly<Record<string, number>>;
}

/** Options of the gradient-map inversion. */
export interface InvertGradientOptions {
  /** Starting point (default: the origin); must lie in the domain of φ. */
  x0?: ArrayLike<number>;
  /** Stop when ‖∇φ(x) − y‖∞ ≤ tol · (1 + ‖y‖∞) (default 1e-12). */
  tol?: number;
  /** Newton iterations (default 200). */
  maxIterations?: number;
}

/** φ, ∇φ and D²φ at one point. */
export interface PotentialValues {
  /** φ(x). */
  value: number;
  /** ∇φ(x), length n, in the order of the potential's variables. */
  gradient: Float64Array;
  /** Row-major n×n. */
  hessian: Float64Array;
}

/** A potential compiled with its gradient and Hessian. */
export interface CompiledPotential {
  /** The variables, in input order. */
  readonly vars: readonly string[];
  /** The evaluator: input x (length n), outputs [φ, ∇φ (n), D²φ (n², row-major)]. */
  readonly fn: CompiledFunction;
  /** φ, ∇φ, D²φ at x (fresh arrays). */
  evaluate(x: ArrayLike<number>): PotentialValues;
  /** The gradient map x ↦ ∇φ(x). */
  gradientAt(x: ArrayLike<number>): Float64Array;
  /**
   * x with ∇φ(x) = y, i.e. the minimiser of φ(x) − ⟨y, x⟩ (for convex φ: x = ∇φ*(y)). Throws DOMAIN
   * if x0 is outside the domain of φ, SINGULAR if the Newton iteration does not converge (y outside the
   * image of ∇φ, or φ not strictly convex along the path).
   */
  invertGradient(y: ArrayLike<number>, options?: InvertGradientOptions): Float64Array;
}

function vector(x: ArrayLike<number>, n: number, name: string): Float64Array {
  if (x === null || typeof x !== "object" || typeof (x as ArrayLike<number>).length !== "number")
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be an array of ${n} numbers, got ${excerpt(x)}; pass e.g. [${Array.from({ length: Math.min(n, 3) }, () => "0").join(", ")}${n > 3 ? ", …" : ""}]`);
  if (x.length !== n) throw new QgeomError("SHAPE", `${name} has length ${x.length}, expected ${n} (one value per variable)`);
  const v = Float64Array.from(x as ArrayLike<number>);
  v.forEach((t, k) => {
    if (!Number.isFinite(t)) throw new QgeomError("NOT_FINITE", `${name}[${k}] is ${t}; pass finite numbers`);
  });
  return v;
}

/** Substitutes the parameters and checks that only the variables remain free. */
export function bindParameters(e: Expr, names: readonly string[], parameters: Readonly<Record<string, number>> | undefined, what: string): Expr {
  const bound = parameters ? subs(e, parameters) : e;
  const extra = freeSymbols(bound).filter((s) => !names.includes(s));
  if (extra.length)
    throw new QgeomError(
      "UNKNOWN_VARIABLE",
      `${what} has free symbols ${extra.join(", ")} that are neither variables (${names.join(", ")}) nor given in options.parameters; pass parameters: { ${extra.map((s) => s + ": ...").join(", ")} }`,
    );
  return bound;
}

/** Compiles φ with ∇φ and D²φ (MATH.md §3.3–3.4) for numeric work: evaluation, gradient map, its inverse. */
export function compilePotential(phi: Expr, vars: VariableList, options: CompilePotentialOptions = {}): CompiledPotential {
  checkExpr(phi, "phi");
  const names = variableNames(vars);
  const p = bindParameters(phi, names, options.parameters, "phi");
  const n = names.length;
  const fn = compile([p, ...gradient(p, names), ...hessian(p, names).flat()], names);
  const out = new Float64Array(1 + n + n * n);
  const run = (x: Float64Array): void => fn(x, out);
  const evaluate = (x: ArrayLike<number>): PotentialValues => {
    run(vector(x, n, "x"));
    return { value: out[0]!, gradient: out.slice(1, 1 + n), hessian: out.slice(1 + n) };
  };
  const gradientAt = (x: ArrayLike<number>): Float64Array => {
    run(vector(x, n, "x"));
    return out.slice(1, 1 + n);
  };
  const invertGradient = (yIn: ArrayLike<number>, o: InvertGradientOptions = {}): Float64Array => {
    const y = vector(yIn, n, "y");
    const tol = o.tol ?? 1e-12;
    const maxIt = o.maxIterations ?? 200;
    let x = o.x0 === undefined ? new Float64Array(n) : vector(o.x0, n, "options.x0");
    const ynorm = Math.max(1, ...Array.from(y, Math.abs));
    const psiAt = (z: Float64Array): { psi: number; g: Float64Array; H: Float64Array } => {
      run(z);
      let psi = out[0]!;
      const g = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        psi -= y[i]! * z[i]!;
        g[i] = out[1 + i]! - y[i]!;
      }
      return { psi, g, H: out.slice(1 + n) };
    };
    let cur = psiAt(x);
    if (!Number.isFinite(cur.psi) || !cur.g.every(Number.isFinite))
      throw new QgeomError("DOMAIN", `the starting point (${Array.from(x).join(", ")}) is outside the domain of φ; pass options.x0 inside it`);
    const gnorm = (g: Float64Array): number => Math.max(...Array.from(g, Math.abs));
    for (let it = 0; it <= maxIt; it++) {
      const gn = gnorm(cur.g);
      if (gn <= tol * ynorm) return x;
      if (it === maxIt) break;
      // Newton direction (H + μI) p = −g, with μ raised until the factorisation succeeds
      let step: Float64Array | null = null;
      const hscale = Math.max(1e-300, ...Array.from(cur.H, Math.abs));
      for (let mu = 0; step === null; mu = mu === 0 ? 1e-10 * hscale : mu * 100) {
        if (mu > 1e10 * hscale) break;
        const M = cur.H.slice();
        for (let i = 0; i < n; i++) M[i * n + i]! += mu;
        try {
          const L = cholesky(matrixFromData(n, n, M), { name: "D²φ", symmetryTol: 1e-6 });
          step = choleskySolve(L, cur.g.map((v) => -v));
        } catch (e) {
          if (!(e instanceof QgeomError) || (e.code !== "NOT_POSITIVE_DEFINITE" && e.code !== "NOT_FINITE")) throw e;
        }
      }
      if (step === null) break;
      let slope = 0;
      for (let i = 0; i < n; i++) slope += cur.g[i]! * step[i]!;
      let t = 1;
      let accepted = false;
      for (let k = 0; k < 60; k++, t /= 2) {
        const z = x.map((v, i) => v + t * step![i]!);
        const next = psiAt(z);
        if (Number.isFinite(next.psi) && next.g.every(Number.isFinite) && (next.psi <= cur.psi + 1e-4 * t * slope || gnorm(next.g) < 0.9 * gn)) {
          x = z;
          cur = next;
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        if (gn <= 1e-8 * ynorm) return x; // rounding floor of ∇φ
        break;
      }
    }
    const gn = gnorm(cur.g);
    if (gn <= 1e-8 * ynorm) return x;
    throw new QgeomError(
      "SINGULAR",
      `could not solve ∇φ(x) = y for y = (${Array.from(y).join(", ")}): Newton stopped at x = (${Array.from(x, (v) => v.toPrecision(6)).join(", ")}) with ‖∇φ(x) − y‖∞ = ${gn.toExponential(2)}; y may lie outside the image of ∇φ, or φ is not strictly convex there (pass options.x0 closer to the solution)`,
    );
  };
  return { vars: names, fn, evaluate, gradientAt, invertGradient };
}
