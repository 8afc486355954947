import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "proofs/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "threads",
    maxWorkers: 2,
    // test files share module instances per worker: importing mathjs and katex once per worker instead of
    // once per file saves most of the run time (tests hold no global state beyond caches)
    isolate: false,
  },
});
