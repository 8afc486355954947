// Derivation chains as align* blocks: one line per step, the relation aligned, and the justification
// of each step as \text{...} in a second column.
import { QgeomError } from "../core/errors.js";
import type { Expr } from "../core/expr.js";
import { ARTICLE_TEXT_WIDTH_PT, breakLines, latexWidth } from "./breaking.js";
import { type LatexOptions, toLatex } from "./print.js";
import { textLatex } from "./text.js";

/** Relations allowed between the lines of a chain. */
export type Relation = "=" | "<" | ">" | "\\le" | "\\ge" | "\\approx" | "\\propto" | "\\equiv";
const RELATIONS: ReadonlySet<string> = new Set(["=", "<", ">", "\\le", "\\ge", "\\approx", "\\propto", "\\equiv"]);

/** One step of a derivation: the relation to the previous line, the new expression and why. */
export interface DerivationStep {
  /** The expression of this line, printed right of the relation. */
  expr: Expr;
  /** Why the step holds: plain text, with inline math between $...$. */
  justification?: string;
  /** Relation to the previous line (default "="). */
  relation?: Relation;
}

/** A chain start = e1 = e2 ... with a justification per step. */
export interface Derivation {
  /** The first expression, printed left of the first relation. */
  start: Expr;
  /** The lines after the first, in order (at least one; alignLines throws INVALID_ARGUMENT otherwise). */
  steps: readonly DerivationStep[];
}

function relationOf(r: Relation | undefined): string {
  const rel = r ?? "=";
  if (!RELATIONS.has(rel)) throw new QgeomError("INVALID_ARGUMENT", `derivation: unknown relation "${rel}"; use one of ${[...RELATIONS].join(" ")}`);
  return rel;
}

/** The printed parts of each step: the start (first step only), the relation, the expression, the justification column. */
function stepParts(d: Derivation, options: LatexOptions): Array<{ left: string; rel: string; body: string; why: string }> {
  if (d.steps.length === 0) throw new QgeomError("INVALID_ARGUMENT", `derivation: at least one step is needed; pass a non-empty list of steps`);
  return d.steps.map((step, i) => ({
    left: i === 0 ? toLatex(d.start, options) + " " : "",
    rel: relationOf(step.relation),
    body: toLatex(step.expr, options),
    why: step.justification ? ` && ${textLatex(step.justification, `justification of step ${i + 1}`)}` : "",
  }));
}

/** The lines of a derivation for an align* body: "start &= e1 && \text{...} \\ &= e2 ...". */
export function alignLines(d: Derivation, options: LatexOptions = {}): string[] {
  return stepParts(d, options).map((p) => `${p.left}&${p.rel} ${p.body}${p.why}`);
}

/**
 * A derivation as an align* environment for pdflatex: like {@link alignLatex}, but a step wider than
 * `width` points continues on further rows (indented by \qquad, broken before binary + and -), with
 * its justification on the step's first row.
 */
export function alignTex(d: Derivation, options: LatexOptions = {}, width: number = ARTICLE_TEXT_WIDTH_PT): string {
  const parts = stepParts(d, options);
  const left = latexWidth(parts[0]!.left);
  const rows = parts.flatMap((p) => {
    const budget = Math.max(120, 0.8 * (width - left - latexWidth(p.why) - 30));
    const [first, ...more] = breakLines(p.body, budget);
    return [`${p.left}&${p.rel} ${first}${p.why}`, ...more.map((l) => `&\\qquad ${l}`)];
  });
  return `\\begin{align*}\n${rows.join(" \\\\\n")}\n\\end{align*}`;
}

/** A derivation as an align* environment (renders in KaTeX display mode and with amsmath). */
export function alignLatex(d: Derivation, options: LatexOptions = {}): string {
  return `\\begin{align*}\n${alignLines(d, options).join(" \\\\\n")}\n\\end{align*}`;
}

/** An equation lhs = rhs (or another relation) as one LaTeX formula. */
export function equationLatex(lhs: Expr, rhs: Expr, relation: Relation = "=", options: LatexOptions = {}): string {
  return `${toLatex(lhs, options)} ${relationOf(relation)} ${toLatex(rhs, options)}`;
}
