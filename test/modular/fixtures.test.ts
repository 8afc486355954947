// Reference values from SciPy (scipy.linalg.logm / expm, Schur-based: an independent route from
// qgeom's eigh-based spectral calculus) and mpmath at 40 digits, produced by
// test/fixtures/modular/make_fixtures.py: flows σ_t(x), matrix logs, Liouvillean spectra,
// relative entropies (incl. +∞ and singular ρ), Gibbs states.
import { describe, expect, it } from "vitest";
import { cmatrix, matrix } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { fixture } from "../helpers/matrix.js";
import { EPS, rel } from "./arbitraries.js";

type Mat = number[][] | { re: number[][]; im: number[][] };
const m = (x: Mat) => (Array.isArray(x) ? matrix(x) : cmatrix(x));
const fx = fixture<{
  flows: { name: string; rho: Mat; x: Mat; logm: Mat; logm_mpmath: Mat; scipy_logm_vs_mpmath: number; logDeltaSpectrum: number[]; flows: { t: number; value: Mat; mpmath: Mat; scipy_vs_mpmath: number }[] }[];
  relativeEntropy: { name: string; rho: Mat; sigma: Mat; value: number | "Infinity"; mpmath?: number }[];
  gibbs: { H: Mat; beta: number; rho: Mat; logZ: number }[];
}>("modular/modular.json");

describe("SciPy / mpmath fixtures", () => {
  for (const c of fx.flows) {
    it(`flow and log: ${c.name}`, () => {
      const rho = M.densityMatrix(m(c.rho));
      const p = rho.eigenvalues;
      const kappa = p[p.length - 1]! / p[0]!;
      // Conditioning: λ_min is known to ~ε‖ρ‖ absolutely, so log λ_min to ~ε·κ (κ = 5e9 for
      // λ_min = 1e-10). Tolerances: log ρ, relative to ‖log ρ‖_F: 1e-12 + 4ε·κ/‖log ρ‖_F; σ_t(x):
      // 1e-12 + 2ε·κ·max(1, |t|). Against SciPy, add SciPy's own distance from mpmath (2e-8 for the
      // nearly singular cases, where scipy.linalg.logm is less accurate than the eigh route).
      const L = M.logDensity(rho);
      const tolL = 1e-12 + (4 * EPS * kappa) / Math.max(1, Math.hypot(...Array.from(rho.logEigenvalues)));
      expect(rel(L, m(c.logm_mpmath))).toBeLessThan(tolL);
      expect(rel(L, m(c.logm))).toBeLessThan(tolL + c.scipy_logm_vs_mpmath);
      for (const f of c.flows) {
        const flow = M.modularFlow(rho, m(c.x), f.t);
        const tol = 1e-12 + 2 * EPS * kappa * Math.max(1, Math.abs(f.t));
        expect(rel(flow, m(f.mpmath))).toBeLessThan(tol);
        expect(rel(flow, m(f.value))).toBeLessThan(tol + f.scipy_vs_mpmath);
      }
      const spec = M.liouvilleanSpectrum(rho);
      const scale = Math.max(1, Math.abs(c.logDeltaSpectrum[0]!));
      spec.forEach((v, k) => expect(Math.abs(v - c.logDeltaSpectrum[k]!) / scale).toBeLessThan(1e-12 + 4 * EPS * kappa));
    });
  }

  for (const r of fx.relativeEntropy) {
    it(`relative entropy: ${r.name}`, () => {
      const rho = M.densityMatrix(m(r.rho), { requireFaithful: false });
      const sigma = M.densityMatrix(m(r.sigma), { requireFaithful: false });
      const v = M.relativeEntropy(rho, sigma);
      if (r.value === "Infinity") {
        expect(v).toBe(Infinity);
        return;
      }
      // N 1e-12 relative for well-conditioned σ; for λ_min(σ) = 1e-10, log q_min is known to ε/λ_min
      // (≈ 2e-6), weighted by ρ's weight on that direction: 5e-8 relative. SciPy itself is off by 4e-9 there.
      const ps = sigma.eigenvalues;
      const tol = ps[0]! > 1e-6 ? 1e-12 : 5e-8;
      const ref = r.mpmath ?? r.value;
      expect(Math.abs(v - ref) / Math.max(1, Math.abs(ref))).toBeLessThan(tol);
      if (sigma.faithful && rho.faithful) {
        expect(Math.abs(M.arakiRelativeEntropy(rho, sigma) - ref) / Math.max(1, Math.abs(ref))).toBeLessThan(tol);
      }
    });
  }

  it("Gibbs states e^{−βH}/Z against scipy.linalg.expm", () => {
    for (const g of fx.gibbs) {
      const s = M.gibbsState(m(g.H), g.beta);
      expect(rel(s.matrix, m(g.rho))).toBeLessThan(1e-13);
      expect(Math.abs(M.gibbsLogPartition(m(g.H), g.beta) - g.logZ)).toBeLessThan(1e-13 * Math.max(1, Math.abs(g.logZ)));
    }
  });
});
