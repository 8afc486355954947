// Expression nodes: an immutable, hash-consed DAG. Equal sub-expressions are one object, so structural
// equality is pointer equality (`a === b`) and common subexpressions are shared for free.
// Nodes are created only through the smart constructors of build.ts, which canonicalise; the raw
// `intern*` functions here assume their children are already canonical and sorted.
import { Rational } from "./rational.js";

/**
 * A symbolic expression: an immutable, hash-consed node of the expression DAG, discriminated by `kind`.
 * Build expressions only with the smart constructors (`num`, `sym`, `add`, `mul`, `pow`, `fn`, …), which
 * return canonical forms; two expressions are structurally equal exactly when `a === b`.
 */
export type Expr = Num | Const | Sym | Add | Mul | Pow | Fn;
/** The node kinds: "num" | "const" | "sym" | "add" | "mul" | "pow" | "fn". */
export type ExprKind = Expr["kind"];

/** Named constants: π, the imaginary unit i, and the Euler–Mascheroni constant γ. */
export type ConstName = "pi" | "i" | "eulergamma";

export const FLAG_I = 1; // contains the imaginary unit (may be complex-valued)
export const FLAG_NONPOLY = 2; // contains a function application or a non-natural power
export const FLAG_OPAQUE = 4; // contains an opaque (user) function
export const FLAG_MATRIX = 8; // contains matrix-notation kernels (det, tr, ...)
export const FLAG_CONST = 16; // contains a named constant

const KIND_RANK: Record<ExprKind, number> = { num: 0, const: 1, sym: 2, pow: 3, mul: 4, add: 5, fn: 6 };

let nextId = 1;

abstract class Node {
  /** Serial number assigned at creation, unique per node (keys the interning table); not stable across runs, so never used for ordering. */
  readonly id: number;
  constructor(
    /** Structural 32-bit hash, deterministic across runs (it fixes the canonical order of sums and products). */
    readonly hash: number,
    /** Bit set of FLAG_* properties of the sub-DAG (contains i, non-polynomial, opaque function, matrix kernel, constant). */
    readonly flags: number,
    /** Tree size (number of nodes if the DAG were a tree), saturating at 1e15. */
    readonly treeSize: number,
  ) {
    this.id = nextId++;
  }
  /** Lazily computed sorted free symbol names. */
  _syms: readonly string[] | undefined = undefined;
  /** The expression in mathjs syntax; `parse(e.toString()) === e` (MATH.md round-trip property). */
  toString(): string {
    return printer(this as unknown as Expr);
  }
}

/** An exact rational number. */
export class Num extends Node {
  /** Discriminant "num". */
  readonly kind = "num" as const;
  constructor(
    /** The exact value p/q. */
    readonly value: Rational,
    hash: number,
  ) {
    super(hash, 0, 1);
  }
}
/** A named constant: π, i or γ. */
export class Const extends Node {
  /** Discriminant "const". */
  readonly kind = "const" as const;
  constructor(
    /** Which constant: "pi", "i" (imaginary unit) or "eulergamma" (Euler–Mascheroni γ). */
    readonly name: ConstName,
    hash: number,
  ) {
    super(hash, FLAG_CONST | (name === "i" ? FLAG_I : 0), 1);
  }
}
/** A real-valued symbol (variable). */
export class Sym extends Node {
  /** Discriminant "sym". */
  readonly kind = "sym" as const;
  constructor(
    /** The symbol's name: a letter followed by letters, digits or _ (not a reserved name such as pi, i, e). */
    readonly name: string,
    hash: number,
  ) {
    super(hash, 0, 1);
  }
}
/** A sum t_1 + … + t_n (n ≥ 2). */
export class Add extends Node {
  /** Discriminant "add". */
  readonly kind = "add" as const;
  constructor(
    /** The n ≥ 2 canonical terms in canonical order; a numeric constant, if any, comes first, and like terms are already collected. */
    readonly terms: readonly Expr[],
    hash: number,
    flags: number,
    size: number,
  ) {
    super(hash, flags, size);
  }
}
/** A product f_1 · … · f_n (n ≥ 2). */
export class Mul extends Node {
  /** Discriminant "mul". */
  readonly kind = "mul" as const;
  constructor(
    /** The n ≥ 2 canonical factors in canonical order; a numeric coefficient, if any, comes first, and powers of equal bases are merged. */
    readonly factors: readonly Expr[],
    hash: number,
    flags: number,
    size: number,
  ) {
    super(hash, flags, size);
  }
}
/** A power base^exp (principal branch when the base may be negative or complex); division is a power with exponent −1. */
export class Pow extends Node {
  /** Discriminant "pow". */
  readonly kind = "pow" as const;
  constructor(
    /** The base b of b^e. */
    readonly base: Expr,
    /** The exponent e of b^e. */
    readonly exp: Expr,
    hash: number,
    flags: number,
    size: number,
  ) {
    super(hash, flags, size);
  }
}
/** A function application f(a_1, …, a_n): a kernel (exp, log, gamma, det, …; see {@link KERNELS}) or an opaque user function. */
export class Fn extends Node {
  /** Discriminant "fn". */
  readonly kind = "fn" as const;
  constructor(
    /** Function name: a kernel name, or the name of an opaque function. */
    readonly name: string,
    /** The arguments, in order (e.g. polygamma(n, x): order n first; multigamma(a, p): dimension p second). */
    readonly args: readonly Expr[],
    /** For opaque functions only: partial-derivative orders per argument (null = the function itself). */
    readonly dorders: readonly number[] | null,
    hash: number,
    flags: number,
    size: number,
  ) {
    super(hash, flags, size);
  }
}

