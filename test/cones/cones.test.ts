// V22 (MATH.md §1.3, §5): Hessian determinants of −log det, the Monge–Ampère constants of §5.4 (exact,
// against an independent SymPy/mpmath script, and numeric up to p = 8), congruence equivariance and
// Jacobians, the Koszul–Vinberg integral for p = 2, the canonical metric, the affine-invariant distance,
// ψ_n's MA-exp property, and self-duality (V17 on the cone).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cones from "../../src/cones/index.js";
import { det, hessian, log, matrix, mul, num, pow, sub, sym, verify } from "../../src/core/index.js";
import { type CMatrix, type Matrix, cmatmul, conjTranspose, det as ldet, matmul, transpose } from "../../src/linalg/index.js";
import { Rng, complexNormalMatrix, normalMatrix } from "../../src/random/index.js";
import { hpdMatrix, spdMatrix } from "../../src/testing/index.js";
import { fixture } from "../helpers/matrix.js";
import { expectClose } from "../boltzmann/helpers.js";

const CONST = fixture<any>("cones/constants.json");

/** A well-conditioned random SPD/HPD matrix from a seed (G G^H / p + I). */
function pd(field: "real" | "complex", p: number, seed: number): Matrix | CMatrix {
  const rng = new Rng(seed);
  if (field === "real") {
    const G = normalMatrix(rng, p, p);
    const S = matmul(G, transpose(G));
    const d = S.data.map((x, k) => x / p + (k % (p + 1) === 0 ? 1 : 0));
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) d[j * p + i] = d[i * p + j]!;
    return { rows: p, cols: p, data: d };
  }
  const G = complexNormalMatrix(rng, p, p);
  const S = cmatmul(G, conjTranspose(G));
  const re = S.re.map((x, k) => x / p + (k % (p + 1) === 0 ? 1 : 0)), im = S.im.map((x) => x / p);
  for (let i = 0; i < p; i++) {
    im[i * p + i] = 0;
    for (let j = i + 1; j < p; j++) {
      re[j * p + i] = re[i * p + j]!;
      im[j * p + i] = -im[i * p + j]!;
    }
  }
  return { rows: p, cols: p, re, im };
}

const randomA = (field: "real" | "complex", p: number, seed: number): Matrix | CMatrix =>
  field === "real" ? normalMatrix(new Rng(seed), p, p) : complexNormalMatrix(new Rng(seed), p, p);

