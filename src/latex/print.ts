// Expr -> LaTeX with the conventions of mathematical papers. The output is meant to be read, pasted
// into a paper, and read back by parse.ts: parseLatex(toLatex(e)) === e.
//
// Conventions (each chosen so that the printed string has exactly one reading):
// - sums and products in the presentation order of the mathjs printer (core/print.ts), except that
//   operator applications written without parentheses (\log x, \det\Sigma) go last in a product;
// - \frac for rational coefficients and negative powers; fractions of sums whose terms share one
//   denominator are written over it: (n - p - 1)/2 rather than n/2 - p/2 - 1/2;
// - in superscripts fractions are written with a slash (e^{-x^{2}/2}, (\det S)^{(n-4)/2}), except a
//   numeric fraction in front of functions (e^{-\frac{1}{2}(x - m)^{\top}\Sigma^{-1}(x - m)});
// - x^{1/2} -> \sqrt{x}, x^{1/n} -> \sqrt[n]{x}; a scalar reciprocal is never written x^{-1}, which
//   is reserved for the matrix inverse inv(X);
// - matrix notation: det -> \det, tr -> \operatorname{tr}, inv -> X^{-1}, transpose -> X^{\top},
//   matmul -> juxtaposition. Inside their arguments a commutative (scalar) product of two non-numeric
//   factors is written with \cdot, and a matrix-valued factor of a scalar product is set off by \cdot;
// - \cdot also where juxtaposition would mislead: before a factor that starts with a digit; and a thin
//   space \, between a function letter (f, F, \Gamma, \psi, ...) used as a symbol and a parenthesis;
// - parentheses only where needed, \left( \right) around tall content (fractions, roots, matrices).
import { QgeomError } from "../core/errors.js";
import type { Expr, Fn, Mul, Pow } from "../core/expr.js";
import { mul, num, pow } from "../core/build.js";
import { Matrix } from "../core/matrix.js";
import { presentationOrder, splitFraction, toMathjs } from "../core/print.js";
import { Rational } from "../core/rational.js";
import { FUNCTION_LETTERS, nameToLatex, readsAsFunction } from "./names.js";

/** Options of the LaTeX printer. */
export interface LatexOptions {
  /**
   * How exp(u) is written: "e" gives e^{u}, "exp" gives \exp(u), and "auto" (default) gives e^{u}
   * unless u contains a named function or is long, then \exp\left(u\right).
   */
  exp?: "auto" | "e" | "exp";
  /** Matrix environment for matrices: "pmatrix" (default) or "bmatrix". */
  matrix?: "pmatrix" | "bmatrix";
  /** LaTeX for chosen symbols, e.g. { theta: "\\boldsymbol{\\theta}" } (pass the same map to parseLatex). */
  symbols?: Readonly<Record<string, string>>;
  /**
   * Templates for functions by qgeom name, #1, #2, ... standing for the arguments, e.g.
   * { det: "\\lvert #1\\rvert" } (pass the same map to parseLatex).
   */
  macros?: Readonly<Record<string, string>>;
}

interface Ctx {
  /** Inside a superscript: fractions with a slash. */
  script: boolean;
  /** Inside the argument of a matrix-notation kernel: juxtaposition means the matrix product. */
  matrix: boolean;
}

const DISPLAY: Ctx = { script: false, matrix: false };
const SCRIPT: Ctx = { script: true, matrix: false };

