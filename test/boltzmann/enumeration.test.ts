// V1 (MATH.md §2.1–2.2): Z = Σ_v e^{−F(v)/T}, Σ_v P(v) = 1, the RBM factorisation of Σ_h e^{−E/T},
// ∂_{b_i} log Z = ⟨s_i⟩/T (E, symbolic with T a symbol); symbolic/compiled twins of F and log Z; bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { compile } from "../../src/compile/index.js";
import { sym } from "../../src/core/index.js";
import { allStates, bmArb, close, expectClose, rbmArb } from "./helpers.js";

const Tarb = fc.double({ min: 0.3, max: 3, noNaN: true });

describe("V1 enumeration identities (N, 1e-10)", () => {
  it("Z_T = Σ_v e^{−F_T(v)/T} and Σ_v P_T(v) = 1 (Bernoulli RBM)", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli"), Tarb, (model, T) => {
        const d = model.W.rows;
        const lz = bz.logPartition(model, { T });
        const viaF = bz.logSumExp(allStates(d).map((v) => -bz.freeEnergy(model, v, { T }) / T));
        expectClose(lz, viaF, 1e-10, 1e-12, "log Z via F");
        const total = bz.visibleLogProbabilities(model, { T }).reduce((s, x) => s + Math.exp(x), 0);
        expectClose(total, 1, 1e-12, 0, "Σ P(v)");
        const totalH = bz.hiddenLogProbabilities(model, { T }).reduce((s, x) => s + Math.exp(x), 0);
        expectClose(totalH, 1, 1e-12, 0, "Σ P(h)");
      }),
      { numRuns: 60 },
    );
  });

  it("RBM factorisation: Σ_h e^{−E(v,h)/T} = e^{aᵀv/T} Π_j (1 + e^{(c_j + (Wᵀv)_j)/T}), against the joint energies", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli"), Tarb, (model, T) => {
        const d = model.W.rows, m = model.W.cols;
        const E = bz.stateEnergies(model);
        allStates(d).forEach((v, kv) => {
          const joint = bz.logSumExp(allStates(m).map((h, kh) => {
            const e = E[kv + (kh << d)]!;
            expectClose(e, bz.rbmEnergy(model, v, h), 1e-12, 1e-12, "E(v,h)");
            return -e / T;
          }));
          let prod = model.a.reduce((s, a, i) => s + (a * v[i]!) / T, 0);
          for (let j = 0; j < m; j++) {
            let x = model.c[j]!;
            for (let i = 0; i < d; i++) x += model.W.data[i * m + j]! * v[i]!;
            prod += Math.log1p(Math.exp(x / T));
          }
          expectClose(joint, prod, 1e-10, 1e-12, "factorisation");
          expectClose(-bz.freeEnergy(model, v, { T }) / T, prod, 1e-10, 1e-12, "F_T");
        });
        // the joint sum equals the layer sum used by logPartition (either layer)
        expectClose(bz.logSumExp(E.map((e) => -e / T)), bz.logPartition(model, { T }), 1e-10, 1e-12, "log Z");
        for (const layer of ["visible", "hidden", "joint"] as const) expectClose(bz.logPartition(model, { T, layer }), bz.logPartition(model, { T }), 1e-10, 1e-12, layer);
      }),
      { numRuns: 40 },
    );
  });

  it("Boltzmann machine: log Z by enumeration, marginal sums to 1, P(v) from the hidden sum", () => {
    fc.assert(
      fc.property(bmArb([2, 5], [0, 3]), Tarb, (model, T) => {
        const n = model.W.rows;
        const E = bz.stateEnergies(model);
        allStates(n).forEach((s, k) => expectClose(E[k]!, bz.bmEnergy(model, s), 1e-12, 1e-12, "E(s)"));
        const lz = bz.logPartition(model, { T });
        const direct = Math.log(E.reduce((acc, e) => acc + Math.exp(-e / T), 0));
        expectClose(lz, direct, 1e-10, 1e-12, "log Z");
        const lpv = bz.visibleLogProbabilities(model, { T });
        expectClose(lpv.reduce((acc, x) => acc + Math.exp(x), 0), 1, 1e-12, 0, "Σ P(v)");
      }),
      { numRuns: 60 },
    );
  });

  it("Gaussian–Bernoulli log Z with W = 0 factorises: Z = (2π)^{d/2} Π_j (1 + e^{c_j})", () => {
    // Z of e^{−F} for F = ½‖v − a‖² − Σ softplus: shifting v by a with W = 0 gives (2π)^{d/2} Π(1 + e^{c_j})
    const model = bz.rbm({ W: [[0, 0], [0, 0]], a: [0.3, -1], c: [0.2, -0.4], kind: "gaussian-bernoulli" });
    const expected = Math.log(2 * Math.PI) + Math.log1p(Math.exp(0.2)) + Math.log1p(Math.exp(-0.4));
    expectClose(bz.logPartition(model), expected, 1e-14, 0, "log Z");
  });

  it("temperature enters as E/T: the Bernoulli RBM at T equals the RBM with parameters divided by T at T = 1", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli"), Tarb, (model, T) => {
        const scaled = bz.rbm({ W: model.W.data.length ? { ...model.W, data: model.W.data.map((x) => x / T) } : model.W, a: model.a.map((x) => x / T), c: model.c.map((x) => x / T) });
        expectClose(bz.logPartition(model, { T }), bz.logPartition(scaled), 1e-12, 1e-12, "log Z_T");
      }),
      { numRuns: 30 },
    );
  });
});

