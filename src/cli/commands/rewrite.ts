// `qgeom simplify|expand|together|cancel <expr>`: one rewriting each, printed in mathjs syntax.
import type { Expr } from "../../core/expr.js";
import { expand } from "../../core/expand.js";
import { cancel, simplify, together } from "../../core/transforms.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg } from "../expr-args.js";
import { exprResult } from "../output.js";

function rewriteCommand(name: string, summary: string, f: (e: Expr) => Expr, example: string): Command {
  return {
    name,
    summary,
    usage: `qgeom ${name} <expr> [--latex] [--json]`,
    example,
    options: EXPR_OPTIONS,
    booleans: ["latex"],
    run(args) {
      return exprResult(f(exprArg(args, 0)), args);
    },
  };
}

export const simplifyCommand = rewriteCommand("simplify", "simplify an expression (cancelled rational form over its atoms, when smaller)", (e) => simplify(e), 'qgeom simplify "(x^2-1)/(x-1)"');
export const expandCommand = rewriteCommand("expand", "expand products and powers of sums", (e) => expand(e), 'qgeom expand "(x+y)^3"');
export const togetherCommand = rewriteCommand("together", "combine into one fraction over a factored denominator", (e) => together(e), 'qgeom together "1/x + 1/y"');
export const cancelCommand = rewriteCommand("cancel", "one fraction with common factors cancelled (polynomial gcd)", (e) => cancel(e), 'qgeom cancel "(x^2-1)/(x^2+2*x+1)"');
