// nerdamer as a differential peer: its syntax round-trips, and where its algebra is wrong we document it
// next to ours (our results are certified by verify; nerdamer's wrong ones are refuted).
import nerdamer from "nerdamer";
import "nerdamer/Calculus.js";
import { describe, expect, it } from "vitest";
import { diff, simplify, verify, toMathjs } from "../../src/core/index.js";
import { fromNerdamer, parse, toNerdamer } from "../../src/interop/index.js";

describe("nerdamer syntax", () => {
  const samples = ["x^2*exp(-y)", "sqrt(x)*log(1+y)", "sigmoid(x) + softplus(y)", "abs(x - y)^3/(1 + x^2)", "e^(x*y) - pi"];
  for (const s of samples)
    it(`writes and reads back ${s}`, () => {
      const e = parse(s);
      const back = fromNerdamer(nerdamer(toNerdamer(e)).toString());
      expect(verify(back, e).verdict).toMatch(/proved|checked/);
    });
  it("refuses kernels nerdamer misreads (it parses gamma(x) as a product)", () => {
    expect(nerdamer("gamma(x)").toString()).toBe("gamma*x");
    expect(() => toNerdamer(parse("gamma(x)"))).toThrow(/nerdamer does not implement gamma/);
  });
});

describe("nerdamer's known wrong results, next to ours", () => {
  it("d/dx log(e^x + e^y): nerdamer says 0, we say e^x/(e^x + e^y)", () => {
    const theirs = fromNerdamer(nerdamer.diff("log(e^x+e^y)", "x").toString());
    const ours = simplify(diff(parse("log(exp(x)+exp(y))"), "x"));
    expect(toMathjs(theirs)).toBe("0");
    expect(toMathjs(ours)).toBe("exp(x)/(exp(x) + exp(y))");
    expect(verify(ours, parse("sigmoid(x - y)")).verdict).toBe("proved");
    expect(verify(theirs, ours).verdict).toBe("refuted");
  });
  it("nerdamer rewrites e^x/(e^x+e^y) into a different function", () => {
    const theirs = fromNerdamer(nerdamer("exp(x)/(exp(x)+exp(y))").toString());
    expect(verify(theirs, parse("exp(x)/(exp(x)+exp(y))")).verdict).toBe("refuted");
  });
  it("agrees on a plain polynomial derivative", () => {
    const theirs = fromNerdamer(nerdamer.diff("x^3*y", "x").toString());
    expect(verify(theirs, diff(parse("x^3*y"), "x")).verdict).toBe("proved");
  });
});
