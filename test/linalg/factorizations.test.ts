// Cholesky, LU, determinants, solve, inverse: SciPy/NumPy fixtures, residual properties, errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cholesky,
  choleskySolve,
  det,
  identity,
  inverse,
  logDet,
  lu,
  matmul,
  matrix,
  slogDet,
  solve,
  transpose,
} from "../../src/linalg/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import { fixture, qgeomError, real, relErr } from "../helpers/matrix.js";

const cases = fixture("linalg/factorizations.json").cases as any[];

describe("factorisations against NumPy/SciPy (n = 2..8, relative error ≤ 1e-12)", () => {
  for (const c of cases) {
    it(c.id, () => {
      const A = real(c.A), G = real(c.G);
      expect(relErr(cholesky(A), real(c.cholesky))).toBeLessThan(1e-12);
      expect(Math.abs(logDet(A) - c.logdetA)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.logdetA)));
      const sl = slogDet(G);
      expect(sl.sign).toBe(c.slogdetG.sign);
      expect(Math.abs(sl.logAbsDet - c.slogdetG.logAbsDet)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.slogdetG.logAbsDet)));
      expect(Math.abs(det(G) - c.detG)).toBeLessThan(1e-12 * Math.abs(c.detG));
      expect(relErr(inverse(G), real(c.invG))).toBeLessThan(1e-11);
      expect(relErr(solve(G, real(c.B)), real(c.solveGB))).toBeLessThan(1e-11);
    });
  }
});

describe("LU with partial pivoting", () => {
  it("P A = L U with |L_ij| ≤ 1 on a matrix that needs pivoting", () => {
    const A = matrix([[0, 2, 1], [1, 1, 1], [4, 0, 2]]);
    const f = lu(A);
    const n = 3;
    const L = new Float64Array(9), U = new Float64Array(9), PA = new Float64Array(9);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = f.lu.data[i * n + j]!;
        if (j < i) L[i * n + j] = v;
        else U[i * n + j] = v;
        PA[i * n + j] = A.data[f.perm[i]! * n + j]!;
      }
      L[i * n + i] = 1;
    }
    for (const v of L) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    const LU = matmul({ rows: 3, cols: 3, data: L }, { rows: 3, cols: 3, data: U });
    expect(relErr(LU, { rows: 3, cols: 3, data: PA })).toBeLessThan(1e-15);
    expect(f.perm[0]).toBe(2); // largest pivot 4 in row 2
    // det = 0·(2−0) − 2·(2−4) + 1·(0−4) = 0
    expect(det(A)).toBeCloseTo(0, 14);
    expect(det(matrix([[0, 1], [1, 0]]))).toBe(-1);
  });

  it("singular matrices: slogDet gives sign 0, solve/inverse throw SINGULAR naming the pivot", () => {
    const S = matrix([[1, 2], [2, 4]]);
    expect(slogDet(S)).toEqual({ sign: 0, logAbsDet: -Infinity });
    expect(det(S)).toBe(0);
    const e = qgeomError(() => inverse(S, "K"));
    expect(e.code).toBe("SINGULAR");
    expect(e.message).toMatch(/^K \(2×2\) is singular to working precision: LU pivot 2 of 2/);
    expect(qgeomError(() => solve(matrix([[1, 1], [1, 1 + 1e-17]]), new Float64Array([1, 2]))).code).toBe("SINGULAR");
  });

  it("determinant survives intermediate overflow; slogDet handles sizes whose det overflows", () => {
    // pivots 1e300 · 1e300 overflow before the 1e-300 brings the product back to 1e300
    expect(det(matrix([[1e300, 0, 0], [0, 1e300, 0], [0, 0, 1e-300]])) / 1e300).toBeCloseTo(1, 12);
    const n = 400;
    const D = identity(n);
    for (let i = 0; i < n; i++) D.data[i * n + i] = 10;
    const sl = slogDet(D);
    expect(sl.sign).toBe(1);
    expect(sl.logAbsDet).toBeCloseTo(n * Math.log(10), 9);
  });
});

