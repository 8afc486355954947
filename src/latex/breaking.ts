// Line breaking of displayed formulas for pdflatex. TeX never breaks a display, so a canonical form wider
// than the text block runs off the page; this module estimates the width of printed LaTeX and, when it is
// too wide, sets the formula as a multline* (or extra align* rows) broken before top-level binary + and -.
// A factor that is still too wide is opened: (X) and \left(X\right) become \bigl(X\bigr) (delimiters that
// may sit on different lines), and \frac{A}{B} with a long numerator becomes \frac{1}{B}\bigl(A\bigr).
// Breaks never fall inside a {...} group, so scripts, \sqrt and \frac arguments stay whole.
// KaTeX has no multline; the HTML page keeps one line and scrolls (this is for the .tex output only).
import { QgeomError } from "../core/errors.js";

/** Width of the text block of the article class with default margins, in points (345pt at 10pt; 360pt at 11pt). */
export const ARTICLE_TEXT_WIDTH_PT = 345;

// Approximate advance widths in points of Computer Modern (math italic letters, roman digits, operators);
// on 80 displays of docs/proofs.tex set by pdflatex at 11pt the estimate was 0.82–1.11 of the true width
// (median 0.92), so breaking aims at 80 % of the available width.
const LETTER = 5.3;
const CAPITAL = 7.8;
const DIGIT = 5;
const BINARY = 7.8 + 4.4; // + - \cdot with medium spaces on both sides
const RELATION = 7.8 + 5.6; // = < > with thick spaces
const DELIM = 3.9;
const SCRIPT_SCALE = 0.7;

const COMMAND_WIDTH: Readonly<Record<string, number>> = {
  left: 0, right: 0, bigl: 0, bigr: 0, Bigl: 0, Bigr: 0, displaystyle: 0, textstyle: 0, limits: 0, nolimits: 0,
  ",": 1.7, ";": 2.8, ":": 2.2, "!": -1.7, " ": 3.3, quad: 10, qquad: 20,
  cdot: BINARY - 5, times: BINARY, pm: BINARY, mp: BINARY, otimes: BINARY, circ: BINARY - 2.8,
  le: RELATION, ge: RELATION, leq: RELATION, geq: RELATION, approx: RELATION, propto: RELATION, equiv: RELATION, ne: RELATION,
  top: 7.8, dagger: 4.4, prime: 2.8, ldots: 13.4, cdots: 13.4, infty: 10, partial: 5.7, nabla: 8.3, "|": 5, lvert: 2.8, rvert: 2.8, lVert: 5, rVert: 5,
  langle: 3.9, rangle: 3.9, sum: 14.4, prod: 12.8, int: 8.3,
};

/** One LaTeX token: a command with its name, a brace group with its body, or one character. */
type Token = { t: "cmd"; name: string } | { t: "group"; body: string } | { t: "char"; c: string };

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
      if (!m) throw new QgeomError("INVALID_ARGUMENT", `latex width: a lone backslash at the end of "${s.slice(-30)}"; pass printed LaTeX`);
      out.push({ t: "cmd", name: m[1]! });
      i += m[0].length;
    } else if (c === "{") {
      const j = matchingBrace(s, i);
      out.push({ t: "group", body: s.slice(i + 1, j) });
      i = j + 1;
    } else {
      out.push({ t: "char", c });
      i++;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new QgeomError("INVALID_ARGUMENT", `latex width: unbalanced braces in "${s.slice(open, open + 40)}…"; pass printed LaTeX`);
}

function groupOrToken(ts: readonly Token[], k: number): { body: string; next: number } {
  const t = ts[k];
  if (t === undefined) return { body: "", next: k };
  if (t.t === "group") return { body: t.body, next: k + 1 };
  if (t.t === "char") return { body: t.c, next: k + 1 };
  return { body: `\\${t.name}`, next: k + 1 };
}

function tokenText(t: Token): string {
  return t.t === "char" ? t.c : t.t === "group" ? `{${t.body}}` : /^[a-zA-Z]/.test(t.name) ? `\\${t.name} ` : `\\${t.name}`;
}

/** Index of the \end token closing the environment whose body starts at token k. */
function environmentEnd(ts: readonly Token[], k: number, env: string): number {
  let depth = 0;
  for (let j = k; j < ts.length; j++) {
    const t = ts[j]!;
    if (t.t !== "cmd" || (t.name !== "begin" && t.name !== "end")) continue;
    const g = ts[j + 1];
    if (g?.t !== "group" || g.body !== env) continue;
    if (t.name === "begin") depth++;
    else if (depth-- === 0) return j;
  }
  throw new QgeomError("INVALID_ARGUMENT", `latex width: \\begin{${env}} without \\end{${env}}; pass printed LaTeX`);
}

