// LaTeX for CLI output: every expression command's --json carries "latex", and --latex prints it.
import type { Expr } from "../core/expr.js";
import { toLatex } from "../latex/print.js";

/** The LaTeX of an expression or of a matrix (rows of expressions), as toLatex prints it. */
export function latexOf(e: Expr | Expr[][]): string | undefined {
  return toLatex(e);
}