/** Operators written without parentheses around a simple argument: \log x, \det\Sigma. */
const OPERATORS: Readonly<Record<string, string>> = {
  log: "\\log",
  sin: "\\sin",
  cos: "\\cos",
  tan: "\\tan",
  sinh: "\\sinh",
  cosh: "\\cosh",
  tanh: "\\tanh",
  atan: "\\arctan",
  atanh: "\\operatorname{artanh}",
  det: "\\det",
  tr: "\\operatorname{tr}",
};
/** Operators written as \log^{2} x for a positive integer power. */
const POWER_PREFIX = new Set(["log", "sin", "cos", "tan", "sinh", "cosh", "tanh"]);
/** Functions always written with parentheses. */
const APPLIED: Readonly<Record<string, string>> = {
  gamma: "\\Gamma",
  lgamma: "\\log\\Gamma",
  digamma: "\\psi",
  softplus: "\\operatorname{softplus}",
  sigmoid: "\\operatorname{sig}",
  sign: "\\operatorname{sgn}",
  re: "\\operatorname{Re}",
  im: "\\operatorname{Im}",
};
/** Multivariate gamma kernels: f(a, p) -> prefix_{p}(a). */
const MULTI: Readonly<Record<string, string>> = {
  multigamma: "\\Gamma",
  lmultigamma: "\\log\\Gamma",
  multidigamma: "\\psi",
  cmultigamma: "\\tilde{\\Gamma}",
  lcmultigamma: "\\log\\tilde{\\Gamma}",
};
const MATRIX_KERNELS = new Set(["det", "tr", "inv", "transpose", "matmul"]);
/** Kernels whose value is a matrix (a factor of a scalar product that needs \cdot around it). */
const MATRIX_VALUED = new Set(["inv", "transpose", "matmul"]);

/** Words printed as \operatorname{...} for kernels; opaque functions may not use them (see parse.ts). */
export const KERNEL_OPERATOR_NAMES: Readonly<Record<string, string>> = {
  tr: "tr",
  artanh: "atanh",
  softplus: "softplus",
  sig: "sigmoid",
  sgn: "sign",
  Re: "re",
  Im: "im",
};

/** True if a LaTeX fragment is tall outside its sub- and superscripts (fractions, roots, matrices). */
export function isTall(s: string): boolean {
  let depth = 0;
  let scriptDepth = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\") {
      if (scriptDepth < 0) {
        const m = /^\\(frac|dfrac|sqrt|begin|left|sum|prod|overline|binom)(?![A-Za-z])/.exec(s.slice(i));
        if (m) return true;
      }
      i++;
      continue;
    }
    if (ch === "{") {
      depth++;
    } else if (ch === "}") {
      depth--;
      if (depth === scriptDepth) scriptDepth = -1;
    } else if ((ch === "^" || ch === "_") && scriptDepth < 0) {
      if (s[i + 1] === "{") scriptDepth = depth;
      else i++;
    }
  }
  return false;
}

/** ( s ) or \left( s \right) when s is tall. */
export function paren(s: string): string {
  return isTall(s) ? `\\left(${s}\\right)` : `(${s})`;
}

function rationalLatex(r: Rational, ctx: Ctx): string {
  if (r.isInteger()) return r.toString();
  const sign = r.isNegative() ? "-" : "";
  const a = r.abs();
  return ctx.script ? `${sign}${a.num}/${a.den}` : `${sign}\\frac{${a.num}}{${a.den}}`;
}

function isRationalPow(e: Expr): e is Pow & { exp: { kind: "num"; value: Rational } } {
  return e.kind === "pow" && e.exp.kind === "num";
}

function isMatrixValued(e: Expr): boolean {
  return e.kind === "fn" && MATRIX_VALUED.has(e.name);
}

/** A printed product factor and what the joiner must know about it. */
interface Item {
  s: string;
  /** A numeric literal, which the parser takes as a scalar coefficient (integers, \frac of integers). */
  numeric: boolean;
  /** Matrix-valued (inv, transpose, matmul). */
  matrix: boolean;
  /** A bare symbol that reads as a function before "(". */
  functionLetter: boolean;
  /** A function application ending in ")". */
  applied: boolean;
}

function item(s: string, extra: Partial<Item> = {}): Item {
  return { s, numeric: false, matrix: false, functionLetter: false, applied: false, ...extra };
}