/** A matrix-like body: the widest cell of each column, summed, plus column separation and delimiters. */
function environmentWidth(body: string): number {
  const rows = body.split(/\\\\/).map((r) => r.split("&"));
  const cols = Math.max(...rows.map((r) => r.length));
  let w = 0;
  for (let j = 0; j < cols; j++) w += Math.max(...rows.map((r) => (r[j] === undefined ? 0 : latexWidth(r[j]!))));
  return w + 10 * (cols - 1) + 2 * DELIM + 4;
}

/**
 * Estimated width in points of math LaTeX as set by pdflatex (Computer Modern, display style):
 * \frac counts its wider side, scripts 70 %, operator names their letters. Accurate to about ±15 %,
 * which is what choosing line breaks needs.
 */
export function latexWidth(s: string): number {
  const ts = tokens(s);
  let w = 0;
  for (let k = 0; k < ts.length; ) {
    const t = ts[k]!;
    if (t.t === "group") {
      w += latexWidth(t.body);
      k++;
    } else if (t.t === "char") {
      const c = t.c;
      if (c === "^" || c === "_") {
        const g = groupOrToken(ts, k + 1);
        w += SCRIPT_SCALE * latexWidth(g.body);
        k = g.next;
        continue;
      }
      if (c === " ") w += 0;
      else if (c === "+" || c === "-") w += BINARY;
      else if (c === "=" || c === "<" || c === ">") w += RELATION;
      else if (c === "(" || c === ")" || c === "[" || c === "]") w += DELIM;
      else if (c === "," || c === ";") w += 2.8 + 1.7;
      else if (c === "&") w += 0;
      else if (/[0-9.]/.test(c)) w += DIGIT;
      else if (/[A-Z]/.test(c)) w += CAPITAL;
      else w += LETTER;
      k++;
    } else {
      const n = t.name;
      if (n === "frac" || n === "tfrac" || n === "dfrac") {
        const a = groupOrToken(ts, k + 1);
        const b = groupOrToken(ts, a.next);
        const scale = n === "tfrac" ? SCRIPT_SCALE : 1;
        w += scale * Math.max(latexWidth(a.body), latexWidth(b.body)) + 2.4;
        k = b.next;
      } else if (n === "sqrt") {
        let j = k + 1;
        let index = 0;
        if (ts[j]?.t === "char" && (ts[j] as { c: string }).c === "[") {
          let depth = 0;
          let body = "";
          for (j = j + 1; j < ts.length; j++) {
            const u = ts[j]!;
            if (u.t === "char" && u.c === "]" && depth === 0) break;
            body += u.t === "char" ? u.c : u.t === "group" ? `{${u.body}}` : `\\${u.name} `;
          }
          index = 0.5 * latexWidth(body);
          j++;
        }
        const g = groupOrToken(ts, j);
        w += latexWidth(g.body) + 8.3 + index;
        k = g.next;
      } else if (n === "operatorname" || n === "mathrm" || n === "text" || n === "textrm" || n === "mathbf" || n === "mathbb" || n === "mathcal") {
        const g = groupOrToken(ts, k + 1);
        w += g.body.replace(/\\[a-zA-Z]+|[{}\\]/g, "").length * DIGIT;
        k = g.next;
      } else if (n === "begin") {
        const env = groupOrToken(ts, k + 1);
        const end = environmentEnd(ts, env.next, env.body);
        w += environmentWidth(ts.slice(env.next, end).map(tokenText).join("")) ;
        k = end + 2;
      } else if (n in COMMAND_WIDTH) {
        w += COMMAND_WIDTH[n]!;
        k++;
      } else if (/^(log|exp|det|tr|sin|cos|tan|sinh|cosh|tanh|max|min|arg|lim|sup|inf)$/.test(n)) {
        w += n.length * DIGIT + 1.7;
        k++;
      } else {
        w += LETTER + 0.5; // Greek letters and other single symbols
        k++;
      }
    }
  }
  return w;
}

// ---------------------------------------------------------------------------------------------------
// Breaking

/** A break opportunity (binary + or - at the top level, or a relation) or an unbreakable run of LaTeX. */
type Piece = { kind: "op"; s: string } | { kind: "atom"; s: string };

/** Length of the command starting at s[i] = "\\", with the delimiter that follows a sizing command (\\bigl( ). */
function commandLength(s: string, i: number): number {
  const m = /^\\(?:(bigl|bigr|Bigl|Bigr|left|right|middle)(?![a-zA-Z])(\\[a-zA-Z]+|\\.|.)?|[a-zA-Z]+|.)/.exec(s.slice(i));
  return m ? m[0].length : 1;
}

