// Every script in examples/ runs to completion in this process (they are self-checking: each throws if a
// certificate, tolerance or Monte-Carlo bound it states does not hold), and every guide page has one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, capture } from "../../docs/guide/build.js";

const EXAMPLES = path.join(ROOT, "examples");
const GUIDE = path.join(ROOT, "docs", "guide");
const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts")).sort();
const pages = readdirSync(GUIDE).filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => f.replace(/\.md$/, ""));

describe("examples/", () => {
  it("has one script per guide page, and each page links it", () => {
    for (const page of pages) {
      expect(scripts, `examples/${page}.ts is missing`).toContain(`${page}.ts`);
      expect(readFileSync(path.join(GUIDE, `${page}.md`), "utf8"), `docs/guide/${page}.md does not link its example`).toContain(`examples/${page}.ts`);
    }
  });

  it("examples/README.md lists every script", () => {
    const index = readFileSync(path.join(EXAMPLES, "README.md"), "utf8");
    for (const script of scripts) expect(index, `examples/README.md does not list ${script}`).toContain(`(${script})`);
  });

  for (const script of scripts) {
    it(`npx tsx examples/${script} runs and reports`, async () => {
      const printed = await capture(() => import(pathToFileURL(path.join(EXAMPLES, script)).href));
      expect(printed.trim().length).toBeGreaterThan(0);
      expect(printed).not.toMatch(/\bNaN\b|FAILED|REFUTED/);
    });
  }
});
