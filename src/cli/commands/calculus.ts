// `qgeom diff|gradient|hessian <expr>`: derivatives, simplified.
import { QgeomError } from "../../core/errors.js";
import { freeSymbols } from "../../core/expr.js";
import { diff, gradient, hessian } from "../../core/diff.js";
import { det, matrix } from "../../core/matrix.js";
import { simplify } from "../../core/transforms.js";
import { flagBool, flagNumber } from "../args.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, varsArg } from "../expr-args.js";
import { exprResult, matrixResult } from "../output.js";

export const diffCommand: Command = {
  name: "diff",
  summary: "derivative d/dx of an expression (simplified)",
  usage: "qgeom diff <expr> --vars x [--order k] [--latex] [--json]",
  example: 'qgeom diff "log(exp(x)+exp(y))" --vars x',
  options: [...EXPR_OPTIONS, "order"],
  booleans: ["latex"],
  run(args) {
    const e = exprArg(args, 0);
    const vars = varsArg(args, freeSymbols(e));
    if (vars.length !== 1) throw new QgeomError("CLI_USAGE", `diff needs exactly one variable in --vars, got ${vars.length ? vars.join(",") : "none"}; pass e.g. --vars x`);
    const k = flagNumber(args, "order") ?? 1;
    return exprResult(simplify(diff(e, vars[0]!, k)), args);
  },
};

export const gradientCommand: Command = {
  name: "gradient",
  summary: "gradient of an expression (simplified), in the order of --vars",
  usage: "qgeom gradient <expr> [--vars x,y] [--latex] [--json]",
  example: 'qgeom gradient "x^2*y" --vars x,y',
  options: EXPR_OPTIONS,
  booleans: ["latex"],
  run(args) {
    const e = exprArg(args, 0);
    const g = gradient(e, varsArg(args, freeSymbols(e))).map((x) => simplify(x));
    return matrixResult(g.map((x) => [x]), args);
  },
};

export const hessianCommand: Command = {
  name: "hessian",
  summary: "Hessian matrix of an expression (entries simplified); --det prints its determinant in closed form",
  usage: "qgeom hessian <expr> [--vars a,b,c] [--det] [--latex] [--json]",
  example: 'qgeom hessian "-log(a*c-b^2)" --vars a,b,c --det',
  options: EXPR_OPTIONS,
  booleans: ["latex", "det"],
  run(args) {
    const e = exprArg(args, 0);
    const H = hessian(e, varsArg(args, freeSymbols(e)));
    if (flagBool(args, "det")) return exprResult(det(matrix(H)), args);
    return matrixResult(H.map((r) => r.map((x) => simplify(x))), args);
  },
};
