// The helper sources inlined into emitted modules are bit-identical to the runtime helpers that
// generated code and closures call (core special functions with the kernel domain rules).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { special, evaluate, fn, num, sym } from "../../src/core/index.js";
import { helperSource } from "../../src/compile/helpers-source.js";
import { RUNTIME } from "../../src/compile/runtime.js";
import { HELPERS, type HelperName } from "../../src/compile/ir.js";

const fromSource = new Function(`${helperSource([...HELPERS], "js")}\nreturn { ${HELPERS.map((h) => `${h}: h_${h}`).join(", ")} };`)() as Record<HelperName, (...a: number[]) => number>;

const edge = [0, -0, 0.5, 1, 2, 3, -1, -2.5, 1e-300, 1e-8, 11.999, 12, 15, 170.5, 171, 171.7, 172, 1e6, -1e6, NaN, Infinity, -Infinity];
const xs = fc.oneof(fc.constantFrom(...edge), fc.double({ min: -30, max: 200, noNaN: true }), fc.double());

describe("inlined helper sources", () => {
  for (const h of HELPERS) {
    it(`h_${h} is bit-identical to the runtime ${h}`, () => {
      const arity = RUNTIME[h].length;
      const second = h === "polygamma" ? fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1, 1.5, NaN)) : fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 2.5, NaN));
      fc.assert(
        fc.property(xs, second, (x, k) => {
          const args = arity === 1 ? [x] : h === "polygamma" ? [k, x] : [x, k];
          expect(Object.is(fromSource[h](...args), RUNTIME[h](...args))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
  it("agree with core evaluation of the kernels", () => {
    expect(RUNTIME.lmultigamma(3.5, 3)).toBe(evaluate(fn("lmultigamma", sym("a"), num(3)), { a: 3.5 }));
    expect(RUNTIME.multidigamma(2, 4)).toBe(special.multidigammaFn(2, 4));
    expect(RUNTIME.lmultigamma(0.9, 3)).toBeNaN(); // a ≤ (p-1)/2
    expect(RUNTIME.lcmultigamma(1.5, 3)).toBeNaN(); // a ≤ p-1
  });
});
