// expand: distributes products and natural powers over sums, recursively (also inside function
// arguments and denominators), with an explicit limit on the number of terms.
import { QgeomError } from "./errors.js";
import { type Expr, add, mul, pow, fn, fnDerivative, MINUS_ONE } from "./build.js";
import type { Fn } from "./expr.js";

/** Options of {@link expand}. */
export interface ExpandOptions {
  /** Maximum number of terms of any expanded sum (default 100 000). */
  maxTerms?: number;
}

const DEFAULT_MAX_TERMS = 100_000;

function terms(e: Expr): readonly Expr[] {
  return e.kind === "add" ? e.terms : [e];
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Expands e. Throws SIZE_LIMIT before producing more than maxTerms terms. */
export function expand(e: Expr, options: ExpandOptions = {}): Expr {
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  const memo = new Map<Expr, Expr>();
  const tooBig = (n: number): never => {
    throw new QgeomError(
      "SIZE_LIMIT",
      `expansion would produce about ${n.toExponential(2)} terms, over the limit of ${maxTerms}; pass a larger maxTerms or keep the expression factored`,
    );
  };
  const distribute = (factors: Expr[]): Expr => {
    let est = 1;
    for (const f of factors) est *= terms(f).length;
    if (est > maxTerms) tooBig(est);
    let acc: Expr[] = [...terms(factors[0]!)];
    for (let i = 1; i < factors.length; i++) {
      const ts = terms(factors[i]!);
      if (ts.length === 1) {
        acc = acc.map((a) => mul(a, ts[0]!));
        continue;
      }
      const next: Expr[] = [];
      for (const a of acc) for (const t of ts) next.push(mul(a, t));
      const s = add(...next);
      acc = [...terms(s)];
      if (acc.length > maxTerms) tooBig(acc.length);
    }
    return add(...acc);
  };
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let r: Expr;
    switch (x.kind) {
      case "add":
        r = add(...x.terms.map(go));
        if (terms(r).length > maxTerms) tooBig(terms(r).length);
        break;
      case "mul": {
        const fs = x.factors.map(go);
        r = fs.some((f) => f.kind === "add") ? distribute(fs) : mul(...fs);
        break;
      }
      case "pow": {
        const b = go(x.base);
        const ex = go(x.exp);
        if (b.kind === "add" && ex.kind === "num" && ex.value.isInteger()) {
          const k = ex.value.toInteger();
          const n = Math.abs(k);
          const est = binom(n + b.terms.length - 1, b.terms.length - 1);
          if (est > maxTerms) tooBig(est);
          // repeated squaring on the expanded base
          let result: Expr | null = null;
          let base: Expr = b;
          let m = n;
          while (m > 0) {
            if (m & 1) result = result === null ? base : distribute([result, base]);
            m >>= 1;
            if (m > 0) base = distribute([base, base]);
          }
          r = k >= 0 ? result! : pow(result!, MINUS_ONE);
        } else r = pow(b, ex);
        break;
      }
      case "fn": {
        const args = x.args.map(go);
        r = args.every((a, i) => a === x.args[i]) ? x : rebuildFn(x, args);
        break;
      }
      default:
        r = x;
    }
    memo.set(x, r);
    return r;
  };
  return go(e);
}

/** Re-applies a function node to new arguments (keeping derivative orders of opaque functions). */
export function rebuildFn(f: Fn, args: Expr[]): Expr {
  const g = fn(f.name, ...args);
  if (f.dorders !== null && g.kind === "fn") return fnDerivative(g, f.dorders);
  return g;
}
