// The proof format: a statement of MATH.md made precise, its hypotheses, and steps, each decided by a
// certificate. `proofs/` (top level) holds the catalogue V1–V25; users write their own the same way.
import type { Expr } from "../core/expr.js";
import type { Matrix } from "../core/matrix.js";

/** How a step was decided, strongest first. */
export type StepCertificate =
  | { kind: "proved/exact"; detail: string }
  | { kind: "proved/probabilistic"; errorBound: number; detail: string }
  | { kind: "checked/numeric"; error: number; tolerance: number; detail: string }
  | { kind: "checked/monte-carlo"; estimate: number; expected: number; standardError: number; sigmas: number; detail: string }
  /** The step asserted that a claim fails, and a counterexample shows it does. */
  | { kind: "counterexample"; method: "exact" | "numeric"; detail: string; point?: Record<string, string>; values?: Record<string, string> }
  /** The step's claim is false (or, for an expected failure, true): the proof is broken. */
  | { kind: "refuted"; detail: string; point?: Record<string, string>; values?: Record<string, string> }
  /** Could not be decided (a failure of the proof, reported as such). */
  | { kind: "unknown"; detail: string };

export type StepKind = StepCertificate["kind"];

/** Strength order used for the "strongest certificate" column. */
export const STRENGTH: Readonly<Record<StepKind, number>> = {
  "proved/exact": 6,
  "proved/probabilistic": 5,
  counterexample: 4,
  "checked/numeric": 3,
  "checked/monte-carlo": 2,
  unknown: 0,
  refuted: -1,
};

export function isSuccess(c: StepCertificate): boolean {
  return c.kind !== "refuted" && c.kind !== "unknown";
}

/** What the document shows for a step. */
export type StepDisplay =
  | { kind: "identity"; lhs: Expr; rhs: Expr; relation?: "=" | "\\le" | "\\ge" | "<" | ">" }
  | { kind: "chain"; start: Expr; steps: Array<{ expr: Expr; justification?: string }> }
  | { kind: "formula"; expr: Expr | Matrix<Expr>; lhs?: string }
  | { kind: "none" };

export interface StepResult {
  title: string;
  /** Why it holds (plain text, inline math between $...$). */
  justification: string;
  display: StepDisplay;
  certificate: StepCertificate;
  /** "holds": the step claims something true; "fails": it claims a (literal) statement is false. */
  expect: "holds" | "fails";
  ms: number;
}

/** One statement of the catalogue. */
export interface Proof {
  /** "V09", or a user id. */
  id: string;
  title: string;
  /** Where the mathematics is fixed, e.g. "MATH.md §3.6". */
  source: string;
  /** The precise statement (plain text with inline math between $...$). */
  statement: string;
  /** Hypotheses and domain (plain text with inline math). */
  hypotheses: readonly string[];
  /** For the paper's informal claims (MATH.md §10): the claim as the paper states it, and the verdict. */
  informal?: { claim: string; verdict: "holds" | "holds with hypotheses" | "fails as stated" };
  references: readonly string[];
  /** Runs the steps through the context (synchronously or not). */
  run(ctx: import("./context.js").ProofContext): void | Promise<void>;
}

export interface ProofResult {
  proof: Proof;
  steps: StepResult[];
  ms: number;
  /** Set when run() threw: the proof is broken. */
  error?: string;
  ok: boolean;
  strongest: StepKind | null;
  weakest: StepKind | null;
}
