// Printing in mathjs syntax. `parse(toString(e)) === e` (the round-trip property). Sums are printed in a
// stable presentation order (descending degree, then alphabetical), products as numerator/denominator.
import { type Expr, type Fn, type Mul, installPrinter } from "./expr.js";
import { Rational } from "./rational.js";

/** Precedences of mathjs: + - < * / < unary minus < ^. */
const P_ADD = 1;
const P_MUL = 2;
const P_NEG = 3;
const P_POW = 4;
const P_ATOM = 5;

/** Total degree in symbols, for presentation order (non-polynomial parts count as degree 0). */
export function presentationDegree(e: Expr): number {
  switch (e.kind) {
    case "sym":
      return 1;
    case "pow":
      return e.exp.kind === "num" ? presentationDegree(e.base) * e.exp.value.toNumber() : 0;
    case "mul":
      return e.factors.reduce((s, f) => s + presentationDegree(f), 0);
    case "add":
      return Math.max(...e.terms.map(presentationDegree));
    default:
      return 0;
  }
}

/** Splits a term for printing: (coefficient, rest without coefficient). */
function coeffOf(e: Expr): [Rational, Expr[]] {
  if (e.kind === "num") return [e.value, []];
  if (e.kind === "mul") {
    const f0 = e.factors[0]!;
    if (f0.kind === "num") return [f0.value, e.factors.slice(1)];
    return [Rational.ONE, [...e.factors]];
  }
  return [Rational.ONE, [e]];
}

/** A display order for the terms of sums and the factors of products, shared by the printers (see {@link presentationOrder}). */
export interface TermOrder {
  /** Sorted terms of a sum for display. */
  sortTerms(terms: readonly Expr[], key: (e: Expr) => string): Expr[];
  /** Sorted factors of a product for display. */
  sortFactors(factors: readonly Expr[], key: (e: Expr) => string): Expr[];
}

/**
 * Presentation order shared by the mathjs and LaTeX printers: terms by descending total degree
 * (see presentationDegree), then by the printed form of their non-numeric part, with the constant
 * term last; factors by the kind of their base (number, constant, symbol, function, other, sum), then by printed form.
 */
