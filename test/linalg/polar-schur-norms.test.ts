// Polar decomposition, SVD, spectral norm, condition number, Schur complement, orthonormalize.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Matrix,
  cmatrix,
  cond,
  corthonormalize,
  eigvalsh,
  inverse,
  matmul,
  matrix,
  orthonormalize,
  polar,
  schurComplement,
  singularValues,
  spectralNorm,
  svd,
  transpose,
} from "../../src/linalg/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import { diffNorm, fixture, qgeomError, real, relErr, unitarityDefect, vecRelErr } from "../helpers/matrix.js";

const polarCases = fixture("linalg/polar.json").cases as any[];
const factorCases = fixture("linalg/factorizations.json").cases as any[];

const entries = (len: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: len, maxLength: len });
const square = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => entries(n * n).map((xs): Matrix => ({ rows: n, cols: n, data: Float64Array.from(xs) })));

describe("polar decomposition W = P U", () => {
  for (const c of polarCases) {
    it(`${c.id} against scipy.linalg.polar(side='left')`, () => {
      const { p, u } = polar(real(c.W));
      expect(relErr(p, real(c.P))).toBeLessThan(1e-12);
      expect(relErr(u, real(c.U))).toBeLessThan(1e-12);
    });
  }

  it("P symmetric PSD, U orthogonal, P U = W, P² = W Wᵀ; P = W iff W is SPD (MATH §3.7)", () => {
    fc.assert(
      fc.property(square(1, 8), (W) => {
        const { p, u } = polar(W);
        const n = W.rows;
        const wn = Math.max(1e-300, ...Array.from(W.data, Math.abs));
        expect(diffNorm(p, transpose(p))).toBe(0);
        expect(unitarityDefect(u)).toBeLessThan(1e-13 * n);
        expect(diffNorm(matmul(p, u), W)).toBeLessThan(1e-13 * n * wn);
        expect(diffNorm(matmul(p, p), matmul(W, transpose(W)))).toBeLessThanOrEqual(1e-13 * n * wn * wn);
        expect(eigvalsh(p)[0]!).toBeGreaterThanOrEqual(-1e-14 * n * wn);
      }),
    );
    fc.assert(
      fc.property(spdMatrix({ n: { min: 1, max: 8 } }), (S) => {
        const { p, u } = polar(S);
        expect(relErr(p, S)).toBeLessThan(1e-13);
        expect(unitarityDefect(u)).toBeLessThan(1e-13 * S.rows); // U = I
        expect(diffNorm(u, matrix(Array.from({ length: S.rows }, (_, i) => Array.from({ length: S.rows }, (_, j) => (i === j ? 1 : 0)))))).toBeLessThan(1e-11);
      }),
    );
  });

  it("is accurate for ill-conditioned W (cond 1e8) and still gives an orthogonal U for singular W", () => {
    // W = Q₁ diag(1, 1e-4, 1e-8) Q₂ᵀ, built exactly from rotations
    const c = Math.cos(0.7), s = Math.sin(0.7);
    const Q1 = matrix([[c, -s, 0], [s, c, 0], [0, 0, 1]]);
    const Q2 = matrix([[1, 0, 0], [0, c, -s], [0, s, c]]);
    const W = matmul(matmul(Q1, matrix([[1, 0, 0], [0, 1e-4, 0], [0, 0, 1e-8]])), transpose(Q2));
    expect(cond(W) / 1e8).toBeCloseTo(1, 6);
    const { p, u } = polar(W);
    expect(relErr(u, matmul(Q1, transpose(Q2)))).toBeLessThan(1e-8);
    expect(unitarityDefect(u)).toBeLessThan(1e-14);
    const sing = polar(matrix([[1, 1], [1, 1]]));
    expect(unitarityDefect(sing.u)).toBeLessThan(1e-15);
    expect(relErr(matmul(sing.p, sing.u), matrix([[1, 1], [1, 1]]))).toBeLessThan(1e-15);
    expect(relErr(p, matmul(matmul(Q1, matrix([[1, 0, 0], [0, 1e-4, 0], [0, 0, 1e-8]])), transpose(Q1)))).toBeLessThan(1e-14);
  });

  it("wide W (d < k): U has orthonormal rows; tall W is a SHAPE error", () => {
    const W = matrix([[1, 2, 3], [0, 1, -1]]);
    const { p, u } = polar(W);
    expect(unitarityDefect(transpose(u))).toBeLessThan(1e-15);
    expect(relErr(matmul(p, u), W)).toBeLessThan(1e-15);
    expect(qgeomError(() => polar(transpose(W))).code).toBe("SHAPE");
    expect(qgeomError(() => polar(matrix([[NaN]]) as Matrix)).code).toBe("NOT_FINITE");
  });
});

