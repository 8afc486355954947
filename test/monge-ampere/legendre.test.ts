// Legendre transforms (MATH.md §3.4): each closed form against the numeric transform (Newton on
// φ(x) − ⟨y, x⟩), the duality identities as certificates, and the unsupported / non-convex cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Certificate, sub } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { parse } from "../../src/interop/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import { compileMongeAmpere, legendreNumeric, legendreTransform, verifyLegendreDuality } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { relErr } from "./helpers.js";

interface Case {
  phi: string;
  vars: string[];
  points: number[][]; // primal points x in the domain
  rule: RegExp;
}

const CASES: Case[] = [
  { phi: "x^2 + x*y + y^2 - x + 3*y + 1", vars: ["x", "y"], points: [[0, 0], [1, -2]], rule: /^quadratic$/ },
  { phi: "exp(2*x + 1) + 3*(y*log(y) - y) + 5*x - 2", vars: ["x", "y"], points: [[0, 1], [-1, 0.2]], rule: /exp\(u\).*u\*log\(u\)/ },
  { phi: "-log(x) - 2*log(y + 1)", vars: ["x", "y"], points: [[1, 0], [0.3, 2]], rule: /-log\(u\)/ },
  { phi: "log(1 + exp(x) + exp(y))", vars: ["x", "y"], points: [[0, 0], [1, -2]], rule: /open simplex/ },
  { phi: "2*log(3 + exp(2*x) + 5*exp(y - 1)) + x", vars: ["x", "y"], points: [[0, 0], [0.5, 1]], rule: /open simplex/ },
  { phi: "softplus(x) + log(cosh(y))", vars: ["x", "y"], points: [[0, 0], [2, -1]], rule: /softplus.*cosh/ },
  { phi: "sqrt(x^2 + 2*x + 5)", vars: ["x"], points: [[0], [3]], rule: /sqrt\(1 \+ u\^2\)/ },
  { phi: "-sqrt(1 - x^2)", vars: ["x"], points: [[0], [0.5]], rule: /-sqrt\(1 - u\^2\)/ },
  { phi: "x^(3/2) + 1/(y + 2) + z^2/2", vars: ["x", "y", "z"], points: [[1, 0, 0], [0.25, 1, -1]], rule: /u\^\(3\/2\).*u\^\(-1\)/ },
  { phi: "-2*x^(1/2)", vars: ["x"], points: [[1], [4]], rule: /-u\^\(1\/2\)/ },
  { phi: "(x - 1)^4 + y^2", vars: ["x", "y"], points: [[2, 0], [0, 1]], rule: /u\^4/ },
  { phi: "x*log(x) + (1 - x)*log(1 - x)", vars: ["x"], points: [[0.5], [0.1]], rule: /softplus\(z\)/ },
  { phi: "x1*log(x1) + x2*log(x2) - x1 - x2", vars: ["x1", "x2"], points: [[1, 2], [0.5, 3]], rule: /u\*log\(u\)/ },
];

const good = (c: Certificate | null): boolean => c !== null && (c.verdict === "proved" || c.verdict === "checked");

