/**
 * The one error type of qgeom. `code` is stable and machine-readable; `message` names the
 * offending argument, shows a short excerpt of it and says what to do instead.
 */
export type QgeomErrorCode =
  /** The input text does not parse (mathjs, LaTeX or nerdamer syntax). */
  | "PARSE"
  /** A function name qgeom does not know (the message suggests the closest one). */
  | "UNKNOWN_FUNCTION"
  /** A variable with no value, or not among the declared inputs. */
  | "UNKNOWN_VARIABLE"
  /** Differentiation of an opaque function or kernel argument that has no rule. */
  | "NO_DERIVATIVE_RULE"
  /** Exact division by zero (a denominator that is identically zero, or zero at the point). */
  | "DIVISION_BY_ZERO"
  /** A result or input over a size limit (terms, nodes, degree, enumeration); limits are options. */
  | "SIZE_LIMIT"
  /** A computation over its time or work budget (exact verification, polynomial gcd, quadrature intervals). */
  | "TIME_LIMIT"
  /** A value outside the mathematical domain (log of a negative number, a point outside the cone). */
  | "DOMAIN"
  /** Wrong dimensions, or mismatched sizes between arguments. */
  | "SHAPE"
  /** A matrix that must be symmetric is not. */
  | "NOT_SYMMETRIC"
  /** A matrix that must be (semi)definite is not (Cholesky pivot, smallest eigenvalue). */
  | "NOT_POSITIVE_DEFINITE"
  /** A matrix that must be Hermitian is not. */
  | "NOT_HERMITIAN"
  /** A matrix or Jacobian that must be invertible is (numerically) singular. */
  | "SINGULAR"
  /** Any other invalid argument (a parameter out of range, an option of the wrong kind). */
  | "INVALID_ARGUMENT"
  /** A NaN or ±Infinity among the inputs. */
  | "NOT_FINITE"
  /** An iterative method (eigensolver, SVD, Newton, bisection) did not reach its tolerance. */
  | "NO_CONVERGENCE"
  /** A request qgeom does not handle (a kernel in a context without a rule, an unsupported model kind). */
  | "UNSUPPORTED"
  /** A command line that cannot be run (unknown command or flag, missing argument). */
  | "CLI_USAGE"
  /** An invariant of qgeom itself failed: a bug, to be reported with the input that triggered it. */
  | "INTERNAL";

/**
 * The error thrown by every qgeom function for invalid input or an impossible request. Test
 * `err instanceof QgeomError` and branch on `err.code`; `err.message` is for people.
 */
export class QgeomError extends Error {
  /** Machine-readable category, stable across versions (see {@link QgeomErrorCode}). */
  readonly code: QgeomErrorCode;
  /** Optional structured context (e.g. `{ row, col }` of an offending matrix entry). */
  readonly details?: Record<string, unknown>;
  constructor(code: QgeomErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "QgeomError";
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/**
 * A short excerpt of a value for error messages: strings in double quotes (unless `quote` is false),
 * other values as JSON with non-finite numbers, bigints and typed arrays shown as written.
 */
export function excerpt(value: unknown, max = 60, quote = typeof value === "string"): string {
  let s: string;
  if (typeof value === "string") s = value;
  else if (typeof value === "number" || typeof value === "bigint" || typeof value === "function" || typeof value === "symbol" || value === undefined)
    s = typeof value === "function" ? "a function" : String(value);
  else {
    try {
      s = (JSON.stringify(value, (_k, v: unknown) =>
        typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}\u0000` :
        typeof v === "bigint" ? `\u0000${v}\u0000` :
        ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v) ?? String(value))
        .replace(/"\\u0000(.*?)\\u0000"/g, "$1");
    } catch {
      s = String(value);
    }
  }
  if (s.length > max) s = s.slice(0, max - 1) + "…";
  return quote ? `"${s}"` : s;
}

/** Edit distance between two short strings: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word` when it is a plausible typo of it (edit distance at most
 * max(minAllowed, ⌊|word|/3⌋); ties go to the longer common prefix), else null.
 */
export function closestName(word: string, candidates: Iterable<string>, minAllowed = 1): string | null {
  const w = word.toLowerCase();
  const prefix = (c: string): number => {
    let k = 0;
    while (k < w.length && k < c.length && w[k] === c[k]) k++;
    return k;
  };
  let best: string | null = null;
  let bestD = Infinity, bestP = -1;
  for (const c of candidates) {
    if (c === word) continue;
    const lc = c.toLowerCase();
    const d = editDistance(w, lc), p = prefix(lc);
    if (d < bestD || (d === bestD && p > bestP)) [best, bestD, bestP] = [c, d, p];
  }
  return bestD <= Math.max(minAllowed, Math.floor(word.length / 3)) ? best : null;
}

/** `did you mean "x"? ` for a plausible typo of one of `candidates`, else the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closestName(word, candidates);
  return c === null ? "" : `did you mean "${c}"? `;
}
