// Sparse multivariate polynomials over Q. A monomial x0^e0 ... x(n-1)^e(n-1) is keyed by the string of
// char codes (e0, ..., e(n-1)), so string comparison is lexicographic order with x0 most significant.
import { QgeomError } from "./errors.js";
import { Rational, gcdBigint } from "./rational.js";

/** Resource limits of polynomial arithmetic (exceeding one throws SIZE_LIMIT or TIME_LIMIT); see {@link withPolyLimits}. */
export interface PolyLimits {
  /** Maximum number of terms any intermediate polynomial may reach (default 200 000). */
  maxTerms: number;
  /** Absolute time (performance.now() milliseconds) after which polynomial work stops with TIME_LIMIT. */
  deadline: number;
}

export const DEFAULT_POLY_LIMITS: PolyLimits = { maxTerms: 200_000, deadline: Infinity };
let limits: PolyLimits = DEFAULT_POLY_LIMITS;

/**
 * Runs `f` with temporary polynomial limits: the fields of `l` override the current limits (defaults
 * maxTerms 200 000, no deadline) until `f` returns or throws. Nested calls stack.
 */
export function withPolyLimits<T>(l: Partial<PolyLimits>, f: () => T): T {
  const saved = limits;
  limits = { ...saved, ...l };
  try {
    return f();
  } finally {
    limits = saved;
  }
}

let ticks = 0;
/** Called from the inner loops: stops work past the deadline (checked every 4096 ticks). */
function tick(): void {
  if ((++ticks & 4095) === 0 && limits.deadline !== Infinity && performance.now() > limits.deadline)
    throw new QgeomError("TIME_LIMIT", "polynomial arithmetic ran past its time budget; raise the time limit or use a probabilistic check");
}

function checkSize(n: number): void {
  tick();
  if (n > limits.maxTerms)
    throw new QgeomError(
      "SIZE_LIMIT",
      `polynomial has over ${limits.maxTerms} terms; raise the limit with the maxTerms option or use a probabilistic check`,
    );
}

const MAX_EXP = 0xfff0;

function keyOf(exps: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < exps.length; i++) s += String.fromCharCode(exps[i]!);
  return s;
}
/** Exponents are stored as UTF-16 code units: non-negative integers up to MAX_EXP. */
function checkExponent(e: number): void {
  if (!Number.isInteger(e) || e < 0 || e > MAX_EXP)
    throw new QgeomError("SIZE_LIMIT", `exponent ${e} is not an integer in 0..${MAX_EXP}; reduce the exponents or use a numeric check`);
}
function mulKeys(a: string, b: string): string {
  let s = "";
  for (let i = 0; i < a.length; i++) {
    const e = a.charCodeAt(i) + b.charCodeAt(i);
    if (e > MAX_EXP) throw new QgeomError("SIZE_LIMIT", `polynomial degree too large (over 65520 in one variable); reduce the exponents or use a numeric check`);
    s += String.fromCharCode(e);
  }
  return s;
}
/** a / b for monomials, or null if b does not divide a. */
function divKeys(a: string, b: string): string | null {
  let s = "";
  for (let i = 0; i < a.length; i++) {
    const e = a.charCodeAt(i) - b.charCodeAt(i);
    if (e < 0) return null;
    s += String.fromCharCode(e);
  }
  return s;
}
function keyDegree(k: string): number {
  let d = 0;
  for (let i = 0; i < k.length; i++) d += k.charCodeAt(i);
  return d;
}

/**
 * An immutable sparse multivariate polynomial over Q in the variables x_0, …, x_{nvars−1}. A monomial
 * is keyed by the string of its exponents as char codes (each exponent ≤ 65 520), so key comparison is
 * lexicographic order with x_0 most significant. Operations check the term limit of
 * {@link withPolyLimits} (SIZE_LIMIT) and its deadline (TIME_LIMIT). Both operands of a binary operation
 * must have the same `nvars` (use {@link Poly.extend}).
 */