describe("V22 Hessian determinants of −log det", () => {
  it("reference p = 2: det Hess_(a,b,c)(−log(ac − b²)) = 2/(ac − b²)³ (E)", () => {
    const [a, b, c] = ["a", "b", "c"].map(sym) as [ReturnType<typeof sym>, ReturnType<typeof sym>, ReturnType<typeof sym>];
    const q = sub(mul(a, c), pow(b, num(2)));
    const D = det(matrix(hessian(mul(num(-1), log(q)), [a, b, c])));
    expect(verify(D, mul(num(2), pow(q, num(-3)))).verdict).toBe("proved");
  });

  it("UT: 2^{p(p−1)/2} det X^{−(p+1)} (real) and 2^{p(p−1)} det X^{−2p} (complex), exactly at rational X for p = 1..4 (E)", () => {
    for (let p = 1; p <= 4; p++) {
      const r = cones.maIdentityAtRationalPoints(p, "real", { samples: 2, seed: p });
      expect(r.allEqual, `real p = ${p}: ${JSON.stringify(r.checks[0])}`).toBe(true);
    }
    for (let p = 1; p <= 3; p++) expect(cones.maIdentityAtRationalPoints(p, "complex", { samples: 2, seed: 10 + p }).allEqual, `complex p = ${p}`).toBe(true);
    // the values at X = I: 1, 2, 8, 64 (real) and 1, 4, 64, 4096 (complex) — MATH.md §1.3
    for (let p = 1; p <= 4; p++) {
      const I: Matrix = { rows: p, cols: p, data: Float64Array.from({ length: p * p }, (_, k) => (k % (p + 1) === 0 ? 1 : 0)) };
      expectClose(ldet(cones.hessianNegLogDet(I, "ut")), [1, 2, 8, 64][p - 1]!, 1e-13, 0, "real UT at I");
      expectClose(ldet(cones.hessianNegLogDet(I, "f")), 1, 1e-13, 0, "real F at I");
      const Ic: CMatrix = { rows: p, cols: p, re: I.data, im: new Float64Array(p * p) };
      expectClose(ldet(cones.hessianNegLogDet(Ic, "ut")), [1, 4, 64, 4096][p - 1]!, 1e-13, 0, "complex UT at I");
      expectClose(ldet(cones.hessianNegLogDet(Ic, "f")), 1, 1e-13, 0, "complex F at I");
    }
  });

  it("F coordinates: det Hess_s(−log det X) = det X^{−(p+1)} (real), det X^{−2p} (complex) at random X (N)", () => {
    fc.assert(
      fc.property(fc.constantFrom("real", "complex") as fc.Arbitrary<"real" | "complex">, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1e9 }), (field, p, seed) => {
        const X = pd(field, p, seed);
        const info = cones.pdInfo(X);
        const power = field === "real" ? p + 1 : 2 * p;
        const Hs = cones.hessianNegLogDet(X, "f"), Hu = cones.hessianNegLogDet(X, "ut");
        expectClose(Math.log(ldet(Hs)), -power * info.logDet, 1e-10, 1e-10, "F");
        const shift = field === "real" ? (p * (p - 1)) / 2 : p * (p - 1);
        expectClose(Math.log(ldet(Hu)), shift * Math.LN2 - power * info.logDet, 1e-10, 1e-10, "UT");
      }),
      { numRuns: 40 },
    );
  });
});

describe("V22 Monge–Ampère constants of MATH.md §5.4", () => {
  it("symbolic derivations (E) give the table constants: real p ≤ 3, complex p ≤ 2, both coordinate systems", () => {
    for (const [p, field] of [[1, "real"], [2, "real"], [3, "real"], [1, "complex"], [2, "complex"]] as const)
      for (const coords of ["ut", "f"] as const) {
        const d = cones.maIdentitySymbolic(p, field, coords);
        expect(d.certificate.verdict, `${field} p=${p} ${coords}`).toBe("proved");
        expect(d.constantCertificate.verdict, `${field} p=${p} ${coords} constant`).toBe("proved");
        expect(d.route).toBe(field === "real" && coords === "f" && p === 3 ? "chain-rule" : "direct");
      }
  });

  it("agrees with the independent SymPy/mpmath script (exact form and value; mpmath-measured c to 1e-12)", () => {
    expect(CONST.cases).toHaveLength(12);
    for (const c of CONST.cases) {
      const mine = cones.maConstant(c.p, c.field, c.coords);
      expect(String(mine.expr), `${c.field} p=${c.p} ${c.coords}`).toBe(c.exact.replaceAll("**", "^"));
      expectClose(mine.value, Number(c.value), 1e-14, 0, "value");
      expectClose(mine.value, Number(c.measured), 1e-12, 0, "measured");
    }
  });

  it("numerically with the analytic Hessian for p = 1..8 at random X (N, 1e-10)", () => {
    fc.assert(
      fc.property(fc.constantFrom("real", "complex") as fc.Arbitrary<"real" | "complex">, fc.integer({ min: 1, max: 8 }), fc.constantFrom("ut", "f") as fc.Arbitrary<"ut" | "f">, fc.integer({ min: 0, max: 1e9 }), (field, p, coords, seed) => {
        const r = cones.maIdentityNumeric(pd(field, p, seed), coords);
        expect(r.relativeError).toBeLessThan(1e-10 * Math.max(1, r.logDetHessian === 0 ? 1 : Math.abs(r.logC)));
      }),
      { numRuns: 40 },
    );
  });

  it("numerically with a finite-difference Hessian of log φ (FD, 1e-5): real p = 2, 4, 8; complex p = 2, 5", () => {
    for (const [field, p] of [["real", 2], ["real", 4], ["real", 8], ["complex", 2], ["complex", 5]] as const)
      for (const coords of ["ut", "f"] as const) {
        const r = cones.maIdentityNumeric(pd(field, p, 100 + p), coords, { hessian: "fd" });
        expect(r.relativeError, `${field} p=${p} ${coords}`).toBeLessThan(1e-5);
      }
  });

  it("mixing a UT measure with an F Hessian gives the wrong constant ((p+1)/2)^N Γ_p^{−2}, which belongs to neither row", () => {
    const X = pd("real", 3, 7) as Matrix;
    const Hs = cones.hessianNegLogDet(X, "f");
    const logDetF = Math.log(ldet(Hs)) + 6 * Math.log(2); // det of D² log φ in F: k^N det Hess_s(−log det)
    const mixed = logDetF - 2 * cones.logKoszulVinberg(X, "ut");
    const expectedMixed = 6 * Math.log(2) - 2 * cones.kvLogConstant(3, "real", "ut");
    expectClose(mixed, expectedMixed, 1e-10, 1e-12, "mixed");
    for (const coords of ["ut", "f"] as const) expect(Math.abs(mixed - cones.maLogConstant(3, "real", coords))).toBeGreaterThan(1);
  });

  it("bad input: the coordinate system is required, X must be positive definite, symbolic size limit", () => {
    const X = pd("real", 2, 1);
    expect(() => cones.logKoszulVinberg(X, undefined as never)).toThrow(/coords must be "ut".*never mixed/);
    expect(() => cones.maIdentityNumeric({ rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 1]) }, "ut")).toThrow(/not positive definite: smallest eigenvalue -1/);
    expect(() => cones.maIdentitySymbolic(4, "real", "ut")).toThrow(/limited to p ≤ 3.*maIdentityAtRationalPoints/);
    expect(() => cones.maIdentitySymbolic(3, "complex", "ut")).toThrow(/p ≤ 2/);
  });
});

