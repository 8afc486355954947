// V3 Gibbs variational principle (§2.4), V4 exponential-family identities (§2.5), V5 categorical
// Monge–Ampère identity, and the ±1-spin converter (§1.5).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { hessian, matrix, det, verify, exp, sub, mul, add, div, log, sym, num, type Expr } from "../../src/core/index.js";
import { inverse } from "../../src/linalg/index.js";
import { Rng, dirichlet } from "../../src/random/index.js";
import { allStates, bmArb, expectClose, rbmArb } from "./helpers.js";

const Tarb = fc.double({ min: 0.3, max: 3, noNaN: true });

describe("V3 Gibbs variational principle", () => {
  it("𝓕_T[q] ≥ −T log Z_T and KL(q‖P_T) = (𝓕_T[q] + T log Z_T)/T for random Dirichlet q (N)", () => {
    fc.assert(
      fc.property(fc.oneof(bmArb([2, 4], [0, 1]), rbmArb("bernoulli", { d: [1, 3], m: [1, 2] })), Tarb, fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0.2, max: 3, noNaN: true }), (model, T, seed, alpha) => {
        const E = bz.stateEnergies(model);
        const q = dirichlet(new Rng(seed), new Array(E.length).fill(alpha));
        const r = bz.gibbsVariational(E, q, { T });
        expect(r.gap).toBeGreaterThanOrEqual(-1e-12);
        expectClose(r.klFromGap, r.kl, 1e-10, 1e-12, "KL");
        expectClose(r.minusTLogZ, -T * bz.logPartition(model, { T }), 1e-12, 1e-12, "−T log Z");
      }),
      { numRuns: 60 },
    );
  });
  it("equality holds at the Boltzmann law and only there", () => {
    fc.assert(
      fc.property(bmArb([2, 4]), Tarb, (model, T) => {
        const E = bz.stateEnergies(model);
        const P = bz.boltzmannLaw(E, { T });
        const r = bz.gibbsVariational(E, P, { T });
        expect(Math.abs(r.gap)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(r.minusTLogZ)));
        // moving a little mass off P makes the gap strictly positive
        const q = P.map((x, k) => (k === 0 ? x * 0.9 : x + (P[0]! * 0.1) / (P.length - 1)));
        expect(bz.gibbsVariational(E, q, { T }).gap).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
  it("rejects q that is not a probability vector", () => {
    expect(() => bz.gibbsFunctional([0, 1], [0.5, 0.6])).toThrow(/sums to 1.1/);
    expect(() => bz.gibbsFunctional([0, 1], [1.5, -0.5])).toThrow(/q\[1\] = -0.5 is not a probability/);
    expect(() => bz.gibbsFunctional([0, 1, 2], [0.5, 0.5])).toThrow(/length 3/);
    expect(bz.klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
  });
});

const thetaArb = (n: number) => fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: bz.expfamDimension(n), maxLength: bz.expfamDimension(n) });

describe("V4 exponential family of the fully visible Boltzmann machine", () => {
  it("∇²ψ = Cov(t) = Fisher (FD of ∇ψ = η, h = 1e-4 on a centred difference of η; 1e-5)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), thetaArb(n))), ([n, theta]) => {
        const I = bz.fisherInformation(n, theta);
        const D = theta.length, h = 1e-4;
        for (let b = 0; b < D; b++) {
          const up = bz.meanParameters(n, theta.map((x, k) => (k === b ? x + h : x)));
          const dn = bz.meanParameters(n, theta.map((x, k) => (k === b ? x - h : x)));
          for (let a = 0; a < D; a++) expectClose((up[a]! - dn[a]!) / (2 * h), I.data[a * D + b]!, 1e-5, 1e-8, `I${a}${b}`);
        }
        // η = ∇ψ (FD of ψ)
        const eta = bz.meanParameters(n, theta);
        for (let a = 0; a < D; a++) {
          const fd = (bz.expfamLogPartition(n, theta.map((x, k) => (k === a ? x + 1e-6 : x))) - bz.expfamLogPartition(n, theta.map((x, k) => (k === a ? x - 1e-6 : x)))) / 2e-6;
          expectClose(fd, eta[a]!, 1e-5, 1e-8, `η${a}`);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("symbolically, ∇²ψ = Cov(t) entry by entry for n = 2 and 3 units (E)", () => {
    for (const n of [2, 3]) {
      const S = bz.bmSymbols(n);
      const theta = [...S.w, ...S.b];
      const psi = bz.bmLogPartitionExpr(n);
      const H = hessian(psi, theta);
      const weights: Expr[] = [], stats: number[][] = [];
      for (let s = 0; s < 2 ** n; s++) {
        const t = Array.from(bz.sufficientStatistic(n, s));
        stats.push(t);
        weights.push(exp(add(...t.map((tk, k) => mul(num(tk), theta[k]!)))));
      }
      const Z = add(...weights);
      const E = (f: (t: number[]) => number) => div(add(...stats.map((t, k) => mul(num(f(t)), weights[k]!))), Z);
      for (let a = 0; a < theta.length; a++)
        for (let b = a; b < theta.length; b++) {
          const cov = sub(E((t) => t[a]! * t[b]!), mul(E((t) => t[a]!), E((t) => t[b]!)));
          expect(verify(H[a]![b]!, cov).verdict).toBe("proved");
        }
    }
  });

  it("ψ + ψ* = ⟨θ, η⟩, ψ* = −H(P_θ), ∇ψ* = (∇ψ)⁻¹ and ∇²ψ* = (∇²ψ)⁻¹ (N; FD 1e-5)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), thetaArb(n))), ([n, theta]) => {
        const eta = bz.meanParameters(n, theta);
        const psiStar = bz.conjugatePotential(n, eta);
        const psi = bz.expfamLogPartition(n, theta);
        expectClose(psi + psiStar, theta.reduce((s, x, k) => s + x * eta[k]!, 0), 1e-9, 1e-10, "ψ + ψ*");
        expectClose(psiStar, -bz.expfamEntropy(n, theta), 1e-9, 1e-10, "ψ* = −H");
        const back = bz.naturalFromMean(n, eta);
        back.forEach((x, k) => expectClose(x, theta[k]!, 1e-8, 1e-8, "θ(η(θ))"));
        // Jacobian of ∇ψ* = θ(η) by FD equals I(θ)⁻¹
        const Iinv = inverse(bz.fisherInformation(n, theta));
        const D = theta.length, h = 1e-5;
        for (let b = 0; b < D; b++) {
          const up = bz.naturalFromMean(n, eta.map((x, k) => (k === b ? x + h : x)));
          const dn = bz.naturalFromMean(n, eta.map((x, k) => (k === b ? x - h : x)));
          for (let a = 0; a < D; a++) expectClose((up[a]! - dn[a]!) / (2 * h), Iinv.data[a * D + b]!, 1e-4, 1e-5, `∇²ψ*${a}${b}`);
        }
      }),
      { numRuns: 10 },
    );
  });

  it("KL(P_θ‖P_θ′) = D_ψ(θ′, θ) = D_ψ*(η, η′); the swapped order D_ψ(θ, θ′) fails", () => {
    let swappedFails = 0, informative = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), thetaArb(n), thetaArb(n))), ([n, th, th2]) => {
        const kl = bz.expfamKL(n, th, th2);
        expectClose(bz.expfamBregman(n, th2, th), kl, 1e-10, 1e-12, "D_ψ(θ′, θ)");
        if (n <= 3) {
          const eta = bz.meanParameters(n, th), eta2 = bz.meanParameters(n, th2);
          const dStar = bz.bregmanDivergence((e) => bz.conjugatePotential(n, e), (e) => bz.naturalFromMean(n, e), eta, eta2);
          expectClose(dStar, kl, 1e-8, 1e-10, "D_ψ*(η, η′)");
        }
        if (kl < 1e-2) return; // nearly equal laws: both orders are ≈ 0
        informative++;
        const swapped = bz.expfamBregman(n, th, th2);
        if (Math.abs(swapped - kl) > 1e-6 * (1 + kl)) swappedFails++;
      }),
      { numRuns: 40 },
    );
    expect(informative).toBeGreaterThanOrEqual(20);
    expect(swappedFails).toBeGreaterThanOrEqual(0.9 * informative); // KL is not symmetric (equal only by accident)
  });

  it("temperature: ∂_b log Z_T = ⟨s⟩/T and ∂²_b log Z_T = Cov(s)/T² (FD)", () => {
    fc.assert(
      fc.property(bmArb([2, 4]), Tarb, (model, T) => {
        const n = model.W.rows;
        const st = bz.bmModelStatistics(model, { T });
        const lz = (b: Float64Array) => bz.logPartition(bz.boltzmannMachine({ W: model.W, b }), { T });
        for (let i = 0; i < n; i++) {
          const e = (x: number) => model.b.map((v, k) => (k === i ? v + x : v));
          expectClose((lz(e(1e-6)) - lz(e(-1e-6))) / 2e-6, st.s[i]! / T, 1e-5, 1e-8, "∂b");
          const h = 1e-4;
          const second = (lz(e(h)) - 2 * lz(e(0)) + lz(e(-h))) / (h * h);
          expectClose(second, (st.s[i]! - st.s[i]! ** 2) / T ** 2, 1e-4, 1e-5, "∂²b");
        }
      }),
      { numRuns: 20 },
    );
  });

  it("Monge–Ampère operator det ∇²ψ = det I(θ) > 0 and it is not constant in θ", () => {
    const a = bz.mongeAmpereLogZ(3, [0, 0, 0, 0, 0, 0]);
    const b = bz.mongeAmpereLogZ(3, [1, -1, 0.5, 0.2, 0.3, -0.4]);
    expect(a.det).toBeGreaterThan(0);
    expect(Math.abs(a.logDet - b.logDet)).toBeGreaterThan(0.1);
    // n = 1 is the categorical family with one parameter: det = p0 p1
    const p = bz.categoricalProbabilities([0.7]);
    expectClose(bz.mongeAmpereLogZ(1, [0.7]).det, p[0]! * p[1]!, 1e-14, 0, "n = 1");
  });
});

