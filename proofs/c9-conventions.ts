// Paper claim C9 (MATH.md §10 item 9, §1.4, §1.5, §1.9): the conventions are fixed once and each has a converter:
// {0,1} units versus ±1 spins (the energies agree up to the stated constant; the Gibbs laws agree), Σ_{i<j} versus
// ½Σ_{i≠j}, temperature T versus β = 1/T (natural parameter θ/T), and the order of the KL and Bregman arguments.
import { add, div, mul, num, sub, subs, type Expr } from "../src/core/index.js";
import {
  bmEnergy,
  bmEnergyExpr,
  bmModelStatistics,
  bmSymbols,
  bmToSpins,
  boltzmannLaw,
  boltzmannMachine,
  bregmanDivergence,
  expfamBregman,
  expfamKL,
  expfamLogPartition,
  logPartition,
  logSumExp,
  naturalParameters,
  rbm,
  rbmEnergy,
  rbmEnergyExpr,
  rbmSymbols,
  rbmToSpins,
  spinEnergy,
  spinRbmEnergy,
  stateEnergies,
  toSpins,
} from "../src/boltzmann/index.js";
import { gaussianKl } from "../src/wishart/index.js";
import { inverse, logDet, type Matrix } from "../src/linalg/index.js";
import { normal, normalMatrix, Rng } from "../src/random/index.js";
import { randomGramSpd } from "./helpers/numeric.js";
import type { Proof } from "../src/proofs/index.js";

const bits = (k: number, n: number): number[] => Array.from({ length: n }, (_, i) => (k >>> i) & 1);
const spread = (x: number[]) => Math.max(...x) - Math.min(...x);


