// V2: the learning gradient (MATH.md §2.3) — clamped minus free statistics over T — against central finite
// differences of the exactly enumerated log-likelihood, for a Boltzmann machine with hidden units (perturbing the
// FREE parameter w_ij, i < j, i.e. the tied pair of §1.5) and for a Bernoulli RBM, at T = 1 and T ≠ 1. Must fail:
// the untied derivative ∂/∂W_ij of E = −½sᵀWs − bᵀs (half the tied one) and the formula without the 1/T. Exact: the
// clamped-minus-free formula for a fully visible machine (n = 3) with T symbolic.
import { add, diff, div, exp, mul, num, sub, subs, sym, type Expr } from "../src/core/index.js";
import {
  bmEnergyExpr,
  bmLogPartitionExpr,
  boltzmannMachine,
  entropy,
  klDivergence,
  learningGradient,
  logLikelihood,
  rbm,
  stateIndex,
  unitPairs,
  visibleLogProbabilities,
  withCoupling,
  type BoltzmannMachine,
  type RBM,
} from "../src/boltzmann/index.js";
import { normal, normalMatrix, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

const H = 1e-6; // MATH.md §9: step ~1e-6 for gradients
const central = (f: (x: number) => number, x: number, h = H): number => (f(x + h) - f(x - h)) / (2 * h);

function withBias(model: BoltzmannMachine, i: number, value: number): BoltzmannMachine {
  const b = Array.from(model.b);
  b[i] = value;
  return boltzmannMachine({ W: model.W, b, visible: model.visible });
}

function rbmWith(model: RBM, part: "W" | "a" | "c", k: number, value: number): RBM {
  const W = Float64Array.from(model.W.data), a = Float64Array.from(model.a), c = Float64Array.from(model.c);
  ({ W, a, c })[part][k] = value;
  return rbm({ W: { rows: model.W.rows, cols: model.W.cols, data: W }, a, c, kind: model.kind });
}

export const v02: Proof = {
  id: "V02",
  title: "Learning gradient: clamped minus free statistics",
  source: "MATH.md §1.5, §2.3, §9 V2",
  statement:
    "For $\\ell(\\theta)=\\frac1{|\\mathcal D|}\\sum_{v\\in\\mathcal D}\\log P_\\theta(v)$: $\\partial\\ell/\\partial w_{ij}=\\frac1T(\\langle s_is_j\\rangle_{\\rm cl}-\\langle s_is_j\\rangle_{\\rm fr})$ " +
    "for the free parameter $w_{ij}$, $i<j$, and $\\partial\\ell/\\partial b_i=\\frac1T(\\langle s_i\\rangle_{\\rm cl}-\\langle s_i\\rangle_{\\rm fr})$; for the RBM " +
    "$\\partial\\ell/\\partial W_{ij}=\\frac1T(\\langle v_ih_j\\rangle_{\\rm cl}-\\langle v_ih_j\\rangle_{\\rm fr})$. Maximising $\\ell$ is minimising $\\mathrm{KL}(P_{\\mathcal D}\\|P_\\theta)$.",
  hypotheses: [
    "$E(s)=-\\sum_{i<j}w_{ij}s_is_j-\\sum_ib_is_i$; in the form $-\\frac12s^\\top Ws$ a derivative in $w_{ij}$ moves the tied pair $W_{ij}=W_{ji}$",
    "exact enumeration: a Boltzmann machine with 4 visible and 2 hidden units and a Bernoulli RBM with $d=4$, $m=3$; $T\\in\\{1,0.6\\}$ and $T\\in\\{1,1.7\\}$",
    "central differences with step $10^{-6}$, relative tolerance $10^{-5}$ (MATH.md §9, FD)",
  ],
  references: ["Ackley–Hinton–Sejnowski (1985)", "Hinton (2002), contrastive divergence"],
  run(ctx) {
    // --- exact: fully visible machine, n = 3, T symbolic, data {110, 011, 111}
    {
      const T = sym("T");
      const nn = 3;
      const E = bmEnergyExpr(nn);
      const states = Array.from({ length: 2 ** nn }, (_, k) => Array.from({ length: nn }, (_, i) => (k >>> i) & 1));
      const at = (s: number[]): Record<string, number> => Object.fromEntries(s.map((x, i) => [`s${i + 1}`, x]));
      const D = [[1, 1, 0], [0, 1, 1], [1, 1, 1]];
      const ell = sub(div(add(...D.map((v) => mul(num(-1), subs(E, at(v))))), mul(num(D.length), T)), bmLogPartitionExpr(nn, { T }));
      const weights = states.map((s) => exp(div(mul(num(-1), subs(E, at(s))), T)));
      const Z = add(...weights);
      ctx.show("The exact log-likelihood of the data {110, 011, 111} (fully visible, n = 3)", ell, "\\ell");
      for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
        const free: Expr = div(add(...states.map((s, k) => mul(num(s[i]! * s[j]!), weights[k]!))), Z);
        const clamped = num(`${D.reduce((acc, v) => acc + v[i]! * v[j]!, 0)}/${D.length}`);
        ctx.identity(`$\\partial\\ell/\\partial w_{${i + 1}${j + 1}}=\\frac1T(\\langle s_${i + 1}s_${j + 1}\\rangle_{\\rm cl}-\\langle s_${i + 1}s_${j + 1}\\rangle_{\\rm fr})$ exactly (T symbolic)`,
          diff(ell, `w${i + 1}${j + 1}`), div(sub(clamped, free), T), {
            justification: "$w_{ij}$ is one symbol appearing once in $E$ (the free parameter, $i<j$)",
          });
      }
    }
    const rng = new Rng(202);
    // --- Boltzmann machine with hidden units
    const n = 6, nv = 4;
    const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i]![j] = W[j]![i] = normal(rng, 0, 0.6);
    const bm = boltzmannMachine({ W, b: Array.from({ length: n }, () => normal(rng, 0, 0.5)), visible: nv });
    const data = Array.from({ length: 12 }, () => Array.from({ length: nv }, () => (rng.random() < 0.6 ? 1 : 0)));
    const pairs = unitPairs(n);
    let widest = { g: 0, i: 0, j: 1 };
    for (const T of [1, 0.6]) {
      const g = learningGradient(bm, data, { T });
      const ll = (m: BoltzmannMachine) => logLikelihood(m, data, { T });
      const formula = pairs.map(([i, j]) => g.W.data[i * n + j]!);
      const fd = pairs.map(([i, j]) => central((x) => ll(withCoupling(bm, i, j, x)), bm.W.data[i * n + j]!));
      ctx.numeric(`$\\partial\\ell/\\partial w_{ij}$ for all 15 free couplings (tied pairs): formula vs central differences of the exact $\\ell$ (T = ${T})`, formula, fd, 1e-5, {
        justification: "perturb $w_{ij}$ with $W_{ij}=W_{ji}$ moved together; $\\ell$ by enumerating the 64 states",
      });
      ctx.numeric(`$\\partial\\ell/\\partial b_i$ for the 6 biases (T = ${T})`, Array.from(g.b), Array.from({ length: n }, (_, i) => central((x) => ll(withBias(bm, i, x)), bm.b[i]!)), 1e-5);
      if (T === 1)
        formula.forEach((x, k) => {
          if (Math.abs(x) > Math.abs(widest.g)) widest = { g: x, i: pairs[k]![0], j: pairs[k]![1] };
        });
      else {
        // the formula without 1/T
        const { i, j } = widest;
        const noT = g.W.data[i * n + j]! * T;
        ctx.numericFails(`without the factor $1/T$ the formula misses $\\partial\\ell/\\partial w_{${i + 1}${j + 1}}$ at T = ${T}`, noT, central((x) => ll(withCoupling(bm, i, j, x)), bm.W.data[i * n + j]!), 1e-3, {
          justification: "$\\langle s_is_j\\rangle_{\\rm cl}-\\langle s_is_j\\rangle_{\\rm fr}$ alone is $T\\,\\partial\\ell/\\partial w_{ij}$",
        });
      }
    }
    {
      // untied: in E = −½ sᵀWs − bᵀs, moving W_ij alone by ε moves the free w_ij by ε/2
      const { g, i, j } = widest;
      const ll = (m: BoltzmannMachine) => logLikelihood(m, data);
      const w0 = bm.W.data[i * n + j]!;
      const untied = central((x) => ll(withCoupling(bm, i, j, w0 + (x - w0) / 2)), w0);
      ctx.numeric(`the untied derivative $\\partial\\ell/\\partial W_{${i + 1}${j + 1}}$ in $E=-\\frac12s^\\top Ws-b^\\top s$ is half the tied one`, untied, g / 2, 1e-5, {
        justification: "$-\\frac12\\sum_{k\\ne l}W_{kl}s_ks_l=-\\sum_{k<l}\\frac12(W_{kl}+W_{lk})s_ks_l$",
      });
      ctx.numericFails(`the clamped-minus-free formula is NOT the untied derivative $\\partial\\ell/\\partial W_{${i + 1}${j + 1}}$ (tied-pair convention of §1.5)`, g, untied, 1e-3);
    }
    {
      // ℓ = −KL(P_D ‖ P_θ) − H(P_D)
      const counts = new Float64Array(2 ** nv);
      for (const v of data) counts[stateIndex(v)]! += 1 / data.length;
      const model = Array.from(visibleLogProbabilities(bm), Math.exp);
      ctx.numeric("$\\ell(\\theta)=-\\mathrm{KL}(P_{\\mathcal D}\\|P_\\theta)-H(P_{\\mathcal D})$, so maximising $\\ell$ minimises the KL divergence", logLikelihood(bm, data), -klDivergence(counts, model) - entropy(counts), 1e-12);
    }

    // --- Bernoulli RBM
    const d = 4, m = 3;
    const Wr = normalMatrix(rng, d, m);
    const model = rbm({ W: { rows: d, cols: m, data: Wr.data.map((x) => 0.7 * x) }, a: Array.from({ length: d }, () => normal(rng, 0, 0.5)), c: Array.from({ length: m }, () => normal(rng, 0, 0.5)) });
    const rdata = Array.from({ length: 9 }, () => Array.from({ length: d }, () => (rng.random() < 0.45 ? 1 : 0)));
    for (const T of [1, 1.7]) {
      const g = learningGradient(model, rdata, { T });
      const ll = (mm: RBM) => logLikelihood(mm, rdata, { T });
      const fd = (part: "W" | "a" | "c", k: number) => central((x) => ll(rbmWith(model, part, k, x)), part === "W" ? model.W.data[k]! : model[part][k]!);
      ctx.numeric(`RBM: $\\partial\\ell/\\partial W_{ij}=\\frac1T(\\langle v_ih_j\\rangle_{\\rm cl}-\\langle v_ih_j\\rangle_{\\rm fr})$ for all 12 couplings (T = ${T})`,
        Array.from(g.W.data), Array.from({ length: d * m }, (_, k) => fd("W", k)), 1e-5, {
          justification: "$\\langle v_ih_j\\rangle_{\\rm cl}$ is the data average of $v_i\\,\\mathrm{sig}((c_j+(W^\\top v)_j)/T)$",
        });
      ctx.numeric(`RBM: $\\partial\\ell/\\partial a_i$ and $\\partial\\ell/\\partial c_j$ (T = ${T})`,
        [...g.a, ...g.c], [...Array.from({ length: d }, (_, k) => fd("a", k)), ...Array.from({ length: m }, (_, k) => fd("c", k))], 1e-5);
    }
  },
};
