// V20 (MATH §6.4–6.5, 6.8, 6.10): modular flow group law, *-automorphism, invariance, KMS in the
// Takesaki and G forms, inside the strip and at t = −i, the physics form for Gibbs states,
// uniqueness (perturbed generators fail), Connes cocycle identities; complex Hermitian states of
// sizes 2–8, including nearly singular ones (λ_min = 1e-10) and repeated eigenvalues.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cadd, cmatmul, cscale, conjTranspose, csub, cidentity, frobeniusNorm } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { EPS, cdiff, cmat, condOf, dim, hamiltonian, omegaOf, psd, rel, stateOf } from "./arbitraries.js";

const caseArb = dim.chain((n) => fc.tuple(stateOf(n), cmat(n), cmat(n), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })));

describe("modular flow: group, *-automorphism, invariance (V20)", () => {
  // Tolerance N 1e-10 relative: every quantity is built from one eigendecomposition, so the
  // identities hold to rounding (~1e-14) even for λ_min = 1e-10.
  it("σ_sσ_t = σ_{s+t}, σ_t(xy) = σ_t(x)σ_t(y), σ_t(x*) = σ_t(x)*, ω∘σ_t = ω, σ_t(I) = I", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, y, s, t]) => {
        const rho = M.densityMatrix(st.rho);
        const d = M.modularFlowDefects(rho, x, y, { s, t });
        expect(d.groupLaw).toBeLessThan(1e-10);
        expect(d.multiplicative).toBeLessThan(1e-10);
        expect(d.star).toBeLessThan(1e-10);
        expect(d.stateInvariance).toBeLessThan(1e-10);
        expect(d.unital).toBeLessThan(1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it("σ_t agrees with the explicit products ρ^{it} x ρ^{−it}, and with the n²×n² matrix Δ^{it} in both vec conventions", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, , , t]) => {
        const rho = M.densityMatrix(st.rho);
        const U = M.modularUnitary(rho, t);
        const direct = cmatmul(cmatmul(U, x), conjTranspose(U));
        const flow = M.modularFlow(rho, x, t);
        expect(rel(flow, direct)).toBeLessThan(1e-12);
        // unitarity of ρ^{it}
        expect(rel(cmatmul(U, conjTranspose(U)), cidentity(st.rho.rows))).toBeLessThan(1e-12);
        for (const conv of ["column", "row"] as const) {
          const D = M.modularFlowMatrix(rho, t, conv);
          expect(rel(M.unvec(cmatmul(D, M.vec(x, conv)), conv), flow)).toBeLessThan(1e-12);
        }
        // generator: d/dt σ_t(x)|₀ = i[log ρ, x] = i·(log Δ)x (central difference, FD 1e-5)
        const h = 1e-5;
        const fd = cscale(csub(M.modularFlow(rho, x, h), M.modularFlow(rho, x, -h)), 1 / (2 * h));
        const gen = cscale(M.liouvillean(rho, x), 0, 1);
        // relative to max(‖i log Δ x‖, 1): ρ may be I/n (then the generator vanishes)
        expect(rel(fd, gen, 1)).toBeLessThan(1e-5 * Math.max(1, (Math.log(condOf(st.p)) / 10) ** 2));
      }),
      { numRuns: 40 },
    );
  });

  it("the flow is trivial iff ρ = I/n", () => {
    for (let n = 2; n <= 8; n++) {
      const x = { rows: n, cols: n, re: Float64Array.from({ length: n * n }, (_, k) => Math.sin(k + 1)), im: Float64Array.from({ length: n * n }, (_, k) => Math.cos(3 * k)) };
      expect(rel(M.modularFlow(M.maximallyMixed(n), x, 1.3), x)).toBeLessThan(1e-15);
      const p = Array.from({ length: n }, (_, k) => (k + 1) / ((n * (n + 1)) / 2));
      const rho = M.densityMatrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? p[i]! : 0))));
      expect(rel(M.modularFlow(rho, x, 1.3), x)).toBeGreaterThan(1e-2);
    }
  });
});

