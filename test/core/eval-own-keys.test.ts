// Names that are also Object.prototype members ("constructor", "toString", ...) must not pick up the
// prototype's functions as variable values, function implementations or kernels.
import { describe, expect, it } from "vitest";
import { diff, evaluate, evaluateComplex, fnDerivative, parse, sym, type Fn } from "../../src/index.js";

describe("evaluation looks up own properties only", () => {
  it("a variable named constructor without a value is UNKNOWN_VARIABLE", () => {
    expect(() => evaluate(parse("constructor + 1"), {})).toThrow(expect.objectContaining({ code: "UNKNOWN_VARIABLE" }));
    expect(evaluate(parse("constructor + 1"), { constructor: 2 })).toBe(3);
  });
  it("an opaque function named toString needs an implementation", () => {
    const e = parse("toString(x) + valueOf(x)", { functions: true });
    expect(() => evaluate(e, { x: 1 }, { functions: {} })).toThrow(expect.objectContaining({ code: "UNKNOWN_FUNCTION" }));
    expect(() => evaluateComplex(e, { x: 1 }, { functions: {} })).toThrow(expect.objectContaining({ code: "UNKNOWN_FUNCTION" }));
    expect(evaluate(e, { x: 1 }, { functions: { toString: (x: number) => 10 * x, valueOf: (x: number) => x + 1 } })).toBe(12);
  });
  it("an opaque function named hasOwnProperty is differentiated formally", () => {
    const f = parse("hasOwnProperty(x)", { functions: true }) as Fn;
    expect(diff(f, sym("x"))).toBe(fnDerivative(f, [1]));
  });
});