describe("V1 symbolic: ∂_{b_i} log Z_T = ⟨s_i⟩/T (E)", () => {
  it("is proved exactly for n = 1, 2, 3 units with T a symbol", () => {
    for (const n of [1, 2, 3]) {
      const res = bz.logPartitionBiasDerivative(n, { T: sym("T") });
      expect(res).toHaveLength(n);
      for (const r of res) expect(r.certificate.verdict).toBe("proved");
    }
  });
  it("a wrong identity (⟨s_i⟩ without 1/T) is refuted", async () => {
    const { verify, diff } = await import("../../src/core/index.js");
    const T = sym("T");
    const lz = bz.bmLogPartitionExpr(2, { T });
    const c = verify(diff(lz, "b1"), bz.bmMeanExpr(2, 0, { T }));
    expect(c.verdict).toBe("refuted");
  });
});

describe("symbolic and compiled twins", () => {
  it("compile(freeEnergyExpr) equals freeEnergy for all three kinds (N, 1e-12)", () => {
    for (const kind of bz.RBM_KINDS) {
      for (const [d, m] of [[2, 3], [3, 1]] as const) {
        const T = kind === "bernoulli" ? 0.8 : 1;
        const e = bz.freeEnergyExpr(kind, d, m, { T });
        const S = bz.rbmSymbols(d, m);
        const names = [...S.W.toArray().flat(), ...S.a, ...S.c, ...S.v].map((x) => String(x));
        const f = compile(e, names);
        fc.assert(
          fc.property(rbmArb(kind, { d: [d, d], m: [m, m], scale: kind === "gaussian-gaussian" ? 0.1 : 1.5 }), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: d, maxLength: d }), (model, v) => {
            const input = Float64Array.from([...model.W.data, ...model.a, ...model.c, ...v]);
            const out = new Float64Array(1);
            f(input, out);
            expectClose(out[0]!, bz.freeEnergy(model, v, { T }), 1e-12, 1e-12, kind);
          }),
          { numRuns: 25 },
        );
      }
    }
  });

  it("compileFreeEnergy (scalar and batch) equals freeEnergy", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli", { d: [1, 6] }), Tarb, (model, T) => {
        const d = model.W.rows;
        const f = bz.compileFreeEnergy(model, { T });
        const states = allStates(d);
        const n = states.length;
        const V = bz.toStructureOfArrays(Float64Array.from(states.flat()), n, d);
        const out = new Float64Array(n);
        f.batch(V, n, out);
        states.forEach((v, k) => {
          const ref = bz.freeEnergy(model, v, { T });
          expectClose(f(v), ref, 1e-12, 1e-12, "scalar");
          expectClose(out[k]!, ref, 1e-12, 1e-12, "batch");
        });
      }),
      { numRuns: 30 },
    );
  });

  it("compiled symbolic log Z (Bernoulli RBM and Boltzmann machine) equals enumeration", () => {
    const e = bz.rbmLogPartitionExpr(3, 2, { T: 1.7 });
    const S = bz.rbmSymbols(3, 2);
    const f = compile(e, [...S.W.toArray().flat(), ...S.a, ...S.c].map(String));
    fc.assert(
      fc.property(rbmArb("bernoulli", { d: [3, 3], m: [2, 2] }), (model) => {
        const out = new Float64Array(1);
        f(Float64Array.from([...model.W.data, ...model.a, ...model.c]), out);
        expectClose(out[0]!, bz.logPartition(model, { T: 1.7 }), 1e-12, 1e-12, "RBM log Z");
      }),
      { numRuns: 25 },
    );
    const B = bz.bmSymbols(4);
    const g = compile(bz.bmLogPartitionExpr(4, { T: 0.6 }), [...B.w, ...B.b].map(String));
    fc.assert(
      fc.property(bmArb([4, 4]), (model) => {
        const out = new Float64Array(1);
        g(Float64Array.from([...bz.naturalParameters(model)]), out);
        expectClose(out[0]!, bz.logPartition(model, { T: 0.6 }), 1e-12, 1e-12, "BM log Z");
      }),
      { numRuns: 25 },
    );
  });

  it("bmEnergyExpr and rbmEnergyExpr evaluate to the numeric energies", async () => {
    const { evaluate } = await import("../../src/core/index.js");
    const model = bz.boltzmannMachine({ W: [[0, 1.5, -2], [1.5, 0, 0.25], [-2, 0.25, 0]], b: [0.1, -0.3, 0.7] });
    const e = bz.bmEnergyExpr(3);
    for (const s of allStates(3)) {
      const env = { w12: 1.5, w13: -2, w23: 0.25, b1: 0.1, b2: -0.3, b3: 0.7, s1: s[0]!, s2: s[1]!, s3: s[2]! };
      expect(close(evaluate(e, env), bz.bmEnergy(model, s), 1e-14, 1e-14)).toBe(true);
    }
    const r = bz.rbm({ W: [[0.5, -1]], a: [0.2], c: [0.3, 0.4], kind: "gaussian-bernoulli" });
    const env = { W11: 0.5, W12: -1, a1: 0.2, c1: 0.3, c2: 0.4, v1: 1.3, h1: 1, h2: 0 };
    expect(close(evaluate(bz.rbmEnergyExpr("gaussian-bernoulli", 1, 2), env), bz.rbmEnergy(r, [1.3], [1, 0]), 1e-14, 1e-14)).toBe(true);
  });
});

