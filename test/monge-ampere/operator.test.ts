// det D²φ (MATH.md §3.3): closed forms against SymPy, the compiled twin against a numeric determinant
// of the compiled Hessian, point evaluation and its errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational, evaluate, evaluateExact, hessian, num, verify, type Expr } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { parse } from "../../src/interop/index.js";
import { det as ndet, matrixFromData } from "../../src/linalg/index.js";
import { compileMongeAmpere, determinantExpansion, mongeAmpere, mongeAmpereAt } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { fixture, relErr } from "./helpers.js";

interface DetCase {
  name: string;
  potential: string;
  vars: string[];
  det: string;
  values?: { point: Record<string, number>; det: number }[];
  exact?: { point: Record<string, string>; det: string }[];
}

const fx = fixture<{ generator: string; cases: DetCase[] }>("monge-ampere/ma-dets.json");

describe("mongeAmpere against SymPy (test/fixtures/monge-ampere/ma-dets.json)", () => {
  it("has at least eight potentials, including -log det X (p = 2, 3) and log-sum-exp plus a quadratic", () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(8);
    const names = fx.cases.map((c) => c.name);
    expect(names).toContain("-log det X, p=2");
    expect(names).toContain("-log det X, p=3");
    expect(names.some((n) => n.startsWith("log-sum-exp +"))).toBe(true);
  });
  for (const c of fx.cases)
    it(c.name, () => {
      const ours = mongeAmpere(parse(c.potential), c.vars);
      // closed forms agree as identities (exact or probabilistic certificate), and at SymPy's points
      const cert = verify(ours, parse(c.det), { vars: c.vars });
      expect(["proved"]).toContain(cert.verdict);
      for (const v of c.values ?? []) {
        const got = evaluate(ours, v.point);
        expect(Math.abs(got - v.det)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v.det)));
      }
      for (const v of c.exact ?? []) {
        const env = new Map(Object.entries(v.point).map(([k, s]) => [k, Rational.parse(s)!]));
        expect(evaluateExact(ours, env).equals(Rational.parse(v.det)!)).toBe(true);
      }
    });
});

describe("compiled twin", () => {
  // V8 potentials: φ = ½xᵀAx + Σ_j softplus(u_jᵀx) with random rational A = MMᵀ + I and u_j
  const small = fc.integer({ min: -3, max: 3 });
  const potential = fc
    .record({ m: fc.array(small, { minLength: 4, maxLength: 4 }), u: fc.array(small, { minLength: 4, maxLength: 4 }) })
    .map(({ m, u }) => {
      const A = [
        [m[0]! ** 2 + m[1]! ** 2 + 1, m[0]! * m[2]! + m[1]! * m[3]!],
        [m[0]! * m[2]! + m[1]! * m[3]!, m[2]! ** 2 + m[3]! ** 2 + 1],
      ];
      const s = `(${A[0]![0]}*x^2 + ${2 * A[0]![1]!}*x*y + ${A[1]![1]}*y^2)/2 + softplus(${u[0]}*x + ${u[1]}*y) + softplus(${u[2]}*x + ${u[3]}*y)`;
      return parse(s);
    });
  it("compileMongeAmpere equals the determinant of the compiled Hessian (N, 1e-10) at random points", () => {
    fc.assert(
      fc.property(potential, fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 }), (phi, xs) => {
        const f = compileMongeAmpere(phi, ["x", "y"]);
        const H = compile(hessian(phi, ["x", "y"]), ["x", "y"]);
        const n = 4;
        const pts = Float64Array.from([...xs.slice(0, n), ...xs.slice(n)]);
        const out = new Float64Array(n);
        f.batch(pts, n, out);
        const h = new Float64Array(4);
        for (let i = 0; i < n; i++) {
          H(Float64Array.of(pts[i]!, pts[n + i]!), h);
          const d = ndet(matrixFromData(2, 2, h));
          expect(relErr(out[i]!, d)).toBeLessThanOrEqual(1e-10);
          expect(out[i]!).toBeGreaterThan(0); // strictly convex: D²φ ⪰ A ≻ 0
        }
      }),
      { numRuns: 25 },
    );
  });
  it("the unexpanded form (determinant: \"hessian\") is the same function as the closed form (E and N)", () => {
    fc.assert(
      fc.property(potential, fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 }), (phi, x) => {
        const a = compileMongeAmpere(phi, ["x", "y"]);
        const b = compileMongeAmpere(phi, ["x", "y"], { determinant: "hessian" });
        const oa = new Float64Array(1), ob = new Float64Array(1);
        a(Float64Array.from(x), oa);
        b(Float64Array.from(x), ob);
        expect(relErr(oa[0]!, ob[0]!)).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 10 },
    );
    // exact agreement in 3 and 4 variables (the expansion shares its 2ⁿ minors)
    for (const [p, v] of [
      ["x^2 + y^2 + z^2 + x*y*z/4 + exp(x - z)", ["x", "y", "z"]],
      ["-log(a*d - b*c) + a^2 + b^2 + c^2 + d^2", ["a", "b", "c", "d"]],
    ] as const) {
      const phi = parse(p);
      expect(verify(determinantExpansion(hessian(phi, v)), mongeAmpere(phi, v)).verdict).toBe("proved");
    }
  });
  it("parameters become trailing inputs in sorted order", () => {
    const f = compileMongeAmpere(parse("a*x^2 + b*exp(y) + x*y"), ["x", "y"]);
    expect(f.inputs).toEqual(["x", "y", "a", "b"]);
    const o = new Float64Array(1);
    f(Float64Array.of(0.5, 0, 2, 3), o);
    expect(o[0]).toBeCloseTo(2 * 2 * 3 - 1, 12);
  });
});

