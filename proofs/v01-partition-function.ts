// V1: partition function and free energy (MATH.md §2.1–2.2). The RBM factorisation of Σ_h e^{−E/T} is proved
// symbolically (all W, a, c, v, T); Z_T = Σ_v e^{−F_T(v)/T}, Σ_v P_T(v) = 1 and the three enumerations of log Z_T
// are checked numerically on models with ≤ 12 binary units; ∂_{b_i} log Z_T = ⟨s_i⟩/T is proved symbolically with
// T a symbol (n = 2, 3) and the symbolic RBM log Z is held against the enumeration.
import { add, diff, div, evaluate, exp, mul, num, subs, sym, type Expr } from "../src/core/index.js";
import {
  bmEnergy,
  bmLogPartitionExpr,
  boltzmannMachine,
  freeEnergy,
  logPartition,
  logPartitionBiasDerivative,
  logSumExp,
  rbm,
  rbmEnergy,
  rbmEnergyExpr,
  rbmLogPartitionExpr,
  rbmModelStatistics,
  rbmSymbols,
  visibleLogProbabilities,
  type RBM,
} from "../src/boltzmann/index.js";
import { normalMatrix, normal, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

const bits = (k: number, n: number): number[] => Array.from({ length: n }, (_, i) => (k >>> i) & 1);

function randomRbm(rng: Rng, d: number, m: number, scale: number): RBM {
  const W = normalMatrix(rng, d, m);
  return rbm({
    W: { rows: d, cols: m, data: W.data.map((x) => scale * x) },
    a: Array.from({ length: d }, () => normal(rng, 0, 0.5)),
    c: Array.from({ length: m }, () => normal(rng, 0, 0.5)),
  });
}

/** Symmetric couplings with zero diagonal. */
function randomBmCouplings(rng: Rng, n: number, scale: number): number[][] {
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i]![j] = W[j]![i] = normal(rng, 0, scale);
  return W;
}

