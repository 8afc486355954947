// qgeom command line. Contract (ARCHITECTURE.md): `qgeom <command> [args] [--json]`; with --json exactly one
// JSON object on stdout; errors on stderr with a non-zero exit (a JSON error object under --json).
import { QgeomError, closestName } from "../core/errors.js";
import { parseArgs } from "./args.js";
import type { Command, CommandContext } from "./command.js";
import { commands } from "./registry.js";

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  isTTY?: boolean;
}

function findCommand(argv: readonly string[]): { cmd: Command; rest: string[] } | null {
  const two = argv.length >= 2 ? `${argv[0]} ${argv[1]}` : "";
  const c2 = commands.find((c) => c.name === two);
  if (c2) return { cmd: c2, rest: argv.slice(2) };
  const c1 = commands.find((c) => c.name === argv[0]);
  if (c1) return { cmd: c1, rest: argv.slice(1) };
  return null;
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "qgeom — symbolic-numeric geometry of learning",
    "",
    "usage: qgeom <command> [args] [--json]",
    "",
    "commands:",
    ...lines,
    "",
    "Run `qgeom <command> --help` for the flags and an example of one command.",
  ].join("\n");
}

function commandHelp(c: Command): string {
  return `${c.summary}\n\nusage: ${c.usage}\n\nexample:\n  ${c.example}`;
}

/** The registered command closest to `word`: a prefix match, else a plausible typo (up to 2 letters off, a third of longer words). */
export function suggest(word: string): string | null {
  const names = [...new Set(commands.flatMap((c) => [c.name, c.name.split(" ")[0]!]))];
  const prefixed = word.length >= 2 ? names.filter((n) => n.startsWith(word)).sort((a, b) => a.length - b.length)[0] : undefined;
  return prefixed ?? closestName(word, names, 2);
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const wantsJson = argv.includes("--json");
  const fail = (e: unknown): number => {
    const err =
      e instanceof QgeomError
        ? e
        : e instanceof RangeError && /call stack/.test(e.message)
          ? new QgeomError("SIZE_LIMIT", `expression is nested too deeply to process; simplify or split it`)
          : new QgeomError("INTERNAL", `internal error: ${e instanceof Error ? e.message : String(e)}; this is a bug in qgeom, please report it with the command line`);
    if (wantsJson) io.stdout(JSON.stringify({ error: { code: err.code, message: err.message } }) + "\n");
    io.stderr(`qgeom: ${err.message}\n`);
    return err.code === "CLI_USAGE" ? 2 : 1;
  };
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(helpText() + "\n");
    return 0;
  }
  if (argv[0] === "--version") {
    io.stdout("qgeom 0.1.0\n");
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(argv[0] + " "));
    if (group.length > 0 && (argv.length === 1 || argv[1] === "--help")) {
      io.stdout(group.map((c) => `  ${c.name}  ${c.summary}`).join("\n") + "\n");
      return argv.length === 1 ? 2 : 0;
    }
    const what = group.length > 0 ? `${argv[0]} ${argv[1] ?? ""}`.trim() : argv[0]!;
    const close = suggest(what);
    return fail(
      new QgeomError(
        "CLI_USAGE",
        close !== null
          ? `unknown command "${what}"; did you mean "${close}"? (qgeom --help lists commands)`
          : `unknown command "${what}"; run qgeom --help for the list of commands`,
      ),
    );
  }
  const { cmd, rest } = found;
  try {
    const args = parseArgs(rest, cmd.booleans ?? [], cmd.options ?? []);
    if (args.flags.get("help") === true) {
      io.stdout(commandHelp(cmd) + "\n");
      return 0;
    }
    const ctx: CommandContext = {
      readStdin: io.readStdin,
      progress: (line) => {
        if (io.isTTY && !wantsJson) io.stderr(line);
      },
    };
    const result = await cmd.run(args, ctx);
    const body = result.raw ?? (wantsJson ? JSON.stringify(result.json) : result.text);
    if (body !== "") io.stdout(body + "\n");
    return result.exitCode ?? 0;
  } catch (e) {
    return fail(e);
  }
}

/** The process-level IO used by bin/qgeom.js. */
export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    isTTY: Boolean(process.stderr.isTTY),
  };
}

export async function runFromProcess(): Promise<void> {
  const code = await main(process.argv.slice(2), processIO());
  process.exitCode = code;
}

// Run when executed directly (`tsx src/cli/main.ts ...` or `node dist/src/cli/main.js ...`).
import { pathToFileURL } from "node:url";
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void runFromProcess();
