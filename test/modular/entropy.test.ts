// V21 (MATH §1.9, §6.6, §6.8): Araki = Umegaki relative entropy (three routes), the Connes-cocycle
// derivative, Klein's inequality (with Pinsker as the quantitative "iff"), joint convexity,
// monotonicity under partial traces and random CPTP maps, support condition (+∞), natural log.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CMatrix, cadd, cmatmul, conjTranspose, cscale, csub, ctrace, eigvalsh, frobeniusNorm } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { Rng, randomUnitary } from "../../src/random/index.js";
import { condOf, dim, fromSpectrum, spectrum, stateOf } from "./arbitraries.js";
import { unitaryMatrix } from "../../src/testing/index.js";

const pairArb = dim.chain((n) => fc.tuple(stateOf(n), stateOf(n)));

/** Relative-entropy tolerance: N 1e-10 relative (plus 1e-12 absolute), widened to the conditioning
 * of log σ on the smallest eigenvalue, ε·‖σ‖/λ_min(σ) (≈ 2e-6 absolute on log q_min for 1e-10). */
function tolFor(pSigma: Float64Array, value: number): number {
  return 1e-10 * Math.max(1, Math.abs(value)) + 1e-12 + 4 * 2 ** -52 * condOf(pSigma);
}

describe("Araki = Umegaki (V21)", () => {
  it("−⟨Ω, log Δ_{σ,ρ} Ω⟩ = tr ρ(log ρ − log σ), also through the n²×n² matrix of log Δ_{σ,ρ} (both vec conventions)", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
        const u = M.relativeEntropy(rho, sigma);
        const ar = M.arakiRelativeEntropy(rho, sigma);
        expect(Math.abs(u - ar)).toBeLessThan(tolFor(b.p, u));
        // direct trace formula with the matrix logs
        const D = csub(M.logDensity(rho) as CMatrix, M.logDensity(sigma) as CMatrix);
        const direct = ctrace(cmatmul(a.rho, D)).re;
        expect(Math.abs(u - direct)).toBeLessThan(tolFor(b.p, u) + tolFor(a.p, u));
        for (const c of ["column", "row"] as const) {
          const L = M.logRelativeModularOperatorMatrix(sigma, rho, c);
          const v = M.vec(M.omega(rho), c);
          const Lv = cmatmul(L, v);
          const q = cmatmul(conjTranspose(v), Lv);
          expect(Math.abs(-q.re[0]! - u)).toBeLessThan(tolFor(b.p, u) + tolFor(a.p, u));
          expect(Math.abs(q.im[0]!)).toBeLessThan(1e-10);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("S(ρ‖σ) = i d/dt ω_ρ(u_t)|₀ with u_t = (Dσ:Dρ)_t (central differences, FD 1e-5)", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
        const h = 1e-5;
        const w = (t: number) => ctrace(cmatmul(a.rho, M.connesCocycle(sigma, rho, t)));
        const wp = w(h), wm = w(-h);
        // i (ω(u_h) − ω(u_{−h}))/(2h): real part −Im(...)/(2h)
        const fd = -(wp.im - wm.im) / (2 * h);
        const u = M.relativeEntropy(rho, sigma);
        const k = Math.max(Math.log(condOf(a.p)), Math.log(condOf(b.p)), 1);
        expect(Math.abs(fd - u) / Math.max(1, u)).toBeLessThan(1e-5 * Math.max(1, (k / 5) ** 3));
      }),
      { numRuns: 40 },
    );
  });
});

