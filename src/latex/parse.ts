// LaTeX -> Expr for the notation that print.ts writes (and the common variants of papers), so that
// parseLatex(toLatex(e)) === e and a formula can be pasted from a paper.
//
// Reading rules (the mirror of print.ts):
// - juxtaposition, \cdot, \times and * multiply; a / divides the product on its left by the factor on
//   its right (n p/2 = (n p)/2);
// - X^{-1} is the matrix inverse inv(X) and X^{\top} the transpose (option `inverse: "power"` reads
//   X^{-1} as a power); a run of juxtaposed factors containing one of them, or any run inside the
//   argument of \det or \operatorname{tr}, is a matrix product: its numbers are scalar coefficients and
//   its other factors the matrices, in order. \cdot separates such runs (a scalar product);
// - a name followed directly by "(" is a function application when it is a function letter
//   (f, g, h, F, G, H, \phi, \varphi, \Phi, with subscripts), \operatorname{...}, a kernel (\Gamma, \psi,
//   \log, ...) or listed in `functions`; a spacing command in between (F\, (x + y)) makes it a product;
// - bare \pi, \gamma, e, i are the constants; with a subscript they are names (\gamma_{1} -> gamma1);
// - \log x, \det\Sigma^{-1}: an operator without parentheses takes one atom with its superscript, or
//   another operator application (\log\det\Sigma); \log^{2} x is (\log x)^2; \log\Gamma(x) is lgamma.
import { QgeomError, excerpt } from "../core/errors.js";
import {
  type Expr,
  EULER_GAMMA,
  I,
  ONE,
  PI,
  add,
  exp,
  fn,
  fnDerivative,
  isValidIdentifier,
  mul,
  num,
  pow,
  sym,
} from "../core/build.js";
import type { Fn } from "../core/expr.js";
import { isKernel } from "../core/kernels.js";
import { Rational } from "../core/rational.js";
import { FUNCTION_LETTERS, LETTER_MACROS, joinName, readPart } from "./names.js";
import { KERNEL_OPERATOR_NAMES } from "./print.js";

