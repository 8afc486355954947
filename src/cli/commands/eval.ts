// `qgeom eval <expr> --at x=1,y=2`: numeric value in float64.
import { freeSymbols } from "../../core/expr.js";
import { evaluate } from "../../core/eval.js";
import { QgeomError } from "../../core/errors.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, pointArg } from "../expr-args.js";

export const evalCommand: Command = {
  name: "eval",
  summary: "evaluate an expression at a point in float64",
  usage: "qgeom eval <expr> --at x=1,y=2 [--json]",
  example: 'qgeom eval "softplus(x) - log(1+exp(x))" --at x=3',
  options: [...EXPR_OPTIONS, "at"],
  run(args) {
    const e = exprArg(args, 0);
    const env = pointArg(args);
    const missing = freeSymbols(e).filter((s) => !(s in env));
    if (missing.length) throw new QgeomError("UNKNOWN_VARIABLE", `no value for ${missing.join(", ")}; pass --at ${missing.map((m) => m + "=...").join(",")}`);
    const value = evaluate(e, env);
    return { json: { value }, text: String(value) };
  },
};
