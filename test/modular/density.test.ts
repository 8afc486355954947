// Density-matrix validation and constructors (MATH §6.2, §6.9, §6.10, P7.3), and bad input: every
// error is a QgeomError naming the argument.
import { describe, expect, it } from "vitest";
import { QgeomError } from "../../src/core/index.js";
import { type CMatrix, cmatmul, conjTranspose } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";

function err(f: () => unknown): QgeomError {
  try {
    f();
  } catch (e) {
    if (e instanceof QgeomError) return e;
    throw new Error(`expected a QgeomError, got ${String(e)}`);
  }
  throw new Error("expected a QgeomError, nothing was thrown");
}

const rho2 = { re: [[0.6, 0.1], [0.1, 0.4]], im: [[0, 0.2], [-0.2, 0]] };
const x2 = [[1, 2], [3, 4]];

describe("densityMatrix validation", () => {
  it("accepts real and complex states, stores the spectrum, keeps real input real", () => {
    const r = M.densityMatrix([[0.7, 0.2], [0.2, 0.3]]);
    expect(r.real).toBe(true);
    expect("data" in r.matrix).toBe(true);
    expect(r.faithful).toBe(true);
    const c = M.densityMatrix(rho2);
    expect(c.real).toBe(false);
    expect(c.eigenvalues[0]! + c.eigenvalues[1]!).toBeCloseTo(1, 14);
    expect(c.eigenvalues[0]!).toBeLessThan(c.eigenvalues[1]!);
    // ρ = V diag(p) V*
    const V = c.eigenvectors as CMatrix;
    const D: CMatrix = { rows: 2, cols: 2, re: Float64Array.of(c.eigenvalues[0]!, 0, 0, c.eigenvalues[1]!), im: new Float64Array(4) };
    const R = cmatmul(cmatmul(V, D), conjTranspose(V));
    expect(Math.abs(R.im[1]! - 0.2)).toBeLessThan(1e-15);
    // a validated state passes through
    expect(M.densityMatrix(c)).toBe(c);
  });

  it("non-Hermitian: NOT_HERMITIAN / NOT_SYMMETRIC naming the argument", () => {
    const e = err(() => M.densityMatrix({ re: [[0.5, 0.1], [0.1, 0.5]], im: [[0, 0.2], [0.2, 0]] }));
    expect(e.code).toBe("NOT_HERMITIAN");
    expect(e.message).toMatch(/^rho \(2×2\) is not Hermitian/);
    const e2 = err(() => M.modularFlow([[0.5, 0.2], [0.1, 0.5]], x2, 1));
    expect(e2.code).toBe("NOT_SYMMETRIC");
    expect(e2.message).toMatch(/^rho /);
    const e3 = err(() => M.relativeEntropy(rho2, [[0.5, 0.3], [0.1, 0.5]]));
    expect(e3.message).toMatch(/^sigma /);
  });

  it("indefinite: NOT_POSITIVE_DEFINITE with the smallest eigenvalue", () => {
    const e = err(() => M.densityMatrix([[1.2, 0], [0, -0.2]]));
    expect(e.code).toBe("NOT_POSITIVE_DEFINITE");
    expect(e.message).toMatch(/rho .* indefinite: smallest eigenvalue -2\.000e-1/);
    expect(err(() => M.densityMatrix([[1.2, 0], [0, -0.2]], { requireFaithful: false })).code).toBe("NOT_POSITIVE_DEFINITE");
  });

  it("trace ≠ 1: INVALID_ARGUMENT unless normalisation is asked", () => {
    const e = err(() => M.densityMatrix([[1.4, 0.2], [0.2, 0.6]]));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toMatch(/rho \(2×2\) has trace 2/);
    const s = M.densityMatrix([[1.4, 0.2], [0.2, 0.6]], { normalize: true });
    expect(s.eigenvalues[0]! + s.eigenvalues[1]!).toBeCloseTo(1, 14);
    expect((s.matrix as { data: Float64Array }).data[0]).toBeCloseTo(0.7, 15);
    expect(err(() => M.densityMatrix([[0, 0], [0, 0]], { normalize: true })).code).toBe("NOT_POSITIVE_DEFINITE");
    // within the trace tolerance
    expect(M.densityMatrix([[0.5 + 1e-12, 0], [0, 0.5]]).n).toBe(2);
  });

  it("singular ρ where ρ⁻¹ is needed: SINGULAR naming the argument and the operation", () => {
    const pure = [[1, 0], [0, 0]];
    const e = err(() => M.densityMatrix(pure));
    expect(e.code).toBe("SINGULAR");
    expect(e.message).toMatch(/^rho is singular/);
    const s = M.densityMatrix(pure, { requireFaithful: false });
    expect(s.faithful).toBe(false);
    expect(Array.from(s.eigenvalues)).toEqual([0, 1]);
    for (const [f, op] of [
      [() => M.modularOperator(s, x2), "modularOperator"],
      [() => M.modularFlow(s, x2, 0.3), "modularFlow"],
      [() => M.tomitaS(s, x2), "tomitaS"],
      [() => M.logDensity(s), "logDensity"],
      [() => M.kmsDefect(s, x2, x2), "kmsDefect"],
      [() => M.arakiConeCoordinate(s, 0.25, x2), "arakiConeCoordinate"],
      [() => M.densityPower(s, -0.5), "densityPower"],
    ] as const) {
      const er = err(f);
      expect(er.code, op).toBe("SINGULAR");
      expect(er.message, op).toMatch(/^(densityPower: )?rho is singular|rho is singular/);
      expect(er.message, op).toContain(op);
    }
    const es = err(() => M.relativeModularOperator(s, M.densityMatrix(rho2), x2));
    expect(es.message).toMatch(/^sigma is singular/);
    // functions that accept a PSD state
    expect(M.vonNeumannEntropy(s)).toBe(0);
    expect(M.relativeEntropy(s, s)).toBe(0);
    expect(M.isInNaturalCone(pure)).toBe(true);
    expect(M.densityPower(s, 0.5)).toBeTruthy();
  });

  it("shape, finiteness and parameter errors", () => {
    expect(err(() => M.densityMatrix([[1, 0, 0], [0, 0, 1]])).code).toBe("SHAPE");
    expect(err(() => M.modularFlow(rho2, [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 1)).message).toMatch(/^x is 3×3 but the state is 2×2/);
    expect(err(() => M.modularFlow(rho2, x2, NaN)).message).toMatch(/^t must be a finite real number/);
    expect(err(() => M.modularFlow(rho2, [[1, NaN], [0, 1]], 1)).code).toBe("NOT_FINITE");
    expect(err(() => M.arakiConeElement(rho2, 0.7, x2)).message).toMatch(/alpha must be a number in \[0, 1\/2\]/);
    expect(err(() => M.relativeEntropy(rho2, [[1, 0, 0], [0, 0, 0], [0, 0, 0]])).code).toBe("SHAPE");
    expect(err(() => M.densityMatrix("nope" as never)).code).toBe("INVALID_ARGUMENT");
    expect(err(() => M.modularFlow(rho2, { rows: 2, cols: 2, data: new Float64Array(3) }, 1)).message).toMatch(/^x must be a matrix/);
    expect(err(() => M.superoperatorMatrix("op" as never, 2)).code).toBe("INVALID_ARGUMENT");
    expect(err(() => M.vec(x2, "diagonal" as never)).message).toMatch(/convention must be "column" or "row"/);
    expect(err(() => M.modularFlowAt(M.densityMatrix([[1 - 1e-13, 0], [0, 1e-13]]), x2, { re: 0, im: -30 })).code).toBe("NOT_FINITE");
  });
});

describe("constructors", () => {
  it("Gibbs state e^{−βH}/Z: weights, exact log weights, β = 0 gives I/n, underflow is SINGULAR", () => {
    const H = { re: [[1, 0.5], [0.5, -1]], im: [[0, 0.3], [-0.3, 0]] };
    const s = M.gibbsState(H, 2);
    const w = Math.hypot(1, 0.5, 0.3);
    const Z = Math.exp(-2 * w) + Math.exp(2 * w);
    expect(Math.abs(s.eigenvalues[0]! - Math.exp(-2 * w) / Z)).toBeLessThan(1e-15);
    expect(Math.abs(s.logEigenvalues[0]! - (-2 * w - Math.log(Z)))).toBeLessThan(1e-14);
    expect(Math.abs(M.gibbsLogPartition(H, 2) - Math.log(Z))).toBeLessThan(1e-14);
    const zero = M.gibbsState(H, 0);
    expect(Array.from(zero.eigenvalues).every((v) => Math.abs(v - 0.5) < 1e-15)).toBe(true);
    // large β: log weights stay exact where the weights are tiny
    const cold = M.gibbsState([[0, 0], [0, 1]], 600);
    expect(cold.logEigenvalues[0]!).toBeCloseTo(-600, 10);
    expect(err(() => M.gibbsState([[0, 0], [0, 1]], 800)).code).toBe("SINGULAR");
    expect(err(() => M.gibbsState(H, Infinity)).message).toMatch(/beta must be a finite number/);
    expect(err(() => M.gibbsState([[0, 1], [0, 0]], 1)).message).toMatch(/^H /);
  });

  it("covariance Σ/tr Σ; Bloch vectors (I + r·σ)/2 and back; I/n", () => {
    const S = M.densityFromCovariance([[4, 1], [1, 2]]);
    expect((S.matrix as { data: Float64Array }).data[0]).toBeCloseTo(4 / 6, 15);
    expect(err(() => M.densityFromCovariance([[4, 3], [3, 2]])).message).toMatch(/^Sigma .*indefinite/);
    const b = M.densityFromBloch([0.3, -0.4, 0.5]);
    const r = M.blochVector(b);
    expect(r.map((v, k) => Math.abs(v - [0.3, -0.4, 0.5][k]!)).every((d) => d < 1e-15)).toBe(true);
    expect(M.densityFromBloch([0.3, 0, 0.5]).real).toBe(true);
    expect(err(() => M.densityFromBloch([0.8, 0.8, 0])).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(err(() => M.densityFromBloch([1, 0, 0])).code).toBe("SINGULAR");
    expect(M.densityFromBloch([1, 0, 0], { requireFaithful: false }).faithful).toBe(false);
    expect(err(() => M.densityFromBloch([1, 0] as never)).message).toMatch(/^r must be a Bloch vector/);
    const mm = M.maximallyMixed(4);
    expect(Array.from(mm.eigenvalues)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(M.isDensityMatrix(mm)).toBe(true);
    expect(M.isDensityMatrix({})).toBe(false);
  });
});
