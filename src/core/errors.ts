/**
 * The one error type of qgeom. `code` is stable and machine-readable; `message` names the
 * offending argument, shows a short excerpt of it and says what to do instead.
 */
export type QgeomErrorCode =
  | "PARSE"
  | "UNKNOWN_FUNCTION"
  | "UNKNOWN_VARIABLE"
  | "NO_DERIVATIVE_RULE"
  | "DIVISION_BY_ZERO"
  | "SIZE_LIMIT"
  | "TIME_LIMIT"
  | "DOMAIN"
  | "SHAPE"
  | "NOT_SYMMETRIC"
  | "NOT_POSITIVE_DEFINITE"
  | "NOT_HERMITIAN"
  | "SINGULAR"
  | "INVALID_ARGUMENT"
  | "NOT_FINITE"
  | "UNSUPPORTED"
  | "CLI_USAGE";

export class QgeomError extends Error {
  readonly code: QgeomErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: QgeomErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "QgeomError";
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** A short excerpt of a string or value for error messages. */
export function excerpt(value: unknown, max = 60): string {
  let s: string;
  if (typeof value === "string") s = value;
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Levenshtein edit distance between two short strings. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/**
 * The candidate closest to `word` when it is a plausible typo of it (edit distance at most
 * max(1, ⌊|word|/3⌋), ties broken by the candidates' order), else null.
 */
export function closestName(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}

/** `did you mean "x"? ` for a plausible typo of one of `candidates`, else the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closestName(word, candidates);
  return c === null ? "" : `did you mean "${c}"? `;
}