describe("closed forms against the numeric transform and the duality identities", () => {
  for (const c of CASES)
    it(c.phi, () => {
      const phi = parse(c.phi);
      const lt = legendreTransform(phi, c.vars);
      expect(lt.rule).toMatch(c.rule);
      expect(lt.strictlyConvex).toBe(true);
      const cert = verifyLegendreDuality(phi, c.vars, lt);
      for (const k of [cert.determinantProduct, cert.fenchelYoung, ...cert.gradientInverse!, ...cert.conjugateGradient]) expect(good(k), JSON.stringify(k)).toBe(true);
      // compiled twin: φ*(∇φ(x)) from the closed form equals the numeric sup, and det D²φ*(∇φ(x)) · det D²φ(x) = 1
      const conj = compile(lt.conjugate, lt.dualVars);
      const grad = compile(lt.gradient, c.vars);
      const detPhi = compileMongeAmpere(phi, c.vars);
      const detStar = compileMongeAmpere(lt.conjugate, lt.dualVars);
      for (const x of c.points) {
        const y = new Float64Array(c.vars.length);
        grad(Float64Array.from(x), y);
        const o = new Float64Array(1), d1 = new Float64Array(1), d2 = new Float64Array(1);
        conj(y, o);
        const num = legendreNumeric(phi, c.vars, y, { x0: x.map((t) => t + 0.01) });
        expect(relErr(o[0]!, num.value, 1)).toBeLessThanOrEqual(1e-10);
        for (let i = 0; i < x.length; i++) expect(Math.abs(num.argmax[i]! - x[i]!)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(x[i]!)));
        detPhi(Float64Array.from(x), d1);
        detStar(y, d2);
        expect(relErr(d1[0]! * d2[0]!, 1)).toBeLessThanOrEqual(1e-10);
      }
    });

  it("quadratics with random SPD A: φ* = ½(y−b)ᵀA⁻¹(y−b) − c against Newton (N)", () => {
    fc.assert(
      fc.property(spdMatrix({ n: 3, maxCond: 1e3 }), fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), (A, b) => {
        const a = (i: number, j: number): string => `(${A.data[i * 3 + j]})`;
        const s = ["x", "y", "z"];
        const terms = s.flatMap((u, i) => s.map((v, j) => `${a(i, j)}*${u}*${v}/2`)).concat(s.map((u, i) => `${b[i]}*${u}`));
        const phi = parse(terms.join(" + "));
        const lt = legendreTransform(phi, s, { dualVars: ["p", "q", "r"] });
        const conj = compile(lt.conjugate, ["p", "q", "r"]);
        const y = [0.3, -1.2, 2];
        const o = new Float64Array(1);
        conj(Float64Array.from(y), o);
        expect(relErr(o[0]!, legendreNumeric(phi, s, y).value, 1)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 10 },
    );
  });

  it("log-sum-exp (not strictly convex): conjugate Σ z log z on Σ z = 1; Fenchel–Young holds, the determinant identity does not apply", () => {
    const phi = parse("log(exp(x) + exp(y) + exp(z))");
    const lt = legendreTransform(phi, ["x", "y", "z"], { dualVars: ["p", "q", "r"] });
    expect(lt.strictlyConvex).toBe(false);
    expect(lt.dualEqualities.map(String)).toEqual(["p + q + r - 1"]);
    const c = verifyLegendreDuality(phi, ["x", "y", "z"], lt);
    expect(c.determinantProduct).toBeNull();
    expect(c.fenchelYoung.verdict).toBe("proved");
    for (const k of c.conjugateGradient) expect(k.verdict).toBe("proved");
  });

  it("a wrong conjugate is refuted (the checks can fail)", () => {
    const phi = parse("exp(x) + y^2");
    const lt = legendreTransform(phi, ["x", "y"]);
    const wrong = { ...lt, conjugate: sub(lt.conjugate, parse("y_y^2/8")) };
    const c = verifyLegendreDuality(phi, ["x", "y"], wrong);
    expect(c.fenchelYoung.verdict).toBe("refuted");
    expect(c.determinantProduct!.verdict).toBe("refuted");
  });
});

describe("inputs without a closed form, or not convex", () => {
  it("UNSUPPORTED: two non-linear terms in one variable, coupled terms, log-sum-exp plus a quadratic", () => {
    for (const [phi, vars] of [
      ["x^2 + exp(x)", ["x"]],
      ["exp(x*y) + x^2 + y^2", ["x", "y"]],
      ["x*y + exp(x) + exp(y)", ["x", "y"]],
      ["log(exp(x) + exp(y)) + x^2 + y^2", ["x", "y"]],
    ] as const) {
      const e = qgeomError(() => legendreTransform(parse(phi), vars));
      expect(e.code).toBe("UNSUPPORTED");
      expect(e.message).toMatch(/legendreNumeric/);
    }
  });
  it("DOMAIN: concave, indefinite or affine directions", () => {
    for (const [phi, vars] of [
      ["-exp(x)", ["x"]],
      ["x^2 - y^2", ["x", "y"]],
      ["x^3 + y^2", ["x", "y"]],
      ["x + y^2 + exp(y)/2", ["x", "y"]],
      ["log(x)", ["x"]],
    ] as const)
      expect(qgeomError(() => legendreTransform(parse(phi), vars)).code).toBe("DOMAIN");
  });
  it("parameters: signs decided by isPositive, else UNSUPPORTED; quadratic minors become assumptions", () => {
    expect(legendreTransform(parse("exp(a^2 + 1)*exp(x)"), ["x"]).rule).toMatch(/exp/);
    expect(qgeomError(() => legendreTransform(parse("a*exp(x)"), ["x"])).message).toMatch(/cannot decide the sign/);
    const q = legendreTransform(parse("a*x^2/2 + x*y + y^2"), ["x", "y"]);
    expect(q.assumptions.map((c) => `${c.expr} ${c.op} 0`)).toEqual(["a > 0", "2*a - 1 > 0"]);
  });
  it("legendreNumeric reports y outside the image of ∇φ", () => {
    expect(qgeomError(() => legendreNumeric(parse("exp(x)"), ["x"], [-1])).code).toBe("SINGULAR");
  });
});
