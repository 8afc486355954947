// Direct evaluation of expressions: float64 (with a first-order running error bound), complex float64,
// and exact rational arithmetic. Each walks the DAG once (shared nodes are evaluated once).
import { QgeomError, didYouMean, excerpt } from "./errors.js";
import { type Expr, type Fn, postOrder } from "./expr.js";
import { KERNELS, isKernel } from "./kernels.js";
import { Rational } from "./rational.js";
import {
  EULER_GAMMA_VALUE,
  digammaFn,
  gammaFn,
  lgammaFn,
  polygammaFn,
  sigmoidFn,
  softplusFn,
  multigammalnFn,
  multidigammaFn,
  cmultigammalnFn,
} from "./special.js";

/** Values of the symbols, by name: a plain object (own properties only) or a Map. A missing symbol is UNKNOWN_VARIABLE. */
export type Env = Readonly<Record<string, number>> | ReadonlyMap<string, number>;
/** Numeric implementations of opaque functions, by name: f(args) in float64. */
export type FunctionTable = Readonly<Record<string, (...args: number[]) => number>>;

/** Options of {@link evaluate}, {@link evaluateWithError} and {@link evaluateComplex}. */
export interface EvalOptions {
  /** Implementations of opaque functions, by name. */
  functions?: FunctionTable;
  /** Accept non-finite results (±Infinity) instead of throwing. Default false. */
  allowInfinite?: boolean;
}

