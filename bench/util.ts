// Shared helpers for the benchmarks: timing, python peers, ratio tables. Benchmarks print; they never assert.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Median seconds per call of `fn`, measured over batches lasting at least `minTime` seconds in total. */
export function timeit(fn: () => unknown, minTime = 0.3, maxRuns = 1e7): number {
  fn(); // warm-up (JIT, caches)
  const samples: number[] = [];
  let runs = 1;
  let total = 0;
  // grow the batch until one batch takes >= 5 ms
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (dt >= 0.005 || runs >= maxRuns) {
      samples.push(dt / runs);
      total += dt;
      break;
    }
    runs *= 2;
  }
  while (total < minTime && samples.length < 50) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    samples.push(dt / runs);
    total += dt;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** CPU seconds of this process so far (user + system). */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * CPU seconds per call: the minimum over batches of at least `batch` seconds, after `warmup` seconds of
 * calls so V8 has tiered the code up. CPU time rather than wall clock, because the project's 2-core
 * machines are shared: wall-clock medians moved by 2× between runs while CPU time stayed within ~20 %.
 * The Python peers measure the same way (time.process_time).
 */
export function cpuTime(fn: () => unknown, minTime = 0.3, warmup = 0.2, batch = 0.01): number {
  const w0 = cpuSeconds();
  do fn();
  while (cpuSeconds() - w0 < warmup);
  let runs = 1;
  for (;;) {
    const t0 = cpuSeconds();
    for (let i = 0; i < runs; i++) fn();
    if (cpuSeconds() - t0 >= batch) break;
    runs *= 2;
  }
  let best = Infinity;
  let total = 0;
  let batches = 0;
  while (batches < 3 || (total < minTime && batches < 30)) {
    const t0 = cpuSeconds();
    for (let i = 0; i < runs; i++) fn();
    const dt = cpuSeconds() - t0;
    best = Math.min(best, dt / runs);
    total += dt;
    batches++;
  }
  return best;
}

/** Runs `bench/py/<script>` with JSON on stdin; returns its JSON stdout, or null if python3 or a module is missing. */
export function runPython(script: string, input: unknown, timeoutSec = 600): any | null {
  const r = spawnSync("python3", [path.join(benchDir, "py", script)], {
    input: JSON.stringify(input),
    encoding: "utf8",
    timeout: timeoutSec * 1000,
    maxBuffer: 1 << 28,
  });
  if (r.error || r.status !== 0) {
    process.stderr.write(`python peer ${script} unavailable: ${r.error?.message ?? r.stderr.slice(0, 400)}\n`);
    return null;
  }
  return JSON.parse(r.stdout);
}

export function fmtTime(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return "—";
  if (sec >= 1) return sec.toFixed(2) + " s";
  if (sec >= 1e-3) return (sec * 1e3).toFixed(2) + " ms";
  if (sec >= 1e-6) return (sec * 1e6).toFixed(2) + " µs";
  return (sec * 1e9).toFixed(1) + " ns";
}

export function fmtRatio(peer: number | null | undefined, ours: number | null | undefined): string {
  if (peer === null || peer === undefined || ours === null || ours === undefined || !(ours > 0) || !Number.isFinite(peer)) return "—";
  const r = peer / ours;
  return (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)) + "×";
}

/** Prints a Markdown table (so the output can be pasted into docs/benchmarks.md). */
export function printTable(title: string, header: string[], rows: string[][]): void {
  console.log(`\n### ${title}\n`);
  console.log("| " + header.join(" | ") + " |");
  console.log("|" + header.map(() => "---").join("|") + "|");
  for (const r of rows) console.log("| " + r.join(" | ") + " |");
}
