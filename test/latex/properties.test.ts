// Property tests: every printed string renders under strict KaTeX and reads back to the same node.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLatex, renderKatex, toLatex } from "../../src/index.js";
import { exprArb } from "./arbitrary.js";

describe("random expressions", () => {
  it("parseLatex(toLatex(e)) === e", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const latex = toLatex(e);
        const back = parseLatex(latex);
        if (back !== e) throw new Error(`round trip changed ${String(e)}\n  latex: ${latex}\n  read:  ${String(back)}`);
      }),
      { numRuns: 600 },
    );
  });

  it("every printed string renders under KaTeX with strict errors", () => {
    fc.assert(
      fc.property(exprArb, fc.boolean(), (e, display) => {
        expect(() => renderKatex(toLatex(e), { display })).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
