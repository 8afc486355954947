// How commands print expressions: mathjs syntax on the terminal, {"expr", "latex"} under --json.
import type { Expr } from "../core/expr.js";
import { toMathjs } from "../core/print.js";
import { type ParsedArgs, flagBool } from "./args.js";
import type { CommandResult } from "./command.js";
import { latexOf } from "./latex-hook.js";

export function exprResult(e: Expr, args: ParsedArgs, extra: Record<string, unknown> = {}): CommandResult {
  const expr = toMathjs(e);
  const latex = latexOf(e);
  return {
    json: { expr, ...(latex !== undefined ? { latex } : {}), ...extra },
    text: flagBool(args, "latex") && latex !== undefined ? latex : expr,
  };
}

export function matrixResult(rows: Expr[][], args: ParsedArgs, extra: Record<string, unknown> = {}): CommandResult {
  const exprs = rows.map((r) => r.map(toMathjs));
  const latex = latexOf(rows);
  const width = Math.max(...exprs.flat().map((s) => s.length));
  return {
    json: { matrix: exprs, ...(latex !== undefined ? { latex } : {}), ...extra },
    text: flagBool(args, "latex") && latex !== undefined ? latex : exprs.map((r) => "[ " + r.map((s) => s.padEnd(width)).join("  ") + " ]").join("\n"),
  };
}
