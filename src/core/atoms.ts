// Expressions as rational functions over "atoms". Every non-rational part of an expression becomes an
// extra variable, chosen so that exact algebra with it is sound:
//   exp(c0 + Σ c_i t_i)      -> Π E_i^(c_i L_i)        E_i = exp(t_i / L_i), L_i = lcm of denominators
//   b^E (E symbolic)         -> exp(E log b)            (principal branch)
//   x^(p/q), x a symbol      -> w^(pL/q)                w = x^(1/L), and x itself = w^L
//   b^(p/q), b not a symbol  -> w^(pL/q)                with the relation w^L = b (reduced in numerators)
//   i                        -> w                       with w^2 = -1
//   sigmoid u = E/(1+E), tanh, sinh, cosh through E = exp(u); softplus u = log(1 + exp(u))
//   Γ(u + k), log Γ(u + k), ψ(u + k), ψ^(n)(u + k) -> shifted to 0 <= frac(u) < 1 by the recurrences
//   log u, |u|, opaque f(u), ... -> one variable per distinct (expanded) argument
// Zero of the resulting rational function (after reducing by the relations) proves the identity: each
// atom stands for a fixed function, so a polynomial identity in the atoms holds for their values.
// The converse does not hold (atoms may satisfy relations we do not know), so a non-zero result is
// never by itself a refutation. For an identity N/D = 0 only the numerator matters, so the zero test
// reduces the numerator of the difference modulo the relations; when the relations generate a prime ideal
// (independent radicals: √2, √3, i, √(x+1), nested √(1+√2)) that reduction is complete for the atoms,
// and rationalising denominators (Algebra.rationalise, used by together/cancel for presentation) could
// not prove more: it would only add the risk of multiplying by a conjugate that vanishes.
import { QgeomError } from "./errors.js";
import { type Expr, add, mul, pow, log, exp, num, ONE, ZERO, MINUS_ONE, splitCoeff, fn, expandMultigamma } from "./build.js";
import { type Fn, freeSymbols, internSym, postOrder } from "./expr.js";
import { expand, rebuildFn } from "./expand.js";
import { Poly } from "./poly.js";
import { type DenFactor, RatFunc } from "./ratfunc.js";
import { type Complex, evaluateComplex } from "./eval.js";
import { Rational } from "./rational.js";

