// Explicit rewriting: together, cancel, collect, subs, simplify. All of them preserve the value on the
// domain where the input is defined (they may extend it, e.g. (x²-1)/(x-1) -> x+1).
import { QgeomError } from "./errors.js";
import { type Expr, add, mul, pow, num, sym, exp, log, ZERO } from "./build.js";
import { type Fn, FLAG_NONPOLY, children, freeSymbols, internSym, postOrder } from "./expr.js";
import { Algebra } from "./atoms.js";
import { expand, rebuildFn } from "./expand.js";
import { withPolyLimits } from "./poly.js";
import type { RatFunc } from "./ratfunc.js";
import { type Variable, varName } from "./diff.js";

/** Limits of the rational-function algebra behind {@link together}, {@link cancel} and {@link simplify}. */
export interface AlgebraOptions {
  /** Maximum number of polynomial terms in intermediate results (default 50 000). */
  maxTerms?: number;
  /** Time budget in ms (default: none for together/cancel; 2 000 per simplification step in simplify). */
  timeLimitMs?: number;
}

function ratForm(e: Expr, options: AlgebraOptions, reduce: boolean): Expr {
  const deadline = options.timeLimitMs === undefined ? Infinity : performance.now() + options.timeLimitMs;
  return withPolyLimits({ maxTerms: options.maxTerms ?? 50_000, deadline }, () => {
    const A = new Algebra([e]);
    let r: RatFunc = A.rationalise(A.toRatFunc(e));
    if (reduce) r = r.reduce();
    return A.toExpr(r);
  });
}

/** One fraction N / Π D_i^k_i over the atoms of e (numerator expanded, denominator factored). */
export function together(e: Expr, options: AlgebraOptions = {}): Expr {
  return ratForm(e, options, false);
}

/** Like together, with common factors of numerator and denominator cancelled by polynomial gcds. */
export function cancel(e: Expr, options: AlgebraOptions = {}): Expr {
  return ratForm(e, options, true);
}

/** Collects the expanded e as Σ_k c_k x^k (coefficients c_k free of x, themselves simplified). */
export function collect(e: Expr, x: Variable): Expr {
  const name = varName(x);
  const X = sym(name);
  const ex = expand(e);
  const groups = new Map<string, { power: Expr; coeffs: Expr[] }>();
  for (const t of ex.kind === "add" ? ex.terms : [ex]) {
    const fs = t.kind === "mul" ? t.factors : [t];
    let power: Expr = ZERO;
    const rest: Expr[] = [];
    for (const f of fs) {
      if (f === X) power = add(power, num(1));
      else if (f.kind === "pow" && f.base === X) power = add(power, f.exp);
      else rest.push(f);
    }
    const key = power.toString();
    const g = groups.get(key);
    if (g) g.coeffs.push(mul(...rest));
    else groups.set(key, { power, coeffs: [mul(...rest)] });
  }
  return add(...[...groups.values()].map((g) => mul(simplify(add(...g.coeffs)), pow(X, g.power))));
}

/**
 * What {@link subs} replaces: a Map from symbols (by name or as Expr) or any sub-expressions to their
 * replacements, or a plain object from symbol names to expressions or numbers.
 */
export type Substitution = ReadonlyMap<Expr | string, Expr> | Readonly<Record<string, Expr | number>>;

/** Replaces symbols (or any sub-expressions) by expressions, rebuilding through the constructors. */
export function subs(e: Expr, s: Substitution): Expr {
  const table = new Map<Expr, Expr>();
  const put = (k: Expr | string, v: Expr | number): void => {
    table.set(typeof k === "string" ? sym(k) : k, typeof v === "number" ? num(v) : v);
  };
  if (s instanceof Map) for (const [k, v] of s) put(k, v);
  else for (const [k, v] of Object.entries(s as Record<string, Expr | number>)) put(k, v);
  const memo = new Map<Expr, Expr>();
  for (const x of postOrder([e])) {
    const hit = table.get(x);
    if (hit !== undefined) {
      memo.set(x, hit);
      continue;
    }
    const kids = children(x);
    if (kids.length === 0) {
      memo.set(x, x);
      continue;
    }
    const nk = kids.map((k) => memo.get(k)!);
    if (nk.every((k, i) => k === kids[i])) {
      memo.set(x, x);
      continue;
    }
    let r: Expr;
    switch (x.kind) {
      case "add":
        r = add(...nk);
        break;
      case "mul":
        r = mul(...nk);
        break;
      case "pow":
        r = pow(nk[0]!, nk[1]!);
        break;
      case "fn":
        r = rebuildFn(x as Fn, nk);
        break;
      default:
        r = x;
    }
    memo.set(x, r);
  }
  return memo.get(e)!;
}

