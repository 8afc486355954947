// Free energy as a transport potential (MATH.md §3.8): for convex F with 0 < Z = ∫e^{−F} < ∞,
// ρ = e^{−F}/Z and its moment measure ν = (∇F)_#ρ; ∇F is the Brenier map ρ → ν, ∫y dν = 0, and for
// D²F ≻ 0:  e^{−F(x)}/Z = g_ν(∇F(x)) · det D²F(x).  Gaussian case F = ½xᵀKx: ρ = N(0, K⁻¹), ν = N(0, K).
import { type Certificate, type Expr, PI, QgeomError, add, det, diff, exp, inverse, log, matrix, mul, neg, num, pow, sym, verify } from "../core/index.js";
import { compile } from "../compile/index.js";
import { type Matrix, cholesky, choleskySolve, identity } from "../linalg/index.js";
import { bindParameters } from "./compiled-potential.js";
import { type MatrixInput, toSpd } from "./numeric-input.js";
import { mongeAmpere } from "./operator.js";
import { type QuadratureOptions, integrate } from "./quadrature.js";
import { type VariableList, checkExpr, variableNames } from "./variables.js";

/** The Gaussian moment measure of F(x) = ½xᵀKx. */
export interface GaussianMomentMeasure {
  /** Covariance K⁻¹ of ρ = e^{−F}/Z = N(0, K⁻¹). */
  sourceCovariance: Matrix;
  /** Covariance K of ν = (∇F)_#ρ = N(0, K) (exact: ∇F(x) = Kx). */
  targetCovariance: Matrix;
  /** Z = (2π)^{d/2} (det K)^{−1/2}. */
  logZ: number;
}

/** ρ and ν for F = ½xᵀKx, K ≻ 0 (MATH §3.8). */
export function gaussianMomentMeasure(K: MatrixInput): GaussianMomentMeasure {
  const M = toSpd(K, "K");
  const d = M.rows;
  const L = cholesky(M, { name: "K" });
  let ld = 0;
  for (let i = 0; i < d; i++) ld += 2 * Math.log(L.data[i * d + i]!);
  return { sourceCovariance: choleskySolve(L, identity(d)), targetCovariance: M, logZ: 0.5 * d * Math.log(2 * Math.PI) - 0.5 * ld };
}

/**
 * Exact check of the Gaussian case (MATH §3.8, V11): for F = ½xᵀKx with K a symmetric matrix of
 * exact rational entries (or symbols), e^{−F(x)}/Z = g_ν(∇F(x)) det D²F(x) with Z = (2π)^{d/2}(det K)^{−1/2}
 * and g_ν the N(0, K) density, decided by `verify` on the domain where K ≻ 0.
 */
export function verifyGaussianMomentMeasure(K: readonly (readonly (Expr | number)[])[], vars: VariableList): Certificate {
  const names = variableNames(vars);
  const d = names.length;
  const Km = matrix(K);
  if (Km.rows !== d || Km.cols !== d) throw new QgeomError("SHAPE", `K is ${Km.rows}×${Km.cols} but there are ${d} variables; pass a ${d}×${d} matrix`);
  const x = names.map(sym);
  const quad = (M: ReturnType<typeof matrix>, v: Expr[]): Expr => add(...v.flatMap((vi, i) => v.map((vj, j) => mul(M.get(i, j), vi, vj))));
  const F = mul(num("1/2"), quad(Km, x));
  const dK = det(Km);
  const Z = mul(pow(mul(num(2), PI), num(d / 2)), pow(dK, num("-1/2")));
  const gradF = names.map((n) => diff(F, n));
  const gnu = mul(pow(mul(num(2), PI), num(-d / 2)), pow(dK, num("-1/2")), exp(mul(num("-1/2"), quad(inverse(Km), gradF))));
  const lhs = mul(exp(neg(F)), pow(Z, num(-1)));
  const rhs = mul(gnu, mongeAmpere(F, names, { raw: true }));
  const minors = Array.from({ length: d }, (_, k) => ({ expr: det(matrix(Km.toArray().slice(0, k + 1).map((r) => r.slice(0, k + 1)))), op: ">" as const }));
  const domain = minors.filter((c) => c.expr.kind !== "num");
  const direct = verify(lhs, rhs, { domain, maxTerms: 200_000 });
  if (direct.verdict !== "checked" && direct.verdict !== "unknown") return direct;
  // Symbolic K: (det K)^{±1/2} of a polynomial defeats the exact forms. Both sides are positive on the
  // domain, so the identity is equivalent to its log form, in which log det K is one atom on both sides:
  // −F + ½ log det K − (d/2) log 2π = −(d/2) log 2π − ½ log det K − ½ ∇Fᵀ K⁻¹ ∇F + log det D²F.
  const l2pi = mul(num(-d / 2), log(mul(num(2), PI)));
  const logLhs = add(neg(F), l2pi, mul(num("1/2"), log(dK)));
  const logRhs = add(l2pi, mul(num("-1/2"), log(dK)), mul(num("-1/2"), quad(inverse(Km), gradF)), log(mongeAmpere(F, names, { raw: true })));
  const viaLog = verify(logLhs, logRhs, { domain, maxTerms: 200_000 });
  return viaLog.verdict === "proved" ? { ...viaLog, detail: `${viaLog.detail} (log form: both sides are positive where K is positive definite)` } : direct;
}

