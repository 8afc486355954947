// The real Monge–Ampère operator φ ↦ det D²φ (MATH.md §3.3): closed form through the core's
// fraction-free determinant, its compiled twin, and a checked point evaluation.
import {
  type Expr,
  type SymbolicMatrix,
  ONE,
  QgeomError,
  add,
  det,
  hessian,
  matrix,
  mul,
  neg,
  simplify,
} from "../core/index.js";
import { type CompiledFunction, compile } from "../compile/index.js";
import { eigvalsh, matrixFromData } from "../linalg/index.js";
import { type VariableList, checkExpr, compileInputs, excerpt, pointValues, variableNames } from "./variables.js";

/** Options of the symbolic operators. */
export interface SymbolicOptions {
  /** Polynomial-term limit of the exact determinant (default 200 000); exceeding it is a SIZE_LIMIT error. */
  maxTerms?: number;
  /** Return the determinant as produced (a cancelled rational function) without the final `simplify` pass. */
  raw?: boolean;
}

/** How a compiled twin computes det D²φ. */
export interface CompileFormOptions {
  /**
   * "closed" (default): the simplified closed form of {@link mongeAmpere}; "hessian": the Laplace
   * expansion of det over the raw Hessian entries with shared minors (2ⁿ distinct minors), which is
   * the same function without expanding it, usually several times cheaper to evaluate.
   */
  determinant?: "closed" | "hessian";
}

/**
 * det H as a Laplace expansion along successive rows, with the minor of each remaining column set
 * built once (hash-consing shares it): O(n·2ⁿ) nodes, no expansion of the entries.
 */
export function determinantExpansion(H: readonly (readonly Expr[])[]): Expr {
  const n = H.length;
  if (n === 0 || !H.every((r) => r.length === n)) throw new QgeomError("SHAPE", `determinantExpansion needs a non-empty square matrix; pass a non-empty n×n matrix`);
  const memo = new Map<number, Expr>();
  const minor = (row: number, cols: number): Expr => {
    if (row === n) return ONE;
    const hit = memo.get(cols);
    if (hit) return hit;
    const terms: Expr[] = [];
    let sign = 1;
    for (let j = 0; j < n; j++) {
      if (!(cols & (1 << j))) continue;
      const t = mul(H[row]![j]!, minor(row + 1, cols & ~(1 << j)));
      terms.push(sign > 0 ? t : neg(t));
      sign = -sign;
    }
    const r = add(...terms);
    memo.set(cols, r);
    return r;
  };
  return minor(0, (1 << n) - 1);
}

function checkDeterminant(form: unknown): "closed" | "hessian" {
  if (form === undefined || form === "closed" || form === "hessian") return form ?? "closed";
  throw new QgeomError("INVALID_ARGUMENT", `options.determinant must be "closed" or "hessian", got ${String(form)}; pass "closed" or "hessian"`);
}

/** det D²φ in the requested compiled form (see CompileFormOptions). */
export function mongeAmpereForm(phi: Expr, names: string[], options: SymbolicOptions & CompileFormOptions): Expr {
  return checkDeterminant(options.determinant) === "hessian" ? determinantExpansion(hessian(phi, names)) : mongeAmpere(phi, names, options);
}

/** The Hessian D²φ = (∂²φ/∂x_i∂x_j) as a symbolic matrix, in the order of `vars`. */
export function hessianMatrix(phi: Expr, vars: VariableList): SymbolicMatrix {
  checkExpr(phi, "phi");
  return matrix(hessian(phi, variableNames(vars)));
}

/**
 * The Monge–Ampère operator det D²φ in closed form (MATH.md §3.3), in the variables `vars` (other
 * symbols are parameters): a cancelled rational function over the atoms of the Hessian entries,
 * then simplified. Example: `mongeAmpere(parse("-log(a*c-b^2)"), ["a","b","c"])` = 2/(a c − b²)³.
 */