export class Poly {
  private constructor(
    /** Number of variables n (monomial keys have length n). */
    readonly nvars: number,
    /** monomial key -> non-zero coefficient */
    readonly terms: ReadonlyMap<string, Rational>,
  ) {}

  /** The polynomial with the given key → coefficient map (zero coefficients are removed from `m`, which is taken over, not copied). */
  static fromMap(nvars: number, m: Map<string, Rational>): Poly {
    for (const [k, c] of m) if (c.isZero()) m.delete(k);
    checkSize(m.size);
    return new Poly(nvars, m);
  }
  /** The zero polynomial in nvars variables. */
  static zero(nvars: number): Poly {
    return new Poly(nvars, new Map());
  }
  /** The constant polynomial c in nvars variables. */
  static constant(nvars: number, c: Rational): Poly {
    const m = new Map<string, Rational>();
    if (!c.isZero()) m.set(keyOf(new Array(nvars).fill(0)), c);
    return new Poly(nvars, m);
  }
  /** The constant polynomial 1 in nvars variables. */
  static one(nvars: number): Poly {
    return Poly.constant(nvars, Rational.ONE);
  }
  /** x_i^k */
  static variable(nvars: number, i: number, k = 1): Poly {
    if (!Number.isInteger(i) || i < 0 || i >= nvars) throw new QgeomError("INVALID_ARGUMENT", `variable index ${i} is outside 0..${nvars - 1}; pass the index of one of the ${nvars} variables`);
    checkExponent(k);
    const e = new Array(nvars).fill(0);
    e[i] = k;
    return new Poly(nvars, new Map([[keyOf(e), Rational.ONE]]));
  }
  /** c · Π x_i^exps[i] (exps has one non-negative integer exponent per variable). */
  static monomial(nvars: number, exps: readonly number[], c: Rational): Poly {
    if (exps.length !== nvars) throw new QgeomError("SHAPE", `monomial has ${exps.length} exponents for ${nvars} variables; pass one exponent per variable`);
    exps.forEach(checkExponent);
    return Poly.fromMap(nvars, new Map([[keyOf(exps), c]]));
  }

  /** Number of non-zero terms. */
  get size(): number {
    return this.terms.size;
  }
  /** True for the zero polynomial (no terms). */
  isZero(): boolean {
    return this.terms.size === 0;
  }
  /** The constant value if the polynomial is constant, else null. */
  constantValue(): Rational | null {
    if (this.terms.size === 0) return Rational.ZERO;
    if (this.terms.size > 1) return null;
    const [k, c] = this.terms.entries().next().value as [string, Rational];
    return keyDegree(k) === 0 ? c : null;
  }
  /** True for the constant polynomial 1. */
  isOne(): boolean {
    const c = this.constantValue();
    return c !== null && c.isOne();
  }

  /** The exponent vector (e_0, …, e_{n−1}) of a monomial key. */
  static exps(key: string): number[] {
    const e: number[] = [];
    for (let i = 0; i < key.length; i++) e.push(key.charCodeAt(i));
    return e;
  }

  /** Grows the variable count (new variables appended). */
  extend(nvars: number): Poly {
    if (nvars === this.nvars) return this;
    const pad = String.fromCharCode(...new Array(nvars - this.nvars).fill(0));
    const m = new Map<string, Rational>();
    for (const [k, c] of this.terms) m.set(k + pad, c);
    return new Poly(nvars, m);
  }

