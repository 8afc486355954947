// External programs of the LaTeX tests (pdflatex, headless Chromium): found on PATH, or reported.
import { spawnSync } from "node:child_process";

/** The first of the names that runs with --version, or null. */
export function findProgram(...names: string[]): string | null {
  for (const name of names) {
    const r = spawnSync(name, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (r.status === 0) return name;
  }
  return null;
}

/**
 * Whether a test that needs a program is skipped: only when the program is missing locally, with the
 * reason printed. Under CI (where .ci/run installs it) the test runs and `assertFound` fails it.
 */
export function skipWithout(label: string, program: string | null, install: string): boolean {
  if (program !== null || process.env.CI) return false;
  console.warn(`skipping the ${label} test: ${install} is not installed (apt-get install -y ${install})`);
  return true;
}

/** Fails a test whose program is missing (under CI). */
export function assertFound(program: string | null, install: string): asserts program is string {
  if (program === null) throw new Error(`${install} is missing; .ci/run installs it before the tests`);
}