/** True if the command \name (not a longer name such as \leftarrow) starts at s[i]. */
function commandAt(s: string, i: number, name: string): boolean {
  return s.startsWith(`\\${name}`, i) && !/[a-zA-Z]/.test(s[i + name.length + 1] ?? "");
}

/** Index just past the group starting at i: {...}, \left(...\right)x, or (...). -1 if s[i] opens none. */
function skipGroup(s: string, i: number): number {
  if (s[i] === "{") return matchingBrace(s, i) + 1;
  if (commandAt(s, i, "left")) return matchingLeftRight(s, i);
  if (s[i] === "(") return matchingParen(s, i) + 1;
  if (s.startsWith("\\begin{", i)) {
    const name = s.slice(i + 7, matchingBrace(s, i + 6));
    const close = `\\end{${name}}`;
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s.startsWith(`\\begin{${name}}`, j)) depth++;
      else if (s.startsWith(close, j) && --depth === 0) return j + close.length;
    }
    throw new QgeomError("INVALID_ARGUMENT", `latex breaking: \\begin{${name}} without \\end{${name}}; pass printed LaTeX`);
  }
  return -1;
}

function matchingLeftRight(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") {
      i = matchingBrace(s, i);
      continue;
    }
    if (commandAt(s, i, "left")) {
      depth++;
      i += 5;
    } else if (commandAt(s, i, "right")) {
      depth--;
      i += 6;
      if (depth === 0) {
        // the closing delimiter: one character or a command
        const m = /^(\\[a-zA-Z]+|\\.|.)/.exec(s.slice(i));
        return i + (m ? m[0].length : 0);
      }
    }
  }
  throw new QgeomError("INVALID_ARGUMENT", `latex breaking: unbalanced \\left/\\right in "${s.slice(open, open + 40)}…"; pass printed LaTeX`);
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\") {
      if (commandAt(s, i, "left")) {
        i = matchingLeftRight(s, i) - 1;
        continue;
      }
      i += commandLength(s, i) - 1;
    } else if (c === "{") i = matchingBrace(s, i);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Splits LaTeX at its top-level binary " + ", " - " and relations " = " into atoms and operators. */
function topLevelPieces(s: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i < s.length; ) {
    const g = skipGroup(s, i);
    if (g > 0) {
      i = g;
      continue;
    }
    if (s[i] === "\\") {
      i += commandLength(s, i);
      continue;
    }
    const m = /^ ([-+=]|\\le|\\ge|\\approx|\\propto|\\equiv) /.exec(s.slice(i));
    if (m && i > start) {
      out.push({ kind: "atom", s: s.slice(start, i) }, { kind: "op", s: m[1]! });
      i += m[0].length;
      start = i;
      continue;
    }
    i++;
  }
  out.push({ kind: "atom", s: s.slice(start) });
  return out;
}

/** The top-level factors of an atom: groups with what follows them (scripts), commands with their arguments. */
function units(s: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < s.length; ) {
    let j: number;
    if (s.startsWith("\\frac", i)) {
      j = matchingBrace(s, i + 5) + 1;
      j = matchingBrace(s, j) + 1;
    } else if (s[i] === "(" || commandAt(s, i, "left") || s.startsWith("\\begin{", i)) {
      j = skipGroup(s, i);
      if (j < 0) j = i + 1;
    } else if (s[i] === "\\") j = i + commandLength(s, i);
    else if (s[i] === "{") j = matchingBrace(s, i) + 1;
    else j = i + 1;
    // scripts belong to their base
    while (s[j] === "^" || s[j] === "_") j = s[j + 1] === "{" ? matchingBrace(s, j + 1) + 1 : j + 2;
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}

/**
 * Rewrites the widest top-level factor of an atom so that it has break opportunities, or returns null
 * when nothing can be opened (a script, a \sqrt or a single symbol that is too wide).
 */
