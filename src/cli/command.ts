// The shape of one CLI command. Each command lives in src/cli/commands/<name>.ts and is listed in registry.ts.
import type { ParsedArgs } from "./args.js";

export interface CommandResult {
  /** The object printed under --json (exactly one JSON object on stdout). */
  json: Record<string, unknown>;
  /** Human-readable output for the terminal. */
  text: string;
  /** Printed verbatim instead of `text`/`json` (used by `batch`, whose output is JSON Lines either way). */
  raw?: string;
  /** Exit code (0 unless the command reports a negative outcome, e.g. a refuted identity). */
  exitCode?: number;
}

export interface CommandContext {
  /** Reads all of standard input (used by `batch`). */
  readStdin: () => Promise<string>;
  /** Writes progress to stderr (only when stderr is a terminal and --json is off). */
  progress: (line: string) => void;
}

export interface Command {
  /** One or two words, e.g. "verify" or "wishart logpdf". */
  name: string;
  summary: string;
  usage: string;
  example: string;
  /** Flags that take no value. `json` and `help` are always boolean. */
  booleans?: string[];
  /** Flags that take a value (anything else is rejected as unknown). */
  options?: string[];
  run(args: ParsedArgs, ctx: CommandContext): Promise<CommandResult> | CommandResult;
}
