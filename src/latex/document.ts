// Documents: statements, derivations and certificates assembled into a standalone .tex (article class,
// amsmath and amssymb only) and an .html page rendered with KaTeX on the server, with KaTeX's CSS and
// fonts next to it (or inlined), so the page needs no network.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { QgeomError } from "../core/errors.js";
import type { Expr } from "../core/expr.js";
import type { Matrix } from "../core/matrix.js";
import type { Certificate } from "../core/verify.js";
import { type Derivation, type Relation, alignLatex, alignTex, equationLatex } from "./align.js";
import { texDisplay } from "./breaking.js";
import { parse } from "../interop/mathjs.js";
import { katexDistDir, renderKatex } from "./katex.js";
import { nameToLatex } from "./names.js";
import { type LatexOptions, toLatex } from "./print.js";
import { escapeHtml, escapeLiteral, escapeText, splitMath } from "./text.js";

/**
 * One block of a document, discriminated by `kind`. Text fields are plain text with inline math
 * between $...$ (LaTeX special characters are escaped; an unbalanced $ throws INVALID_ARGUMENT).
 */
export type DocumentItem =
  /** An unnumbered section heading (\section* / h2). */
  | {
      /** Discriminant: a section heading. */
      kind: "section";
      /** Heading text; may contain inline $...$ math. */
      title: string;
    }
  /** A paragraph of text. */
  | {
      /** Discriminant: a paragraph. */
      kind: "text";
      /** Paragraph text; may contain inline $...$ math. */
      text: string;
    }
  /** A displayed formula: an expression or matrix, optionally "lhs = ..." (lhs as LaTeX). */
  | {
      /** Discriminant: a displayed formula. */
      kind: "formula";
      /** The expression, or a matrix (Matrix or rows of Expr) printed in the LatexOptions.matrix environment (default pmatrix). */
      expr: Expr | Matrix<Expr> | readonly (readonly Expr[])[];
      /** Raw LaTeX set before " = " (not escaped); omitted: the formula stands alone. */
      lhs?: string;
    }
  /** A statement lhs = rhs with the certificate that decides it. */
  | {
      /** Discriminant: a statement. */
      kind: "statement";
      /** Heading of the statement (\subsection* / h3). */
      title?: string;
      /** Explanatory paragraph shown before the formula. */
      text?: string;
      /** Left side of the statement. */
      lhs: Expr;
      /** Right side of the statement. */
      rhs: Expr;
      /** Relation between the sides (default "="). */
      relation?: Relation;
      /** The verdict of `verify` on the statement, printed after it (proved, checked, refuted or undecided). */
      certificate?: Certificate;
    }
  /** A derivation chain with justifications, and optionally the certificate of its end-to-end identity. */
  | {
      /** Discriminant: a derivation chain. */
      kind: "derivation";
      /** Heading of the derivation (\subsection* / h3). */
      title?: string;
      /** Explanatory paragraph shown before the chain. */
      text?: string;
      /** The chain, printed as an align* block (see alignLatex). */
      derivation: Derivation;
      /** Certificate of start = last line, printed after the chain. */
      certificate?: Certificate;
    };

/** A document: a title and blocks; `latex` options apply to every formula. */
export interface QgeomDocument {
  /** Document title (\title, the h1 heading and the HTML title element); may contain inline $...$ math. */
  title: string;
  /** Author line; omitted: an empty \author{} and no author paragraph in the HTML. */
  author?: string;
  /** The blocks, in order. */
  items: readonly DocumentItem[];
  /** Printing options for every formula of the document (default: toLatex defaults). */
  latex?: LatexOptions;
}

/** A block in both output forms. */
interface Block {
  tex: string;
  html: string;
}

/** Counts the formulas of the HTML (each renders as one .katex element). */
interface Renderer {
  formulas: number;
}

function inlineHtml(text: string, where: string, r: Renderer): string {
  return splitMath(text, where)
    .map((p) => {
      if (!p.math) return escapeHtml(p.s);
      r.formulas++;
      return renderKatex(p.s, { output: "html" });
    })
    .join("");
}

function displayHtml(latex: string, r: Renderer): string {
  r.formulas++;
  return renderKatex(latex, { display: true, output: "html" });
}

function sci(x: number): { tex: string; text: string } {
  if (x === 0) return { tex: "0", text: "0" };
  const [m, e] = x.toExponential(2).split("e");
  const exp = Number(e);
  if (exp === 0) return { tex: m!, text: m! };
  return { tex: `${m} \\times 10^{${exp}}`, text: `${m} × 10^${exp}` };
}

/** A value of a certificate (mathjs syntax) as LaTeX; text that does not parse is set verbatim. */
function valueLatex(v: string): string {
  try {
    return toLatex(parse(v));
  } catch {
    return `\\text{${escapeLiteral(v, "certificate value")}}`;
  }
}

type Segment = { text: string } | { math: string };

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".");
}

