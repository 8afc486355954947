// Smart constructors. Every Expr is built here, and construction canonicalises cheaply:
//   add: flatten, collect numeric coefficients of equal terms, drop zeros, sort;
//   mul: flatten, multiply coefficients, collect powers of equal bases (x·x -> x², x^a·x^b -> x^(a+b)),
//        merge exponentials (e^a·e^b -> e^(a+b)), i² = -1, distribute a lone coefficient over a sum;
//   pow: numeric powers exactly, (x^a)^b -> x^(ab) where valid, (xy)^n -> x^n y^n for integer n;
//   functions: exact values at special points (exp 0, log 1, Γ(n), ψ(1), ...), exp(c·log u) -> u^c,
//        log(e^u) -> u for real u, log of positive rationals split into primes.
// Rules valid only under assumptions (log(xy) = log x + log y for x, y > 0) are not applied here.
// Symbols are real-valued; expressions containing i may be complex (principal branches throughout).
import { QgeomError, excerpt } from "./errors.js";
export type { Expr } from "./expr.js";
import {
  type ConstName,
  type Expr,
  type Fn,
  FLAG_I,
  FLAG_MATRIX,
  FLAG_OPAQUE,
  type Num,
  compareExpr,
  internAdd,
  internConst,
  internFn,
  internMul,
  internNum,
  internPow,
  internSym,
} from "./expr.js";
import { KERNELS, isKernel } from "./kernels.js";
import { Rational, exactRoot, gcdBigint } from "./rational.js";

// ---------------------------------------------------------------------------------------------
// Atoms

/**
 * The exact rational number v. A JS number is read as the shortest decimal that round-trips
 * (`num(0.1)` is 1/10, not the nearest double); a bigint as an integer; a string as a decimal or
 * fraction literal ("-0.125", "1e-3", "7/3"). Throws PARSE for a string that is not such a literal
 * and NOT_FINITE for NaN or ±Infinity.
 */
export function num(v: Rational | number | bigint | string): Num {
  if (v instanceof Rational) return internNum(v);
  if (typeof v === "bigint") return internNum(Rational.int(v));
  if (typeof v === "string") {
    const r = Rational.parse(v);
    if (r === null) throw new QgeomError("PARSE", `not a number literal: ${excerpt(v)}; pass a decimal such as "1.5" or a fraction such as "3/2"`);
    return internNum(r);
  }
  if (!Number.isFinite(v)) throw new QgeomError("NOT_FINITE", `not a finite number: ${v}; pass a finite number (keep infinities out of expressions)`);
  // shortest decimal that round-trips, so 0.1 means 1/10 (what the user wrote), not the double nearest to it
  return internNum(Number.isInteger(v) ? Rational.int(v) : Rational.parse(String(v))!);
}

/** The number 0. */
export const ZERO = num(0);
/** The number 1. */
export const ONE = num(1);
/** The number −1. */
export const MINUS_ONE = num(-1);
/** The number 2. */
export const TWO = num(2);
/** The number 1/2. */
export const HALF = num(Rational.HALF);
/** The constant π (printed `pi`). */
export const PI = internConst("pi");
/** The imaginary unit i, i² = −1 (printed `i`); expressions containing it may be complex-valued. */
export const I = internConst("i");
/** The Euler–Mascheroni constant γ ≈ 0.5772156649 (printed `eulergamma`), γ = −ψ(1). */
export const EULER_GAMMA = internConst("eulergamma");

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESERVED = new Set(["pi", "i", "e", "eulergamma", "Infinity", "NaN", "true", "false", "null", "undefined"]);

/** True if `name` may be used as a symbol or function name. */
export function isValidIdentifier(name: string): boolean {
  return name.length <= 64 && IDENT.test(name);
}

/**
 * The real symbol `name` (a letter followed by letters, digits or _, at most 64 characters; otherwise
 * INVALID_ARGUMENT). The reserved names give constants: "pi" → π, "i" → i, "e" → exp(1),
 * "eulergamma" → γ; other reserved words (Infinity, NaN, true, …) are INVALID_ARGUMENT.
 */
export function sym(name: string): Expr {
  if (!isValidIdentifier(name))
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `invalid symbol name ${excerpt(name, 30)}: use a letter followed by letters, digits or _ (at most 64 characters)`,
    );
  if (RESERVED.has(name)) {
    if (name === "pi") return PI;
    if (name === "i") return I;
    if (name === "e") return exp(ONE);
    if (name === "eulergamma") return EULER_GAMMA;
    throw new QgeomError("INVALID_ARGUMENT", `"${name}" is reserved and cannot be a symbol; use it directly (pi, i, e, eulergamma are constants) or choose another name`);
  }
  return internSym(name);
}

