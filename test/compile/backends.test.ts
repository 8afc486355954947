// The closure tree equals the generated code bit for bit, and the batch form equals point-by-point
// evaluation bit for bit, on random expressions (stable forms and special functions included) at
// arbitrary doubles (NaN, ±Infinity, -0 and huge values included).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, I, add, conj, div, exp, fn, hessian, log, matrix, mul, num, pow, sub, syms } from "../../src/core/index.js";
import { compile, compileComplex } from "../../src/compile/index.js";
import { VARS, anyDoublePoint, positiveRational, transcendental } from "./gen.js";

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((x, k) => Object.is(x, b[k]));

const [x, y, z, a, b, c] = syms("x y z a b c");
const detABC = sub(mul(a, c), pow(b, num(2)));
const exprs = fc.oneof(transcendental(3), positiveRational(3));

describe("closure fallback", () => {
  it("is bit-identical to the generated code", () => {
    fc.assert(
      fc.property(fc.array(exprs, { minLength: 1, maxLength: 3 }), fc.array(anyDoublePoint, { minLength: 1, maxLength: 4 }), (es, pts) => {
        const gen = compile(es, [...VARS], { mode: "function" });
        const clo = compile(es, [...VARS], { mode: "closure" });
        expect(gen.mode).toBe("function");
        expect(clo.mode).toBe("closure");
        const a = new Float64Array(es.length);
        const b = new Float64Array(es.length);
        for (const p of pts) {
          gen(Float64Array.from(p), a);
          clo(Float64Array.from(p), b);
          if (!sameBits(a, b)) expect({ p, a: [...a], b: [...b] }).toBe("bit-identical");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is bit-identical for complex expressions, Hessians and SPD blocks", () => {
    const cases: Array<[Expr | Expr[] | Expr[][], string[], object]> = [
      // exp(i x) y^(1/3) + conj(x + i y)^3 / (y - i) + log(x - 2) + (x + i)^(-5/2)
      [add(mul(exp(mul(I, x)), pow(y, num("1/3"))), div(pow(conj(add(x, mul(I, y))), num(3)), sub(y, I)), log(sub(x, num(2))), pow(add(x, I), num("-5/2"))), ["x", "y"], { complex: true }],
      [hessian(add(log(add(exp(x), exp(y), exp(z))), mul(x, y, z)), ["x", "y", "z"]), ["x", "y", "z"], {}],
      [add(log(detABC), pow(detABC, num("-3/2"))), ["a", "b", "c"], { spd: [matrix([[a, b], [b, c]])] }],
    ];
    for (const [e, vars, opts] of cases) {
      const gen = compile(e, vars, { ...opts, mode: "function" });
      const clo = compile(e, vars, { ...opts, mode: "closure" });
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.double(), fc.double({ min: -5, max: 5 })), { minLength: vars.length, maxLength: vars.length }), (p) => {
          const a = new Float64Array(gen.outputSize);
          const b = new Float64Array(clo.outputSize);
          gen(Float64Array.from(p), a);
          clo(Float64Array.from(p), b);
          expect(sameBits(a, b)).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe("deep expressions", () => {
  it("a chain 3000 operations deep compiles in both modes, with identical results", () => {
    let e: Expr = x;
    for (let k = 0; k < 3000; k++) e = fn("sin", add(e, num(1)));
    const out = new Float64Array(2);
    compile(e, ["x"], { mode: "function" })(Float64Array.from([0.1]), out.subarray(0, 1));
    compile(e, ["x"], { mode: "closure" })(Float64Array.from([0.1]), out.subarray(1, 2));
    let want = 0.1;
    for (let k = 0; k < 3000; k++) want = Math.sin(want + 1);
    expect(out[0]).toBe(want);
    expect(out[1]).toBe(want);
  });
});

describe("batch form", () => {
  for (const mode of ["function", "closure"] as const) {
    it(`equals point-by-point evaluation bit for bit (${mode})`, () => {
      fc.assert(
        fc.property(fc.array(exprs, { minLength: 1, maxLength: 3 }), fc.array(anyDoublePoint, { minLength: 0, maxLength: 6 }), fc.boolean(), (es, pts, cx) => {
          const f = (cx ? compileComplex : compile)(es, [...VARS], { mode });
          const n = pts.length;
          const m = f.outputSize;
          const I = new Float64Array(VARS.length * n);
          pts.forEach((p, i) => p.forEach((v, k) => (I[k * n + i] = v)));
          const O = new Float64Array(m * n);
          f.batch(I, n, O);
          const one = new Float64Array(m);
          pts.forEach((p, i) => {
            f(Float64Array.from(p), one);
            const col = Array.from({ length: m }, (_, j) => O[j * n + i]!);
            expect(sameBits(one, col)).toBe(true);
          });
        }),
        { numRuns: 100 },
      );
    });
  }
});
