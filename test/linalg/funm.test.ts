// Spectral matrix functions: SciPy / mpmath fixtures, the qubit closed forms of MATH §6.9,
// algebraic identities on random inputs, and errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CMatrix,
  type Matrix,
  cidentity,
  cmatmul,
  cmatrix,
  conjTranspose,
  expm,
  funm,
  funmComplex,
  identity,
  invSqrtm,
  logm,
  matmul,
  matrix,
  powImag,
  powm,
  sqrtm,
  toComplex,
  transpose,
} from "../../src/linalg/index.js";
import { densityMatrix, hermitianMatrix, hpdMatrix, spdMatrix, symmetricMatrix } from "../../src/testing/index.js";
import { complex, diffNorm, fixture, qgeomError, real, relErr, unitarityDefect } from "../helpers/matrix.js";

const realCases = fixture("linalg/spectral-real.json").cases as any[];
const hermCases = fixture("linalg/spectral-hermitian.json").cases as any[];
const illCases = fixture("linalg/ill-conditioned.json").cases as any[];

describe("matrix functions against SciPy (n = 2..8; relative Frobenius error ≤ 1e-12)", () => {
  const tol = 1e-12;
  for (const c of realCases) {
    it(`${c.id}: logm, sqrtm, invSqrtm, powers, expm`, () => {
      const A = real(c.A);
      expect(relErr(logm(A), real(c.logm))).toBeLessThan(tol);
      expect(relErr(sqrtm(A), real(c.sqrtm))).toBeLessThan(tol);
      expect(relErr(invSqrtm(A), real(c.invSqrtm))).toBeLessThan(tol);
      for (const p of c.powers) expect(relErr(powm(A, p.s), real(p.value))).toBeLessThan(tol);
      expect(relErr(expm(real(c.S)), real(c.expmS))).toBeLessThan(tol);
    });
  }
  for (const c of hermCases) {
    it(`${c.id}: logm, sqrtm, powers, expm, rho^{it}`, () => {
      const A = complex(c.A);
      expect(relErr(logm(A), complex(c.logm))).toBeLessThan(tol);
      expect(relErr(sqrtm(A), complex(c.sqrtm))).toBeLessThan(tol);
      for (const p of c.powers) expect(relErr(powm(A, p.s), complex(p.value))).toBeLessThan(tol);
      expect(relErr(expm(complex(c.H)), complex(c.expmH))).toBeLessThan(tol);
      for (const p of c.powImag) expect(relErr(powImag(complex(c.rho), p.t), complex(p.value))).toBeLessThan(tol);
    });
  }
});

describe("ill-conditioned inputs (cond 1e8; mpmath 50-digit reference)", () => {
  // Perturbation bounds for a backward-stable eigensolver, λ ∈ [1, 1e8]: δλ ≈ nε·1e8 ≈ 2e-8·n.
  // log: δ(log λ_min) ≈ 2e-8·n, against ‖log A‖_F ≈ 30 → ~1e-9; sqrt: δ√λ_min ≈ 1e-8·n against
  // ‖A^{1/2}‖_F ≥ 1e4 → 1e-12; λ^{-1/2}: δ ≈ 1e-8·n against ‖A^{-1/2}‖_F ≥ 1 → 1e-7 (MATH §9: 1e-8 is
  // stated for well-conditioned inputs); λ^{0.3}: δ ≈ 0.3·2e-8·n against ≥ 250 → 1e-10;
  // λ^{0.7i}: phase error 0.7·2e-8·n against √n → 1e-8.
  for (const c of illCases) {
    it(c.id, () => {
      const enc = (x: any): Matrix | CMatrix => (c.complex ? complex(x) : real(x));
      const A = enc(c.A);
      expect(relErr(logm(A), enc(c.logm))).toBeLessThan(1e-9);
      expect(relErr(sqrtm(A), enc(c.sqrtm))).toBeLessThan(1e-12);
      expect(relErr(invSqrtm(A), enc(c.invSqrtm))).toBeLessThan(1e-7);
      expect(relErr(powm(A, 0.3), enc(c.pow03))).toBeLessThan(1e-10);
      expect(relErr(powImag(A, 0.7), complex(c.powImag07))).toBeLessThan(1e-8);
    });
  }
});

