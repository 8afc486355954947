// Rational functions N / Π f_i^k_i over Q, with the denominator kept factored into primitive polynomials
// (positive leading coefficient). Cancellation is by trial division against the known factors, which is
// exact and cheap; `reduce()` additionally runs polynomial gcds for a fully cancelled form.
import { QgeomError } from "./errors.js";
import { Poly, polyGcd } from "./poly.js";
import { Rational } from "./rational.js";

/** One factor p^k of a factored denominator. */
export interface DenFactor {
  /** The factor p: primitive (integer coefficients with gcd 1), non-constant, positive leading coefficient. */
  readonly p: Poly;
  /** Its multiplicity k ≥ 1. */
  readonly k: number;
}

function polyKey(p: Poly): string {
  const entries = [...p.terms.entries()].map(([k, c]) => k + ":" + c.toString());
  entries.sort();
  return entries.join(";");
}

/** Splits a polynomial into (rational content, monomial factors x_i^e, primitive remaining factor). */
function splitPoly(p: Poly): { c: Rational; factors: DenFactor[] } {
  const c = p.content();
  let q = p.scale(c.inv());
  const factors: DenFactor[] = [];
  // monomial content: min exponent of each variable
  const n = q.nvars;
  const mins = new Array<number>(n).fill(Infinity);
  for (const k of q.terms.keys()) for (let i = 0; i < n; i++) mins[i] = Math.min(mins[i]!, k.charCodeAt(i));
  const monoExps = mins.map((m) => (m === Infinity ? 0 : m));
  if (monoExps.some((e) => e > 0)) {
    const mono = Poly.monomial(n, monoExps, Rational.ONE);
    q = q.divExact(mono)!;
    monoExps.forEach((e, i) => {
      if (e > 0) factors.push({ p: Poly.variable(n, i), k: e });
    });
  }
  if (q.constantValue() === null) factors.push({ p: q, k: 1 });
  return { c, factors };
}

/**
 * An immutable rational function N / Π p_i^k_i over Q, with the denominator kept as a list of
 * distinct primitive factors (positive leading coefficient) and all rational content in N.
 * Cancellation is by trial division against the known factors (exact, cheap, but not always complete;
 * {@link RatFunc.reduce} runs polynomial gcds for a fully cancelled form). Zero is the unique form with N = 0.
 */
export class RatFunc {
  private constructor(
    /** The numerator N, carrying all rational content. */
    readonly num: Poly,
    /** The denominator Π p_i^k_i as its factors (empty for a polynomial). */
    readonly den: readonly DenFactor[],
  ) {}

  /** num / Π den^k (factors must be primitive with positive leading coefficient); cancels by trial division. */
  static fromParts(num: Poly, den: readonly DenFactor[]): RatFunc {
    const n = Math.max(num.nvars, ...den.map((f) => f.p.nvars));
    return RatFunc.make(num.extend(n), mergeFactors(den.map((f) => ({ p: f.p.extend(n), k: f.k }))));
  }

  /** The polynomial p as a rational function (denominator 1). */
  static poly(p: Poly): RatFunc {
    return new RatFunc(p, []);
  }
  /** The constant c in nvars variables. */
  static constant(nvars: number, c: Rational): RatFunc {
    return new RatFunc(Poly.constant(nvars, c), []);
  }
  /** Number of variables n. */
  get nvars(): number {
    return this.num.nvars;
  }
  /** True if this is identically zero (N = 0; exact, since N and the factors are kept exactly). */
  isZero(): boolean {
    return this.num.isZero();
  }
  /** True if the denominator is 1 (no factors left after cancellation). */
  isPolynomial(): boolean {
    return this.den.length === 0;
  }
  /** The value if this is a constant (polynomial of degree 0, or zero), else null. */
  constantValue(): Rational | null {
    return this.den.length === 0 ? this.num.constantValue() : null;
  }

  /** The same function in nvars ≥ this.nvars variables (new variables appended, not occurring). */
  extend(nvars: number): RatFunc {
    if (nvars === this.nvars) return this;
    return new RatFunc(
      this.num.extend(nvars),
      this.den.map((f) => ({ p: f.p.extend(nvars), k: f.k })),
    );
  }

  /** Builds num / Π den, cancelling by trial division. */
  private static make(num: Poly, den: DenFactor[]): RatFunc {
    if (num.isZero()) return new RatFunc(num, []);
    const out: DenFactor[] = [];
    for (const f of den) {
      let k = f.k;
      while (k > 0) {
        const q = num.divExact(f.p);
        if (q === null) break;
        num = q;
        k--;
      }
      if (k > 0) out.push({ p: f.p, k });
    }
    return new RatFunc(num, out);
  }

  private static align(a: RatFunc, b: RatFunc): [RatFunc, RatFunc] {
    const n = Math.max(a.nvars, b.nvars);
    return [a.extend(n), b.extend(n)];
  }

