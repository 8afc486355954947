// Every TypeScript block and every qgeom transcript of README.md runs, and prints what the README shows.
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../../docs/guide/build.js";
import { describePage, runnableCount } from "./pages.js";

const README = path.join(ROOT, "README.md");

it("README.md has the tour and a CLI transcript to run", () => {
  expect(runnableCount(README)).toBeGreaterThanOrEqual(2);
});

await describePage(README);