/** The LaTeX printer; one instance per call of toLatex (memoised per node and context). */
class LatexPrinter {
  private readonly memo = new Map<string, string>();
  private readonly keys = new Map<Expr, string>();
  constructor(private readonly opts: LatexOptions) {}

  private key = (e: Expr): string => {
    let k = this.keys.get(e);
    if (k === undefined) {
      k = toMathjs(e);
      this.keys.set(e, k);
    }
    return k;
  };

  /** A complete expression in a context (sums without parentheses). */
  print(e: Expr, ctx: Ctx): string {
    const mk = `${e.id}:${ctx.script ? 1 : 0}${ctx.matrix ? 1 : 0}`;
    const hit = this.memo.get(mk);
    if (hit !== undefined) return hit;
    const s = this.printNode(e, ctx);
    this.memo.set(mk, s);
    return s;
  }

  private printNode(e: Expr, ctx: Ctx): string {
    switch (e.kind) {
      case "num":
        return rationalLatex(e.value, ctx);
      case "const":
        return e.name === "pi" ? "\\pi" : e.name === "i" ? "i" : "\\gamma";
      case "sym":
        return this.symbol(e.name);
      case "add":
        return this.sum(e.terms, ctx, false);
      case "mul":
        return this.product(e, ctx);
      case "pow":
        return this.power(e, ctx);
      case "fn":
        return this.fn(e, ctx);
    }
  }

  private symbol(name: string): string {
    return this.opts.symbols?.[name] ?? nameToLatex(name);
  }

  // -------------------------------------------------------------------------------------------
  // Sums

  /**
   * The common denominator d > 1 of a sum whose non-constant terms all have coefficients with
   * denominator d (an integer constant may join: n/2 - 2 -> (n - 4)/2), else null.
   */
  private commonDenominator(terms: readonly Expr[]): bigint | null {
    let d: bigint | null = null;
    for (const t of terms) {
      const [c, rest] = coeffOf(t);
      if (rest.some((f) => isDenominatorFactor(f))) return null;
      if (rest.length === 0 && c.den === 1n) continue;
      if (c.den === 1n || (d !== null && c.den !== d)) return null;
      d = c.den;
    }
    return d;
  }

  /** Terms in presentation order, except that a sum does not start with a minus when it has a positive term. */
  private sortedTerms(terms: readonly Expr[]): Expr[] {
    const sorted = presentationOrder.sortTerms(terms, this.key);
    if (coeffOf(sorted[0]!)[0].isNegative()) {
      const k = sorted.findIndex((t) => !coeffOf(t)[0].isNegative());
      if (k > 0) sorted.unshift(...sorted.splice(k, 1));
    }
    return sorted;
  }

  /**
   * A sum. `asFactor`: the sum is a factor of a product (the caller adds parentheses unless the sum
   * is returned as a \frac, which `sumAsUnit` reports).
   */
  private sum(terms: readonly Expr[], ctx: Ctx, asFactor: boolean): string {
    const sorted = this.sortedTerms(terms);
    const d = this.commonDenominator(sorted);
    if (d !== null && !(asFactor && ctx.script)) {
      const scaled = sorted.map((t) => mul(num(d), t));
      const leadNegative = coeffOf(sorted[0]!)[0].isNegative();
      if (leadNegative && !asFactor) {
        const body = this.terms(scaled.map((t) => mul(num(-1), t)), ctx);
        return ctx.script ? `-(${body})/${d}` : `-\\frac{${body}}{${d}}`;
      }
      const body = this.terms(scaled, ctx);
      return ctx.script ? `(${body})/${d}` : `\\frac{${body}}{${d}}`;
    }
    return this.terms(sorted, ctx);
  }

  /** True if `sum(terms, ctx, true)` gives a \frac (no parentheses needed around it). */
  private sumAsUnit(terms: readonly Expr[], ctx: Ctx): boolean {
    return !ctx.script && this.commonDenominator(terms) !== null;
  }

