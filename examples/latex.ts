// A small paper-style document: a derivation with justifications, two statements with certificates,
// written as .tex (for pdflatex) and .html (KaTeX, offline) into a temporary directory.
//   npx tsx examples/latex.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { alignLatex, parse, parseLatex, toLatex, verify, writeDocument } from "qgeom";

const lse = parse("log(exp(x) + exp(y))");
const derivation = {
  start: lse,
  steps: [
    { expr: parse("x + log(1 + exp(y - x))"), justification: "factor $e^x$ inside the logarithm" },
    { expr: parse("x + softplus(y - x)"), justification: "definition of softplus" },
  ],
};
console.log(alignLatex(derivation));

// Paste a formula from a paper and get the expression back.
const fromPaper = parseLatex("\\frac{1}{2}\\log\\det\\Sigma + \\frac{n}{2}\\log(2\\pi)");
console.log(`parsed: ${fromPaper}`);
console.log(`printed again: ${toLatex(fromPaper)}`);

const dir = mkdtempSync(path.join(tmpdir(), "qgeom-latex-"));
const written = writeDocument(
  {
    title: "Log-sum-exp and softplus",
    items: [
      { kind: "section", title: "A derivation" },
      { kind: "derivation", derivation, certificate: verify(lse, parse("x + softplus(y - x)")) },
      { kind: "section", title: "Statements" },
      { kind: "statement", text: "The derivative of softplus:", lhs: parse("sigmoid(x)*(1 - sigmoid(x))"), rhs: parse("exp(-x)/(1 + exp(-x))^2"), certificate: verify(parse("sigmoid(x)*(1 - sigmoid(x))"), parse("exp(-x)/(1 + exp(-x))^2")) },
      { kind: "formula", expr: fromPaper, lhs: "\\ell" },
    ],
  },
  dir,
  "softplus",
);
console.log(`wrote ${path.basename(written.texPath)} and ${path.basename(written.htmlPath)} (${written.formulas} formulas rendered by KaTeX)`);
