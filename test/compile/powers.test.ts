// Addition chains: shortest lengths (OEIS A003313) and exact integer powers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { num, pow, sym } from "../../src/core/index.js";
import { additionChain, compile, MAX_CHAIN_POWER } from "../../src/compile/index.js";

// l(n), the length of a shortest addition chain for n = 1..40 (OEIS A003313)
const A003313 = [0, 1, 2, 2, 3, 3, 4, 3, 4, 4, 5, 4, 5, 5, 5, 4, 5, 5, 6, 5, 6, 6, 6, 5, 6, 6, 6, 6, 7, 6, 7, 5, 6, 6, 7, 6, 7, 7, 7, 6];

describe("addition chains", () => {
  it("are valid and shortest for n ≤ 40", () => {
    A003313.forEach((len, k) => {
      const n = k + 1;
      const c = additionChain(n);
      expect(c[0]).toBe(1);
      expect(c[c.length - 1]).toBe(n);
      for (let i = 1; i < c.length; i++) {
        expect(c[i]!).toBeGreaterThan(c[i - 1]!);
        expect(c.slice(0, i).some((a) => c.slice(0, i).includes(c[i]! - a))).toBe(true);
      }
      expect(c.length - 1).toBe(len);
    });
  });

  it("x^n by multiplication is exact where the result is a small integer, and uses the chain length", () => {
    for (let n = 2; n <= MAX_CHAIN_POWER; n++) {
      const f = compile(pow(sym("x"), num(n)), ["x"]);
      const body = f.source.slice(f.source.indexOf("const x0"), f.source.indexOf("function compiledBatch"));
      expect(body).not.toContain("Math.pow");
      expect(body.match(/\*/g)?.length).toBe(A003313[n - 1]);
      const out = new Float64Array(1);
      f(Float64Array.from([3]), out);
      expect(out[0]).toBe(Number(3n ** BigInt(n))); // every partial product is an integer below 2^53: exact
      f(Float64Array.from([-2]), out);
      expect(out[0]).toBe(Number((-2n) ** BigInt(n)));
    }
  });

  it("negative and half-integer powers: 1/x^n, x^k·sqrt(x); Math.pow beyond the chain limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 12 }).filter((k) => k !== 0), fc.integer({ min: 1, max: 64 }), (k, m) => {
        const x = m / 16;
        const out = new Float64Array(2);
        compile([pow(sym("x"), num(k)), pow(sym("x"), num(`${k}/2`))], ["x"])(Float64Array.from([x]), out);
        expect(Math.abs(out[0]! - x ** k)).toBeLessThanOrEqual(24 * 2 ** -53 * x ** k);
        expect(Math.abs(out[1]! - x ** (k / 2))).toBeLessThanOrEqual(24 * 2 ** -53 * x ** (k / 2));
      }),
    );
    const f = compile(pow(sym("x"), num(MAX_CHAIN_POWER + 1)), ["x"]);
    expect(f.source).toContain(`Math.pow(x0, ${MAX_CHAIN_POWER + 1})`);
  });
});