  /** Terms in the given order, joined by + and -. */
  private terms(sorted: readonly Expr[], ctx: Ctx): string {
    let s = "";
    sorted.forEach((t, i) => {
      const negative = coeffOf(t)[0].isNegative();
      if (negative) {
        const abs = this.print(mul(num(-1), t), ctx);
        s += i === 0 ? `-${abs}` : ` - ${abs}`;
      } else s += i === 0 ? this.print(t, ctx) : ` + ${this.print(t, ctx)}`;
    });
    return s;
  }

  // -------------------------------------------------------------------------------------------
  // Products

  /** A factor of a product, parenthesised where needed, with the flags the joiner needs. */
  private factorItem(f: Expr, ctx: Ctx): Item {
    if (f.kind === "add") {
      if (this.sumAsUnit(f.terms, ctx)) return item(this.sum(f.terms, ctx, true));
      return item(paren(this.sum(f.terms, ctx, true)));
    }
    if (f.kind === "num") {
      // only inside matmul (a scalar product keeps its coefficient apart)
      return item(paren(this.print(f, ctx)));
    }
    if (f.kind === "mul") return item(paren(this.print(f, ctx)));
    const s = this.print(f, ctx);
    return item(s, {
      matrix: isMatrixValued(f),
      functionLetter: f.kind === "sym" && this.opts.symbols?.[f.name] === undefined && readsAsFunction(f.name),
      applied: f.kind === "fn" && s.endsWith(")"),
    });
  }

  /** Joins product factors: \cdot or a thin space where juxtaposition would mislead, else a space. */
  private join(items: readonly Item[], ctx: Ctx): string {
    let s = "";
    items.forEach((it, i) => {
      if (i === 0) {
        s = it.s;
        return;
      }
      const prev = items[i - 1]!;
      let sep = " ";
      if (/^[0-9]/.test(it.s)) sep = " \\cdot ";
      else if (ctx.matrix && !prev.numeric && !it.numeric) sep = " \\cdot ";
      else if ((prev.matrix || it.matrix) && !prev.numeric && !it.numeric) sep = " \\cdot ";
      else if (prev.functionLetter && (it.s.startsWith("(") || it.s.startsWith("\\left("))) sep = "\\, ";
      else if (prev.applied && it.applied) sep = "\\, ";
      s += sep + it.s;
    });
    return s;
  }

  /** Sorted factors, with fractions of sums first and parenthesis-free operators last. */
  private orderFactors(factors: readonly Expr[], ctx: Ctx): Expr[] {
    const sorted = presentationOrder.sortFactors(factors, this.key);
    const units = sorted.filter((f) => f.kind === "add" && this.sumAsUnit(f.terms, ctx));
    const ops = sorted.filter((f) => !units.includes(f) && this.isOperator(f));
    const rest = sorted.filter((f) => !units.includes(f) && !ops.includes(f));
    return [...units, ...rest, ...ops];
  }

  /**
   * Polynomial-like factors stay in the numerator of a numeric fraction; functions, and sums that
   * contain functions, follow it: \frac{n_{1}}{2} (\operatorname{tr}(A) - 3), \frac{1}{2} \log x.
   */
  private isFunctionFactor(f: Expr): boolean {
    const b = f.kind === "pow" ? f.base : f;
    return b.kind === "fn" || (b.kind === "add" && containsNamedFunction(b));
  }

