// Push-forward of a density by a gradient map (MATH.md §3.1, §3.3): for convex φ with D²φ ≻ 0,
// ν = (∇φ)_#(f dx) has density g with g(∇φ(x)) = f(x) / det D²φ(x).
import { type Expr, QgeomError, div, gradient, simplify } from "../core/index.js";
import { compile } from "../compile/index.js";
import { type CompilePotentialOptions, type CompiledPotential, type InvertGradientOptions, bindParameters, compilePotential } from "./compiled-potential.js";
import { type SymbolicOptions, mongeAmpere } from "./operator.js";
import { type VariableList, checkExpr, variableNames } from "./variables.js";

/** The gradient map ∇φ as a list of expressions, in the order of `vars`. */
export function gradientMap(phi: Expr, vars: VariableList): Expr[] {
  checkExpr(phi, "phi");
  return gradient(phi, variableNames(vars));
}

/**
 * The push-forward density at the image point, as a function of the source point x:
 * g(∇φ(x)) = f(x) / det D²φ(x) (MATH §3.1 with T = ∇φ, det DT = det D²φ > 0 for strictly convex φ).
 */
export function pushforwardDensityAtImage(phi: Expr, source: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr {
  checkExpr(phi, "phi");
  checkExpr(source, "source");
  const r = div(source, mongeAmpere(phi, vars, options));
  return options.raw ? r : simplify(r, { maxTerms: options.maxTerms });
}

/** A numeric push-forward density. */
export interface PushforwardDensity {
  /** φ with its gradient and Hessian, compiled. */
  readonly potential: CompiledPotential;
  /** g(∇φ(x)) = f(x) / det D²φ(x), with det D²φ(x) from the Cholesky factor of the numeric Hessian. */
  atImage(x: ArrayLike<number>): number;
  /** g(y): solves ∇φ(x) = y by Newton (see CompiledPotential.invertGradient), then f(x) / det D²φ(x). */
  at(y: ArrayLike<number>, options?: InvertGradientOptions): number;
}

/**
 * Numeric twin of {@link pushforwardDensityAtImage}: the density of (∇φ)_#(f dx) at source or target
 * points. Throws SINGULAR where D²φ(x) is not positive definite (the gradient map is not a local
 * diffeomorphism there) and DOMAIN where f(x) is not finite or negative.
 */
export function compilePushforwardDensity(phi: Expr, source: Expr, vars: VariableList, options: CompilePotentialOptions = {}): PushforwardDensity {
  checkExpr(source, "source");
  const names = variableNames(vars);
  const potential = compilePotential(phi, names, options);
  const f = compile(bindParameters(source, names, options.parameters, "source"), names);
  const n = names.length;
  const fo = new Float64Array(1);
  const atImage = (x: ArrayLike<number>): number => {
    const { hessian: H } = potential.evaluate(x);
    f(Float64Array.from(x), fo);
    const fx = fo[0]!;
    if (!Number.isFinite(fx) || fx < 0) throw new QgeomError("DOMAIN", `the source density f is ${fx} at x = (${Array.from(x).join(", ")}); pass a point of its support`);
    // det D²φ = Π d_k from LDLᵀ; any non-positive pivot means D²φ(x) is not positive definite
    const a = H.slice();
    let det = 1;
    let scale = 0;
    for (const v of a) scale = Math.max(scale, Math.abs(v));
    if (!H.every(Number.isFinite)) throw new QgeomError("DOMAIN", `the Hessian of φ is not finite at x = (${Array.from(x).join(", ")}); choose a point inside the domain of φ`);
    for (let k = 0; k < n; k++) {
      const d = a[k * n + k]!;
      if (!(d > 1e-14 * scale))
        throw new QgeomError("SINGULAR", `D²φ is singular or not positive definite at x = (${Array.from(x).join(", ")}) (pivot ${k + 1} is ${d}); the push-forward density is undefined there; choose a point where φ is strictly convex`);
      det *= d;
      for (let i = k + 1; i < n; i++) {
        const l = a[i * n + k]! / d;
        for (let j = k + 1; j <= i; j++) a[i * n + j]! -= l * a[k * n + j]!;
      }
    }
    return fx / det;
  };
  const at = (y: ArrayLike<number>, o?: InvertGradientOptions): number => atImage(potential.invertGradient(y, o));
  return { potential, atImage, at };
}