  /** this + o. */
  add(o: Poly): Poly {
    if (o.terms.size === 0) return this;
    if (this.terms.size === 0) return o;
    const m = new Map(this.terms);
    for (const [k, c] of o.terms) {
      const p = m.get(k);
      if (p === undefined) m.set(k, c);
      else {
        const s = p.add(c);
        if (s.isZero()) m.delete(k);
        else m.set(k, s);
      }
    }
    checkSize(m.size);
    return new Poly(this.nvars, m);
  }
  /** −this. */
  neg(): Poly {
    const m = new Map<string, Rational>();
    for (const [k, c] of this.terms) m.set(k, c.neg());
    return new Poly(this.nvars, m);
  }
  /** this − o. */
  sub(o: Poly): Poly {
    return this.add(o.neg());
  }
  /** c · this for a rational c. */
  scale(c: Rational): Poly {
    if (c.isZero()) return Poly.zero(this.nvars);
    if (c.isOne()) return this;
    const m = new Map<string, Rational>();
    for (const [k, v] of this.terms) m.set(k, v.mul(c));
    return new Poly(this.nvars, m);
  }
  /** this · o (schoolbook product over the smaller operand's terms). */
  mul(o: Poly): Poly {
    if (this.terms.size === 0 || o.terms.size === 0) return Poly.zero(this.nvars);
    const cb = o.constantValue();
    if (cb !== null) return this.scale(cb);
    const ca = this.constantValue();
    if (ca !== null) return o.scale(ca);
    const [small, large] = this.terms.size <= o.terms.size ? [this, o] : [o, this];
    const m = new Map<string, Rational>();
    for (const [ka, ca2] of small.terms)
      for (const [kb, cb2] of large.terms) {
        const k = mulKeys(ka, kb);
        tick();
        const p = m.get(k);
        const prod = ca2.mul(cb2);
        m.set(k, p === undefined ? prod : p.add(prod));
      }
    return Poly.fromMap(this.nvars, m);
  }
  /** this^k for a natural number k (else INVALID_ARGUMENT), by repeated squaring; this^0 = 1. */
  pow(k: number): Poly {
    if (!Number.isInteger(k) || k < 0) throw new QgeomError("INVALID_ARGUMENT", `polynomial power must be a natural number, got ${k}; pass 0, 1, 2, …`);
    let result = Poly.one(this.nvars);
    let base: Poly = this;
    while (k > 0) {
      if (k & 1) result = result.mul(base);
      k >>= 1;
      if (k > 0) base = base.mul(base);
    }
    return result;
  }
  /** Equality of coefficients, term by term (operands with the same nvars). */
  equals(o: Poly): boolean {
    if (this.terms.size !== o.terms.size) return false;
    for (const [k, c] of this.terms) {
      const d = o.terms.get(k);
      if (d === undefined || !d.equals(c)) return false;
    }
    return true;
  }