  private product(e: Mul, ctx: Ctx): string {
    const f0 = e.factors[0]!;
    const coeff = f0.kind === "num" ? f0.value : Rational.ONE;
    const rest = f0.kind === "num" ? e.factors.slice(1) : e.factors;
    const { num: numF, den: denF } = splitDenominator(rest);
    const sign = coeff.isNegative() ? "-" : "";
    const p = coeff.abs().num;
    const q = coeff.abs().den;
    const ordered = this.orderFactors(numF, ctx);

    if (denF.length === 0 && q === 1n) {
      const items = ordered.map((f) => this.factorItem(f, ctx));
      if (p !== 1n) items.unshift(item(p.toString(), { numeric: true }));
      return sign + this.join(items, ctx);
    }
    if (denF.length === 0) {
      // numeric denominator: \frac{p · polynomial factors}{q} followed by the function factors
      let funcs = ordered.filter((f) => this.isFunctionFactor(f));
      let inner = ordered.filter((f) => !this.isFunctionFactor(f));
      // \frac{3 (a + b)}{2} would read as the sum 3a/2 + 3b/2: write \frac{3}{2} (a + b) instead
      if (funcs.length > 0 && inner.length === 1 && inner[0]!.kind === "add" && p !== 1n) [funcs, inner] = [ordered, []];
      if (!ctx.script || funcs.length > 0) {
        const frac = item(`\\frac{${this.fracSide(inner, p, ctx)}}{${q}}`, { numeric: inner.length === 0 });
        return sign + this.join([frac, ...funcs.map((f) => this.factorItem(f, ctx))], ctx);
      }
      return `${sign}${this.slashSide(inner, p, ctx, false)}/${q}`;
    }
    const den = this.orderFactors(
      denF.map((f) => invertPow(f as Pow)),
      ctx,
    );
    if (ctx.script) return `${sign}${this.slashSide(ordered, p, ctx, false)}/${this.slashSide(den, q, ctx, true)}`;
    return `${sign}\\frac{${this.fracSide(ordered, p, ctx)}}{${this.fracSide(den, q, ctx)}}`;
  }

  /** One side of a \frac: an integer factor k (omitted when 1, unless alone) and factors; a lone sum needs no parentheses. */
  private fracSide(factors: readonly Expr[], k: bigint, ctx: Ctx): string {
    if (k === 1n && factors.length === 1 && factors[0]!.kind === "add") return this.terms(this.sortedTerms((factors[0] as { terms: readonly Expr[] }).terms), ctx);
    const items = factors.map((f) => this.fracFactorItem(f, ctx));
    if (k !== 1n || items.length === 0) items.unshift(item(k.toString(), { numeric: true }));
    return this.join(items, ctx);
  }

  /**
   * One side of a slash fraction in a superscript; a denominator of several factors, or a matrix
   * product (juxtaposition), is parenthesised: x/(2 y), 1/((x - m)^{\top} A (x - m)).
   */
  private slashSide(factors: readonly Expr[], k: bigint, ctx: Ctx, isDen: boolean): string {
    const items = factors.map((f) => this.factorItem(f, ctx));
    if (k !== 1n || items.length === 0) items.unshift(item(k.toString(), { numeric: true }));
    const s = this.join(items, ctx);
    const juxtaposed = items.length > 1 || factors.some((f) => f.kind === "fn" && f.name === "matmul");
    return isDen && juxtaposed ? `(${s})` : s;
  }

  /** A factor inside the numerator of a \frac: sums with a common denominator keep plain terms. */
  private fracFactorItem(f: Expr, ctx: Ctx): Item {
    if (f.kind === "add" && this.sumAsUnit(f.terms, ctx)) return item(paren(this.terms(this.sortedTerms(f.terms), ctx)));
    return this.factorItem(f, ctx);
  }

  // -------------------------------------------------------------------------------------------
  // Powers

  private power(e: Pow, ctx: Ctx): string {
    const b = e.base;
    if (isDenominatorFactor(e)) {
      const d = invertPow(e as Pow);
      return ctx.script ? `1/${this.slashSide([d], 1n, ctx, true)}` : `\\frac{1}{${this.fracSide([d], 1n, ctx)}}`;
    }
    if (isRationalPow(e)) {
      const r = e.exp.value;
      if (r.num === 1n && r.den === 2n) return `\\sqrt{${this.print(b, ctx)}}`;
      if (r.num === 1n && r.den > 2n) return `\\sqrt[${r.den}]{${this.print(b, ctx)}}`;
      if (b.kind === "fn" && POWER_PREFIX.has(b.name) && r.isInteger() && this.opts.macros?.[b.name] === undefined)
        return this.operator(b, ctx, `^{${r.toString()}}`);
    }
    return `${this.base(b, ctx)}^{${this.print(e.exp, SCRIPT)}}`;
  }

