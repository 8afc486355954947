// V24: exactness of the Mehta–Schwab variational RG (MATH.md §8.5), by enumeration. With T_λ = −E_λ + H:
// H^RG = H^RBM always; the step is exact (Σ_h e^{T_λ} = 1 ∀v) iff F_λ = H, and then free energies agree; a generic
// H violates both; H = F_λ + c gives KL = 0 but log Σ_h e^{T_λ} = c at every v, so exactness fails unless c = 0.
import { add, exp, mul, num, subs, sym, type Expr } from "../src/core/index.js";
import { logSumExp, rbm, rbmEnergy, rbmEnergyExpr } from "../src/boltzmann/index.js";
import { mehtaSchwab, rbmVisibleFreeEnergies } from "../src/rg/index.js";
import { normal, normalMatrix, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

const bits = (k: number, n: number): number[] => Array.from({ length: n }, (_, i) => (k >>> i) & 1);

export const v24: Proof = {
  id: "V24",
  title: "Mehta–Schwab variational RG: when the RBM–RG map is exact",
  source: "MATH.md §8.5, §9 V24, §10 item 6",
  statement:
    "With $T_\\lambda(v,h)=-E_\\lambda(v,h)+H(v)$ and $e^{-H^{RG}_\\lambda(h)}=\\sum_ve^{T_\\lambda(v,h)-H(v)}$: $H^{RG}_\\lambda=H^{RBM}_\\lambda=-\\log\\sum_ve^{-E_\\lambda(v,\\cdot)}$; " +
    "the transformation is exact ($\\sum_he^{T_\\lambda(v,h)}=1$ for all $v$) iff $F_\\lambda=H$, and then $\\sum_he^{-H^{RG}_\\lambda}=\\sum_ve^{-H}$. " +
    "$\\mathrm{KL}(e^{-H}/Z\\|p_\\lambda)=0$ iff $F_\\lambda=H+\\mathrm{const}$, which is exactness only for the constant 0.",
  hypotheses: ["Bernoulli–Bernoulli RBM $E_\\lambda(v,h)=-a^\\top v-c^\\top h-v^\\top Wh$ with $d=5$, $m=3$; $T=1$", "exactness measured as $\\max_v|\\log\\sum_he^{T_\\lambda(v,h)}|\\le10^{-12}$"],
  references: ["Mehta–Schwab, An exact mapping between the variational RG and deep learning (2014)", "Kadanoff (1966)"],
  run(ctx) {
    // exact: log Σ_h e^{T_λ(v,h)} = H(v) − F_λ(v) (d = 1, m = 2, all symbols)
    {
      const E = rbmEnergyExpr("bernoulli", 1, 2);
      const H = sym("H");
      const terms: Expr[] = [];
      for (let k = 0; k < 4; k++) terms.push(exp(add(mul(num(-1), subs(E, { h1: k & 1, h2: (k >>> 1) & 1 })), H)));
      const [v, a, W1, W2, c1, c2] = ["v1", "a1", "W11", "W12", "c1", "c2"].map((x) => sym(x)) as [Expr, Expr, Expr, Expr, Expr, Expr];
      const product = mul(exp(add(H, mul(a, v))), add(num(1), exp(add(c1, mul(W1, v)))), add(num(1), exp(add(c2, mul(W2, v)))));
      ctx.identity("$\\sum_he^{T_\\lambda(v,h)}=e^{H(v)+a^\\top v}\\prod_j(1+e^{c_j+(W^\\top v)_j})=e^{H(v)-F_\\lambda(v)}$ (d = 1, m = 2, all parameters symbolic, $H=H(v)$ a symbol)", add(...terms), product, {
        justification: "the hidden sum factorises (V1), and $e^{a^\\top v}\\prod_j(1+e^{x_j})=e^{-F_\\lambda(v)}$: the defect $\\log\\sum_he^{T_\\lambda}$ is $H-F_\\lambda$, zero iff $H=F_\\lambda$",
      });
    }
    const rng = new Rng(2424);
    const d = 5, m = 3;
    const G = normalMatrix(rng, d, m);
    const model = rbm({ W: { rows: d, cols: m, data: G.data.map((x) => 0.8 * x) }, a: Array.from({ length: d }, () => normal(rng, 0, 0.5)), c: Array.from({ length: m }, () => normal(rng, 0, 0.5)) });
    const F = rbmVisibleFreeEnergies(model);
    const generic = Float64Array.from({ length: 2 ** d }, () => normal(rng, 0, 1));

    // H^RG = H^RBM for any H, by direct enumeration of Σ_v e^{T(v,h) − H(v)}
    {
      const direct: number[] = [];
      for (let h = 0; h < 2 ** m; h++)
        direct.push(-logSumExp(Array.from({ length: 2 ** d }, (_, v) => -rbmEnergy(model, bits(v, d), bits(h, m)) + generic[v]! - generic[v]!)));
      ctx.numeric("$H^{RG}_\\lambda(h)=-\\log\\sum_ve^{T_\\lambda(v,h)-H(v)}$ equals $H^{RBM}_\\lambda(h)=-\\log\\sum_ve^{-E_\\lambda(v,h)}$ for all 8 hidden states (generic H)", direct, Array.from(mehtaSchwab(model, generic).hRG), 1e-12);
    }
    // H = F_λ: exact
    {
      const r = mehtaSchwab(model, F);
      ctx.numeric("$H:=F_\\lambda$: $\\max_v|\\log\\sum_he^{T_\\lambda(v,h)}|\\le10^{-12}$ (exact transformation)", r.maxDefect, 0, 1e-12, { absolute: true });
      ctx.numeric("$H:=F_\\lambda$: free energies agree, $\\log\\sum_he^{-H^{RG}}=\\log\\sum_ve^{-H}$", r.logZRG, r.logZH, 1e-12);
      ctx.numeric("$H:=F_\\lambda$: $\\mathrm{KL}(e^{-H}/Z\\|p_\\lambda)=0$", r.kl, 0, 1e-12, { absolute: true });
      // the defects from the energies directly (independent of the module's marginals)
      const defects = Array.from({ length: 2 ** d }, (_, v) => logSumExp(Array.from({ length: 2 ** m }, (_, h) => -rbmEnergy(model, bits(v, d), bits(h, m)) + F[v]!)));
      ctx.numeric("$\\log\\sum_he^{T_\\lambda(v,h)}$ summed from the energies is 0 at all 32 visible states", defects, defects.map(() => 0), 1e-12, { absolute: true });
    }
    // generic H: neither
    {
      const r = mehtaSchwab(model, generic);
      ctx.fact("a generic H (i.i.d. N(0,1) energies) is not an exact RG step: some $v$ has $\\sum_he^{T_\\lambda(v,h)}\\ne1$", r.exact, `max_v |log Σ_h e^T| = ${r.maxDefect.toPrecision(6)}`, { expect: "fails" });
      ctx.numericFails("a generic H: the free energies differ, $\\log\\sum_he^{-H^{RG}}\\ne\\log\\sum_ve^{-H}$", r.logZRG, r.logZH, 1e-6);
      ctx.fact("a generic H: $\\mathrm{KL}(e^{-H}/Z\\|p_\\lambda)>0$", r.kl > 1e-3, `KL = ${r.kl.toPrecision(6)}`);
    }
    // H = F_λ + c: KL = 0 but log Σ_h e^{T} = H − F = c at every v
    {
      const c = 0.37;
      const r = mehtaSchwab(model, F.map((x) => x + c));
      ctx.numeric("$H=F_\\lambda+c$ (c = 0.37): $\\mathrm{KL}(e^{-H}/Z\\|p_\\lambda)=0$", r.kl, 0, 1e-12, { absolute: true });
      ctx.numeric("$H=F_\\lambda+c$: $\\log\\sum_he^{T_\\lambda(v,h)}=c$ at every $v$ (a constant defect)", Array.from(r.defects), Array.from(r.defects, () => c), 1e-12);
      ctx.fact("$H=F_\\lambda+c$ with $c\\ne0$ is not exact although KL = 0", r.exact, `max_v |defect| = ${r.maxDefect.toPrecision(6)} = |c|`, { expect: "fails" });
      ctx.numeric("... and the free energies differ by exactly c: $\\log\\sum_ve^{-H}=\\log\\sum_he^{-H^{RG}}-c$", r.logZH, r.logZRG - c, 1e-12);
    }
  },
};
