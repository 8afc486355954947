// The generated .tex compiles with pdflatex: no errors, no overfull boxes, no bitmap fonts; and every
// kind of formula the printer writes is valid LaTeX (random expressions in one document).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type QgeomDocument, div, expand, parse, writeDocument } from "../../src/index.js";
import { exprArb } from "./arbitrary.js";
import { sampleDocument } from "./sample-document.js";
import { assertFound, findProgram, skipWithout } from "./tools.js";

const pdflatex = findProgram("pdflatex");
const skip = skipWithout("pdflatex", pdflatex, "texlive-latex-base");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function compile(doc: QgeomDocument): { log: string; pdf: string; status: number | null } {
  assertFound(pdflatex, "texlive-latex-base (pdflatex)");
  const dir = mkdtempSync(join(tmpdir(), "qgeom-pdflatex-"));
  dirs.push(dir);
  writeDocument(doc, dir, "doc");
  const r = spawnSync(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  const logPath = join(dir, "doc.log");
  return { log: existsSync(logPath) ? readFileSync(logPath, "latin1") : r.stdout + r.stderr, pdf: join(dir, "doc.pdf"), status: r.status };
}

function errorsOf(log: string): string[] {
  return log.split("\n").filter((l) => /^!|LaTeX Error|Undefined control sequence|Missing character/.test(l));
}

describe("pdflatex", () => {
  it.skipIf(skip)("compiles the sample document without errors, overfull boxes or bitmap fonts", () => {
    const { log, pdf, status } = compile(sampleDocument());
    expect(errorsOf(log)).toEqual([]);
    expect(status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(log).not.toMatch(/Overfull \\hbox/);
    expect(log).not.toMatch(/\.\d+pk/); // every font is a Type 1 font (no METAFONT bitmaps)
  });

  it.skipIf(skip)("compiles 150 random printed expressions", () => {
    const exprs = fc.sample(exprArb, { numRuns: 150, seed: 7 });
    const { log, status } = compile({ title: "Random expressions", items: exprs.map((expr) => ({ kind: "formula" as const, expr })) });
    expect(errorsOf(log)).toEqual([]);
    expect(status).toBe(0);
  });

  it.skipIf(skip)("breaks long canonical forms (formula, statement, derivation) so that nothing runs into the margin", () => {
    const quartic = expand(parse("(a + b + c + d + x)^4")); // 70 terms
    const cubic = parse("(a*x + b*y + c)^3*exp(x)");
    const ratio = div(expand(cubic), expand(parse("(x + y + 1)^3 + log(y)")));
    const doc: QgeomDocument = {
      title: "Long formulas",
      items: [
        { kind: "formula", expr: quartic, lhs: "(a + b + c + d + x)^{4}" },
        { kind: "formula", expr: ratio },
        { kind: "statement", lhs: parse("(a + b + c + d + x)^4"), rhs: quartic },
        { kind: "derivation", derivation: { start: cubic, steps: [{ expr: expand(cubic), justification: "multinomial expansion" }] } },
      ],
    };
    const { log, status } = compile(doc);
    expect(errorsOf(log)).toEqual([]);
    expect(status).toBe(0);
    expect(log.match(/Overfull \\hbox[^\n]*/g) ?? []).toEqual([]);
  });
});