  /** A power base: atoms and closed applications as they are, everything else in parentheses. */
  private base(b: Expr, ctx: Ctx): string {
    const s = this.print(b, ctx);
    switch (b.kind) {
      case "sym":
      case "const":
        return s;
      case "num":
        return b.value.isInteger() && !b.value.isNegative() ? s : paren(s);
      case "fn": {
        if (this.opts.macros?.[b.name] !== undefined) return s;
        if (b.dorders !== null) return b.args.length === 1 ? s : paren(s);
        if (b.name in OPERATORS || b.name === "exp" || MATRIX_VALUED.has(b.name)) return paren(s);
        return s;
      }
      default:
        return paren(s);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Functions

  /** An operator application (\log, \det, \sin, ...): written last in a product, as papers do. */
  private isOperator(f: Expr): boolean {
    return f.kind === "fn" && f.name in OPERATORS && f.dorders === null && this.opts.macros?.[f.name] === undefined;
  }

  /**
   * Arguments written without parentheses: symbols, positive integers, π, |x|, nested bare operators,
   * and (outside superscripts) a fraction: \log\frac{1 - r^{2}}{4}.
   */
  private bareArgument(a: Expr, matrixArg: boolean, ctx: Ctx): boolean {
    if ((a.kind === "add" || a.kind === "mul") && !ctx.script) return isSingleFrac(this.print(a, { script: false, matrix: matrixArg }));
    switch (a.kind) {
      case "sym":
        return true;
      case "const":
        return a.name === "pi";
      case "num":
        return a.value.isInteger() && a.value.isPositive();
      case "fn":
        if (a.name === "abs" && this.opts.macros?.abs === undefined) return true;
        if (matrixArg && (a.name === "inv" || a.name === "transpose") && a.args[0]!.kind === "sym") return true;
        return this.isOperator(a); // \log\det\Sigma, \log\det(A B)
      default:
        return false;
    }
  }

  /** An operator application (\log x or \log(x + 1)), with an optional power prefix \log^{2}. */
  private operator(f: Fn, ctx: Ctx, powerPrefix = ""): string {
    const a = f.args[0]!;
    const matrixArg = MATRIX_KERNELS.has(f.name);
    const argCtx: Ctx = { script: false, matrix: matrixArg };
    const inner = this.print(a, argCtx);
    const op = OPERATORS[f.name]! + powerPrefix;
    if (this.bareArgument(a, matrixArg, ctx)) return inner.startsWith("\\") ? `${op}${inner}` : `${op} ${inner}`;
    return op + paren(inner);
  }

  private args(f: Fn, ctx: Ctx): string {
    return paren(f.args.map((a) => this.print(a, ctx)).join(", "));
  }

  private fn(f: Fn, ctx: Ctx): string {
    const name = f.name;
    const macro = this.opts.macros?.[name];
    if (macro !== undefined) {
      const argCtx: Ctx = { script: false, matrix: MATRIX_KERNELS.has(name) };
      return macro.replace(/#([1-9])/g, (_, k: string) => {
        const a = f.args[Number(k) - 1];
        if (a === undefined) throw new QgeomError("INVALID_ARGUMENT", `macro for ${name} uses #${k}, but ${name} has ${f.args.length} argument(s); use #1 … #${f.args.length} only`);
        return this.print(a, argCtx);
      });
    }
    if (f.dorders !== null) return this.derivative(f);
    const scalar = DISPLAY;
    const x = f.args[0]!;
    if (name in OPERATORS) return this.operator(f, ctx);
    if (name in APPLIED) return APPLIED[name]! + this.args(f, scalar);
    if (name in MULTI) return `${MULTI[name]}_{${this.print(f.args[1]!, SCRIPT)}}${paren(this.print(x, scalar))}`;
    switch (name) {
      case "exp":
        return this.exponential(x);
      case "polygamma":
        return `\\psi^{(${this.print(x, SCRIPT)})}${paren(this.print(f.args[1]!, scalar))}`;
      case "abs": {
        const s = this.print(x, scalar);
        return isTall(s) ? `\\left\\lvert ${s}\\right\\rvert` : `\\lvert ${s}\\rvert`;
      }
      case "conj":
        return `\\overline{${this.print(x, scalar)}}`;
      case "inv":
      case "transpose": {
        // a number keeps its parentheses: 2^{-1} would read as the power
        const m: Ctx = { script: false, matrix: true };
        const b = x.kind === "num" ? paren(this.print(x, m)) : this.base(x, m);
        return `${b}^{${name === "inv" ? "-1" : "\\top"}}`;
      }
      case "matmul": {
        // juxtaposition; numbers and scalar products in parentheses, a thin space after a function letter
        const m: Ctx = { script: false, matrix: true };
        const items = f.args.map((a) => this.factorItem(a, m));
        return items.map((it, i) => (i === 0 ? "" : items[i - 1]!.functionLetter && it.s.startsWith("(") ? "\\, " : " ") + it.s).join("");
      }
    }
    return this.opaqueName(name) + this.args(f, scalar);
  }

  /** f, g, \varphi, f_{1} for function letters; \operatorname{name} otherwise. */
  private opaqueName(name: string): string {
    const custom = this.opts.symbols?.[name];
    if (custom !== undefined) return custom;
    const latex = nameToLatex(name);
    const head = /^[A-Za-z]+/.exec(name)?.[0] ?? "";
    if (FUNCTION_LETTERS.has(head) && !latex.startsWith("\\mathit")) return latex;
    return `\\operatorname{${name.replace(/_/g, "\\_")}}`;
  }

  /** Formal derivatives: f'(x), f''(x), f^{(3)}(x); \partial_{1}\partial_{2}^{2} f(x, y) for several arguments. */
  private derivative(f: Fn): string {
    const orders = f.dorders!;
    const name = this.opaqueName(f.name);
    const call = this.args(f, DISPLAY);
    if (orders.length === 1) {
      const k = orders[0]!;
      const mark = k === 1 ? "'" : k === 2 ? "''" : `^{(${k})}`;
      return name + mark + call;
    }
    const parts = orders.flatMap((k, i) => (k === 0 ? [] : [`\\partial_{${i + 1}}${k > 1 ? `^{${k}}` : ""}`]));
    return `${parts.join("")} ${name}${call}`;
  }

  private exponential(u: Expr): string {
    if (u.kind === "num" && u.value.isOne()) return "e";
    const mode = this.opts.exp ?? "auto";
    const script = this.print(u, SCRIPT);
    const useExp = mode === "exp" || (mode === "auto" && (containsNamedFunction(u) || script.length > 60));
    if (useExp) return `\\exp${paren(this.print(u, DISPLAY))}`;
    return `e^{${script}}`;
  }
}

/** True if s is one \frac{...}{...} group and nothing else. */
function isSingleFrac(s: string): boolean {
  if (!s.startsWith("\\frac{")) return false;
  let depth = 0;
  let groups = 0;
  for (let i = 5; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0 && ++groups === 2) return i === s.length - 1;
  }
  return false;
}

