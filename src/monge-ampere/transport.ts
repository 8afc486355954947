// The optimal-transport Monge–Ampère residual (MATH.md §3.3): for source density f and target density
// g, a Brenier potential φ satisfies det D²φ(x) = f(x) / g(∇φ(x)). Symbolic residual and its compiled
// twin evaluated over batches of points.
import { type Expr, QgeomError, excerpt, gradient, hessian, log, simplify, sub, div, add, subs } from "../core/index.js";
import { type CompiledFunction, compile } from "../compile/index.js";
import { type CompileFormOptions, type SymbolicOptions, mongeAmpereForm } from "./operator.js";
import { type VariableList, checkExpr, compileInputs, pointValues, variableNames } from "./variables.js";

/** A transport problem: potential φ(x), source density f(x), target density g(y). */
export interface TransportProblem {
  /** The candidate Brenier potential φ in `vars` (other symbols are parameters). */
  phi: Expr;
  /** Variables x of φ and f. */
  vars: VariableList;
  /** Source density f(x) (need not be normalised if g carries the same constant). */
  source: Expr;
  /** Target density g(y), written in `targetVars`. */
  target: Expr;
  /** Variables y of g, in the order matching `vars` (default: the same names as `vars`). */
  targetVars?: VariableList;
}

/** Options of the residual. */
export interface ResidualOptions extends SymbolicOptions, CompileFormOptions {
  /**
   * "ratio" (default): det D²φ(x) − f(x)/g(∇φ(x)); "log": log det D²φ(x) − log f(x) + log g(∇φ(x)),
   * which is better scaled for densities with Gaussian tails.
   */
  form?: "ratio" | "log";
}

interface Parts {
  names: string[];
  det: Expr;
  f: Expr;
  gAtGrad: Expr;
  H: Expr[][];
}

function parts(problem: TransportProblem, options: SymbolicOptions & CompileFormOptions): Parts {
  if (problem === null || typeof problem !== "object") throw new QgeomError("INVALID_ARGUMENT", `problem must be an object { phi, vars, source, target, targetVars? }, got ${excerpt(problem)}; pass e.g. { phi, vars: ["x"], source, target }`);
  checkExpr(problem.phi, "problem.phi");
  checkExpr(problem.source, "problem.source");
  checkExpr(problem.target, "problem.target");
  const names = variableNames(problem.vars, "problem.vars");
  const ys = problem.targetVars === undefined ? names : variableNames(problem.targetVars, "problem.targetVars");
  if (ys.length !== names.length)
    throw new QgeomError("SHAPE", `problem.targetVars has ${ys.length} variables but problem.vars has ${names.length}; source and target live in the same dimension; pass as many targetVars as vars`);
  const grad = gradient(problem.phi, names);
  // simultaneous substitution y_i -> ∂_i φ (target variables may reuse the source names)
  const gAtGrad = subs(problem.target, new Map(ys.map((y, i) => [y, grad[i]!] as [string, Expr])));
  const det = mongeAmpereForm(problem.phi, names, options);
  return { names, det, f: problem.source, gAtGrad, H: hessian(problem.phi, names) };
}

function residualOf(p: Parts, form: "ratio" | "log"): Expr {
  return form === "log" ? add(sub(log(p.det), log(p.f)), log(p.gAtGrad)) : sub(p.det, div(p.f, p.gAtGrad));
}

function checkForm(form: unknown): "ratio" | "log" {
  if (form === undefined) return "ratio";
  if (form !== "ratio" && form !== "log") throw new QgeomError("INVALID_ARGUMENT", `options.form must be "ratio" or "log", got ${String(form)}; pass "ratio" or "log"`);
  return form;
}

/**
 * The Monge–Ampère residual det D²φ(x) − f(x)/g(∇φ(x)) (MATH §3.3), or its log form; it vanishes
 * identically iff ∇φ pushes f forward to g (for convex φ with D²φ ≻ 0). Simplified unless `raw`.
 */
export function transportResidual(problem: TransportProblem, options: ResidualOptions = {}): Expr {
  const form = checkForm(options.form);
  const r = residualOf(parts(problem, options), form);
  return options.raw ? r : simplify(r, { maxTerms: options.maxTerms });
}

/** Options of {@link compileTransportResidual}. */
export interface ResidualEvaluatorOptions extends ResidualOptions {
  /** Return residuals where D²φ is not positive definite instead of throwing SINGULAR (default false). */
  allowNonConvex?: boolean;
}

