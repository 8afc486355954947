// Numerically stable forms, recognised in the expression DAG.
//
// Exponential sums. S = Σ_k c_k e^(u_k) (c_k > 0; a positive constant c is c·e^0) overflows or
// underflows long before the quantities built from it do. With v_k = u_k + log c_k, m = max_k v_k and
// t_k = e^(v_k - m) ∈ (0, 1] (the maximal term is exactly 1), S = e^m · S_m where S_m = Σ_k t_k ∈ [1, n]:
//   log S        = m + log1p(Σ_{v_k<m} t_k + (#{v_k = m} - 1))      (log-sum-exp; the excluded maximal
//                  term keeps the small remainder exact, so log(1 + e^x) is accurate for x → -∞ too);
//   e^E · S^p    = e^(E + p·m) · S_m^p, and when E = Σ n_k u_k with Σ n_k = -p (softmax products such
//                  as the Hessian of log-sum-exp, e^(x_i + x_j) / S²) = Π t_k^(n_k) / S_m^(-p): no
//                  further exponential at all.
// Also log(1 + r) -> log1p(r) and c·e^u - c -> c·expm1(u). softplus and sigmoid are kernels whose
// lowering is stable by construction (lower.ts).
import { type Expr, add, mul, num, splitCoeff, ZERO, isReal } from "../core/build.js";
import type { Add } from "../core/expr.js";
import { Rational } from "../core/rational.js";
import type { ValueTable } from "./cse.js";

/** What the stable forms need from the lowering. */
export interface StableContext {
  readonly vt: ValueTable;
  /** The value of an expression that is real by construction, or null if it may be complex. */
  staticReal(e: Expr): number | null;
  /** base^r for a real base value and a rational exponent (chains, sqrt, Math.pow). */
  powReal(base: number, r: Rational): number;
}

/** One term c·e^arg of an exponential sum (a constant term c has arg = 0). */
export interface ExpSumTerm {
  readonly arg: Expr;
  readonly coeff: Rational;
}

const shapeMemo = new WeakMap<Expr, readonly ExpSumTerm[] | null>();

/** The terms of e if e is an exponential sum Σ c_k e^(u_k) (c_k > 0, real u_k, at least one exponential), else null. */
export function expSumTerms(e: Expr): readonly ExpSumTerm[] | null {
  if (e.kind !== "add") return null;
  const hit = shapeMemo.get(e);
  if (hit !== undefined) return hit;
  let out: ExpSumTerm[] | null = [];
  let exps = 0;
  for (const t of e.terms) {
    if (t.kind === "num") {
      if (!t.value.isPositive()) {
        out = null;
        break;
      }
      out.push({ arg: ZERO, coeff: t.value });
      continue;
    }
    const [c, r] = splitCoeff(t);
    if (c.isPositive() && r.kind === "fn" && r.name === "exp" && r.dorders === null && isReal(r.args[0]!)) {
      out.push({ arg: r.args[0]!, coeff: c });
      exps++;
    } else {
      out = null;
      break;
    }
  }
  if (out !== null && exps === 0) out = null;
  shapeMemo.set(e, out);
  return out;
}

/** The shifted representation of one exponential sum. */
interface ShiftedSum {
  /** v_k = u_k + log c_k. */
  readonly v: readonly number[];
  /** m = max_k v_k. */
  readonly m: number;
  /** t_k = e^(v_k - m). */
  readonly t: readonly number[];
  /** S_m = Σ t_k, so S = e^m S_m. */
  readonly sum: number;
}

/** For a product: factors moved to numerator and denominator values, and the factors left untouched. */
export interface ScaledProduct {
  readonly num: number[];
  readonly den: number[];
  readonly others: Expr[];
}

/** Lowers exponential sums and the products and logarithms built on them in shifted form. */
export class ExpSums {
  private readonly shifted = new Map<Expr, ShiftedSum | null>();
  private readonly lse = new Map<Expr, number>();

  constructor(private readonly ctx: StableContext) {}

  /** The shifted form of S, or null when an exponent may be complex (complex mode). */
  private values(S: Expr, terms: readonly ExpSumTerm[]): ShiftedSum | null {
    const hit = this.shifted.get(S);
    if (hit !== undefined) return hit;
    const { vt } = this.ctx;
    const args = terms.map(({ arg }) => (arg === ZERO ? vt.lit(0) : this.ctx.staticReal(arg)));
    if (args.some((a) => a === null)) {
      this.shifted.set(S, null);
      return null;
    }
    const v = terms.map(({ arg, coeff }, k) => {
      const logc = coeff.isOne() ? null : vt.lit(Math.log(coeff.toNumber()));
      if (arg === ZERO) return logc ?? vt.lit(0);
      return logc === null ? args[k]! : vt.add(args[k]!, logc);
    });
    const m = vt.max(v);
    const t = v.map((vk) => vt.math1("exp", vt.sub(vk, m)));
    const sum = t.reduce((acc, tk) => vt.add(acc, tk));
    const out = { v, m, t, sum };
    this.shifted.set(S, out);
    return out;
  }

  /** log S = m + log1p(Σ_{v_k < m} t_k + (#{v_k ≥ m} - 1)) for an exponential sum S. */
  logSumExp(S: Expr): number | null {
    const terms = expSumTerms(S);
    if (terms === null) return null;
    const hit = this.lse.get(S);
    if (hit !== undefined) return hit;
    const { vt } = this.ctx;
    const sv = this.values(S, terms);
    if (sv === null) return null;
    const { v, m, t } = sv;
    const zero = vt.lit(0);
    const one = vt.lit(1);
    // below-max terms and the count of maximal ones (NaN in any v_k makes m NaN, hence the result)
    const small = v.map((vk, k) => vt.select(vk, m, t[k]!, zero)).reduce((a, b) => vt.add(a, b));
    const count = v.map((vk) => vt.select(vk, m, zero, one)).reduce((a, b) => vt.add(a, b));
    const r = vt.add(m, vt.math1("log1p", vt.add(small, vt.sub(count, one))));
    this.lse.set(S, r);
    return r;
  }

