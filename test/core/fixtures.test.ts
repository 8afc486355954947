// det of Hessians against SymPy (test/fixtures/core/make_fixtures.py produced the JSON).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Rational, det, evaluateExact, hessian, matrix, toMathjs, verify } from "../../src/core/index.js";
import { parse } from "../../src/interop/index.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/core/hessian-dets.json", import.meta.url), "utf8")) as {
  cases: Array<{ name: string; potential: string; vars: string[]; det: string; detA?: string; points?: Array<{ point: Record<string, string>; det: string }> }>;
};

describe("det D² phi against SymPy", () => {
  for (const c of fixture.cases)
    it(c.name, () => {
      const d = det(matrix(hessian(parse(c.potential), c.vars)));
      const cert = verify(d, parse(c.det), { method: "exact" });
      expect(cert.verdict, `${toMathjs(d)} vs ${c.det}`).toBe("proved");
      if (c.detA) expect(verify(d, parse(c.detA)).verdict).toBe("proved");
      for (const pt of c.points ?? []) {
        const env = new Map(Object.entries(pt.point).map(([k, v]) => [k, Rational.parse(v)!]));
        expect(evaluateExact(d, env).equals(Rational.parse(pt.det)!)).toBe(true);
      }
    });

  it("prints the closed forms of MATH.md §1.3", () => {
    const d2 = det(matrix(hessian(parse("-log(a*c - b^2)"), ["a", "b", "c"])));
    expect(toMathjs(d2)).toBe("2/(a*c - b^2)^3");
    const u = ["x11", "x12", "x13", "x22", "x23", "x33"];
    const d3 = det(matrix(hessian(parse("-log(x11*x22*x33 - x11*x23^2 - x12^2*x33 + 2*x12*x13*x23 - x13^2*x22)"), u)));
    expect(toMathjs(d3)).toBe("8/(x11*x22*x33 - x11*x23^2 + 2*x12*x13*x23 - x12^2*x33 - x13^2*x22)^4");
  });
});