describe("KMS condition (V20, MATH §6.5)", () => {
  it("Takesaki form F(t+i) = ω(y σ_t(x)) and G(t−i) = ω(σ_t(y) x) at several t", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, y, s, t]) => {
        const r = M.kmsDefect(M.densityMatrix(st.rho), x, y, { t: [0, s, t] });
        // tolerance N 1e-10 relative to ‖x‖‖y‖ (the strip formula has weights ≤ 1)
        expect(r.takesaki).toBeLessThan(1e-10);
        expect(r.g).toBeLessThan(1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it("inside the strip: the continuation equals tr(ρ^{1−s} σ_t(x) ρ^s y) and |F| ≤ ‖x‖‖y‖", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, y, t]) => {
        const rho = M.densityMatrix(st.rho);
        const pts = [0, 0.1, 0.5, 0.9, 1].map((im) => ({ re: t, im }));
        const r = M.kmsStripDefect(rho, x, y, { points: pts });
        expect(r.continuation).toBeLessThan(1e-10);
        expect(r.bound).toBeLessThanOrEqual(1 + 1e-12);
        // holomorphy: Cauchy–Riemann ∂F/∂s = i ∂F/∂t at an interior point (central differences, FD 1e-5)
        const z = { re: t, im: 0.4 }, h = 1e-5;
        const F = (dz: { re: number; im: number }) => M.kmsFunction(rho, x, y, { re: z.re + dz.re, im: z.im + dz.im });
        const a = F({ re: h, im: 0 }), b = F({ re: -h, im: 0 }), c = F({ re: 0, im: h }), d = F({ re: 0, im: -h });
        const dt = { re: (a.re - b.re) / (2 * h), im: (a.im - b.im) / (2 * h) };
        const ds = { re: (c.re - d.re) / (2 * h), im: (c.im - d.im) / (2 * h) };
        const scale = frobeniusNorm(x) * frobeniusNorm(y) * Math.max(1, Math.log(condOf(st.p)) ** 2);
        expect(cdiff(ds, { re: -dt.im, im: dt.re }) / scale).toBeLessThan(1e-5);
      }),
      { numRuns: 40 },
    );
  });

  it("at t = −i: ω(x σ_{−i}(y)) = ω(yx) with σ_{−i}(y) = ρ y ρ⁻¹ = Δy computed explicitly", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, y]) => {
        const rho = M.densityMatrix(st.rho);
        const sy = M.modularFlowAt(rho, y, { re: 0, im: -1 });
        expect(rel(sy, M.modularOperator(rho, y))).toBeLessThan(1e-12);
        const lhs = omegaOf(st.rho, cmatmul(x, sy));
        const rhs = omegaOf(st.rho, cmatmul(y, x));
        // σ_{−i}(y) has entries up to κ(ρ)‖y‖: the explicit route loses ~ε·κ (κ = 5e9 for λ_min = 1e-10);
        // tolerance 1e-10 + 50·ε·κ relative to ‖x‖‖y‖
        const tol = 1e-10 + 50 * EPS * condOf(st.p);
        expect(cdiff(lhs, rhs) / (frobeniusNorm(x) * frobeniusNorm(y))).toBeLessThan(tol);
        // the stable spectral G(−i) form agrees to N
        const G = M.kmsFunction(rho, x, y, { re: 0, im: -1 }, { form: "G" });
        expect(cdiff(G, rhs) / (frobeniusNorm(x) * frobeniusNorm(y))).toBeLessThan(1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it("uniqueness: the group generated by −log(ρ + εB) fails KMS (defect ≫ rounding)", () => {
    fc.assert(
      fc.property(
        dim.chain((n) => fc.tuple(stateOf(n, ["regular", "nearly-singular"]), psd(n), cmat(n), cmat(n))),
        ([st, B, x, y]) => {
          const n = st.rho.rows;
          const rho = M.densityMatrix(st.rho);
          // ρ + εB stays positive definite for B ⪰ 0; normalise B so ε is a relative size
          const eps = 1e-3;
          const Bn = cscale(B, eps / frobeniusNorm(B));
          const pert = M.densityMatrix(cadd(st.rho, Bn), { normalize: true });
          const K = M.modularHamiltonian(pert);
          const bad = M.kmsDefect(rho, x, y, { generator: K, t: [0, 0.5, -1.1] }).max;
          const good = M.kmsDefect(rho, x, y, { generator: M.modularHamiltonian(rho), t: [0, 0.5, -1.1] }).max;
          // a user generator is continued through e^{(k_a − k_b)} factors: rounding ~ ε·κ(ρ)
          const noise = 1e-10 + 10 * EPS * condOf(st.p);
          expect(good).toBeLessThan(noise);
          expect(bad).toBeGreaterThan(Math.max(1e-7, 100 * noise));
          expect(n).toBeGreaterThan(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a time-rescaled modular group σ_{λt} fails KMS for λ ≠ 1 (generator λK_ρ)", () => {
    fc.assert(
      fc.property(dim.chain((n) => fc.tuple(stateOf(n, ["regular"]), cmat(n), cmat(n))), ([st, x, y]) => {
        // for ρ = I/n, K_ρ ∝ I and every rescaling generates the same (trivial) group
        fc.pre(condOf(st.p) > 1.01);
        const rho = M.densityMatrix(st.rho);
        const K = M.modularHamiltonian(rho);
        const Kl = "re" in K ? cscale(K, 1.05) : cscale(K, 1.05);
        expect(M.kmsDefect(rho, x, y, { generator: Kl }).max).toBeGreaterThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });
});

describe("Gibbs states (MATH §6.10) and the physics form of KMS", () => {
  const gibbsArb = dim.chain((n) => fc.tuple(hamiltonian(n), fc.double({ min: 0.1, max: 3, noNaN: true }), cmat(n), cmat(n), fc.double({ min: -2, max: 2, noNaN: true })));
  it("K_ρ = βH + log Z, σ_t = α_{−βt}, F(t + iβ) = ω(α_t(y)x); a wrong β fails", () => {
    fc.assert(
      fc.property(gibbsArb, ([H, beta, x, y, t]) => {
        const n = H.rows;
        const rho = M.gibbsState(H, beta);
        const logZ = M.gibbsLogPartition(H, beta);
        const K = M.modularHamiltonian(rho);
        const expected = cadd(cscale(H, beta), cscale(cidentity(n), logZ));
        expect(rel(K, expected)).toBeLessThan(1e-10);
        expect(rel(M.modularFlow(rho, x, t), M.heisenbergFlow(H, x, -beta * t))).toBeLessThan(1e-10);
        // log Δ = −β[H, ·]
        const comm = csub(cmatmul(H, x), cmatmul(x, H));
        expect(rel(M.liouvillean(rho, x), cscale(comm, -beta))).toBeLessThan(1e-10);
        expect(M.gibbsKmsDefect(H, x, y, { beta, t: [0, t] })).toBeLessThan(1e-10);
        expect(M.gibbsKmsDefect(H, x, y, { beta, t: [0, t], state: M.gibbsState(H, beta * 1.2) })).toBeGreaterThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });
});

describe("Connes cocycle (V20a, MATH §6.8)", () => {
  const pairArb = dim.chain((n) => fc.tuple(stateOf(n), stateOf(n), stateOf(n), cmat(n), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })));
  it("unitary; u_{s+t} = u_s σ^ρ_s(u_t); σ^σ_t = u_t σ^ρ_t(·) u_t*; chain rule; (Dρ:Dσ) = u*; −i u'(0) = log σ − log ρ", () => {
    fc.assert(
      fc.property(pairArb, ([a, b, c, x, s, t]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho), tau = M.densityMatrix(c.rho);
        const n = a.rho.rows;
        const u = (tt: number) => M.connesCocycle(sigma, rho, tt);
        const ut = u(t);
        expect(rel(cmatmul(ut, conjTranspose(ut)), cidentity(n))).toBeLessThan(1e-12);
        expect(rel(u(s + t), cmatmul(u(s), M.modularFlow(rho, ut, s)))).toBeLessThan(1e-10);
        expect(rel(M.modularFlow(sigma, x, t), cmatmul(cmatmul(ut, M.modularFlow(rho, x, t)), conjTranspose(ut)))).toBeLessThan(1e-10);
        expect(rel(cmatmul(ut, M.connesCocycle(rho, tau, t)), M.connesCocycle(sigma, tau, t))).toBeLessThan(1e-10);
        expect(rel(M.connesCocycle(rho, sigma, t), conjTranspose(ut))).toBeLessThan(1e-12);
        const d = M.connesCocycleDefects(sigma, rho, tau, x, { s, t });
        for (const [key, v] of Object.entries(d)) expect(v, key).toBeLessThan(1e-10);
        // −i (u_h − u_{−h})/(2h) → log σ − log ρ (FD; truncation h²‖log σ − log ρ‖³/6)
        const h = 1e-5;
        const fd = cscale(csub(u(h), u(-h)), 0, -1 / (2 * h));
        const gen = M.connesCocycleGenerator(sigma, rho);
        const k = Math.max(Math.log(condOf(a.p)), Math.log(condOf(b.p)), 1);
        expect(rel(fd, gen, 1)).toBeLessThan(1e-5 * Math.max(1, (k / 5) ** 2));
      }),
      { numRuns: 40 },
    );
  });
});
