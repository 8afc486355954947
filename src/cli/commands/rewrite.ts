// `qgeom simplify|expand|together|cancel <expr>`: one rewriting each, printed in mathjs syntax.
import type { Expr } from "../../core/expr.js";
import { expand } from "../../core/expand.js";
import { cancel, simplify, together } from "../../core/transforms.js";
import type { Command } from "../command.js";
import { type ParsedArgs, flagString } from "../args.js";
import { EXPR_OPTIONS, exprArg, splitNames } from "../expr-args.js";
import { exprResult } from "../output.js";

function rewriteCommand(name: string, summary: string, f: (e: Expr, args: ParsedArgs) => Expr, example: string, extra: string[] = []): Command {
  return {
    name,
    summary,
    usage: `qgeom ${name} <expr>${extra.map((o) => ` [--${o} ...]`).join("")} [--latex] [--json]`,
    example,
    options: [...EXPR_OPTIONS, ...extra],
    booleans: ["latex"],
    run(args) {
      return exprResult(f(exprArg(args, 0), args), args);
    },
  };
}

export const simplifyCommand = rewriteCommand(
  "simplify",
  "simplify an expression (cancelled rational form over its atoms, when smaller); --positive x,y assumes those symbols > 0",
  (e, args) => {
    const pos = flagString(args, "positive");
    return simplify(e, pos ? { positive: splitNames(pos, "--positive") } : {});
  },
  'qgeom simplify "log(x*y) - log(x)" --positive x,y',
  ["positive"],
);
export const expandCommand = rewriteCommand("expand", "expand products and powers of sums", (e) => expand(e), 'qgeom expand "(x+y)^3"');
export const togetherCommand = rewriteCommand("together", "combine into one fraction over a factored denominator", (e) => together(e), 'qgeom together "1/x + 1/y"');
export const cancelCommand = rewriteCommand("cancel", "one fraction with common factors cancelled (polynomial gcd)", (e) => cancel(e), 'qgeom cancel "(x^2-1)/(x^2+2*x+1)"');