/** Options of parseLatex; `symbols` and `macros` are those given to toLatex. */
export interface LatexParseOptions {
  /** Extra names of opaque functions applied with "(" (qgeom names, e.g. ["u"]). */
  functions?: readonly string[];
  /** Names of matrix symbols: juxtaposition with them is the matrix product. */
  matrices?: readonly string[];
  /** X^{-1}: the matrix inverse inv(X) (default) or the power X^(-1). */
  inverse?: "matrix" | "power";
  /** LaTeX of chosen symbols, as given to toLatex. */
  symbols?: Readonly<Record<string, string>>;
  /** Function templates (#1, #2 the arguments), as given to toLatex. */
  macros?: Readonly<Record<string, string>>;
  /** Maximum input length in characters (default 100 000). */
  maxLength?: number;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok =
  | { t: "cs"; v: string; at: number } // \name
  | { t: "ch"; v: string; at: number } // a letter or punctuation
  | { t: "num"; v: string; at: number } // digits
  | { t: "word"; font: string; v: string; at: number } // \mathit{..}, \mathrm{..}, \operatorname{..}
  | { t: "space"; v: string; at: number } // \, \; \: \! \quad ...
  | { t: "arg"; v: number; at: number } // #1 in a template
  | { t: "env"; v: string; begin: boolean; at: number } // \begin{pmatrix}
  | { t: "end"; v: ""; at: number };

const SPACES = new Set([",", ";", ":", "!", " ", "quad", "qquad", "thinspace", "medspace", "thickspace"]);
const SIZES = new Set(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr"]);
const WORD_FONTS = new Set(["mathit", "mathrm", "operatorname"]);

function parseError(src: string, at: number, what: string): QgeomError {
  const near = src.slice(Math.max(0, at - 12), at + 12);
  return new QgeomError("PARSE", `cannot read the LaTeX near ${excerpt(near, 30)} (offset ${at}): ${what}; check the LaTeX there, or write the expression in mathjs syntax`);
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = i;
    if (ch === "\\") {
      const m = /^\\([A-Za-z]+)|^\\(.)/.exec(src.slice(i));
      if (!m) throw parseError(src, at, "a backslash at the end");
      i += m[0].length;
      if (m[2] !== undefined) {
        if (SPACES.has(m[2])) out.push({ t: "space", v: m[2], at });
        else if (m[2] === "\\") out.push({ t: "ch", v: "\\\\", at });
        else if (m[2] === "{" || m[2] === "}") out.push({ t: "ch", v: "\\" + m[2], at });
        else if (m[2] === "|") out.push({ t: "ch", v: "|", at });
        else throw parseError(src, at, `unsupported control symbol \\${m[2]}`);
        continue;
      }
      const name = m[1]!;
      if (SPACES.has(name)) {
        out.push({ t: "space", v: name, at });
        continue;
      }
      if (SIZES.has(name)) {
        // \left( \right) \big( ... : the delimiter that follows is what counts
        while (/\s/.test(src[i] ?? "")) i++;
        if (src[i] === ".") i++; // \left. \right.
        continue;
      }
      if (WORD_FONTS.has(name) || name === "begin" || name === "end") {
        while (/\s/.test(src[i] ?? "")) i++;
        if (src[i] !== "{") {
          if (name === "begin" || name === "end") throw parseError(src, at, `\\${name} needs {environment}`);
          out.push({ t: "cs", v: name, at });
          continue;
        }
        const close = src.indexOf("}", i);
        if (close < 0) throw parseError(src, at, `unclosed \\${name}{`);
        const raw = src.slice(i + 1, close);
        i = close + 1;
        if (name === "begin" || name === "end") {
          out.push({ t: "env", v: raw.trim(), begin: name === "begin", at });
          continue;
        }
        if (!/^(?:[A-Za-z0-9]|\\_)+$/.test(raw.trim())) {
          // not a plain word (\operatorname{\mathit{..}}): the parser reports it
          out.push({ t: "cs", v: name, at });
          i = at + 1 + name.length;
          continue;
        }
        out.push({ t: "word", font: name, v: raw.trim().replace(/\\_/g, "_"), at });
        continue;
      }
      out.push({ t: "cs", v: name, at });
      continue;
    }
    if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(?:\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: "num", v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (ch === "#" && /[1-9]/.test(src[i + 1] ?? "")) {
      out.push({ t: "arg", v: Number(src[i + 1]), at });
      i += 2;
      continue;
    }
    if (/[A-Za-z+\-*/^_()[\]{},&'|=<>.]/.test(ch)) {
      out.push({ t: "ch", v: ch, at });
      i++;
      continue;
    }
    throw parseError(src, at, `unexpected character "${ch}"`);
  }
  out.push({ t: "end", v: "", at: src.length });
  return out;
}

function sameTok(a: Tok, b: Tok): boolean {
  if (a.t !== b.t) return false;
  if (a.t === "word" && b.t === "word") return a.font === b.font && a.v === b.v;
  return a.v === b.v;
}

// ---------------------------------------------------------------------------------------------
// Syntax tree (phase 1). Conversion to Expr (phase 2) needs the whole tree of a product to decide
// whether juxtaposition is the matrix product.

type Node =
  | { k: "num"; v: Rational }
  | { k: "name"; name: string }
  | { k: "const"; v: "pi" | "i" | "eulergamma" | "e" }
  | { k: "sum"; terms: Array<{ neg: boolean; node: Node }> }
  | { k: "term"; items: Array<{ op: "juxt" | "cdot" | "div"; node: Node }> }
  | { k: "frac"; num: Node; den: Node }
  | { k: "pow"; base: Node; exp: Node }
  | { k: "root"; n: number; body: Node }
  | { k: "postfix"; op: "inv" | "transpose"; base: Node }
  | { k: "apply"; name: string; args: Node[]; dorders?: number[]; power?: Node }
  | { k: "group"; body: Node };

const OPERATOR_CS: Readonly<Record<string, string>> = {
  log: "log",
  ln: "log",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  arctan: "atan",
  det: "det",
  exp: "exp",
};
const OPERATOR_WORDS: Readonly<Record<string, string>> = { ...KERNEL_OPERATOR_NAMES, Tr: "tr", arctanh: "atanh", sigmoid: "sigmoid", sign: "sign" };

class Parser {
  private pos = 0;
  private absDepth = 0;
  private readonly symbolTemplates: Array<{ name: string; toks: Tok[] }>;
  private readonly macroTemplates: Array<{ name: string; toks: Tok[] }>;

  constructor(
    private readonly src: string,
    private readonly toks: Tok[],
    private readonly opts: LatexParseOptions,
  ) {
    const templ = (m: Readonly<Record<string, string>> | undefined) =>
      Object.entries(m ?? {})
        .map(([name, latex]) => ({ name, toks: tokenize(latex).slice(0, -1) }))
        .filter((x) => x.toks.length > 0)
        .sort((a, b) => b.toks.length - a.toks.length);
    this.symbolTemplates = templ(opts.symbols);
    this.macroTemplates = templ(opts.macros);
  }

  // -- token helpers ---------------------------------------------------------------------------
  private raw(): Tok {
    return this.toks[this.pos]!;
  }
  private skipSpaces(): void {
    while (this.raw().t === "space") this.pos++;
  }
  private peek(): Tok {
    this.skipSpaces();
    return this.raw();
  }
  private next(): Tok {
    this.skipSpaces();
    return this.toks[this.pos++]!;
  }
  private isCh(tok: Tok, v: string): boolean {
    return tok.t === "ch" && tok.v === v;
  }
  private expectCh(v: string, what: string): void {
    const tok = this.next();
    if (!this.isCh(tok, v)) throw this.error(tok, `expected "${v}" ${what}`);
  }
  private error(tok: Tok, what: string): QgeomError {
    return parseError(this.src, tok.at, what);
  }

  // -- grammar -----------------------------------------------------------------------------------
  parseAll(): Node {
    const n = this.sum();
    const tok = this.peek();
    if (tok.t !== "end") throw this.error(tok, tok.t === "ch" && (tok.v === "=" || tok.v === "<" || tok.v === ">") ? "a relation; parseLatex reads one expression" : "unexpected input");
    return n;
  }

  sum(): Node {
    const terms: Array<{ neg: boolean; node: Node }> = [];
    let negFirst = false;
    let tok = this.peek();
    if (this.isCh(tok, "-") || this.isCh(tok, "+")) {
      negFirst = tok.v === "-";
      this.pos++;
    }
    terms.push({ neg: negFirst, node: this.term() });
    for (;;) {
      tok = this.peek();
      if (this.isCh(tok, "+") || this.isCh(tok, "-")) {
        this.pos++;
        terms.push({ neg: tok.v === "-", node: this.term() });
      } else break;
    }
    return terms.length === 1 && !terms[0]!.neg ? terms[0]!.node : { k: "sum", terms };
  }

  private term(): Node {
    const items: Array<{ op: "juxt" | "cdot" | "div"; node: Node }> = [{ op: "juxt", node: this.factor() }];
    for (;;) {
      const tok = this.peek();
      if ((tok.t === "cs" && (tok.v === "cdot" || tok.v === "times")) || this.isCh(tok, "*")) {
        this.pos++;
        items.push({ op: "cdot", node: this.factor() });
      } else if (this.isCh(tok, "/")) {
        this.pos++;
        items.push({ op: "div", node: this.factor() });
      } else if (this.startsFactor(tok)) {
        items.push({ op: "juxt", node: this.factor() });
      } else break;
    }
    return items.length === 1 ? items[0]!.node : { k: "term", items };
  }

  private startsFactor(tok: Tok): boolean {
    switch (tok.t) {
      case "num":
      case "word":
        return true;
      case "ch":
        if (tok.v === "|") return this.absDepth === 0;
        return /^[A-Za-z({[]$/.test(tok.v);
      case "cs":
        return !["rvert", "cdot", "times", "end", "right"].includes(tok.v);
      default:
        return false;
    }
  }

  /** A primary with its superscripts. */
  private factor(): Node {
    let base = this.primary();
    for (;;) {
      const tok = this.peek();
      if (!this.isCh(tok, "^")) break;
      this.pos++;
      base = this.superscript(base);
    }
    return base;
  }

  private superscript(base: Node): Node {
    const st = this.scriptTokens();
    if (st.length === 1 && ((st[0]!.t === "cs" && (st[0]!.v === "top" || st[0]!.v === "intercal")) || (st[0]!.t === "word" && st[0]!.v === "T" && st[0]!.font === "mathrm")))
      return { k: "postfix", op: "transpose", base };
    if (base.k === "const" && base.v === "e") return { k: "apply", name: "exp", args: [this.subParse(st)] };
    const isMinusOne = st.length === 2 && this.isCh(st[0]!, "-") && st[1]!.t === "num" && st[1]!.v === "1";
    if (isMinusOne && (this.opts.inverse ?? "matrix") === "matrix" && base.k !== "num") return { k: "postfix", op: "inv", base };
    return { k: "pow", base, exp: this.subParse(st) };
  }

  /** The tokens of a script: {...} or one token. */
  private scriptTokens(): Tok[] {
    const tok = this.next();
    if (this.isCh(tok, "{")) {
      const start = this.pos;
      let depth = 1;
      while (depth > 0) {
        const t = this.toks[this.pos++]!;
        if (t.t === "end") throw this.error(tok, "unclosed {");
        if (this.isCh(t, "{")) depth++;
        if (this.isCh(t, "}")) depth--;
      }
      return this.toks.slice(start, this.pos - 1);
    }
    if (tok.t === "end") throw this.error(tok, "a script needs an argument");
    if (tok.t === "num" && tok.v.length > 1) {
      // x^23 means x^{2}3
      this.pos--;
      const rest = { ...tok, v: tok.v.slice(1), at: tok.at + 1 };
      this.toks.splice(this.pos, 1, { ...tok, v: tok.v[0]! }, rest);
      this.pos++;
      return [{ ...tok, v: tok.v[0]! }];
    }
    return [tok];
  }

  /** Parses a token list (a script or a brace group) as a complete expression. */
  private subParse(toks: Tok[]): Node {
    if (toks.length === 0) throw parseError(this.src, this.raw().at, "an empty group");
    const p = new Parser(this.src, [...toks, { t: "end", v: "", at: toks[toks.length - 1]!.at }], this.opts);
    return p.parseAll();
  }

  /** A brace group {...} or a single token, parsed as an expression (\frac12). */
  private groupArg(): Node {
    return this.subParse(this.scriptTokens());
  }

  private primary(): Node {
    const tok = this.peek();
    const custom = this.customTemplate();
    if (custom) return custom;
    switch (tok.t) {
      case "num": {
        this.pos++;
        const r = Rational.parse(tok.v);
        if (r === null) throw this.error(tok, `not a number: ${tok.v}`);
        return { k: "num", v: r };
      }
      case "word":
        return this.wordPrimary();
      case "ch":
        return this.charPrimary();
      case "cs":
        return this.csPrimary();
      case "env":
        throw this.error(tok, tok.begin ? `a ${tok.v} environment; use parseLatexMatrix for matrices` : "unexpected \\end");
      default:
        throw this.error(tok, tok.t === "end" ? "the expression ends too early" : "unexpected input");
    }
  }

  private customTemplate(): Node | null {
    for (const { name, toks } of this.symbolTemplates) {
      if (this.matchLiteral(toks)) return this.afterName({ k: "name", name }, false);
    }
    for (const { name, toks } of this.macroTemplates) {
      const save = this.pos;
      const args = this.matchMacro(toks);
      if (args) return { k: "apply", name, args };
      this.pos = save;
    }
    return null;
  }

  private matchLiteral(toks: Tok[]): boolean {
    const save = this.pos;
    for (const t of toks) {
      if (t.t === "space") continue;
      if (!sameTok(this.next(), t)) {
        this.pos = save;
        return false;
      }
    }
    return true;
  }

  private matchMacro(toks: Tok[]): Node[] | null {
    const args: Node[] = [];
    const lits = toks.filter((t) => t.t !== "space");
    if (lits[0]?.t === "arg") return null;
    for (let j = 0; j < lits.length; j++) {
      const t = lits[j]!;
      if (t.t === "arg") {
        const isLast = j === lits.length - 1;
        args[t.v - 1] = isLast ? this.operatorArgument() : this.sum();
        continue;
      }
      if (!sameTok(this.next(), t)) return null;
    }
    return args;
  }

  private charPrimary(): Node {
    const tok = this.next() as Tok & { t: "ch" };
    switch (tok.v) {
      case "(": {
        const body = this.sum();
        this.expectCh(")", "to close (");
        return { k: "group", body };
      }
      case "{": {
        const body = this.sum();
        this.expectCh("}", "to close {");
        return { k: "group", body };
      }
      case "[": {
        const body = this.sum();
        this.expectCh("]", "to close [");
        return { k: "group", body };
      }
      case "|": {
        this.absDepth++;
        const body = this.sum();
        this.absDepth--;
        this.expectCh("|", "to close |");
        return { k: "apply", name: "abs", args: [body] };
      }
    }
    if (/^[A-Za-z]$/.test(tok.v)) {
      const hasSub = this.isCh(this.raw(), "_");
      if (!hasSub && tok.v === "e") return { k: "const", v: "e" };
      if (!hasSub && tok.v === "i") return { k: "const", v: "i" };
      return this.afterName({ k: "name", name: this.readName(tok.v) }, FUNCTION_LETTERS.has(tok.v));
    }
    throw this.error(tok, `unexpected "${tok.v}"`);
  }

  private wordPrimary(): Node {
    const tok = this.next() as Tok & { t: "word" };
    if (tok.font === "operatorname") {
      const kernel = OPERATOR_WORDS[tok.v];
      if (kernel !== undefined) return this.operatorOrApplied(kernel);
      if (!isValidIdentifier(tok.v)) throw this.error(tok, `invalid function name "${tok.v}"`);
      return this.application(tok.v, true);
    }
    if (tok.font === "mathrm" && (tok.v === "e" || tok.v === "i") && !this.isCh(this.raw(), "_")) return { k: "const", v: tok.v };
    if (!/^[A-Za-z]+[A-Za-z0-9_]*$/.test(tok.v)) throw this.error(tok, `invalid name "${tok.v}"`);
    const name = /_|[0-9]/.test(tok.v) ? tok.v : this.readName(tok.v);
    return this.afterName({ k: "name", name }, false);
  }

  private csPrimary(): Node {
    const tok = this.next() as Tok & { t: "cs" };
    const v = tok.v;
    switch (v) {
      case "frac":
      case "dfrac":
      case "tfrac": {
        const n = this.groupArg();
        const d = this.groupArg();
        return { k: "frac", num: n, den: d };
      }
      case "sqrt": {
        let n = 2;
        if (this.isCh(this.peek(), "[")) {
          this.pos++;
          const t = this.next();
          if (t.t !== "num" || !/^[0-9]+$/.test(t.v) || Number(t.v) < 2) throw this.error(t, "\\sqrt[n] needs an integer n >= 2");
          n = Number(t.v);
          this.expectCh("]", "to close \\sqrt[");
        }
        return { k: "root", n, body: this.groupArg() };
      }
      case "lvert":
      case "vert": {
        const body = this.sum();
        const close = this.next();
        if (!(close.t === "cs" && (close.v === "rvert" || close.v === "vert"))) throw this.error(close, "expected \\rvert");
        return { k: "apply", name: "abs", args: [body] };
      }
      case "overline":
        return { k: "apply", name: "conj", args: [this.groupArg()] };
      case "pi":
      case "gamma":
        if (!this.isCh(this.raw(), "_")) return { k: "const", v: v === "pi" ? "pi" : "eulergamma" };
        return this.afterName({ k: "name", name: this.readName(v) }, false);
      case "Gamma":
      case "psi":
        return this.gammaOrPsi(v);
      case "tilde": {
        const inner = this.scriptTokens();
        if (!(inner.length === 1 && inner[0]!.t === "cs" && inner[0]!.v === "Gamma")) throw this.error(tok, "only \\tilde{\\Gamma}_{p} is supported after \\tilde");
        return this.multi("cmultigamma", tok);
      }
      case "partial":
        return this.partialDerivative(tok);
      case "operatorname":
      case "mathit":
      case "mathrm":
        throw this.error(tok, `\\${v} needs a plain word in braces`);
    }
    if (v === "log" || v === "ln") {
      // \log\Gamma(x) = lgamma, \log\Gamma_{p}(a) = lmultigamma, \log\tilde{\Gamma}_{p}(a) = lcmultigamma
      const t = this.peek();
      if (t.t === "cs" && t.v === "Gamma") {
        const save = this.pos;
        this.pos++;
        if (this.isCh(this.raw(), "(")) return this.application("lgamma", false);
        if (this.isCh(this.raw(), "_")) {
          const sub = this.pos;
          this.readName("Gamma");
          const applied = this.isCh(this.raw(), "(");
          this.pos = sub;
          if (applied) return this.multi("lmultigamma", t);
        }
        this.pos = save; // \log\Gamma_{3} without "(": the logarithm of the symbol Gamma3
      }
      if (t.t === "cs" && t.v === "tilde") {
        this.pos++;
        this.scriptTokens();
        return this.multi("lcmultigamma", t);
      }
    }
    if (v in OPERATOR_CS) return this.operatorOrApplied(OPERATOR_CS[v]!);
    if (LETTER_MACROS.has(v)) return this.afterName({ k: "name", name: this.readName(v) }, FUNCTION_LETTERS.has(v));
    throw this.error(tok, `unsupported command \\${v}`);
  }

  /** \Gamma(x), \Gamma_{p}(a), \psi(x), \psi_{p}(a), \psi^{(n)}(x), or the symbols Gamma, psi, Gamma3, ... */
  private gammaOrPsi(v: "Gamma" | "psi" | string): Node {
    const here = this.toks[this.pos - 1]!;
    if (this.isCh(this.raw(), "(")) return this.application(v === "Gamma" ? "gamma" : "digamma", false);
    if (v === "psi" && this.isCh(this.raw(), "^")) {
      const save = this.pos;
      this.pos++;
      const st = this.scriptTokens();
      const m = st.length === 3 && this.isCh(st[0]!, "(") && st[1]!.t === "num" && this.isCh(st[2]!, ")");
      if (m && this.isCh(this.raw(), "(")) {
        const order: Node = { k: "num", v: Rational.parse(String(st[1]!.v))! };
        const call = this.application("polygamma", false) as Node & { k: "apply" };
        return { k: "apply", name: "polygamma", args: [order, ...call.args] };
      }
      this.pos = save;
    }
    if (this.isCh(this.raw(), "_")) {
      const save = this.pos;
      const name = this.readName(v);
      if (this.isCh(this.raw(), "(")) {
        this.pos = save;
        return this.multi(v === "Gamma" ? "multigamma" : "multidigamma", here);
      }
      return this.afterName({ k: "name", name }, false);
    }
    return this.afterName({ k: "name", name: v }, false);
  }

  /** prefix_{p}(a) for the multivariate gamma kernels. */
  private multi(kernel: string, at: Tok): Node {
    if (!this.isCh(this.raw(), "_")) throw this.error(at, `${kernel} needs its dimension as a subscript, e.g. \\Gamma_{3}(a)`);
    this.pos++;
    const st = this.scriptTokens();
    const p = this.subParse(st);
    if (p.k !== "num" || !p.v.isInteger() || !p.v.isPositive())
      throw this.error(at, `the dimension of a multivariate gamma function must be a positive integer subscript`);
    if (!this.isCh(this.raw(), "(")) throw this.error(at, `expected "(" after the multivariate gamma function`);
    const call = this.application(kernel, false) as Node & { k: "apply" };
    if (call.args.length !== 1) throw this.error(at, `${kernel} takes one argument`);
    return { k: "apply", name: kernel, args: [call.args[0]!, p] };
  }

  /** \partial_{1}\partial_{2}^{2} f(x, y). */
  private partialDerivative(first: Tok): Node {
    const orders = new Map<number, number>();
    let tok: Tok = first;
    for (;;) {
      if (!this.isCh(this.peek(), "_")) throw this.error(tok, "\\partial needs an argument index, e.g. \\partial_{1} f(x, y)");
      this.pos++;
      const idx = this.subParse(this.scriptTokens());
      if (idx.k !== "num" || !idx.v.isInteger() || !idx.v.isPositive()) throw this.error(tok, "\\partial_{k}: k must be a positive integer");
      let k = 1;
      if (this.isCh(this.peek(), "^")) {
        this.pos++;
        const o = this.subParse(this.scriptTokens());
        if (o.k !== "num" || !o.v.isInteger() || !o.v.isPositive()) throw this.error(tok, "\\partial_{k}^{n}: n must be a positive integer");
        k = o.v.toInteger();
      }
      const i = idx.v.toInteger();
      orders.set(i, (orders.get(i) ?? 0) + k);
      tok = this.peek();
      if (tok.t === "cs" && tok.v === "partial") {
        this.pos++;
        continue;
      }
      break;
    }
    const f = this.factor();
    if (f.k !== "apply" || f.dorders !== undefined || isKernel(f.name)) throw this.error(tok, "\\partial applies to a function call such as f(x, y)");
    const n = f.args.length;
    if ([...orders.keys()].some((i) => i > n)) throw this.error(tok, `\\partial index larger than the ${n} argument(s) of ${f.name}`);
    return { ...f, dorders: Array.from({ length: n }, (_, i) => orders.get(i + 1) ?? 0) };
  }

  /** Reads an optional subscript after a head and returns the qgeom name. */
  private readName(head: string): string {
    if (!this.isCh(this.raw(), "_")) return head;
    this.pos++;
    const st = this.scriptTokens();
    const first = st[0];
    const last = st[st.length - 1];
    if (first === undefined || last === undefined) throw parseError(this.src, this.raw().at, "an empty subscript");
    // the source text of the subscript, split at commas
    const from = first.at;
    const to = this.scriptEnd(last);
    const text = this.src.slice(from, to);
    const parts = text.split(",").map((s) => readPart(s.trim()));
    if (parts.some((p) => p === null || p === "")) throw parseError(this.src, from, `a subscript of a name must be letters and digits (indices), got ${excerpt(text, 20)}`);
    return joinName(head, parts as string[]);
  }

  private scriptEnd(last: Tok): number {
    if (last.t === "word") return this.src.indexOf("}", last.at) + 1;
    if (last.t === "cs") return last.at + 1 + last.v.length;
    return last.at + String(last.v).length;
  }

  /** A name, or a function application when it reads as a function. */
  private afterName(node: Node & { k: "name" }, functionLetter: boolean): Node {
    const name = node.name;
    const isFunction = functionLetter || (this.opts.functions?.includes(name) ?? false);
    if (isFunction && (this.isCh(this.raw(), "(") || this.isCh(this.raw(), "'") || this.derivativeMarkFollows())) return this.application(name, true);
    return node;
  }

  /** ^{(n)} follows: a derivative order (f^{(3)}(x)) or a polygamma order (\psi^{(2)}(x)). */
  private derivativeMarkFollows(): boolean {
    const t = this.toks.slice(this.pos, this.pos + 6);
    return (
      t.length === 6 && this.isCh(t[0]!, "^") && this.isCh(t[1]!, "{") && this.isCh(t[2]!, "(") && t[3]!.t === "num" && this.isCh(t[4]!, ")") && this.isCh(t[5]!, "}")
    );
  }

  /** name(args) with optional derivative marks (', '', ^{(n)}) before the parenthesis. */
  private application(name: string, opaque: boolean): Node {
    let order = 0;
    if (opaque) {
      while (this.isCh(this.raw(), "'")) {
        this.pos++;
        order++;
      }
      if (order === 0 && this.derivativeMarkFollows()) {
        this.pos++;
        const st = this.scriptTokens();
        const ok = st.length === 3 && this.isCh(st[0]!, "(") && st[1]!.t === "num" && this.isCh(st[2]!, ")");
        if (!ok) throw parseError(this.src, st[0]?.at ?? 0, "a derivative order is written ^{(n)}");
        order = Number(st[1]!.v);
      }
    }
    const open = this.next();
    if (!this.isCh(open, "(")) throw this.error(open, `expected "(" after ${name}`);
    const args: Node[] = [this.sum()];
    while (this.isCh(this.peek(), ",")) {
      this.pos++;
      args.push(this.sum());
    }
    this.expectCh(")", `to close the arguments of ${name}`);
    if (order > 0) {
      if (args.length !== 1) throw this.error(open, `${name}' needs one argument; use \\partial_{k} for several`);
      return { k: "apply", name, args, dorders: [order] };
    }
    return { k: "apply", name, args };
  }

  /** An operator: \log x, \log(x + 1), \log^{2} x, \det\Sigma^{-1}, \log\det\Sigma. */
  private operatorOrApplied(kernel: string): Node {
    let power: Node | undefined;
    if (this.isCh(this.peek(), "^")) {
      this.pos++;
      power = this.subParse(this.scriptTokens());
    }
    const arg = this.operatorArgument();
    const node: Node = { k: "apply", name: kernel, args: [arg] };
    return power ? { ...node, power } : node;
  }

  /** The argument of an operator: a parenthesised expression, another operator, or an atom with its superscripts. */
  private operatorArgument(): Node {
    const tok = this.peek();
    if (this.isCh(tok, "(")) {
      this.pos++;
      const body = this.sum();
      this.expectCh(")", "to close the argument");
      return body;
    }
    return this.factor();
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 2: syntax tree -> Expr

const MATRIX_ARG_KERNELS = new Set(["det", "tr", "inv", "transpose", "matmul"]);

class Converter {
  constructor(private readonly opts: LatexParseOptions) {}

  conv(n: Node, matrix: boolean): Expr {
    switch (n.k) {
      case "num":
        return num(n.v);
      case "const":
        return n.v === "pi" ? PI : n.v === "i" ? I : n.v === "eulergamma" ? EULER_GAMMA : exp(ONE);
      case "name":
        return sym(n.name);
      case "group":
        return this.conv(n.body, matrix);
      case "sum":
        return add(...n.terms.map((t) => (t.neg ? mul(num(-1), ...this.factorsOf(t.node, matrix)) : this.conv(t.node, matrix))));
      case "term":
      case "frac":
        return mul(...this.factorsOf(n, matrix));
      case "pow":
        return pow(this.conv(n.base, matrix), this.conv(n.exp, false));
      case "root":
        return pow(this.conv(n.body, matrix), num(Rational.of(1, n.n)));
      case "postfix":
        return fn(n.op, this.conv(n.base, true));
      case "apply": {
        const m = MATRIX_ARG_KERNELS.has(n.name);
        const args = n.args.map((a) => this.conv(a, m));
        let e = n.dorders ? fnDerivative(fn(n.name, ...args) as Fn, n.dorders) : n.name === "exp" ? exp(args[0]!) : fn(n.name, ...args);
        if (n.power) e = pow(e, this.conv(n.power, false));
        return e;
      }
    }
  }

  /**
   * The factors of a product, fraction or single factor, for one call of mul: building a product
   * step by step would distribute a lone coefficient over a sum (3 (a + b) -> 3a + 3b) where the
   * printed product meant 3 · (a + b) · ... . Fractions are flattened into the product too
   * (\frac{p + 1}{2} x reads as (1/2)·(p + 1)·x, the canonical form of that product).
   */
  private factorsOf(n: Node, matrix: boolean): Expr[] {
    // a parenthesised product is still a product: 1/(12 (T + 1)) divides by 12 and by T + 1
    if (n.k === "group" && (n.body.k === "term" || n.body.k === "frac")) return this.factorsOf(n.body, matrix);
    if (n.k === "frac") {
      return [...this.factorsOf(n.num, matrix), ...this.factorsOf(n.den, matrix).map((f) => pow(f, num(-1)))];
    }
    if (n.k !== "term") return [this.conv(n, matrix)];
    const out: Expr[] = [];
    let runNodes: Node[] = [];
    const flush = (): void => {
      if (runNodes.length) out.push(...this.run(runNodes, matrix));
      runNodes = [];
    };
    for (const it of n.items) {
      if (it.op === "juxt") runNodes.push(it.node);
      else if (it.op === "cdot") {
        flush();
        runNodes.push(it.node);
      } else {
        flush();
        out.push(...this.factorsOf(it.node, matrix).map((f) => pow(f, num(-1))));
      }
    }
    flush();
    return out;
  }

  /** A numeric literal factor (a scalar coefficient of a matrix product). */
  private isNumeric(n: Node): boolean {
    return n.k === "num" || (n.k === "frac" && n.num.k === "num" && n.den.k === "num");
  }

  /** A factor that makes its run of juxtaposed factors a matrix product. */
  private isMarked(n: Node): boolean {
    return n.k === "postfix" || (n.k === "name" && (this.opts.matrices?.includes(n.name) ?? false));
  }

  /** The factors of a run of juxtaposed factors: scalars, or scalar coefficients and one matrix product. */
  private run(nodes: Node[], matrix: boolean): Expr[] {
    if (matrix || nodes.some((x) => this.isMarked(x))) {
      const scalars = nodes.filter((x) => this.isNumeric(x)).flatMap((x) => this.factorsOf(x, false));
      const mats = nodes.filter((x) => !this.isNumeric(x)).map((x) => this.conv(x, true));
      if (mats.length === 0) return scalars;
      return [...scalars, mats.length === 1 ? mats[0]! : fn("matmul", ...mats)];
    }
    return nodes.flatMap((x) => this.factorsOf(x, false));
  }
}

function checkLength(text: string, options: LatexParseOptions): void {
  if (typeof text !== "string") throw new QgeomError("PARSE", `parseLatex: expected a string, got ${typeof text}`);
  const max = options.maxLength ?? 100_000;
  if (text.length > max) throw new QgeomError("SIZE_LIMIT", `LaTeX input is ${text.length} characters, over the limit of ${max}; pass a larger maxLength`);
  if (text.trim() === "") throw new QgeomError("PARSE", `empty LaTeX input; pass a formula such as "x^{2}+1"`);
}

/**
 * Reads a LaTeX formula into an expression: the notation of toLatex (parseLatex(toLatex(e)) === e)
 * and common paper variants (\ln, \tfrac, |x|, \mathrm{e}, \left( \right), \big( \big)).
 */
export function parseLatex(text: string, options: LatexParseOptions = {}): Expr {
  checkLength(text, options);
  const stripped = text.trim().replace(/^\$+|\$+$/g, "").replace(/^\\\[|\\\]$/g, "");
  const parser = new Parser(stripped, tokenize(stripped), options);
  return new Converter(options).conv(parser.parseAll(), false);
}

/** Reads a pmatrix/bmatrix/matrix environment (as printed by toLatex for a matrix) into rows of expressions. */
export function parseLatexMatrix(text: string, options: LatexParseOptions = {}): Expr[][] {
  checkLength(text, options);
  const src = text.trim();
  const toks = tokenize(src);
  const first = toks[0]!;
  if (first.t !== "env" || !first.begin || !["pmatrix", "bmatrix", "matrix", "Bmatrix", "vmatrix"].includes(first.v))
    throw parseError(src, first.at, "expected \\begin{pmatrix} (or bmatrix, matrix)");
  const endIdx = toks.findIndex((t) => t.t === "env" && !t.begin);
  if (endIdx < 0 || (toks[endIdx] as { v: string }).v !== first.v) throw parseError(src, src.length, `expected \\end{${first.v}}`);
  if (toks[endIdx + 1]!.t !== "end") throw parseError(src, toks[endIdx + 1]!.at, "input after the matrix");
  const rows: Tok[][][] = [[[]]];
  for (const t of toks.slice(1, endIdx)) {
    const row = rows[rows.length - 1]!;
    if (t.t === "ch" && t.v === "&") row.push([]);
    else if (t.t === "ch" && t.v === "\\\\") rows.push([[]]);
    else row[row.length - 1]!.push(t);
  }
  if (rows.length > 1 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0]!.length === 0) rows.pop();
  const conv = new Converter(options);
  const out = rows.map((r) =>
    r.map((cell) => {
      if (cell.length === 0) throw parseError(src, first.at, "an empty matrix entry");
      const p = new Parser(src, [...cell, { t: "end", v: "", at: cell[cell.length - 1]!.at }], options);
      return conv.conv(p.parseAll(), false);
    }),
  );
  if (!out.every((r) => r.length === out[0]!.length)) throw new QgeomError("SHAPE", `matrix rows have different lengths (${out.map((r) => r.length).join(", ")}); give every row the same number of & separators`);
  return out;
}