/** Several symbols at once: syms("x y z") or syms(["x", "y"]). */
export function syms(names: string | readonly string[]): Expr[] {
  const list = typeof names === "string" ? names.split(/[\s,]+/).filter(Boolean) : names;
  return list.map(sym);
}

/** The named constant π ("pi"), i ("i") or γ ("eulergamma"). */
export function constant(name: ConstName): Expr {
  return internConst(name);
}

// ---------------------------------------------------------------------------------------------
// Positivity / realness facts used by the rules (conservative: "true" means proven).

/** e is real-valued for real symbol values (on its domain). */
export function isReal(e: Expr): boolean {
  return (e.flags & FLAG_I) === 0;
}

/** e > 0 for all real values of its symbols (where defined). Conservative. */
export function isPositive(e: Expr): boolean {
  switch (e.kind) {
    case "num":
      return e.value.isPositive();
    case "const":
      return e.name === "pi" || e.name === "eulergamma";
    case "pow":
      return isReal(e.exp) && isPositive(e.base);
    case "mul":
      return e.factors.every(isPositive);
    case "add":
      return e.terms.every(isPositive);
    case "fn":
      switch (e.name) {
        case "exp":
        case "cosh":
          return isReal(e.args[0]!);
        case "sigmoid":
        case "softplus":
          return isReal(e.args[0]!);
        default:
          return false;
      }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Sums

/** Splits a term into (numeric coefficient, rest): 3xy -> (3, xy), x -> (1, x). */
export function splitCoeff(t: Expr): [Rational, Expr] {
  if (t.kind === "num") return [t.value, ONE];
  if (t.kind === "mul" && t.factors[0]!.kind === "num") {
    const rest = t.factors.length === 2 ? t.factors[1]! : internMul(t.factors.slice(1));
    return [t.factors[0]!.value, rest];
  }
  return [Rational.ONE, t];
}

/** c·rest where rest is canonical and has no numeric coefficient. */
function scaleRest(c: Rational, rest: Expr): Expr {
  if (c.isZero()) return ZERO;
  if (c.isOne()) return rest;
  if (rest.kind === "num") return num(c.mul(rest.value));
  if (rest.kind === "mul") return internMul([num(c), ...rest.factors]);
  if (rest.kind === "add") return add(...rest.terms.map((t) => scaleTerm(c, t)));
  return internMul([num(c), rest]);
}
function scaleTerm(c: Rational, t: Expr): Expr {
  const [k, rest] = splitCoeff(t);
  return scaleRest(c.mul(k), rest);
}

/**
 * The canonical sum of the terms: nested sums are flattened, numeric coefficients of equal terms
 * collected (2x + 3x → 5x), zeros dropped and the terms sorted by {@link compareExpr}. `add()` is 0.
 */
export function add(...terms: Expr[]): Expr {
  if (terms.length === 0) return ZERO;
  if (terms.length === 1) return terms[0]!;
  if (terms.length === 2) {
    const [a, b] = terms as [Expr, Expr];
    if (a.kind === "num" && a.value.isZero()) return b;
    if (b.kind === "num" && b.value.isZero()) return a;
    if (a.kind === "num" && b.kind === "num") return num(a.value.add(b.value));
  }
  let constant = Rational.ZERO;
  const coeff = new Map<Expr, Rational>();
  const push = (t: Expr): void => {
    if (t.kind === "num") {
      constant = constant.add(t.value);
      return;
    }
    if (t.kind === "add") {
      for (const u of t.terms) push(u);
      return;
    }
    const [c, rest] = splitCoeff(t);
    const prev = coeff.get(rest);
    coeff.set(rest, prev === undefined ? c : prev.add(c));
  };
  for (const t of terms) push(t);
  const out: Expr[] = [];
  for (const [rest, c] of coeff) if (!c.isZero()) out.push(scaleRest(c, rest));
  out.sort(compareExpr);
  if (!constant.isZero()) out.unshift(num(constant));
  if (out.length === 0) return ZERO;
  if (out.length === 1) return out[0]!;
  return internAdd(out);
}

/** −a, i.e. (−1)·a. */
export function neg(a: Expr): Expr {
  return mul(MINUS_ONE, a);
}
/** a − b, i.e. a + (−1)·b. */
export function sub(a: Expr, b: Expr): Expr {
  return add(a, neg(b));
}

// ---------------------------------------------------------------------------------------------
// Products

let mulDepth = 0;

/**
 * The canonical product of the factors: nested products flattened, rational coefficients multiplied,
 * powers of equal bases merged (x·x → x², x^a·x^b → x^(a+b)), exponentials merged (e^a·e^b → e^(a+b)),
 * i² = −1, a lone coefficient distributed over a sum, and the rational content of sum factors pulled
 * into the coefficient ((p/2 + 1/2)·x → (1/2)(p + 1)·x). `mul()` is 1; any zero factor gives 0.
 */
export function mul(...factors: Expr[]): Expr {
  if (factors.length === 0) return ONE;
  if (factors.length === 1) return factors[0]!;
  let coeff = Rational.ONE;
  const bases = new Map<Expr, Expr[]>(); // base -> exponents to add
  const single = new Map<Expr, Expr>(); // base -> the original canonical factor, while it occurs once
  const order: Expr[] = [];
  const expArgs: Expr[] = [];
  const addBase = (base: Expr, e: Expr, node: Expr): void => {
    const list = bases.get(base);
    if (list) {
      list.push(e);
      single.delete(base);
    } else {
      bases.set(base, [e]);
      single.set(base, node);
      order.push(base);
    }
  };
  const push = (f: Expr): boolean => {
    switch (f.kind) {
      case "num":
        if (f.value.isZero()) return false;
        coeff = coeff.mul(f.value);
        return true;
      case "mul":
        for (const g of f.factors) if (!push(g)) return false;
        return true;
      case "fn":
        if (f.name === "exp" && f.dorders === null) {
          expArgs.push(f.args[0]!);
          return true;
        }
        break;
      case "pow":
        addBase(f.base, f.exp, f);
        return true;
    }
    addBase(f, ONE, f);
    return true;
  };
  for (const f of factors) if (!push(f)) return ZERO;

  const out: Expr[] = [];
  let again: Expr[] | null = null; // factors produced by rules that must be merged once more
  if (expArgs.length > 0) {
    const e = exp(expArgs.length === 1 ? expArgs[0]! : add(...expArgs));
    if (e.kind === "fn" && e.name === "exp") out.push(e);
    else (again ??= []).push(e);
  }
  for (const b of order) {
    const only = single.get(b);
    if (only !== undefined) {
      out.push(only); // already canonical
      continue;
    }
    const exps = bases.get(b)!;
    const e = exps.length === 1 ? exps[0]! : add(...exps);
    if (e.kind === "num" && e.value.isZero()) continue;
    const p = pow(b, e);
    if (p.kind === "num") coeff = coeff.mul(p.value);
    else if (p === b || (p.kind === "pow" && p.base === b)) out.push(p);
    else (again ??= []).push(p); // a rule rewrote the factor (i² = -1, |x|² = x², ...): merge once more
  }
  if (again !== null) {
    if (++mulDepth > 64) {
      mulDepth = 0;
      throw new QgeomError("INTERNAL", `internal: product canonicalisation did not terminate; this is a bug in qgeom, please report it with the expression`);
    }
    try {
      return mul(num(coeff), ...out, ...again);
    } finally {
      mulDepth--;
    }
  }
  if (coeff.isZero()) return ZERO;
  // i^k was reduced by pow(); a product i·i can only arise through bases, already handled.
  if (out.length === 0) return num(coeff);
  if (out.length === 1 && out[0]!.kind === "add") {
    const only = out[0]!;
    if (coeff.isOne()) return only;
    return add(...only.terms.map((t) => scaleTerm(coeff, t)));
  }
  // Sums inside a product carry no small rational content: (p/2 + 1/2)·x -> (1/2)(p + 1)·x, so that one
  // product has one canonical form whichever way it was built (a lone c·(sum) is distributed above).
  // Contents with numerator or denominator beyond 2^26 stay inside (x + 1e-236 would otherwise become
  // (10^236 x + 1)/10^236, exact but overflowing in floating point).
  let changed = false;
  for (let i = 0; i < out.length; i++) {
    const f = out[i]!;
    const base = f.kind === "pow" ? f.base : f;
    if (base.kind !== "add" || (f.kind === "pow" && !(f.exp.kind === "num" && f.exp.value.isInteger()))) continue;
    const [c, prim] = sumContent(base);
    if (c.isOne() || !c.isSmall) continue;
    const k = f.kind === "pow" ? (f.exp as Num).value.toInteger() : 1;
    coeff = coeff.mul(c.pow(k));
    out[i] = k === 1 ? prim : pow(prim, num(k));
    changed = true;
  }
  if (changed) return mul(num(coeff), ...out);
  if (out.length === 1) return coeff.isOne() ? out[0]! : internMul([num(coeff), out[0]!]);
  out.sort(compareExpr);
  if (!coeff.isOne()) out.unshift(num(coeff));
  return internMul(out);
}


const contentCache = new WeakMap<Expr, [Rational, Expr]>();

/** (c, s/c) for a sum s: c > 0 is gcd of the coefficient numerators over lcm of their denominators. */
export function sumContent(s: Expr): [Rational, Expr] {
  const hit = contentCache.get(s);
  if (hit) return hit;
  let g = 0n;
  let l = 1n;
  const terms = s.kind === "add" ? s.terms : [s];
  for (const t of terms) {
    const [c] = splitCoeff(t);
    g = gcdBigint(g, c.num);
    l = (l / gcdBigint(l, c.den)) * c.den;
  }
  const c = g === 0n ? Rational.ONE : Rational.fromBig(g, l);
  const r: [Rational, Expr] = c.isOne() ? [c, s] : [c, add(...terms.map((t) => scaleTerm(c.inv(), t)))];
  contentCache.set(s, r);
  return r;
}

/** a / b = a · b^(−1). Throws DIVISION_BY_ZERO when b is the number 0 (symbolic zeros are not detected). */
export function div(a: Expr, b: Expr): Expr {
  if (b.kind === "num" && b.value.isZero())
    throw new QgeomError("DIVISION_BY_ZERO", `division by zero: ${excerpt(String(a), 60, false)} / 0; check the denominator, or substitute values that keep it non-zero`);
  return mul(a, pow(b, MINUS_ONE));
}

// ---------------------------------------------------------------------------------------------
// Powers

const MAX_EXACT_BITS = 1 << 20;

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

/** Factorises |n| by trial division into primes when cheap; the last factor may be composite if large. */
export function factorInteger(n: bigint): Array<[bigint, number]> {
  if (n < 0n) n = -n;
  const out: Array<[bigint, number]> = [];
  if (n < 2n) return out;
  const limit = 100000n;
  for (let p = 2n; p <= limit && p * p <= n; p += p === 2n ? 1n : 2n) {
    if (n % p === 0n) {
      let k = 0;
      while (n % p === 0n) {
        n /= p;
        k++;
      }
      out.push([p, k]);
    }
  }
  if (n > 1n) out.push([n, 1]);
  return out;
}

/** n^(p/q) for a positive integer n and 0 < p/q non-integer: (integer part, list of prime^(fraction)). */
function radicalOfInteger(n: bigint, e: Rational): Expr {
  if (bitLength(n) > 200) return internPow(num(n), num(e));
  const parts: Expr[] = [];
  let coeff = Rational.ONE;
  for (const [p, k] of factorInteger(n)) {
    const total = e.mul(Rational.int(k)); // exponent of p
    const whole = total.floor();
    const frac = total.sub(Rational.fromBig(whole));
    if (whole !== 0n) {
      if (bitLength(p) * Number(whole < 0n ? -whole : whole) > MAX_EXACT_BITS)
        throw new QgeomError("SIZE_LIMIT", `exact power too large: ${p}^${whole}; use a floating-point base or a smaller exponent`);
      coeff = coeff.mul(Rational.fromBig(p).pow(Number(whole)));
    }
    if (!frac.isZero()) parts.push(internPow(num(p), num(frac)));
  }
  parts.sort(compareExpr);
  if (parts.length === 0) return num(coeff);
  if (coeff.isOne() && parts.length === 1) return parts[0]!;
  return internMul(coeff.isOne() ? parts : [num(coeff), ...parts]);
}

function numPow(b: Rational, e: Rational): Expr {
  if (e.isInteger()) {
    const k = e.toInteger();
    if (b.isZero()) {
      if (k < 0) throw new QgeomError("DIVISION_BY_ZERO", `division by zero: 0 raised to a negative power; check the exponent sign or substitute a non-zero base`);
      return ZERO;
    }
    const bits = Math.max(bitLength(b.num), bitLength(b.den));
    if (bits * Math.abs(k) > MAX_EXACT_BITS)
      throw new QgeomError("SIZE_LIMIT", `exact power too large: (${excerpt(b.toString(), 20)})^${k}; use floating point`);
    return num(b.pow(k));
  }
  if (b.isZero()) {
    if (e.isNegative()) throw new QgeomError("DIVISION_BY_ZERO", `division by zero: 0 raised to a negative power; check the exponent sign or substitute a non-zero base`);
    return ZERO;
  }
  if (b.isOne()) return ONE;
  if (b.isNegative()) {
    // (-b)^e = (-1)^e · b^e for b > 0 (principal branch); (-1)^(1/2) = i.
    const sign = minusOnePow(e);
    return mul(sign, numPow(b.neg(), e));
  }
  // exact roots of numerator and denominator first: (n/d)^(p/q)
  const q = Number(e.den);
  const rn = exactRoot(b.num, q);
  const rd = exactRoot(b.den, q);
  if (rn !== null && rd !== null) return numPow(Rational.fromBig(rn, rd), Rational.fromBig(e.num, 1n));
  const top = b.num === 1n ? ONE : radicalOfInteger(b.num, e);
  const bottom = b.den === 1n ? ONE : radicalOfInteger(b.den, e.neg());
  return mul(top, bottom);
}

/** (-1)^e for rational e, principal branch: e^(iπe). */
function minusOnePow(e: Rational): Expr {
  // reduce e to (-1, 1]
  const two = Rational.TWO;
  let r = e.sub(two.mul(Rational.fromBig(e.div(two).floor())));
  if (r.cmp(Rational.ONE) > 0) r = r.sub(two);
  if (r.isZero()) return ONE;
  if (r.isOne()) return MINUS_ONE;
  if (r.equals(Rational.HALF)) return I;
  if (r.equals(Rational.HALF.neg())) return neg(I);
  return internPow(MINUS_ONE, num(r));
}

/**
 * The canonical power b^e, principal branch (b^e = exp(e·Log b)). Numeric powers are exact: integer
 * powers of rationals, radicals split into prime roots (√12 → 2√3), (−1)^(1/2) = i, i^k reduced mod 4.
 * (x^a)^e → x^(ae) only where valid (e an integer, or x > 0, or x real with a ∈ (−1, 1]);
 * (x^(2k))^r → |x|^(2kr) for real x; (xy)^n → x^n y^n for integer n; exp(u)^w → exp(uw) for real u.
 * Throws DIVISION_BY_ZERO for 0 to a negative power and SIZE_LIMIT when an exact power would exceed
 * about 2^20 bits.
 */
export function pow(b: Expr, e: Expr): Expr {
  if (e.kind === "num") {
    const ev = e.value;
    if (ev.isZero()) return ONE;
    if (ev.isOne()) return b;
    if (b.kind === "num") return numPow(b.value, ev);
    if (b.kind === "const" && b.name === "i" && ev.isInteger()) {
      const k = ((ev.toInteger() % 4) + 4) % 4;
      return k === 0 ? ONE : k === 1 ? I : k === 2 ? MINUS_ONE : neg(I);
    }
  }
  if (b.kind === "num") {
    if (b.value.isOne()) return ONE;
    if (b.value.isZero() && isPositive(e)) return ZERO;
  }
  switch (b.kind) {
    case "pow": {
      // (x^a)^b = x^(ab) if b is an integer, or if x > 0, or if x is real and a ∈ (-1, 1] (principal branch)
      const a = b.exp;
      const ok =
        (e.kind === "num" && e.value.isInteger()) ||
        (isPositive(b.base) && isReal(a) && isReal(e)) ||
        (isReal(b.base) && a.kind === "num" && a.value.cmp(Rational.MINUS_ONE) > 0 && a.value.cmp(Rational.ONE) <= 0 && isReal(e));
      if (ok) return pow(b.base, mul(a, e));
      if (isReal(b.base) && a.kind === "num" && e.kind === "num" && a.value.isInteger() && a.value.toInteger() % 2 === 0 && isReal(b.base)) {
        // (x^(2k))^r = |x|^(2kr) for real x
        return pow(fn("abs", b.base), mul(a, e));
      }
      break;
    }
    case "mul": {
      if (e.kind === "num" && e.value.isInteger()) return mul(...b.factors.map((f) => pow(f, e)));
      // (c·rest)^e = c^e · rest^e for the positive factors c (principal branch)
      const pos: Expr[] = [];
      const restF: Expr[] = [];
      for (const f of b.factors) {
        if (f.kind === "num" && f.value.isNegative() && !f.value.isMinusOne()) {
          pos.push(num(f.value.neg()));
          restF.push(MINUS_ONE);
        } else if (isPositive(f)) pos.push(f);
        else restF.push(f);
      }
      if (pos.length > 0 && isReal(e)) {
        const rest = mul(...restF);
        const restPow = rest.kind === "num" && rest.value.isOne() ? ONE : rest === b ? internPow(b, e) : pow(rest, e);
        return mul(...pos.map((f) => pow(f, e)), restPow);
      }
      break;
    }
    case "fn":
      // exp(u)^w = exp(u·w) for real u
      if (b.name === "exp" && b.dorders === null && isReal(b.args[0]!)) return exp(mul(b.args[0]!, e));
      // |x|^(2k) = x^(2k) for real x
      if (b.name === "abs" && e.kind === "num" && e.value.isInteger() && e.value.toInteger() % 2 === 0 && isReal(b.args[0]!))
        return pow(b.args[0]!, e);
      break;
  }
  return internPow(b, e);
}

/** The principal square root x^(1/2), canonicalised by {@link pow}: √12 = 2√3, √(x²) = |x| for real x. */
export function sqrt(x: Expr): Expr {
  return pow(x, HALF);
}

// ---------------------------------------------------------------------------------------------
// Function applications

/** exp(u) with exp(c·log v + rest) -> v^c · exp(rest). */
export function exp(u: Expr): Expr {
  if (u.kind === "num" && u.value.isZero()) return ONE;
  const terms = u.kind === "add" ? u.terms : [u];
  let logs: Expr[] | null = null;
  let rest: Expr[] | null = null;
  for (const t of terms) {
    const [c, r] = splitCoeff(t);
    if (r.kind === "fn" && r.name === "log" && r.dorders === null) (logs ??= []).push(pow(r.args[0]!, num(c)));
    else (rest ??= []).push(t);
  }
  if (logs === null) return internFn("exp", [u], null, 0);
  const restExpr = rest === null ? ZERO : add(...rest);
  return mul(...logs, restExpr.kind === "num" && restExpr.value.isZero() ? ONE : internFnExp(restExpr));
}
function internFnExp(u: Expr): Expr {
  return u.kind === "num" && u.value.isZero() ? ONE : internFn("exp", [u], null, 0);
}

/** log(u): log 1 = 0, log(e^u) = u (u real), log(c·rest) = log c + log rest (c > 0), log of a positive rational split into primes. */
export function log(u: Expr): Expr {
  if (u.kind === "num") {
    const v = u.value;
    if (v.isZero()) throw new QgeomError("DOMAIN", `log(0) is -infinity; the argument must be positive; pass a positive argument (use log(x) only where x > 0)`);
    if (v.isOne()) return ZERO;
    if (v.isNegative()) return internFn("log", [u], null, 0);
    const parts: Expr[] = [];
    const pushInt = (n: bigint, sign: number): void => {
      if (n === 1n) return;
      if (bitLength(n) > 200) {
        parts.push(mul(num(sign), internFn("log", [num(n)], null, 0)));
        return;
      }
      for (const [p, k] of factorInteger(n)) parts.push(mul(num(sign * k), internFn("log", [num(p)], null, 0)));
    };
    pushInt(v.num, 1);
    pushInt(v.den, -1);
    return add(...parts);
  }
  if (u.kind === "fn" && u.name === "exp" && u.dorders === null && isReal(u.args[0]!)) return u.args[0]!;
  if (u.kind === "pow" && isPositive(u.base) && isReal(u.exp)) return mul(u.exp, log(u.base));
  if (u.kind === "mul" && u.factors[0]!.kind === "num" && u.factors[0]!.value.isPositive()) {
    const [c, rest] = splitCoeff(u);
    return add(log(num(c)), log(rest));
  }
  if (u.kind === "mul" && u.factors.some(isPositive) && isReal(u)) {
    const pos = u.factors.filter(isPositive);
    const others = u.factors.filter((f) => !isPositive(f));
    return add(...pos.map(log), log(mul(...others)));
  }
  if (u.kind === "const" && u.name === "pi") return internFn("log", [u], null, 0);
  return internFn("log", [u], null, 0);
}

function factorial(n: number): Rational {
  if (n > 5000) throw new QgeomError("SIZE_LIMIT", `exact factorial too large: ${n}!; use lgamma(n + 1) or a floating-point value instead`);
  let r = 1n;
  for (let k = 2n; k <= BigInt(n); k++) r *= k;
  return Rational.fromBig(r);
}

/** Γ(x) at positive integers and half-integers, exactly; poles at non-positive integers are errors. */
function gammaAt(v: Rational): Expr | null {
  if (v.isInteger()) {
    if (!v.isPositive()) throw new QgeomError("DOMAIN", `gamma has a pole at ${v.toString()}; gamma is undefined at 0, -1, -2, …: choose another argument`);
    if (v.cmp(Rational.int(1000)) > 0) return null; // kept symbolic: Γ(n) for large n is too big to be useful exactly
    return num(factorial(v.toInteger() - 1));
  }
  if (v.den === 2n) {
    // Γ(n + 1/2) = (2n)! / (4^n n!) √π, and Γ(1/2 - n) = (-4)^n n! / (2n)! √π
    const n2 = v.sub(Rational.HALF); // integer
    if (n2.abs().cmp(Rational.int(1000)) > 0) return null;
    const n = n2.toInteger();
    if (n >= 0) return mul(num(factorial(2 * n).div(Rational.int(4).pow(n).mul(factorial(n)))), sqrt(PI));
    const m = -n;
    return mul(num(Rational.int(-4).pow(m).mul(factorial(m)).div(factorial(2 * m))), sqrt(PI));
  }
  return null;
}

/** ψ(n) = -γ + H_{n-1} for positive integers; ψ(1/2) = -γ - 2 log 2 and ψ(n+1/2) = ψ(1/2) + Σ 2/(2k-1). */
function digammaAt(v: Rational): Expr | null {
  if (v.isInteger()) {
    if (!v.isPositive()) throw new QgeomError("DOMAIN", `digamma has a pole at ${v.toString()}; digamma is undefined at 0, -1, -2, …: choose another argument`);
    if (v.cmp(Rational.int(1000)) > 0) return null;
    const n = v.toInteger();
    let h = Rational.ZERO;
    for (let k = 1; k < n; k++) h = h.add(Rational.of(1, k));
    return add(neg(EULER_GAMMA), num(h));
  }
  if (v.den === 2n && v.isPositive()) {
    if (v.cmp(Rational.int(1000)) > 0) return null;
    const n = v.sub(Rational.HALF).toInteger();
    let h = Rational.ZERO;
    for (let k = 1; k <= n; k++) h = h.add(Rational.of(2, 2 * k - 1));
    return add(neg(EULER_GAMMA), mul(num(-2), log(TWO)), num(h));
  }
  return null;
}

/** Applies a kernel or an opaque function. Kernel arities are checked; kernel rules are applied. */
export function fn(name: string, ...args: Expr[]): Expr {
  const info = isKernel(name) ? KERNELS[name]! : undefined;
  if (info === undefined) {
    if (!isValidIdentifier(name))
      throw new QgeomError("UNKNOWN_FUNCTION", `invalid function name ${excerpt(name, 30)}; use a letter followed by letters, digits or _`);
    return internFn(name, args, null, FLAG_OPAQUE);
  }
  if (info.arity >= 0 && args.length !== info.arity)
    throw new QgeomError("INVALID_ARGUMENT", `${name} takes ${info.arity} argument(s), got ${args.length}; pass exactly ${info.arity} argument(s)`);
  if (info.matrixNotation) {
    if (name === "matmul") {
      const flat = args.flatMap((a) => (a.kind === "fn" && a.name === "matmul" ? a.args : [a]));
      if (flat.length === 1) return flat[0]!;
      return internFn(name, flat, null, FLAG_MATRIX);
    }
    return internFn(name, args, null, FLAG_MATRIX);
  }
  const x = args[0]!;
  const xv = x.kind === "num" ? x.value : null;
  switch (name) {
    case "exp":
      return exp(x);
    case "log":
      return log(x);
    case "gamma":
      if (xv) {
        const g = gammaAt(xv);
        if (g) return g;
      }
      break;
    case "lgamma":
      if (xv && xv.isPositive()) {
        const g = gammaAt(xv);
        if (g) return log(g);
      }
      break;
    case "digamma":
      if (xv) {
        const d = digammaAt(xv);
        if (d) return d;
      }
      break;
    case "polygamma": {
      if (x.kind !== "num" || !x.value.isInteger() || x.value.isNegative())
        throw new QgeomError("INVALID_ARGUMENT", `polygamma order must be a non-negative integer, got ${excerpt(String(x))}; pass 0, 1, 2, … as the first argument`);
      if (x.value.isZero()) return fn("digamma", args[1]!);
      break;
    }
    case "multigamma":
    case "lmultigamma":
    case "multidigamma":
    case "cmultigamma":
    case "lcmultigamma": {
      const p = args[1]!;
      if (p.kind !== "num" || !p.value.isInteger() || !p.value.isPositive())
        throw new QgeomError("INVALID_ARGUMENT", `${name}(a, p): the dimension p must be a positive integer, got ${excerpt(String(p))}; pass p = 1, 2, 3, …`);
      if (p.value.isOne()) {
        // Γ_1 = Γ̃_1 = Γ
        if (name === "multigamma" || name === "cmultigamma") return fn("gamma", x);
        if (name === "multidigamma") return fn("digamma", x);
        return fn("lgamma", x);
      }
      break;
    }
    case "softplus":
      if (xv && xv.isZero()) return log(TWO);
      break;
    case "sigmoid":
      if (xv && xv.isZero()) return HALF;
      break;
    case "abs":
      if (xv) return num(xv.abs());
      if (isPositive(x)) return x;
      if (x.kind === "fn" && x.name === "abs") return x;
      if (x.kind === "mul" && x.factors[0]!.kind === "num" && isReal(x)) {
        const [c, rest] = splitCoeff(x);
        return mul(num(c.abs()), fn("abs", rest));
      }
      if (x.kind === "pow" && x.exp.kind === "num" && x.exp.value.isInteger() && x.exp.value.toInteger() % 2 === 0 && isReal(x.base))
        return x;
      break;
    case "sign":
      if (xv) return num(xv.sign());
      if (isPositive(x)) return ONE;
      break;
    case "sin":
    case "tan":
    case "sinh":
    case "tanh":
    case "atan":
    case "atanh":
      if (xv && xv.isZero()) return ZERO;
      break;
    case "cos":
    case "cosh":
      if (xv && xv.isZero()) return ONE;
      break;
    case "conj":
    case "re":
      if (isReal(x)) return x;
      break;
    case "im":
      if (isReal(x)) return ZERO;
      break;
  }
  return internFn(name, args, null, 0);
}

/** The formal partial derivative of an opaque function: orders[k] = order in argument k. */
export function fnDerivative(f: Fn, orders: readonly number[]): Expr {
  if (isKernel(f.name)) throw new QgeomError("INVALID_ARGUMENT", `${f.name} is a kernel, not an opaque function; differentiate the kernel with diff() instead`);
  if (orders.length !== f.args.length || orders.some((k) => !Number.isInteger(k) || k < 0))
    throw new QgeomError("INVALID_ARGUMENT", `derivative orders must be ${f.args.length} non-negative integers, got ${excerpt(orders)}; pass one order per argument`);
  if (orders.every((k) => k === 0)) return internFn(f.name, f.args, null, FLAG_OPAQUE);
  return internFn(f.name, f.args, orders, FLAG_OPAQUE);
}

// Named shortcuts for the kernels.
/** Euler's gamma function Γ(x); exact at positive integers and half-integers with |x| ≤ 1000 (Γ(n) = (n−1)!, Γ(1/2) = √π). Throws DOMAIN at a pole x ∈ {0, −1, −2, …}. */
export const gamma = (x: Expr): Expr => fn("gamma", x);
/** log Γ(x) (real for x > 0); exact where Γ(x) is, e.g. lgamma(3) = log 2. */
export const lgamma = (x: Expr): Expr => fn("lgamma", x);
/** The digamma function ψ(x) = Γ′(x)/Γ(x); exact at positive integers (ψ(n) = −γ + H_{n−1}) and half-integers. Throws DOMAIN at a pole. */
export const digamma = (x: Expr): Expr => fn("digamma", x);
/** The polygamma function ψ^(n)(x) = dⁿ⁺¹/dxⁿ⁺¹ log Γ(x); n must be a non-negative integer (else INVALID_ARGUMENT); ψ^(0) = ψ. */
export const polygamma = (n: Expr | number, x: Expr): Expr => fn("polygamma", typeof n === "number" ? num(n) : n, x);
/** softplus(x) = log(1 + e^x); softplus(0) = log 2. */
export const softplus = (x: Expr): Expr => fn("softplus", x);
/** The logistic sigmoid σ(x) = 1/(1 + e^(−x)); σ(0) = 1/2. */
export const sigmoid = (x: Expr): Expr => fn("sigmoid", x);
/** |x|; |c·u| = |c|·|u| for real u, |u| = u for u known positive, |x^(2k)| = x^(2k) for real x. */
export const abs = (x: Expr): Expr => fn("abs", x);
/** The complex conjugate x̄; conj(x) = x for real x (every expression free of i). */
export const conj = (x: Expr): Expr => fn("conj", x);

/**
 * The defining product/sum of a multivariate gamma kernel (MATH.md §1.8):
 * Γ_p(a) = π^(p(p-1)/4) Π_j Γ(a - (j-1)/2), log Γ_p, ψ_p(a) = Σ_j ψ(a - (j-1)/2),
 * Γ̃_p(a) = π^(p(p-1)/2) Π_j Γ(a - j + 1), log Γ̃_p.
 */
export function expandMultigamma(name: string, a: Expr, p: number): Expr {
  const js = Array.from({ length: p }, (_, j) => j);
  const shift = (j: number): Expr => (name === "cmultigamma" || name === "lcmultigamma" ? add(a, num(-j)) : add(a, num(Rational.of(-j, 2))));
  switch (name) {
    case "multigamma":
      return mul(pow(PI, num(Rational.of(p * (p - 1), 4))), ...js.map((j) => fn("gamma", shift(j))));
    case "cmultigamma":
      return mul(pow(PI, num(Rational.of(p * (p - 1), 2))), ...js.map((j) => fn("gamma", shift(j))));
    case "lmultigamma":
      return add(mul(num(Rational.of(p * (p - 1), 4)), log(PI)), ...js.map((j) => fn("lgamma", shift(j))));
    case "lcmultigamma":
      return add(mul(num(Rational.of(p * (p - 1), 2)), log(PI)), ...js.map((j) => fn("lgamma", shift(j))));
    case "multidigamma":
      return add(...js.map((j) => fn("digamma", shift(j))));
    default:
      throw new QgeomError("INVALID_ARGUMENT", `${name} is not a multivariate gamma kernel; use multigamma, lmultigamma, multidigamma, cmultigamma or lcmultigamma`);
  }
}
