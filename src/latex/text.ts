// Plain text inside LaTeX (\text{...}, paragraphs) and HTML. Text may hold inline math between $...$,
// which is passed through; everything else is escaped. Latin-1 letters (é, ü, ß) pass as UTF-8; other
// non-ASCII characters are written as commands (§ -> $\S$, Greek -> $\alpha$, ≤ -> $\le$) or rejected.
import { QgeomError, excerpt } from "../core/errors.js";

const TEX_SPECIALS: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "#": "\\#",
  "%": "\\%",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
  // OT1 text fonts set < > | as ¡ ¿ —
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

const GREEK: Readonly<Record<string, string>> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta", ι: "iota", κ: "kappa",
  λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", π: "pi", ρ: "rho", σ: "sigma", τ: "tau", υ: "upsilon", φ: "phi", χ: "chi",
  ψ: "psi", ω: "omega", Γ: "Gamma", Δ: "Delta", Θ: "Theta", Λ: "Lambda", Ξ: "Xi", Π: "Pi", Σ: "Sigma", Φ: "Phi",
  Ψ: "Psi", Ω: "Omega",
};

const UNICODE_TEXT: Readonly<Record<string, string>> = {
  "§": "$\\S$", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": "\\ldots{}", "\u00a0": "~",
};
const UNICODE_MATH: Readonly<Record<string, string>> = {
  "×": "\\times", "·": "\\cdot", "≤": "\\le", "≥": "\\ge", "≠": "\\ne", "≈": "\\approx", "→": "\\to", "∞": "\\infty",
  "±": "\\pm", "∈": "\\in", "⊂": "\\subset", "∑": "\\sum", "∏": "\\prod", "√": "\\surd", "∂": "\\partial", "∇": "\\nabla",
};

/** Text-mode LaTeX of a string taken literally (a $ is a dollar sign). */
export function escapeLiteral(s: string, where = "text"): string {
  return escapePlain(s.replace(/\$/g, "\u0000"), where).replace(/\u0000/g, "\\$");
}

function escapePlain(s: string, where: string): string {
  let out = "";
  for (const ch of s) {
    if (ch in TEX_SPECIALS) out += TEX_SPECIALS[ch];
    else if (ch in UNICODE_TEXT) out += UNICODE_TEXT[ch];
    else if (ch in GREEK) out += `$\\${GREEK[ch]}$`;
    else if (ch in UNICODE_MATH) out += `$${UNICODE_MATH[ch]}$`;
    else if (/[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/.test(ch)) out += ch; // ASCII and Latin-1 letters (pdflatex reads UTF-8)
    else if (ch === "\n" || ch === "\t") out += " ";
    else if (ch === "\u0000") out += ch;
    else
      throw new QgeomError(
        "INVALID_ARGUMENT",
        `${where}: the character "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) cannot be set by pdflatex; write it as $...$ math`,
      );
  }
  return out;
}

/** Splits text at $...$ into plain and math segments; an unclosed $ is an error. */
export function splitMath(text: string, where = "text"): Array<{ math: boolean; s: string }> {
  const parts = text.split("$");
  if (parts.length % 2 === 0) throw new QgeomError("INVALID_ARGUMENT", `${where}: unbalanced $ in ${excerpt(text, 50)}; close every $ or escape it as \\$`);
  return parts.map((s, i) => ({ math: i % 2 === 1, s })).filter((p) => p.s !== "" || p.math);
}

/** Text-mode LaTeX of a string: specials escaped, $...$ math kept, pdflatex-safe. */
export function escapeText(text: string, where = "text"): string {
  return splitMath(text, where)
    .map((p) => (p.math ? `$${p.s}$` : escapePlain(p.s, where)))
    .join("");
}

/** \text{...} of a string (for justifications inside align). */
export function textLatex(text: string, where = "text"): string {
  return `\\text{${escapeText(text, where)}}`;
}

/** HTML-escapes a string. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
