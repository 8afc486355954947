// Line breaking of long displays for pdflatex: the width estimate against widths measured by pdflatex,
// breaking preserves the formula (the broken lines parse back to the same expression), lines fit, and a
// document of long canonical forms compiles without overfull boxes.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, add, div, exp, expand, gamma, log, mul, num, parse, pow, sigmoid, sym, toLatex, verify } from "../../src/index.js";
import { ARTICLE_TEXT_WIDTH_PT, alignTex, breakLines, latexWidth, parseLatex, texDisplay } from "../../src/latex/index.js";

const measured: Array<{ latex: string; pt: number }> = JSON.parse(readFileSync(new URL("../fixtures/latex-widths/widths.json", import.meta.url), "utf8"));

/** The broken lines as one formula again (without the {} that keeps a leading + binary); parseLatex reads \bigl( \big/ \bigr) itself. */
function unbreak(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/^\{\} /, "")).join(" ");
}

/** Long canonical forms over scalar kernels: sums of 6–14 monomials in symbols and kernels, fractions and products of sums. */
const factorArb: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom("a", "b", "x", "y", "alpha", "sigma_1", "w12", "T").map((n) => sym(n)),
  fc.constantFrom("x", "b", "w12").map((n) => exp(sym(n))),
  fc.constantFrom("y", "T").map((n) => log(sym(n))),
  fc.constantFrom("x", "a").map((n) => sigmoid(sym(n))),
  fc.constantFrom("alpha").map((n) => gamma(sym(n))),
);
const termArb: fc.Arbitrary<Expr> = fc
  .tuple(fc.integer({ min: -9, max: 9 }).filter((k) => k !== 0), fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(factorArb, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }))
  .map(([p, q, fs]) => mul(num(p), pow(num(q), num(-1)), ...fs.map(([f, k]) => pow(f, num(k)))));
const sumArb = (min: number, max: number): fc.Arbitrary<Expr> => fc.array(termArb, { minLength: min, maxLength: max }).map((ts) => add(...ts));
const longExprArb: fc.Arbitrary<Expr> = fc.oneof(
  sumArb(6, 14),
  fc.tuple(sumArb(6, 14), sumArb(2, 8)).map(([n, d]) => div(n, d)),
  fc.tuple(sumArb(4, 10), sumArb(3, 8)).map(([u, v]) => mul(u, v)),
  fc.tuple(sumArb(6, 12), sumArb(2, 6)).map(([u, v]) => add(exp(div(u, sym("T"))), v)),
);

describe("latexWidth", () => {
  it(`is within −25 %/+20 % of the width pdflatex measured for ${measured.length} displays of docs/proofs.tex`, () => {
    for (const { latex, pt } of measured) {
      const ratio = latexWidth(latex) / pt;
      expect(ratio, latex.slice(0, 80)).toBeGreaterThan(0.75);
      expect(ratio, latex.slice(0, 80)).toBeLessThan(1.2);
    }
  });
  it("counts the wider side of a fraction and scripts at 70 %", () => {
    expect(latexWidth("\\frac{a + b + c}{d}")).toBeCloseTo(latexWidth("a + b + c") + 2.4, 6);
    expect(latexWidth("x^{abc}")).toBeCloseTo(latexWidth("x") + 0.7 * latexWidth("abc"), 6);
  });
  it("rejects unbalanced input with a QgeomError", () => {
    expect(() => latexWidth("\\frac{a}{b")).toThrow(/unbalanced braces/);
  });
});

describe("breakLines", () => {
  it("leaves a formula that fits on one line", () => {
    expect(breakLines("x + y", 300)).toEqual(["x + y"]);
    expect(texDisplay("x + y")).toBe("\\[\nx + y\n\\]\n");
  });

  it("breaking preserves the formula: the lines parse back to an equal expression (proved exactly)", () => {
    fc.assert(
      fc.property(longExprArb, fc.integer({ min: 80, max: 300 }), (e, width) => {
        const lines = breakLines(toLatex(e), width);
        const back = parseLatex(unbreak(lines));
        expect(back === e || verify(back, e).verdict === "proved", `${e.toString()} at width ${width}:\n${lines.join("\n")}`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("a line wider than the width is one that cannot be broken further", () => {
    fc.assert(
      fc.property(longExprArb, (e) => {
        for (const l of breakLines(toLatex(e), 200)) {
          if (latexWidth(l) > 200) expect(breakLines(l.replace(/^\{\} [-+] /, ""), 200), l).toHaveLength(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("starts each side of an equation on its own line once the formula is broken", () => {
    const lhs = expand(parse("(a + b + c + d + e)^3"));
    const lines = breakLines(`${toLatex(lhs)} = ${toLatex(lhs)}`, 250);
    const eq = lines.findIndex((l) => l.startsWith("{} = "));
    expect(eq).toBeGreaterThan(0);
    expect(parseLatex(unbreak(lines.slice(eq)).replace(/^= /, ""))).toBe(lhs);
  });

  it("opens a fraction with a long numerator as \\frac{1}{B}\\bigl(A\\bigr)", () => {
    const e = div(expand(parse("(a + b + c + d)^3")), parse("x + y"));
    const lines = breakLines(toLatex(e), ARTICLE_TEXT_WIDTH_PT);
    expect(lines[0]).toMatch(/^\\frac\{1\}\{x \+ y\} \\bigl\(/);
    expect(lines.at(-1)).toMatch(/\\bigr\)$/);
    expect(parseLatex(unbreak(lines))).toBe(e);
  });

  it("keeps matrix environments whole (no break inside \\begin … \\end)", () => {
    const m = "\\begin{pmatrix} a - b + c - d & 0 \\\\ 0 & x + y \\end{pmatrix}";
    const lines = breakLines(`\\frac{x + y + z + w + v}{a + b + c + d + e} ${m} + ${m} - x`, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.split("\\begin{pmatrix}").length).toBe(l.split("\\end{pmatrix}").length);
  });

  it("rejects a non-positive width", () => {
    expect(() => breakLines("x", 0)).toThrow(/width must be a positive number/);
  });
});

describe("alignTex", () => {
  it("continues a long step on \\qquad rows with the justification on its first row", () => {
    const start = parse("(a + b + c + d)^4");
    const tex = alignTex({ start, steps: [{ expr: expand(start), justification: "binomial theorem" }] });
    const rows = tex.split(" \\\\\n");
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]).toContain("\\text{binomial theorem}");
    expect(rows.slice(1).every((r) => r.startsWith("&\\qquad {} ") || r.startsWith("&\\qquad {} -") )).toBe(true);
  });
});
