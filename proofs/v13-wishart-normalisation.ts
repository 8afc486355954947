// V13: Wishart normalisation and moments (MATH.md §4.1–4.4, §1.8). Exact: the p = 1 density is the
// Gamma(n/2, 2σ²) (χ²) density, the Γ_p recursion, the KL reduction to n·(Gaussian KL) for n₁ = n₂.
// Numeric: logpdf, entropy, mean and variance against SciPy, ∫ det S^{a−(p+1)/2} e^{−tr S} du = Γ_p(a)
// and ∫ f du = 1 by quadrature. Monte Carlo: sampler moments, E det S, E log det S, the Laplace
// transform, the KL divergence as E log(f₁/f₂).
import { type Expr, PI, Rational, add, exp, fn, gamma, mul, neg, num, pow, subs, sym, verify } from "../src/core/index.js";
import {
  densityMass,
  entropy,
  gammaNormalisation,
  gaussianKlExpr,
  klDivergence,
  klDivergenceExpr,
  laplaceTransform,
  logDetOf,
  mean,
  meanDet,
  meanEstimate,
  meanLogDet,
  multigammaExpr,
  multigammaln,
  variance,
  wishartDensity,
  wishartLogPdf,
  wishartSampler,
} from "../src/wishart/index.js";
import type { Proof } from "../src/proofs/index.js";
import { Rng } from "../src/random/index.js";
import { SCIPY_WISHART } from "./helpers/scipy-wishart.js";
import { monteCarloAll } from "./helpers/steps.js";
import { column, statistic, wishartMomentStats } from "./helpers/wishart-stats.js";

const n = sym("n"), x = sym("x"), s = sym("s"), a = sym("a");
const half = (e: Expr): Expr => mul(num(Rational.HALF), e);

// the Monte Carlo law: p = 3, real df
const SIGMA3 = [[1.2, 0.3, -0.2], [0.3, 0.8, 0.1], [-0.2, 0.1, 0.6]];
const DF3 = 5.5;

