// LaTeX for CLI output: every expression command's --json carries "latex", and --latex prints it.
import type { Expr } from "../core/expr.js";
import { toLatex } from "../latex/print.js";

export function latexOf(e: Expr | Expr[][]): string | undefined {
  return toLatex(e);
}