  /** Leading monomial key in lex order (x0 > x1 > ...). */
  leadingKey(): string {
    let best: string | null = null;
    for (const k of this.terms.keys()) if (best === null || k > best) best = k;
    if (best === null) throw new QgeomError("INVALID_ARGUMENT", `the zero polynomial has no leading term; check for zero before asking for the leading term`);
    return best;
  }
  /** Coefficient of the lex-leading monomial (see {@link Poly.leadingKey}); INVALID_ARGUMENT for the zero polynomial. */
  leadingCoeff(): Rational {
    return this.terms.get(this.leadingKey())!;
  }
  /** Total degree max Σ_i e_i over the terms (0 for constants and for the zero polynomial). */
  totalDegree(): number {
    let d = 0;
    for (const k of this.terms.keys()) d = Math.max(d, keyDegree(k));
    return d;
  }
  /** Degree in variable x_i (0 if x_i does not occur). */
  degreeIn(i: number): number {
    let d = 0;
    for (const k of this.terms.keys()) d = Math.max(d, k.charCodeAt(i));
    return d;
  }
  /** Indices of variables that occur. */
  variables(): number[] {
    const used = new Array<boolean>(this.nvars).fill(false);
    for (const k of this.terms.keys()) for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) > 0) used[i] = true;
    return used.flatMap((u, i) => (u ? [i] : []));
  }

  /** Exact division: this / d if d divides this in Q[x], else null. */
  divExact(d: Poly): Poly | null {
    if (d.isZero()) throw new QgeomError("DIVISION_BY_ZERO", `polynomial division by zero; check the divisor is non-zero`);
    const dc = d.constantValue();
    if (dc !== null) return this.scale(dc.inv());
    if (this.isZero()) return this;
    const dk = d.leadingKey();
    const dcInv = d.terms.get(dk)!.inv();
    const rem = new Map(this.terms);
    const q = new Map<string, Rational>();
    const heap = new KeyHeap();
    for (const k of rem.keys()) heap.push(k);
    for (;;) {
      const lk = heap.pop();
      if (lk === undefined) break;
      const lc = rem.get(lk);
      if (lc === undefined) continue; // cancelled since it was pushed
      const mk = divKeys(lk, dk);
      if (mk === null) return null;
      const c = lc.mul(dcInv);
      q.set(mk, c);
      checkSize(q.size);
      for (const [k, v] of d.terms) {
        tick();
        const kk = mulKeys(mk, k);
        const prev = rem.get(kk);
        const nv = (prev ?? Rational.ZERO).sub(v.mul(c));
        if (nv.isZero()) rem.delete(kk);
        else {
          if (prev === undefined) heap.push(kk);
          rem.set(kk, nv);
        }
      }
      checkSize(rem.size);
    }
    return new Poly(this.nvars, q);
  }

  /** gcd of numerators / lcm of denominators of the coefficients, with the sign of the leading coefficient. */
  content(): Rational {
    if (this.isZero()) return Rational.ONE;
    let g = 0n;
    let l = 1n;
    for (const c of this.terms.values()) {
      g = gcdBigint(g, c.num);
      const den = c.den;
      l = (l / gcdBigint(l, den)) * den;
    }
    const r = Rational.fromBig(g, l);
    return this.leadingCoeff().isNegative() ? r.neg() : r;
  }
  /** this / content: integer coefficients with gcd 1 and positive leading coefficient. */
  primitive(): Poly {
    if (this.isZero()) return this;
    return this.scale(this.content().inv());
  }
  /** Makes the leading coefficient 1. */
  monic(): Poly {
    if (this.isZero()) return this;
    return this.scale(this.leadingCoeff().inv());
  }

  /** The exact value at a rational point (point[i] is the value of x_i). */
  evaluate(point: readonly Rational[]): Rational {
    let s = Rational.ZERO;
    const powCache: Map<number, Rational>[] = point.map(() => new Map());
    for (const [k, c] of this.terms) {
      let t = c;
      for (let i = 0; i < k.length; i++) {
        const e = k.charCodeAt(i);
        if (e === 0) continue;
        let p = powCache[i]!.get(e);
        if (p === undefined) {
          p = point[i]!.pow(e);
          powCache[i]!.set(e, p);
        }
        t = t.mul(p);
      }
      s = s.add(t);
    }
    return s;
  }

  /** Coefficients as polynomials in the other variables, by degree in variable i. */
  coefficientsIn(i: number): Map<number, Poly> {
    const out = new Map<number, Map<string, Rational>>();
    for (const [k, c] of this.terms) {
      const e = k.charCodeAt(i);
      const k2 = k.slice(0, i) + "\u0000" + k.slice(i + 1);
      let m = out.get(e);
      if (!m) out.set(e, (m = new Map()));
      m.set(k2, c);
    }
    const res = new Map<number, Poly>();
    for (const [e, m] of out) res.set(e, new Poly(this.nvars, m));
    return res;
  }
  /** Σ_e coeffs[e] · x_i^e (coefficients must not contain x_i). */
  static fromCoefficientsIn(nvars: number, i: number, coeffs: ReadonlyMap<number, Poly>): Poly {
    let r = Poly.zero(nvars);
    for (const [e, p] of coeffs) if (!p.isZero()) r = r.add(p.mul(Poly.variable(nvars, i, e)));
    return r;
  }

  /** Partial derivative with respect to variable i. */
  derivative(i: number): Poly {
    const m = new Map<string, Rational>();
    for (const [k, c] of this.terms) {
      const e = k.charCodeAt(i);
      if (e === 0) continue;
      const k2 = k.slice(0, i) + String.fromCharCode(e - 1) + k.slice(i + 1);
      m.set(k2, c.mul(Rational.int(e)));
    }
    return new Poly(this.nvars, m);
  }
}