export const v13: Proof = {
  id: "V13",
  title: "Wishart normalisation and moments",
  source: "MATH.md §4.1–4.4, §1.8",
  statement:
    "The density $f(S)=\\det S^{(n-p-1)/2}e^{-\\frac12\\operatorname{tr}(\\Sigma^{-1}S)}/(2^{np/2}\\det\\Sigma^{n/2}\\Gamma_p(n/2))$ of $W_p(n,\\Sigma)$ integrates to 1 with respect to $du$, " +
    "with $\\Gamma_p(a)=\\int_{\\mathrm{Sym}_p^{++}}e^{-\\operatorname{tr}S}\\det S^{a-\\frac{p+1}2}du=\\pi^{\\frac{p-1}2}\\Gamma(a)\\Gamma_{p-1}(a-\\tfrac12)$; for $p=1$ it is the $\\sigma^2\\chi^2_n$ density. " +
    "$\\mathbb ES=n\\Sigma$, $\\mathrm{Var}(S_{ij})=n(\\Sigma_{ij}^2+\\Sigma_{ii}\\Sigma_{jj})$, $\\mathbb E\\det S=\\det\\Sigma\\prod_{i<p}(n-i)$, $\\mathbb E\\log\\det S=\\psi_p(n/2)+p\\log2+\\log\\det\\Sigma$, " +
    "$\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+2\\Sigma\\Theta)^{-n/2}$; the entropy and KL formulas of §4.3–4.4 hold, and for $n_1=n_2=n$ the KL is $n\\,\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))$.",
  hypotheses: [
    "$n>p-1$ real, $\\Sigma\\succ0$; SciPy 1.17.1 reference values for five $(p,n)$ with $p=2..6$",
    "Monte Carlo: $W_3(5.5,\\Sigma)$ by the Bartlett sampler, 20 000 draws, seeded; 5 SE",
  ],
  references: ["Muirhead, Aspects of Multivariate Statistical Theory (1982), §3.2", "Gupta–Nagar, Matrix Variate Distributions (2000)", "SciPy scipy.stats.wishart"],
  run(ctx) {
    // p = 1: the χ² / Gamma density
    const d1 = wishartDensity(1, { df: "n" });
    const f1 = subs(d1.density, { S11: x, Sigma11: s });
    const gammaDensity = mul(pow(x, add(half(n), num(-1))), exp(neg(mul(x, pow(mul(num(2), s), num(-1))))), pow(gamma(half(n)), num(-1)), pow(mul(num(2), s), neg(half(n))));
    ctx.identity("$p=1$: the $W_1(n,\\sigma^2)$ density is the Gamma(shape $n/2$, scale $2\\sigma^2$) density, i.e. $\\sigma^2\\chi^2_n$", f1, gammaDensity, {
      verify: { domain: [{ expr: x, op: ">" }, { expr: s, op: ">" }] },
      justification: "$S_{11}=x$, $\\Sigma_{11}=s=\\sigma^2$; $\\Gamma_1=\\Gamma$",
    });
    ctx.identity("$p=1$, $\\sigma^2=1$: the chi-square density $x^{n/2-1}e^{-x/2}/(2^{n/2}\\Gamma(n/2))$", subs(f1, { s: num(1) }), mul(pow(x, add(half(n), num(-1))), exp(mul(num(Rational.of(-1, 2)), x)), pow(num(2), neg(half(n))), pow(gamma(half(n)), num(-1))), {
      verify: { domain: [{ expr: x, op: ">" }] },
    });
    for (let p = 2; p <= 6; p++)
      ctx.identity(`$\\Gamma_${p}(a)=\\pi^{${Rational.of(p - 1, 2).toString()}}\\Gamma(a)\\Gamma_${p - 1}(a-\\tfrac12)$`, multigammaExpr(a, p), mul(pow(PI, num(Rational.of(p - 1, 2))), gamma(a), multigammaExpr(add(a, num(Rational.of(-1, 2))), p - 1)), {
        justification: "both sides expand to $\\pi^{p(p-1)/4}\\prod_{j=1}^p\\Gamma(a-\\frac{j-1}2)$",
      });

    // KL reduction, exactly, in matrix notation (tr and det of Σ₂⁻¹Σ₁ as atoms)
    for (const p of [2, 5]) {
      const kl = subs(klDivergenceExpr(p), { n1: n, n2: n });
      const g = mul(n, gaussianKlExpr(p));
      const ratio = fn("matmul", fn("inv", sym("Sigma2")), sym("Sigma1"));
      const atoms = new Map<Expr, Expr>([[fn("tr", ratio), sym("tau")], [fn("det", ratio), sym("delta")]]);
      ctx.certificate(`KL reduction ($p=${p}$): for $n_1=n_2=n$, $\\mathrm{KL}(W_p(n,\\Sigma_1)\\|W_p(n,\\Sigma_2))=n\\,\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))$`, () => verify(subs(kl, atoms), subs(g, atoms), { domain: [{ expr: sym("delta"), op: ">" }] }), {
        display: { kind: "identity", lhs: kl, rhs: g },
        justification: "the $\\psi_p$ and $\\log\\Gamma_p$ terms cancel; $\\tau=\\operatorname{tr}(\\Sigma_2^{-1}\\Sigma_1)$ and $\\delta=\\det(\\Sigma_2^{-1}\\Sigma_1)>0$ are atoms",
      });
    }

    // SciPy reference values
    {
      let lp = 0, en = 0, mv = 0;
      for (const c of SCIPY_WISHART) {
        const f = wishartLogPdf(c.df, c.scale);
        c.X.forEach((S, k) => (lp = Math.max(lp, Math.abs(f.logpdf(S) - c.logpdf[k]!))));
        en = Math.max(en, Math.abs(entropy(c.df, c.scale) - c.entropy) / Math.max(1, Math.abs(c.entropy)));
        const M = mean(c.df, c.scale).data, V = variance(c.df, c.scale).data;
        c.mean.flat().forEach((v, k) => (mv = Math.max(mv, Math.abs(M[k]! - v) / Math.max(1, Math.abs(v)))));
        c.var.flat().forEach((v, k) => (mv = Math.max(mv, Math.abs(V[k]! - v) / Math.max(1, Math.abs(v)))));
      }
      ctx.numeric("logpdf equals scipy.stats.wishart.logpdf at 15 points, $p=2..6$ (absolute $10^{-12}$)", lp, 0, 1e-12, { absolute: true });
      ctx.numeric("entropy (§4.3, $du$) equals scipy.stats.wishart.entropy", en, 0, 1e-10, { absolute: true });
      ctx.numeric("$\\mathbb ES=n\\Sigma$ and $\\mathrm{Var}(S_{ij})$ equal scipy.stats.wishart.mean and .var", mv, 0, 1e-10, { absolute: true });
    }

    // normalisation by quadrature
    {
      const checks = [gammaNormalisation(1, 0.7), gammaNormalisation(1, 3.2), gammaNormalisation(2, 0.9), gammaNormalisation(2, 2.75)];
      ctx.numeric("quadrature: $\\int_{\\mathrm{Sym}_p^{++}}\\det S^{a-(p+1)/2}e^{-\\operatorname{tr}S}du=\\Gamma_p(a)$ for $(p,a)=(1,0.7),(1,3.2),(2,0.9),(2,2.75)$", checks.map((c) => c.relativeError), [0, 0, 0, 0], 1e-8, { absolute: true });
      const S2 = [[1.3, -0.4], [-0.4, 0.7]];
      const m = densityMass(4.5, S2);
      ctx.numeric("quadrature: $\\int f\\,du=1$ for $W_2(4.5,\\Sigma)$, non-diagonal $\\Sigma$", m.integral, 1, 1e-8);
      const fs = wishartLogPdf(4.5, S2, { coordinates: "s" });
      const fu = wishartLogPdf(4.5, S2);
      ctx.numeric("the density with respect to $ds$ is the $du$-density divided by $2^{p(p-1)/4}=\\sqrt2$", fu.constant - fs.constant, 0.5 * Math.LN2, 1e-12, {
        justification: "so the $ds$-density integrated against $du$ gives $2^{-1/2}$, not 1: the reference measure is part of the formula",
      });
    }

    // Monte Carlo on W_3(5.5, Σ)
    const p = 3;
    const stack = wishartSampler(DF3, SIGMA3).sampleStack(new Rng(1313), 20_000);
    const col = (g: (off: number) => number): Float64Array => column(stack, p, g);
    const stat = statistic;
    monteCarloAll(ctx, "sampler: $\\mathbb ES_{ij}=n\\Sigma_{ij}$ and $\\mathbb E(S_{ij}-n\\Sigma_{ij})^2=n(\\Sigma_{ij}^2+\\Sigma_{ii}\\Sigma_{jj})$, $i\\le j$", () => wishartMomentStats(stack, p, DF3, SIGMA3));
    const logDets = col((o) => logDetOf(stack, o, p));
    ctx.monteCarlo("sampler: $\\mathbb E\\det S=\\det\\Sigma\\,n(n-1)(n-2)$", meanEstimate(logDets.map(Math.exp)).mean, meanEstimate(logDets.map(Math.exp)).se, meanDet(DF3, SIGMA3));
    ctx.monteCarlo("sampler: $\\mathbb E\\log\\det S=\\psi_3(n/2)+3\\log2+\\log\\det\\Sigma$", meanEstimate(logDets).mean, meanEstimate(logDets).se, meanLogDet(DF3, SIGMA3));
    monteCarloAll(ctx, "sampler: Laplace transform $\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+2\\Sigma\\Theta)^{-n/2}$ for a positive and an indefinite $\\Theta$", () =>
      [
        [[0.1, 0.02, 0], [0.02, 0.15, -0.03], [0, -0.03, 0.2]],
        [[0.05, 0.1, 0], [0.1, -0.04, 0], [0, 0, 0.1]],
      ].map((Th, k) => {
        const v = col((o) => {
          let t = 0;
          for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += Th[i]![j]! * stack[o + j * p + i]!;
          return Math.exp(-t);
        });
        return stat(`Theta ${k + 1}`, v, laplaceTransform(Th, DF3, SIGMA3));
      }),
    );

    // KL divergence as E log(f1/f2), p = 2
    {
      const S1 = [[1.0, 0.3], [0.3, 0.5]], S2 = [[0.8, -0.1], [-0.1, 1.1]];
      const n1 = 5.5, n2 = 7.25;
      const f = wishartLogPdf(n1, S1), g = wishartLogPdf(n2, S2);
      const st = wishartSampler(n1, S1).sampleStack(new Rng(1314), 20_000);
      const lr = f.batch(st);
      const lg = g.batch(st);
      for (let k = 0; k < lr.length; k++) lr[k] = lr[k]! - lg[k]!;
      const e = meanEstimate(lr);
      ctx.monteCarlo("KL (§4.4): $\\mathbb E_{S\\sim W_2(n_1,\\Sigma_1)}\\log(f_1/f_2)(S)$ equals the closed form", e.mean, e.se, klDivergence(n1, S1, n2, S2));
      ctx.numericFails("KL is not symmetric: the swapped order gives a different value", klDivergence(n2, S2, n1, S1), klDivergence(n1, S1, n2, S2), 1e-3);
    }
    ctx.numericFails("argument order: $\\log\\Gamma_3(5)$ is multigammaln(5, 3); the swapped call multigammaln(3, 5) is another number", multigammaln(3, 5), multigammaln(5, 3), 1e-3);
  },
};
