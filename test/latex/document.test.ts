// Derivation chains, text escaping and the document builder (tex and html).
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Certificate, QgeomError, alignLatex, escapeText, parse, renderDocument, renderKatex, writeDocument } from "../../src/index.js";
import { sampleDocument } from "./sample-document.js";

const P = (s: string) => parse(s);

describe("derivation chains", () => {
  it("prints an align* block with the relation aligned and justifications as text", () => {
    const latex = alignLatex({
      start: P("log(x*y)"),
      steps: [
        { expr: P("log(x) + log(y)"), justification: "for $x, y > 0$" },
        { expr: P("2*log(x)"), relation: "\\le", justification: "if y <= x" },
      ],
    });
    expect(latex).toBe(
      "\\begin{align*}\n\\log(x y) &= \\log x + \\log y && \\text{for $x, y > 0$} \\\\\n&\\le 2 \\log x && \\text{if y \\textless{}= x}\n\\end{align*}",
    );
    expect(() => renderKatex(latex, { display: true })).not.toThrow();
  });

  it("rejects an empty chain and unknown relations", () => {
    expect(() => alignLatex({ start: P("x"), steps: [] })).toThrow(QgeomError);
    expect(() => alignLatex({ start: P("x"), steps: [{ expr: P("y"), relation: "\\subset" as "=" }] })).toThrow(/unknown relation/);
  });
});

describe("text", () => {
  it("escapes TeX specials, keeps $math$, and writes §, Greek and ≤ as commands", () => {
    expect(escapeText("50% of {x_1} & #2 ~ ^ \\ in §4 with α ≤ 1 — $n/2$")).toBe(
      "50\\% of \\{x\\_1\\} \\& \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} in $\\S$4 with $\\alpha$ $\\le$ 1 --- $n/2$",
    );
  });
  it("writes < > | as text commands (OT1 fonts would set them as ¡ ¿ —), keeping them inside $math$", () => {
    expect(escapeText("|x| <= 1 > 0 $|x| < 1$")).toBe("\\textbar{}x\\textbar{} \\textless{}= 1 \\textgreater{} 0 $|x| < 1$");
  });
  it("rejects characters pdflatex cannot set, naming them, and unbalanced $", () => {
    expect(() => escapeText("a ∮ b")).toThrow(/U\+222E/);
    expect(() => escapeText("cost $x")).toThrow(/unbalanced \$/);
  });
});

describe("documents", () => {
  const doc = sampleDocument();
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("renders a standalone article with amsmath and amssymb only", () => {
    const { tex } = renderDocument(doc);
    expect(tex.startsWith("\\documentclass[11pt]{article}\n")).toBe(true);
    expect(tex.match(/\\usepackage(\[[^\]]*\])?\{[^}]*\}/g)).toEqual(["\\usepackage{amsmath}", "\\usepackage{amssymb}"]);
    expect(tex).toContain("\\begin{align*}");
    expect(tex).toContain("\\textbf{Refuted.}");
    expect(tex.trimEnd().endsWith("\\end{document}")).toBe(true);
  });

  it("renders every formula of the HTML page with KaTeX, and counts them", () => {
    const { html, formulas } = renderDocument(doc);
    expect(formulas).toBeGreaterThan(15);
    expect((html.match(/class="katex"/g) ?? []).length).toBe(formulas);
    expect(html).not.toContain("katex-error");
    expect(html).toContain('<link rel="stylesheet" href="katex/katex.min.css">');
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//); // nothing to fetch from the network
  });

  it("states each verdict of a certificate", () => {
    const cert = (c: Certificate) => renderDocument({ title: "t", items: [{ kind: "statement", lhs: P("x"), rhs: P("x"), certificate: c }] });
    const prob: Certificate = { verdict: "proved", method: "probabilistic", samples: 6, degreeBound: 4, sampleSetSize: "33554433", errorBound: 1.2e-40, detail: "d" };
    expect(cert(prob).tex).toContain("\\textbf{Proved (probabilistic).} Error probability at most $1.20 \\times 10^{-40}$ (6 random points). D.");
    const unknown: Certificate = { verdict: "unknown", method: "none", reason: "no point of the domain" };
    expect(cert(unknown).html).toContain('<p class="certificate unknown"><strong>Undecided.</strong> No point of the domain.</p>');
  });

  it("inlines CSS and woff2 fonts on request (one self-contained file)", () => {
    const { html } = renderDocument({ title: "t", items: [{ kind: "formula", expr: P("x^2") }] }, { assets: "inline" });
    expect(html).toContain("data:font/woff2;base64,");
    expect(html).not.toContain("katex.min.css");
    expect(html).not.toMatch(/url\(fonts\//);
  });

  it("writes .tex, .html and KaTeX's CSS and fonts next to them", () => {
    const dir = mkdtempSync(join(tmpdir(), "qgeom-doc-"));
    dirs.push(dir);
    const w = writeDocument(doc, dir, "sample");
    expect(existsSync(w.texPath) && existsSync(w.htmlPath)).toBe(true);
    expect(existsSync(join(dir, "katex", "katex.min.css"))).toBe(true);
    expect(readdirSync(join(dir, "katex", "fonts")).filter((f) => f.endsWith(".woff2")).length).toBeGreaterThanOrEqual(19);
    expect(() => writeDocument(doc, dir, "../x")).toThrow(/document name/);
  });
});