/** The arithmetic the conversion is written against (rational functions, values at a point, degree bounds). */
export interface Field<T> {
  constant(c: Rational): T;
  variable(index: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  inv(a: T): T;
  pow(a: T, k: number): T;
}

/**
 * The algebraic relation w^L = base satisfied by a radical atom w = base^(1/L) (base not a symbol, e.g.
 * w = 2^(1/2) with w² = 2, or w = i with w² = −1). Numerators are reduced modulo these relations.
 * Exported from the package as `AtomRelation`.
 */
export interface Relation {
  /** The root index L of w = base^(1/L) (2 for square roots and for i). */
  L: number;
  /** The radicand: the expression whose L-th root the atom w stands for. */
  base: Expr;
}

/** A small deterministic generator (splitmix32) for the sample points of the rationalisation guard. */
function splitmix(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

function lcm(a: number, b: number): number {
  const g = (x: number, y: number): number => (y === 0 ? x : g(y, x % y));
  return (a / g(a, b)) * b;
}

function denNumber(r: Rational): number {
  const d = r.den;
  if (d > 1_000_000n) throw new QgeomError("SIZE_LIMIT", `exponent denominator ${d} is too large for exact algebra; use a floating-point exponent or a simpler fraction`);
  return Number(d);
}

/** Terms of an expanded sum as (coefficient, rest) pairs; rest === ONE for the constant. */
function linearTerms(u: Expr): Array<[Rational, Expr]> {
  const e = expand(u);
  const ts = e.kind === "add" ? e.terms : [e];
  return ts.map(splitCoeff);
}

/** The registry of atoms shared by all fields for one set of expressions. */
export class AtomTable {
  /** The atoms in variable order: vars[k] is the expression (display form) that variable x_k stands for. */
  readonly vars: Expr[] = [];
  private readonly index = new Map<Expr, number>();
  /** The algebraic relations of the radical atoms, by variable index (see {@link Relation}). */
  readonly relations = new Map<number, Relation>();
  private readonly symRoot = new Map<string, number>();
  private readonly expDen = new Map<Expr, number>();
  private readonly baseDen = new Map<Expr, number>();

  constructor(exprs: readonly Expr[]) {
    for (const x of postOrder(exprs)) this.scan(x);
    // symbols first, alphabetically, so that lex order (and hence the sign normalisation of factors)
    // does not depend on traversal order: a·c - b² rather than b² - a·c
    const names = new Set<string>();
    for (const e of exprs) for (const s of freeSymbols(e)) names.add(s);
    for (const name of [...names].sort()) {
      const L = this.symbolRoot(name);
      const x = internSym(name); // the name of an existing symbol (verify's internal "$t" included)
      this.variable(L === 1 ? x : pow(x, num(Rational.of(1, L))));
    }
  }

  private note(map: Map<Expr, number>, key: Expr, d: number): void {
    map.set(key, lcm(map.get(key) ?? 1, d));
  }

  private scanExpArg(u: Expr): void {
    for (const [c, rest] of linearTerms(u)) this.note(this.expDen, rest, denNumber(c));
  }

  /** Records the denominators that fix the atoms' roots (pass 1). */
  private scan(x: Expr): void {
    if (x.kind === "pow") {
      if (x.exp.kind === "num") {
        const r = x.exp.value;
        if (!r.isInteger()) {
          if (x.base.kind === "sym") this.symRoot.set(x.base.name, lcm(this.symRoot.get(x.base.name) ?? 1, denNumber(r)));
          else this.note(this.baseDen, x.base, denNumber(r));
        }
      } else {
        for (const [c, rest] of linearTerms(x.exp)) {
          if (rest === ONE) {
            if (!c.isInteger()) {
              if (x.base.kind === "sym") this.symRoot.set(x.base.name, lcm(this.symRoot.get(x.base.name) ?? 1, denNumber(c)));
              else this.note(this.baseDen, x.base, denNumber(c));
            }
          } else this.note(this.expDen, mul(rest, log(x.base)), denNumber(c));
        }
      }
    } else if (x.kind === "fn" && x.dorders === null) {
      const u = x.args[0]!;
      switch (x.name) {
        case "exp":
        case "sigmoid":
        case "sinh":
        case "cosh":
          this.scanExpArg(u);
          break;
        case "tanh":
          this.scanExpArg(mul(num(2), u));
          break;
        case "multigamma":
        case "lmultigamma":
        case "multidigamma":
        case "cmultigamma":
        case "lcmultigamma": {
          // the conversion expands the kernel (π^{p(p−1)/4} Π Γ(a − (j−1)/2)): its radicals must be seen here too
          const p = x.args[1];
          if (p !== undefined && p.kind === "num" && p.value.isInteger())
            for (const y of postOrder([expandMultigamma(x.name, u, p.value.toInteger())])) this.scan(y);
          break;
        }
      }
    }
  }

  /** Index of the variable standing for `key` (display form `display`), allocated on first use. */
  variable(key: Expr, display: Expr = key, relation?: Relation): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.vars.length;
      this.vars.push(display);
      this.index.set(key, i);
      if (relation) this.relations.set(i, relation);
    }
    return i;
  }

  /** The root L chosen for symbol `name`: its atom is w = name^(1/L) (lcm of the denominators of its rational exponents; 1 if none). */
  symbolRoot(name: string): number {
    return this.symRoot.get(name) ?? 1;
  }
  /** For exponentials exp(c·rest): the L with atom E = exp(rest/L) (lcm of the seen denominators of c); undefined if rest was not seen in the scan. */
  expRoot(rest: Expr): number | undefined {
    return this.expDen.get(rest);
  }
  /** For a non-symbol radicand b: the L with atom w = b^(1/L) and relation w^L = b (lcm of the seen exponent denominators; 1 if none). */
  radicalRoot(base: Expr): number {
    return this.baseDen.get(base) ?? 1;
  }
  /** Number of atoms (variables) allocated so far; it grows as expressions are converted. */
  get nvars(): number {
    return this.vars.length;
  }
}

/** Converts expressions into a field, through the atoms of an AtomTable. */
export class Atomizer<T> {
  private readonly memo = new Map<Expr, T>();
  constructor(
    readonly table: AtomTable,
    readonly F: Field<T>,
  ) {}

  private v(key: Expr, display?: Expr, relation?: Relation): T {
    return this.F.variable(this.table.variable(key, display, relation));
  }
  private powInt(a: T, k: number): T {
    return k === 1 ? a : this.F.pow(a, k);
  }