export const v01: Proof = {
  id: "V01",
  title: "Partition function and free energy",
  source: "MATH.md §2.1–2.2, §9 V1",
  statement:
    "$Z_T=\\sum_s e^{-E(s)/T}=\\sum_v e^{-F_T(v)/T}$ with $F_T(v)=-T\\log\\sum_h e^{-E(v,h)/T}$, so $\\sum_vP_T(v)=1$; for the Bernoulli RBM " +
    "$\\sum_he^{-E(v,h)/T}=e^{a^\\top v/T}\\prod_j(1+e^{(c_j+(W^\\top v)_j)/T})$; and $\\partial_{b_i}\\log Z_T=\\langle s_i\\rangle/T$.",
  hypotheses: [
    "units in $\\{0,1\\}$, $E(v,h)=-a^\\top v-c^\\top h-v^\\top Wh$ (RBM) and $E(s)=-\\sum_{i<j}w_{ij}s_is_j-\\sum_ib_is_i$ (Boltzmann machine)",
    "$T>0$; numeric checks at $T=1$ and $T=0.7$ on models with at most 12 binary units",
  ],
  references: ["Ackley–Hinton–Sejnowski (1985)", "Hinton, A practical guide to training RBMs (2010)"],
  run(ctx) {
    const T = sym("T");
    // --- symbolic factorisation (d = 2, m = 2, all parameters and T symbolic)
    {
      const d = 2, m = 2;
      const E = rbmEnergyExpr("bernoulli", d, m);
      const S = rbmSymbols(d, m);
      const terms: Expr[] = [];
      for (let k = 0; k < 2 ** m; k++) {
        const env: Record<string, number> = {};
        bits(k, m).forEach((h, j) => (env[`h${j + 1}`] = h));
        terms.push(exp(div(mul(num(-1), subs(E, env)), T)));
      }
      const x = Array.from({ length: m }, (_, j) => add(S.c[j]!, ...S.v.map((v, i) => mul(S.W.get(i, j), v))));
      const product = mul(exp(div(add(...S.a.map((a, i) => mul(a, S.v[i]!))), T)), ...x.map((xj) => add(num(1), exp(div(xj, T)))));
      ctx.identity("RBM factorisation: the sum over the 4 hidden states equals the product over hidden units (d = m = 2, T symbolic)", add(...terms), product, {
        justification: "each $h_j\\in\\{0,1\\}$ contributes a factor $1+e^{(c_j+(W^\\top v)_j)/T}$; exact over the atoms $e^{\\cdot/T}$",
      });
    }

    const rng = new Rng(101);
    const model = randomRbm(rng, 5, 4, 0.8);
    for (const t of [1, 0.7]) {
      // F_T(v) against the direct sum over h of e^{−E(v,h)/T}
      const direct: number[] = [], closed: number[] = [];
      for (let v = 0; v < 32; v++) {
        const vv = bits(v, 5);
        const w = Array.from({ length: 16 }, (_, h) => -rbmEnergy(model, vv, bits(h, 4)) / t);
        direct.push(-t * logSumExp(w));
        closed.push(freeEnergy(model, vv, { T: t }));
      }
      ctx.numeric(`closed-form $F_T(v)=-a^\\top v-T\\sum_j\\mathrm{softplus}((c_j+(W^\\top v)_j)/T)$ equals $-T\\log\\sum_h e^{-E(v,h)/T}$ at all 32 visible states (d = 5, m = 4, T = ${t})`, closed, direct, 1e-10, {
        justification: "16 hidden states summed in log space from the energy",
      });
      const fromF = logSumExp(closed.map((f) => -f / t));
      const joint = logPartition(model, { T: t, layer: "joint" });
      ctx.numeric(`$\\log Z_T=\\log\\sum_v e^{-F_T(v)/T}$ equals the enumeration over all 512 joint states (T = ${t})`, fromF, joint, 1e-10);
      ctx.numeric(`the three enumerations of $\\log Z_T$ agree (visible layer, hidden layer, joint; T = ${t})`, [logPartition(model, { T: t, layer: "visible" }), logPartition(model, { T: t, layer: "hidden" })], [joint, joint], 1e-10);
      const lp = visibleLogProbabilities(model, { T: t });
      ctx.numeric(`$\\sum_v P_T(v)=1$ (RBM, T = ${t})`, Array.from(lp).reduce((s, x) => s + Math.exp(x), 0), 1, 1e-12);
    }

    // --- a general Boltzmann machine with hidden units (n = 7: 4 visible, 3 hidden)
    {
      const n = 7, nv = 4;
      const bm = boltzmannMachine({ W: randomBmCouplings(rng, n, 0.7), b: Array.from({ length: n }, () => normal(rng, 0, 0.5)), visible: nv });
      for (const t of [1, 0.7]) {
        const F = Array.from({ length: 2 ** nv }, (_, v) =>
          -t * logSumExp(Array.from({ length: 2 ** (n - nv) }, (_, h) => -bmEnergy(bm, [...bits(v, nv), ...bits(h, n - nv)]) / t)),
        );
        ctx.numeric(`Boltzmann machine with hidden units (4 + 3): $\\log\\sum_v e^{-F_T(v)/T}=\\log Z_T$ (T = ${t})`, logSumExp(F.map((f) => -f / t)), logPartition(bm, { T: t }), 1e-10, {
          justification: "$F_T(v)$ from the energies of the 8 hidden completions of each $v$",
        });
        const lp = visibleLogProbabilities(bm, { T: t });
        ctx.numeric(`Boltzmann machine: $P_T(v)=e^{-F_T(v)/T}/Z_T$ for all 16 visible states and $\\sum_vP_T(v)=1$ (T = ${t})`,
          [...Array.from(lp), Array.from(lp).reduce((s, x) => s + Math.exp(x), 0)],
          [...F.map((f) => -f / t - logPartition(bm, { T: t })), 1], 1e-10);
      }
    }

    // --- ∂_{b_i} log Z_T = ⟨s_i⟩/T, T symbolic
    for (const n of [2, 3]) {
      const rows = logPartitionBiasDerivative(n, { T });
      rows.forEach((r, i) => {
        if (n === 2 && i === 0) ctx.show("The log-partition function of the 2-unit machine", bmLogPartitionExpr(2, { T }), "\\log Z_T");
        ctx.identity(`$\\partial_{b_${i + 1}}\\log Z_T=\\langle s_${i + 1}\\rangle/T$ (n = ${n}, T symbolic)`, r.derivative, div(r.mean, T), {
          justification: "differentiate $\\log\\sum_s e^{-E(s)/T}$; the sum of $s_i e^{-E(s)/T}$ over states divided by $Z_T$ is $\\langle s_i\\rangle$",
        });
      });
    }

    // --- the symbolic RBM log Z against the enumeration, and ∂_{a_i} log Z_T = ⟨v_i⟩/T
    {
      const small = randomRbm(rng, 3, 2, 0.9);
      const t = 0.7;
      const lz = rbmLogPartitionExpr(3, 2, { T: num(0.7) });
      const env: Record<string, number> = {};
      for (let i = 0; i < 3; i++) {
        env[`a${i + 1}`] = small.a[i]!;
        for (let j = 0; j < 2; j++) env[`W${i + 1}${j + 1}`] = small.W.data[i * 2 + j]!;
      }
      for (let j = 0; j < 2; j++) env[`c${j + 1}`] = small.c[j]!;
      ctx.numeric("the symbolic RBM $\\log Z_T$ (d = 3, m = 2) evaluated at the model equals the enumeration (T = 0.7)", evaluate(lz, env), logPartition(small, { T: t }), 1e-12);
      const stats = rbmModelStatistics(small, { T: t });
      ctx.numeric("$\\partial_{a_i}\\log Z_T$ of the symbolic expression equals $\\langle v_i\\rangle/T$ from the enumeration (i = 1, 2, 3)",
        [0, 1, 2].map((i) => evaluate(diff(lz, `a${i + 1}`), env)), Array.from(stats.v, (x) => x / t), 1e-12);
    }
  },
};