describe("V5 categorical Monge–Ampère identity det ∇²ψ = Π p_i", () => {
  it("is proved exactly for n = 1..5", () => {
    for (let n = 1; n <= 5; n++) {
      const r = bz.categoricalMongeAmpereSymbolic(n);
      expect(r.certificate.verdict, `n = ${n}`).toBe("proved");
      expect(r.certificate.verdict === "proved" && r.certificate.method).toBe("exact");
    }
  });
  it("holds numerically at random θ (N) and via the matrix determinant lemma", async () => {
    const { det: ldet } = await import("../../src/linalg/index.js");
    fc.assert(
      fc.property(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 5 }), (theta) => {
        const H = bz.categoricalHessian(theta);
        const p = bz.categoricalProbabilities(theta);
        const prod = p.reduce((s, x) => s * x, 1);
        expectClose(ldet(H), prod, 1e-9, 1e-300, "det H");
        expectClose(bz.categoricalMongeAmpere(theta).det, prod, 1e-12, 0, "closed form");
        const lemma = p.subarray(1).reduce((s, x) => s * x, 1) * (1 - p.subarray(1).reduce((s, x) => s + x, 0));
        expectClose(lemma, prod, 1e-9, 1e-300, "lemma");
      }),
      { numRuns: 60 },
    );
  });
  it("is not constant (so neither MA-const nor, for n = 1, MA-exp(κ) for any κ)", () => {
    const d0 = bz.categoricalMongeAmpere([0]).det, d1 = bz.categoricalMongeAmpere([2]).det;
    expect(d0).toBeCloseTo(0.25, 15);
    expect(Math.abs(d0 - d1)).toBeGreaterThan(0.1);
    // ratio det/e^{κψ} = e^θ (1 + e^θ)^{−2−κ} differs at θ = 0, 1, 2 for every κ on a grid
    for (let kappa = -5; kappa <= 5; kappa += 0.25) {
      const r = [0, 1, 2].map((t) => Math.log(bz.categoricalMongeAmpere([t]).det) - kappa * bz.categoricalLogPartition([t]));
      expect(Math.max(...r) - Math.min(...r)).toBeGreaterThan(1e-3);
    }
  });
  it("symbolic det for n = 1 equals e^θ/(1 + e^θ)²", () => {
    const r = bz.categoricalMongeAmpereSymbolic(1);
    const t = sym("t1");
    expect(verify(r.detHessian, div(exp(t), mul(add(num(1), exp(t)), add(num(1), exp(t))))).verdict).toBe("proved");
    expect(verify(r.psi, log(add(num(1), exp(t)))).verdict).toBe("proved");
    expect(det(matrix(r.hessian))).toBe(r.detHessian);
  });
});

