// `npm run docs` builds the API reference from the TSDoc comments with typedoc's validation on
// (notDocumented, notExported, invalidLink) and warnings treated as errors: every export is documented.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../../docs/guide/build.js";

it("typedoc validates the public API without a warning", { timeout: 180_000 }, () => {
  const typedoc = path.join(ROOT, "node_modules", "typedoc", "bin", "typedoc");
  const r = spawnSync(process.execPath, [typedoc, "--emit", "none"], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });
  const out = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
  expect(out.split("\n").filter((l) => /\[(warning|error)\]/.test(l))).toEqual([]);
  expect(r.status).toBe(0);
});