  /**
   * A product (coefficient excluded) with some exponential sum raised to a negative power, in shifted
   * form; null when there is none.
   */
  product(factors: readonly Expr[]): ScaledProduct | null {
    const sums: Array<{ S: Expr; terms: readonly ExpSumTerm[]; p: Rational }> = [];
    let expArg: Expr | null = null;
    const others: Expr[] = [];
    for (const f of factors) {
      if (f.kind === "pow" && f.exp.kind === "num") {
        const terms = expSumTerms(f.base);
        if (terms) {
          sums.push({ S: f.base, terms, p: f.exp.value });
          continue;
        }
      } else if (f.kind === "add") {
        const terms = expSumTerms(f);
        if (terms) {
          sums.push({ S: f, terms, p: Rational.ONE });
          continue;
        }
      } else if (expArg === null && f.kind === "fn" && f.name === "exp" && f.dorders === null && isReal(f.args[0]!)) {
        expArg = f.args[0]!;
        continue;
      }
      others.push(f);
    }
    if (!sums.some((s) => s.p.isNegative())) return null;
    const { vt } = this.ctx;
    const shifted = sums.map(({ S, terms }) => this.values(S, terms));
    const E = expArg === null ? null : this.ctx.staticReal(expArg);
    if (shifted.some((x) => x === null) || (expArg !== null && E === null)) return null;
    const numv: number[] = [];
    const denv: number[] = [];
    const shiftedPower = (sum: number, p: Rational): void => {
      if (p.isNegative()) denv.push(this.ctx.powReal(sum, p.neg()));
      else numv.push(this.ctx.powReal(sum, p));
    };
    // softmax products: e^E / S^q with E = Σ n_k u_k, Σ n_k = q  ->  Π t_k^(n_k) / S_m^q
    if (sums.length === 1 && sums[0]!.p.isInteger()) {
      const { terms, p } = sums[0]!;
      const n = decompose(expArg ?? ZERO, terms, -p.toInteger());
      if (n !== null) {
        const sv = shifted[0]!;
        n.forEach((nk, k) => {
          if (nk > 0) numv.push(this.ctx.powReal(sv.t[k]!, Rational.int(nk)));
        });
        shiftedPower(sv.sum, p);
        return { num: numv, den: denv, others };
      }
    }
    // general: e^(E + Σ p_j m_j) · Π S_j,m^(p_j)
    let arg: number | null = E;
    for (const [j, { p }] of sums.entries()) {
      const sv = shifted[j]!;
      const pm = vt.mul(vt.lit(p.toNumber()), sv.m);
      arg = arg === null ? pm : vt.add(arg, pm);
      shiftedPower(sv.sum, p);
    }
    numv.unshift(vt.math1("exp", arg!));
    return { num: numv, den: denv, others };
  }
}

/**
 * Non-negative integers n_k with Σ n_k·arg_k = E and Σ n_k = q (only terms with coefficient 1 take part;
 * a constant term 1 has arg 0 and absorbs what is left of q), or null.
 */
function decompose(E: Expr, terms: readonly ExpSumTerm[], q: number): number[] | null {
  if (q <= 0 || q > 64) return null;
  const n = terms.map(() => 0);
  let residual = E;
  let total = 0;
  terms.forEach(({ arg, coeff }, k) => {
    if (!coeff.isOne() || arg === ZERO || arg.kind === "add") return;
    const [a, r] = splitCoeff(arg);
    for (const t of residual.kind === "add" ? residual.terms : [residual]) {
      const [c, rt] = splitCoeff(t);
      if (rt !== r) continue;
      const ratio = c.div(a);
      if (ratio.isInteger() && ratio.isPositive() && ratio.toInteger() <= q) {
        n[k] = ratio.toInteger();
        total += n[k]!;
        residual = add(residual, mul(num(ratio.neg()), arg));
      }
      break;
    }
  });
  if (residual !== ZERO || total > q) return null;
  if (total < q) {
    const k0 = terms.findIndex((t) => t.arg === ZERO && t.coeff.isOne());
    if (k0 < 0) return null;
    n[k0] = q - total;
  }
  return n;
}

/** r if e = 1 + r (a sum with constant term exactly 1), so log e = log1p(r); else null. */
export function log1pRest(e: Expr): Expr | null {
  if (e.kind !== "add") return null;
  const first = e.terms[0]!;
  if (first.kind !== "num" || !first.value.isOne()) return null;
  return add(...e.terms.slice(1));
}

/** For a sum k + c·e^u + rest with c = -k: the coefficient c, the exponent u and the other terms; else null. */
export function expm1Split(e: Add): { coeff: Rational; arg: Expr; rest: Expr[] } | null {
  const first = e.terms[0]!;
  if (first.kind !== "num") return null;
  const k = first.value;
  for (let i = 1; i < e.terms.length; i++) {
    const [c, r] = splitCoeff(e.terms[i]!);
    if (r.kind === "fn" && r.name === "exp" && r.dorders === null && isReal(r.args[0]!) && c.equals(k.neg()))
      return { coeff: c, arg: r.args[0]!, rest: e.terms.filter((_, j) => j !== 0 && j !== i) };
  }
  return null;
}
