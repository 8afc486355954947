// Values of the lowering: a real and an imaginary part, each an IR value or null for an exact zero
// (so real expressions carry no imaginary arithmetic at all). Complex arithmetic follows the principal
// branches of core/eval.ts `evaluateComplex`: log z = log|z| + i·atan2(Im z, Re z), z^w = e^(w log z).
import type { ValueTable } from "./cse.js";

/** A possibly complex value; `null` parts are exactly zero. */
export interface Val {
  readonly re: number | null;
  readonly im: number | null;
}

/** Complex arithmetic over a value table, eliding operations on exact zeros. */
export class ComplexOps {
  constructor(readonly vt: ValueTable) {}

  real(v: number): Val {
    return { re: v, im: null };
  }
  /** The real part as a value (a literal 0 for an exact zero). */
  reOf(v: Val): number {
    return v.re ?? this.vt.lit(0);
  }
  imOf(v: Val): number {
    return v.im ?? this.vt.lit(0);
  }

  private addP(a: number | null, b: number | null): number | null {
    if (a === null) return b;
    if (b === null) return a;
    return this.vt.add(a, b);
  }
  private subP(a: number | null, b: number | null): number | null {
    if (b === null) return a;
    if (a === null) return this.vt.neg(b);
    return this.vt.sub(a, b);
  }
  private mulP(a: number | null, b: number | null): number | null {
    return a === null || b === null ? null : this.vt.mul(a, b);
  }

  add(a: Val, b: Val): Val {
    return { re: this.addP(a.re, b.re), im: this.addP(a.im, b.im) };
  }
  sub(a: Val, b: Val): Val {
    return { re: this.subP(a.re, b.re), im: this.subP(a.im, b.im) };
  }
  neg(a: Val): Val {
    return { re: a.re === null ? null : this.vt.neg(a.re), im: a.im === null ? null : this.vt.neg(a.im) };
  }
  /** (a + bi)(c + di) = (ac - bd) + (ad + bc)i. */
  mul(a: Val, b: Val): Val {
    return {
      re: this.subP(this.mulP(a.re, b.re), this.mulP(a.im, b.im)),
      im: this.addP(this.mulP(a.re, b.im), this.mulP(a.im, b.re)),
    };
  }
  /** a / b; for complex b, ((ac + bd) + (bc - ad)i) / (c² + d²). */
  div(a: Val, b: Val): Val {
    const vt = this.vt;
    if (b.im === null) {
      const d = this.reOf(b);
      return { re: a.re === null ? null : vt.div(a.re, d), im: a.im === null ? null : vt.div(a.im, d) };
    }
    const c = this.reOf(b);
    const den = vt.add(vt.mul(c, c), vt.mul(b.im, b.im));
    const re = this.addP(this.mulP(a.re, c), this.mulP(a.im, b.im));
    const im = this.subP(this.mulP(a.im, c), this.mulP(a.re, b.im));
    return { re: re === null ? null : vt.div(re, den), im: im === null ? null : vt.div(im, den) };
  }
  conj(a: Val): Val {
    return { re: a.re, im: a.im === null ? null : this.vt.neg(a.im) };
  }
  /** e^(x + iy) = e^x (cos y + i sin y). */
  exp(a: Val): Val {
    const vt = this.vt;
    const m = vt.math1("exp", this.reOf(a));
    if (a.im === null) return { re: m, im: null };
    return { re: vt.mul(m, vt.math1("cos", a.im)), im: vt.mul(m, vt.math1("sin", a.im)) };
  }
  /** Principal log: log|z| + i·atan2(Im z, Re z) (for real z < 0 the imaginary part is π). */
  log(a: Val): Val {
    const vt = this.vt;
    const x = this.reOf(a);
    const mod = a.im === null ? vt.math1("abs", x) : vt.math2("hypot", x, a.im);
    return { re: vt.math1("log", mod), im: vt.math2("atan2", this.imOf(a), x) };
  }
  abs(a: Val): Val {
    const vt = this.vt;
    if (a.im === null) return { re: vt.math1("abs", this.reOf(a)), im: null };
    return { re: vt.math2("hypot", this.reOf(a), a.im), im: null };
  }
  /** sin(x + iy) = sin x cosh y + i cos x sinh y. */
  sin(a: Val): Val {
    const vt = this.vt;
    const x = this.reOf(a);
    if (a.im === null) return { re: vt.math1("sin", x), im: null };
    return { re: vt.mul(vt.math1("sin", x), vt.math1("cosh", a.im)), im: vt.mul(vt.math1("cos", x), vt.math1("sinh", a.im)) };
  }
  /** cos(x + iy) = cos x cosh y - i sin x sinh y. */
  cos(a: Val): Val {
    const vt = this.vt;
    const x = this.reOf(a);
    if (a.im === null) return { re: vt.math1("cos", x), im: null };
    return { re: vt.mul(vt.math1("cos", x), vt.math1("cosh", a.im)), im: vt.neg(vt.mul(vt.math1("sin", x), vt.math1("sinh", a.im))) };
  }
}