export const c9: Proof = {
  id: "C9-conventions",
  title: "Conventions: {0,1} units versus ±1 spins, T versus β, the order of KL and Bregman arguments",
  source: "MATH.md §10 item 9, §1.4, §1.5, §1.9, §2.5, §2.6",
  statement:
    "With $s=(1+\\sigma)/2$, $J_{ij}=w_{ij}/4$ and $h_i=b_i/2+\\frac14\\sum_{j\\ne i}w_{ij}$: $E_{01}(s)=E_\\pm(\\sigma)-\\frac12\\sum_ib_i-\\frac14\\sum_{i<j}w_{ij}$; for the RBM, with $W'=W/4$, " +
    "$a'=a/2+W\\mathbf 1/4$, $c'=c/2+W^\\top\\mathbf 1/4$: $E_{01}(v,h)=E_\\pm(\\sigma^v,\\sigma^h)-\\frac12\\mathbf 1^\\top a-\\frac12\\mathbf 1^\\top c-\\frac14\\mathbf 1^\\top W\\mathbf 1$; so both give the same Gibbs law. " +
    "$-\\sum_{i<j}w_{ij}s_is_j=-\\frac12s^\\top Ws$. At temperature $T$ the natural parameter is $\\theta/T=\\beta\\theta$. $\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta',\\theta)$ and " +
    "$\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))=D_\\psi(K_2,K_1)$ for $\\psi(K)=-\\frac12\\log\\det K$: the arguments are reversed.",
  hypotheses: ["$E_\\pm(\\sigma)=-\\sum_{i<j}J_{ij}\\sigma_i\\sigma_j-\\sum_ih_i\\sigma_i$; $W$ symmetric with zero diagonal in the matrix form", "$\\beta=1/T$, $k_B=1$"],
  informal: { claim: "Conventions (±1 versus {0,1} units, $\\frac12\\sum_{i\\ne j}$ versus $\\sum_{i<j}$, T versus β, the order of KL and Bregman arguments) are interchangeable.", verdict: "holds with hypotheses" },
  references: ["Ackley–Hinton–Sejnowski (1985)", "Amari–Nagaoka (2000)", "MATH.md §1"],
  run(ctx) {
    // --- exact: the Boltzmann-machine converter (n = 3, all symbols)
    {
      const n = 3;
      const S = bmSymbols(n);
      const sigma = S.s.map((s) => sub(mul(num(2), s), num(1)));
      const w = (i: number, j: number): Expr => S.W.get(i, j);
      const terms: Expr[] = [];
      for (let i = 0; i < n; i++) {
        const h = add(div(S.b[i]!, num(2)), div(add(...[0, 1, 2].filter((j) => j !== i).map((j) => w(i, j))), num(4)));
        terms.push(mul(num(-1), h, sigma[i]!));
        for (let j = i + 1; j < n; j++) terms.push(mul(num(-1), div(w(i, j), num(4)), sigma[i]!, sigma[j]!));
      }
      const Epm = add(...terms);
      const constant = sub(mul(num("-1/2"), add(...S.b)), mul(num("1/4"), add(...S.w)));
      ctx.identity("Boltzmann machine (n = 3): $E_{01}(s)=E_\\pm(2s-1)-\\frac12\\sum_ib_i-\\frac14\\sum_{i<j}w_{ij}$ (all symbols)", bmEnergyExpr(n), add(Epm, constant), {
        justification: "$\\sigma_i\\sigma_j=4s_is_j-2s_i-2s_j+1$; the identity holds as polynomials, in particular on $\\{0,1\\}^3$",
      });
      // the matrix form: −½ sᵀWs with W symmetric, zero diagonal
      const quad = add(...[0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => mul(S.s[i]!, w(i, j), S.s[j]!))));
      ctx.identity("$-\\sum_{i<j}w_{ij}s_is_j-b^\\top s=-\\frac12s^\\top Ws-b^\\top s$ ($W$ the tied symmetric matrix, zero diagonal)", bmEnergyExpr(n),
        sub(mul(num("-1/2"), quad), add(...S.b.map((b, i) => mul(b, S.s[i]!)))));
      ctx.refutes("without the $\\frac12$, $-\\sum_{i\\ne j}w_{ij}s_is_j$ double counts every pair", bmEnergyExpr(n), sub(mul(num(-1), quad), add(...S.b.map((b, i) => mul(b, S.s[i]!)))));
      const naive = add(...[0, 1, 2].flatMap((i) => [mul(num(-1), S.b[i]!, sigma[i]!), ...[0, 1, 2].filter((j) => j > i).map((j) => mul(num(-1), w(i, j), sigma[i]!, sigma[j]!))]));
      const gap = sub(bmEnergyExpr(n), naive);
      ctx.refutes("the naive converter ($J=w$, $h=b$, i.e. $s$ replaced by $\\sigma$) does not differ from $E_{01}$ by a constant: the difference at $s$ is not its value at $s=0$", gap, subs(gap, { s1: 0, s2: 0, s3: 0 }), {
        justification: "a constant difference would be the same at every state",
      });
    }
    // --- exact: the RBM converter (d = m = 2)
    {
      const d = 2, m = 2;
      const S = rbmSymbols(d, m);
      const sv = S.v.map((v) => sub(mul(num(2), v), num(1))), sh = S.h.map((h) => sub(mul(num(2), h), num(1)));
      const a2 = S.a.map((a, i) => add(div(a, num(2)), div(add(...[0, 1].map((j) => S.W.get(i, j))), num(4))));
      const c2 = S.c.map((c, j) => add(div(c, num(2)), div(add(...[0, 1].map((i) => S.W.get(i, j))), num(4))));
      const Epm = add(
        ...a2.map((a, i) => mul(num(-1), a, sv[i]!)),
        ...c2.map((c, j) => mul(num(-1), c, sh[j]!)),
        ...[0, 1].flatMap((i) => [0, 1].map((j) => mul(num("-1/4"), S.W.get(i, j), sv[i]!, sh[j]!))),
      );
      const constant = add(mul(num("-1/2"), add(...S.a)), mul(num("-1/2"), add(...S.c)), mul(num("-1/4"), add(...[0, 1].flatMap((i) => [0, 1].map((j) => S.W.get(i, j))))));
      ctx.identity("RBM (d = m = 2): $E_{01}(v,h)=E_\\pm(\\sigma^v,\\sigma^h)-\\frac12\\mathbf 1^\\top a-\\frac12\\mathbf 1^\\top c-\\frac14\\mathbf 1^\\top W\\mathbf 1$ (all symbols)", rbmEnergyExpr("bernoulli", d, m), add(Epm, constant));
    }
    // --- numeric: the module's converters on every state
    const rng = new Rng(909);
    {
      const n = 5;
      const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i]![j] = W[j]![i] = normal(rng, 0, 1);
      const bm = boltzmannMachine({ W, b: Array.from({ length: n }, () => normal(rng, 0, 1)) });
      const spin = bmToSpins(bm);
      const diffs = Array.from({ length: 2 ** n }, (_, k) => bmEnergy(bm, bits(k, n)) - spinEnergy(spin, toSpins(bits(k, n))));
      let sumW = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sumW += W[i]![j]!;
      const stated = -bm.b.reduce((s, x) => s + x, 0) / 2 - sumW / 4;
      ctx.numeric("bmToSpins (n = 5): $E_{01}(s)-E_\\pm(\\sigma)$ equals the stated constant at all 32 states", diffs, diffs.map(() => stated), 1e-12, {
        justification: `the module's constant ${spin.constant.toPrecision(8)}`,
      });
      const T = 0.7;
      const E01 = stateEnergies(bm);
      const Epm = Float64Array.from({ length: 2 ** n }, (_, k) => spinEnergy(spin, toSpins(bits(k, n))));
      ctx.numeric("the Gibbs laws agree: $P_T^{01}=P_T^{\\pm}$ (T = 0.7), and $\\log Z^{01}_T=\\log Z^\\pm_T-\\mathrm{const}/T$",
        [...boltzmannLaw(E01, { T }), logPartition(bm, { T })], [...boltzmannLaw(Epm, { T }), logSumExp(Array.from(Epm, (e) => -e / T)) - stated / T], 1e-12);
      const naive = Array.from({ length: 2 ** n }, (_, k) => {
        const sg = toSpins(bits(k, n));
        let e = 0;
        for (let i = 0; i < n; i++) {
          e -= bm.b[i]! * sg[i]!;
          for (let j = i + 1; j < n; j++) e -= W[i]![j]! * sg[i]! * sg[j]!;
        }
        return bmEnergy(bm, bits(k, n)) - e;
      });
      ctx.numericFails("the naive converter ($J=w$, $h=b$): $E_{01}-E_\\pm$ is not constant over the 32 states (its spread)", spread(naive), 0, 1e-6);
      // RBM
      const G = normalMatrix(rng, 3, 3);
      const model = rbm({ W: G, a: [0.3, -0.5, 0.1], c: [0.2, 0.4, -0.6] });
      const sr = rbmToSpins(model);
      const dr = Array.from({ length: 64 }, (_, k) => rbmEnergy(model, bits(k, 3), bits(k >>> 3, 3)) - spinRbmEnergy(sr, toSpins(bits(k, 3)), toSpins(bits(k >>> 3, 3))));
      const statedR = -0.5 * (0.3 - 0.5 + 0.1) - 0.5 * (0.2 + 0.4 - 0.6) - 0.25 * G.data.reduce((s, x) => s + x, 0);
      ctx.numeric("rbmToSpins (d = m = 3): $E_{01}(v,h)-E_\\pm(\\sigma^v,\\sigma^h)$ equals the stated constant at all 64 joint states", dr, dr.map(() => statedR), 1e-12);
    }
    // --- T versus β
    {
      const n = 4;
      const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i]![j] = W[j]![i] = normal(rng, 0, 0.8);
      const bm = boltzmannMachine({ W, b: Array.from({ length: n }, () => normal(rng, 0, 0.8)) });
      const theta = naturalParameters(bm);
      const T = 2.5, beta = 1 / T;
      const E = stateEnergies(bm);
      ctx.numeric("$\\log Z_T=\\log\\sum_se^{-\\beta E(s)}$ with $\\beta=1/T$, and the exponential family at the natural parameter $\\theta/T$ (T = 2.5)",
        [logPartition(bm, { T }), expfamLogPartition(n, theta.map((x) => x * beta))], [logSumExp(Array.from(E, (e) => -beta * e)), logPartition(bm, { T })], 1e-12);
      ctx.numericFails("confusing T with β (natural parameter $\\theta T$) gives a different $\\log Z$", expfamLogPartition(n, theta.map((x) => x * T)), logPartition(bm, { T }), 1e-3);
      const h = 1e-5;
      const dT = (logPartition(bm, { T: T + h }) - logPartition(bm, { T: T - h })) / (2 * h);
      const p = boltzmannLaw(E, { T });
      const meanE = Array.from(E).reduce((s, e, k) => s + e * p[k]!, 0);
      ctx.numeric("$\\partial_T\\log Z_T=\\langle E\\rangle_T/T^2$ while $\\partial_\\beta\\log Z=-\\langle E\\rangle$ (central differences in T)", dT, meanE / (T * T), 1e-5);
      const st = bmModelStatistics(bm, { T });
      const db = (logPartition(boltzmannMachine({ W, b: Array.from(bm.b, (x, i) => (i === 0 ? x + h : x)) }), { T }) - logPartition(boltzmannMachine({ W, b: Array.from(bm.b, (x, i) => (i === 0 ? x - h : x)) }), { T })) / (2 * h);
      ctx.numeric("$\\partial_{b_1}\\log Z_T=\\langle s_1\\rangle/T$ (not $\\langle s_1\\rangle$; T = 2.5)", db, st.s[0]! / T, 1e-5);
    }
    // --- KL and Bregman order
    {
      const n = 3;
      const th = Float64Array.from({ length: 6 }, () => normal(rng, 0, 0.8)), thp = Float64Array.from({ length: 6 }, () => normal(rng, 0, 0.8));
      ctx.numeric("$\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta',\\theta)$ (fully visible, n = 3): the expectation is under the first argument, the base point of $D_\\psi$ is the second", expfamKL(n, th, thp), expfamBregman(n, thp, th), 1e-10);
      ctx.numericFails("the same order in both ($D_\\psi(\\theta,\\theta')$) is wrong", expfamBregman(n, th, thp), expfamKL(n, th, thp), 1e-3);
      const p = 3;
      const S1 = randomGramSpd(rng, p), S2 = randomGramSpd(rng, p);
      const K1 = inverse(S1), K2 = inverse(S2);
      const psi = (x: Float64Array) => -0.5 * logDet(symmetric({ rows: p, cols: p, data: x }));
      const grad = (x: Float64Array) => inverse(symmetric({ rows: p, cols: p, data: x })).data.map((y) => -0.5 * y);
      ctx.numeric("Gaussian: $\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))=D_\\psi(K_2,K_1)$, $\\psi(K)=-\\frac12\\log\\det K$, $\\nabla\\psi=-\\frac12K^{-1}$ (p = 3)", gaussianKl(S1, S2), bregmanDivergence(psi, grad, K2.data, K1.data), 1e-10, {
        justification: "the Frobenius pairing $\\langle G,K'-K\\rangle=\\mathrm{tr}(G(K'-K))$ over all $p^2$ entries",
      });
      ctx.numericFails("Gaussian, swapped: $D_\\psi(K_1,K_2)\\ne\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))$", bregmanDivergence(psi, grad, K1.data, K2.data), gaussianKl(S1, S2), 1e-3);
    }
  },
};

function symmetric(A: Matrix): Matrix {
  const p = A.rows;
  const data = Float64Array.from(A.data);
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) data[i * p + j] = data[j * p + i] = 0.5 * (A.data[i * p + j]! + A.data[j * p + i]!);
  return { rows: p, cols: p, data };
}