describe("properties on random SPD matrices", () => {
  const wellConditioned = spdMatrix({ n: { min: 1, max: 10 } });
  const ill = spdMatrix({ n: { min: 2, max: 10 }, maxCond: 1e8, construction: "spectral" });

  it("Cholesky: L lower triangular, positive diagonal, ‖L Lᵀ − A‖_F ≤ 1e-14 ‖A‖_F (also at cond 1e8)", () => {
    for (const arb of [wellConditioned, ill]) {
      fc.assert(
        fc.property(arb, (A) => {
          const L = cholesky(A);
          const n = A.rows;
          for (let i = 0; i < n; i++) {
            expect(L.data[i * n + i]).toBeGreaterThan(0);
            for (let j = i + 1; j < n; j++) expect(L.data[i * n + j]).toBe(0);
          }
          expect(relErr(matmul(L, transpose(L)), A)).toBeLessThan(1e-14 * n);
        }),
      );
    }
  });

  it("solve and inverse residuals: ‖A X − B‖ ≤ 1e-13 ‖A‖‖X‖ (backward stable), cond up to 1e8", () => {
    fc.assert(
      fc.property(ill, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), (A, bs) => {
        const n = A.rows;
        const b = Float64Array.from(bs.slice(0, n));
        const x = solve(A, b);
        const r = matmul(A, { rows: n, cols: 1, data: x });
        let res = 0, xn = 0, an = 0, bn = 0;
        for (let i = 0; i < n; i++) {
          res = Math.max(res, Math.abs(r.data[i]! - b[i]!));
          xn = Math.max(xn, Math.abs(x[i]!));
          bn = Math.max(bn, Math.abs(b[i]!));
        }
        for (const v of A.data) an = Math.max(an, Math.abs(v));
        expect(res).toBeLessThanOrEqual(1e-13 * n * an * xn + 1e-300);
        const Ainv = inverse(A);
        const I = matmul(A, Ainv);
        let xinv = 0;
        for (const v of Ainv.data) xinv = Math.max(xinv, Math.abs(v));
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
          expect(Math.abs(I.data[i * n + j]! - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-13 * n * an * xinv);
        }
        // Cholesky solve agrees with LU solve to the forward-error bound cond·ε
        const y = choleskySolve(cholesky(A), b);
        for (let i = 0; i < n; i++) expect(Math.abs(y[i]! - x[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(xn, 1e-300));
      }),
    );
  });

  it("logDet (Cholesky) equals slogDet (LU) and is additive: log det(A²) = 2 log det A", () => {
    fc.assert(
      fc.property(wellConditioned, (A) => {
        const l = logDet(A);
        const s = slogDet(A);
        expect(s.sign).toBe(1);
        expect(Math.abs(l - s.logAbsDet)).toBeLessThan(1e-12 * Math.max(1, Math.abs(l)));
        expect(Math.abs(slogDet(matmul(A, A)).logAbsDet - 2 * l)).toBeLessThan(1e-10 * Math.max(1, Math.abs(l)));
      }),
    );
  });
});

describe("Cholesky errors", () => {
  it("names the failing pivot and its value", () => {
    const e = qgeomError(() => cholesky(matrix([[4, 2, 0], [2, 1, 0], [0, 0, 1]]), { name: "scale" }));
    expect(e.code).toBe("NOT_POSITIVE_DEFINITE");
    expect(e.message).toBe(
      "scale (3×3) is not positive definite: Cholesky failed at pivot 2 of 3 (value 0); pass a symmetric positive-definite matrix",
    );
    const e2 = qgeomError(() => cholesky(matrix([[1, 0], [0, -0.02]])));
    expect(e2.message).toContain("pivot 2 of 2 (value -0.02)");
  });

  it("rejects non-symmetric, non-square, non-finite and malformed input", () => {
    expect(qgeomError(() => cholesky(matrix([[2, 1], [0, 2]]))).code).toBe("NOT_SYMMETRIC");
    expect(qgeomError(() => cholesky(matrix([[2, 1]]))).code).toBe("SHAPE");
    expect(qgeomError(() => cholesky({ rows: 1, cols: 1, data: new Float64Array([NaN]) })).code).toBe("NOT_FINITE");
    expect(qgeomError(() => cholesky({ rows: 2, cols: 2, data: new Float64Array(3) })).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => logDet(matrix([[-1]]))).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => solve(matrix([[1, 0], [0, 1]]), new Float64Array(3))).code).toBe("SHAPE");
    expect(qgeomError(() => choleskySolve(matrix([[1]]), matrix([[1], [2]]))).code).toBe("SHAPE");
  });
});
