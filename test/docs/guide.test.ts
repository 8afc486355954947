// Every runnable block of docs/guide/*.md prints what the page shows; `ts test` blocks run as tests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../../docs/guide/build.js";
import { describePage, runnableCount } from "./pages.js";

const GUIDE = path.join(ROOT, "docs", "guide");
const pages = readdirSync(GUIDE).filter((f) => f.endsWith(".md")).sort();

it("every module page of the guide exists and has examples to run", () => {
  const modules = ["core", "compile", "latex", "monge-ampere", "wishart", "modular", "boltzmann", "rg", "cones", "proofs", "testing", "conventions"];
  for (const m of modules) {
    expect(pages, `docs/guide/${m}.md is missing`).toContain(`${m}.md`);
    expect(runnableCount(path.join(GUIDE, `${m}.md`)), `docs/guide/${m}.md has no runnable block`).toBeGreaterThan(0);
  }
});

for (const page of pages) await describePage(path.join(GUIDE, page));
