// nerdamer syntax <-> Expr, for users who come from nerdamer. nerdamer's own algebra is not trusted
// (see test/interop/nerdamer.test.ts for its known wrong results); only its syntax is read and written.
import { QgeomError } from "../core/errors.js";
import type { Expr } from "../core/expr.js";
import { presentationOrder, splitFraction } from "../core/print.js";
import { Rational } from "../core/rational.js";
import { parse, type ParseOptions } from "./mathjs.js";

/** Reads a nerdamer-syntax expression (`e^x`, `log` natural, `sqrt`, `abs`, `x!`); the grammar is mathjs's. */
export function fromNerdamer(text: string, options: ParseOptions = {}): Expr {
  return parse(text, options);
}

// kernels nerdamer has under the same name and meaning
const NERDAMER_FUNCTIONS = new Set(["log", "abs", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "atanh", "sign"]);

/** Writes an expression in nerdamer syntax; kernels nerdamer lacks are rewritten or rejected. */
export function toNerdamer(e: Expr): string {
  const p = (x: Expr, ctx: number): string => {
    const [s, prec] = go(x);
    return prec < ctx ? `(${s})` : s;
  };
  const key = (x: Expr): string => p(x, 0);
  const go = (x: Expr): [string, number] => {
    switch (x.kind) {
      case "num":
        return [x.value.toString(), x.value.isInteger() && !x.value.isNegative() ? 5 : 2];
      case "const":
        if (x.name === "eulergamma") throw new QgeomError("UNSUPPORTED", `nerdamer has no Euler–Mascheroni constant; keep this expression in qgeom, or substitute a numeric value first`);
        return [x.name, 5];
      case "sym":
        return [x.name, 5];
      case "add":
        return [presentationOrder.sortTerms(x.terms, key).map((t) => p(t, 1)).join("+").replace(/\+-/g, "-"), 1];
      case "mul": {
        const { num: n, den: d } = splitFraction(x.factors);
        const top = n.length ? n.map((f) => p(f, 3)).join("*") : "1";
        if (d.length === 0) return [top, 2];
        const bottom = d
          .map((f) => {
            const pw = f as { base: Expr; exp: { value: Rational } };
            const k = pw.exp.value.neg();
            return k.isOne() ? p(pw.base, 4) : `${p(pw.base, 4)}^(${k.toString()})`;
          })
          .join("*");
        return [`${top}/(${bottom})`, 2];
      }
      case "pow":
        return [`${p(x.base, 4)}^(${p(x.exp, 0)})`, 4];
      case "fn": {
        if (x.dorders) throw new QgeomError("UNSUPPORTED", `nerdamer syntax has no formal derivatives of opaque functions; keep this expression in qgeom`);
        const a = x.args.map((y) => p(y, 0));
        switch (x.name) {
          case "exp":
            return [`e^(${a[0]})`, 4];
          case "softplus":
            return [`log(1+e^(${a[0]}))`, 5];
          case "sigmoid":
            return [`1/(1+e^(-(${a[0]})))`, 2];
        }
        if (NERDAMER_FUNCTIONS.has(x.name) || !/^(gamma|lgamma|digamma|polygamma|conj|re|im|det|tr|inv|transpose|matmul)$/.test(x.name))
          return [`${x.name}(${a.join(",")})`, 5];
        throw new QgeomError("UNSUPPORTED", `nerdamer does not implement ${x.name} reliably (it reads gamma(x) as a product); keep this expression in qgeom`);
      }
    }
  };
  return p(e, 0);
}