describe("±1-spin converter (MATH.md §1.5)", () => {
  it("Boltzmann machine: E_01(s) = E_±(2s − 1) + constant for every state", () => {
    fc.assert(
      fc.property(bmArb([1, 5]), (model) => {
        const sp = bz.bmToSpins(model);
        for (const s of allStates(model.W.rows)) expectClose(bz.bmEnergy(model, s), bz.spinEnergy(sp, bz.toSpins(s)) + sp.constant, 1e-12, 1e-12, "E");
      }),
      { numRuns: 40 },
    );
  });
  it("RBM: E_01(v, h) = E_±(σ^v, σ^h) − ½1ᵀa − ½1ᵀc − ¼1ᵀW1", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli"), (model) => {
        const sp = bz.rbmToSpins(model);
        const d = model.W.rows, m = model.W.cols;
        const sa = model.a.reduce((s, x) => s + x, 0), sc = model.c.reduce((s, x) => s + x, 0), sw = model.W.data.reduce((s, x) => s + x, 0);
        expectClose(sp.constant, -sa / 2 - sc / 2 - sw / 4, 1e-14, 1e-14, "constant");
        for (const v of allStates(d)) for (const h of allStates(m))
          expectClose(bz.rbmEnergy(model, v, h), bz.spinRbmEnergy(sp, bz.toSpins(v), bz.toSpins(h)) + sp.constant, 1e-12, 1e-12, "E");
      }),
      { numRuns: 40 },
    );
  });
  it("spins must be ±1", () => {
    const sp = bz.bmToSpins(bz.boltzmannMachine({ W: [[0, 1], [1, 0]], b: [0, 0] }));
    expect(() => bz.spinEnergy(sp, [1, 0])).toThrow(/sigma\[1\] = 0 is not a spin/);
  });
});
