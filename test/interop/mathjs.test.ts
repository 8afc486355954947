// mathjs interop: exact literals, node conversion, domains, errors.
import { describe, expect, it } from "vitest";
import { create, all } from "mathjs";
import { num, sym, add, mul, pow, Rational, toMathjs, QgeomError } from "../../src/core/index.js";
import { fromMathjsNode, parse, parseDomain, toMathjsNode } from "../../src/interop/index.js";

const math = create(all);

describe("mathjs interop", () => {
  it("reads decimals exactly and keeps big integers", () => {
    expect(parse("0.1 + 0.2")).toBe(num(Rational.of(3, 10)));
    expect(toMathjs(parse("2^70"))).toBe("1180591620717411303424");
  });
  it("converts to mathjs nodes that mathjs evaluates to the same value", () => {
    const e = parse("x^2*exp(-y) + sqrt(x)/3");
    const node = toMathjsNode(e);
    const v = node.compile().evaluate({ x: 1.7, y: 0.3 });
    expect(v).toBeCloseTo(1.7 ** 2 * Math.exp(-0.3) + Math.sqrt(1.7) / 3, 12);
    expect(fromMathjsNode(math.parse("x^2*exp(-y) + sqrt(x)/3"))).toBe(e);
  });
  it("handles aliases and constants", () => {
    expect(parse("ln(x)")).toBe(parse("log(x)"));
    expect(parse("log(x, 2)")).toBe(parse("log(x)/log(2)"));
    expect(parse("x!")).toBe(parse("gamma(x + 1)"));
    expect(parse("2x")).toBe(mul(num(2), sym("x")));
    expect(parse("PI")).toBe(parse("pi"));
    expect(parse("x^-2")).toBe(pow(sym("x"), num(-2)));
  });
  it("parses domains", () => {
    const d = parseDomain("x > 0, a*c - b^2 > 0, y <= 1");
    expect(d.map((c) => c.op)).toEqual([">", ">", "<="]);
    expect(d[1]!.expr).toBe(add(mul(sym("a"), sym("c")), mul(num(-1), pow(sym("b"), num(2)))));
    expect(d[2]!.expr).toBe(add(sym("y"), num(-1)));
    expect(() => parseDomain("x = 1")).toThrow(/inequality/);
  });
  it("reports bad input clearly", () => {
    expect(() => parse("(x + 1")).toThrow(QgeomError);
    expect(() => parse("")).toThrow(/empty/);
    expect(() => parse("x".repeat(200_001))).toThrow(/over the limit/);
    expect(() => parse("f(x)")).toThrow(/unknown function "f"/);
    expect(parse("f(x)", { functions: ["f"] }).toString()).toBe("f(x)");
    expect(() => parse("Infinity")).toThrow(/not an exact value/);
    expect(() => parse("x[1]")).toThrow(/unsupported/);
  });
});