  convert(e: Expr): T {
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit;
    const r = this.convertNode(e);
    this.memo.set(e, r);
    return r;
  }

  private convertNode(e: Expr): T {
    const F = this.F;
    switch (e.kind) {
      case "num":
        return F.constant(e.value);
      case "const":
        if (e.name === "i") return this.v(e, e, { L: 2, base: MINUS_ONE });
        return this.v(e);
      case "sym": {
        const L = this.table.symbolRoot(e.name);
        if (L === 1) return this.v(e);
        const w = pow(e, num(Rational.of(1, L)));
        return this.powInt(this.v(w), L);
      }
      case "add": {
        let acc = this.convert(e.terms[0]!);
        for (let i = 1; i < e.terms.length; i++) acc = F.add(acc, this.convert(e.terms[i]!));
        return acc;
      }
      case "mul": {
        let acc = this.convert(e.factors[0]!);
        for (let i = 1; i < e.factors.length; i++) acc = F.mul(acc, this.convert(e.factors[i]!));
        return acc;
      }
      case "pow":
        return this.convertPow(e.base, e.exp);
      case "fn":
        return this.convertFn(e);
    }
  }

  private convertPow(b: Expr, ex: Expr): T {
    const F = this.F;
    if (ex.kind === "num") {
      const r = ex.value;
      if (r.isInteger()) return F.pow(this.convert(b), r.toInteger());
      if (b.kind === "sym") {
        const L = this.table.symbolRoot(b.name);
        const w = pow(b, num(Rational.of(1, L)));
        return F.pow(this.v(w), r.mul(Rational.int(L)).toInteger());
      }
      const L = this.table.radicalRoot(b);
      const w = pow(b, num(Rational.of(1, L)));
      return F.pow(this.v(w, w, { L, base: b }), r.mul(Rational.int(L)).toInteger());
    }
    // b^E = exp(E log b): numeric part of E as a power of b, the rest as exponential atoms
    let acc = F.constant(Rational.ONE);
    for (const [c, rest] of linearTerms(ex)) {
      if (rest === ONE) acc = F.mul(acc, this.convertPow(b, num(c)));
      else acc = F.mul(acc, this.expAtom(mul(rest, log(b)), c));
    }
    return acc;
  }

  /** exp(c · rest) for a non-numeric canonical term rest. */
  private expAtom(rest: Expr, c: Rational): T {
    const L = this.table.expRoot(rest);
    if (L !== undefined) {
      const k = c.mul(Rational.int(L));
      if (k.isInteger()) {
        const w = exp(mul(num(Rational.of(1, L)), rest));
        return this.F.pow(this.v(w), k.toInteger());
      }
    }
    // not seen in the scan (or incompatible root): an atom of its own
    const w = exp(mul(num(c), rest));
    return this.v(w);
  }

  /** exp(u) as a product of exponential atoms. */
  private expOf(u: Expr): T {
    let acc = this.F.constant(Rational.ONE);
    for (const [c, rest] of linearTerms(u)) acc = this.F.mul(acc, this.expAtom(rest, c));
    return acc;
  }

  /** Splits u = rest + c0 into the shifted argument rest + frac (0 <= frac < 1) and the integer shift k. */
  private shift(u: Expr): { base: Expr; k: number } {
    const ts = linearTerms(u);
    let c0 = Rational.ZERO;
    const rest: Expr[] = [];
    for (const [c, r] of ts) {
      if (r === ONE) c0 = c0.add(c);
      else rest.push(mul(num(c), r));
    }
    const k = c0.floor();
    if (k > 100000n || k < -100000n) return { base: u, k: 0 };
    const frac = c0.sub(Rational.fromBig(k));
    return { base: add(...rest, num(frac)), k: Number(k) };
  }

