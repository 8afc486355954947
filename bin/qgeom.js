#!/usr/bin/env node
// The qgeom executable: runs the compiled CLI from dist/ (built by `npm ci` through the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const compiled = path.join(root, "dist", "src", "cli", "main.js");
if (!existsSync(compiled)) {
  process.stderr.write("qgeom: dist/ is missing; run `npm run build` (npm ci does it through `prepare`).\n");
  process.exit(1);
}
const { runFromProcess } = await import(pathToFileURL(compiled).href);
await runFromProcess();
