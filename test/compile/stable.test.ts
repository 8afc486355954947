// Stable forms stay finite and accurate where the naive formulas overflow or cancel. Reference values
// are analytic (e.g. log-sum-exp of three equal values v is v + log 3); `stable: false` compiles the
// naive formulas, to show that each check would fail without the rewrite.
import { describe, expect, it } from "vitest";
import { type Expr, add, div, exp, fn, hessian, log, mul, neg, num, sub, syms } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";

function at(e: Expr | Expr[] | Expr[][], vars: string[], point: number[], stable = true): Float64Array {
  const f = compile(e, vars, { stable });
  const out = new Float64Array(f.outputSize);
  f(Float64Array.from(point), out);
  return out;
}
const [x, y, z] = syms("x y z");
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("log-sum-exp", () => {
  const lse = log(add(exp(x), exp(y), exp(z)));
  const v = ["x", "y", "z"];
  it("is v + log 3 at x = y = z = ±1000, where the naive sum overflows or underflows", () => {
    expect(at(lse, v, [1000, 1000, 1000])[0]).toBe(1000 + Math.log(3));
    expect(at(lse, v, [-1000, -1000, -1000])[0]).toBe(-1000 + Math.log(3));
    expect(at(lse, v, [1000, 1000, 1000], false)[0]).toBe(Infinity);
    expect(at(lse, v, [-1000, -1000, -1000], false)[0]).toBe(-Infinity);
  });
  it("is the maximum when the other terms are negligible, and exact for a dominant tie", () => {
    expect(at(lse, v, [1000, 0, -1000])[0]).toBe(1000);
    expect(at(lse, v, [-1000, 5, 5])[0]).toBe(5 + Math.log(2));
  });
  it("log(1 + e^x) keeps full relative accuracy for x → -∞ (the excluded maximal term)", () => {
    const e = log(add(num(1), exp(x)));
    for (const x of [-30, -50, -300, -700]) {
      const got = at(e, ["x"], [x])[0]!;
      // log(1 + t) = t - t²/2 + t³/3 - ..., t = e^x (t³ is far below an ulp of t here)
      const t = Math.exp(x);
      expect(relErr(got, t - (t * t) / 2)).toBeLessThan(4e-16);
    }
    expect(at(e, ["x"], [-50], false)[0]).toBe(0); // naive: 1 + e^-50 rounds to 1
    expect(at(e, ["x"], [800])[0]).toBe(800);
    expect(at(e, ["x"], [800], false)[0]).toBe(Infinity);
  });
  it("weights positive coefficients: log(2e^x + 3e^y) at 1000", () => {
    const got = at(log(add(mul(num(2), exp(x)), mul(num(3), exp(y)))), ["x", "y"], [1000, 1000])[0]!;
    expect(relErr(got, 1000 + Math.log(5))).toBeLessThan(4e-16);
  });
});

describe("softplus and sigmoid", () => {
  it("softplus(800) = 800, softplus(-800) = 0, softplus(-50) ≈ e^-50", () => {
    expect(at(fn("softplus", x), ["x"], [800])[0]).toBe(800);
    expect(at(fn("softplus", x), ["x"], [-800])[0]).toBe(0);
    expect(relErr(at(fn("softplus", x), ["x"], [-50])[0]!, Math.exp(-50))).toBeLessThan(4e-16);
  });
  it("sigmoid(±800) = 1 and 0; sigmoid(-700) ≈ e^-700 to full relative accuracy", () => {
    const s = fn("sigmoid", x);
    expect(at(s, ["x"], [800])[0]).toBe(1);
    expect(at(s, ["x"], [-800])[0]).toBe(0);
    expect(relErr(at(s, ["x"], [-700])[0]!, Math.exp(-700))).toBeLessThan(4e-16);
  });
  it("the naive softmax e^x / (e^x + e^y) is shifted: 1/2 at x = y = 800 (naive: NaN)", () => {
    const e = div(exp(x), add(exp(x), exp(y)));
    expect(at(e, ["x", "y"], [800, 800])[0]).toBe(0.5);
    expect(at(e, ["x", "y"], [-800, -800])[0]).toBe(0.5);
    expect(at(e, ["x", "y"], [800, 800], false)[0]).toBeNaN();
    expect(at(div(num(1), add(num(1), exp(neg(x)))), ["x"], [-800])[0]).toBe(0);
    expect(at(div(num(1), add(num(1), exp(neg(x)))), ["x"], [800])[0]).toBe(1);
  });
});

describe("Hessian of log-sum-exp", () => {
  const vars = ["x", "y", "z"];
  const H = hessian(log(add(exp(x), exp(y), exp(z))), vars);
  it("is diag(p) - p pᵀ at x = y = z = 1000 (p = 1/3): 2/9 and -1/9; naive NaN", () => {
    const out = at(H, vars, [1000, 1000, 1000]);
    out.forEach((h, k) => expect(relErr(h, k % 4 === 0 ? 2 / 9 : -1 / 9)).toBeLessThan(1e-15));
    expect(at(H, vars, [1000, 1000, 1000], false).every(Number.isNaN)).toBe(true);
  });
  it("calls exp once per variable for the whole matrix", () => {
    const f = compile(H, vars);
    const scalar = f.source.slice(0, f.source.indexOf("function compiledBatch"));
    expect(scalar.match(/Math\.exp\(/g)).toHaveLength(3);
  });
});

describe("log1p and expm1", () => {
  it("log(1 + x) and log(1 - x) at x = 1e-17 are ±1e-17 (naive: 0)", () => {
    expect(at(log(add(num(1), x)), ["x"], [1e-17])[0]).toBe(1e-17);
    expect(at(log(sub(num(1), x)), ["x"], [1e-17])[0]).toBe(-1e-17);
    expect(at(log(add(num(1), x)), ["x"], [1e-17], false)[0]).toBe(0);
  });
  it("exp(x) - 1, 2 exp(x) - 2 and 1 - exp(x) at x = 1e-17 (naive: 0)", () => {
    expect(at(sub(exp(x), num(1)), ["x"], [1e-17])[0]).toBe(1e-17);
    expect(at(sub(mul(num(2), exp(x)), num(2)), ["x"], [1e-17])[0]).toBe(2e-17);
    expect(at(add(sub(num(1), exp(x)), y), ["x", "y"], [1e-17, 0])[0]).toBe(-1e-17);
    expect(at(sub(exp(x), num(1)), ["x"], [1e-17], false)[0]).toBe(0);
  });
});
