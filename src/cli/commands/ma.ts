// `qgeom ma <phi> --vars x,y [--at x=1,y=2]`: the Monge–Ampère operator det D²φ in closed form
// (MATH.md §3.3), optionally its value at a point (a singular Hessian there is an error, not NaN).
import { freeSymbols } from "../../core/index.js";
import { mongeAmpere, mongeAmpereAt } from "../../monge-ampere/index.js";
import { flagString } from "../args.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, pointArg, varsArg } from "../expr-args.js";
import { exprResult } from "../output.js";

export const maCommand: Command = {
  name: "ma",
  summary: "Monge–Ampère operator det D²φ in closed form (simplified); --at evaluates it (errors where D²φ is singular)",
  usage: "qgeom ma <phi> [--vars x,y] [--at x=1,y=2] [--latex] [--json]   (JSON: {expr, latex?, value?})",
  example: 'qgeom ma "log(exp(x)+exp(y)) + (x^2+y^2)/2" --vars x,y --at x=0,y=1',
  options: [...EXPR_OPTIONS, "at"],
  booleans: ["latex"],
  run(args) {
    const phi = exprArg(args, 0, "potential <phi>");
    const vars = varsArg(args, [...freeSymbols(phi)].sort());
    const d = mongeAmpere(phi, vars);
    if (flagString(args, "at") === undefined) return exprResult(d, args);
    const point = pointArg(args);
    const { value } = mongeAmpereAt(phi, vars, point);
    const r = exprResult(d, args, { value });
    return { ...r, text: `${r.text}\n${value}` };
  },
};
