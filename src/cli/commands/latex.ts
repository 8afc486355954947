// `qgeom latex <expr>`: LaTeX of an expression (paper conventions); `--parse` reads LaTeX instead.
import { QgeomError } from "../../core/errors.js";
import { toMathjs } from "../../core/print.js";
import { parseLatex } from "../../latex/parse.js";
import { type LatexOptions, toLatex } from "../../latex/print.js";
import { flagBool, flagString } from "../args.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, parseOptions } from "../expr-args.js";

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new QgeomError("CLI_USAGE", `--${flag} must be ${allowed.join(" or ")}, got "${value}"; pass one of these`);
  return value as T;
}

/** `qgeom latex`: prints the LaTeX of an expression, or reads LaTeX with --parse. */
export const latexCommand: Command = {
  name: "latex",
  summary: "LaTeX of an expression as in papers (\\det, \\Gamma_p, \\frac, subscripts from names); --parse reads LaTeX back",
  usage: "qgeom latex <expr> [--display] [--exp auto|e|exp] [--json]   |   qgeom latex --parse <latex> [--functions f,g] [--json]",
  example: 'qgeom latex "det(S)^((n-4)/2)*exp(-tr(matmul(inv(Sigma),S))/2)/multigamma(n/2,3)"',
  options: [...EXPR_OPTIONS, "exp"],
  booleans: ["display", "parse"],
  run(args) {
    const options: LatexOptions = {};
    const exp = choice(flagString(args, "exp"), ["auto", "e", "exp"] as const, "exp");
    if (exp) options.exp = exp;
    if (flagBool(args, "parse")) {
      const text = args.positionals[0];
      if (text === undefined) throw new QgeomError("CLI_USAGE", `missing LaTeX to read; pass a formula, e.g. qgeom latex read "\\frac{x}{2}"`);
      const f = parseOptions(args).functions;
      const e = parseLatex(text, Array.isArray(f) ? { functions: f } : {});
      return { json: { expr: toMathjs(e), latex: toLatex(e, options) }, text: toMathjs(e) };
    }
    const latex = toLatex(exprArg(args, 0), options);
    const display = flagBool(args, "display");
    const shown = display ? `\\[\n${latex}\n\\]` : latex;
    return { json: { expr: toMathjs(exprArg(args, 0)), latex, ...(display ? { display: shown } : {}) }, text: shown };
  },
};