  private convertFn(e: Fn): T {
    const F = this.F;
    if (e.dorders !== null) return this.v(rebuildFn(e, e.args.map((a) => expand(a))));
    const u = e.args[0]!;
    switch (e.name) {
      case "exp":
        return this.expOf(u);
      case "sigmoid": {
        const E = this.expOf(u);
        return F.mul(E, F.inv(F.add(F.constant(Rational.ONE), E)));
      }
      case "tanh": {
        const E2 = this.expOf(mul(num(2), u));
        const one = F.constant(Rational.ONE);
        return F.mul(F.add(E2, F.neg(one)), F.inv(F.add(E2, one)));
      }
      case "sinh":
      case "cosh": {
        const E = this.expOf(u);
        const Einv = F.inv(E);
        const s = e.name === "sinh" ? F.add(E, F.neg(Einv)) : F.add(E, Einv);
        return F.mul(s, F.constant(Rational.HALF));
      }
      case "softplus":
        return this.logAtom(add(ONE, exp(u)));
      case "log":
        return this.logAtom(u);
      case "gamma":
      case "lgamma":
      case "digamma":
        return this.gammaFamily(e.name, u, null);
      case "multigamma":
      case "lmultigamma":
      case "multidigamma":
      case "cmultigamma":
      case "lcmultigamma":
        return this.convert(expandMultigamma(e.name, u, (e.args[1] as { value: Rational }).value.toInteger()));
      case "polygamma": {
        const n = e.args[0]!;
        if (n.kind !== "num") return this.v(e);
        return this.gammaFamily("polygamma", e.args[1]!, n.value.toInteger());
      }
      default:
        return this.v(rebuildFn(e, e.args.map((a) => expand(a))));
    }
  }

  private logAtom(u: Expr): T {
    const key = log(expand(u));
    if (key.kind === "fn" && key.name === "log") return this.v(key);
    return this.convert(key); // log simplified (e.g. log(exp(x)) = x)
  }

  /** Γ, log Γ, ψ, ψ^(n) at u = base + k with the recurrences Γ(x+1) = xΓ(x), ψ^(n)(x+1) = ψ^(n)(x) + (-1)^n n!/x^(n+1). */
  private gammaFamily(name: string, u: Expr, order: number | null): T {
    const F = this.F;
    const { base, k } = this.shift(u);
    const atomExpr = order === null ? fn(name, base) : fn("polygamma", num(order), base);
    // construction may have evaluated it (Γ(1) = 1, ψ^(0) = ψ): then convert what it became
    const isAtom = atomExpr.kind === "fn" && atomExpr.name === name && atomExpr.dorders === null;
    let acc = isAtom ? this.v(atomExpr) : this.convert(atomExpr);
    const steps = k > 0 ? Array.from({ length: k }, (_, j) => j) : Array.from({ length: -k }, (_, j) => k + j);
    const sign = k > 0 ? 1 : -1;
    for (const j of steps) {
      const xj = this.convert(add(base, num(j)));
      switch (name) {
        case "gamma":
          acc = sign > 0 ? F.mul(acc, xj) : F.mul(acc, F.inv(xj));
          break;
        case "lgamma": {
          const l = this.logAtom(add(base, num(j)));
          acc = F.add(acc, sign > 0 ? l : F.neg(l));
          break;
        }
        case "digamma": {
          const t = F.inv(xj);
          acc = F.add(acc, sign > 0 ? t : F.neg(t));
          break;
        }
        case "polygamma": {
          const n = order!;
          let nf = Rational.ONE;
          for (let m = 2; m <= n; m++) nf = nf.mul(Rational.int(m));
          const t = F.mul(F.constant(n % 2 === 0 ? nf : nf.neg()), F.inv(F.pow(xj, n + 1)));
          acc = F.add(acc, sign > 0 ? t : F.neg(t));
          break;
        }
      }
    }
    return acc;
  }
}

// ---------------------------------------------------------------------------------------------
// The three fields.

/** Exact rational functions over the atoms (grows the variable count as atoms appear). */
export class RatFuncField implements Field<RatFunc> {
  constructor(private readonly table: AtomTable) {}
  constant(c: Rational): RatFunc {
    return RatFunc.constant(this.table.nvars, c);
  }
  variable(i: number): RatFunc {
    return RatFunc.poly(Poly.variable(this.table.nvars, i));
  }
  add(a: RatFunc, b: RatFunc): RatFunc {
    return a.add(b);
  }
  mul(a: RatFunc, b: RatFunc): RatFunc {
    return a.mul(b);
  }
  neg(a: RatFunc): RatFunc {
    return a.neg();
  }
  inv(a: RatFunc): RatFunc {
    return a.inv();
  }
  pow(a: RatFunc, k: number): RatFunc {
    return a.pow(k);
  }
}

/** Thrown by PointField when a denominator vanishes at the sample point. */
export class PoleAtPoint extends Error {}

