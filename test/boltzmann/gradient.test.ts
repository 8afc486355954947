// V2 (MATH.md §2.3): the clamped − free gradient against central finite differences of the exact
// enumerated log-likelihood, perturbing the FREE parameters w_ij (i < j) as tied pairs, with T ≠ 1 and with
// hidden units. CD-k: against the exact gradient (MC, 5 SE), reproducible, and training raises ℓ.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { Rng } from "../../src/random/index.js";
import { bmArb, expectClose, rbmArb } from "./helpers.js";

const H = 1e-6;
/** FD tolerance: |fd − g| ≤ 1e-5 |g| + 1e-7 (truncation ~h², rounding ~ε|ℓ|/h ≈ 1e-9). */
const fdOk = (fd: number, g: number, what: string) => expectClose(fd, g, 1e-5, 1e-7, what);

const Tarb = fc.double({ min: 0.4, max: 2.5, noNaN: true });
const dataArb = (d: number) => fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 6 });

describe("V2 learning gradient = FD of the exact log-likelihood", () => {
  it("Boltzmann machine, fully visible and with hidden units, T ≠ 1: ∂ℓ/∂w_ij (tied pair, i<j) and ∂ℓ/∂b_i", () => {
    fc.assert(
      fc.property(
        bmArb([2, 4], [0, 2]).chain((m) => fc.tuple(fc.constant(m), dataArb(m.visible), Tarb)),
        ([model, data, T]) => {
          const n = model.W.rows;
          const g = bz.learningGradient(model, data, { T });
          const ll = (m: bz.BoltzmannMachine) => bz.logLikelihood(m, data, { T });
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              const w = model.W.data[i * n + j]!;
              const fd = (ll(bz.withCoupling(model, i, j, w + H)) - ll(bz.withCoupling(model, i, j, w - H))) / (2 * H);
              fdOk(fd, g.W.data[i * n + j]!, `∂w${i}${j}`);
              expect(g.W.data[j * n + i]).toBe(g.W.data[i * n + j]);
            }
          for (let i = 0; i < n; i++) {
            const bump = (e: number) => bz.boltzmannMachine({ W: model.W, b: model.b.map((x, k) => (k === i ? x + e : x)), visible: model.visible });
            fdOk((ll(bump(H)) - ll(bump(-H))) / (2 * H), g.b[i]!, `∂b${i}`);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("the tied-pair convention matters: perturbing W[i][j] alone (asymmetric) would halve the derivative", () => {
    // ℓ depends on W only through w_ij = W[i][j] = W[j][i]; E = −½ sᵀWs gives ∂E/∂W[i][j] = −½ s_i s_j
    const model = bz.boltzmannMachine({ W: [[0, 0.7, -0.3], [0.7, 0, 1.1], [-0.3, 1.1, 0]], b: [0.2, -0.5, 0.1] });
    const data = [[1, 1, 0], [1, 0, 1], [0, 1, 1]];
    const T = 1.7;
    const g = bz.learningGradient(model, data, { T });
    const ll = (m: bz.BoltzmannMachine) => bz.logLikelihood(m, data, { T });
    const fd = (ll(bz.withCoupling(model, 0, 1, 0.7 + H)) - ll(bz.withCoupling(model, 0, 1, 0.7 - H))) / (2 * H);
    fdOk(fd, g.W.data[1]!, "tied");
    expect(Math.abs(fd - g.W.data[1]! / 2)).toBeGreaterThan(1e-3);
  });

  it("Bernoulli RBM, T ≠ 1: ∂ℓ/∂W_ij, ∂ℓ/∂a_i, ∂ℓ/∂c_j", () => {
    fc.assert(
      fc.property(
        rbmArb("bernoulli", { d: [1, 4], m: [1, 3] }).chain((m) => fc.tuple(fc.constant(m), dataArb(m.W.rows), Tarb)),
        ([model, data, T]) => {
          const d = model.W.rows, m = model.W.cols;
          const g = bz.learningGradient(model, data, { T });
          const ll = (x: bz.RBM) => bz.logLikelihood(x, data, { T });
          const with_ = (part: "W" | "a" | "c", k: number, e: number): bz.RBM => {
            const W = Float64Array.from(model.W.data), a = Float64Array.from(model.a), c = Float64Array.from(model.c);
            ({ W, a, c })[part][k]! += e;
            return bz.rbm({ W: { rows: d, cols: m, data: W }, a, c });
          };
          for (let k = 0; k < d * m; k++) fdOk((ll(with_("W", k, H)) - ll(with_("W", k, -H))) / (2 * H), g.W.data[k]!, `∂W${k}`);
          for (let i = 0; i < d; i++) fdOk((ll(with_("a", i, H)) - ll(with_("a", i, -H))) / (2 * H), g.a[i]!, `∂a${i}`);
          for (let j = 0; j < m; j++) fdOk((ll(with_("c", j, H)) - ll(with_("c", j, -H))) / (2 * H), g.c[j]!, `∂c${j}`);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("an RBM viewed as a Boltzmann machine on (v, h) has the same gradient (tied pairs across layers)", () => {
    const model = bz.rbm({ W: [[0.4, -1.2], [0.9, 0.3], [-0.6, 0.8]], a: [0.1, -0.2, 0.3], c: [-0.4, 0.5] });
    const d = 3, m = 2, n = 5;
    const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) W[i]![d + j] = W[d + j]![i] = model.W.data[i * m + j]!;
    const bm = bz.boltzmannMachine({ W, b: [...model.a, ...model.c], visible: d });
    const data = [[1, 0, 1], [0, 1, 1], [1, 1, 0], [1, 0, 1]];
    const T = 0.8;
    const gr = bz.learningGradient(model, data, { T }), gb = bz.learningGradient(bm, data, { T });
    for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) expectClose(gr.W.data[i * m + j]!, gb.W.data[i * n + d + j]!, 1e-12, 1e-14, "W");
    for (let i = 0; i < d; i++) expectClose(gr.a[i]!, gb.b[i]!, 1e-12, 1e-14, "a");
    for (let j = 0; j < m; j++) expectClose(gr.c[j]!, gb.b[d + j]!, 1e-12, 1e-14, "c");
    expectClose(bz.logLikelihood(model, data, { T }), bz.logLikelihood(bm, data, { T }), 1e-12, 0, "ℓ");
  });
});

describe("contrastive divergence", () => {
  const model = bz.rbm({ W: [[0.8, -0.5], [0.3, 0.9], [-0.7, 0.2]], a: [0.1, -0.3, 0.2], c: [0.2, -0.1] });
  const data = [[1, 0, 1], [0, 1, 1], [1, 1, 0]];

  it("CD-k with long chains matches the exact gradient within 5 standard errors (MC)", () => {
    const T = 1.3;
    const exact = bz.learningGradient(model, data, { T });
    const est = bz.contrastiveDivergence(model, data, { k: 25, chains: 1500, T, seed: 7 });
    expect(est.samples).toBe(4500);
    const parts: Array<[Float64Array, Float64Array, Float64Array]> = [
      [est.W.data, exact.W.data, est.se.W.data],
      [est.a, exact.a, est.se.a],
      [est.c, exact.c, est.se.c],
    ];
    for (const [x, y, se] of parts) x.forEach((v, k) => expect(Math.abs(v - y[k]!)).toBeLessThanOrEqual(5 * se[k]! + 1e-12));
  });

  it("is reproducible from a seed and different across seeds", () => {
    const a = bz.contrastiveDivergence(model, data, { k: 1, seed: 3 });
    const b = bz.contrastiveDivergence(model, data, { k: 1, rng: new Rng(3) });
    const c = bz.contrastiveDivergence(model, data, { k: 1, seed: 4, chains: 50 });
    expect(Array.from(a.W.data)).toEqual(Array.from(b.W.data));
    expect(Array.from(a.W.data)).not.toEqual(Array.from(c.W.data));
    expect(() => bz.contrastiveDivergence(model, data, { k: 1 })).toThrow(/seeded generator/);
    expect(() => bz.contrastiveDivergence(model, data, { k: 0, seed: 1 })).toThrow(/k \(Gibbs steps\)/);
  });

  it("reports an infinite (not NaN) standard error from a single chain", () => {
    const one = bz.contrastiveDivergence(model, [Array.from({ length: model.W.rows }, () => 1)], { k: 1, seed: 3, chains: 1 });
    expect(one.samples).toBe(1);
    for (const x of [...one.se.W.data, ...one.se.a, ...one.se.c]) expect(x).toBe(Infinity);
  });

  it("training with CD-1 raises the exact log-likelihood of the data", () => {
    const start = bz.rbm({ W: [[0, 0], [0, 0], [0, 0]], a: [0, 0, 0], c: [0, 0] });
    const train = [[1, 1, 0], [1, 1, 0], [1, 1, 1], [0, 0, 1]];
    const res = bz.trainCD(start, train, { k: 1, chains: 20, epochs: 200, learningRate: 0.5, seed: 11 });
    expect(res.logLikelihood).toHaveLength(201);
    expect(res.logLikelihood[200]!).toBeGreaterThan(res.logLikelihood[0]! + 0.5); // from −3 log 2 towards −H(data) ≈ −1.04
  });

  it("Gibbs sampling reproduces the exact visible marginal (per-state 5 SE)", () => {
    const rng = new Rng(5);
    const lp = bz.visibleLogProbabilities(model);
    const counts = new Float64Array(8);
    let v: Float64Array = new Float64Array([0, 0, 0]);
    const N = 20000;
    for (let t = 0; t < 200; t++) v = bz.gibbsChain(model, v, rng).v;
    for (let t = 0; t < N; t++) {
      v = bz.gibbsChain(model, v, rng).v;
      counts[bz.stateIndex(v)]! += 1;
    }
    // autocorrelated chain: allow 5 SE with a generous effective sample size N/5
    lp.forEach((l, k) => {
      const p = Math.exp(l), se = Math.sqrt((p * (1 - p)) / (N / 5));
      expect(Math.abs(counts[k]! / N - p)).toBeLessThanOrEqual(5 * se);
    });
  });
});
