// Runs the code blocks of README.md and docs/guide/*.md and writes their real output into the page.
//
//   npx tsx docs/guide/build.ts            regenerate every output block (README.md, docs/guide/*.md)
//   npx tsx docs/guide/build.ts --check    exit 1 if any shown output differs from what the code prints
//   npx tsx docs/guide/build.ts FILE.md    only these pages
//
// The block convention (test/docs/readme.test.ts and test/docs/guide.test.ts run the same blocks and
// compare against the page, so a shown output can only be what the code prints):
//
//   ```ts            a complete program, importing from "qgeom" / "qgeom/testing" (resolved to src/
//                    by tsconfig "paths" and the vitest alias). It is run, and everything it writes
//                    with console.log is its output.
//   ```text          immediately after a ts block (blank lines only in between): that output, verbatim.
//                    A ts block without a following text block must print nothing.
//   ```ts test       a vitest test file: the docs test imports it while collecting, so its `it`s run
//                    as tests (this script skips it).
//   ```console       a terminal transcript: lines `$ qgeom <args>` (or `$ echo '<json>' | qgeom batch`)
//                    are run through the CLI in-process, and the lines up to the next `$` are its
//                    stdout and stderr. Lines starting with `$` but not `qgeom` are rejected.
//   ```sh            not run (setup commands such as `npm ci`).
//
// Blocks run in one process, in page order, each as a fresh module written to .docs-run/ (gitignored).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import { main as cliMain } from "../../src/cli/main.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const RUN_DIR = path.join(ROOT, ".docs-run");

/** A fenced code block: language, the rest of the info string, body, and 0-based line numbers of its fences. */
export interface Fence {
  lang: string;
  meta: string;
  body: string;
  open: number;
  close: number;
}

/** A transcript command of a console block. */
export interface ConsoleCommand {
  line: number;
  source: string;
  argv: string[];
  stdin: string;
  expected: string;
}

export type Runnable =
  | { kind: "ts"; fence: Fence; output: Fence | null }
  | { kind: "test"; fence: Fence }
  | { kind: "console"; fence: Fence; commands: ConsoleCommand[] };

/** The fenced code blocks of a Markdown text (``` fences; nested fences are not supported). */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split("\n");
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== "```") j++;
    if (j === lines.length) throw new Error(`unclosed code fence at line ${i + 1}`);
    out.push({ lang: m[1]!, meta: m[2]!.trim(), body: lines.slice(i + 1, j).join("\n"), open: i, close: j });
    i = j;
  }
  return out;
}

/** Splits a shell command line into words: '…' literal, "…" with \" and \\ escapes, \x outside quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\" || line[i + 1] === "$")) i++;
        cur += line[i];
        i++;
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (c === " " || c === "\t") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** argv and stdin of a command line `qgeom …` or `echo '<stdin>' | qgeom …` (the only pipe supported). */
export function qgeomCommand(source: string, where: string): { argv: string[]; stdin: string } {
  let words = shellWords(source);
  let stdin = "";
  const pipe = words.indexOf("|");
  if (pipe >= 0) {
    if (words[0] !== "echo" || pipe !== 2) throw new Error(`${where}: only "echo '<text>' | qgeom …" pipes are supported`);
    stdin = words[1]! + "\n";
    words = words.slice(pipe + 1);
  }
  if (words[0] !== "qgeom") throw new Error(`${where}: console blocks may only run qgeom (got "${words[0]}"); use a sh block for other commands`);
  return { argv: words.slice(1), stdin };
}

function consoleCommands(f: Fence): ConsoleCommand[] {
  const lines = f.body.split("\n");
  const cmds: ConsoleCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.startsWith("$ ")) {
      if (cmds.length === 0) throw new Error(`console block at line ${f.open + 1}: text before the first "$ " command`);
      continue;
    }
    const source = l.slice(2);
    const { argv, stdin } = qgeomCommand(source, `line ${f.open + i + 2}`);
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith("$ ")) j++;
    cmds.push({ line: f.open + i + 2, source, argv, stdin, expected: lines.slice(i + 1, j).join("\n") });
  }
  return cmds;
}

