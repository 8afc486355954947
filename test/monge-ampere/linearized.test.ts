// Linearised Monge–Ampère operator (MATH.md §3.5, V8): tr(cof D²φ D²v) = divergence form = first
// variation = det D²φ · tr((D²φ)⁻¹D²v), cofactor rows divergence-free (E); compiled twin against
// central finite differences of det D²(φ + εv) (FD).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, diff, type Expr, mul, sym, verify } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { parse } from "../../src/interop/index.js";
import {
  compileLinearizedMongeAmpere,
  linearizedMongeAmpere,
  mongeAmpere,
  verifyLinearization,
} from "../../src/monge-ampere/index.js";
import { relErr } from "./helpers.js";

const small = fc.integer({ min: -3, max: 3 });

/** V8 potentials in 2-D: ½xᵀAx + softplus(u·x), A = MMᵀ + I with small integer M. */
const potential2 = fc.record({ m: fc.array(small, { minLength: 4, maxLength: 4 }), u: fc.array(small, { minLength: 2, maxLength: 2 }) }).map(({ m, u }) => {
  const a = m[0]! ** 2 + m[1]! ** 2 + 1, b = m[0]! * m[2]! + m[1]! * m[3]!, c = m[2]! ** 2 + m[3]! ** 2 + 1;
  return parse(`(${a}*x^2 + ${2 * b}*x*y + ${c}*y^2)/2 + softplus(${u[0]}*x + ${u[1]}*y)`);
});

/** Perturbations v: polynomials of degree ≤ 3 plus an exponential term. */
const perturbation2 = fc.array(small, { minLength: 6, maxLength: 6 }).map((c) => parse(`${c[0]}*x^3 + ${c[1]}*x*y^2 + ${c[2]}*y^2 + ${c[3]}*x*y + ${c[4]}*exp(x - y) + ${c[5]}*x^2*y`));

describe("linearisation identities (exact)", () => {
  it("hold for random V8 potentials and perturbations in 2-D", () => {
    fc.assert(
      fc.property(potential2, perturbation2, (phi, v) => {
        const c = verifyLinearization(phi, v, ["x", "y"]);
        for (const cert of [c.divergenceForm, c.firstVariation, c.inverseForm, ...c.cofactorDivergenceFree]) expect(cert.verdict).toBe("proved");
      }),
      { numRuns: 8 },
    );
  });
  it("hold in 3-D for a non-polynomial potential", () => {
    const phi = parse("x^2/2 + y^2/2 + z^2 + softplus(x + 2*y - z) + exp(x*z/4)");
    const v = parse("x*y*z + exp(y) + z^3");
    const c = verifyLinearization(phi, v, ["x", "y", "z"]);
    for (const cert of [c.divergenceForm, c.firstVariation, c.inverseForm, ...c.cofactorDivergenceFree]) expect(cert.verdict).toBe("proved");
  });
  it("hold for −log det X on Sym_2 (UT coordinates)", () => {
    const c = verifyLinearization(parse("-log(a*c - b^2)"), parse("a^2*b + c*a - b^3"), ["a", "b", "c"]);
    for (const cert of [c.divergenceForm, c.firstVariation, c.inverseForm, ...c.cofactorDivergenceFree]) expect(cert.verdict).toBe("proved");
  });
  it("det(I + εD²ϕ) = 1 + εΔϕ + O(ε²): L at φ = |x|²/2 is the Laplacian", () => {
    const v = parse("sin(x)*exp(y) + x^3*y");
    const L = linearizedMongeAmpere(parse("(x^2 + y^2)/2"), v, ["x", "y"]);
    expect(verify(L, add(diff(v, "x", 2), diff(v, "y", 2))).verdict).toBe("proved");
  });
  it("a wrong operator is refuted (the check can fail): tr(D²φ D²v) ≠ L_φ[v]", () => {
    const phi = parse("x^2 + x*y + 2*y^2 + exp(x)");
    const v = parse("x^3 + y^3");
    const wrong = add(...["x", "y"].flatMap((a) => ["x", "y"].map((b) => mul2(diff(diff(phi, a), b), diff(diff(v, a), b)))));
    expect(verify(linearizedMongeAmpere(phi, v, ["x", "y"]), wrong).verdict).toBe("refuted");
  });
});

function mul2(a: Expr, b: Expr): Expr {
  return parse(`(${a.toString()})*(${b.toString()})`);
}

describe("compiled twin against finite differences (FD, 1e-5)", () => {
  it("L_φ[v](x) = (det D²(φ+εv) − det D²(φ−εv))/(2ε)", () => {
    fc.assert(
      fc.property(potential2, perturbation2, fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (phi, v, x, y) => {
        const eps = 1e-4;
        const L = compileLinearizedMongeAmpere(phi, v, ["x", "y"]);
        const Dpe = compile(mongeAmpere(add(phi, mul(sym("eps"), v)), ["x", "y"]), ["x", "y", "eps"]);
        const o = new Float64Array(1), p = new Float64Array(1), m = new Float64Array(1);
        L(Float64Array.of(x, y), o);
        Dpe(Float64Array.of(x, y, eps), p);
        Dpe(Float64Array.of(x, y, -eps), m);
        const fd = (p[0]! - m[0]!) / (2 * eps);
        const scale = Math.max(Math.abs(o[0]!), 1);
        expect(Math.abs(fd - o[0]!) / scale).toBeLessThanOrEqual(1e-5);
      }),
      { numRuns: 20 },
    );
  });
  it("the linearised operator is linear in v (compiled, N)", () => {
    const phi = parse("x^2 + y^2 + exp(x + y)/3");
    const v1 = parse("x^3*y"), v2 = parse("exp(y) - x^2");
    const L1 = compileLinearizedMongeAmpere(phi, v1, ["x", "y"]);
    const L2 = compileLinearizedMongeAmpere(phi, v2, ["x", "y"]);
    const L12 = compileLinearizedMongeAmpere(phi, add(v1, parse("2*(exp(y) - x^2)")), ["x", "y"]);
    const a = new Float64Array(1), b = new Float64Array(1), c = new Float64Array(1);
    for (const pt of [[0.3, -0.7], [1.1, 0.2]]) {
      const x = Float64Array.from(pt);
      L1(x, a);
      L2(x, b);
      L12(x, c);
      expect(relErr(c[0]!, a[0]! + 2 * b[0]!)).toBeLessThanOrEqual(1e-12);
    }
  });
});