function openAtom(s: string, width: number): Piece[] | null {
  const us = units(s).map((u) => ({ ...u, w: latexWidth(s.slice(u.start, u.end)) }));
  const order = [...us].sort((a, b) => b.w - a.w);
  for (const u of order) {
    const text = s.slice(u.start, u.end);
    const before = lit(s.slice(0, u.start));
    const after = s.slice(u.end);
    if (text.startsWith("\\frac")) {
      const a1 = matchingBrace(text, 5);
      const num = text.slice(6, a1);
      const b1 = matchingBrace(text, a1 + 1);
      const den = text.slice(a1 + 2, b1);
      const rest = text.slice(b1 + 1) + after;
      if (topLevelPieces(num).length === 1 && topLevelPieces(den).length === 1 && openAtom(num, width) === null) continue;
      // \frac{1}{B}\bigl(A\bigr) while the denominator fits on a line, else \bigl(A\bigr)\bigl(B\bigr)^{-1}, both broken
      const denFits = latexWidth(den) <= 0.8 * width || (topLevelPieces(den).length === 1 && openAtom(den, width) === null);
      if (denFits || (latexWidth(den) <= latexWidth(num) && latexWidth(num) > width))
        return glue(before, lit(`\\frac{1}{${den}} \\bigl(`), topLevelPieces(num), lit(`\\bigr)${rest}`));
      // not (B)^{-1}: papers (and parseLatex) read X^{-1} of a parenthesised product as a matrix inverse
      return glue(before, lit("\\bigl(\\bigl("), topLevelPieces(num), lit("\\bigr) \\big/ \\bigl("), topLevelPieces(den), lit(`\\bigr)\\bigr)${rest}`));
    }
    if (text.startsWith("\\left(")) {
      const close = matchingLeftRight(text, 0);
      if (!text.slice(0, close).endsWith("\\right)")) continue;
      return glue(before, lit("\\bigl("), topLevelPieces(text.slice(6, close - 7)), lit(`\\bigr)${text.slice(close)}${after}`));
    }
    if (text.startsWith("(")) {
      const close = matchingParen(text, 0);
      if (close < 0) continue;
      return glue(before, lit("\\bigl("), topLevelPieces(text.slice(1, close)), lit(`\\bigr)${text.slice(close + 1)}${after}`));
    }
  }
  return null;
}

function lit(s: string): Piece[] {
  return [{ kind: "atom", s }];
}

/** Concatenates piece lists, the last atom of each joined to the first atom of the next. */
function glue(...lists: Piece[][]): Piece[] {
  const out: Piece[] = [];
  for (const l of lists) {
    if (out.length === 0) {
      out.push(...l);
      continue;
    }
    out[out.length - 1] = { kind: "atom", s: out[out.length - 1]!.s + l[0]!.s };
    out.push(...l.slice(1));
  }
  return out;
}

/** Pieces whose atoms fit in `width` where they can be opened. */
function fitPieces(pieces: readonly Piece[], width: number, depth = 0): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.kind === "op" || latexWidth(p.s) <= width || depth > 12) {
      out.push(p);
      continue;
    }
    const opened = openAtom(p.s, width);
    // opening adds at most a few delimiters; anything else would be a rewriting loop
    if (opened === null || opened.reduce((n, q) => n + q.s.length, 0) > p.s.length + 64) out.push(p);
    else out.push(...fitPieces(opened, width, depth + 1));
  }
  return out;
}

/**
 * The lines of a formula broken before top-level binary operators so that each line is at most `width`
 * points wide where possible (a single unbreakable factor may still exceed it); each side of a top-level
 * relation (=, \\le, …) starts a line. A continuation line starts with `{} + ` so that TeX spaces the
 * operator as binary.
 */
export function breakLines(latex: string, width: number): string[] {
  if (!(width > 0)) throw new QgeomError("INVALID_ARGUMENT", `breakLines: width must be a positive number of points, got ${width}; pass e.g. ${ARTICLE_TEXT_WIDTH_PT}`);
  if (latexWidth(latex) <= width) return [latex];
  const pieces = fitPieces(topLevelPieces(latex), width);
  const lines: string[] = [];
  let cur = "";
  let curW = 0;
  let pendingOp = "";
  for (const p of pieces) {
    if (p.kind === "op") {
      pendingOp = p.s;
      continue;
    }
    const w = latexWidth(p.s);
    const relation = pendingOp !== "" && pendingOp !== "+" && pendingOp !== "-";
    const opW = pendingOp === "" ? 0 : relation ? RELATION : BINARY;
    // a broken formula starts each side of a relation on a new line
    if (cur !== "" && (relation || curW + opW + w > width)) {
      lines.push(cur);
      cur = `{} ${pendingOp} ${p.s}`;
      curW = opW + w;
    } else {
      cur = cur === "" ? (pendingOp ? `${pendingOp} ${p.s}` : p.s) : `${cur} ${pendingOp} ${p.s}`;
      curW += opW + w;
    }
    pendingOp = "";
  }
  if (cur !== "") lines.push(cur);
  return lines;
}

/**
 * A displayed formula for pdflatex: `\[ … \]` when it fits the text width, else a multline* environment
 * broken by {@link breakLines}. `width` defaults to the article text width.
 */
export function texDisplay(latex: string, width: number = ARTICLE_TEXT_WIDTH_PT): string {
  if (latexWidth(latex) <= width) return `\\[\n${latex}\n\\]\n`;
  // multline* indents its first and last lines by \multlinegap (10pt); the estimate may run 18 % short
  const lines = breakLines(latex, 0.8 * (width - 10));
  if (lines.length === 1) return `\\[\n${latex}\n\\]\n`;
  return `\\begin{multline*}\n${lines.join(" \\\\\n")}\n\\end{multline*}\n`;
}
