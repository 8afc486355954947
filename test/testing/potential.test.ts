// potential(): random convex potentials. The promise is λ_min(D²φ(x)) ≥ minEig wherever φ is defined;
// checked at random points with the compiled Hessian and qgeom's eigensolver (tested against SciPy in
// test/linalg), with a negative control (−φ must fail the same check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, compile, freeSymbols, hessian, neg } from "../../src/index.js";
import { eigvalsh, matrixFromData } from "../../src/linalg/index.js";
import { potential } from "../../src/testing/index.js";
import { qgeomError } from "../helpers/matrix.js";

/** min over points of λ_min(D²φ) at the points where φ and D²φ are finite, and how many such points there were. */
function minEigenvalue(phi: Expr, vars: readonly string[], points: readonly number[][]): { min: number; used: number } {
  const n = vars.length;
  const f = compile([phi, ...hessian(phi, vars).flat()], vars);
  const out = new Float64Array(1 + n * n);
  let min = Infinity, used = 0;
  for (const x of points) {
    f(Float64Array.from(x), out);
    if (!out.every(Number.isFinite)) continue; // outside the domain of a barrier term
    used++;
    const lam = eigvalsh(matrixFromData(n, n, out.slice(1)));
    min = Math.min(min, lam[0]!);
  }
  return { min, used };
}

const point = (n: number) => fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n });
const vars3 = ["x", "y", "z"];

describe("potential", () => {
  it("D²φ ⪰ (1/4) I at random points (default terms, 1–3 variables); −φ fails the check", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(potential({ vars: vars3.slice(0, n) }), fc.array(point(n), { minLength: 4, maxLength: 4 }), fc.constant(n))),
        ([phi, pts, n]) => {
          const vars = vars3.slice(0, n);
          expect([...freeSymbols(phi)].every((s) => vars.includes(s))).toBe(true);
          const { min, used } = minEigenvalue(phi, vars, pts);
          expect(used).toBe(pts.length); // defined on all of ℝⁿ
          expect(min).toBeGreaterThanOrEqual(0.25 * (1 - 1e-12));
          expect(minEigenvalue(neg(phi), vars, pts).min).toBeLessThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("minEig and barrier terms: λ_min ≥ minEig on the domain, and the origin is in it", () => {
    fc.assert(
      fc.property(potential({ vars: ["x", "y"], terms: ["barrier", "softplus"], minEig: 0.01, maxTerms: 4 }), fc.array(point(2), { minLength: 4, maxLength: 4 }), (phi, pts) => {
        const { min, used } = minEigenvalue(phi, ["x", "y"], [[0, 0], ...pts]);
        expect(used).toBeGreaterThanOrEqual(1);
        expect(min).toBeGreaterThanOrEqual(0.01 * (1 - 1e-12));
      }),
      { numRuns: 30 },
    );
  });

  it("draws every kind of term and shrinks to a quadratic", () => {
    const seen = new Set<string>();
    for (const p of fc.sample(potential({ vars: ["x", "y"], terms: ["softplus", "logcosh", "logsumexp", "barrier"] }), { seed: 1, numRuns: 60 })) {
      const s = p.toString();
      if (s.includes("softplus(")) seen.add("softplus");
      if (s.includes("cosh(")) seen.add("logcosh");
      if (s.includes("exp(")) seen.add("logsumexp");
      if (/(^|[-\s])(\d+\*)?log\((?!exp|cosh)/.test(s)) seen.add("barrier");
    }
    expect([...seen].sort()).toEqual(["barrier", "logcosh", "logsumexp", "softplus"]);
    // a property failing on every non-quadratic term shrinks to the quadratic x²/8 plus one term
    const r = fc.check(fc.property(potential({ vars: ["x"] }), (p) => !p.toString().includes("(")), { seed: 2, numRuns: 200 });
    expect(r.failed).toBe(true);
    const shrunk = r.counterexample![0];
    expect(shrunk.toString()).toMatch(/^x\^2\/8 \+ (softplus|log)\(/);
  });

  it("rejects bad options with a message naming the option and what to pass", () => {
    for (const [opts, name] of [
      [{ vars: [] }, "vars"],
      [{ vars: ["x", "x"] }, "vars"],
      [{ vars: ["2x"] }, "vars"],
      [{ vars: ["x"], maxTerms: -1 }, "maxTerms"],
      [{ vars: ["x"], terms: ["cubic"] }, "terms"],
      [{ vars: ["x"], minEig: 0 }, "minEig"],
    ] as const) {
      const e = qgeomError(() => potential(opts as never));
      expect(e.code).toBe("INVALID_ARGUMENT");
      expect(e.message).toContain(name);
    }
  });
});
