// Complex Monge–Ampère operator (MATH.md §3.9): closed forms against SymPy, the tube-domain identity
// 4⁻ⁿ det D²u, the n = 1 Laplacian identity, the Wirtinger form, and the compiled twin against the
// numeric determinant of the Hermitian complex Hessian.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, I, add, postOrder, simplify, verify } from "../../src/core/index.js";
import { compileComplex } from "../../src/compile/index.js";
import { parse } from "../../src/interop/index.js";
import { eigvalsh } from "../../src/linalg/index.js";
import {
  compileComplexMongeAmpere,
  complexHessian,
  complexMongeAmpere,
  complexMongeAmpereWirtinger,
  verifyLaplacianIdentity,
  verifyTubeDomainIdentity,
  wirtingerToReal,
} from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { fixture, relErr } from "./helpers.js";

const fx = fixture<{ complex: { name: string; potential: string; x: string[]; y: string[]; det: string }[] }>("monge-ampere/ma-dets.json");

describe("complexMongeAmpere against SymPy", () => {
  for (const c of fx.complex)
    it(c.name, () => {
      const d = complexMongeAmpere(parse(c.potential), { x: c.x, y: c.y });
      expect(postOrder([d]).includes(I)).toBe(false); // real closed form, free of i
      expect(verify(d, parse(c.det)).verdict).toBe("proved");
    });
});

describe("identities of MATH §3.9", () => {
  it("tube domains: det(∂²φ/∂z∂z̄) = 4⁻ⁿ det D²u for φ(z) = u(Re z)", () => {
    for (const [u, xs] of [
      ["-log(a*c - b^2)", ["a", "b", "c"]],
      ["log(exp(x1) + exp(x2)) + x1^2", ["x1", "x2"]],
      ["x^4 + exp(x)", ["x"]],
    ] as const)
      expect(verifyTubeDomainIdentity(parse(u), xs).verdict).toBe("proved");
  });
  it("n = 1: det = ¼Δφ for random potentials", () => {
    const small = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(fc.array(small, { minLength: 5, maxLength: 5 }), (c) => {
        const phi = parse(`${c[0]}*x^3*y + ${c[1]}*exp(x)*y^2 + ${c[2]}*log(1 + x^2 + y^2) + ${c[3]}*sin(x*y) + ${c[4]}*x^2`);
        expect(verifyLaplacianIdentity(phi, "x", "y").verdict).toBe("proved");
      }),
      { numRuns: 10 },
    );
  });
  it("a pluriharmonic term Re(z₁z₂) = x₁x₂ − y₁y₂ does not change the operator", () => {
    const base = parse("(x1^2 + y1^2)^2 + x2^2 + y2^2");
    const C = { x: ["x1", "x2"], y: ["y1", "y2"] };
    expect(verify(complexMongeAmpere(add(base, parse("x1*x2 - y1*y2")), C), complexMongeAmpere(base, C)).verdict).toBe("proved");
  });
  it("the Wirtinger form in z, z̄ agrees with the real-coordinate form", () => {
    const Z = { z: ["z1", "z2"], zbar: ["w1", "w2"] };
    const R = { x: ["x1", "x2"], y: ["y1", "y2"] };
    for (const [pz, pr] of [
      ["log(1 + z1*w1 + z2*w2)", "log(1 + x1^2 + y1^2 + x2^2 + y2^2)"],
      ["(z1*w1)^2 + z2*w2 + z1*z2/2 + w1*w2/2", "(x1^2 + y1^2)^2 + x2^2 + y2^2 + x1*x2 - y1*y2"],
    ] as const) {
      const w = complexMongeAmpereWirtinger(parse(pz), Z);
      const r = complexMongeAmpere(parse(pr), R);
      expect(verify(wirtingerToReal(w, Z, R), r).verdict).toBe("proved");
    }
  });
  it("the Hessian is Hermitian: h_ji = conj(h_ij)", () => {
    const H = complexHessian(parse("x1^3*y2 + exp(x2)*y1^2 + x1*y1*x2"), { x: ["x1", "x2"], y: ["y1", "y2"] });
    const conj = (e: Expr): Expr => simplify(parse(`(${e.toString()})`.replace(/\bi\b/g, "(-i)")));
    expect(verify(H.get(1, 0), conj(H.get(0, 1))).verdict).toBe("proved");
  });
});

describe("compiled twin", () => {
  it("equals the product of the eigenvalues of the numeric Hermitian Hessian (N, 1e-10)", () => {
    const phi = parse("log(1 + x1^2 + y1^2 + x2^2 + y2^2) + (x1^2 + y1^2)^2/4 + exp(x2)");
    const C = { x: ["x1", "x2"], y: ["y1", "y2"] };
    const f = compileComplexMongeAmpere(phi, C);
    const H = compileComplex(complexHessian(phi, C), ["x1", "x2", "y1", "y2"]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }), (p) => {
        const inp = Float64Array.from(p);
        const o = new Float64Array(f.outputSize);
        f(inp, o);
        const h = new Float64Array(8);
        H(inp, h);
        const ev = eigvalsh({ rows: 2, cols: 2, re: h.slice(0, 4), im: h.slice(4) });
        expect(relErr(o[0]!, ev[0]! * ev[1]!)).toBeLessThanOrEqual(1e-10);
        expect(ev[0]!).toBeGreaterThan(0); // plurisubharmonic
      }),
      { numRuns: 50 },
    );
  });
  it("rejects mismatched or overlapping coordinates", () => {
    expect(qgeomError(() => complexMongeAmpere(parse("x^2"), { x: ["x", "y"], y: ["u"] })).code).toBe("SHAPE");
    expect(qgeomError(() => complexMongeAmpere(parse("x^2"), { x: ["x"], y: ["x"] })).code).toBe("INVALID_ARGUMENT");
  });
});
