// compileComplex: principal branches and split layout, against core evaluateComplex.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, I, PI, Rational, add, conj, evaluateComplex, exp, fn, log, mul, num, pow, sub, sym } from "../../src/core/index.js";
import { compile, compileComplex } from "../../src/compile/index.js";

const x = sym("x");
const y = sym("y");

/** Builds with core constructors; constant sub-expressions such as 0^(-1) or log 0 fall back to x. */
const safe = <T extends unknown[]>(f: (...a: T) => Expr) => (a: T): Expr => {
  try {
    return f(...a);
  } catch {
    return x;
  }
};

function complexExpr(depth: number): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(fc.constant(x), fc.constant(y), fc.constant(I), fc.integer({ min: -3, max: 3 }).map((k) => num(k)), fc.constant(num(Rational.of(1, 2))));
  if (depth === 0) return leaf;
  const s = complexExpr(depth - 1);
  return fc.oneof(
    leaf,
    fc.tuple(s, s).map(([a, b]) => add(a, b)),
    fc.tuple(s, s).map(([a, b]) => sub(a, b)),
    fc.tuple(s, s).map(([a, b]) => mul(a, b)),
    fc.tuple(s, fc.integer({ min: -3, max: 4 }).filter((k) => k !== 0)).map(safe((a: Expr, k: number) => pow(a, num(k)))),
    fc.tuple(s, fc.constantFrom(Rational.of(1, 2), Rational.of(-1, 2), Rational.of(1, 3), Rational.of(5, 2))).map(safe((a: Expr, r: Rational) => pow(a, num(r)))),
    s.map((a) => exp(mul(I, a))),
    s.map((a) => exp(fn("re", a))),
    s.map((a) => safe(log)([a])),
    s.map(conj),
    s.map((a) => fn("re", a)),
    s.map((a) => fn("im", a)),
    s.map((a) => fn("abs", a)),
    s.map((a) => fn("sin", a)),
    s.map((a) => fn("cos", a)),
    s.map((a) => fn("atan", a)), // real arguments only: NaN where the argument is complex
  );
}

describe("compileComplex", () => {
  it("agrees with evaluateComplex (principal branches) and splits outputs re | im", () => {
    fc.assert(
      fc.property(complexExpr(3), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (e, xv, yv) => {
        let want: readonly [number, number] | null;
        try {
          want = evaluateComplex(e, { x: xv, y: yv });
        } catch {
          want = null; // undefined at this point (pole, or a real-only kernel at a complex argument)
        }
        const f = compileComplex(e, ["x", "y"]);
        expect(f.outputSize).toBe(2);
        expect(f.complex).toBe(true);
        const out = new Float64Array(2);
        f(Float64Array.from([xv, yv]), out);
        if (want === null || !Number.isFinite(want[0]) || !Number.isFinite(want[1])) return;
        if (!(Math.hypot(want[0], want[1]) < 1e12)) return;
        const scale = Math.max(1, Math.hypot(want[0], want[1]));
        expect(Math.abs(out[0]! - want[0])).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(out[1]! - want[1])).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 400 },
    );
  });

  it("lays out a vector as all real parts, then all imaginary parts", () => {
    const f = compileComplex([add(x, mul(num(2), I)), exp(mul(I, PI, y)), x], ["x", "y"]);
    expect(f.shape).toEqual([3]);
    expect(f.outputSize).toBe(6);
    const out = new Float64Array(6);
    f(Float64Array.from([3, 0.5]), out);
    expect(out[0]).toBe(3);
    expect(out[3]).toBe(2);
    expect(out[1]).toBeCloseTo(0, 15);
    expect(out[4]).toBe(1);
    expect(out[2]).toBe(3);
    expect(out[5]).toBe(0);
  });

  it("uses principal branches for real arguments: log(-1) = iπ, (-4)^(1/2) = 2i, (-8)^(1/3) = 1 + √3 i", () => {
    const f = compileComplex([log(x), pow(x, num(Rational.of(1, 2))), pow(x, num(Rational.of(1, 3)))], ["x"]);
    const out = new Float64Array(6);
    f(Float64Array.from([-1]), out);
    expect([out[0], out[3]]).toEqual([0, Math.PI]);
    f(Float64Array.from([-4]), out);
    expect([out[1], out[4]]).toEqual([0, 2]);
    f(Float64Array.from([-8]), out);
    expect(out[2]).toBeCloseTo(1, 14);
    expect(out[5]).toBeCloseTo(Math.sqrt(3), 14);
    // the same expressions in real mode are NaN there (as core evaluate)
    const r = compile([log(x), pow(x, num(Rational.of(1, 2)))], ["x"]);
    const o = new Float64Array(2);
    r(Float64Array.from([-4]), o);
    expect(o.every(Number.isNaN)).toBe(true);
  });

  it("real mode refuses the imaginary unit and points to compileComplex", () => {
    expect(() => compile(add(x, I), ["x"])).toThrow(expect.objectContaining({ code: "UNSUPPORTED", message: expect.stringContaining("compileComplex") }));
  });
});