/** The certificate as a label and a sentence of text and inline-math segments. */
function certificateParts(c: Certificate): { label: string; cls: string; segments: Segment[] } {
  switch (c.verdict) {
    case "proved":
      if (c.method === "exact") return { label: "Proved (exact).", cls: "proved", segments: [{ text: sentence(c.detail) }] };
      return {
        label: "Proved (probabilistic).",
        cls: "proved",
        segments: [{ text: "Error probability at most " }, { math: sci(c.errorBound).tex }, { text: ` (${c.samples} random points). ${sentence(c.detail)}` }],
      };
    case "checked":
      return {
        label: "Checked numerically, not a proof.",
        cls: "checked",
        segments: [{ text: `${c.samples} points, worst relative error ` }, { math: `${sci(c.maxRelError).tex} \\le ${sci(c.tolerance).tex}` }, { text: "." }],
      };
    case "refuted": {
      const segments: Segment[] = [{ text: "At " }];
      Object.entries(c.counterexample.point).forEach(([k, v], i) => {
        if (i > 0) segments.push({ text: ", " });
        segments.push({ math: `${nameToLatex(k)} = ${valueLatex(v)}` });
      });
      segments.push({ text: ": left side " }, { math: valueLatex(c.counterexample.lhs) }, { text: ", right side " }, { math: valueLatex(c.counterexample.rhs) });
      segments.push({ text: ` (${c.detail}).` });
      return { label: "Refuted.", cls: "refuted", segments };
    }
    case "unknown":
      return { label: "Undecided.", cls: "unknown", segments: [{ text: sentence(c.reason) }] };
  }
}

function certificateBlock(c: Certificate, r: Renderer): Block {
  const p = certificateParts(c);
  const where = "certificate";
  let tex = `\\textbf{${p.label}} `;
  let html = `<p class="certificate ${p.cls}"><strong>${escapeHtml(p.label)}</strong> `;
  for (const seg of p.segments) {
    if ("math" in seg) {
      tex += `$${seg.math}$`;
      r.formulas++;
      html += renderKatex(seg.math, { output: "html" });
    } else {
      tex += escapeLiteral(seg.text, where);
      html += escapeHtml(seg.text);
    }
  }
  return { tex: `\\par\\noindent ${tex}\n`, html: `${html}</p>` };
}

function heading(title: string | undefined, text: string | undefined, r: Renderer): Block {
  let tex = "";
  let html = "";
  if (title) {
    tex += `\\subsection*{${escapeText(title, "title")}}\n`;
    html += `<h3>${inlineHtml(title, "title", r)}</h3>\n`;
  }
  if (text) {
    tex += `${escapeText(text, "text")}\n`;
    html += `<p>${inlineHtml(text, "text", r)}</p>\n`;
  }
  return { tex, html };
}

function block(item: DocumentItem, opts: LatexOptions, r: Renderer): Block {
  switch (item.kind) {
    case "section":
      return { tex: `\\section*{${escapeText(item.title, "section title")}}\n`, html: `<h2>${inlineHtml(item.title, "section title", r)}</h2>\n` };
    case "text":
      return { tex: `${escapeText(item.text)}\n`, html: `<p>${inlineHtml(item.text, "text", r)}</p>\n` };
    case "formula": {
      const body = toLatex(item.expr, opts);
      const latex = item.lhs ? `${item.lhs} = ${body}` : body;
      return { tex: texDisplay(latex), html: `<div class="formula">${displayHtml(latex, r)}</div>\n` };
    }
    case "statement": {
      const h = heading(item.title, item.text, r);
      const latex = equationLatex(item.lhs, item.rhs, item.relation ?? "=", opts);
      const c = item.certificate ? certificateBlock(item.certificate, r) : { tex: "", html: "" };
      return {
        tex: `${h.tex}${texDisplay(latex)}${c.tex}`,
        html: `<section class="statement">\n${h.html}<div class="formula">${displayHtml(latex, r)}</div>\n${c.html}</section>\n`,
      };
    }
    case "derivation": {
      const h = heading(item.title, item.text, r);
      const latex = alignLatex(item.derivation, opts);
      const c = item.certificate ? certificateBlock(item.certificate, r) : { tex: "", html: "" };
      return {
        tex: `${h.tex}${alignTex(item.derivation, opts)}\n${c.tex}`,
        html: `<section class="derivation">\n${h.html}<div class="formula">${displayHtml(latex, r)}</div>\n${c.html}</section>\n`,
      };
    }
    default:
      throw new QgeomError("INVALID_ARGUMENT", `document: unknown item kind "${(item as { kind: unknown }).kind}"; use "math", "text", "derivation" or one of the documented kinds`);
  }
}

