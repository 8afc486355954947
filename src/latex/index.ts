// LaTeX: Expr -> LaTeX with the conventions of papers, LaTeX -> Expr for the same notation,
// derivation chains as align blocks, and documents (.tex for pdflatex, .html rendered with KaTeX).
export { toLatex, isTall, type LatexOptions } from "./print.js";
export { parseLatex, parseLatexMatrix, type LatexParseOptions } from "./parse.js";
export { nameToLatex } from "./names.js";
export { renderKatex, assertKatex, katexDistDir, type KatexRenderOptions } from "./katex.js";
export { ARTICLE_TEXT_WIDTH_PT, breakLines, latexWidth, texDisplay } from "./breaking.js";
export { alignLatex, alignLines, alignTex, equationLatex, type Derivation, type DerivationStep, type Relation } from "./align.js";
export { escapeText, escapeLiteral, textLatex, escapeHtml } from "./text.js";
export {
  renderDocument, writeDocument, type QgeomDocument, type DocumentItem, type RenderedDocument, type WrittenDocument, type HtmlOptions,
} from "./document.js";
export { compilePdf } from "./pdf.js";