/** A factor written in a denominator: a power whose exponent is negative (-2, -n/2, -p - 1). */
function isDenominatorFactor(f: Expr): boolean {
  // 0^(-x) stays: 1/0^x would read back as 1/0
  if (f.kind !== "pow" || (f.base.kind === "num" && f.base.value.isZero())) return false;
  const x = f.exp;
  return isNegativeExponent(x);
}

/** A negative number, a negative multiple, or a sum of such terms: -2, -n/2, -p - 1. */
function isNegativeExponent(x: Expr): boolean {
  if (x.kind === "num") return x.value.isNegative();
  if (x.kind === "add") return x.terms.every(isNegativeExponent);
  return x.kind === "mul" && x.factors[0]!.kind === "num" && x.factors[0]!.value.isNegative();
}

/** Numerator and denominator factors (splitFraction of the mathjs printer, plus symbolic negative exponents). */
function splitDenominator(factors: readonly Expr[]): { num: Expr[]; den: Expr[] } {
  const { num: numF, den: denF } = splitFraction(factors);
  const moved = numF.filter(isDenominatorFactor);
  return { num: numF.filter((f) => !moved.includes(f)), den: [...denF, ...moved] };
}

/** b^(-x) -> b^x for the denominator (built with the constructors, so canonical). */
function invertPow(f: Pow): Expr {
  return pow(f.base, mul(num(-1), f.exp));
}