describe("qubit closed forms (MATH §6.9)", () => {
  const r = [0.3, -0.4, 0.5];
  const rn = Math.hypot(...r);
  const rho = cmatrix({ re: [[(1 + r[2]!) / 2, r[0]! / 2], [r[0]! / 2, (1 - r[2]!) / 2]], im: [[0, -r[1]! / 2], [r[1]! / 2, 0]] });
  // n̂·σ as a CMatrix
  const nsig = (c: number) =>
    cmatrix({ re: [[c * r[2]!, c * r[0]!], [c * r[0]!, -c * r[2]!]], im: [[0, -c * r[1]!], [c * r[1]!, 0]] });

  it("log ρ = ½ log((1−r²)/4) I + artanh(r) r̂·σ", () => {
    const a = 0.5 * Math.log((1 - rn * rn) / 4), b = Math.atanh(rn) / rn;
    const expected = nsig(b);
    expected.re[0] += a;
    expected.re[3] += a;
    expect(relErr(logm(rho), expected)).toBeLessThan(1e-14);
  });

  it("ρ^{it} = ((1−r²)/4)^{it/2} [cos(t artanh r) I + i sin(t artanh r) r̂·σ]", () => {
    for (const t of [-2.5, 0.1, 1, 7]) {
      const ph = (t / 2) * Math.log((1 - rn * rn) / 4), th = t * Math.atanh(rn);
      // bracket B = cos θ I + i sin θ n̂·σ ; multiply by e^{i ph}
      const S = nsig(Math.sin(th) / rn);
      const B = { rows: 2, cols: 2, re: new Float64Array(4), im: new Float64Array(4) };
      for (let k = 0; k < 4; k++) {
        B.re[k] = -S.im[k]!; // i · (x + iy) = −y + ix
        B.im[k] = S.re[k]!;
      }
      B.re[0] += Math.cos(th);
      B.re[3] += Math.cos(th);
      const E = { rows: 2, cols: 2, re: new Float64Array(4), im: new Float64Array(4) };
      for (let k = 0; k < 4; k++) {
        E.re[k] = Math.cos(ph) * B.re[k]! - Math.sin(ph) * B.im[k]!;
        E.im[k] = Math.cos(ph) * B.im[k]! + Math.sin(ph) * B.re[k]!;
      }
      expect(relErr(powImag(rho, t), E)).toBeLessThan(1e-14 * Math.max(1, Math.abs(t)));
    }
  });
});