/** The LaTeX source and the HTML page of a document, and the number of formulas on the page. */
export interface RenderedDocument {
  /** Standalone LaTeX source (article class, amsmath and amssymb only), ready for pdflatex. */
  tex: string;
  /** Complete HTML page with formulas pre-rendered by KaTeX; CSS linked or inlined per HtmlOptions.assets. */
  html: string;
  /** Formulas rendered by KaTeX in the HTML (each is one .katex element). */
  formulas: number;
}

/** Options of renderDocument. */
export interface HtmlOptions {
  /**
   * "link" (default): the page links katex/katex.min.css next to it (writeDocument copies it and the
   * fonts); "inline": CSS and woff2 fonts are inlined as data URIs (one self-contained file).
   */
  assets?: "link" | "inline";
}

const PAGE_CSS = `body{font:17px/1.55 Georgia,"Times New Roman",serif;color:#1a1a1a;max-width:48rem;margin:2.5rem auto;padding:0 1.25rem;background:#fff}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
.author{color:#555;margin-top:0}.formula{overflow-x:auto;overflow-y:hidden}.katex{font-size:1.1em}.katex-display{margin:.6rem 0}
.certificate{font-size:.92rem;padding:.35rem .7rem;border-left:3px solid #999;background:#f7f7f7}
.certificate.proved{border-color:#2e7d4f}.certificate.checked{border-color:#b8860b}.certificate.refuted{border-color:#b22222}`;

/** KaTeX's CSS with its woff2 fonts as data URIs (other font formats dropped). */
function inlineKatexCss(): string {
  const dist = katexDistDir();
  const css = readFileSync(join(dist, "katex.min.css"), "utf8");
  return css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[a-z]+"\))*/g, (_m, name: string) => {
    const data = readFileSync(join(dist, "fonts", `${name}.woff2`)).toString("base64");
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
}

/** Renders a document to LaTeX source and to an HTML page (KaTeX, server side). */
export function renderDocument(doc: QgeomDocument, options: HtmlOptions = {}): RenderedDocument {
  if (!doc || typeof doc.title !== "string" || !Array.isArray(doc.items)) throw new QgeomError("INVALID_ARGUMENT", "document: expected { title, items }");
  const opts = doc.latex ?? {};
  const r: Renderer = { formulas: 0 };
  const blocks = doc.items.map((item) => block(item, opts, r));
  const author = doc.author ? `\\author{${escapeText(doc.author, "author")}}\n` : "\\author{}\n";
  const tex =
    `\\documentclass[11pt]{article}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{0.6\\baselineskip}\n\\setlength{\\emergencystretch}{3em}\n` +
    `\\title{${escapeText(doc.title, "document title")}}\n${author}\\date{}\n` +
    `\\begin{document}\n\\maketitle\n\n${blocks.map((b) => b.tex).join("\n")}\n\\end{document}\n`;
  const assets = options.assets ?? "link";
  const cssTag = assets === "inline" ? `<style>${inlineKatexCss()}</style>` : `<link rel="stylesheet" href="katex/katex.min.css">`;
  const html =
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(doc.title.replace(/\$/g, ""))}</title>\n${cssTag}\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n` +
    `<h1>${inlineHtml(doc.title, "document title", r)}</h1>\n${doc.author ? `<p class="author">${escapeHtml(doc.author)}</p>\n` : ""}` +
    `${blocks.map((b) => b.html).join("")}</body>\n</html>\n`;
  return { tex, html, formulas: r.formulas };
}

/** Paths written by writeDocument. */
export interface WrittenDocument extends RenderedDocument {
  /** Path of the written .tex file, `join(dir, name + ".tex")`. */
  texPath: string;
  /** Path of the written .html file, `join(dir, name + ".html")`. */
  htmlPath: string;
}

/**
 * Writes <dir>/<name>.tex and <dir>/<name>.html, and copies KaTeX's CSS and woff2 fonts to
 * <dir>/katex/ (unless `assets: "inline"`), so the page displays offline.
 */
export function writeDocument(doc: QgeomDocument, dir: string, name: string, options: HtmlOptions = {}): WrittenDocument {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new QgeomError("INVALID_ARGUMENT", `document name "${name}": use letters, digits, ".", "_" or "-"`);
  const out = renderDocument(doc, options);
  mkdirSync(dir, { recursive: true });
  const texPath = join(dir, `${name}.tex`);
  const htmlPath = join(dir, `${name}.html`);
  writeFileSync(texPath, out.tex);
  writeFileSync(htmlPath, out.html);
  if ((options.assets ?? "link") === "link") {
    const dist = katexDistDir();
    mkdirSync(join(dir, "katex", "fonts"), { recursive: true });
    copyFileSync(join(dist, "katex.min.css"), join(dir, "katex", "katex.min.css"));
    for (const f of readdirSync(join(dist, "fonts"))) if (f.endsWith(".woff2")) copyFileSync(join(dist, "fonts", f), join(dir, "katex", "fonts", f));
  }
  return { ...out, texPath, htmlPath };
}