// ---------------------------------------------------------------------------------------------
// Hashing (deterministic across runs, so canonical orders and printed forms are reproducible).

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}
export function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h, s.length);
}
function childrenHash(seed: number, children: readonly Expr[]): number {
  let h = seed;
  for (const c of children) h = mix(h, c.hash);
  return mix(h, children.length);
}

// ---------------------------------------------------------------------------------------------
// Interning table: key -> weak reference, so unused expressions can be garbage-collected.

const table = new Map<string, WeakRef<Expr>>();
const registry = new FinalizationRegistry<string>((key) => {
  const ref = table.get(key);
  if (ref !== undefined && ref.deref() === undefined) table.delete(key);
});

function lookup(key: string): Expr | undefined {
  const ref = table.get(key);
  return ref?.deref();
}
function store<T extends Expr>(key: string, node: T): T {
  table.set(key, new WeakRef(node));
  registry.register(node, key);
  return node;
}

/** Number of live interned nodes (diagnostics). */
export function internedCount(): number {
  return table.size;
}

function idList(xs: readonly Expr[]): string {
  let s = "";
  for (let i = 0; i < xs.length; i++) s += (i ? "," : "") + xs[i]!.id;
  return s;
}
function combineFlags(xs: readonly Expr[]): number {
  let f = 0;
  for (const x of xs) f |= x.flags;
  return f;
}
function sumSize(xs: readonly Expr[]): number {
  let s = 1;
  for (const x of xs) s += x.treeSize;
  return Math.min(s, 1e15);
}

export function internNum(value: Rational): Num {
  const key = "n" + value.key();
  const hit = lookup(key);
  if (hit) return hit as Num;
  return store(key, new Num(value, mix(stringHash(key), 1)));
}
export function internConst(name: ConstName): Const {
  const key = "c" + name;
  const hit = lookup(key);
  if (hit) return hit as Const;
  return store(key, new Const(name, mix(stringHash(key), 2)));
}
export function internSym(name: string): Sym {
  const key = "s" + name;
  const hit = lookup(key);
  if (hit) return hit as Sym;
  return store(key, new Sym(name, mix(stringHash(name), 3)));
}
/** Terms must be canonical, sorted by compareExpr, at least two. */
export function internAdd(terms: readonly Expr[]): Add {
  const key = "a" + idList(terms);
  const hit = lookup(key);
  if (hit) return hit as Add;
  return store(key, new Add(terms, childrenHash(5, terms), combineFlags(terms), sumSize(terms)));
}
/** Factors must be canonical, sorted (numeric coefficient first), at least two. */
export function internMul(factors: readonly Expr[]): Mul {
  const key = "m" + idList(factors);
  const hit = lookup(key);
  if (hit) return hit as Mul;
  return store(key, new Mul(factors, childrenHash(7, factors), combineFlags(factors), sumSize(factors)));
}
export function internPow(base: Expr, exp: Expr): Pow {
  const key = "p" + base.id + "," + exp.id;
  const hit = lookup(key);
  if (hit) return hit as Pow;
  const natural = exp.kind === "num" && exp.value.isInteger() && exp.value.isPositive();
  const flags = base.flags | exp.flags | (natural ? 0 : FLAG_NONPOLY);
  return store(key, new Pow(base, exp, mix(mix(11, base.hash), exp.hash), flags, sumSize([base, exp])));
}
export function internFn(name: string, args: readonly Expr[], dorders: readonly number[] | null, extraFlags: number): Fn {
  const key = "f" + name + (dorders ? "[" + dorders.join(",") + "]" : "") + ":" + idList(args);
  const hit = lookup(key);
  if (hit) return hit as Fn;
  const h = childrenHash(mix(stringHash(name), dorders ? stringHash(dorders.join(",")) : 13), args);
  return store(key, new Fn(name, args, dorders, h, combineFlags(args) | FLAG_NONPOLY | extraFlags, sumSize(args)));
}

// ---------------------------------------------------------------------------------------------
// Canonical total order: kind rank, then structural hash, then a deep comparison on hash ties.

