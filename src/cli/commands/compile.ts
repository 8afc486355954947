// `qgeom compile <expr>... --vars x,y [--emit js|ts]`: a standalone ES module evaluating the expressions.
import { FLAG_I, freeSymbols } from "../../core/expr.js";
import { QgeomError } from "../../core/errors.js";
import { compile } from "../../compile/compile.js";
import { emitModule } from "../../compile/module.js";
import { flagBool, flagString } from "../args.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, varsArg } from "../expr-args.js";

/** `qgeom compile`: prints the standalone module of the given expressions. */
export const compileCommand: Command = {
  name: "compile",
  summary: "compile expressions to a standalone JavaScript or TypeScript module (CSE, stable forms, no imports)",
  usage: "qgeom compile <expr> [<expr> ...] [--vars x,y] [--emit js|ts] [--check-finite] [--json]",
  example: 'qgeom compile "log(exp(x) + exp(y))" --vars x,y --emit ts',
  options: [...EXPR_OPTIONS, "emit"],
  booleans: ["check-finite"],
  run(args) {
    if (args.positionals.length === 0) throw new QgeomError("CLI_USAGE", `missing expression; pass it first, e.g. qgeom compile "x^2 + y" --vars x,y`);
    const exprs = args.positionals.map((_, k) => exprArg(args, k, `expression ${k + 1}`));
    const vars = varsArg(args, [...new Set(exprs.flatMap((e) => freeSymbols(e)))].sort());
    const format = flagString(args, "emit") ?? "js";
    if (format !== "js" && format !== "ts") throw new QgeomError("CLI_USAGE", `--emit must be js or ts, got "${format.slice(0, 20)}"; pass --emit js or --emit ts`);
    const f = compile(exprs.length === 1 ? exprs[0]! : exprs, vars, {
      complex: exprs.some((e) => (e.flags & FLAG_I) !== 0),
      checkFinite: flagBool(args, "check-finite"),
      mode: "closure", // the module text is the product; nothing needs to run here
    });
    const source = emitModule(f, { format });
    return { json: { source, inputs: f.inputs, outputSize: f.outputSize }, text: source.trimEnd() };
  },
};
