// The document form of certificate lines: exact values too long for a line are shown to 6 significant
// digits with their size (reference values by Python's decimal module at 12 digits).
import { describe, expect, it } from "vitest";
import { certificateLine, documentCertificateLine } from "../../src/proofs/report.js";

describe("documentCertificateLine", () => {
  const c = {
    kind: "counterexample" as const,
    method: "exact" as const,
    detail: "both sides differ",
    point: { X11: "1693607/1048576" },
    values: { lhs: "41538374868278621028243970633760768/66924184452054482518914794392882063", rhs: "-10000000000000000000000000000000000000007/3" },
  };
  it("abbreviates long rationals and keeps short ones exact", () => {
    const line = documentCertificateLine(c);
    // 0.620678088323 and -3.33333333333e39 (Python decimal)
    expect(line).toContain("lhs ≈ 6.20678e-1 (exact 35-digit/35-digit rational)");
    expect(line).toContain("rhs ≈ -3.33333e39 (exact 41-digit/1-digit rational)");
    expect(line).toContain("X11 = 1693607/1048576");
  });
  it("rounds a mantissa of 9.999997 up to 1.00000 with the next exponent", () => {
    // 99999970000000000000000000/10 = 9.999997e24 exactly
    const line = documentCertificateLine({ ...c, values: { lhs: "99999970000000000000000000/10" } });
    expect(line).toContain("lhs ≈ 1.00000e25 (exact 26-digit/2-digit rational)");
  });
  it("leaves the terminal/JSON line exact", () => {
    expect(certificateLine(c)).toContain("41538374868278621028243970633760768/66924184452054482518914794392882063");
  });
});