describe("V22 Koszul–Vinberg function: quadrature, equivariance, Jacobians", () => {
  it("∫_{Sym_2^{++}} e^{−tr(Xξ)} du(ξ) = (π/2) det X^{−3/2} = φ_u(X) by quadrature (N, 1e-8)", () => {
    for (const seed of [1, 2, 3]) {
      const X = pd("real", 2, seed) as Matrix;
      const q = cones.kvIntegralSym2(X);
      expectClose(q, (Math.PI / 2) * ldet(X) ** -1.5, 1e-8, 0, "quadrature");
      expectClose(q, cones.koszulVinberg(X, "ut"), 1e-8, 0, "φ_u");
    }
  });

  it("φ(AXA*) = |det A|^{−(p+1)} φ(X) (real), |det A|^{−2p} φ(X) (complex), in both coordinate systems (N)", () => {
    fc.assert(
      fc.property(fc.constantFrom("real", "complex") as fc.Arbitrary<"real" | "complex">, fc.integer({ min: 1, max: 5 }), fc.constantFrom("ut", "f") as fc.Arbitrary<"ut" | "f">, fc.integer({ min: 0, max: 1e9 }), (field, p, coords, seed) => {
        const X = pd(field, p, seed), A = randomA(field, p, seed + 1);
        const { lhs, rhs } = cones.kvEquivariance(X, A, coords);
        expectClose(lhs, rhs, 1e-10, 1e-9, "log φ");
        // the Monge–Ampère identity and its constant at AXA* (MATH.md §5.5)
        const img = cones.congruence(X, A);
        expect(cones.maIdentityNumeric(img, coords).relativeError).toBeLessThan(1e-8);
      }),
      { numRuns: 40 },
    );
  });

  it("Jacobians det L_A = (det A)^{p+1} (Sym_p) and |det A|^{2p} (Herm_p), the same in UT and F (N)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1e9 }), (p, seed) => {
        const A = randomA("real", p, seed) as Matrix;
        const Ac = randomA("complex", p, seed) as CMatrix;
        for (const coords of ["ut", "f"] as const) {
          const jr = cones.congruenceJacobian(A, "real", coords);
          expectClose(jr.det, jr.predicted, 1e-9, 1e-12, `real ${coords}`);
          const jc = cones.congruenceJacobian(Ac, "complex", coords);
          expectClose(jc.det, jc.predicted, 1e-9, 1e-12, `complex ${coords}`);
          const jrc = cones.congruenceJacobian(A, "complex", coords); // real A acting on Herm_p
          expectClose(jrc.det, Math.abs(ldet(A)) ** (2 * p), 1e-9, 1e-12, "real A on Herm");
        }
        expect(Math.sign(cones.congruenceJacobian(A, "real", "ut").det)).toBe(p % 2 === 1 ? Math.sign(ldet(A)) ** (p + 1) : Math.sign(ldet(A)));
      }),
      { numRuns: 30 },
    );
  });

  it("ψ_n = −(n/2) log det Θ is MA-exp with κ = 2(p+1)/n for symbolic n (E), p = 1..3; κ = 2 iff n = p + 1", () => {
    for (let p = 1; p <= 3; p++) {
      const w = cones.wishartMaExpSymbolic(p);
      expect(w.certificate.verdict, `p = ${p}`).toBe("proved");
      expect(verify(cones.wishartMaExpSymbolic(p, p + 1).kappa, num(2)).verdict).toBe("proved");
      expect(verify(cones.wishartMaExpSymbolic(p, p + 2).kappa, num(2)).verdict).toBe("refuted");
    }
    // ψ_{p+1} = log φ_u + const
    const X = pd("real", 3, 4) as Matrix;
    expectClose(cones.wishartLogPartition(X, 4) - cones.logKoszulVinberg(X, "ut"), -cones.kvLogConstant(3, "real", "ut"), 1e-12, 1e-12, "ψ_{p+1}");
  });
});

