// Common subexpressions are computed once, across all outputs of a compiled vector or matrix.
import { describe, expect, it } from "vitest";
import { add, exp, hessian, log, mul, num, pow, sqrt, sub, syms } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";

const scalarPart = (src: string): string => src.slice(src.indexOf("function compiled("), src.indexOf("function compiledBatch"));
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

describe("common subexpressions", () => {
  it("a shared node becomes one const", () => {
    const [x, y] = syms("x y");
    const xy1 = add(mul(x, y), num(1));
    const f = compile([add(pow(xy1, num(2)), log(xy1)), mul(sqrt(xy1), exp(mul(x, y))), sub(exp(mul(x, y)), mul(x, y))], ["x", "y"]);
    const src = scalarPart(f.source);
    expect(count(src, /x[01] \* x[01]/g)).toBe(1);
    expect(count(src, /Math\.exp\(/g)).toBe(1);
    expect(count(src, /\+ 1\b/g)).toBe(1);
    expect(src).toMatch(/const t\d+ = x[01] \* x[01];/);
  });

  const vars = ["x1", "x2", "x3", "x4", "x5", "x6"];
  const X = syms(vars);
  // log Σ e^(x_i) + (x1² + 2x2² + 3x3² + x4² + x5² + x6²)/2 + x1 x2 / 3
  const quad = add(...X.map((xi, k) => mul(num([1, 2, 3, 1, 1, 1][k]! / 2), pow(xi, num(2)))), mul(num("1/3"), X[0]!, X[1]!));
  const H = hessian(add(log(add(...X.map(exp))), quad), vars);
  it("the whole 6×6 Hessian calls exp 6 times; its 36 entries compiled one by one call it 216 times", () => {
    const whole = compile(H, vars);
    expect(count(scalarPart(whole.source), /Math\.exp\(/g)).toBe(6);
    const separate = H.flat().map((h) => compile(h, vars));
    expect(separate.reduce((s, f) => s + count(scalarPart(f.source), /Math\.exp\(/g), 0)).toBe(216);
  });
  it("and computes the same values as the entries compiled one by one, bit for bit", () => {
    const whole = compile(H, vars);
    const point = Float64Array.from([0.3, -1.2, 2.5, 1000, 999.5, -7]);
    const all = new Float64Array(36);
    whole(point, all);
    const one = new Float64Array(1);
    H.flat().forEach((h, k) => {
      compile(h, vars)(point, one);
      expect(Object.is(one[0], all[k])).toBe(true);
    });
    // symmetric entries are one node, computed once
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(Object.is(all[6 * i + j], all[6 * j + i])).toBe(true);
  });
});