/** Numeric moment measure of a convex potential of one variable. */
export interface MomentMeasure1D {
  /** Z = ∫e^{−F}. */
  Z: number;
  /** ∫F'(x) ρ(x) dx, the barycentre of ν (zero by MATH §3.8). */
  barycentre: number;
  /** ∫|F'(x)| ρ(x) dx, the scale against which the barycentre is small. */
  absoluteFirstMoment: number;
  /** ρ(x) = e^{−F(x)}/Z. */
  sourceDensity(x: number): number;
  /** g_ν(F'(x)) = ρ(x)/F''(x), by the Monge–Ampère identity (change of variables). */
  targetDensityAtImage(x: number): number;
  /** ν((−∞, F'(x)]) = ρ((−∞, x]) (F' increasing), by quadrature. */
  targetCdfAtImage(x: number): number;
  /** F'(x). */
  gradient(x: number): number;
}

/**
 * ρ = e^{−F}/Z and ν = (F')_#ρ for a convex F of one variable on ℝ (MATH §3.8, V11), by adaptive
 * quadrature of the compiled e^{−F}. Throws DOMAIN if Z is not finite and positive (F not coercive)
 * and SINGULAR where F'' ≤ 0 is met by targetDensityAtImage.
 */
export function momentMeasure1D(F: Expr, x: string | Expr, options: QuadratureOptions & { parameters?: Readonly<Record<string, number>> } = {}): MomentMeasure1D {
  checkExpr(F, "F");
  const [name] = variableNames([x], "x");
  const f = bindParameters(F, [name!], options.parameters, "F");
  const fn = compile([f, diff(f, name!), diff(f, name!, 2)], [name!]);
  const inp = new Float64Array(1), out = new Float64Array(3);
  const at = (t: number): Float64Array => {
    inp[0] = t;
    fn(inp, out);
    return out;
  };
  // shift by the minimum over a coarse grid so e^{−F} neither overflows nor underflows
  let fmin = Infinity;
  for (let t = -50; t <= 50; t += 0.5) {
    const v = at(t)[0]!;
    if (Number.isFinite(v)) fmin = Math.min(fmin, v);
  }
  if (!Number.isFinite(fmin)) throw new QgeomError("DOMAIN", `F is not finite on [-50, 50]; momentMeasure1D needs F defined on all of ℝ; pass an F that is finite everywhere (e.g. x^2/2)`);
  // ∫e^{−F} < ∞ needs F to grow at both ends; for convex F that is F' < 0 far left and F' > 0 far right.
  // Without this test a non-coercive F (e.g. a concave free energy) can give a finite but meaningless Z
  // when the quadrature nodes stop short of where e^{−F} overflows.
  const dLeft = at(-50)[1]!, dRight = at(50)[1]!;
  if (!(dLeft < 0 && dRight > 0))
    throw new QgeomError("DOMAIN", `F'(-50) = ${dLeft} and F'(50) = ${dRight}: F is not coercive (it does not increase towards both ends), so ∫e^{-F} = ∞ and ρ = e^{-F}/Z does not exist; pass a coercive F`);
  const w = (t: number): number => {
    const v = at(t)[0]!;
    return v === Infinity ? 0 : Math.exp(fmin - v);
  };
  let Zs: number;
  try {
    Zs = integrate(w, -Infinity, Infinity, options).value;
  } catch (e) {
    if (e instanceof QgeomError && e.code === "NOT_FINITE") throw new QgeomError("DOMAIN", `e^{-F} overflows far out (${e.message}); F must be coercive (e^{-F} integrable) for ρ = e^{-F}/Z to exist; pass a coercive F such as x^2/2`);
    throw e;
  }
  if (!(Zs > 0) || !Number.isFinite(Zs)) throw new QgeomError("DOMAIN", `∫e^{-F} is ${Zs * Math.exp(-fmin)}; F must be coercive (e^{-F} integrable) for ρ = e^{-F}/Z to exist; pass a coercive F such as x^2/2`);
  const rho = (t: number): number => w(t) / Zs;
  // where ρ underflows to 0 the integrand is 0 (F' may overflow to ±∞/NaN far out in the tails)
  const weighted = (g: (d: number) => number) => (t: number): number => {
    const r = rho(t);
    return r === 0 ? 0 : g(at(t)[1]!) * r;
  };
  const bary = integrate(weighted((d) => d), -Infinity, Infinity, options).value;
  const abs1 = integrate(weighted(Math.abs), -Infinity, Infinity, options).value;
  return {
    Z: Zs * Math.exp(-fmin),
    barycentre: bary,
    absoluteFirstMoment: abs1,
    sourceDensity: rho,
    targetDensityAtImage: (t) => {
      const f2 = at(t)[2]!;
      if (!(f2 > 0)) throw new QgeomError("SINGULAR", `F''(${t}) = ${f2}: the moment map is not a local diffeomorphism there, so ν has no finite density at F'(${t}); pass a strictly convex F (F'' > 0)`);
      return rho(t) / f2;
    },
    targetCdfAtImage: (t) => integrate(rho, -Infinity, t, options).value,
    gradient: (t) => at(t)[1]!,
  };
}
