// LaTeX for CLI output (the latex layer plugs in here).
import type { Expr } from "../core/expr.js";

export function latexOf(_e: Expr | Expr[][]): string | undefined {
  return undefined;
}
