// The proof format: a statement of MATH.md made precise, its hypotheses, and steps, each decided by a
// certificate. `proofs/` (top level) holds the catalogue V1–V25; users write their own the same way.
import type { Expr } from "../core/expr.js";
import type { Matrix } from "../core/matrix.js";

/**
 * How a step was decided, strongest first (the order of {@link STRENGTH}). The first five kinds are
 * successes ({@link isSuccess}); `refuted` and `unknown` break the proof. The `proved/*` and
 * `checked/numeric`/`refuted` kinds mirror the verdicts of `verify` (core/verify.ts).
 */
export type StepCertificate =
  /** The identity holds exactly: the difference is the zero rational function over the atoms. */
  | {
      /** Discriminant: an exact proof. */
      kind: "proved/exact";
      /** What the exact check established (e.g. "difference simplifies to 0", or "definition" for a shown formula). */
      detail: string;
    }
  /** The difference vanished at random integer points evaluated exactly (Schwartz–Zippel). */
  | {
      /** Discriminant: a randomised exact proof. */
      kind: "proved/probabilistic";
      /** Upper bound on the probability that a non-zero difference passed every sample, (d / (|S| − d_den))^k. */
      errorBound: number;
      /** Samples, degree bound and sample set used. */
      detail: string;
    }
  /** Float64 agreement at sample points (not a proof). */
  | {
      /** Discriminant: a numeric check. */
      kind: "checked/numeric";
      /** Worst error observed (relative with scale max(1, |expected|), or absolute when the step says so). */
      error: number;
      /** The tolerance the error was compared against (error ≤ tolerance). */
      tolerance: number;
      /** What was compared and where. */
      detail: string;
    }
  /** A Monte Carlo estimate within `sigmas` standard errors of the exact value (MATH.md §9: at most 5 SE). */
  | {
      /** Discriminant: a Monte Carlo check. */
      kind: "checked/monte-carlo";
      /** The sample mean. */
      estimate: number;
      /** The exact value the estimate is compared with. */
      expected: number;
      /** Standard error of the estimate (> 0). */
      standardError: number;
      /** Observed deviation in standard errors, |estimate − expected| / standardError. */
      sigmas: number;
      /** Estimate ± SE versus the expected value, as text. */
      detail: string;
    }
  /** The step asserted that a claim fails, and a counterexample shows it does. */
  | {
      /** Discriminant: an expected failure, confirmed. */
      kind: "counterexample";
      /** Whether the two sides were shown to differ in exact rational arithmetic or beyond float64 rounding bounds. */
      method: "exact" | "numeric";
      /** How the claim fails. */
      detail: string;
      /** The counterexample point: variable name → value (as printed). */
      point?: Record<string, string>;
      /** Both sides at the point, keyed `lhs` and `rhs` (as printed). */
      values?: Record<string, string>;
    }
  /** The step's claim is false (or, for an expected failure, true): the proof is broken. */
  | {
      /** Discriminant: the step failed. */
      kind: "refuted";
      /** Why the step fails (also the message when the step's computation threw). */
      detail: string;
      /** A point of the domain where the two sides differ, when there is one: variable name → value. */
      point?: Record<string, string>;
      /** Both sides at that point, keyed `lhs` and `rhs`. */
      values?: Record<string, string>;
    }
  /** Could not be decided (a failure of the proof, reported as such). */
  | {
      /** Discriminant: undecided. */
      kind: "unknown";
      /** Why no decision was reached (e.g. no domain point found, exact attempt over budget). */
      detail: string;
    };

/** The certificate kinds, `"proved/exact"` … `"unknown"` (the discriminant of {@link StepCertificate}). */
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

/** True for the certificates that establish a step (every kind except `refuted` and `unknown`). */
export function isSuccess(c: StepCertificate): boolean {
  return c.kind !== "refuted" && c.kind !== "unknown";
}

/** What the document shows for a step. */
export type StepDisplay =
  /** A displayed relation `lhs relation rhs`. */
  | {
      /** Discriminant: a two-sided statement. */
      kind: "identity";
      /** Left-hand side. */
      lhs: Expr;
      /** Right-hand side. */
      rhs: Expr;
      /** The relation as LaTeX (default `=`). */
      relation?: "=" | "\\le" | "\\ge" | "<" | ">";
    }
  /** A chain `start = e₁ = e₂ = …`, each link with its own justification. */
  | {
      /** Discriminant: a chain of equalities. */
      kind: "chain";
      /** The first expression of the chain. */
      start: Expr;
      /** The links, in order; each equals its predecessor. */
      steps: Array<{
        /** The expression this link arrives at. */
        expr: Expr;
        /** Why it equals the previous one (plain text, inline math between $...$). */
        justification?: string;
      }>;
    }
  /** A formula (or matrix of formulas) shown as `lhs = expr`. */
  | {
      /** Discriminant: a displayed formula. */
      kind: "formula";
      /** The formula. */
      expr: Expr | Matrix<Expr>;
      /** LaTeX for the left-hand side (default: none, the formula stands alone). */
      lhs?: string;
    }
  /** Nothing displayed: the step is its title, justification and certificate. */
  | {
      /** Discriminant: no display. */
      kind: "none";
    };

/** One recorded step of a proof run, as {@link ProofContext} stores it. */
export interface StepResult {
  /** Short heading of the step. */
  title: string;
  /** Why it holds (plain text, inline math between $...$). */
  justification: string;
  /** What the document shows for the step. */
  display: StepDisplay;
  /** How the step was decided. */
  certificate: StepCertificate;
  /** "holds": the step claims something true; "fails": it claims a (literal) statement is false. */
  expect: "holds" | "fails";
  /** Wall time of the step's decision in milliseconds (0 for shown formulas). */
  ms: number;
}

/** One statement of the catalogue. */
export interface Proof {
  /** "V09", or a user id. */
  id: string;
  /** Human-readable name of the statement (heading in the report). */
  title: string;
  /** Where the mathematics is fixed, e.g. "MATH.md §3.6". */
  source: string;
  /** The precise statement (plain text with inline math between $...$). */
  statement: string;
  /** Hypotheses and domain (plain text with inline math). */
  hypotheses: readonly string[];
  /** For the paper's informal claims (MATH.md §10): the claim as the paper states it, and the verdict. */
  informal?: {
    /** The claim as the paper states it. */
    claim: string;
    /** Whether it holds as stated, only under the hypotheses listed, or not at all. */
    verdict: "holds" | "holds with hypotheses" | "fails as stated";
  };
  /** Literature citations, free text (e.g. "Muirhead (1982)"). */
  references: readonly string[];
  /** Runs the steps through the context (synchronously or not). */
  run(ctx: import("./context.js").ProofContext): void | Promise<void>;
}

/** The outcome of {@link runProof} for one statement. */
export interface ProofResult {
  /** The statement that was run. */
  proof: Proof;
  /** Every recorded step, in order (including shown formulas). */
  steps: StepResult[];
  /** Wall time of the whole run in milliseconds. */
  ms: number;
  /** Set when run() threw: the proof is broken. */
  error?: string;
  /**
   * True when run() did not throw, at least one step was decided (shown formulas, whose certificate detail
   * is "definition", do not count), and every decided step is a success ({@link isSuccess}).
   */
  ok: boolean;
  /** Strongest certificate kind among the decided steps by {@link STRENGTH}; null when there are none. */
  strongest: StepKind | null;
  /** Weakest certificate kind among the decided steps (a failure shows here); null when there are none. */
  weakest: StepKind | null;
}
