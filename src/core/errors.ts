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
