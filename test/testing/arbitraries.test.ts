// The arbitraries deliver what they promise (checked with qgeom's own eigensolver, which is
// tested independently against SciPy/mpmath in test/linalg).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky, eigvalsh, hermitianDefect, symmetryDefect } from "../../src/linalg/index.js";
import {
  densityMatrix,
  hermitianMatrix,
  hpdMatrix,
  orthogonalMatrix,
  spdMatrix,
  symmetricMatrix,
  unitaryMatrix,
  wishartParams,
} from "../../src/testing/index.js";
import { qgeomError, unitarityDefect } from "../helpers/matrix.js";

const finite = (xs: Float64Array) => xs.every(Number.isFinite);

describe("spdMatrix / hpdMatrix", () => {
  it("default (gram): exactly symmetric, finite, λ_min ≥ 1e-3, cond ≤ 1e4, n in range", () => {
    fc.assert(
      fc.property(spdMatrix({ n: { min: 1, max: 7 } }), (A) => {
        expect(A.rows).toBeGreaterThanOrEqual(1);
        expect(A.rows).toBeLessThanOrEqual(7);
        expect(finite(A.data)).toBe(true);
        expect(symmetryDefect(A)).toBe(0);
        const lam = eigvalsh(A);
        expect(lam[0]!).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-10));
        expect(lam[lam.length - 1]! / lam[0]!).toBeLessThanOrEqual(1e4 * (1 + 1e-10));
      }),
    );
  });

  it("gram with tight bounds (minEig 0.5, maxCond 3) respects both", () => {
    fc.assert(
      fc.property(spdMatrix({ n: 5, minEig: 0.5, maxCond: 3 }), (A) => {
        const lam = eigvalsh(A);
        expect(lam[0]!).toBeGreaterThanOrEqual(0.5 * (1 - 1e-10));
        expect(lam[4]! / lam[0]!).toBeLessThanOrEqual(3 * (1 + 1e-10));
      }),
    );
  });

  it("spectral: condition number is maxCond and λ_min is minEig (to rounding), also at 1e8", () => {
    for (const maxCond of [1e4, 1e8]) {
      fc.assert(
        fc.property(spdMatrix({ n: { min: 2, max: 6 }, minEig: 0.01, maxCond, construction: "spectral" }), (A) => {
          const lam = eigvalsh(A);
          expect(Math.abs(lam[0]! / 0.01 - 1)).toBeLessThan(1e-12 * maxCond);
          expect(Math.abs(lam[lam.length - 1]! / (0.01 * maxCond) - 1)).toBeLessThan(1e-12);
        }),
        { numRuns: 50 },
      );
    }
  });

  it("hpdMatrix: exactly Hermitian (real diagonal), bounds hold, both constructions", () => {
    for (const construction of ["gram", "spectral"] as const) {
      fc.assert(
        fc.property(hpdMatrix({ n: { min: 1, max: 6 }, minEig: 0.1, maxCond: 100, construction }), (A) => {
          expect(finite(A.re) && finite(A.im)).toBe(true);
          expect(hermitianDefect(A)).toBe(0);
          const lam = eigvalsh(A);
          expect(lam[0]!).toBeGreaterThanOrEqual(0.1 * (1 - 1e-10));
          expect(lam[lam.length - 1]! / lam[0]!).toBeLessThanOrEqual(100 * (1 + 1e-10));
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe("symmetric / Hermitian / density / orthogonal / unitary / Wishart parameters", () => {
  it("symmetricMatrix and hermitianMatrix are exact and bounded by scale", () => {
    fc.assert(
      fc.property(symmetricMatrix({ n: 4, scale: 3 }), hermitianMatrix({ n: { min: 1, max: 5 }, scale: 2 }), (S, H) => {
        expect(symmetryDefect(S)).toBe(0);
        expect(Math.max(...Array.from(S.data, Math.abs))).toBeLessThanOrEqual(3);
        expect(hermitianDefect(H)).toBe(0);
        expect(Math.max(...Array.from(H.re, Math.abs), ...Array.from(H.im, Math.abs))).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("densityMatrix: Hermitian, trace 1, λ_min ≥ minEig", () => {
    fc.assert(
      fc.property(densityMatrix({ n: { min: 1, max: 6 }, minEig: 1e-3 }), (rho) => {
        let tr = 0, tri = 0;
        for (let i = 0; i < rho.rows; i++) {
          tr += rho.re[i * rho.rows + i]!;
          tri += rho.im[i * rho.rows + i]!;
        }
        expect(Math.abs(tr - 1)).toBeLessThan(1e-14);
        expect(tri).toBe(0);
        expect(hermitianDefect(rho)).toBe(0);
        expect(eigvalsh(rho)[0]!).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-10));
      }),
    );
  });

  it("orthogonalMatrix / unitaryMatrix are orthonormal to rounding", () => {
    fc.assert(
      fc.property(orthogonalMatrix({ n: { min: 1, max: 6 } }), unitaryMatrix({ n: { min: 1, max: 6 } }), (O, U) => {
        expect(unitarityDefect(O)).toBeLessThan(1e-14 * O.rows);
        expect(unitarityDefect(U)).toBeLessThan(1e-14 * U.rows);
      }),
    );
  });

  it("wishartParams: real df > p − 1 and an SPD scale of size p", () => {
    fc.assert(
      fc.property(wishartParams({ p: { min: 1, max: 5 } }), ({ p, df, scale }) => {
        expect(df).toBeGreaterThan(p - 1);
        expect(df).toBeLessThanOrEqual(p - 1 + 20);
        expect(scale.rows).toBe(p);
        expect(() => cholesky(scale)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(wishartParams({ p: 3, minExcess: 2, maxExcess: 2.5, scale: { maxCond: 10 } }), ({ df, scale }) => {
        expect(df).toBeGreaterThanOrEqual(4);
        expect(df).toBeLessThanOrEqual(4.5);
        const lam = eigvalsh(scale);
        expect(lam[2]! / lam[0]!).toBeLessThanOrEqual(10 * (1 + 1e-10));
      }),
    );
  });
});

describe("option validation", () => {
  it("rejects invalid options eagerly with named messages", () => {
    expect(qgeomError(() => spdMatrix({ n: 0 })).message).toContain("spdMatrix: n must be an integer");
    expect(qgeomError(() => spdMatrix({ n: { min: 3, max: 2 } })).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => spdMatrix({ n: 2, minEig: -1 })).message).toContain("minEig");
    expect(qgeomError(() => spdMatrix({ n: 2, maxCond: 1 })).message).toContain("maxCond must be a finite number > 1");
    expect(qgeomError(() => hpdMatrix({ n: 2, construction: "qr" as "gram" })).message).toContain("construction");
    expect(qgeomError(() => densityMatrix({ n: 4, minEig: 0.25 })).message).toContain("must be below 1/n");
    expect(qgeomError(() => densityMatrix({ n: { min: 1, max: 10 }, minEig: 0.2 })).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => wishartParams({ p: 2, minExcess: 3, maxExcess: 1 })).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => symmetricMatrix({ n: 2, scale: 0 })).code).toBe("INVALID_ARGUMENT");
  });
});
