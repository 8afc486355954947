// Bures distance = Gaussian W₂ (MATH.md §3.6, V12): symmetry of the fidelity term, its three forms,
// the triangle inequality, W₂² of centred Gaussians, and B² = 2(1 − √F) for density matrices.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CMatrix, cmatrix } from "../../src/linalg/index.js";
import { densityMatrix, hpdMatrix, spdMatrix } from "../../src/testing/index.js";
import {
  buresDistance,
  buresDistanceSquared,
  densityBuresDistanceSquared,
  fidelityTerm,
  gaussianBrenierMap,
  uhlmannFidelity,
} from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { relErr } from "./helpers.js";

const spd = (n: { min: number; max: number }) => fc.integer(n).chain((d) => fc.tuple(spdMatrix({ n: d }), spdMatrix({ n: d }), spdMatrix({ n: d })));

describe("V12 on random SPD matrices (dimensions 2–6)", () => {
  it("the fidelity term is symmetric and its sandwich, nuclear-norm and eigenvalue forms agree (N, 1e-8)", () => {
    fc.assert(
      fc.property(spd({ min: 2, max: 6 }), ([A, B]) => {
        const f = fidelityTerm(A, B, "sandwich");
        expect(relErr(fidelityTerm(B, A, "sandwich"), f)).toBeLessThanOrEqual(1e-8);
        expect(relErr(fidelityTerm(A, B, "nuclear"), f)).toBeLessThanOrEqual(1e-8);
        expect(relErr(fidelityTerm(A, B, "eigen"), f)).toBeLessThanOrEqual(1e-8);
      }),
    );
  });
  it("B² is W₂² between centred Gaussians, and B is a metric: symmetry, B(A, A) = 0, triangle inequality", () => {
    fc.assert(
      fc.property(spd({ min: 2, max: 6 }), ([A, B, C]) => {
        const n = A.rows;
        const z = new Array(n).fill(0);
        const b2 = buresDistanceSquared(A, B);
        let scale = 0;
        for (let i = 0; i < n; i++) scale += A.data[i * n + i]! + B.data[i * n + i]!;
        expect(Math.abs(b2 - gaussianBrenierMap(z, A, z, B).w2sq)).toBeLessThanOrEqual(1e-10 * scale);
        expect(Math.abs(b2 - buresDistanceSquared(B, A))).toBeLessThanOrEqual(1e-10 * scale);
        expect(buresDistance(A, A)).toBeLessThanOrEqual(1e-6 * Math.sqrt(scale));
        expect(buresDistance(A, C)).toBeLessThanOrEqual(buresDistance(A, B) + buresDistance(B, C) + 1e-9 * Math.sqrt(scale));
      }),
    );
  });
  it("is unitarily invariant but not congruence invariant (MATH §5.6)", () => {
    const A = [[2, 0.3], [0.3, 1]], B = [[1, -0.2], [-0.2, 3]];
    const Q = [[0.6, -0.8], [0.8, 0.6]], G = [[2, 1], [0, 1]];
    const conj = (M: number[][], X: number[][]): number[][] => {
      const MX = M.map((r) => X[0]!.map((_, j) => r.reduce((s, v, k) => s + v * X[k]![j]!, 0)));
      return MX.map((r) => M.map((m) => r.reduce((s, v, k) => s + v * m[k]!, 0)));
    };
    expect(relErr(buresDistance(conj(Q, A), conj(Q, B)), buresDistance(A, B))).toBeLessThanOrEqual(1e-12);
    expect(relErr(buresDistance(conj(G, A), conj(G, B)), buresDistance(A, B))).toBeGreaterThan(1e-3);
  });
});

describe("density matrices", () => {
  it("B²(ρ, σ) = 2(1 − √F(ρ, σ)) with Uhlmann fidelity, F ∈ [0, 1], F(ρ, ρ) = 1 (N, 1e-8)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(densityMatrix({ n }), densityMatrix({ n }))), ([rho, sigma]) => {
        const F = uhlmannFidelity(rho, sigma);
        expect(F).toBeGreaterThanOrEqual(0);
        expect(F).toBeLessThanOrEqual(1);
        expect(Math.abs(buresDistanceSquared(rho, sigma) - densityBuresDistanceSquared(rho, sigma))).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(uhlmannFidelity(rho, rho) - 1)).toBeLessThanOrEqual(1e-8);
        // the three forms of the fidelity term agree for complex Hermitian input as well
        const f = fidelityTerm(rho, sigma);
        expect(relErr(fidelityTerm(rho, sigma, "nuclear"), f)).toBeLessThanOrEqual(1e-8);
        expect(relErr(fidelityTerm(rho, sigma, "eigen"), f)).toBeLessThanOrEqual(1e-8);
        expect(relErr(fidelityTerm(sigma, rho), f)).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: 50 },
    );
  });
  it("pure states: F = |⟨ψ|φ⟩|²", () => {
    const psi = [0.6, 0.8], phi = [Math.SQRT1_2, Math.SQRT1_2];
    const proj = (v: number[]): CMatrix => cmatrix({ re: v.map((a) => v.map((b) => a * b)) });
    const F = uhlmannFidelity(proj(psi), proj(phi));
    expect(F).toBeCloseTo((0.6 * Math.SQRT1_2 + 0.8 * Math.SQRT1_2) ** 2, 10);
  });
  it("rejects a matrix of trace ≠ 1 or an indefinite one", () => {
    expect(qgeomError(() => uhlmannFidelity([[1, 0], [0, 1]], [[0.5, 0], [0, 0.5]])).code).toBe("DOMAIN");
    expect(qgeomError(() => buresDistance([[1, 2], [2, 1]], [[1, 0], [0, 1]])).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => buresDistance([[1, 0], [0, 1]], [[1]])).code).toBe("SHAPE");
  });
  it("HPD Gaussians: the complex fidelity term is symmetric", () => {
    fc.assert(
      fc.property(fc.tuple(hpdMatrix({ n: 3 }), hpdMatrix({ n: 3 })), ([A, B]) => {
        expect(relErr(fidelityTerm(A, B), fidelityTerm(B, A))).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: 30 },
    );
  });
});
