// V5: the Monge–Ampère quantity of the categorical family, det ∇²ψ = ∏ p_i (exact for n = 1..5; numeric at random θ with
// analytic and finite-difference Hessians), and that it is not constant.
import { add, det, exp, hessian, log, matrix, mul, num, pow, simplify, sub, subs, sym } from "../src/core/index.js";
import type { Proof } from "../src/proofs/index.js";
import { categoricalHessian, categoricalLogPartition, categoricalMongeAmpere, categoricalProbabilities } from "../src/boltzmann/index.js";
import { fdHessian } from "../src/cones/index.js";
import { det as ldet } from "../src/linalg/index.js";
import { normal, Rng } from "../src/random/index.js";

function categorical(n: number) {
  const th = Array.from({ length: n }, (_, i) => sym(`theta${i + 1}`));
  const Z = add(num(1), ...th.map(exp));
  const psi = log(Z);
  const p0 = pow(Z, num(-1));
  const p = th.map((t) => mul(exp(t), p0));
  return { th, psi, p0, p, names: th.map((t) => (t as { name: string }).name) };
}

export const v05: Proof = {
  id: "V05",
  title: "Categorical Monge–Ampère identity",
  source: "MATH.md §2.5, §8.6 (R1)",
  statement:
    "For $\\psi(\\theta)=\\log(1+\\sum_{i=1}^n e^{\\theta_i})$: $\\nabla^2\\psi=\\operatorname{diag}(p)-pp^\\top$ and $\\det\\nabla^2\\psi=\\prod_{i=0}^n p_i$, which is not constant.",
  hypotheses: ["$p_0=(1+\\sum_i e^{\\theta_i})^{-1}$, $p_i=e^{\\theta_i}p_0$", "$\\theta\\in\\mathbb R^n$, $n=1,\\dots,5$"],
  informal: { claim: "A dually flat (exponential) family has a Monge–Ampère potential with constant determinant.", verdict: "fails as stated" },
  references: ["Amari–Nagaoka (2000)", "Matrix determinant lemma"],
  run(ctx) {
    const { th, psi, p, names } = categorical(3);
    const H = hessian(psi, names);
    ctx.show("The potential", psi, "\\psi(\\theta)");
    for (let i = 0; i < 3; i++)
      for (let j = i; j < 3; j++)
        ctx.identity(`Hessian entry (${i + 1},${j + 1}) is δ_ij p_i − p_i p_j (n = 3)`, H[i]![j]!, sub(i === j ? p[i]! : num(0), mul(p[i]!, p[j]!)), {
          justification: "differentiate $\\psi$ twice",
        });
    for (let n = 1; n <= 5; n++) {
      const c = categorical(n);
      const d = det(matrix(hessian(c.psi, c.names)));
      ctx.identity(`det ∇²ψ = p_0 p_1 ⋯ p_n for n = ${n}`, d, mul(c.p0, ...c.p), {
        justification: "matrix determinant lemma: $\\det(D-pp^\\top)=\\det D\\,(1-p^\\top D^{-1}p)=\\prod_i p_i\\,(1-\\sum_i p_i)$",
      });
    }
    const d1 = simplify(det(matrix(hessian(categorical(1).psi, ["theta1"]))));
    ctx.show("n = 1", d1, "\\det\\nabla^2\\psi");
    ctx.refutes("det ∇²ψ is not constant (n = 1): it differs from its value at θ = 0", d1, subs(d1, { theta1: 0 }), {
      justification: "a counterexample point where $\\det\\nabla^2\\psi\\ne 1/4$",
    });
    void th;

    // numeric, n = 1..5 at random θ: det of the Hessian (analytic, and by finite differences) against Π p_i; non-constancy
    const rng = new Rng(505);
    for (let n = 1; n <= 5; n++) {
      const thetas = Array.from({ length: 4 }, () => Array.from({ length: n }, () => normal(rng, 0, 1.2)));
      const prod = thetas.map((t) => Array.from(categoricalProbabilities(t)).reduce((a, b) => a * b, 1));
      ctx.numeric(`det ∇²ψ = p_0 p_1 ⋯ p_n at 4 random θ (n = ${n}): LU determinant of diag(p) − ppᵀ over the product, and the module's closed form over the product`,
        thetas.flatMap((t, k) => [ldet(categoricalHessian(t)) / prod[k]!, categoricalMongeAmpere(t).det / prod[k]!]), thetas.flatMap(() => [1, 1]), 1e-10, {
          justification: "ratios, so the relative error is measured at the scale of the (small) determinants",
        });
      const fd = thetas.map((t) => ldet(fdHessian((x) => categoricalLogPartition(x), t, 1e-3)));
      ctx.numeric(`the same with a finite-difference Hessian of ψ (n = ${n})`, fd.map((x, k) => x / prod[k]!), prod.map(() => 1), 1e-5);
      ctx.numericFails(`det ∇²ψ is not constant (n = ${n}): its values at two random θ have a ratio ≠ 1`, prod[0]! / prod[1]!, 1, 1e-3);
    }
  },
};