function coeffOf(t: Expr): [Rational, Expr[]] {
  if (t.kind === "num") return [t.value, []];
  if (t.kind === "mul" && t.factors[0]!.kind === "num") return [t.factors[0]!.value, t.factors.slice(1) as Expr[]];
  if (t.kind === "mul") return [Rational.ONE, [...t.factors]];
  return [Rational.ONE, [t]];
}

/** True if e contains a function application other than matrix-notation products, inverses and transposes. */
function containsNamedFunction(e: Expr): boolean {
  switch (e.kind) {
    case "fn":
      return !MATRIX_VALUED.has(e.name) || e.args.some(containsNamedFunction);
    case "add":
      return e.terms.some(containsNamedFunction);
    case "mul":
      return e.factors.some(containsNamedFunction);
    case "pow":
      return containsNamedFunction(e.base) || containsNamedFunction(e.exp);
    default:
      return false;
  }
}

function isExprGrid(x: unknown): x is readonly (readonly Expr[])[] {
  return Array.isArray(x);
}

/**
 * LaTeX of an expression, or of a matrix (a `Matrix<Expr>` or rows of expressions) as a pmatrix or
 * bmatrix. Inline-ready: no surrounding $ or \[ \].
 */
export function toLatex(x: Expr | Matrix<Expr> | readonly (readonly Expr[])[], options: LatexOptions = {}): string {
  const printer = new LatexPrinter(options);
  if (x instanceof Matrix || isExprGrid(x)) {
    const rows = x instanceof Matrix ? x.toArray() : x;
    if (rows.length === 0 || rows.some((r) => !Array.isArray(r) || r.length !== rows[0]!.length || r.length === 0))
      throw new QgeomError("SHAPE", `toLatex: a matrix needs at least one row, and rows of one non-zero length; pass a non-empty rectangular array of rows`);
    const env = options.matrix ?? "pmatrix";
    if (env !== "pmatrix" && env !== "bmatrix") throw new QgeomError("INVALID_ARGUMENT", `toLatex: matrix must be "pmatrix" or "bmatrix", got "${String(env)}"; pass "pmatrix" or "bmatrix"`);
    const body = rows.map((r) => r.map((e) => printer.print(e, DISPLAY)).join(" & ")).join(" \\\\ ");
    return `\\begin{${env}} ${body} \\end{${env}}`;
  }
  if (x === null || typeof x !== "object" || !("kind" in x)) throw new QgeomError("INVALID_ARGUMENT", "toLatex: expected an expression or a matrix of expressions");
  const mode = options.exp ?? "auto";
  if (mode !== "auto" && mode !== "e" && mode !== "exp") throw new QgeomError("INVALID_ARGUMENT", `toLatex: exp must be "auto", "e" or "exp", got "${String(mode)}"; pass "auto", "e" or "exp"`);
  return printer.print(x, DISPLAY);
}
