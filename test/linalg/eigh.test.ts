// Symmetric and Hermitian eigendecomposition: SciPy / mpmath fixtures and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CMatrix,
  type Matrix,
  cmatrix,
  eigh,
  eighHermitian,
  eigvalsh,
  matrix,
  maxAbs,
  realEmbedding,
} from "../../src/linalg/index.js";
import { Rng, randomOrthogonal, randomUnitary } from "../../src/random/index.js";
import { hermitianMatrix, hpdMatrix, spdMatrix, symmetricMatrix } from "../../src/testing/index.js";
import { complex, fixture, fromSpectrum, qgeomError, real, relErr, unitarityDefect, vecRelErr } from "../helpers/matrix.js";

const realCases = fixture("linalg/spectral-real.json").cases as any[];
const hermCases = fixture("linalg/spectral-hermitian.json").cases as any[];
const illCases = fixture("linalg/ill-conditioned.json").cases as any[];

describe("eigh against SciPy (n = 2..8)", () => {
  for (const c of realCases) {
    it(c.id, () => {
      const { values, vectors } = eigh(real(c.A));
      expect(vecRelErr(values, c.eigenvalues)).toBeLessThan(1e-14);
      // eigenvectors agree up to sign: |⟨v_j, w_j⟩| = 1 (eigenvalues are simple here)
      const W = real(c.eigenvectors), n = c.n;
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vectors.data[i * n + j]! * W.data[i * n + j]!;
        expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-12);
      }
      expect(vecRelErr(eigvalsh(real(c.S)), c.eigenvaluesS)).toBeLessThan(1e-14);
    });
  }
  for (const c of hermCases) {
    it(c.id, () => {
      const { values, vectors } = eighHermitian(complex(c.A));
      expect(vecRelErr(values, c.eigenvalues)).toBeLessThan(1e-14);
      expect(relErr(fromSpectrum(values, vectors), complex(c.A))).toBeLessThan(1e-14);
    });
  }
});

describe("ill-conditioned inputs (condition number 1e8, mpmath 50-digit reference)", () => {
  for (const c of illCases) {
    it(c.id, () => {
      const A = c.complex ? complex(c.A) : real(c.A);
      const lam = eigvalsh(A);
      const ref = c.eigenvalues as number[];
      const lmax = Math.max(...ref);
      for (let i = 0; i < ref.length; i++) {
        // absolute accuracy ε‖A‖ is all a backward-stable method promises (≈ 2e-16 · 1e8 · n)
        expect(Math.abs(lam[i]! - ref[i]!)).toBeLessThan(4 * c.n * Number.EPSILON * lmax);
      }
      const r = c.complex ? eighHermitian(A as CMatrix) : eigh(A as Matrix);
      expect(relErr(fromSpectrum(r.values, r.vectors), A)).toBeLessThan(1e-14 * c.n);
      expect(unitarityDefect(r.vectors)).toBeLessThan(1e-14 * c.n);
    });
  }
});

describe("structured spectra (Haar eigenvectors): backward error ≤ 1e-14·n, unitarity ≤ 1e-14·n", () => {
  const rng = new Rng(20260311);
  const spectra: Record<string, (n: number) => number[]> = {
    repeated: (n) => Array.from({ length: n }, (_, i) => i % 3),
    "cluster 1e-13": (n) => Array.from({ length: n }, (_, i) => 1 + i * 1e-13),
    "graded to 1e-16": (n) => Array.from({ length: n }, (_, i) => 10 ** ((-i * 16) / Math.max(1, n - 1))),
    "alternating graded": (n) => Array.from({ length: n }, (_, i) => (i % 2 ? -1 : 1) * 10 ** ((-i * 12) / Math.max(1, n - 1))),
    "rank one": (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 5 : 0)),
    "scaled 1e300": (n) => Array.from({ length: n }, (_, i) => 1e300 * (i - n / 2)),
    "scaled 1e-300": (n) => Array.from({ length: n }, (_, i) => 1e-300 * (i - n / 2)),
  };
  for (const [name, lamOf] of Object.entries(spectra)) {
    it(name, () => {
      for (const n of [2, 5, 16, 33]) {
        const lam = lamOf(n);
        const s = Math.max(...lam.map(Math.abs)); // compare at unit scale (the helpers square entries)
        for (const complexCase of [false, true]) {
          const V = complexCase ? randomUnitary(rng, n) : randomOrthogonal(rng, n);
          const A0 = fromSpectrum(lam, V);
          const A: Matrix | CMatrix = complexCase ? A0 : { rows: n, cols: n, data: A0.re };
          const r = complexCase ? eighHermitian(A as CMatrix) : eigh(A as Matrix);
          const unit = fromSpectrum(lam.map((x) => x / s), V);
          expect(relErr(fromSpectrum(Array.from(r.values, (x) => x / s), r.vectors), complexCase ? unit : { rows: n, cols: n, data: unit.re })).toBeLessThan(1e-14 * n);
          expect(unitarityDefect(r.vectors)).toBeLessThan(1e-14 * n);
        }
      }
    });
  }
  it("Wilkinson W⁺, Hilbert, all-ones and tridiagonal matrices with 1e-200 couplings", () => {
    const sym = (n: number, f: (i: number, j: number) => number): Matrix =>
      matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => f(Math.max(i, j), Math.min(i, j)))));
    for (const n of [3, 21, 40]) {
      for (const A of [
        sym(n, (i, j) => (i === j ? Math.abs(i - (n - 1) / 2) : i - j === 1 ? 1 : 0)),
        sym(n, (i, j) => 1 / (i + j + 1)),
        sym(n, () => 1),
        sym(n, (i, j) => (i === j ? i : i - j === 1 ? 1e-200 : 0)),
      ]) {
        const r = eigh(A);
        expect(relErr(fromSpectrum(r.values, r.vectors), A)).toBeLessThan(1e-14 * n);
        expect(unitarityDefect(r.vectors)).toBeLessThan(1e-14 * n);
      }
      // all-ones: eigenvalues 0 (n−1 times) and n
      const ones = eigvalsh(sym(n, () => 1));
      expect(ones[n - 1]).toBeCloseTo(n, 12);
      expect(Math.abs(ones[0]!)).toBeLessThan(1e-13 * n);
    }
  });
});

