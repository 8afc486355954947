// MATH.md §8.6: the three readings of "Monge–Ampère domain" for the claims R1–R6, each with the verdict of
// the table and, where a reading fails, a counterexample.
import { describe, expect, it } from "vitest";
import * as cones from "../../src/cones/index.js";
import * as bz from "../../src/boltzmann/index.js";
import { type Matrix, det as ldet, matmul, transpose } from "../../src/linalg/index.js";
import { Rng, normalMatrix } from "../../src/random/index.js";
import { expectClose } from "../boltzmann/helpers.js";

/** Sample points: UT coordinates of random SPD matrices G Gᵀ/p + s·I. */
function spdPoints(p: number, count: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, k) => {
    const G = normalMatrix(rng, p, p);
    const S = matmul(G, transpose(G));
    const X: Matrix = { rows: p, cols: p, data: S.data.map((x, i) => x / p + (i % (p + 1) === 0 ? 0.3 + 0.2 * k : 0)) };
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) X.data[j * p + i] = X.data[i * p + j]!;
    return cones.toCoordinates(X, "ut");
  });
}
const vecPoints = (d: number, count: number, seed: number, scale = 2): Float64Array[] => {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: d }, () => scale * (2 * rng.random() - 1)));
};

describe("§8.6 readings (i) MA-const, (ii) MA-exp(κ), (iii) MA-elliptic", () => {
  it("R1 categorical family: (i) no, (ii) no for any κ, (iii) yes", () => {
    for (const n of [1, 3]) {
      const r = cones.mongeAmpereReadings(bz.categoricalPotential(n), vecPoints(n, 8, n));
      expect(r.iii.holds).toBe(true);
      expect(r.i.holds).toBe(false);
      expect(r.i.counterexample!.points).toHaveLength(2);
      expect(r.ii.holds).toBe(false);
      expect(r.ii.detail).toMatch(/no κ works/);
    }
    // n = 1 with κ given: the ratio e^θ (1 + e^θ)^{−2−κ} is not constant for κ = 2 either
    expect(cones.mongeAmpereReadings(bz.categoricalPotential(1), vecPoints(1, 5, 9), { kappa: 2 }).ii.holds).toBe(false);
  });

  it("R1 (Gaussian covariance family, ψ = −½ log det K): (i) no; it is MA-exp with κ = 2(p+1) — one family where (ii) holds", () => {
    const r = cones.mongeAmpereReadings(cones.wishartPotential(2, 1), spdPoints(2, 6, 3));
    expect(r.i.holds).toBe(false);
    expect(r.ii.holds).toBe(true);
    expectClose(r.ii.kappa!, 6, 1e-8, 0, "κ = 2(p+1)/n");
  });

  it("R2 the cone with log φ (κ = 2, constant of §5.4) or ψ_n (κ = 2(p+1)/n): (i) no, (ii) yes, (iii) yes", () => {
    for (const p of [2, 3]) {
      const pts = spdPoints(p, 6, 10 + p);
      for (const coords of ["ut", "f"] as const) {
        const ptsC = coords === "ut" ? pts : pts.map((u) => cones.toCoordinates(cones.fromCoordinates(u, p, "real", "ut"), "f"));
        const r = cones.mongeAmpereReadings(cones.kvPotential(p, coords), ptsC);
        expect(r.i.holds).toBe(false);
        expect(r.ii.holds).toBe(true);
        expect(r.iii.holds).toBe(true);
        expectClose(r.ii.kappa!, 2, 1e-8, 0, "κ");
        const c = Number(/c = ([0-9.e+-]+)/.exec(r.ii.detail)![1]);
        expectClose(c, cones.maConstant(p, "real", coords).value, 1e-8, 0, "c");
      }
      for (const n of [p + 1, p + 3, 7.5]) {
        const w = cones.mongeAmpereReadings(cones.wishartPotential(p, n), pts);
        expect(w.ii.holds).toBe(true);
        expectClose(w.ii.kappa!, (2 * (p + 1)) / n, 1e-8, 0, `κ for n = ${n}`);
      }
    }
  });

  it("R3/R4 RG image cones: log φ_k on Sym_k is MA-exp(2); the pull-back log φ_k ∘ L_R keeps c for invertible R and degenerates for k < p", () => {
    const p = 3;
    const pts = spdPoints(p, 6, 21);
    const rng = new Rng(4);
    const Rsq = normalMatrix(rng, p, p);
    const inv = cones.mongeAmpereReadings(cones.pullbackPotential(Rsq), pts);
    expect(inv.ii.holds).toBe(true);
    expectClose(inv.ii.kappa!, 2, 1e-8, 0, "κ");
    // Ψ = log φ ∘ L_R = log φ − (p+1) log|det R|, so det D²Ψ(X) = c φ(X)² (MATH.md §5.5: the same c relative to
    // φ) = c (det L_R)² e^{2Ψ(X)}: as MA-exp of Ψ itself the constant is c·|det R|^{2(p+1)} (adding a constant to
    // the potential rescales c, §8.6 (ii))
    const cPsi = Number(/c = ([0-9.e+-]+)/.exec(inv.ii.detail)![1]);
    const c = cones.maConstant(p, "real", "ut").value;
    expectClose(cPsi, c * Math.exp(2 * (p + 1) * cones.logAbsDet(Rsq)), 1e-8, 0, "c (det L_R)²");
    for (const u of pts) {
      const X = cones.fromCoordinates(u, p, "real", "ut");
      const H = cones.pullbackPotential(Rsq).hessian!(u);
      expectClose(Math.log(ldet(H)), Math.log(c) + 2 * cones.logKoszulVinberg(X, "ut"), 1e-9, 1e-9, "det D²Ψ = c φ²");
    }
    // k < p: Hessian rank ≤ k(k+1)/2 < N, det = 0: convex but not strictly, so (ii) and (iii) fail
    const Rthin = normalMatrix(rng, 2, p);
    const thin = cones.mongeAmpereReadings(cones.pullbackPotential(Rthin), pts);
    expect(thin.iii.holds).toBe(false);
    expect(thin.iii.convex).toBe(true);
    expect(thin.ii.holds).toBe(false);
    expect(thin.i.holds).toBe(false);
    // the image cone itself (k = 2) with its own potential: MA-exp(2) with c_k
    const img = cones.mongeAmpereReadings(cones.kvPotential(2, "ut"), spdPoints(2, 6, 5));
    expect(img.ii.holds).toBe(true);
  });

  it("R5 Bernoulli RBM free energy (extended to ℝ^d): no reading holds (F is concave); −F is strictly convex iff rank W = d", () => {
    const model = bz.rbm({ W: [[1.2, -0.7, 0.3], [0.4, 0.9, -1.1]], a: [0.1, -0.2], c: [0.3, 0, -0.4] });
    const r = cones.mongeAmpereReadings(bz.freeEnergyPotential(model), vecPoints(2, 6, 1));
    expect(r.iii.holds).toBe(false);
    expect(r.iii.counterexample!.values[0]!).toBeLessThan(0);
    expect(r.i.holds || r.ii.holds).toBe(false);
    const neg = (m: bz.RBM) => {
      const P = bz.freeEnergyPotential(m);
      return cones.potential("−F", P.dim, (v) => -P.value(v), (v) => {
        const H = P.hessian!(v);
        return { rows: H.rows, cols: H.cols, data: H.data.map((x) => -x) };
      });
    };
    expect(cones.mongeAmpereReadings(neg(model), vecPoints(2, 6, 2)).iii.holds).toBe(true); // rank W = 2 = d
    const lowRank = bz.rbm({ W: [[1, 2], [2, 4]], a: [0, 0], c: [0, 0] }); // rank 1 < d = 2
    const lr = cones.mongeAmpereReadings(neg(lowRank), vecPoints(2, 6, 3));
    expect(lr.iii.holds).toBe(false);
    expect(lr.iii.convex).toBe(true);
  });

  it("R5′ Gaussian–Bernoulli: (iii) iff I − W D Wᵀ ≻ 0 (holds for ‖W‖₂ < 2, fails for the counterexample); (i) no generically", () => {
    const good = bz.rbm({ kind: "gaussian-bernoulli", W: [[0.9, -0.5], [0.3, 0.8]], a: [0, 0.2], c: [0.1, -0.3] });
    const r = cones.mongeAmpereReadings(bz.freeEnergyPotential(good), vecPoints(2, 8, 5));
    expect(r.iii.holds).toBe(true);
    expect(r.i.holds).toBe(false);
    expect(r.ii.holds).toBe(false);
    const { model, v } = bz.gbNonConvexExample(2, 6);
    const bad = cones.mongeAmpereReadings(bz.freeEnergyPotential(model), [v, ...vecPoints(2, 4, 6)]);
    expect(bad.iii.holds).toBe(false);
    expect(bad.iii.counterexample!.values[0]!).toBeLessThan(0);
  });

  it("R5″ Gaussian–Gaussian (‖W‖₂ < 1): (i) yes with det = det(I − WWᵀ), (ii) no, (iii) yes", () => {
    const model = bz.rbm({ kind: "gaussian-gaussian", W: [[0.5, 0.2], [-0.1, 0.4]], a: [0.3, -0.2], c: [0.1, 0.5] });
    const r = cones.mongeAmpereReadings(bz.freeEnergyPotential(model), vecPoints(2, 6, 7));
    expect(r.i.holds).toBe(true);
    expect(r.ii.holds).toBe(false);
    expect(r.iii.holds).toBe(true);
  });

  it("R6 fully visible log-partition ψ(θ): (i) no, (ii) no, (iii) yes (minimal family)", () => {
    const r = cones.mongeAmpereReadings(bz.logPartitionPotential(2), vecPoints(3, 8, 8, 1.5));
    expect(r.iii.holds).toBe(true);
    expect(r.i.holds).toBe(false);
    expect(r.ii.holds).toBe(false);
  });

  it("finite-difference Hessians give the same verdicts when no Hessian is supplied", () => {
    const P = cones.kvPotential(2, "ut");
    const r = cones.mongeAmpereReadings(cones.potential("log φ (FD)", P.dim, (u) => P.value(u)), spdPoints(2, 6, 30), { h: 1e-3 });
    expect(r.ii.holds).toBe(true);
    expectClose(r.ii.kappa!, 2, 1e-6, 0, "κ");
    expect(() => cones.mongeAmpereReadings(P, [new Float64Array(3)])).toThrow(/at least two sample points/);
  });
});