/** The blocks of a page that are run, with the output blocks that belong to them. */
export function runnables(markdown: string): Runnable[] {
  const fs = fences(markdown);
  const lines = markdown.split("\n");
  const out: Runnable[] = [];
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k]!;
    if (f.lang === "ts" || f.lang === "typescript") {
      if (/\btest\b/.test(f.meta)) {
        out.push({ kind: "test", fence: f });
        continue;
      }
      const next = fs[k + 1];
      const adjacent = next !== undefined && next.lang === "text" && lines.slice(f.close + 1, next.open).every((l) => l.trim() === "");
      out.push({ kind: "ts", fence: f, output: adjacent ? next : null });
      if (adjacent) k++;
    } else if (f.lang === "console") {
      out.push({ kind: "console", fence: f, commands: consoleCommands(f) });
    }
  }
  return out;
}

/** Normalises an output for comparison: no trailing spaces, no leading/trailing blank lines. */
export function normalise(s: string): string {
  return s
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Writes a block to .docs-run/ under a content-addressed name and returns its path. */
export function writeBlock(code: string, label: string): string {
  mkdirSync(RUN_DIR, { recursive: true });
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 12);
  const file = path.join(RUN_DIR, `${label.replace(/[^A-Za-z0-9_-]+/g, "_")}-${hash}.ts`);
  writeFileSync(file, code);
  return file;
}

const CAPTURED = ["log", "info", "warn", "error"] as const;

/** Runs `load()` with console.log/info/warn/error captured; returns what was printed. */
export async function capture(load: () => Promise<unknown>): Promise<string> {
  const saved = CAPTURED.map((k) => console[k]);
  let text = "";
  for (const k of CAPTURED) console[k] = (...args: unknown[]) => void (text += format(...args) + "\n");
  try {
    await load();
  } finally {
    CAPTURED.forEach((k, i) => (console[k] = saved[i]!));
  }
  return text;
}

/** Runs a ts block in this process (as a fresh module) and returns its console output. */
export async function runTs(code: string, label: string): Promise<string> {
  const file = writeBlock(code, label);
  return capture(() => import(pathToFileURL(file).href));
}

/** Runs one transcript command through the CLI in-process; stdout and stderr interleaved as on a terminal. */
export async function runConsole(cmd: ConsoleCommand): Promise<{ text: string; code: number }> {
  let text = "";
  const code = await cliMain(cmd.argv, { stdout: (s) => (text += s), stderr: (s) => (text += s), readStdin: async () => cmd.stdin });
  return { text, code };
}

/** Runs every runnable block of a page (except `ts test`) and returns the page with outputs regenerated. */
export async function regenerate(markdown: string, label: string): Promise<string> {
  const lines = markdown.split("\n");
  // edits from the bottom up so earlier line numbers stay valid
  const edits: Array<{ from: number; to: number; lines: string[] }> = [];
  for (const r of runnables(markdown)) {
    if (r.kind === "ts") {
      let printed: string;
      try {
        printed = normalise(await runTs(r.fence.body, `${label}-${r.fence.open + 1}`));
      } catch (e) {
        throw new Error(`${label}.md, ts block at line ${r.fence.open + 1} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      if (r.output) edits.push({ from: r.output.open + 1, to: r.output.close, lines: printed === "" ? [] : printed.split("\n") });
      else if (printed !== "") edits.push({ from: r.fence.close + 1, to: r.fence.close + 1, lines: ["", "```text", ...printed.split("\n"), "```"] });
    } else if (r.kind === "console") {
      const body: string[] = [];
      for (const c of r.commands) {
        body.push(`$ ${c.source}`);
        const printed = normalise((await runConsole(c)).text);
        if (printed !== "") body.push(...printed.split("\n"));
      }
      edits.push({ from: r.fence.open + 1, to: r.fence.close, lines: body });
    }
  }
  for (const e of edits.reverse()) lines.splice(e.from, e.to - e.from, ...e.lines);
  return lines.join("\n");
}

/** README.md and the guide pages. */
export function documentedPages(): string[] {
  const guide = path.join(ROOT, "docs", "guide");
  return [path.join(ROOT, "README.md"), ...readdirSync(guide).filter((f) => f.endsWith(".md")).sort().map((f) => path.join(guide, f))];
}

async function cli(args: string[]): Promise<void> {
  const check = args.includes("--check");
  const files = args.filter((a) => !a.startsWith("--")).map((f) => path.resolve(f));
  let stale = 0;
  for (const file of files.length ? files : documentedPages()) {
    const before = readFileSync(file, "utf8");
    const after = await regenerate(before, path.basename(file, ".md"));
    const rel = path.relative(ROOT, file);
    if (after === before) console.log(`${rel}: up to date`);
    else if (check) {
      stale++;
      console.log(`${rel}: shown output differs from what the code prints`);
    } else {
      writeFileSync(file, after);
      console.log(`${rel}: outputs regenerated`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await cli(process.argv.slice(2));
