// Lowering of the Expr DAG to the straight-line IR. Each distinct node is lowered once (the DAG is
// hash-consed, so this is CSE of the expressions), derived values are value-numbered (cse.ts).
// Sums are left folds with subtraction for negative coefficients; products are (c · numerator) /
// denominator with negative powers collected in the denominator; integer powers use addition chains,
// half-integer powers sqrt; stable forms (stable.ts, logdet.ts) replace the naive formulas where the
// expression has their structure. Real mode computes real values only (log and non-integer powers of
// negative numbers are NaN, as in core `evaluate`); complex mode follows the principal branches of
// core `evaluateComplex`.
import { QgeomError, didYouMean, excerpt } from "../core/errors.js";
import { type Expr, isPositive } from "../core/build.js";
import { type Add, type Fn, postOrder } from "../core/expr.js";
import { KERNELS, isKernel } from "../core/kernels.js";
import { Rational } from "../core/rational.js";
import { EULER_GAMMA_VALUE } from "../core/special.js";
import type { FunctionTable } from "../core/eval.js";
import { ComplexOps, type Val } from "./complex.js";
import { ValueTable } from "./cse.js";
import type { HelperName } from "./ir.js";
import { detFromPivots, ldlPivots, logDetFromPivots, type ResolvedSpdBlock } from "./logdet.js";
import { MAX_CHAIN_POWER, chainPower } from "./powers.js";
import { ExpSums, type StableContext, expm1Split, log1pRest } from "./stable.js";

/** What the lowering is asked to do. */
export interface LowerOptions {
  /** Principal-branch complex arithmetic (outputs split into real and imaginary parts). */
  readonly complex: boolean;
  /** Apply the stable rewrites of stable.ts (log-sum-exp, shifted softmax products, log1p, expm1). */
  readonly stable: boolean;
  /** Implementations of opaque functions. */
  readonly functions: FunctionTable | undefined;
  /** Declared SPD blocks whose det / log det is computed by LDLᵀ. */
  readonly spd: readonly ResolvedSpdBlock[];
}

const SPECIAL_HELPERS = new Set<string>(["gamma", "lgamma", "digamma"]);
const MULTIGAMMA_HELPERS = new Set<string>(["multigamma", "lmultigamma", "multidigamma", "cmultigamma", "lcmultigamma"]);
const REAL_MATH1 = new Set<string>(["sign", "tan", "atan", "sinh", "cosh", "tanh", "atanh"]);

function isDyadic(c: Rational): boolean {
  const d = c.den;
  const n = c.num < 0n ? -c.num : c.num;
  return (d & (d - 1n)) === 0n && n <= 2n ** 53n;
}

/** Exact cos(πr), sin(πr) for 2r an integer; floating values otherwise. */
function cosSinPi(r: Rational): [number, number] {
  const twice = r.mul(Rational.TWO);
  if (twice.isInteger()) {
    const k = ((Number(twice.num % 4n) % 4) + 4) % 4; // r ≡ k/2 (mod 2)
    return [[1, 0], [0, 1], [-1, 0], [0, -1]][k] as [number, number];
  }
  const x = Math.PI * r.toNumber();
  return [Math.cos(x), Math.sin(x)];
}

/** Lowers expressions into one value table. */
export class Lowerer implements StableContext {
  readonly vt = new ValueTable();
  readonly cx = new ComplexOps(this.vt);
  /** Names of the user functions called, by index. */
  readonly userFunctions: string[] = [];
  private readonly userIndex = new Map<string, number>();
  private readonly memo = new Map<Expr, Val>();
  private readonly scaledMemo = new Map<string, Val>();
  private readonly powCaches = new Map<number, Map<number, number>>();
  private readonly expSums = new ExpSums(this);
  private readonly inputIndex = new Map<string, number>();
  private readonly detBlock = new Map<Expr, number>();
  private readonly pivotMemo = new Map<number, number[]>();