describe("canonical metric and affine-invariant distance (MATH.md §5.3, §5.6)", () => {
  it("g = D² log φ (FD of log φ) and g is invariant under congruence and inversion (N)", () => {
    fc.assert(
      fc.property(fc.constantFrom("real", "complex") as fc.Arbitrary<"real" | "complex">, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1e9 }), (field, p, seed) => {
        const X = pd(field, p, seed), A = randomA(field, p, seed + 3);
        const G = cones.canonicalMetricMatrix(X, "ut");
        const F = cones.fdHessianLogPhi(X, "ut");
        G.data.forEach((x, k) => expectClose(x, F.data[k]!, 1e-6, 1e-8, "g = D² log φ"));
        const N = G.rows;
        const basis = cones.coordinateBasis(p, field, "ut").map((b) => cones.basisMatrix(b, p, field));
        const H = basis[seed % N >= 0 ? seed % N : 0]!, K = basis[(seed * 7) % N >= 0 ? (seed * 7) % N : 0]!;
        const g0 = cones.canonicalMetric(X, H, K);
        expectClose(cones.canonicalMetric(cones.congruence(X, A), cones.congruence(H, A), cones.congruence(K, A)), g0, 1e-8, 1e-10, "congruence");
        // d(X⁻¹)[H] = −X⁻¹HX⁻¹
        const info = cones.pdInfo(X);
        const Xinv: Matrix | CMatrix = field === "real" ? { rows: p, cols: p, data: info.invRe } : { rows: p, cols: p, re: info.invRe, im: info.invIm };
        const push = (M: Matrix | CMatrix) => cones.congruence(M, Xinv); // X⁻¹ M X⁻¹ (Xinv Hermitian)
        expectClose(cones.canonicalMetric(Xinv, push(H), push(K)), g0, 1e-8, 1e-10, "inversion");
      }),
      { numRuns: 30 },
    );
  });

  it("distance: symmetric, congruence- and inversion-invariant, triangle inequality, geodesic midpoint (N, 1e-8)", () => {
    fc.assert(
      fc.property(fc.constantFrom("real", "complex") as fc.Arbitrary<"real" | "complex">, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e9 }), (field, p, seed) => {
        const X = pd(field, p, seed), Y = pd(field, p, seed + 1), Z = pd(field, p, seed + 2), A = randomA(field, p, seed + 3);
        const d = cones.affineInvariantDistance(X, Y);
        expectClose(cones.affineInvariantDistance(Y, X), d, 1e-8, 1e-10, "symmetric");
        expectClose(cones.affineInvariantDistance(cones.congruence(X, A), cones.congruence(Y, A)), d, 1e-8, 1e-10, "congruence");
        const inv = (M: Matrix | CMatrix) => {
          const i = cones.pdInfo(M);
          return field === "real" ? ({ rows: p, cols: p, data: i.invRe } as Matrix) : ({ rows: p, cols: p, re: i.invRe, im: i.invIm } as CMatrix);
        };
        expectClose(cones.affineInvariantDistance(inv(X), inv(Y)), d, 1e-8, 1e-10, "inversion");
        expect(cones.affineInvariantDistance(X, Z)).toBeLessThanOrEqual(d + cones.affineInvariantDistance(Y, Z) + 1e-10);
        const mid = cones.geodesic(X, Y, 0.5);
        expectClose(cones.affineInvariantDistance(X, mid), d / 2, 1e-8, 1e-10, "midpoint");
        expectClose(cones.affineInvariantDistance(cones.geodesic(X, Y, 1), Y), 0, 0, 1e-7, "γ(1) = Y");
        const k = field === "real" ? (p + 1) / 2 : p;
        expectClose(cones.affineInvariantDistance(X, Y, { canonical: true }), Math.sqrt(k) * d, 1e-14, 0, "canonical");
      }),
      { numRuns: 40 },
    );
  });
});