/** The compiled residual. */
export interface TransportResidualEvaluator {
  /** Inputs: the variables, then the parameters in sorted order. */
  readonly inputs: readonly string[];
  /** Outputs [residual, det D²φ, f(x), g(∇φ(x)), D²φ entries row-major]. */
  readonly fn: CompiledFunction;
  /** The residual at one point. */
  at(point: Readonly<Record<string, number>>): number;
  /**
   * Residuals at n points stored as structure of arrays (`points[k*n + i]` = input k of point i),
   * written to `out` (allocated if omitted). Throws DOMAIN naming the first point where f, g(∇φ) or
   * the Hessian is not finite or g(∇φ(x)) ≤ 0, and SINGULAR where D²φ is not positive definite.
   */
  batch(points: Float64Array, n: number, out?: Float64Array): Float64Array;
}

/**
 * Whether the n×n symmetric matrix stored as outputs base..base+n²−1 of point `at` (output k at
 * `a[k*stride + at]`) is positive definite: all LDLᵀ pivots > 1e-12 · max|entry|.
 */
function positiveDefinite(a: Float64Array, n: number, base: number, stride: number, at: number, work: Float64Array): boolean {
  let scale = 0;
  for (let i = 0; i < n * n; i++) {
    const v = a[(base + i) * stride + at]!;
    work[i] = v;
    scale = Math.max(scale, Math.abs(v));
  }
  if (scale === 0) return false;
  for (let k = 0; k < n; k++) {
    const d = work[k * n + k]!;
    if (!(d > 1e-12 * scale)) return false;
    for (let i = k + 1; i < n; i++) {
      const l = work[i * n + k]! / d;
      for (let j = k + 1; j <= i; j++) work[i * n + j]! -= l * work[k * n + j]!;
    }
  }
  return true;
}

/**
 * Compiled twin of {@link transportResidual}: the symbolic det D²φ, f, g∘∇φ and D²φ are compiled
 * into one program (shared subexpressions) and evaluated point-wise or with `fn.batch`.
 */
export function compileTransportResidual(problem: TransportProblem, options: ResidualEvaluatorOptions = {}): TransportResidualEvaluator {
  const form = checkForm(options.form);
  const p = parts(problem, options);
  const n = p.names.length;
  const residual = residualOf(p, form);
  const outputs = [residual, p.det, p.f, p.gAtGrad, ...p.H.flat()];
  const inputs = compileInputs([...outputs, problem.phi], p.names);
  const fn = compile(outputs, inputs);
  const nOut = fn.outputSize;
  const work = new Float64Array(n * n);
  const check = (o: Float64Array, i: number, stride: number, describe: () => string): void => {
    for (let k = 1; k < nOut; k++)
      if (!Number.isFinite(o[k * stride + i]!))
        throw new QgeomError("DOMAIN", `at point ${describe()} the ${k === 1 ? "Monge–Ampère determinant" : k === 2 ? "source density f(x)" : k === 3 ? "target density g(∇φ(x))" : "Hessian of φ"} is not finite; the point is outside the domain of the problem; choose points inside the domain`);
    if (!(o[3 * stride + i]! > 0))
      throw new QgeomError("DOMAIN", `at point ${describe()} the target density g(∇φ(x)) = ${o[3 * stride + i]} is not positive: ∇φ(x) leaves the support of g, so f/g(∇φ) is undefined; choose points where ∇φ stays in the support of g`);
    if (!options.allowNonConvex && !positiveDefinite(o, n, 4, stride, i, work))
      throw new QgeomError(
        "SINGULAR",
        `at point ${describe()} the Hessian D²φ is singular or not positive definite (det D²φ = ${o[stride + i]}), so φ is not a strictly convex Brenier potential there; pass allowNonConvex to get the residual anyway`,
      );
    if (!Number.isFinite(o[i]!)) throw new QgeomError("DOMAIN", `at point ${describe()} the residual is not finite; choose points inside the domain`);
  };
  const one = new Float64Array(nOut);
  const at = (point: Readonly<Record<string, number>>): number => {
    const x = pointValues(point, inputs);
    fn(x, one);
    check(one, 0, 1, () => `(${inputs.map((s, k) => `${s}=${x[k]}`).join(", ")})`);
    return one[0]!;
  };
  const batch = (points: Float64Array, count: number, out?: Float64Array): Float64Array => {
    if (!Number.isInteger(count) || count < 0) throw new QgeomError("INVALID_ARGUMENT", `batch: n must be a non-negative integer, got ${count}; pass the number of points`);
    const o = new Float64Array(nOut * count);
    fn.batch(points, count, o);
    const res = out ?? new Float64Array(count);
    if (res.length !== count) throw new QgeomError("SHAPE", `batch: out must have length n = ${count}, got ${res.length}; pass an out array of length n`);
    for (let i = 0; i < count; i++) {
      check(o, i, count, () => `${i} (${inputs.map((s, k) => `${s}=${points[k * count + i]}`).join(", ")})`);
      res[i] = o[i]!;
    }
    return res;
  };
  return { inputs, fn, at, batch };
}