export function mongeAmpere(phi: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr {
  const H = hessianMatrix(phi, vars);
  const d = det(H, { maxTerms: options.maxTerms });
  return options.raw ? d : simplify(d, { maxTerms: options.maxTerms });
}

/**
 * Compiled twin of {@link mongeAmpere}: an evaluator of det D²φ (scalar output) whose inputs are
 * `vars` followed by the parameters (other free symbols) in sorted order; `fn.batch` evaluates many
 * points. `determinant: "hessian"` compiles the unexpanded determinant of the Hessian entries instead of the
 * closed form (same function, usually faster).
 */
export function compileMongeAmpere(phi: Expr, vars: VariableList, options: SymbolicOptions & CompileFormOptions = {}): CompiledFunction {
  checkExpr(phi, "phi");
  const names = variableNames(vars);
  const d = mongeAmpereForm(phi, names, options);
  return compile(d, compileInputs([d, phi], names));
}

/** det D²φ at one point, with the Hessian it came from. */
export interface MongeAmpereValue {
  /** det D²φ(x) from the compiled closed form. */
  value: number;
  /** D²φ(x), rows. */
  hessian: number[][];
  /** Eigenvalues of D²φ(x), ascending. */
  eigenvalues: number[];
  /** Whether D²φ(x) ≻ 0 (φ strictly convex near x: the operator is elliptic there, MATH §3.5). */
  positiveDefinite: boolean;
}

/** Options of {@link mongeAmpereAt}. */
export interface MongeAmpereAtOptions extends SymbolicOptions {
  /** D²φ(x) counts as singular when min|λ| ≤ singularTol · max|λ| (default 1e-12). */
  singularTol?: number;
  /** Return the value at a singular Hessian instead of throwing SINGULAR (default false). */
  allowSingular?: boolean;
}

interface PointEvaluator {
  inputs: string[];
  fn: CompiledFunction; // outputs: det, φ, then the n² Hessian entries
  n: number;
}

const evaluators = new WeakMap<Expr, Map<string, PointEvaluator>>();

function pointEvaluator(phi: Expr, names: string[], options: SymbolicOptions): PointEvaluator {
  const key = names.join(",") + "|" + (options.maxTerms ?? "") + "|" + (options.raw ? 1 : 0);
  let m = evaluators.get(phi);
  if (m === undefined) evaluators.set(phi, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;
  const H = hessian(phi, names);
  const d = mongeAmpere(phi, names, options);
  const inputs = compileInputs([d, phi], names);
  const ev = { inputs, fn: compile([d, phi, ...H.flat()], inputs), n: names.length };
  m.set(key, ev);
  return ev;
}

function describePoint(names: readonly string[], x: ArrayLike<number>): string {
  return names.map((n, k) => `${n}=${x[k]}`).join(", ");
}

/**
 * det D²φ at a point (all variables and parameters given in `point`), through the compiled closed
 * form. Throws DOMAIN if φ's Hessian is not finite there (outside the domain of a function, a pole)
 * and SINGULAR if D²φ(x) is singular (min|λ| ≤ singularTol·max|λ|): there the Monge–Ampère equation
 * degenerates, the gradient map is not locally invertible and the push-forward density and the
 * Legendre dual Hessian are undefined. Pass `allowSingular` to get the value anyway.
 */
export function mongeAmpereAt(phi: Expr, vars: VariableList, point: Readonly<Record<string, number>>, options: MongeAmpereAtOptions = {}): MongeAmpereValue {
  checkExpr(phi, "phi");
  const names = variableNames(vars);
  const ev = pointEvaluator(phi, names, options);
  const x = pointValues(point, ev.inputs);
  const out = new Float64Array(2 + ev.n * ev.n);
  ev.fn(x, out);
  const where = describePoint(ev.inputs, x);
  if (!out.subarray(1).every(Number.isFinite))
    throw new QgeomError(
      "DOMAIN",
      `φ = ${excerpt(phi.toString())} or its Hessian is not finite at (${where}); the point is outside the domain of φ (or at a pole); choose a point inside the domain`,
    );
  const n = ev.n;
  const H = matrixFromData(n, n, out.subarray(2));
  const eig = Array.from(eigvalsh(H, { symmetryTol: 1e-8 }));
  const scale = Math.max(Math.abs(eig[0]!), Math.abs(eig[n - 1]!));
  const minAbs = Math.min(...eig.map(Math.abs));
  const tol = options.singularTol ?? 1e-12;
  if (!(tol >= 0)) throw new QgeomError("INVALID_ARGUMENT", `options.singularTol must be a non-negative number, got ${tol}; pass e.g. 1e-12`);
  const singular = scale === 0 || minAbs <= tol * scale;
  if (singular && !options.allowSingular)
    throw new QgeomError(
      "SINGULAR",
      `the Hessian D²φ is singular at (${where}): eigenvalues ${eig.map((v) => v.toPrecision(4)).join(", ")}, so det D²φ = 0 there and the Monge–Ampère equation degenerates (φ is not strictly convex at this point); choose another point or a strictly convex potential`,
      { eigenvalues: eig },
    );
  let value = out[0]!;
  if (!Number.isFinite(value)) {
    if (!singular)
      throw new QgeomError("DOMAIN", `the closed form of det D²φ is not finite at (${where}) although the Hessian is; evaluate with allowSingular or report this potential`);
    value = 0;
  }
  const hessianRows = Array.from({ length: n }, (_, i) => Array.from(out.subarray(2 + i * n, 2 + (i + 1) * n)));
  return { value, hessian: hessianRows, eigenvalues: eig, positiveDefinite: eig[0]! > 0 && !singular };
}