// Own properties only: a symbol named "constructor" or "toString" must not find Object.prototype's members.
function lookupVar(env: Env, name: string): number | undefined {
  if (env instanceof Map) return env.get(name);
  return Object.prototype.hasOwnProperty.call(env, name) ? (env as Record<string, number>)[name] : undefined;
}
function userFunction(options: EvalOptions, name: string): ((...args: number[]) => number) | undefined {
  const table = options.functions;
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Real kernel value f(args) in float64. */
export function kernelValue(name: string, a: number, b = 0): number {
  switch (name) {
    case "exp":
      return Math.exp(a);
    case "log":
      return Math.log(a);
    case "gamma":
      return gammaFn(a);
    case "lgamma":
      return lgammaFn(a);
    case "digamma":
      return digammaFn(a);
    case "polygamma":
      return polygammaFn(a, b);
    case "multigamma":
      return Number.isInteger(b) && b >= 1 && a > (b - 1) / 2 ? Math.exp(multigammalnFn(a, b)) : NaN;
    case "lmultigamma":
      return Number.isInteger(b) && b >= 1 && a > (b - 1) / 2 ? multigammalnFn(a, b) : NaN;
    case "multidigamma":
      return Number.isInteger(b) && b >= 1 && a > (b - 1) / 2 ? multidigammaFn(a, b) : NaN;
    case "cmultigamma":
      return Number.isInteger(b) && b >= 1 && a > b - 1 ? Math.exp(cmultigammalnFn(a, b)) : NaN;
    case "lcmultigamma":
      return Number.isInteger(b) && b >= 1 && a > b - 1 ? cmultigammalnFn(a, b) : NaN;
    case "softplus":
      return softplusFn(a);
    case "sigmoid":
      return sigmoidFn(a);
    case "abs":
      return Math.abs(a);
    case "sign":
      return Math.sign(a);
    case "sin":
      return Math.sin(a);
    case "cos":
      return Math.cos(a);
    case "tan":
      return Math.tan(a);
    case "atan":
      return Math.atan(a);
    case "sinh":
      return Math.sinh(a);
    case "cosh":
      return Math.cosh(a);
    case "tanh":
      return Math.tanh(a);
    case "atanh":
      return Math.atanh(a);
    case "conj":
    case "re":
      return a;
    case "im":
      return 0;
    default:
      return NaN;
  }
}

/** |f'(a)| for a real kernel, used to propagate rounding errors (first order). */
function kernelSlope(name: string, a: number, fa: number, b = 0): number {
  switch (name) {
    case "exp":
      return Math.abs(fa);
    case "log":
      return 1 / Math.abs(a);
    case "gamma":
      return Math.abs(fa * digammaFn(a));
    case "lgamma":
      return Math.abs(digammaFn(a));
    case "digamma":
      return Math.abs(polygammaFn(1, a));
    case "polygamma":
      return Math.abs(polygammaFn(a + 1, b));
    case "multigamma":
      return Math.abs(fa * multidigammaFn(a, b));
    case "lmultigamma":
      return Math.abs(multidigammaFn(a, b));
    case "multidigamma": {
      let s = 0;
      for (let j = 0; j < b; j++) s += polygammaFn(1, a - j / 2);
      return Math.abs(s);
    }
    case "cmultigamma":
    case "lcmultigamma": {
      let s = 0;
      for (let j = 0; j < b; j++) s += digammaFn(a - j);
      return name === "cmultigamma" ? Math.abs(fa * s) : Math.abs(s);
    }
    case "softplus":
      return sigmoidFn(a);
    case "sigmoid":
      return fa * (1 - fa);
    case "sin":
    case "cos":
    case "abs":
    case "conj":
    case "re":
    case "atan":
    case "tanh":
      return 1;
    case "sign":
    case "im":
      return 0;
    case "tan":
      return 1 + fa * fa;
    case "sinh":
    case "cosh":
      return Math.cosh(a);
    case "atanh":
      return 1 / Math.abs(1 - a * a);
    default:
      return Infinity;
  }
}

const EPS = 2 ** -52;

function notEvaluable(e: Fn): never {
  if (isKernel(e.name) && KERNELS[e.name]!.matrixNotation)
    throw new QgeomError("UNSUPPORTED", `${e.name}(...) is matrix notation and has no numeric value; build the matrix explicitly (use the Matrix<Expr> API: det, trace, inverse)`);
  throw new QgeomError("UNKNOWN_FUNCTION", `no numeric implementation for opaque function ${e.name}; ${didYouMean(e.name, Object.keys(KERNELS))}pass it in options.functions`);
}

/**
 * Evaluates e in float64 together with a first-order bound on its rounding error.
 * Returns NaN (not an error) where the value is undefined, so callers can skip such points.
 */
export function evaluateWithError(e: Expr, env: Env, options: EvalOptions = {}): {
  /** The float64 value (NaN where undefined). */
  value: number;
  /** First-order bound on |value − exact value| from rounding (Infinity when an opaque function is involved). */
  error: number;
} {
  const val = new Map<Expr, number>();
  const err = new Map<Expr, number>();
  for (const x of postOrder([e])) {
    let v: number;
    let r: number;
    switch (x.kind) {
      case "num":
        v = x.value.toNumber();
        r = x.value.isSmall && x.value.isInteger() ? 0 : EPS * Math.abs(v);
        break;
      case "const":
        if (x.name === "i") throw new QgeomError("DOMAIN", "the expression is complex-valued (contains i); use evaluateComplex");
        v = x.name === "pi" ? Math.PI : EULER_GAMMA_VALUE;
        r = EPS * v;
        break;
      case "sym": {
        const s = lookupVar(env, x.name);
        if (s === undefined) throw new QgeomError("UNKNOWN_VARIABLE", `no value given for variable "${x.name}"; pass a value for it in the environment`);
        v = s;
        r = 0;
        break;
      }
      case "add": {
        v = 0;
        r = 0;
        for (const t of x.terms) {
          v += val.get(t)!;
          r += err.get(t)!;
        }
        r += EPS * Math.abs(v) * x.terms.length;
        break;
      }
      case "mul": {
        v = 1;
        let rel = 0;
        for (const f of x.factors) {
          const fv = val.get(f)!;
          v *= fv;
          rel += fv === 0 ? 0 : err.get(f)! / Math.abs(fv);
        }
        // a factor that is exactly 0 with an error: fall back to absolute bound
        let zeroErr = 0;
        for (const f of x.factors)
          if (val.get(f) === 0 && err.get(f)! > 0) {
            let rest = 1;
            for (const g of x.factors) if (g !== f) rest *= Math.abs(val.get(g)!);
            zeroErr += err.get(f)! * rest;
          }
        r = Math.abs(v) * (rel + EPS * x.factors.length) + zeroErr;
        break;
      }
      case "pow": {
        const b = val.get(x.base)!;
        const p = val.get(x.exp)!;
        v = Math.pow(b, p);
        if (x.exp.kind === "num" && x.exp.value.isInteger() && x.exp.value.isNegative() && b === 0) v = NaN;
        const eb = err.get(x.base)!;
        const ep = err.get(x.exp)!;
        r = Math.abs(p * Math.pow(b, p - 1)) * eb + (ep > 0 ? Math.abs(v * Math.log(Math.abs(b))) * ep : 0) + EPS * Math.abs(v) * 2;
        break;
      }
      case "fn": {
        const info = isKernel(x.name) ? KERNELS[x.name] : undefined;
        if (info === undefined || x.dorders !== null) {
          const impl = userFunction(options, x.name);
          if (!impl || x.dorders !== null) notEvaluable(x);
          v = impl(...x.args.map((a) => val.get(a)!));
          r = Infinity; // unknown conditioning
          break;
        }
        if (info.matrixNotation) notEvaluable(x);
        const a0 = val.get(x.args[0]!)!;
        const a1 = x.args.length > 1 ? val.get(x.args[1]!)! : 0;
        v = kernelValue(x.name, a0, a1);
        const inErr = x.name === "polygamma" ? err.get(x.args[1]!)! : err.get(x.args[0]!)!;
        // (multivariate gamma kernels take the dimension second; it is an exact integer)
        r = kernelSlope(x.name, a0, v, a1) * inErr + 4 * EPS * Math.abs(v);
        break;
      }
    }
    val.set(x, v);
    err.set(x, r);
  }
  return { value: val.get(e)!, error: err.get(e)! };
}

/**
 * Evaluates a real expression in float64. Throws a QgeomError where the value is not a real number
 * (log of a negative number, pole of Γ, ...) instead of returning NaN.
 */
export function evaluate(e: Expr, env: Env = {}, options: EvalOptions = {}): number {
  const { value } = evaluateWithError(e, env, options);
  if (Number.isNaN(value))
    throw new QgeomError("DOMAIN", `${excerpt(e.toString())} has no real value at this point (outside the domain of a function, or a pole); check the inputs against the expression's domain`);
  if (!Number.isFinite(value) && !options.allowInfinite)
    throw new QgeomError("NOT_FINITE", `${excerpt(e.toString())} overflows to ${value} at this point; rescale the inputs or use a log-domain form`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Complex float64 (principal branches).

/** A complex number as the pair [re, im]. */
export type Complex = readonly [number, number];

function cmul(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}
function cexp(a: Complex): Complex {
  const m = Math.exp(a[0]);
  return a[1] === 0 ? [m, 0] : [m * Math.cos(a[1]), m * Math.sin(a[1])];
}
function clog(a: Complex): Complex {
  return [Math.log(Math.hypot(a[0], a[1])), Math.atan2(a[1], a[0])];
}
function cpow(b: Complex, p: Complex): Complex {
  if (p[1] === 0 && b[1] === 0 && (b[0] > 0 || Number.isInteger(p[0]))) return [Math.pow(b[0], p[0]), 0];
  if (b[0] === 0 && b[1] === 0) return p[0] > 0 ? [0, 0] : [NaN, NaN];
  if (p[1] === 0 && Number.isInteger(p[0]) && Math.abs(p[0]) <= 64) {
    let k = Math.abs(p[0]);
    let r: Complex = [1, 0];
    let s = b;
    while (k > 0) {
      if (k & 1) r = cmul(r, s);
      s = cmul(s, s);
      k >>= 1;
    }
    if (p[0] < 0) {
      const d = r[0] * r[0] + r[1] * r[1];
      r = [r[0] / d, -r[1] / d];
    }
    return r;
  }
  return cexp(cmul(p, clog(b)));
}

/** Evaluates e over the complex numbers (real symbol values, principal branches). */
export function evaluateComplex(e: Expr, env: Env = {}, options: EvalOptions = {}): Complex {
  const val = new Map<Expr, Complex>();
  for (const x of postOrder([e])) {
    let v: Complex;
    switch (x.kind) {
      case "num":
        v = [x.value.toNumber(), 0];
        break;
      case "const":
        v = x.name === "i" ? [0, 1] : [x.name === "pi" ? Math.PI : EULER_GAMMA_VALUE, 0];
        break;
      case "sym": {
        const s = lookupVar(env, x.name);
        if (s === undefined) throw new QgeomError("UNKNOWN_VARIABLE", `no value given for variable "${x.name}"; pass a value for it in the environment`);
        v = [s, 0];
        break;
      }
      case "add": {
        let re = 0;
        let im = 0;
        for (const t of x.terms) {
          const tv = val.get(t)!;
          re += tv[0];
          im += tv[1];
        }
        v = [re, im];
        break;
      }
      case "mul": {
        v = [1, 0];
        for (const f of x.factors) v = cmul(v, val.get(f)!);
        break;
      }
      case "pow":
        v = cpow(val.get(x.base)!, val.get(x.exp)!);
        break;
      case "fn": {
        const a = val.get(x.args[0]!)!;
        switch (x.name) {
          case "exp":
            v = cexp(a);
            break;
          case "log":
            v = clog(a);
            break;
          case "conj":
            v = [a[0], -a[1]];
            break;
          case "re":
            v = [a[0], 0];
            break;
          case "im":
            v = [a[1], 0];
            break;
          case "abs":
            v = [Math.hypot(a[0], a[1]), 0];
            break;
          case "sin":
            v = [Math.sin(a[0]) * Math.cosh(a[1]), Math.cos(a[0]) * Math.sinh(a[1])];
            break;
          case "cos":
            v = [Math.cos(a[0]) * Math.cosh(a[1]), -Math.sin(a[0]) * Math.sinh(a[1])];
            break;
          default: {
            const args = x.args.map((y) => val.get(y)!);
            if (args.some((z) => z[1] !== 0))
              throw new QgeomError("UNSUPPORTED", `${x.name} is evaluated for real arguments only; use evaluate for real inputs or write the function with complex-capable kernels`);
            if (!isKernel(x.name) || x.dorders !== null) {
              const impl = userFunction(options, x.name);
              if (!impl || x.dorders !== null) notEvaluable(x);
              v = [impl(...args.map((z) => z[0])), 0];
            } else {
              if (KERNELS[x.name]!.matrixNotation) notEvaluable(x);
              v = [kernelValue(x.name, args[0]![0], args[1]?.[0] ?? 0), 0];
            }
          }
        }
        break;
      }
    }
    val.set(x, v);
  }
  const out = val.get(e)!;
  if (Number.isNaN(out[0]) || Number.isNaN(out[1]))
    throw new QgeomError("DOMAIN", `${excerpt(e.toString())} is undefined at this point; check the inputs against the expression's domain`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Exact rational evaluation (rational operations only).

/**
 * Evaluates a rational expression (numbers, symbols, +, ×, integer powers) exactly. Throws
 * DIVISION_BY_ZERO when a denominator vanishes and UNSUPPORTED on anything irrational.
 */
export function evaluateExact(e: Expr, env: ReadonlyMap<string, Rational>): Rational {
  const val = new Map<Expr, Rational>();
  for (const x of postOrder([e])) {
    let v: Rational;
    switch (x.kind) {
      case "num":
        v = x.value;
        break;
      case "sym": {
        const s = env.get(x.name);
        if (s === undefined) throw new QgeomError("UNKNOWN_VARIABLE", `no value given for variable "${x.name}"; pass an exact rational value for it in the environment`);
        v = s;
        break;
      }
      case "add":
        v = Rational.ZERO;
        for (const t of x.terms) v = v.add(val.get(t)!);
        break;
      case "mul":
        v = Rational.ONE;
        for (const f of x.factors) v = v.mul(val.get(f)!);
        break;
      case "pow": {
        if (x.exp.kind !== "num" || !x.exp.value.isInteger())
          throw new QgeomError("UNSUPPORTED", `exact evaluation needs integer powers, got ${excerpt(x.toString())}; use evaluate for a floating-point value`);
        const b = val.get(x.base)!;
        const k = x.exp.value.toInteger();
        if (k < 0 && b.isZero()) throw new QgeomError("DIVISION_BY_ZERO", `denominator ${excerpt(x.base.toString())} vanishes; choose values that keep every denominator non-zero`);
        v = b.pow(k);
        break;
      }
      default:
        throw new QgeomError("UNSUPPORTED", `exact evaluation of ${excerpt(x.toString())} is not rational; use evaluate for a floating-point value`);
    }
    val.set(x, v);
  }
  return val.get(e)!;
}