/**
 * The canonical total order on expressions (negative, zero or positive like a comparator): by kind
 * (num < const < sym < pow < mul < add < fn), numbers by value, then by structural hash, then
 * structurally. Deterministic across runs; 0 exactly when `a === b`.
 */
export function compareExpr(a: Expr, b: Expr): number {
  if (a === b) return 0;
  const ra = KIND_RANK[a.kind];
  const rb = KIND_RANK[b.kind];
  if (ra !== rb) return ra - rb;
  if (a.kind === "num") return a.value.cmp((b as Num).value);
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return deepCompare(a, b);
}

function compareLists(xs: readonly Expr[], ys: readonly Expr[]): number {
  if (xs.length !== ys.length) return xs.length - ys.length;
  for (let i = 0; i < xs.length; i++) {
    const c = compareExpr(xs[i]!, ys[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function deepCompare(a: Expr, b: Expr): number {
  switch (a.kind) {
    case "const":
    case "sym":
      return a.name < (b as Sym).name ? -1 : a.name > (b as Sym).name ? 1 : 0;
    case "add":
      return compareLists(a.terms, (b as Add).terms);
    case "mul":
      return compareLists(a.factors, (b as Mul).factors);
    case "pow": {
      const c = compareExpr(a.base, (b as Pow).base);
      return c !== 0 ? c : compareExpr(a.exp, (b as Pow).exp);
    }
    case "fn": {
      const bf = b as Fn;
      if (a.name !== bf.name) return a.name < bf.name ? -1 : 1;
      const da = a.dorders ? a.dorders.join(",") : "";
      const db = bf.dorders ? bf.dorders.join(",") : "";
      if (da !== db) return da < db ? -1 : 1;
      return compareLists(a.args, bf.args);
    }
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Small structural helpers used everywhere.

/** True if e is a rational number node (type guard). */
export function isNum(e: Expr): e is Num {
  return e.kind === "num";
}
/** True if e is the number 0 (a syntactic test on the canonical form, not a zero test of the function). */
export function isZero(e: Expr): boolean {
  return e.kind === "num" && e.value.isZero();
}
/** True if e is the number 1 (syntactic, like {@link isZero}). */
export function isOne(e: Expr): boolean {
  return e.kind === "num" && e.value.isOne();
}

/** Sorted free symbol names of e (cached on every node; iterative, so deep expressions are fine). */
export function freeSymbols(e: Expr): readonly string[] {
  if (e._syms !== undefined) return e._syms;
  for (const x of postOrder([e])) {
    if (x._syms !== undefined) continue;
    let out: readonly string[];
    switch (x.kind) {
      case "num":
      case "const":
        out = [];
        break;
      case "sym":
        out = [x.name];
        break;
      default: {
        const kids = children(x);
        if (kids.length === 1) out = kids[0]!._syms!;
        else {
          const set = new Set<string>();
          for (const k of kids) for (const s of k._syms!) set.add(s);
          out = [...set].sort();
        }
      }
    }
    x._syms = out;
  }
  return e._syms!;
}

/** True if symbol `name` occurs in e. */
export function dependsOn(e: Expr, name: string): boolean {
  const syms = freeSymbols(e);
  // binary search in the sorted list
  let lo = 0;
  let hi = syms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = syms[mid]!;
    if (s === name) return true;
    if (s < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Direct sub-expressions: the terms of a sum, factors of a product, [base, exp] of a power, arguments of a function; [] for atoms. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "add":
      return e.terms;
    case "mul":
      return e.factors;
    case "pow":
      return [e.base, e.exp];
    case "fn":
      return e.args;
    default:
      return [];
  }
}

/** Number of distinct nodes in the DAG of e. */
export function dagSize(e: Expr, limit = Infinity): number {
  const seen = new Set<number>();
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    if (seen.size > limit) return seen.size;
    for (const c of children(x)) stack.push(c);
  }
  return seen.size;
}

/** Distinct nodes of e in post-order (children before parents). */
export function postOrder(roots: readonly Expr[]): Expr[] {
  const seen = new Set<number>();
  const out: Expr[] = [];
  const visit = (root: Expr): void => {
    const stack: Array<[Expr, number]> = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [x, i] = top;
      if (i === 0 && seen.has(x.id)) {
        stack.pop();
        continue;
      }
      const kids = children(x);
      if (i < kids.length) {
        top[1] = i + 1;
        const k = kids[i]!;
        if (!seen.has(k.id)) stack.push([k, 0]);
      } else {
        stack.pop();
        if (!seen.has(x.id)) {
          seen.add(x.id);
          out.push(x);
        }
      }
    }
  };
  for (const r of roots) visit(r);
  return out;
}

// The printer is installed by print.ts (avoids an import cycle); until then a debug form is used.
let printer: (e: Expr) => string = (e) => `<${e.kind}#${e.id}>`;
export function installPrinter(p: (e: Expr) => string): void {
  printer = p;
}