describe("mongeAmpereAt", () => {
  it("evaluates det D²φ and reports the Hessian", () => {
    const r = mongeAmpereAt(parse("x^2 + exp(y) + x*y/2"), ["x", "y"], { x: 1, y: 0 });
    expect(r.value).toBeCloseTo(2 * 1 - 0.25, 14);
    expect(r.hessian).toEqual([[2, 0.5], [0.5, 1]]);
    expect(r.positiveDefinite).toBe(true);
  });
  it("a Hessian singular at the requested point is a SINGULAR error, not NaN or a silent 0", () => {
    for (const [phi, pt] of [
      ["log(exp(x) + exp(y))", { x: 1, y: 0 }], // singular everywhere
      ["x^4 + y^2", { x: 0, y: 3 }], // singular at x = 0
      ["x^2/y", { x: 1, y: 2 }], // perspective: det ≡ 0
      ["x + y", { x: 0, y: 0 }], // zero Hessian
    ] as const) {
      const e = qgeomError(() => mongeAmpereAt(parse(phi), ["x", "y"], pt));
      expect(e.code).toBe("SINGULAR");
      expect(e.message).toMatch(/singular at \(x=/);
    }
    expect(mongeAmpereAt(parse("x^4 + y^2"), ["x", "y"], { x: 0, y: 3 }, { allowSingular: true }).value).toBe(0);
  });
  it("a point outside the domain is a DOMAIN error naming the point", () => {
    const e = qgeomError(() => mongeAmpereAt(parse("-log(x) - log(y)"), ["x", "y"], { x: -1, y: 2 }));
    expect(e.code).toBe("DOMAIN");
    expect(e.message).toMatch(/x=-1, y=2/);
  });
  it("missing coordinates and bad variable lists are reported", () => {
    expect(qgeomError(() => mongeAmpereAt(parse("x^2+y^2"), ["x", "y"], { x: 1 })).code).toBe("UNKNOWN_VARIABLE");
    expect(qgeomError(() => mongeAmpere(parse("x^2"), ["x", "x"])).message).toMatch(/twice/);
    expect(qgeomError(() => mongeAmpere(parse("x^2"), [])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => mongeAmpere("x^2" as unknown as Expr, ["x"])).message).toMatch(/parse/);
  });
});

describe("closed forms of MATH.md §1.3 and §5.4", () => {
  it("det Hess_u(−log det X) = 2^{p(p−1)/2} det X^{−(p+1)} for p = 2 (symbolic, exact)", () => {
    const d = mongeAmpere(parse("-log(a*c-b^2)"), ["a", "b", "c"]);
    expect(verify(d, parse("2/(a*c-b^2)^3")).verdict).toBe("proved");
  });
  it("a quadratic potential has det D²φ = det A", () => {
    expect(mongeAmpere(parse("3*x^2/2 + x*y + y^2 - 7*x"), ["x", "y"])).toBe(num(5));
  });
});