describe("bad input", () => {
  const W = [[1, 2], [3, 4], [5, 6]];
  it("wrong shapes name the argument and the expected length", () => {
    expect(() => bz.rbm({ W, a: [1, 2], c: [1, 2] })).toThrow(/a must have length 3 \(visible biases: W is 3×2\)/);
    expect(() => bz.rbm({ W, a: [1, 2, 3], c: [1] })).toThrow(/c must have length 2/);
    expect(() => bz.rbm({ W: [[1, 2], [3]], a: [1, 2], c: [1, 2] })).toThrow(/ragged/);
    const model = bz.rbm({ W, a: [0, 0, 0], c: [0, 0] });
    expect(() => bz.freeEnergy(model, [1, 0])).toThrow(/length 3/);
    expect(() => bz.boltzmannMachine({ W: [[0, 1], [2, 0]], b: [0, 0] })).toThrow(/symmetric/);
    expect(() => bz.boltzmannMachine({ W: [[1, 0], [0, 0]], b: [0, 0] })).toThrow(/self-couplings/);
    expect(() => bz.boltzmannMachine({ W: [[0, 1], [1, 0]], b: [0] })).toThrow(/b must have length 2/);
  });
  it("non-binary visible vectors for Bernoulli units are rejected", () => {
    const model = bz.rbm({ W, a: [0, 0, 0], c: [0, 0] });
    expect(() => bz.freeEnergy(model, [1, 0.5, 0])).toThrow(/v\[1\] = 0.5 is not binary/);
    expect(() => bz.freeEnergy(model, [1, -1, 0])).toThrow(/not binary.*±1 spins/);
    expect(() => bz.logLikelihood(model, [[1, 0, 2]])).toThrow(/data\[0\]\[2\] = 2 is not binary/);
    expect(() => bz.compileFreeEnergy(model)([0, 0.5, 1])).toThrow(/not binary/);
    // the extension to ℝ^d is explicit
    expect(Number.isFinite(bz.freeEnergy(model, [1, 0.5, 0], { extended: true }))).toBe(true);
  });
  it("models too large to enumerate: a clear error stating the limit", () => {
    const big = bz.rbm({ W: Array.from({ length: 16 }, () => new Array(8).fill(0.01)), a: new Array(16).fill(0), c: new Array(8).fill(0) });
    expect(() => bz.logPartition(big)).toThrow(/limited to visible \+ hidden ≤ 20 binary units.*16 visible \+ 8 hidden units \(24 units\)/);
    expect(() => bz.visibleLogProbabilities(big)).toThrow(/≤ 20/);
    const n = 21;
    const bm = bz.boltzmannMachine({ W: Array.from({ length: n }, () => new Array(n).fill(0)), b: new Array(n).fill(0) });
    expect(() => bz.logPartition(bm)).toThrow(/≤ 20 binary units.*21 units/);
    expect(bz.MAX_ENUMERATION_UNITS).toBe(20);
  });
  it("‖W‖₂ ≥ 1 for the Gaussian–Gaussian model is not normalisable", () => {
    expect(() => bz.rbm({ W: [[1]], a: [0], c: [0], kind: "gaussian-gaussian" })).toThrow(/not normalisable: ‖W‖₂ = 1\.00000 ≥ 1/);
    expect(() => bz.rbm({ W: [[0.9, 0.9], [0, 0.2]], a: [0, 0], c: [0, 0], kind: "gaussian-gaussian" })).toThrow(/not positive definite/);
    expect(bz.rbm({ W: [[0.99]], a: [0], c: [0], kind: "gaussian-gaussian" }).kind).toBe("gaussian-gaussian");
  });
  it("temperatures, kinds and non-finite numbers", () => {
    const model = bz.rbm({ W, a: [0, 0, 0], c: [0, 0] });
    expect(() => bz.logPartition(model, { T: 0 })).toThrow(/temperature T must be a finite number > 0/);
    expect(() => bz.rbm({ W, a: [0, 0, NaN], c: [0, 0] })).toThrow(/a.*\[2\] is NaN/);
    expect(() => bz.rbm({ W, a: [0, 0, 0], c: [0, 0], kind: "ising" as never })).toThrow(/unknown RBM kind/);
  });
});