/** Values at one rational point (atoms get independent random values). */
export class PointField implements Field<Rational> {
  constructor(private readonly valueOf: (i: number) => Rational) {}
  constant(c: Rational): Rational {
    return c;
  }
  variable(i: number): Rational {
    return this.valueOf(i);
  }
  add(a: Rational, b: Rational): Rational {
    return a.add(b);
  }
  mul(a: Rational, b: Rational): Rational {
    return a.mul(b);
  }
  neg(a: Rational): Rational {
    return a.neg();
  }
  inv(a: Rational): Rational {
    if (a.isZero()) throw new PoleAtPoint();
    return a.inv();
  }
  pow(a: Rational, k: number): Rational {
    if (k < 0 && a.isZero()) throw new PoleAtPoint();
    return a.pow(k);
  }
}

/** Upper bounds on the total degrees of numerator and denominator (for the Schwartz–Zippel bound). */
export interface DegreeBound {
  n: number;
  d: number;
}
export const degreeField: Field<DegreeBound> = {
  constant: () => ({ n: 0, d: 0 }),
  variable: () => ({ n: 1, d: 0 }),
  add: (a, b) => ({ n: Math.max(a.n + b.d, b.n + a.d), d: a.d + b.d }),
  mul: (a, b) => ({ n: a.n + b.n, d: a.d + b.d }),
  neg: (a) => a,
  inv: (a) => ({ n: a.d, d: a.n }),
  pow: (a, k) => (k >= 0 ? { n: a.n * k, d: a.d * k } : { n: a.d * -k, d: a.n * -k }),
};

// ---------------------------------------------------------------------------------------------
// Rational-function view: conversion, relation reduction, and back to expressions.

/**
 * Exact algebra on a set of expressions as rational functions over their atoms (the conversion table at
 * the top of atoms.ts): {@link Algebra.toRatFunc} converts and reduces by the radical relations, and
 * {@link Algebra.toExpr} converts back. A zero rational function proves an expression identically zero;
 * a non-zero one does not prove the converse, since atoms may satisfy relations not known here.
 * The constructor scans `exprs` to fix the roots of the atoms; convert only expressions built from the
 * same atoms.
 */
export class Algebra {
  /** The atom table shared by every conversion of this algebra. */
  readonly table: AtomTable;
  private readonly atomizer: Atomizer<RatFunc>;
  private relPolys: Map<number, { L: number; base: RatFunc }> | null = null;

  constructor(exprs: readonly Expr[]) {
    this.table = new AtomTable(exprs);
    this.atomizer = new Atomizer(this.table, new RatFuncField(this.table));
  }

  /** e as a rational function over the atoms, reduced by the algebraic relations. */
  toRatFunc(e: Expr): RatFunc {
    return this.reduceRelations(this.atomizer.convert(e));
  }

  private relations(): Map<number, { L: number; base: RatFunc }> {
    // relation bases are converted lazily (they may introduce atoms themselves)
    const out = this.relPolys ?? new Map<number, { L: number; base: RatFunc }>();
    for (const [i, rel] of this.table.relations) if (!out.has(i)) out.set(i, { L: rel.L, base: this.atomizer.convert(rel.base) });
    this.relPolys = out;
    return out;
  }

  /**
   * Reduces the numerator modulo w^L = base for every algebraic atom w whose base is a polynomial, until
   * no atom occurs to a power ≥ its L (a base may contain another radical atom, e.g. √(1+√2), so one
   * pass per relation is not enough when the inner atom was reduced first).
   */
  reduceRelations(r: RatFunc): RatFunc {
    if (this.table.relations.size === 0) return r;
    this.relations();
    const n = this.table.nvars;
    return r.extend(n).mapNumerator((p) => this.reducePoly(p));
  }

  /** The polynomial p reduced modulo the relations w^L = base (polynomial bases only); see {@link reduceRelations}. */
  reducePoly(p: Poly): Poly {
    if (this.table.relations.size === 0) return p;
    const rels = this.relations();
    const n = this.table.nvars;
    let q = p.extend(n);
    // each pass strictly lowers the degree in every reduced atom's own variable; bases of nested radicals
    // only involve inner atoms (allocated when the base is converted), so the passes terminate
    for (let pass = 0; pass <= rels.size; pass++) {
      let changed = false;
      for (const [i, { L, base }] of rels) {
        if (!base.isPolynomial() || q.degreeIn(i) < L) continue;
        const b = base.num.extend(n);
        changed = true;
        while (q.degreeIn(i) >= L) {
          let next = Poly.zero(n);
          for (const [e, c] of q.coefficientsIn(i)) {
            if (e >= L) next = next.add(c.mul(b).mul(Poly.variable(n, i, e - L)));
            else next = next.add(c.mul(Poly.variable(n, i, e)));
          }
          q = next;
        }
      }
      if (!changed) break;
    }
    return q;
  }