  constructor(
    inputs: readonly string[],
    private readonly options: LowerOptions,
  ) {
    inputs.forEach((name, k) => this.inputIndex.set(name, k));
    options.spd.forEach((b, k) => {
      if (b.det !== null && !this.detBlock.has(b.det)) this.detBlock.set(b.det, k);
    });
  }

  /** Lowers all expressions; nodes are visited children-first so deep DAGs need no deep recursion. */
  lowerAll(exprs: readonly Expr[]): Val[] {
    for (const node of postOrder(exprs)) this.lower(node);
    return exprs.map((e) => this.lower(e));
  }

  lower(e: Expr): Val {
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit;
    let v = this.lowerNode(e);
    // an imaginary part that folded to a literal ±0 is an exact zero (real constants such as log 2)
    if (v.im !== null && this.vt.literal(v.im) === 0) v = { re: v.re, im: null };
    this.memo.set(e, v);
    return v;
  }

  staticReal(e: Expr): number | null {
    const v = this.lower(e);
    return v.im === null ? (v.re ?? this.vt.lit(0)) : null;
  }

  /**
   * The value of an argument that must be real. In complex mode a value that is complex at run time
   * (e.g. the log of a negative number) makes the operation undefined: NaN, where evaluateComplex throws.
   */
  lowerReal(e: Expr, what = "this operation"): number {
    const v = this.lower(e);
    const vt = this.vt;
    if (v.im === null) return v.re ?? vt.lit(0);
    if (!this.options.complex)
      throw new QgeomError("UNSUPPORTED", `${what} needs a real argument, but ${excerpt(e.toString(), 40)} may be complex-valued; use compileComplex, or make the argument real (e.g. declare it positive)`);
    return vt.select(vt.lit(0), vt.math1("abs", v.im), vt.lit(NaN), v.re ?? vt.lit(0));
  }

  /** log det of block k, from its LDLᵀ pivots. */
  logDetOfBlock(k: number): number {
    return logDetFromPivots(this.vt, this.pivots(k));
  }

  private pivots(k: number): number[] {
    let d = this.pivotMemo.get(k);
    if (d === undefined) {
      const a = this.options.spd[k]!.entries.map((row) => row.map((x) => this.lowerReal(x, "an SPD block")));
      d = ldlPivots(this.vt, a);
      this.pivotMemo.set(k, d);
    }
    return d;
  }

