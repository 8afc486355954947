// Free energies, log Z, marginals, statistics and gradients against NumPy brute-force enumeration over all
// joint states and SciPy quadrature (test/fixtures/boltzmann/make_fixtures.py). Tolerance: N (1e-10
// relative), 1e-9 for log Z from quadrature.
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { fixture } from "../helpers/matrix.js";
import { allStates, expectClose } from "./helpers.js";

const F = fixture<any>("boltzmann/fixtures.json");

describe("Bernoulli–Bernoulli RBM against NumPy enumeration", () => {
  for (const c of F.bernoulli) {
    const model = bz.rbm({ W: c.W, a: c.a, c: c.c });
    const T = c.T;
    it(`d=${c.d}, m=${c.m}, T=${T}: free energies, log Z, marginal`, () => {
      allStates(c.d).forEach((v, k) => expectClose(bz.freeEnergy(model, v, { T }), c.freeEnergy[k], 1e-10, 1e-13, `F(v${k})`));
      expectClose(bz.logPartition(model, { T }), c.logZ, 1e-10, 0, "log Z");
      const lp = bz.visibleLogProbabilities(model, { T });
      lp.forEach((x, k) => expectClose(x, c.visibleLogProb[k], 1e-10, 1e-12, `log P(v${k})`));
      expectClose(bz.logLikelihood(model, c.data, { T }), c.logLikelihood, 1e-10, 0, "ℓ");
    });
    it(`d=${c.d}, m=${c.m}, T=${T}: free statistics and learning gradient`, () => {
      const st = bz.rbmModelStatistics(model, { T });
      st.vh.data.forEach((x, k) => expectClose(x, c.vh.flat()[k], 1e-10, 1e-13, "⟨vh⟩"));
      st.v.forEach((x, i) => expectClose(x, c.v[i], 1e-10, 1e-13, "⟨v⟩"));
      st.h.forEach((x, j) => expectClose(x, c.h[j], 1e-10, 1e-13, "⟨h⟩"));
      const g = bz.learningGradient(model, c.data, { T });
      g.W.data.forEach((x, k) => expectClose(x, c.gradient.W.flat()[k], 1e-9, 1e-12, "∂W"));
      g.a.forEach((x, i) => expectClose(x, c.gradient.a[i], 1e-9, 1e-12, "∂a"));
      g.c.forEach((x, j) => expectClose(x, c.gradient.c[j], 1e-9, 1e-12, "∂c"));
    });
  }
});

describe("Gaussian visible units against SciPy quadrature and closed forms", () => {
  for (const c of F.gaussianBernoulli)
    it(`Gaussian–Bernoulli d=${c.d}, m=${c.m}: F(v) and log Z (quadrature)`, () => {
      const model = bz.rbm({ W: c.W, a: c.a, c: c.c, kind: "gaussian-bernoulli" });
      c.vs.forEach((v: number[], k: number) => expectClose(bz.freeEnergy(model, v), c.freeEnergy[k], 1e-10, 1e-13, "F"));
      expectClose(bz.logPartition(model), c.logZ, 1e-9, 0, "log Z");
    });
  for (const c of F.gaussianGaussian)
    it(`Gaussian–Gaussian d=${c.d}, m=${c.m}: F(v), log Z, marginal`, () => {
      const model = bz.rbm({ W: c.W, a: c.a, c: c.c, kind: "gaussian-gaussian" });
      c.vs.forEach((v: number[], k: number) => expectClose(bz.freeEnergy(model, v), c.freeEnergy[k], 1e-10, 1e-13, "F"));
      expectClose(bz.logPartition(model), c.logZ, 1e-10, 0, "log Z");
      const mg = bz.ggMarginal(model);
      mg.mean.forEach((x, i) => expectClose(x, c.mean[i], 1e-10, 1e-13, "mean"));
      mg.covariance.data.forEach((x, k) => expectClose(x, c.covariance.flat()[k], 1e-10, 1e-13, "cov"));
    });
});

describe("Boltzmann machines against NumPy enumeration", () => {
  for (const c of F.boltzmann)
    it(`n=${c.n} (visible ${c.visible}), T=${c.T}: energies, log Z, marginal, statistics, gradient`, () => {
      const model = bz.boltzmannMachine({ W: c.W, b: c.b, visible: c.visible });
      const T = c.T;
      bz.stateEnergies(model).forEach((e, k) => expectClose(e, c.energies[k], 1e-12, 1e-13, `E(s${k})`));
      expectClose(bz.logPartition(model, { T }), c.logZ, 1e-10, 0, "log Z");
      bz.visibleLogProbabilities(model, { T }).forEach((x, k) => expectClose(x, c.visibleLogProb[k], 1e-10, 1e-12, "log P(v)"));
      bz.bmModelStatistics(model, { T }).ss.data.forEach((x, k) => expectClose(x, c.ss.flat()[k], 1e-10, 1e-13, "⟨ss⟩"));
      const g = bz.learningGradient(model, c.data, { T });
      g.W.data.forEach((x, k) => expectClose(x, c.gradientW.flat()[k], 1e-9, 1e-12, "∂w"));
      g.b.forEach((x, i) => expectClose(x, c.gradientB[i], 1e-9, 1e-12, "∂b"));
    });
});

describe("exponential family against NumPy", () => {
  for (const c of F.expfam)
    it(`n=${c.n}: ψ, η, Fisher, entropy, log det Fisher`, () => {
      expectClose(bz.expfamLogPartition(c.n, c.theta), c.psi, 1e-12, 0, "ψ");
      bz.meanParameters(c.n, c.theta).forEach((x, k) => expectClose(x, c.eta[k], 1e-10, 1e-13, "η"));
      bz.fisherInformation(c.n, c.theta).data.forEach((x, k) => expectClose(x, c.fisher.flat()[k], 1e-10, 1e-13, "I"));
      expectClose(bz.expfamEntropy(c.n, c.theta), c.entropy, 1e-12, 0, "H");
      expectClose(bz.mongeAmpereLogZ(c.n, c.theta).logDet, c.logDetFisher, 1e-9, 0, "log det I");
    });
  it("has fixtures for every family", () => {
    expect(F.bernoulli.length + F.gaussianBernoulli.length + F.gaussianGaussian.length + F.boltzmann.length).toBeGreaterThan(8);
  });
});