describe("identities on random inputs", () => {
  const spd = spdMatrix({ n: { min: 1, max: 10 } });
  const spdIll = spdMatrix({ n: { min: 2, max: 10 }, maxCond: 1e8, construction: "spectral" });
  const hpd = hpdMatrix({ n: { min: 1, max: 8 } });
  const hpdIll = hpdMatrix({ n: { min: 2, max: 8 }, maxCond: 1e8, construction: "spectral" });

  it("exp(log A) = A and sqrt(A)² = A for SPD and HPD, including cond 1e8 (rel. error ≤ 1e-12)", () => {
    for (const arb of [spd, spdIll, hpd, hpdIll] as fc.Arbitrary<Matrix | CMatrix>[]) {
      fc.assert(
        fc.property(arb, (A) => {
          expect(relErr(expm(logm(A)), A)).toBeLessThan(1e-12);
          const R = sqrtm(A);
          expect(relErr(cmatmul(R, R), A)).toBeLessThan(1e-13);
        }),
        { numRuns: 50 },
      );
    }
  });

  it("A^{-1/2} A A^{-1/2} = I (≤ 1e-12 at cond ≤ 1e4) and A^s A^t = A^{s+t} (≤ 1e-11)", () => {
    fc.assert(
      fc.property(spd, fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (A, s, t) => {
        const W = invSqrtm(A);
        expect(diffNorm(matmul(matmul(W, A), W), identity(A.rows))).toBeLessThan(1e-12 * A.rows);
        expect(relErr(matmul(powm(A, s), powm(A, t)), powm(A, s + t))).toBeLessThan(1e-11);
      }),
    );
  });

  it("ρ^{is} ρ^{it} = ρ^{i(s+t)}, (ρ^{it})* ρ^{it} = I, ρ^{it} commutes with ρ (density matrices, λ_min ≥ 1e-3)", () => {
    fc.assert(
      fc.property(
        densityMatrix({ n: { min: 1, max: 8 }, minEig: 1e-3 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (rho, s, t) => {
          const Us = powImag(rho, s), Ut = powImag(rho, t);
          const n = rho.rows;
          // phases t·log λ with |log λ| ≤ 7: absolute error ≲ 1e-13·|t|·n
          const tol = 1e-13 * n * (1 + Math.abs(s) + Math.abs(t));
          expect(diffNorm(cmatmul(Us, Ut), powImag(rho, s + t))).toBeLessThan(tol);
          expect(unitarityDefect(Ut)).toBeLessThan(tol);
          expect(diffNorm(cmatmul(rho, Ut), cmatmul(Ut, rho))).toBeLessThan(tol);
        },
      ),
    );
    expect(diffNorm(powImag(matrix([[0.25, 0], [0, 0.75]]), 0), cidentity(2))).toBe(0);
  });

  it("Hermitian and real paths agree: f(H) for real symmetric H equals f of H as a complex matrix", () => {
    fc.assert(
      fc.property(symmetricMatrix({ n: { min: 1, max: 8 } }), (S) => {
        const f = (x: number) => Math.atan(x) + x * x;
        expect(diffNorm(funm(S, f), funm(toComplex(S), f))).toBeLessThan(1e-13 * S.rows * (1 + Math.max(...Array.from(S.data, Math.abs)) ** 2));
      }),
    );
  });

  it("funm with f(x) = x reproduces A; funmComplex equals funm plus i·funm for real/imag parts", () => {
    fc.assert(
      fc.property(hermitianMatrix({ n: { min: 1, max: 8 } }), (H) => {
        const scale = Math.max(1e-300, ...Array.from(H.re, Math.abs), ...Array.from(H.im, Math.abs));
        expect(diffNorm(funm(H, (x) => x), H)).toBeLessThan(1e-14 * H.rows * scale * 4);
        const Z = funmComplex(H, (x) => [Math.cos(x), Math.sin(x)]);
        const C = funm(H, Math.cos), Sn = funm(H, Math.sin);
        const E = { rows: H.rows, cols: H.cols, re: C.re.map((v, k) => v - Sn.im[k]!), im: C.im.map((v, k) => v + Sn.re[k]!) };
        expect(diffNorm(Z, E)).toBeLessThan(1e-13 * H.rows);
        // e^{iH} is unitary
        expect(unitarityDefect(Z)).toBeLessThan(1e-13 * H.rows);
      }),
    );
  });

  it("results are exactly symmetric / Hermitian with a real diagonal", () => {
    fc.assert(
      fc.property(hpd, spd, (H, S) => {
        const L = logm(H);
        expect(diffNorm(L, conjTranspose(L))).toBe(0);
        const R = sqrtm(S);
        expect(diffNorm(R, transpose(R))).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});

describe("domains: positive (semi)definiteness, support, overflow", () => {
  it("logm / invSqrtm / negative powers / powImag reject indefinite or singular input, naming the eigenvalue", () => {
    const A = matrix([[1, 2], [2, 1]]); // eigenvalues −1, 3
    const e = qgeomError(() => logm(A, { name: "Sigma" }));
    expect(e.code).toBe("NOT_POSITIVE_DEFINITE");
    expect(e.message).toMatch(/^Sigma \(2×2\) is not positive definite: smallest eigenvalue -1\.000e\+0 \(largest 3\.000e\+0\); logm needs/);
    expect(qgeomError(() => invSqrtm(A)).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => powm(A, -0.5)).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => powm(A, 0.5)).message).toContain("not positive semidefinite");
    expect(qgeomError(() => sqrtm(A)).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => powImag(matrix([[1, 0], [0, 0]]), 1)).message).toMatch(/^rho .*onSupport/);
  });

  it("PSD input: sqrt(v vᵀ) = v vᵀ/‖v‖, and { onSupport } applies log on the support", () => {
    const v = [1, 2, 2]; // ‖v‖ = 3
    const P = matrix(v.map((a) => v.map((b) => a * b)));
    const R = sqrtm(P);
    expect(relErr(R, matrix(v.map((a) => v.map((b) => (a * b) / 3))))).toBeLessThan(1e-15);
    // log on the support: log(v vᵀ) = log(9) · v vᵀ/9
    expect(relErr(logm(P, { onSupport: true }), matrix(v.map((a) => v.map((b) => (Math.log(9) * a * b) / 9))))).toBeLessThan(1e-14);
    // ρ^{it} on the support is a partial isometry: U* U = projector onto the support
    const U = powImag(P, 0.3, { onSupport: true });
    const UU = cmatmul(conjTranspose(U), U);
    expect(relErr(UU, matrix(v.map((a) => v.map((b) => (a * b) / 9))))).toBeLessThan(1e-14);
    expect(qgeomError(() => logm(P)).message).toContain("onSupport");
  });

  it("expm overflow and non-finite f values are errors, never silent Inf/NaN", () => {
    expect(qgeomError(() => expm(matrix([[800]]))).code).toBe("NOT_FINITE");
    expect(qgeomError(() => funm(matrix([[1, 0], [0, -1]]), Math.sqrt)).message).toMatch(/funm\(A\): the function is NaN at eigenvalue -1/);
    expect(qgeomError(() => funmComplex(matrix([[0]]), () => [Infinity, 0])).code).toBe("NOT_FINITE");
    expect(qgeomError(() => powm(matrix([[1]]), NaN)).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => powImag(matrix([[1]]), Infinity)).code).toBe("INVALID_ARGUMENT");
  });

  it("validates symmetry / Hermiticity and shape", () => {
    expect(qgeomError(() => logm(matrix([[2, 1], [0, 2]]))).code).toBe("NOT_SYMMETRIC");
    expect(qgeomError(() => sqrtm(cmatrix({ re: [[2, 1], [1, 2]], im: [[0, 1], [1, 0]] }))).code).toBe("NOT_HERMITIAN");
    expect(qgeomError(() => expm(matrix([[1, 2, 3]]))).code).toBe("SHAPE");
    expect(qgeomError(() => logm(cmatrix({ re: [[1]], im: [[0.5]] }), { name: "rho" })).message).toMatch(/^rho \(1×1\) is not Hermitian/);
  });
});