  /**
   * Rationalises the denominator over the quadratic radical atoms (w² = b: square roots of non-symbols,
   * and i): each factor f containing such a w is written f = f0 + f1·w (modulo the relations), multiplied
   * by its conjugate f0 − f1·w, and replaced by the norm f0² − f1²·b, which is free of w; repeated for
   * every quadratic atom of the factor, the numerator then reduced again. Cube and higher roots are left
   * in the denominator. A factor whose conjugate is not certified non-zero is kept as it was (soundness
   * note in the source); without a quadratic atom in the denominator this is the identity, at no cost.
   */
  rationalise(r: RatFunc): RatFunc {
    if (r.isZero() || r.isPolynomial() || this.table.relations.size === 0) return r;
    const rels = this.relations();
    const n = this.table.nvars;
    const quad = [...rels].filter(([, { L, base }]) => L === 2 && base.isPolynomial()).map(([i]) => i);
    const hasQuad = (p: Poly): boolean => quad.some((i) => i < p.nvars && p.degreeIn(i) > 0);
    const rx = r.extend(n);
    if (!rx.den.some((f) => hasQuad(f.p))) return r;
    let numer = rx.num;
    const den: DenFactor[] = [];
    for (const f of rx.den) {
      const done = hasQuad(f.p) ? this.rationaliseFactor(f.p, quad) : null;
      if (done === null) den.push(f);
      else {
        numer = this.reducePoly(numer.mul(done.conjugate.pow(f.k)));
        den.push(...done.norm.map((g) => ({ p: g.p, k: g.k * f.k })));
      }
    }
    // rebuild through RatFunc so that content, signs and monomial factors are normalised
    let out = RatFunc.poly(numer);
    for (const f of den) out = out.mul(RatFunc.poly(f.p).pow(f.k).inv());
    return this.reduceRelations(out);
  }

  /**
   * One denominator factor f: returns the product g of the conjugates and the norm N(f) = f·g (mod the
   * relations) as primitive factors free of the quadratic atoms, or null to keep f.
   *
   * Soundness. Let I be the ideal of the relations w² − b. The rewriting N/f = N·g/(f·g) ≡ N·g/N(f)
   * holds at every point where g ≠ 0, since f·g − N(f) ∈ I and each relation holds pointwise (the
   * principal root squared is its radicand). It must not be applied when g vanishes identically (then the
   * result is 0/0), which happens when the atoms obey relations the table does not know. Two guards:
   * (1) N(f), reduced modulo I, is not the zero polynomial (catches √(x²+2x+1) + x + 1, and √(xy) + √x√y);
   * (2) N(f) is certified non-zero as a function: it is a non-zero rational constant, or its value at three
   * random real points (both signs sampled; atoms evaluated from their definitions in complex float64,
   * every atom other than i real there) exceeds 10⁻⁶ times the sum of the absolute values of its terms,
   * far above float64 rounding. Guard (2) catches reduced norms that are non-zero polynomials but vanish
   * as functions (√(log x²) + √2·√(log x) for x > 0: N(f) = log x² − 2 log x), and refuses atoms without a
   * value (opaque functions). As f·g = N(f) on the domain, g ≠ 0 wherever N(f) ≠ 0; the atoms being
   * analytic where defined (|u| piecewise), g then vanishes only on a nowhere-dense part of each connected
   * component of the domain that contains a sample point, where the value extends by continuity (as in
   * cancel's (x²−1)/(x−1) → x+1). The residual risk — N(f) identically zero on a component no sample
   * point reached — needs an unknown relation between atoms that holds on that component only.
   * verify does not use this: its zero test reduces the difference's numerator modulo I directly, which
   * decides the same question without dividing by anything.
   */
  private rationaliseFactor(f: Poly, quad: readonly number[]): { conjugate: Poly; norm: DenFactor[] } | null {
    const rels = this.relations();
    const n = this.table.nvars;
    let cur = this.reducePoly(f);
    let conj = Poly.one(n);
    // each step removes one quadratic atom; nested radicals (√(1+√2)) put inner atoms into the norm
    for (let step = 0; step <= 2 * quad.length; step++) {
      if (cur.isZero()) return null; // f vanishes modulo the relations: nothing to rationalise soundly
      const i = quad.find((j) => cur.degreeIn(j) > 0);
      if (i === undefined) {
        if (step === 0) return null;
        const parts = RatFunc.poly(cur).inv();
        // parts = c / Π g_j^k_j: move the content c into the conjugate (1/N = c/Π g_j^k_j)
        return { conjugate: conj.mul(parts.num), norm: [...parts.den] };
      }
      const coeffs = cur.coefficientsIn(i);
      if (cur.degreeIn(i) > 1) return null;
      const f0 = coeffs.get(0) ?? Poly.zero(n);
      const f1 = coeffs.get(1)!;
      const b = rels.get(i)!.base.num.extend(n);
      const norm = this.reducePoly(f0.mul(f0).sub(f1.mul(f1).mul(b)));
      if (norm.isZero() || !this.certifyNonZero(norm)) return null;
      conj = this.reducePoly(conj.mul(f0.sub(f1.mul(Poly.variable(n, i)))));
      cur = norm;
    }
    return null;
  }