describe("eigh properties", () => {
  const tol = 1e-14;
  it("real symmetric (indefinite, n ≤ 12): V diag(λ) Vᵀ = A, VᵀV = I, λ ascending", () => {
    fc.assert(
      fc.property(symmetricMatrix({ n: { min: 1, max: 12 } }), (A) => {
        const { values, vectors } = eigh(A);
        const n = A.rows;
        for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
        if (maxAbs(A) === 0) return;
        expect(relErr(fromSpectrum(values, vectors), A)).toBeLessThan(tol * 4 * n);
        expect(unitarityDefect(vectors)).toBeLessThan(tol * 4 * n);
      }),
    );
  });

  it("SPD with cond 1e8 and Hermitian PD with cond 1e8: reconstruction and unitarity", () => {
    fc.assert(
      fc.property(spdMatrix({ n: { min: 2, max: 12 }, maxCond: 1e8, construction: "spectral" }), (A) => {
        const { values, vectors } = eigh(A);
        expect(values[0]!).toBeGreaterThan(0);
        expect(relErr(fromSpectrum(values, vectors), A)).toBeLessThan(tol * 4 * A.rows);
        expect(unitarityDefect(vectors)).toBeLessThan(tol * 4 * A.rows);
      }),
    );
    fc.assert(
      fc.property(hpdMatrix({ n: { min: 2, max: 10 }, maxCond: 1e8, construction: "spectral" }), (A) => {
        const { values, vectors } = eighHermitian(A);
        expect(values[0]!).toBeGreaterThan(0);
        expect(values[values.length - 1]! / values[0]!).toBeGreaterThan(0.99e8);
        expect(relErr(fromSpectrum(values, vectors), A)).toBeLessThan(tol * 4 * A.rows);
        expect(unitarityDefect(vectors)).toBeLessThan(tol * 4 * A.rows);
      }),
    );
  });

  it("Hermitian eigenvalues are those of the real embedding [[X, −Y], [Y, X]], each twice", () => {
    fc.assert(
      fc.property(hermitianMatrix({ n: { min: 1, max: 10 } }), (H) => {
        const lam = eighHermitian(H).values;
        const mu = eigh(realEmbedding(H)).values;
        const scale = Math.max(1e-300, Math.abs(mu[0]!), Math.abs(mu[mu.length - 1]!));
        for (let i = 0; i < lam.length; i++) {
          expect(Math.abs(mu[2 * i]! - lam[i]!)).toBeLessThan(1e-13 * scale * H.rows);
          expect(Math.abs(mu[2 * i + 1]! - lam[i]!)).toBeLessThan(1e-13 * scale * H.rows);
        }
      }),
    );
  });

  it("handles repeated eigenvalues, zero and diagonal matrices, and extreme scales", () => {
    const I = eigh(matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]));
    expect(Array.from(I.values)).toEqual([2, 2, 2]);
    expect(unitarityDefect(I.vectors)).toBe(0);
    expect(Array.from(eigvalsh(matrix([[0, 0], [0, 0]])))).toEqual([0, 0]);
    // [[2,1],[1,2]] has eigenvalues 1, 3
    const r = eigh(matrix([[2, 1], [1, 2]]));
    expect(r.values[0]).toBeCloseTo(1, 15);
    expect(r.values[1]).toBeCloseTo(3, 15);
    for (const s of [1e-250, 1e250]) {
      const v = eigvalsh(matrix([[2 * s, s], [s, 2 * s]]));
      expect(v[0]! / s).toBeCloseTo(1, 14);
      expect(v[1]! / s).toBeCloseTo(3, 14);
    }
    // Pauli σ_y = [[0, −i], [i, 0]] has eigenvalues ±1
    const y = eighHermitian(cmatrix({ re: [[0, 0], [0, 0]], im: [[0, -1], [1, 0]] }));
    expect(y.values[0]).toBeCloseTo(-1, 15);
    expect(y.values[1]).toBeCloseTo(1, 15);
  });

  it("rejects non-symmetric / non-Hermitian / non-finite input", () => {
    const e = qgeomError(() => eigh(matrix([[1, 2], [3, 4]]), { name: "K" }));
    expect(e.code).toBe("NOT_SYMMETRIC");
    expect(e.message).toMatch(/^K \(2×2\) is not symmetric: max \|a_ij − a_ji\| is 2\.50e-1 of the largest entry/);
    expect(qgeomError(() => eighHermitian(cmatrix({ re: [[1, 0], [0, 1]], im: [[0, 1], [1, 0]] }))).code).toBe("NOT_HERMITIAN");
    expect(qgeomError(() => eighHermitian(cmatrix({ re: [[1]], im: [[1]] }))).code).toBe("NOT_HERMITIAN");
    expect(qgeomError(() => eigh({ rows: 2, cols: 2, data: new Float64Array([1, Infinity, Infinity, 1]) })).code).toBe("NOT_FINITE");
    expect(qgeomError(() => eigh(matrix([[1, 2, 3]]))).code).toBe("SHAPE");
    // within tolerance is accepted (the symmetric part is used)
    expect(eigh(matrix([[1, 2], [2 + 1e-14, 1]])).values[1]).toBeCloseTo(3, 13);
  });
});
