// Validation shared by the symbolic entry points: potentials are Exprs, variable lists are distinct
// identifiers, and every symbol that is not a variable is a parameter (compiled as a trailing input).
import { type Expr, QgeomError, freeSymbols, isValidIdentifier } from "../core/index.js";

/** Variables as names or symbols, e.g. `["x", "y"]` or `[sym("x"), sym("y")]`. */
export type VariableList = readonly (string | Expr)[];

/** A short excerpt of a value for error messages. */
export function excerpt(value: unknown, max = 60): string {
  let s: string;
  try {
    s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Checks that `e` is an Expr (not a string), naming the argument. */
export function checkExpr(e: unknown, name: string): asserts e is Expr {
  if (e === null || typeof e !== "object" || !("kind" in e) || !("flags" in e))
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be an Expr, got ${excerpt(e)}; call parse("...") on strings first`);
}

/** Distinct, valid variable names from a list of names or symbols; at least one. */
export function variableNames(vars: VariableList, name = "vars"): string[] {
  if (!Array.isArray(vars) || vars.length === 0)
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be a non-empty array of variable names, got ${excerpt(vars)}; pass e.g. ["x", "y"]`);
  const out = vars.map((v, k) => {
    const n = typeof v === "string" ? v : v !== null && typeof v === "object" && (v as Expr).kind === "sym" ? (v as { name: string }).name : undefined;
    if (n === undefined || !isValidIdentifier(n)) throw new QgeomError("INVALID_ARGUMENT", `${name}[${k}] is not a variable name: ${excerpt(typeof v === "string" ? v : String(v), 30)}; use a letter followed by letters, digits or _`);
    return n;
  });
  const seen = new Set<string>();
  for (const n of out) {
    if (seen.has(n)) throw new QgeomError("INVALID_ARGUMENT", `${name} lists "${n}" twice; pass distinct variables`);
    seen.add(n);
  }
  return out;
}

/** The inputs of a compiled twin: the variables first, then the other free symbols (parameters), sorted. */
export function compileInputs(exprs: readonly Expr[], vars: readonly string[]): string[] {
  const known = new Set(vars);
  const extra = new Set<string>();
  for (const e of exprs) for (const s of freeSymbols(e)) if (!known.has(s)) extra.add(s);
  return [...vars, ...[...extra].sort()];
}

/** A symbol name not occurring in any of the expressions nor in `taken` (`base`, `base_1`, ...). */
export function freshName(base: string, exprs: readonly Expr[], taken: readonly string[] = []): string {
  const used = new Set<string>(taken);
  for (const e of exprs) for (const s of freeSymbols(e)) used.add(s);
  if (!used.has(base)) return base;
  for (let k = 1; ; k++) if (!used.has(`${base}_${k}`)) return `${base}_${k}`;
}

/** Reads the values of `names` from a point given as a record; throws naming the missing ones. */
export function pointValues(point: Readonly<Record<string, number>>, names: readonly string[], what = "point"): Float64Array {
  if (point === null || typeof point !== "object") throw new QgeomError("INVALID_ARGUMENT", `${what} must be an object, got ${excerpt(point)}; pass e.g. { x: 1, y: 2 }`);
  const missing = names.filter((n) => !Object.prototype.hasOwnProperty.call(point, n));
  if (missing.length) throw new QgeomError("UNKNOWN_VARIABLE", `${what} has no value for ${missing.join(", ")}; pass { ${missing.map((m) => m + ": ...").join(", ")} }`);
  return Float64Array.from(names, (n) => {
    const v = point[n];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new QgeomError("NOT_FINITE", `${what}.${n} is ${excerpt(v)}; pass a finite number`);
    return v;
  });
}
