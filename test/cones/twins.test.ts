// Symbolic and numeric twins held together: the symbolic log φ and its Hessian (compiled) against the
// numeric logKoszulVinberg and the analytic Hessian; the categorical Monge–Ampère Expr against the closed form.
import fc from "fast-check";
import { describe, it } from "vitest";
import * as cones from "../../src/cones/index.js";
import * as bz from "../../src/boltzmann/index.js";
import { compile } from "../../src/compile/index.js";
import { type Matrix } from "../../src/linalg/index.js";
import { Rng, normalMatrix, complexNormalMatrix } from "../../src/random/index.js";
import { expectClose } from "../boltzmann/helpers.js";

describe("symbolic ↔ numeric twins", () => {
  for (const [p, field, coords] of [[2, "real", "ut"], [3, "real", "ut"], [2, "real", "f"], [2, "complex", "ut"], [2, "complex", "f"]] as const)
    it(`log φ and D² log φ: ${field} p = ${p}, ${coords} (compiled Expr vs numeric, N 1e-10)`, () => {
      const S = cones.coneSymbols(p, field, coords);
      const logPhi = cones.logKoszulVinbergExpr(S.detX, p, field, coords);
      const names = S.vars.map(String);
      const f = compile(logPhi, names);
      const d = cones.maIdentitySymbolic(p, field, coords);
      const h = compile(d.hessian, names);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), (seed) => {
          const rng = new Rng(seed);
          const G = field === "real" ? normalMatrix(rng, p, p) : complexNormalMatrix(rng, p, p);
          const X = cones.congruence(field === "real" ? ({ rows: p, cols: p, data: Float64Array.from({ length: p * p }, (_, k) => (k % (p + 1) === 0 ? 1 : 0)) } as Matrix) : { rows: p, cols: p, re: Float64Array.from({ length: p * p }, (_, k) => (k % (p + 1) === 0 ? 1 : 0)), im: new Float64Array(p * p) }, G);
          const shifted = "data" in X ? { ...X, data: X.data.map((x, k) => x + (k % (p + 1) === 0 ? 0.5 : 0)) } : { ...X, re: X.re.map((x, k) => x + (k % (p + 1) === 0 ? 0.5 : 0)) };
          const u = cones.toCoordinates(shifted, coords);
          const out = new Float64Array(1);
          f(u, out);
          expectClose(out[0]!, cones.logKoszulVinberg(shifted, coords), 1e-10, 1e-12, "log φ");
          const H = new Float64Array(u.length * u.length);
          h(u, H);
          const G2 = cones.canonicalMetricMatrix(shifted, coords);
          H.forEach((x, k) => expectClose(x, G2.data[k]!, 1e-9, 1e-11, "D² log φ"));
        }),
        { numRuns: 20 },
      );
    });

  it("categorical det ∇²ψ: compiled symbolic determinant = Π p_i (n = 1..4)", () => {
    for (let n = 1; n <= 4; n++) {
      const r = bz.categoricalMongeAmpereSymbolic(n);
      const f = compile(r.detHessian, r.theta.map(String));
      fc.assert(
        fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }), (t) => {
          const out = new Float64Array(1);
          f(Float64Array.from(t), out);
          expectClose(out[0]!, bz.categoricalMongeAmpere(t).det, 1e-9, 1e-300, "det");
        }),
        { numRuns: 30 },
      );
    }
  });
});