  /** Certificate that the polynomial p over the atoms is not identically zero as a function (guard (2) of rationaliseFactor). */
  private certifyNonZero(p: Poly): boolean {
    if (p.isZero()) return false;
    if (p.constantValue() !== null) return true;
    const used = p.variables();
    const names = [...new Set(used.flatMap((i) => freeSymbols(this.table.vars[i]!)))].sort();
    const rng = splitmix(0x5eed + p.size);
    const wanted = names.length === 0 ? 1 : 3;
    let good = 0;
    for (let attempt = 0; attempt < 24 && good < wanted; attempt++) {
      const env: Record<string, number> = {};
      const [lo, hi] = attempt % 2 === 0 ? [-3, 3] : [0, 5];
      for (const s of names) env[s] = Math.round((lo + (hi - lo) * rng()) * 2 ** 20) / 2 ** 20;
      const vals = new Map<number, Complex>();
      let defined = true;
      for (const i of used) {
        const atom = this.table.vars[i]!;
        let v: Complex;
        try {
          v = evaluateComplex(atom, env);
        } catch {
          defined = false;
          break;
        }
        const isI = atom.kind === "const" && atom.name === "i";
        if (!Number.isFinite(v[0]) || !Number.isFinite(v[1]) || (!isI && Math.abs(v[1]) > 1e-12 * Math.abs(v[0]))) {
          defined = false;
          break;
        }
        vals.set(i, isI ? v : [v[0], 0]);
      }
      if (!defined) continue;
      let re = 0;
      let im = 0;
      let scale = 0;
      for (const [k, c] of p.terms) {
        let t: Complex = [c.toNumber(), 0];
        for (const i of used) {
          const e = k.charCodeAt(i);
          for (let m = 0; m < e; m++) t = [t[0] * vals.get(i)![0] - t[1] * vals.get(i)![1], t[0] * vals.get(i)![1] + t[1] * vals.get(i)![0]];
        }
        re += t[0];
        im += t[1];
        scale += Math.hypot(t[0], t[1]);
      }
      if (!Number.isFinite(scale) || !Number.isFinite(re) || !Number.isFinite(im)) continue;
      if (!(Math.hypot(re, im) > 1e-6 * scale)) return false; // (nearly) zero at a point of the domain: no certificate
      good++;
    }
    return good >= wanted;
  }

  /** A polynomial over the atoms as an expression. */
  polyToExpr(p: Poly): Expr {
    const terms: Expr[] = [];
    for (const [k, c] of p.terms) {
      const fs: Expr[] = [num(c)];
      for (let i = 0; i < k.length; i++) {
        const e = k.charCodeAt(i);
        if (e > 0) fs.push(pow(this.table.vars[i]!, num(e)));
      }
      terms.push(mul(...fs));
    }
    return add(...terms);
  }

  /** num / Π den^k as an expression (denominator factors kept as powers). */
  toExpr(r: RatFunc): Expr {
    if (r.isZero()) return ZERO;
    const content = r.num.content();
    const numE = this.polyToExpr(r.num.scale(content.inv()));
    const dens = r.den.map((f) => pow(this.polyToExpr(f.p), num(-f.k)));
    return mul(num(content), numE, ...dens);
  }
}