// ---------------------------------------------------------------------------------------------
// GCD: recursive primitive polynomial remainder sequences (content and primitive part per variable).

/** Pseudo-remainder of a by b in variable v: lc(b)^(deg a - deg b + 1) · a mod b. */
function pseudoRem(a: Poly, b: Poly, v: number): Poly {
  const db = b.degreeIn(v);
  const bc = b.coefficientsIn(v);
  const lcb = bc.get(db)!;
  let r = a;
  let dr = r.degreeIn(v);
  while (!r.isZero() && dr >= db) {
    const rc = r.coefficientsIn(v);
    const lcr = rc.get(dr)!;
    // r = lcb·r - lcr·x^(dr-db)·b
    r = r.mul(lcb).sub(lcr.mul(Poly.variable(r.nvars, v, dr - db)).mul(b));
    dr = r.isZero() ? -1 : r.degreeIn(v);
  }
  return r;
}

/** Content of a with respect to variable v: gcd of its coefficients (polynomials in the other variables). */
function contentIn(a: Poly, v: number): Poly {
  let g: Poly | null = null;
  for (const c of a.coefficientsIn(v).values()) {
    g = g === null ? c.primitive() : polyGcd(g, c);
    if (g.constantValue() !== null) return Poly.one(a.nvars);
  }
  return g ?? Poly.zero(a.nvars);
}

/**
 * gcd(a, b) in Q[x], normalised to a primitive polynomial with positive leading coefficient
 * (gcd with a non-zero constant is 1).
 */
export function polyGcd(a: Poly, b: Poly): Poly {
  if (a.isZero()) return b.primitive();
  if (b.isZero()) return a.primitive();
  if (a.constantValue() !== null || b.constantValue() !== null) return Poly.one(a.nvars);
  // quick exits: one divides the other
  const ap = a.primitive();
  const bp = b.primitive();
  if (ap.equals(bp)) return ap;
  if (ap.size <= bp.size ? bp.divExact(ap) !== null : false) return ap;
  if (bp.size < ap.size ? ap.divExact(bp) !== null : false) return bp;
  const va = ap.variables();
  const vb = new Set(bp.variables());
  const common = va.filter((v) => vb.has(v));
  if (common.length === 0) return Poly.one(a.nvars);
  // variable of lowest degree as the main variable keeps the sequence short
  let v = common[0]!;
  let best = Infinity;
  for (const u of common) {
    const d = Math.min(ap.degreeIn(u), bp.degreeIn(u));
    if (d < best) [best, v] = [d, u];
  }
  // variables occurring in only one of them must divide out through the content
  const ca = contentIn(ap, v);
  const cb = contentIn(bp, v);
  const c = polyGcd(ca, cb);
  let p = ap.divExact(ca)!;
  let q = bp.divExact(cb)!;
  if (p.degreeIn(v) < q.degreeIn(v)) [p, q] = [q, p];
  while (!q.isZero() && q.degreeIn(v) > 0) {
    const r = pseudoRem(p, q, v);
    p = q;
    q = r.isZero() ? r : r.divExact(contentIn(r, v))!;
  }
  // q is zero (p is the gcd up to content) or a non-zero polynomial free of v (gcd is 1 in v)
  const g = q.isZero() ? p.divExact(contentIn(p, v))!.primitive() : Poly.one(a.nvars);
  return c.mul(g).primitive();
}

/** Max-heap of monomial keys; a key is held at most once at a time. */
class KeyHeap {
  private readonly a: string[] = [];
  private readonly inHeap = new Set<string>();
  push(k: string): void {
    if (this.inHeap.has(k)) return;
    this.inHeap.add(k);
    const a = this.a;
    a.push(k);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! >= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): string | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! > a[m]!) m = l;
        if (r < a.length && a[r]! > a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    this.inHeap.delete(top);
    return top;
  }
}