  private lowerNode(e: Expr): Val {
    const vt = this.vt;
    const block = this.detBlock.get(e);
    if (block !== undefined) return this.cx.real(detFromPivots(vt, this.pivots(block)));
    switch (e.kind) {
      case "num":
        return this.cx.real(vt.lit(e.value.toNumber()));
      case "const":
        if (e.name === "pi") return this.cx.real(vt.lit(Math.PI));
        if (e.name === "eulergamma") return this.cx.real(vt.lit(EULER_GAMMA_VALUE));
        if (!this.options.complex) throw new QgeomError("UNSUPPORTED", "the expression is complex-valued (contains i); use compileComplex");
        return { re: null, im: vt.lit(1) };
      case "sym": {
        const k = this.inputIndex.get(e.name);
        if (k === undefined) throw new QgeomError("UNKNOWN_VARIABLE", `variable "${e.name}" is not among the inputs; add it to inputs`);
        return this.cx.real(vt.input(k));
      }
      case "add":
        return this.lowerAdd(e);
      case "mul": {
        const c = e.factors[0]!.kind === "num" ? e.factors[0]!.value : Rational.ONE;
        const rest = c.isOne() ? e.factors : e.factors.slice(1);
        const v = this.lowerFactors(rest, c.abs());
        return c.isNegative() ? this.cx.neg(v) : v;
      }
      case "pow":
        if (this.options.stable && e.exp.kind === "num" && e.exp.value.isNegative()) {
          const sp = this.expSums.product([e]);
          if (sp) return this.product(Rational.ONE, sp.num.map((x) => this.cx.real(x)), sp.den.map((x) => this.cx.real(x)));
        }
        if (e.exp.kind === "num") return this.powRational(e.base, e.exp.value);
        return this.powSymbolic(e.base, e.exp);
      case "fn":
        return this.lowerFn(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Sums and products

  private lowerAdd(e: Add): Val {
    const cx = this.cx;
    const items: Array<{ neg: boolean; val: Val }> = [];
    let terms: readonly Expr[] = e.terms;
    if (this.options.stable) {
      const split = expm1Split(e);
      const u = split === null ? null : this.staticReal(split.arg);
      if (split !== null && u !== null) {
        const em1 = this.vt.math1("expm1", u);
        items.push({ neg: split.coeff.isNegative(), val: this.product(split.coeff.abs(), [cx.real(em1)], []) });
        terms = split.rest;
      }
    }
    let constant: { neg: boolean; val: Val } | null = null;
    for (const t of terms) {
      if (t.kind === "num") {
        constant = { neg: t.value.isNegative(), val: cx.real(this.vt.lit(t.value.abs().toNumber())) };
        continue;
      }
      if (t.kind === "mul" && t.factors[0]!.kind === "num") {
        const c = t.factors[0]!.value;
        items.push({ neg: c.isNegative(), val: this.lowerScaled(t.factors.slice(1), c.abs()) });
      } else items.push({ neg: false, val: this.lower(t) });
    }
    if (constant) items.push(constant); // x + 1 rather than 1 + x
    // positive terms first, so that a sum starts without a negation when it can
    items.sort((a, b) => Number(a.neg) - Number(b.neg));
    let acc = items[0]!.neg ? cx.neg(items[0]!.val) : items[0]!.val;
    for (let k = 1; k < items.length; k++) acc = items[k]!.neg ? cx.sub(acc, items[k]!.val) : cx.add(acc, items[k]!.val);
    return acc;
  }

  /** c · Π factors for c > 0 (memoised: the same term occurs with both signs in Hessians). */
  private lowerScaled(factors: readonly Expr[], c: Rational): Val {
    if (factors.length === 1 && c.isOne()) return this.lower(factors[0]!);
    const key = factors.map((f) => f.id).join(",") + "|" + c.key();
    const hit = this.scaledMemo.get(key);
    if (hit !== undefined) return hit;
    const v = this.lowerFactors(factors, c);
    this.scaledMemo.set(key, v);
    return v;
  }

  private lowerFactors(factors: readonly Expr[], c: Rational): Val {
    const cx = this.cx;
    let nums: Val[] = [];
    let dens: Val[] = [];
    let rest = factors;
    if (this.options.stable) {
      const sp = this.expSums.product(factors);
      if (sp !== null) {
        nums = sp.num.map((x) => cx.real(x));
        dens = sp.den.map((x) => cx.real(x));
        rest = sp.others;
      }
    }
    for (const f of rest) {
      if (f.kind === "pow" && f.exp.kind === "num" && f.exp.value.isNegative()) dens.push(this.powRational(f.base, f.exp.value.neg()));
      else nums.push(this.lower(f));
    }
    return this.product(c, nums, dens);
  }

  /** (c · Π nums) / Π dens with c > 0 rational: one rounding for c when it is dyadic, p·N/q when small. */
  private product(c: Rational, nums: readonly Val[], dens: readonly Val[]): Val {
    const { vt, cx } = this;
    let N: Val | null = nums.length ? nums.reduce((a, b) => cx.mul(a, b)) : null;
    let D: Val | null = dens.length ? dens.reduce((a, b) => cx.mul(a, b)) : null;
    if (!c.isOne()) {
      const p = c.num;
      const q = c.den;
      const lim = 2n ** 53n;
      if (isDyadic(c) || D !== null || p > lim || q > lim) {
        const lit = cx.real(vt.lit(c.toNumber()));
        N = N === null ? lit : cx.mul(lit, N);
      } else {
        N = N === null ? cx.real(vt.lit(Number(p))) : p === 1n ? N : cx.mul(cx.real(vt.lit(Number(p))), N);
        D = cx.real(vt.lit(Number(q)));
      }
    }
    if (D === null) return N ?? cx.real(vt.lit(1));
    return cx.div(N ?? cx.real(vt.lit(1)), D);
  }

  // -------------------------------------------------------------------------------------------
  // Powers

  /** base^r for a real base value: addition chains, sqrt for half-integers, Math.pow otherwise. */
  powReal(base: number, r: Rational): number {
    const vt = this.vt;
    if (r.isZero()) return vt.lit(1);
    if (r.isInteger()) {
      const n = r.toInteger();
      if (Math.abs(n) > MAX_CHAIN_POWER) return vt.math2("pow", base, vt.lit(n));
      const v = this.chain(base, Math.abs(n));
      return n < 0 ? vt.div(vt.lit(1), v) : v;
    }
    if (r.den === 2n && Math.abs(Number(r.num)) <= 2 * MAX_CHAIN_POWER + 1) {
      const k = Number(r.num);
      const h = (Math.abs(k) - 1) / 2;
      const s = vt.math1("sqrt", base);
      const v = h === 0 ? s : vt.mul(this.chain(base, h), s);
      return k < 0 ? vt.div(vt.lit(1), v) : v;
    }
    return vt.math2("pow", base, vt.lit(r.toNumber()));
  }

  private chain(base: number, n: number): number {
    let cache = this.powCaches.get(base);
    if (cache === undefined) {
      cache = new Map([[1, base]]);
      this.powCaches.set(base, cache);
    }
    return chainPower(n, cache, (a, b) => this.vt.mul(a, b));
  }

  private powRational(base: Expr, r: Rational): Val {
    const { vt, cx } = this;
    const b = this.lower(base);
    if (b.im === null && (!this.options.complex || r.isInteger() || isPositive(base))) return cx.real(this.powReal(cx.reOf(b), r));
    if (r.isInteger() && Math.abs(r.toInteger()) <= 64) {
      // complex integer power by repeated squaring, as evaluateComplex
      let k = Math.abs(r.toInteger());
      let acc: Val = cx.real(vt.lit(1));
      let sq = b;
      let first = true;
      while (k > 0) {
        if (k & 1) {
          acc = first ? sq : cx.mul(acc, sq);
          first = false;
        }
        k >>= 1;
        if (k > 0) sq = cx.mul(sq, sq);
      }
      return r.isNegative() ? cx.div(cx.real(vt.lit(1)), acc) : acc;
    }
    if (b.im === null) {
      // principal branch of a real base: x^r = |x|^r · e^(iπr) for x < 0
      const x = cx.reOf(b);
      const mag = this.powReal(vt.math1("abs", x), r);
      const [cs, sn] = cosSinPi(r);
      const scaled = (s: number): number => (s === 0 ? vt.lit(0) : s === 1 ? mag : s === -1 ? vt.neg(mag) : vt.mul(mag, vt.lit(s)));
      const zero = vt.lit(0);
      return { re: vt.select(x, zero, scaled(cs), mag), im: vt.select(x, zero, scaled(sn), zero) };
    }
    return cx.exp(cx.mul(cx.real(vt.lit(r.toNumber())), cx.log(b)));
  }

  private powSymbolic(base: Expr, exponent: Expr): Val {
    const { vt, cx } = this;
    const b = this.lower(base);
    const p = this.lower(exponent);
    if (!this.options.complex) return cx.real(vt.math2("pow", cx.reOf(b), cx.reOf(p)));
    if (b.im === null && p.im === null && isPositive(base)) return cx.real(vt.math2("pow", cx.reOf(b), cx.reOf(p)));
    return cx.exp(cx.mul(p, cx.log(b)));
  }

  // -------------------------------------------------------------------------------------------
  // Function applications

  private lowerFn(e: Fn): Val {
    const { vt, cx } = this;
    const name = e.name;
    if (!isKernel(name) || e.dorders !== null) return this.lowerUser(e);
    if (KERNELS[name]!.matrixNotation)
      throw new QgeomError("UNSUPPORTED", `${name}(...) is matrix notation and cannot be compiled; build the matrix with explicit entries (e.g. symmetricMatrixSymbols) and use det/trace of it`);
    const arg = e.args[0]!;
    const real = (v: number): Val => cx.real(v);
    if (SPECIAL_HELPERS.has(name)) return real(vt.helper(name as HelperName, [this.lowerReal(arg, name)]));
    if (MULTIGAMMA_HELPERS.has(name)) return real(vt.helper(name as HelperName, [this.lowerReal(arg, name), vt.lit(e.args[1]!.kind === "num" ? e.args[1]!.value.toNumber() : NaN)]));
    if (REAL_MATH1.has(name)) return real(vt.math1(name as "sign", this.lowerReal(arg, name)));
    switch (name) {
      case "exp":
        return cx.exp(this.lower(arg));
      case "log": {
        const block = this.detBlock.get(arg);
        if (block !== undefined) return real(this.logDetOfBlock(block));
        if (this.options.stable) {
          const lse = this.expSums.logSumExp(arg);
          if (lse !== null) return real(lse);
          if (!this.options.complex) {
            const r = log1pRest(arg);
            if (r !== null) return real(vt.math1("log1p", this.lowerReal(r)));
          }
        }
        return this.options.complex ? cx.log(this.lower(arg)) : real(vt.math1("log", this.lowerReal(arg)));
      }
      case "polygamma":
        return real(vt.helper("polygamma", [vt.lit(arg.kind === "num" ? arg.value.toNumber() : NaN), this.lowerReal(e.args[1]!, name)]));
      case "softplus": {
        // max(x, 0) + log1p(e^-|x|): never overflows (core softplusFn, operation for operation)
        const x = this.lowerReal(arg, name);
        return real(vt.add(vt.max([x, vt.lit(0)]), vt.math1("log1p", vt.math1("exp", vt.neg(vt.math1("abs", x))))));
      }
      case "sigmoid": {
        // with e = e^-|x|: 1/(1 + e) for x ≥ 0, e/(1 + e) for x < 0 (core sigmoidFn, bit for bit)
        const x = this.lowerReal(arg, name);
        const ex = vt.math1("exp", vt.neg(vt.math1("abs", x)));
        const d = vt.add(vt.lit(1), ex);
        return real(vt.select(x, vt.lit(0), vt.div(ex, d), vt.div(vt.lit(1), d)));
      }
      case "abs":
        return cx.abs(this.lower(arg));
      case "sin":
        return cx.sin(this.lower(arg));
      case "cos":
        return cx.cos(this.lower(arg));
      case "conj":
        return cx.conj(this.lower(arg));
      case "re":
        return { re: this.lower(arg).re, im: null };
      case "im":
        return { re: this.lower(arg).im, im: null };
      default:
        throw new QgeomError("UNSUPPORTED", `the kernel ${name} cannot be compiled; rewrite it with elementary kernels or use evaluate()`);
    }
  }

  private lowerUser(e: Fn): Val {
    if (e.dorders !== null)
      throw new QgeomError(
        "UNKNOWN_FUNCTION",
        `no implementation for a derivative of the opaque function ${e.name} (orders ${e.dorders.join(",")}); differentiate a concrete function instead`,
      );
    const table = this.options.functions;
    const impl = table !== undefined && Object.prototype.hasOwnProperty.call(table, e.name) ? table[e.name] : undefined;
    if (typeof impl !== "function")
      throw new QgeomError("UNKNOWN_FUNCTION", `no implementation for the opaque function ${e.name}; ${didYouMean(e.name, Object.keys(KERNELS))}pass it in options.functions`);
    let k = this.userIndex.get(e.name);
    if (k === undefined) {
      k = this.userFunctions.length;
      this.userFunctions.push(e.name);
      this.userIndex.set(e.name, k);
    }
    const args = e.args.map((a) => this.lowerReal(a, `the opaque function ${e.name}`));
    return this.cx.real(this.vt.user(k, args));
  }
}

