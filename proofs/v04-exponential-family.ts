// V4: the fully visible Boltzmann machine as an exponential family (MATH.md §2.5): ∇²ψ = Cov_θ(t) = I(θ) (exact for
// n ≤ 3 units, FD for n = 4), η = ∇ψ, ψ + ψ* = ⟨θ, η⟩ with ψ* = −H, ∇ψ* = (∇ψ)⁻¹ and ∇²ψ* = (∇²ψ)⁻¹,
// KL(P_θ‖P_θ′) = D_ψ(θ′, θ) = D_ψ*(η, η′), and at temperature T: ∂²_b log Z_T = Cov(s)/T². Must fail: the
// swapped Bregman orders.
import { add, diff, div, exp, hessian, mul, num, sub, subs, sym, verify, type Expr } from "../src/core/index.js";
import {
  bmLogPartitionExpr,
  bmSymbols,
  boltzmannMachine,
  bregmanDivergence,
  conjugatePotential,
  expfamBregman,
  expfamEntropy,
  expfamKL,
  expfamLogPartition,
  fisherInformation,
  fromNaturalParameters,
  logPartition,
  meanParameters,
  naturalFromMean,
  sufficientStatistic,
} from "../src/boltzmann/index.js";
import { fdHessian } from "../src/cones/index.js";
import { eigvalsh, inverse } from "../src/linalg/index.js";
import { normal, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

const dot = (x: ArrayLike<number>, y: ArrayLike<number>): number => Array.from(x).reduce((s, v, k) => s + v * y[k]!, 0);

/** The symbolic natural parameters (w_ij (i<j) row-major, then b), weights e^{⟨θ, t(s)⟩}, Z and the moments. */
function symbolicFamily(n: number, T?: Expr) {
  const S = bmSymbols(n);
  const theta = [...S.w, ...S.b];
  const states = Array.from({ length: 2 ** n }, (_, s) => Array.from(sufficientStatistic(n, s)));
  const weights = states.map((t) => exp(T ? div(add(...t.map((x, a) => mul(num(x), theta[a]!))), T) : add(...t.map((x, a) => mul(num(x), theta[a]!)))));
  const Z = add(...weights);
  const mean = (f: (t: number[]) => number): Expr => div(add(...states.map((t, s) => mul(num(f(t)), weights[s]!))), Z);
  return { theta, names: theta.map((x) => (x as { name: string }).name), mean };
}

export const v04: Proof = {
  id: "V04",
  title: "Exponential-family Hessian, Legendre duality and the Bregman order",
  source: "MATH.md §2.5, §1.9, §9 V4",
  statement:
    "For $P_\\theta(s)=\\exp(\\langle\\theta,t(s)\\rangle-\\psi(\\theta))$, $t(s)=((s_is_j)_{i<j},(s_i)_i)$: $\\nabla\\psi=\\mathbb E_\\theta t=\\eta$, " +
    "$\\nabla^2\\psi=\\mathrm{Cov}_\\theta(t)=I(\\theta)$, $\\psi^*(\\eta)=\\langle\\theta,\\eta\\rangle-\\psi(\\theta)=-H(P_\\theta)$, $\\nabla\\psi^*=(\\nabla\\psi)^{-1}$, " +
    "$\\nabla^2\\psi^*(\\eta)=\\nabla^2\\psi(\\theta)^{-1}$ and $\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta',\\theta)=D_{\\psi^*}(\\eta,\\eta')$; at temperature $T$, $\\partial_b^2\\log Z_T=\\mathrm{Cov}(s)/T^2$.",
  hypotheses: [
    "fully visible Boltzmann machine, $T=1$ unless stated (at temperature $T$ the natural parameter is $\\theta/T$)",
    "$D_\\psi(\\theta',\\theta)=\\psi(\\theta')-\\psi(\\theta)-\\langle\\nabla\\psi(\\theta),\\theta'-\\theta\\rangle$: the base point is the second argument (§1.9)",
    "exact for $n\\le3$ units; numeric for $n=3,4$ at random $\\theta$",
  ],
  references: ["Amari–Nagaoka, Methods of Information Geometry (2000)", "Barndorff-Nielsen (1978)", "Wainwright–Jordan (2008)"],
  run(ctx) {
    // --- exact: ∇²ψ = Cov(t) and ∇ψ = E t
    for (const n of [2, 3]) {
      const psi = bmLogPartitionExpr(n);
      const F = symbolicFamily(n);
      const Hs = hessian(psi, F.names);
      const D = F.theta.length;
      if (n === 2) ctx.show("ψ for n = 2, $\\theta=(w_{12},b_1,b_2)$", psi, "\\psi(\\theta)");
      for (let a = 0; a < D; a++)
        ctx.identity(`$\\partial\\psi/\\partial\\theta_{${a + 1}}=\\mathbb E_\\theta t_{${a + 1}}$ (n = ${n})`, diff(psi, F.names[a]!), F.mean((t) => t[a]!));
      const cov = (a: number, b: number): Expr => sub(F.mean((t) => t[a]! * t[b]!), mul(F.mean((t) => t[a]!), F.mean((t) => t[b]!)));
      if (n === 2) ctx.identity("$\\partial^2\\psi/\\partial w_{12}\\partial b_1=\\mathrm{Cov}_\\theta(s_1s_2,s_1)$ (n = 2)", Hs[0]![1]!, cov(0, 1));
      ctx.custom(`$\\nabla^2\\psi=\\mathrm{Cov}_\\theta(t)$: all ${(D * (D + 1)) / 2} entries (n = ${n}, ${D} parameters)`, () => {
        const bad: string[] = [];
        for (let a = 0; a < D; a++)
          for (let b = a; b < D; b++) {
            const c = verify(Hs[a]![b]!, cov(a, b), { method: "exact" });
            if (!(c.verdict === "proved" && c.method === "exact")) bad.push(`(${a + 1},${b + 1}): ${c.verdict}`);
          }
        return bad.length === 0
          ? { kind: "proved/exact", detail: `each of the ${(D * (D + 1)) / 2} differences is the zero rational function over the atoms` }
          : { kind: "unknown", detail: `not proved exactly: ${bad.join("; ")}` };
      }, { justification: "differentiate $\\mathbb E_\\theta t_a=\\sum_s t_a(s)e^{\\langle\\theta,t(s)\\rangle}/Z$ once more" });
    }
    // --- exact: KL(P_θ‖P_θ′) = D_ψ(θ′, θ) for n = 2 with θ = (w12, b1, b2), θ′ = (u12, c1, c2) symbolic; the swapped order fails
    {
      const n = 2;
      const psi = bmLogPartitionExpr(n);
      const names = ["w12", "b1", "b2"];
      const prime = (e: Expr): Expr => subs(e, { w12: sym("u12"), b1: sym("c1"), b2: sym("c2") });
      const th = names.map((x) => sym(x)), thp = th.map(prime);
      const psiP = prime(psi);
      const logp = (t: number[], TH: Expr[], PS: Expr): Expr => sub(add(...t.map((x, a) => mul(num(x), TH[a]!))), PS);
      const stats = Array.from({ length: 2 ** n }, (_, s) => Array.from(sufficientStatistic(n, s)));
      const KL = add(...stats.map((t) => mul(exp(logp(t, th, psi)), sub(logp(t, th, psi), logp(t, thp, psiP)))));
      const eta = names.map((x) => diff(psi, x)), etaP = eta.map(prime);
      const bregman = (psiA: Expr, psiB: Expr, etaB: Expr[], A: Expr[], B: Expr[]): Expr => sub(sub(psiA, psiB), add(...etaB.map((e, a) => mul(e, sub(A[a]!, B[a]!)))));
      ctx.identity("$\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta',\\theta)$ exactly (n = 2, $\\theta=(w_{12},b_1,b_2)$, $\\theta'=(u_{12},c_1,c_2)$ symbolic)", KL, bregman(psiP, psi, eta, thp, th), {
        justification: "$\\log P_\\theta-\\log P_{\\theta'}=\\langle\\theta-\\theta',t\\rangle-\\psi(\\theta)+\\psi(\\theta')$ and $\\mathbb E_\\theta t=\\nabla\\psi(\\theta)$",
      });
      ctx.refutes("the swapped order $\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta,\\theta')$ is false (n = 2)", KL, bregman(psi, psiP, etaP, th, thp));
    }
    // --- exact at temperature T: ∂²_{b_1} log Z_T = Var(s_1)/T², n = 2
    {
      const T = sym("T");
      const F = symbolicFamily(2, T);
      const lz = bmLogPartitionExpr(2, { T });
      const m1 = F.mean((t) => t[1]!);
      ctx.identity("$\\partial_{b_1}^2\\log Z_T=\\mathrm{Var}(s_1)/T^2$ (n = 2, T symbolic)", diff(diff(lz, "b1"), "b1"), div(sub(m1, mul(m1, m1)), mul(T, T)), {
        justification: "$s_1^2=s_1$; the natural parameter at temperature $T$ is $\\theta/T$",
      });
      ctx.identity("$\\partial_{b_1}\\partial_{b_2}\\log Z_T=\\mathrm{Cov}(s_1,s_2)/T^2$ (n = 2, T symbolic)", diff(diff(lz, "b1"), "b2"),
        div(sub(F.mean((t) => t[0]!), mul(m1, F.mean((t) => t[2]!))), mul(T, T)));
    }

    // --- numeric, n = 4 (10 parameters) and n = 3 (6 parameters)
    const rng = new Rng(404);
    const rand = (D: number, s: number) => Float64Array.from({ length: D }, () => normal(rng, 0, s));
    {
      const n = 4;
      const th = rand(10, 0.6);
      const I = fisherInformation(n, th);
      const Hfd = fdHessian((t) => expfamLogPartition(n, t), th, 1e-3);
      ctx.numeric("$\\nabla^2\\psi=I(\\theta)=\\mathrm{Cov}_\\theta(t)$ against a finite-difference Hessian of the enumerated $\\psi$ (n = 4, 10 parameters)", Array.from(I.data), Array.from(Hfd.data), 1e-5, {
        justification: "central differences with one Richardson step, $h=10^{-3}$",
      });
      const eta = meanParameters(n, th);
      const gfd = Array.from(th, (_, a) => {
        const up = Float64Array.from(th), dn = Float64Array.from(th);
        up[a]! += 1e-6;
        dn[a]! -= 1e-6;
        return (expfamLogPartition(n, up) - expfamLogPartition(n, dn)) / 2e-6;
      });
      ctx.numeric("$\\nabla\\psi=\\eta=\\mathbb E_\\theta t$ against central differences (n = 4)", Array.from(eta), gfd, 1e-5);
      const lmin = eigvalsh(I)[0]!;
      ctx.fact("the family is minimal: $I(\\theta)\\succ0$, so $\\psi$ is strictly convex (n = 4)", lmin > 1e-8, `smallest eigenvalue of the Fisher information ${lmin.toExponential(3)}`);
    }
    {
      const n = 3;
      const th = rand(6, 0.7), thp = rand(6, 0.7);
      const eta = meanParameters(n, th), etap = meanParameters(n, thp);
      const psi = expfamLogPartition(n, th);
      const psiStar = conjugatePotential(n, eta);
      ctx.numeric("$\\psi(\\theta)+\\psi^*(\\eta)=\\langle\\theta,\\eta\\rangle$ (n = 3)", psi + psiStar, dot(th, eta), 1e-10, {
        justification: "$\\psi^*$ from $\\theta=(\\nabla\\psi)^{-1}(\\eta)$ by Newton's method",
      });
      ctx.numeric("$\\psi^*(\\eta)=-H(P_\\theta)$ (n = 3)", psiStar, -expfamEntropy(n, th), 1e-10);
      ctx.numeric("$\\nabla\\psi^*=(\\nabla\\psi)^{-1}$: $(\\nabla\\psi)^{-1}(\\nabla\\psi(\\theta))=\\theta$ (n = 3)", Array.from(naturalFromMean(n, eta)), Array.from(th), 1e-10);
      const Iinv = inverse(fisherInformation(n, th));
      const J: number[] = [];
      const h = 1e-6;
      const cols = Array.from({ length: 6 }, (_, b) => {
        const up = Float64Array.from(eta), dn = Float64Array.from(eta);
        up[b]! += h;
        dn[b]! -= h;
        const tu = naturalFromMean(n, up), td = naturalFromMean(n, dn);
        return Array.from(tu, (x, a) => (x - td[a]!) / (2 * h));
      });
      for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) J.push(cols[b]![a]!);
      ctx.numeric("$\\nabla^2\\psi^*(\\eta)=\\nabla^2\\psi(\\theta)^{-1}$: the Jacobian of $\\eta\\mapsto\\theta$ by central differences (n = 3)", J, Array.from(Iinv.data), 1e-5);
      const kl = expfamKL(n, th, thp);
      const dpsi = expfamBregman(n, thp, th);
      ctx.numeric("$\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_\\psi(\\theta',\\theta)$ (n = 3)", dpsi, kl, 1e-10);
      const dstar = bregmanDivergence((e) => conjugatePotential(n, e), (e) => naturalFromMean(n, e), eta, etap);
      ctx.numeric("$\\mathrm{KL}(P_\\theta\\|P_{\\theta'})=D_{\\psi^*}(\\eta,\\eta')$ (n = 3)", dstar, kl, 1e-9, {
        justification: "$\\nabla\\psi^*(\\eta')=\\theta'$; tolerance $10^{-9}$ for the Newton inversions",
      });
      ctx.numericFails("swapped order: $D_\\psi(\\theta,\\theta')\\ne\\mathrm{KL}(P_\\theta\\|P_{\\theta'})$", expfamBregman(n, th, thp), kl, 1e-3, {
        justification: "$D_\\psi(\\theta,\\theta')=\\mathrm{KL}(P_{\\theta'}\\|P_\\theta)$, a different number",
      });
      ctx.numeric("the swapped Bregman divergence is the reversed KL: $D_\\psi(\\theta,\\theta')=\\mathrm{KL}(P_{\\theta'}\\|P_\\theta)$", expfamBregman(n, th, thp), expfamKL(n, thp, th), 1e-10);
      ctx.numericFails("swapped order: $D_{\\psi^*}(\\eta',\\eta)\\ne\\mathrm{KL}(P_\\theta\\|P_{\\theta'})$",
        bregmanDivergence((e) => conjugatePotential(n, e), (e) => naturalFromMean(n, e), etap, eta), kl, 1e-3);
      // temperature: ∂²_b log Z_T = Cov(s)/T² = I(θ/T)_{bb}/T²
      const T = 1.8;
      const model = fromNaturalParameters(n, th);
      const b0 = Array.from(model.b);
      const lzT = (b: Float64Array) => logPartition(boltzmannMachine({ W: model.W, b: Array.from(b) }), { T });
      const Hb = fdHessian(lzT, b0, 1e-3);
      const IT = fisherInformation(n, th.map((x) => x / T));
      const bb = [3, 4, 5];
      ctx.numeric(`$\\partial_b^2\\log Z_T=\\mathrm{Cov}(s)/T^2$, the bias block of $I(\\theta/T)/T^2$ (n = 3, T = ${T})`, Array.from(Hb.data),
        bb.flatMap((a) => bb.map((b) => IT.data[a * 6 + b]! / (T * T))), 1e-5);
    }
  },
};
