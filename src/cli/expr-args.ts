// Shared flag handling for commands that take expressions.
import { QgeomError } from "../core/errors.js";
import type { Expr } from "../core/expr.js";
import { isValidIdentifier } from "../core/build.js";
import { parse, type ParseOptions } from "../interop/mathjs.js";
import { type ParsedArgs, flagString } from "./args.js";

export const EXPR_OPTIONS = ["vars", "functions"];

export function parseOptions(args: ParsedArgs): ParseOptions {
  const f = flagString(args, "functions");
  return f === undefined ? {} : { functions: splitNames(f, "--functions") };
}

export function splitNames(text: string, what: string): string[] {
  const names = text.split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!isValidIdentifier(n)) throw new QgeomError("CLI_USAGE", `${what}: "${n}" is not a valid name; use a letter followed by letters, digits or _`);
  return names;
}

/** The positional expression at `index` (named `what` in errors). */
export function exprArg(args: ParsedArgs, index: number, what = "expression"): Expr {
  const text = args.positionals[index];
  if (text === undefined) throw new QgeomError("CLI_USAGE", `missing ${what}; pass it as the first argument, quoted, e.g. "x^2 + 1"`);
  return parse(text, parseOptions(args));
}

/** --vars x,y or, by default, the free symbols in sorted order. */
export function varsArg(args: ParsedArgs, fallback: readonly string[]): string[] {
  const v = flagString(args, "vars");
  return v === undefined ? [...fallback] : splitNames(v, "--vars");
}

/** --at x=1,y=2.5 as numbers. */
export function pointArg(args: ParsedArgs, name = "at"): Record<string, number> {
  const text = flagString(args, name);
  if (text === undefined) return {};
  const env: Record<string, number> = {};
  for (const part of text.split(",")) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) throw new QgeomError("CLI_USAGE", `--${name} expects name=value pairs like x=1,y=2; got "${part}"; pass e.g. --${name} x=1,y=2`);
    const v = Number(m[2]);
    if (!Number.isFinite(v)) throw new QgeomError("CLI_USAGE", `--${name}: value of ${m[1]} must be a finite number, got "${m[2]}"; pass e.g. ${m[1]}=0.5`);
    env[m[1]!] = v;
  }
  return env;
}