describe("Klein, convexity, monotonicity (V21)", () => {
  function traceNorm(A: CMatrix): number {
    return Array.from(eigvalsh(A)).reduce((s, v) => s + Math.abs(v), 0);
  }

  it("Klein: S(ρ‖σ) ≥ ½‖ρ − σ‖₁² (Pinsker) ≥ 0, and S(ρ‖ρ) = 0", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
        const u = M.relativeEntropy(rho, sigma);
        const d = traceNorm(csub(a.rho, b.rho));
        expect(u).toBeGreaterThanOrEqual(0.5 * d * d - tolFor(b.p, u));
        expect(Math.abs(M.relativeEntropy(rho, rho))).toBeLessThan(1e-12);
        expect(Math.abs(M.arakiRelativeEntropy(rho, rho))).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it("joint convexity on random mixtures", () => {
    fc.assert(
      fc.property(
        dim.chain((n) => fc.tuple(stateOf(n), stateOf(n), stateOf(n), stateOf(n), fc.integer({ min: 1, max: 99 }))),
        ([r1, s1, r2, s2, k]) => {
          const l = k / 100;
          const mix = (A: CMatrix, B: CMatrix) => M.densityMatrix(cadd(cscale(A, l), cscale(B, 1 - l)), { normalize: true });
          const lhs = M.relativeEntropy(mix(r1.rho, r2.rho), mix(s1.rho, s2.rho));
          const rhs = l * M.relativeEntropy(M.densityMatrix(r1.rho), M.densityMatrix(s1.rho)) + (1 - l) * M.relativeEntropy(M.densityMatrix(r2.rho), M.densityMatrix(s2.rho));
          expect(lhs).toBeLessThanOrEqual(rhs + tolFor(s1.p, rhs) + tolFor(s2.p, rhs));
        },
      ),
      { numRuns: 40 },
    );
  });

  const bipartite = fc.constantFrom<[number, number]>([2, 2], [2, 3], [3, 2], [2, 4], [4, 2]);
  it("monotonicity under the partial traces tr_A and tr_B (ℂ^{dA} ⊗ ℂ^{dB}, dA·dB ≤ 8)", () => {
    fc.assert(
      fc.property(bipartite.chain((d) => fc.tuple(fc.constant(d), stateOf(d[0] * d[1]), stateOf(d[0] * d[1]))), ([d, a, b]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
        const full = M.relativeEntropy(rho, sigma);
        for (const keep of ["A", "B"] as const) {
          const ra = M.densityMatrix(M.partialTrace(a.rho, d, keep), { requireFaithful: false });
          const sa = M.densityMatrix(M.partialTrace(b.rho, d, keep), { requireFaithful: false });
          expect(M.relativeEntropy(ra, sa)).toBeLessThanOrEqual(full + tolFor(b.p, full));
        }
      }),
      { numRuns: 50 },
    );
  });

  it("monotonicity under random CPTP maps Φ(X) = Σ K_e X K_e* (Kraus from a random Stinespring isometry)", () => {
    fc.assert(
      fc.property(
        dim.chain((n) => fc.tuple(stateOf(n), stateOf(n), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))),
        ([a, b, dOut, k, seed]) => {
          const n = a.rho.rows;
          // isometry V: ℂ^n → ℂ^{dOut} ⊗ ℂ^k from the first n columns of a Haar unitary (needs dOut·k ≥ n)
          const N = Math.max(dOut * k, n);
          const kk = Math.ceil(N / dOut);
          const U = randomUnitary(new Rng(seed), dOut * kk);
          const V: CMatrix = { rows: dOut * kk, cols: n, re: new Float64Array(dOut * kk * n), im: new Float64Array(dOut * kk * n) };
          for (let r = 0; r < dOut * kk; r++) for (let c = 0; c < n; c++) {
            V.re[r * n + c] = U.re[r * dOut * kk + c]!;
            V.im[r * n + c] = U.im[r * dOut * kk + c]!;
          }
          const kraus = M.krausFromIsometry(V, dOut);
          expect(M.krausDefect(kraus)).toBeLessThan(1e-12);
          const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
          const pr = M.densityMatrix(M.applyKraus(kraus, a.rho), { requireFaithful: false, traceTol: 1e-12 });
          const ps = M.densityMatrix(M.applyKraus(kraus, b.rho), { requireFaithful: false, traceTol: 1e-12 });
          const full = M.relativeEntropy(rho, sigma);
          expect(M.relativeEntropy(pr, ps)).toBeLessThanOrEqual(full + tolFor(b.p, full));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("support condition, natural log, entropy", () => {
  it("+∞ when supp ρ ⊄ supp σ; finite (0 log 0 = 0) when supp ρ ⊂ supp σ", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(unitaryMatrix({ n }), fc.array(fc.integer({ min: 10, max: 1000 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 10, max: 1000 }), { minLength: n, maxLength: n }))),
        ([U, w1, w2]) => {
          const n = U.rows;
          // σ of rank n − 1 (kernel e_0 in U's basis); ρ supported in supp σ, or full rank
          const q = spectrum(w2, "regular");
          q[0] = 0;
          const s = q.reduce((x, y) => x + y, 0);
          const sigmaM = fromSpectrum(U, q.map((v) => v / s));
          const sigma = M.densityMatrix(sigmaM, { requireFaithful: false });
          expect(sigma.faithful).toBe(false);
          const pFull = spectrum(w1, "regular");
          const rhoFull = M.densityMatrix(fromSpectrum(U, pFull));
          expect(M.relativeEntropy(rhoFull, sigma)).toBe(Infinity);
          const pIn = Float64Array.from(pFull);
          pIn[0] = 0;
          const t = pIn.reduce((x, y) => x + y, 0);
          const rhoIn = M.densityMatrix(fromSpectrum(U, pIn.map((v) => v / t)), { requireFaithful: false });
          const v = M.relativeEntropy(rhoIn, sigma);
          expect(Number.isFinite(v)).toBe(true);
          // commuting case: classical KL Σ p log(p/q) over the support
          let kl = 0;
          for (let k = 1; k < n; k++) kl += (pIn[k]! / t) * Math.log(pIn[k]! / t / (q[k]! / s));
          expect(Math.abs(v - kl)).toBeLessThan(1e-10);
          expect(() => M.arakiRelativeEntropy(rhoIn, sigma)).toThrow(/singular/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("natural log: S(ρ‖I/n) = log n − S(ρ), S(I/n) = log n, qubit S = h((1+r)/2)", () => {
    fc.assert(
      fc.property(dim.chain((n) => stateOf(n)), (a) => {
        const n = a.rho.rows;
        const rho = M.densityMatrix(a.rho);
        const S = M.vonNeumannEntropy(rho);
        expect(Math.abs(M.relativeEntropy(rho, M.maximallyMixed(n)) - (Math.log(n) - S))).toBeLessThan(1e-12);
        expect(Math.abs(M.vonNeumannEntropy(M.maximallyMixed(n)) - Math.log(n))).toBeLessThan(1e-14);
        const sum = Array.from(a.p).reduce((s, p) => s - p * Math.log(p), 0);
        expect(Math.abs(S - sum)).toBeLessThan(1e-12);
      }),
      { numRuns: 30 },
    );
    const r = 0.6;
    const p = (1 + r) / 2;
    expect(Math.abs(M.vonNeumannEntropy(M.densityFromBloch([0, 0.6, 0])) - (-p * Math.log(p) - (1 - p) * Math.log(1 - p)))).toBeLessThan(1e-15);
    expect(frobeniusNorm(M.densityFromBloch([0.6, 0, 0]).matrix)).toBeGreaterThan(0);
  });
});
