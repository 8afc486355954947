// Clear QgeomErrors for everything a caller can get wrong.
import { describe, expect, it } from "vitest";
import { add, diff, div, fn, log, matrix, mul, num, sym, syms } from "../../src/core/index.js";
import { compile, emitModule, type CompiledFunction } from "../../src/compile/index.js";

const [x, y, z] = syms("x y z");
const err = (code: string, text?: string | RegExp) =>
  expect.objectContaining({ name: "QgeomError", code, ...(text !== undefined ? { message: expect.stringMatching(text) } : {}) });

describe("compile-time validation", () => {
  it("names free symbols missing from inputs", () => {
    expect(() => compile(add(x, mul(y, z)), ["x"])).toThrow(err("UNKNOWN_VARIABLE", /"y", "z".*add them/));
  });
  it("rejects bad input lists", () => {
    expect(() => compile(x, ["x", "x"])).toThrow(err("INVALID_ARGUMENT", /twice/));
    expect(() => compile(x, ["x", "1x"])).toThrow(err("INVALID_ARGUMENT", /inputs\[1\]/));
    expect(() => compile(x, ["x", ""])).toThrow(err("INVALID_ARGUMENT"));
    expect(() => compile(x, "x" as unknown as string[])).toThrow(err("INVALID_ARGUMENT"));
    expect(() => compile(x, [mul(num(2), x)])).toThrow(err("INVALID_ARGUMENT"));
    expect(compile(x, [sym("x")]).inputs).toEqual(["x"]);
  });
  it("rejects bad targets", () => {
    expect(() => compile([], ["x"])).toThrow(err("SHAPE"));
    expect(() => compile([[x], [x, x]], ["x"])).toThrow(err("SHAPE"));
    expect(() => compile("x" as never, ["x"])).toThrow(err("INVALID_ARGUMENT", /parse/));
    expect(() => compile([x, "y" as never], ["x"])).toThrow(err("INVALID_ARGUMENT", /entry 1/));
  });
  it("rejects matrix notation, naming the kernel", () => {
    expect(() => compile(log(fn("det", sym("A"))), ["A"])).toThrow(err("UNSUPPORTED", /det/));
  });
  it("needs implementations of opaque functions (own properties only)", () => {
    const e = add(fn("f", x), fn("constructor", x));
    expect(() => compile(e, ["x"])).toThrow(err("UNKNOWN_FUNCTION", /options\.functions/));
    expect(() => compile(e, ["x"], { functions: { f: (x) => x } })).toThrow(err("UNKNOWN_FUNCTION", /constructor/));
    const calls: number[] = [];
    const g = compile(e, ["x"], { functions: { f: (x) => (calls.push(x), 2 * x), constructor: (x: number) => x + 100 } });
    const out = new Float64Array(1);
    g(Float64Array.from([3]), out);
    expect(out[0]).toBe(109);
    expect(calls).toEqual([3]);
    expect(() => compile(diff(fn("f", x), "x"), ["x"], { functions: { f: Math.sin } })).toThrow(err("UNKNOWN_FUNCTION", /derivative/));
    expect(() => emitModule(g)).toThrow(err("UNSUPPORTED", /f, constructor|constructor, f/));
  });
  it("enforces the size limit and option types", () => {
    expect(() => compile(add(x, y, mul(x, y)), ["x", "y"], { maxNodes: 3 })).toThrow(err("SIZE_LIMIT"));
    expect(() => compile(x, ["x"], { mode: "jit" as never })).toThrow(err("INVALID_ARGUMENT", /mode/));
    expect(() => compile(x, ["x"], { maxNodes: -1 })).toThrow(err("INVALID_ARGUMENT"));
    expect(() => emitModule(((a: Float64Array) => a) as unknown as CompiledFunction)).toThrow(err("INVALID_ARGUMENT"));
  });
  it("reports shapes: scalar [], vector [n], matrix [r, c]", () => {
    expect(compile(x, ["x"]).shape).toEqual([]);
    expect(compile([x, y, x], ["x", "y"]).shape).toEqual([3]);
    const m = compile([[x, y], [y, x], [x, x]], ["x", "y"]);
    expect([m.shape, m.outputSize]).toEqual([[3, 2], 6]);
    expect(compile(matrix([[x, y]]), ["x", "y"]).shape).toEqual([1, 2]);
  });
});

for (const mode of ["function", "closure"] as const) {
  describe(`run-time validation (${mode})`, () => {
    const f = compile([mul(x, y), div(x, y)], ["x", "y"], { mode, checkFinite: true });
    const loose = compile(mul(x, y), ["x", "y"], { mode });
    it("checks input and output arrays", () => {
      expect(() => f(new Float64Array(3), new Float64Array(2))).toThrow(err("SHAPE", /input must be a Float64Array of length 2 \(x, y\), got a Float64Array of length 3/));
      expect(() => f([1, 2] as unknown as Float64Array, new Float64Array(2))).toThrow(err("SHAPE", /got an Array/));
      expect(() => f(new Float64Array(2), new Float64Array(1))).toThrow(err("SHAPE", /output must be a Float64Array of length 2/));
      expect(() => f(new Float64Array(2), null as unknown as Float64Array)).toThrow(err("SHAPE", /got null/));
    });
    it("rejects non-finite inputs when asked, naming the variable", () => {
      const out = new Float64Array(2);
      expect(() => f(Float64Array.from([1, NaN]), out)).toThrow(err("NOT_FINITE", /input y/));
      expect(() => f(Float64Array.from([-Infinity, 1]), out)).toThrow(err("NOT_FINITE", /input x/));
      const o1 = new Float64Array(1);
      loose(Float64Array.from([1, NaN]), o1);
      expect(o1[0]).toBeNaN();
    });
    it("checks the batch arguments", () => {
      expect(() => f.batch(new Float64Array(4), 2.5, new Float64Array(4))).toThrow(err("INVALID_ARGUMENT", /non-negative integer/));
      expect(() => f.batch(new Float64Array(4), -1, new Float64Array(4))).toThrow(err("INVALID_ARGUMENT"));
      expect(() => f.batch(new Float64Array(5), 2, new Float64Array(4))).toThrow(err("SHAPE", /length 2·n = 4/));
      expect(() => f.batch(new Float64Array(4), 2, new Float64Array(3))).toThrow(err("SHAPE", /outputs must be a Float64Array of length 2·n = 4/));
      expect(() => f.batch(Float64Array.from([1, 2, 3, Infinity]), 2, new Float64Array(4))).toThrow(err("NOT_FINITE", /input y \(index 1\) of point 1/));
      f.batch(new Float64Array(0), 0, new Float64Array(0)); // n = 0 is fine
    });
  });
}