  /** this + o over the lcm of the factored denominators, then cancelled by trial division. */
  add(o: RatFunc): RatFunc {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    const [a, b] = RatFunc.align(this, o);
    if (a.den.length === 0 && b.den.length === 0) return new RatFunc(a.num.add(b.num), []);
    // lcm of the factored denominators
    const keys = new Map<string, { p: Poly; ka: number; kb: number }>();
    for (const f of a.den) keys.set(polyKey(f.p), { p: f.p, ka: f.k, kb: 0 });
    for (const f of b.den) {
      const key = polyKey(f.p);
      const e = keys.get(key);
      if (e) e.kb = f.k;
      else keys.set(key, { p: f.p, ka: 0, kb: f.k });
    }
    let na = a.num;
    let nb = b.num;
    const den: DenFactor[] = [];
    for (const { p, ka, kb } of keys.values()) {
      const K = Math.max(ka, kb);
      if (K > ka) na = na.mul(p.pow(K - ka));
      if (K > kb) nb = nb.mul(p.pow(K - kb));
      den.push({ p, k: K });
    }
    return RatFunc.make(na.add(nb), den);
  }
  /** −this. */
  neg(): RatFunc {
    return new RatFunc(this.num.neg(), this.den);
  }
  /** this − o. */
  sub(o: RatFunc): RatFunc {
    return this.add(o.neg());
  }
  /** c · this for a rational c. */
  scale(c: Rational): RatFunc {
    return new RatFunc(this.num.scale(c), c.isZero() ? [] : this.den);
  }
  /** this · o; each numerator is cancelled against the other's denominator factors before multiplying. */
  mul(o: RatFunc): RatFunc {
    const [a, b] = RatFunc.align(this, o);
    if (a.isZero() || b.isZero()) return new RatFunc(Poly.zero(a.nvars), []);
    const merged = new Map<string, { p: Poly; k: number }>();
    for (const f of [...a.den, ...b.den]) {
      const key = polyKey(f.p);
      const e = merged.get(key);
      if (e) e.k += f.k;
      else merged.set(key, { p: f.p, k: f.k });
    }
    // cancel each numerator against the other's denominator before multiplying
    let na = a.num;
    let nb = b.num;
    const den: DenFactor[] = [];
    for (const { p, k } of merged.values()) {
      let kk = k;
      for (const which of [0, 1] as const) {
        while (kk > 0) {
          const q = (which === 0 ? na : nb).divExact(p);
          if (q === null) break;
          if (which === 0) na = q;
          else nb = q;
          kk--;
        }
      }
      if (kk > 0) den.push({ p, k: kk });
    }
    return new RatFunc(na.mul(nb), den);
  }
  /** 1/this; the old numerator is split into content, monomial factors and a primitive rest. Throws DIVISION_BY_ZERO if this is identically zero. */
  inv(): RatFunc {
    if (this.isZero()) throw new QgeomError("DIVISION_BY_ZERO", `division by an expression that is identically zero; check the denominator, or substitute values that keep it non-zero`);
    const { c, factors } = splitPoly(this.num);
    let num = Poly.constant(this.nvars, c.inv());
    for (const f of this.den) num = num.mul(f.p.pow(f.k));
    return RatFunc.make(num, factors);
  }
  /** this / o; throws DIVISION_BY_ZERO if o is identically zero. */
  div(o: RatFunc): RatFunc {
    return this.mul(o.inv());
  }
  /** this^k for an integer k (else INVALID_ARGUMENT); negative k inverts first. */
  pow(k: number): RatFunc {
    if (!Number.isInteger(k)) throw new QgeomError("INVALID_ARGUMENT", `rational function power must be an integer, got ${k}; use an integer exponent (keep fractional powers out of rational functions)`);
    if (k < 0) return this.inv().pow(-k);
    if (k === 0) return RatFunc.constant(this.nvars, Rational.ONE);
    if (k === 1) return this;
    return new RatFunc(this.num.pow(k), this.den.map((f) => ({ p: f.p, k: f.k * k })));
  }

  /** The denominator as one polynomial. */
  denominator(): Poly {
    let d = Poly.one(this.nvars);
    for (const f of this.den) d = d.mul(f.p.pow(f.k));
    return d;
  }

  /** Value at a rational point; null if the denominator vanishes there. */
  evaluate(point: readonly Rational[]): Rational | null {
    let d = Rational.ONE;
    for (const f of this.den) {
      const v = f.p.evaluate(point);
      if (v.isZero()) return null;
      d = d.mul(v.pow(f.k));
    }
    return this.num.evaluate(point).div(d);
  }

  /** Fully cancelled form: gcds between the numerator and each denominator factor. */
  reduce(): RatFunc {
    let num = this.num;
    const out: DenFactor[] = [];
    for (const f of this.den) {
      let k = f.k;
      let p = f.p;
      while (k > 0) {
        const g = polyGcd(num, p);
        if (g.constantValue() !== null) break;
        num = num.divExact(g)!;
        const rest = p.divExact(g)!;
        // factor p = g · rest: g^k cancels once; keep rest^k (and g^(k-1)) in the denominator
        if (rest.constantValue() === null) out.push({ p: rest.primitive(), k });
        p = g;
        k--;
        if (k === 0) break;
      }
      if (k > 0) out.push({ p, k });
    }
    return RatFunc.make(num, mergeFactors(out));
  }

  /** Replaces the numerator (e.g. after reducing it by algebraic relations), cancelling again. */
  mapNumerator(f: (p: Poly) => Poly): RatFunc {
    return RatFunc.make(f(this.num), [...this.den]);
  }
}

function mergeFactors(fs: DenFactor[]): DenFactor[] {
  const m = new Map<string, { p: Poly; k: number }>();
  for (const f of fs) {
    const key = polyKey(f.p);
    const e = m.get(key);
    if (e) e.k += f.k;
    else m.set(key, { p: f.p, k: f.k });
  }
  return [...m.values()];
}
