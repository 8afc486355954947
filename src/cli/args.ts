// Minimal, strict argv parsing: positionals, `--flag value`, `--flag=value`, boolean flags.
import { QgeomError, didYouMean } from "../core/errors.js";

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleans: readonly string[], options: readonly string[]): ParsedArgs {
  const bool = new Set(["json", "help", ...booleans]);
  const opts = new Set(options);
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (bool.has(name)) {
        if (eq >= 0) throw new QgeomError("CLI_USAGE", `flag --${name} takes no value; write --${name} alone`);
        flags.set(name, true);
      } else if (opts.has(name)) {
        let value: string | undefined;
        if (eq >= 0) value = a.slice(eq + 1);
        else {
          value = argv[i + 1];
          i++;
        }
        if (value === undefined) throw new QgeomError("CLI_USAGE", `flag --${name} needs a value; pass --${name} <value> or --${name}=<value>`);
        flags.set(name, value);
      } else {
        const known = [...bool, ...opts].map((f) => "--" + f).join(", ");
        throw new QgeomError("CLI_USAGE", `unknown flag --${name}; ${didYouMean(name, [...bool, ...opts])}use one of ${known}`);
      }
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = flagString(args, name);
  if (v === undefined) throw new QgeomError("CLI_USAGE", `missing required flag --${name}; pass --${name} <value> (qgeom <command> --help shows an example)`);
  return v;
}

export function flagBool(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

export function flagNumber(args: ParsedArgs, name: string): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || v.trim() === "") throw new QgeomError("CLI_USAGE", `--${name} must be a finite number, got "${v}"; pass e.g. --${name} 0.5`);
  return x;
}

/** Parses a JSON matrix flag: an array of rows of numbers. */
export function flagMatrix(args: ParsedArgs, name: string): number[][] {
  const v = requireFlag(args, name);
  let m: unknown;
  try {
    m = JSON.parse(v);
  } catch {
    throw new QgeomError("CLI_USAGE", `--${name} must be a JSON matrix such as [[2,1],[1,2]], got "${v.slice(0, 40)}"; quote the JSON in the shell`);
  }
  if (!Array.isArray(m) || m.length === 0 || !m.every((r) => Array.isArray(r) && r.length > 0 && r.every((x) => typeof x === "number" && Number.isFinite(x))))
    throw new QgeomError("CLI_USAGE", `--${name} must be a non-empty JSON array of rows of finite numbers, got "${v.slice(0, 40)}"; pass e.g. [[2,1],[1,2]]`);
  const rows = m as number[][];
  if (!rows.every((r) => r.length === rows[0]!.length))
    throw new QgeomError("SHAPE", `--${name}: rows have different lengths (${rows.map((r) => r.length).join(", ")}); pass rows of equal length`);
  return rows;
}
