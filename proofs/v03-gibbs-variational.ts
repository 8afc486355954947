// V3: the Gibbs variational principle (MATH.md §2.4): 𝓕_T[q] = E_q[E] − T H(q) ≥ −T log Z_T with equality iff
// q = P_T, and KL(q‖P_T) = (𝓕_T[q] + T log Z_T)/T, on random Dirichlet laws q over the states of a Boltzmann
// machine and of an RBM. Exact for a two-state system (symbolic q, E, T). Must fail: the swapped KL(P_T‖q).
import { add, div, exp, log, mul, num, sub, sym } from "../src/core/index.js";
import { boltzmannLaw, boltzmannMachine, gibbsFunctional, gibbsVariational, klDivergence, logPartition, rbm, stateEnergies } from "../src/boltzmann/index.js";
import { dirichlet, normal, normalMatrix, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

export const v03: Proof = {
  id: "V03",
  title: "Gibbs variational principle",
  source: "MATH.md §2.4, §1.9, §9 V3",
  statement:
    "For every law $q$ on the states, $\\mathcal F_T[q]=\\mathbb E_q[E]-T\\,H(q)\\ge-T\\log Z_T$, with equality iff $q=P_T$, and " +
    "$\\mathrm{KL}(q\\|P_T)=(\\mathcal F_T[q]+T\\log Z_T)/T$.",
  hypotheses: [
    "$H(q)=-\\sum q\\log q$ in nats; $\\mathrm{KL}(q\\|P)$ takes the expectation under its first argument (§1.9)",
    "random $q\\sim\\mathrm{Dirichlet}(\\alpha\\mathbf 1)$ for $\\alpha\\in\\{0.3,1,5\\}$ over the 64 states of a 6-unit Boltzmann machine and the 128 joint states of an RBM ($d=4$, $m=3$); $T\\in\\{1,2.5,0.4\\}$",
  ],
  references: ["Gibbs (1902)", "Jaynes (1957)", "Cover–Thomas, Elements of Information Theory"],
  run(ctx) {
    // exact: two states with energies E1, E2, q = (x, 1 − x)
    {
      const [x, E1, E2, T] = [sym("x"), sym("E1"), sym("E2"), sym("T")];
      const y = sub(num(1), x);
      const Z = add(exp(div(mul(num(-1), E1), T)), exp(div(mul(num(-1), E2), T)));
      const P1 = div(exp(div(mul(num(-1), E1), T)), Z), P2 = div(exp(div(mul(num(-1), E2), T)), Z);
      const F = add(mul(x, E1), mul(y, E2), mul(T, add(mul(x, log(x)), mul(y, log(y)))));
      const KL = add(mul(x, log(div(x, P1))), mul(y, log(div(y, P2))));
      ctx.identity("two states: $\\mathrm{KL}(q\\|P_T)=(\\mathcal F_T[q]+T\\log Z_T)/T$ for all $q=(x,1-x)$, $E_1$, $E_2$, $T$", KL, div(add(F, mul(T, log(Z))), T), {
        verify: { domain: [{ expr: x, op: ">" }, { expr: y, op: ">" }, { expr: T, op: ">" }] },
        justification: "$\\log P_T(s)=-E(s)/T-\\log Z_T$, so $\\sum_s q\\log(q/P_T)=\\sum_s q\\log q+\\mathbb E_q[E]/T+\\log Z_T$",
      });
    }

    const rng = new Rng(303);
    const n = 6;
    const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i]![j] = W[j]![i] = normal(rng, 0, 0.8);
    const bm = boltzmannMachine({ W, b: Array.from({ length: n }, () => normal(rng, 0, 0.6)) });
    const bmE = stateEnergies(bm);
    const Wr = normalMatrix(rng, 4, 3);
    const rbmModel = rbm({ W: { rows: 4, cols: 3, data: Wr.data.map((v) => 0.9 * v) }, a: [0.2, -0.4, 0.1, 0.3], c: [-0.3, 0.5, 0.1] });
    const rbmE = stateEnergies(rbmModel);
    const cases: Array<[string, Float64Array, number, number]> = [
      ["Boltzmann machine (64 states)", bmE, 1, logPartition(bm, { T: 1 })],
      ["Boltzmann machine (64 states)", bmE, 2.5, logPartition(bm, { T: 2.5 })],
      ["RBM, joint states (128)", rbmE, 0.4, logPartition(rbmModel, { T: 0.4 })],
    ];
    let swapped: { kl: number; gapOverT: number } | null = null;
    for (const [name, E, T, logZ] of cases) {
      const gaps: number[] = [], kls: number[] = [], fromGap: number[] = [];
      for (const alpha of [0.3, 1, 5])
        for (let k = 0; k < 10; k++) {
          const q = dirichlet(rng, new Float64Array(E.length).fill(alpha));
          const r = gibbsVariational(E, q, { T });
          gaps.push(r.gap);
          kls.push(r.kl);
          fromGap.push(r.klFromGap);
          if (swapped === null && alpha === 1) swapped = { kl: klDivergence(boltzmannLaw(E, { T }), q), gapOverT: r.klFromGap };
        }
      const minGap = Math.min(...gaps);
      ctx.fact(`${name}, T = ${T}: $\\mathcal F_T[q]\\ge-T\\log Z_T$ for 30 Dirichlet laws`, minGap > 0, `smallest gap $\\mathcal F_T[q]+T\\log Z_T$ = ${minGap.toExponential(3)} > 0`);
      ctx.numeric(`${name}, T = ${T}: $\\mathrm{KL}(q\\|P_T)=(\\mathcal F_T[q]+T\\log Z_T)/T$ for the same 30 laws`, kls, fromGap, 1e-10);
      const P = boltzmannLaw(E, { T });
      ctx.numeric(`${name}, T = ${T}: equality at $q=P_T$, $\\mathcal F_T[P_T]=-T\\log Z_T$`, gibbsFunctional(E, P, { T }), -T * logZ, 1e-10, {
        justification: "$\\log Z_T$ from the model's own enumeration (for the RBM: the visible layer summed in closed form)",
      });
      // strictness: a small perturbation towards a point mass raises 𝓕 by a positive amount of order ε²
      const eps = 1e-3;
      const qe = P.map((p, s) => (1 - eps) * p + (s === 0 ? eps : 0));
      const g = gibbsVariational(E, qe, { T }).gap;
      ctx.fact(`${name}, T = ${T}: $q\\ne P_T$ close to $P_T$ (mixed with a point mass, $\\varepsilon=10^{-3}$) has a strictly positive gap`, g > 0, `gap ${g.toExponential(3)} > 0`);
    }
    if (swapped)
      ctx.numericFails("the swapped order fails: $\\mathrm{KL}(P_T\\|q)\\ne(\\mathcal F_T[q]+T\\log Z_T)/T$", swapped.kl, swapped.gapOverT, 1e-3, {
        justification: "the Gibbs gap is the divergence with the expectation under $q$ (first argument, §1.9)",
      });
  },
};