describe("SVD, spectral norm, condition number", () => {
  for (const c of factorCases) {
    it(`${c.id}: singular values, ‖G‖₂, κ₂(G) against NumPy`, () => {
      const G = real(c.G);
      expect(vecRelErr(singularValues(G), c.singularValuesG)).toBeLessThan(1e-14);
      expect(Math.abs(spectralNorm(G) / c.normG - 1)).toBeLessThan(1e-14);
      expect(Math.abs(cond(G) / c.condG - 1)).toBeLessThan(1e-12);
    });
  }

  it("A = U diag(s) Vᵀ with orthonormal U, V for rectangular and rank-deficient A", () => {
    const mats = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })).chain(([m, n]) =>
      fc.tuple(entries(m * n), fc.integer({ min: 0, max: 2 })).map(([xs, dup]): Matrix => {
        const d = Float64Array.from(xs);
        // make a column a copy of another to force rank deficiency
        if (dup > 0 && n > 1) for (let r = 0; r < m; r++) d[r * n + n - 1] = d[r * n]!;
        return { rows: m, cols: n, data: d };
      }),
    );
    fc.assert(
      fc.property(mats, (A) => {
        const { u, s, v } = svd(A);
        const k = Math.min(A.rows, A.cols);
        expect(s.length).toBe(k);
        for (let i = 1; i < k; i++) expect(s[i]!).toBeLessThanOrEqual(s[i - 1]!);
        expect(unitarityDefect(u)).toBeLessThan(1e-13 * k);
        expect(unitarityDefect(v)).toBeLessThan(1e-13 * k);
        const US = { rows: u.rows, cols: k, data: u.data.map((x, idx) => x * s[idx % k]!) };
        const an = Math.max(1e-300, ...Array.from(A.data, Math.abs));
        expect(diffNorm(matmul(US, transpose(v)), A)).toBeLessThan(1e-13 * (A.rows + A.cols) * an);
      }),
    );
  });

  it("symmetric and complex inputs; singular input has an infinite or huge condition number", () => {
    expect(spectralNorm(matrix([[1, 2], [2, 1]]))).toBeCloseTo(3, 15);
    expect(cond(matrix([[1, 2], [2, 1]]))).toBeCloseTo(3, 14);
    expect(cond(matrix([[1, 0], [0, 0]]))).toBe(Infinity);
    expect(cond(matrix([[1, 1], [1, 1]]))).toBeGreaterThan(1e15); // rounding: σ_min ≈ ε, not 0 (as in NumPy)
    // [[1, i], [0, 1]]: σ² are eigenvalues of [[1, i], [−i, 2]] → (3 ± √5)/2
    const Z = cmatrix({ re: [[1, 0], [0, 1]], im: [[0, 1], [0, 0]] });
    expect(spectralNorm(Z)).toBeCloseTo(Math.sqrt((3 + Math.sqrt(5)) / 2), 14);
    expect(cond(Z)).toBeCloseTo((3 + Math.sqrt(5)) / 2, 13);
    // a Hermitian complex matrix uses its eigenvalues
    expect(spectralNorm(cmatrix({ re: [[0, 0], [0, 0]], im: [[0, -2], [2, 0]] }))).toBeCloseTo(2, 15);
    // the condition number of a cond-1e8 SPD matrix is recovered
    fc.assert(
      fc.property(spdMatrix({ n: { min: 2, max: 8 }, maxCond: 1e8, construction: "spectral" }), (S) => {
        expect(Math.abs(cond(S) / 1e8 - 1)).toBeLessThan(1e-6);
        const nonsym = matmul(S, matrix(Array.from({ length: S.rows }, (_, i) => Array.from({ length: S.rows }, (_, j) => (i === j ? 1 : 0)))));
        nonsym.data[1] = nonsym.data[1]! * (1 + 1e-15); // break exact symmetry → SVD path
        expect(Math.abs(cond(nonsym) / 1e8 - 1)).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });
});

describe("Schur complement A/A_BB = A_KK − A_KB A_BB⁻¹ A_BK", () => {
  for (const c of factorCases) {
    it(`${c.id} against NumPy`, () => {
      expect(relErr(schurComplement(real(c.A), c.schurBlock), real(c.schurA))).toBeLessThan(1e-12);
    });
  }

  it("equals the inverse of the kept block of A⁻¹ (MATH §8.2) and is SPD for SPD A", () => {
    const arb = spdMatrix({ n: { min: 2, max: 9 } }).chain((A) =>
      fc.tuple(fc.constant(A), fc.subarray(Array.from({ length: A.rows }, (_, i) => i), { minLength: 1, maxLength: A.rows - 1 })),
    );
    fc.assert(
      fc.property(arb, ([A, block]) => {
        const n = A.rows;
        const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !block.includes(i));
        const Ainv = inverse(A);
        const sub = matrix(keep.map((i) => keep.map((j) => Ainv.data[i * n + j]!)));
        const S = schurComplement(A, [...block].reverse());
        expect(relErr(S, inverse(sub))).toBeLessThan(1e-10);
        expect(diffNorm(S, transpose(S))).toBe(0);
        expect(eigvalsh(S)[0]!).toBeGreaterThan(0);
      }),
    );
  });

  it("validates the block and reports a singular A_BB", () => {
    const A = matrix([[1, 2, 0], [2, 4, 1], [0, 1, 3]]);
    expect(toArraySchur(schurComplement(A, [2]))).toEqual([[1, 2], [2, 4 - 1 / 3]]);
    expect(qgeomError(() => schurComplement(A, [])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => schurComplement(A, [0, 1, 2])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => schurComplement(A, [0, 0])).message).toContain("distinct integer indices");
    expect(qgeomError(() => schurComplement(A, [3])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => schurComplement(A, [0.5])).code).toBe("INVALID_ARGUMENT");
    const e = qgeomError(() => schurComplement(matrix([[0, 1], [1, 0]]), [0], "K"));
    expect(e.code).toBe("SINGULAR");
    expect(e.message).toMatch(/^K\[block, block\]/);
  });
});

function toArraySchur(S: Matrix): number[][] {
  return [Array.from(S.data.subarray(0, 2)), Array.from(S.data.subarray(2, 4))];
}

describe("orthonormalize / corthonormalize", () => {
  it("gives Q of M = QR with R_jj > 0 (hand example) and completes dependent columns", () => {
    const Q = orthonormalize(matrix([[3, 1], [4, 0]]));
    // q1 = (3, 4)/5; q2 ∝ (1, 0) − (3/5)(3, 4)/5 = (16, −12)/25 → (0.8, −0.6)
    expect(relErr(Q, matrix([[0.6, 0.8], [0.8, -0.6]]))).toBeLessThan(1e-15);
    const D = orthonormalize(matrix([[1, 2, 0], [1, 2, 0], [0, 0, 0]]));
    expect(unitarityDefect(D)).toBeLessThan(1e-15);
    const Z = corthonormalize(cmatrix({ re: [[1, 1], [0, 1]], im: [[0, 0], [1, 0]] }));
    expect(unitarityDefect(Z)).toBeLessThan(1e-15);
    expect(qgeomError(() => orthonormalize(matrix([[1, 2]]))).code).toBe("SHAPE");
  });
});