/** A size measure for choosing between equivalent forms: tree nodes, with powers and functions a bit dearer. */
export function complexity(e: Expr): number {
  const memo = new Map<Expr, number>();
  for (const x of postOrder([e])) {
    let c = 1;
    for (const k of children(x)) c += memo.get(k)!;
    if (x.kind === "num") c += x.value.isInteger() ? 0 : 1;
    if (x.kind === "fn") c += 1;
    memo.set(x, c);
  }
  return memo.get(e)!;
}

/** Options of {@link simplify}: the algebra limits plus positivity assumptions. */
export interface SimplifyOptions extends AlgebraOptions {
  /**
   * Symbols known to be positive. Rules valid only for positive values then apply
   * (log(xy) = log x + log y, sqrt(x^2) = x, |x| = x): x is written e^t with t real, simplified, and
   * written back.
   */
  positive?: readonly string[];
}

/**
 * A presentation-oriented simplification: function arguments are simplified first, then the smallest of
 * the input and its cancelled rational form over the atoms is returned. Never changes the value where the
 * input is defined.
 */
export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  const plain = (x: Expr): Expr => simplify1(subsFunctions(x, (f) => simplify1(f, options)), options); // bottom-up on function arguments
  const base = plain(e);
  const positive = (options.positive ?? []).filter((x) => freeSymbols(e).includes(x));
  if (positive.length === 0) return base;
  // x = e^t on x > 0 (t a fresh internal symbol), simplified, then t = log x
  const there = Object.fromEntries(positive.map((x) => [x, exp(internSym("$" + x))]));
  const back = new Map<Expr, Expr>(positive.map((x) => [internSym("$" + x), log(sym(x))]));
  const viaExp = subs(plain(subs(e, there)), back);
  const candidate = freeSymbols(viaExp).some((s) => s.startsWith("$")) ? base : plain(viaExp);
  return complexity(candidate) < complexity(base) ? candidate : base;
}

function simplify1(e: Expr, options: SimplifyOptions): Expr {
  if (e.kind === "num" || e.kind === "sym" || e.kind === "const") return e;
  let best: Expr = e;
  let bestC = complexity(e);
  const consider = (c: Expr): void => {
    const k = complexity(c);
    if (k < bestC) [best, bestC] = [c, k];
  };
  try {
    consider(cancel(e, { ...options, timeLimitMs: options.timeLimitMs ?? 2_000 }));
  } catch (err) {
    if (!(err instanceof QgeomError) || (err.code !== "SIZE_LIMIT" && err.code !== "TIME_LIMIT" && err.code !== "UNSUPPORTED")) throw err;
  }
  if ((e.flags & FLAG_NONPOLY) === 0) {
    try {
      consider(expand(e, { maxTerms: options.maxTerms ?? 50_000 }));
    } catch (err) {
      if (!(err instanceof QgeomError) || err.code !== "SIZE_LIMIT") throw err;
    }
  }
  return best;
}

/** Rebuilds e with every function application's arguments mapped through f (bottom-up). */
function subsFunctions(e: Expr, f: (x: Expr) => Expr): Expr {
  const memo = new Map<Expr, Expr>();
  for (const x of postOrder([e])) {
    const kids = children(x);
    if (kids.length === 0) {
      memo.set(x, x);
      continue;
    }
    const nk = kids.map((k) => memo.get(k)!);
    let r: Expr;
    switch (x.kind) {
      case "fn":
        r = rebuildFn(x as Fn, (x as Fn).args.map((a) => (a.kind === "num" || a.kind === "sym" ? a : f(memo.get(a)!))));
        break;
      case "add":
        r = nk.every((k, i) => k === kids[i]) ? x : add(...nk);
        break;
      case "mul":
        r = nk.every((k, i) => k === kids[i]) ? x : mul(...nk);
        break;
      case "pow":
        r = nk.every((k, i) => k === kids[i]) ? x : pow(nk[0]!, nk[1]!);
        break;
      default:
        r = x;
    }
    memo.set(x, r);
  }
  return memo.get(e)!;
}

