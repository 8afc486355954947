// ProofContext.certificate: a module's own Certificate becomes the step's certificate, with the
// expectation respected (a refutation is a counterexample only when the step expects failure).
import { describe, expect, it } from "vitest";
import { add, mul, num, pow, sym, verify } from "../../src/core/index.js";
import { ProofContext } from "../../src/proofs/index.js";

const x = sym("x");
const square = pow(add(x, num(1)), num(2));
const expanded = add(pow(x, num(2)), mul(num(2), x), num(1));
const wrong = add(pow(x, num(2)), num(1));

describe("ProofContext.certificate", () => {
  it("records a proved certificate as proved/exact and a refuted one as refuted", () => {
    const ctx = new ProofContext();
    expect(ctx.certificate("binomial", () => verify(square, expanded)).kind).toBe("proved/exact");
    const bad = ctx.certificate("wrong binomial", () => verify(square, wrong));
    expect(bad.kind).toBe("refuted");
    expect(ctx.steps.map((s) => s.expect)).toEqual(["holds", "holds"]);
  });
  it("with expect 'fails' a refutation is the counterexample and a proof breaks the step", () => {
    const ctx = new ProofContext();
    const c = ctx.certificate("the wrong binomial fails", () => verify(square, wrong), { expect: "fails" });
    expect(c.kind).toBe("counterexample");
    expect(c.kind === "counterexample" && Object.keys(c.point ?? {})).toEqual(["x"]);
    expect(ctx.certificate("a true identity claimed to fail", () => verify(square, expanded), { expect: "fails" }).kind).toBe("refuted");
  });
  it("a check that throws is a refuted step, and the display option is kept", () => {
    const ctx = new ProofContext();
    const c = ctx.certificate("throws", () => {
      throw new Error("boom");
    }, { display: { kind: "identity", lhs: square, rhs: expanded } });
    expect(c.kind).toBe("refuted");
    expect(c.kind === "refuted" && c.detail).toMatch(/boom/);
    expect(ctx.steps[0]!.display.kind).toBe("identity");
  });
});