export const presentationOrder: TermOrder = {
  sortTerms(terms, key) {
    const deco = terms.map((t) => {
      const [, rest] = coeffOf(t);
      const restKey = presentationOrder.sortFactors(rest, key).map(key).join("*");
      return { t, isNum: t.kind === "num", deg: presentationDegree(t), k: restKey };
    });
    deco.sort((a, b) => {
      if (a.isNum !== b.isNum) return a.isNum ? 1 : -1;
      if (a.deg !== b.deg) return b.deg - a.deg;
      return a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    });
    return deco.map((d) => d.t);
  },
  sortFactors(factors, key) {
    const rank = (f: Expr): number => {
      const b = f.kind === "pow" ? f.base : f;
      switch (b.kind) {
        case "num":
          return 0;
        case "const":
          return 1;
        case "sym":
          return 2;
        case "fn":
          return 3;
        case "add":
          return 5;
        default:
          return 4;
      }
    };
    const deco = factors.map((f) => ({ f, r: rank(f), k: key(f.kind === "pow" ? f.base : f) + "^" + key(f) }));
    deco.sort((a, b) => (a.r !== b.r ? a.r - b.r : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    return deco.map((d) => d.f);
  },
};

/** Numerator and denominator factors of a product (negative numeric exponents go to the denominator). */
export function splitFraction(factors: readonly Expr[]): {
  /** Factors printed in the numerator (all but negative numeric powers), in input order. */
  num: Expr[];
  /** Factors x^(−k) with a negative rational exponent, still as such powers (the printer flips the sign), in input order. */
  den: Expr[];
} {
  const numF: Expr[] = [];
  const denF: Expr[] = [];
  for (const f of factors) {
    if (f.kind === "pow" && f.exp.kind === "num" && f.exp.value.isNegative()) denF.push(f);
    else numF.push(f);
  }
  return { num: numF, den: denF };
}

class MathjsPrinter {
  private readonly memo = new Map<Expr, string>();
  private readonly key = (e: Expr): string => this.print(e, 0);

  print(e: Expr, ctx: number): string {
    const [s, p] = this.printP(e);
    return p < ctx ? `(${s})` : s;
  }

  private printP(e: Expr): [string, number] {
    switch (e.kind) {
      case "num": {
        const v = e.value;
        if (v.isInteger()) return [v.toString(), v.isNegative() ? P_NEG : P_ATOM];
        return [v.toString(), v.isNegative() ? P_NEG : P_MUL];
      }
      case "const":
        return [e.name, P_ATOM];
      case "sym":
        return [e.name, P_ATOM];
      case "add":
        return [this.printAdd(e.terms), P_ADD];
      case "mul":
        return this.printMul(e);
      case "pow":
        return [this.printPow(e.base, e.exp.kind === "num" ? e.exp.value : null, e.exp), P_POW];
      case "fn":
        return [this.printFn(e), P_ATOM];
    }
  }

  private printAdd(terms: readonly Expr[]): string {
    const sorted = presentationOrder.sortTerms(terms, this.key);
    let s = "";
    sorted.forEach((t, i) => {
      const [c] = coeffOf(t);
      if (i > 0 && c.isNegative()) s += " - " + this.print(negateTerm(t), P_MUL);
      else s += (i > 0 ? " + " : "") + this.print(t, P_ADD + 0.5);
    });
    return s;
  }

  private printMul(e: Mul): [string, number] {
    const [c, rest] = coeffOf(e);
    const { num: numF, den: denF } = splitFraction(rest);
    const numParts = presentationOrder.sortFactors(numF, this.key).map((f) => this.print(f, P_MUL + 0.5));
    const denParts = presentationOrder
      .sortFactors(denF, this.key)
      .map((f) => this.printPow((f as { base: Expr }).base, ((f as { exp: Expr }).exp as { value: Rational }).value.neg(), null));
    const absC = c.abs();
    const cn = absC.num;
    const cd = absC.den;
    if (cn !== 1n || numParts.length === 0) numParts.unshift(cn.toString());
    if (cd !== 1n) denParts.unshift(cd.toString());
    let s = numParts.join("*");
    // "c*(sum)" would be re-read with c distributed over the sum: divide by c on its own then
    if (cd !== 1n && denF.length === 1 && denF[0]!.kind === "pow" && denF[0]!.base.kind === "add" && (denF[0]!.exp as { value: Rational }).value.isMinusOne())
      s += "/" + denParts.shift()! + "/" + denParts[0]!;
    else if (denParts.length === 1) s += "/" + denParts[0]!;
    else if (denParts.length > 1) s += "/(" + denParts.join("*") + ")";
    if (c.isNegative()) return ["-" + s, P_NEG];
    return [s, P_MUL];
  }

  /** base^exp with the exponent given as a rational (when numeric) or an Expr. */
  private printPow(base: Expr, ev: Rational | null, exp: Expr | null): string {
    if (ev !== null && ev.isOne()) return this.print(base, P_MUL + 0.5);
    if (ev !== null && ev.equals(Rational.HALF)) return `sqrt(${this.print(base, 0)})`;
    const b = this.print(base, P_POW + 0.5);
    let x: string;
    if (ev !== null) x = ev.isInteger() && !ev.isNegative() ? ev.toString() : `(${ev.toString()})`;
    else x = this.print(exp!, P_POW + 0.5);
    return `${b}^${x}`;
  }

  private printFn(e: Fn): string {
    if (e.name === "exp" && e.args[0]!.kind === "num" && e.args[0]!.value.isOne()) return "e";
    const call = `${e.name}(${e.args.map((a) => this.print(a, 0)).join(", ")})`;
    if (e.dorders) return `Derivative(${call}, [${e.dorders.join(", ")}])`;
    return call;
  }

  printCached(e: Expr): string {
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit;
    const s = this.print(e, 0);
    this.memo.set(e, s);
    return s;
  }
}

function negateTerm(t: Expr): Expr {
  // -t for a term with negative coefficient, without going through the constructors (printing only)
  if (t.kind === "num") return { ...t, value: t.value.neg() } as Expr;
  const m = t as Mul;
  const c = (m.factors[0] as { value: Rational }).value.neg();
  if (c.isOne() && m.factors.length === 2) return m.factors[1]!;
  return { kind: "mul", factors: [{ kind: "num", value: c } as Expr, ...m.factors.slice(1)] } as unknown as Expr;
}

/** mathjs-syntax string of an expression. */
export function toMathjs(e: Expr): string {
  return new MathjsPrinter().printCached(e);
}

installPrinter(toMathjs);
