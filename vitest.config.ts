import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // `import … from "qgeom"` in examples/, README.md and docs/guide/ resolves to the sources (as
    // tsconfig.json "paths" does for tsc and tsx), so the documentation runs against the code under test.
    alias: [
      { find: /^qgeom$/, replacement: src("index.ts") },
      { find: /^qgeom\/(testing|linalg|random)$/, replacement: src("$1/index.ts") },
    ],
  },
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