describe("self-duality of Sym_p^+ and Herm_p^+ (V17)", () => {
  it("A, B ⪰ 0 ⇒ tr(AB) ≥ 0 (real and complex)", () => {
    fc.assert(fc.property(spdMatrix({ n: 4 }), spdMatrix({ n: 4 }), (A, B) => { expect(cones.traceInner(A, B)).toBeGreaterThan(0); }), { numRuns: 50 });
    fc.assert(fc.property(hpdMatrix({ n: 3 }), hpdMatrix({ n: 3 }), (A, B) => { expect(cones.traceInner(A, B)).toBeGreaterThan(0); }), { numRuns: 50 });
  });
  it("a non-PSD A has a witness B = vv* with tr(AB) = λ_min < 0; PSD A has none", () => {
    // random symmetric / Hermitian A = (G + G*)/2 (seeded; the testing.symmetricMatrix arbitrary can produce
    // entries near the underflow threshold on which linalg.eigh fails to converge, reported separately)
    let witnessed = 0;
    for (let seed = 0; seed < 60; seed++)
      for (const field of ["real", "complex"] as const) {
        const G = randomA(field, 4, seed);
        const A = cones.congruence({ rows: 4, cols: 4, data: Float64Array.from({ length: 16 }, (_, k) => (k % 5 === 0 ? 1 : 0)) }, G); // G Gᴴ ⪰ 0
        const shifted = field === "real"
          ? { rows: 4, cols: 4, data: (A as Matrix).data.map((x, k) => x - (k % 5 === 0 ? 2 : 0)) }
          : { rows: 4, cols: 4, re: (A as CMatrix).re.map((x, k) => x - (k % 5 === 0 ? 2 : 0)), im: (A as CMatrix).im };
        const w = cones.dualConeWitness(shifted);
        if (w === null) {
          expect(cones.pdInfo(shifted).eigenvalues[0]!).toBeGreaterThan(0);
          continue;
        }
        witnessed++;
        expect(w.value).toBeLessThan(0);
        expectClose(w.value, w.eigenvalue, 1e-10, 1e-12, "tr(AB) = λ_min");
        expect(cones.dualConeWitness(w.B, 1e-9)).toBeNull(); // B = vv* is PSD
        expect(cones.dualConeWitness(A, 1e-9)).toBeNull();
      }
    expect(witnessed).toBeGreaterThan(60);
    expect(cones.dualConeWitness(pd("real", 3, 1))).toBeNull();
  });
});
