// Identifiers <-> LaTeX. The rule (one grammar, read in both directions):
//
//   name   = head digits? ("_" part)*        head = letters, digits = [0-9]+, part = [A-Za-z0-9]+
//   LaTeX  = H(head) "_{" s1 "," s2 ... "}"  where the subscript list is [digits, part, part, ...]
//
//   head:  a Greek letter name -> its macro (Sigma -> \Sigma, varphi -> \varphi, ell -> \ell);
//          one letter -> itself; several letters -> \mathit{df}
//   part:  runs of letters and digits; a Greek run -> its macro, a run of one or two letters -> italic
//          (indices: ij, cc), a longer run -> \mathrm{max} (labels)
//
// So x12 -> x_{12}, Sigma1 -> \Sigma_{1}, rho_t -> \rho_{t}, x1_2 -> x_{1,2}, S1_12 -> S_{1,12},
// w_ij -> w_{ij}, T_eff -> T_{\mathrm{eff}}, df -> \mathit{df}.
// Reading a subscript list back, a first entry of digits only is glued to the head (x_{12} -> x12).
// A name whose nice form would read back as another name (x_12, which reads as x12; gamma, whose
// \gamma is Euler's constant) is printed verbatim as \mathit{x\_12}, so printing is injective.

/** Lower-case Greek letters with a LaTeX macro (omicron has none), and the var- forms. */
const GREEK_LOWER = [
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
  "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
  "varepsilon", "vartheta", "varpi", "varrho", "varsigma", "varphi",
];
/** Upper-case Greek letters that differ from Latin ones (the others have no macro in LaTeX). */
const GREEK_UPPER = ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"];

/** Words printed as a macro of the same name: Greek letters and \ell. */
export const LETTER_MACROS: ReadonlySet<string> = new Set([...GREEK_LOWER, ...GREEK_UPPER, "ell"]);

/**
 * Name heads that read as functions when followed by a parenthesis: f(x), g(x), \varphi(x), and the
 * kernel letters \Gamma(x), \psi(x). A symbol with such a head is never juxtaposed with "(" (the
 * printer writes F \cdot (x + y)), and an opaque function with a head in FUNCTION_LETTERS prints
 * as f(x); other opaque functions print as \operatorname{name}(x).
 */
export const FUNCTION_LETTERS: ReadonlySet<string> = new Set(["f", "g", "h", "F", "G", "H", "phi", "varphi", "Phi"]);
const KERNEL_LETTERS: ReadonlySet<string> = new Set(["Gamma", "psi"]);

/** True if a symbol with this name would read as a function application when followed by "(". */
export function readsAsFunction(name: string): boolean {
  const head = splitName(name)?.head;
  return head !== undefined && (FUNCTION_LETTERS.has(head) || KERNEL_LETTERS.has(head));
}

/** Bare macros that mean a constant (not a symbol): \gamma (Euler), \pi; e and i likewise. */
const CONSTANT_FORMS: ReadonlySet<string> = new Set(["\\gamma", "\\pi", "e", "i"]);

interface NameParts {
  head: string;
  /** Subscript list (the digits glued to the head first, then the underscore parts). */
  subs: string[];
}

function splitName(name: string): NameParts | null {
  const m = /^([A-Za-z]+)([0-9]*)((?:_[A-Za-z0-9]+)*)$/.exec(name);
  if (!m) return null;
  const subs = m[2] ? [m[2]] : [];
  if (m[3]) subs.push(...m[3].slice(1).split("_"));
  return { head: m[1]!, subs };
}

function headLatex(head: string): string {
  if (LETTER_MACROS.has(head)) return "\\" + head;
  if (head.length === 1) return head;
  return `\\mathit{${head}}`;
}

function partLatex(part: string): string {
  return part.replace(/[A-Za-z]+|[0-9]+/g, (run) => {
    if (/^[0-9]/.test(run) || (run.length <= 2 && !LETTER_MACROS.has(run))) return run;
    return LETTER_MACROS.has(run) ? "\\" + run : `\\mathrm{${run}}`;
  });
}

/** The verbatim form of any identifier: \mathit{x\_12}. */
export function verbatimName(name: string): string {
  return `\\mathit{${name.replace(/_/g, "\\_")}}`;
}

/** LaTeX of a name by the rule above, before the injectivity check. */
function niceName(name: string): string | null {
  const parts = splitName(name);
  if (parts === null) return null;
  const h = headLatex(parts.head);
  if (parts.subs.length === 0) return h;
  return `${h}_{${parts.subs.map(partLatex).join(",")}}`;
}

const nameCache = new Map<string, string>();

/** LaTeX of a symbol name (see the rule at the top of this file). */
export function nameToLatex(name: string): string {
  const hit = nameCache.get(name);
  if (hit !== undefined) return hit;
  const nice = niceName(name);
  const ok = nice !== null && !CONSTANT_FORMS.has(nice) && latexToName(nice) === name;
  const out = ok ? nice : verbatimName(name);
  if (nameCache.size > 10_000) nameCache.clear();
  nameCache.set(name, out);
  return out;
}

/** The identifier of a head and its subscript list: (x, [12]) -> x12, (x, [1, 2]) -> x1_2, (rho, [t]) -> rho_t. */
export function joinName(head: string, subs: readonly string[]): string {
  if (subs.length === 0) return head;
  const [first, ...rest] = subs;
  if (/^[0-9]+$/.test(first!)) return head + first + rest.map((s) => "_" + s).join("");
  return head + subs.map((s) => "_" + s).join("");
}

/**
 * The name printed by `nameToLatex` for a LaTeX string of the form head or head_{a,b} (used to check
 * injectivity; the full parser reads names with its own tokenizer and `joinName`). Null if the string
 * is not of that form.
 */
export function latexToName(latex: string): string | null {
  const m = /^(\\[A-Za-z]+|[A-Za-z]|\\mathit\{[A-Za-z]+\})(?:_\{(.*)\})?$/.exec(latex);
  if (!m) return null;
  let head = m[1]!;
  if (head.startsWith("\\mathit{")) head = head.slice(8, -1);
  else if (head.startsWith("\\")) {
    head = head.slice(1);
    if (!LETTER_MACROS.has(head)) return null;
  }
  if (m[2] === undefined) return head;
  const subs = m[2].split(",").map(readPart);
  if (subs.some((s) => s === null || s === "")) return null;
  return joinName(head, subs as string[]);
}

/** A subscript part back to its identifier text: \rho -> rho, \mathrm{max} -> max, i j -> ij. */
export function readPart(latex: string): string | null {
  let out = "";
  const re = /\\mathrm\{([A-Za-z]+)\}|\\([A-Za-z]+)|([A-Za-z0-9])|\s+/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < latex.length && (m = re.exec(latex)) !== null) {
    pos = re.lastIndex;
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) {
      if (!LETTER_MACROS.has(m[2])) return null;
      out += m[2];
    } else if (m[3] !== undefined) out += m[3];
  }
  return pos === latex.length ? out : null;
}
