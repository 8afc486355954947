// V16: the complex Wishart law CW_p(n, Σ) (MATH.md §4.8). Exact: the p = 1 density is Gamma(n, σ²) and
// integrates to 1 (an antiderivative for integer n), Γ̃_p(a) = π^{p−1}Γ(a)Γ̃_{p−1}(a − 1). Quadrature for
// p = 2; Monte Carlo moments and Laplace transform; KS of the Bartlett sampler against sums of outer
// products; unitary equivariance of the log-density at U = ρ^{it}, which a non-unitary congruence breaks.
import { type Expr, PI, Rational, add, diff, exp, fn, gamma, mul, neg, num, pow, subs, sym } from "../src/core/index.js";
import { type CMatrix, cidentity, cmatmul, conjTranspose, csub, eigvalsh, hermitianPart, maxAbs, powImag, powm } from "../src/linalg/index.js";
import type { Proof } from "../src/proofs/index.js";
import { Rng, complexNormalMatrix } from "../src/random/index.js";
import {
  complexLaplaceTransform,
  complexLogpdf,
  complexMeanDet,
  complexMeanLogDet,
  complexWishartDensity,
  complexWishartSampler,
  densityMass,
  gammaNormalisation,
  ksTwoSample,
} from "../src/wishart/index.js";
import { ksStep, monteCarloAll, type McStatistic } from "./helpers/steps.js";
import { relErr } from "./helpers/numeric.js";
import { statistic } from "./helpers/wishart-stats.js";

const x = sym("x"), s = sym("s"), n = sym("n"), a = sym("a");

/** A random Hermitian positive-definite matrix GG^* / p + εI. */
function randomHpd(rng: Rng, p: number, eps = 0.5): CMatrix {
  const G = complexNormalMatrix(rng, p);
  const M = cmatmul(G, conjTranspose(G));
  for (let k = 0; k < p * p; k++) {
    M.re[k] = M.re[k]! / p + (k % (p + 1) === 0 ? eps : 0);
    M.im[k] = M.im[k]! / p;
  }
  return hermitianPart(M);
}

/** log det of a Hermitian positive-definite matrix from its eigenvalues. */
function logDetH(M: CMatrix): number {
  return eigvalsh(M).reduce((t, v) => t + Math.log(v), 0);
}

export const v16: Proof = {
  id: "V16",
  title: "Complex Wishart law",
  source: "MATH.md §4.8, §1.8",
  statement:
    "For $n>p-1$ and $\\Sigma\\in\\mathrm{Herm}_p^{++}$, $f(S)=\\det S^{n-p}e^{-\\operatorname{tr}(\\Sigma^{-1}S)}/(\\tilde\\Gamma_p(n)\\det\\Sigma^n)$ is a probability density on $\\mathrm{Herm}_p^{++}$ with respect to $du$; " +
    "$\\mathbb ES=n\\Sigma$, $\\mathbb E|S_{ij}-n\\Sigma_{ij}|^2=n\\Sigma_{ii}\\Sigma_{jj}$, $\\mathbb E\\det S=\\det\\Sigma\\prod_{i<p}(n-i)$, $\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+\\Sigma\\Theta)^{-n}$; " +
    "the Bartlett construction and (integer $n$) the sum of $n$ outer products $z_\\ell z_\\ell^*$, $z_\\ell\\sim CN_p(0,\\Sigma)$, give this law; for unitary $U$, $f_{U\\Sigma U^*}(USU^*)=f_\\Sigma(S)$.",
  hypotheses: [
    "$p=1$ exact; $p=2$ quadrature (N $10^{-8}$); Monte Carlo $p=3$, $n=4.5$, 20 000 Bartlett draws; KS $p=3$, $n=5$, 5000 draws each, level $10^{-3}$",
    "$U=\\rho^{it}$ with $\\rho$ a random density matrix, $t\\in\\{-2,0.5,3\\}$ (N $10^{-8}$)",
  ],
  references: ["Goodman, Ann. Math. Statist. 34 (1963)", "Muirhead (1982)", "Mehta, Random Matrices (2004)"],
  run(ctx) {
    // p = 1
    const d1 = complexWishartDensity(1, { df: "n" });
    const f1 = subs(d1.density, { S11: x, Sigma11: s });
    ctx.identity("$p=1$: the $CW_1(n,\\sigma^2)$ density is the Gamma(shape $n$, scale $\\sigma^2$) density", f1, mul(pow(x, add(n, num(-1))), exp(neg(mul(x, pow(s, num(-1))))), pow(gamma(n), num(-1)), pow(s, neg(n))), {
      verify: { domain: [{ expr: x, op: ">" }, { expr: s, op: ">" }] },
    });
    for (const k of [1, 2, 3, 4]) {
      const fk = subs(f1, { n: num(k) });
      // F(x) = −e^{−x/s} Σ_{j<k} (x/s)^j / j!
      let fact = 1;
      const terms: Expr[] = [];
      for (let j = 0; j < k; j++) {
        if (j > 0) fact *= j;
        terms.push(mul(num(Rational.of(1, fact)), pow(mul(x, pow(s, num(-1))), num(j))));
      }
      const F = neg(mul(exp(neg(mul(x, pow(s, num(-1))))), add(...terms)));
      ctx.identity(`$p=1$, $n=${k}$: $F(x)=-e^{-x/s}\\sum_{j<${k}}(x/s)^j/j!$ is an antiderivative of $f$; $F(0)=-1$, $F(\\infty)=0$, so $\\int_0^\\infty f=1$`, diff(F, "x"), fk, {
        verify: { domain: [{ expr: s, op: ">" }] },
        justification: `$F(0)=${String(subs(F, { x: num(0) }))}$ exactly, and $e^{-x/s}$ times a polynomial tends to $0$`,
      });
    }
    for (let p = 2; p <= 4; p++)
      ctx.identity(`$\\tilde\\Gamma_${p}(a)=\\pi^{${p - 1}}\\Gamma(a)\\tilde\\Gamma_${p - 1}(a-1)$`, fn("cmultigamma", a, num(p)), mul(pow(PI, num(p - 1)), gamma(a), fn("cmultigamma", add(a, num(-1)), num(p - 1))), {
        justification: "both sides expand to $\\pi^{p(p-1)/2}\\prod_{j=1}^p\\Gamma(a-j+1)$",
      });

    // p = 2 quadrature
    const rng = new Rng(1616);
    {
      // grids: diagonal step 0.12 (double-exponential map), off-diagonal trapezoid step 0.6 on [-5, 5] (the Gaussian
      // factor e^{-|t21|^2} makes its error ~e^{-pi^2/0.36} and the truncation ~e^{-25})
      const grid = { field: "complex" as const, step: 0.12, offStep: 0.6, offHalfWidth: 5 };
      const g = [gammaNormalisation(2, 1.3, grid), gammaNormalisation(2, 3.5, grid)];
      ctx.numeric("$p=2$: $\\int_{\\mathrm{Herm}_2^{++}}\\det S^{a-2}e^{-\\operatorname{tr}S}du=\\tilde\\Gamma_2(a)$ for $a=1.3,3.5$ (quadrature)", g.map((c) => c.relativeError), [0, 0], 1e-8, { absolute: true });
      const Sig2: CMatrix = { rows: 2, cols: 2, re: Float64Array.of(1.2, 0.3, 0.3, 0.8), im: Float64Array.of(0, 0.4, -0.4, 0) };
      const m = densityMass(4.5, Sig2, { ...grid, step: 0.14 });
      ctx.numeric("$p=2$: $\\int f\\,du=1$ for $CW_2(4.5,\\Sigma)$ with complex off-diagonal $\\Sigma_{12}=0.3+0.4i$ (quadrature)", m.integral, 1, 1e-8);
    }

    // Monte Carlo, p = 3, n = 4.5
    const p = 3, df = 4.5;
    const Sig = randomHpd(rng, p);
    const draws = Array.from({ length: 20_000 }, ((smp) => () => smp.sample(rng))(complexWishartSampler(df, Sig)));
    monteCarloAll(ctx, "$\\mathbb ES=n\\Sigma$ (real and imaginary parts) and $\\mathbb E|S_{ij}-n\\Sigma_{ij}|^2=n\\Sigma_{ii}\\Sigma_{jj}$", () => {
      const out: McStatistic[] = [];
      for (let i = 0; i < p; i++)
        for (let j = i; j < p; j++) {
          const k = i * p + j, mr = df * Sig.re[k]!, mi = df * Sig.im[k]!;
          out.push(statistic(`E Re S${i + 1}${j + 1}`, draws.map((S) => S.re[k]!), mr));
          if (i !== j) out.push(statistic(`E Im S${i + 1}${j + 1}`, draws.map((S) => S.im[k]!), mi));
          out.push(statistic(`E|S${i + 1}${j + 1} - n Sigma|^2`, draws.map((S) => (S.re[k]! - mr) ** 2 + (S.im[k]! - mi) ** 2), df * Sig.re[i * p + i]! * Sig.re[j * p + j]!));
        }
      return out;
    });
    const ld = draws.map(logDetH);
    monteCarloAll(ctx, "$\\mathbb E\\det S=\\det\\Sigma\\,n(n-1)(n-2)$ and $\\mathbb E\\log\\det S=\\sum_{i=1}^p\\psi(n-i+1)+\\log\\det\\Sigma$", () => [
      statistic("E det S", ld.map(Math.exp), complexMeanDet(df, Sig)),
      statistic("E log det S", ld, complexMeanLogDet(df, Sig)),
    ]);
    monteCarloAll(ctx, "Laplace transform $\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+\\Sigma\\Theta)^{-n}$ for two Hermitian $\\Theta$", () =>
      [0.1, -0.05].map((c, idx) => {
        const Th: CMatrix = { rows: p, cols: p, re: Float64Array.of(0.2, 0.05, 0, 0.05, 0.15, c, 0, c, 0.1), im: Float64Array.of(0, 0.05, -0.02, -0.05, 0, 0.03, 0.02, -0.03, 0) };
        const vals = draws.map((S) => {
          let t = 0;
          for (let i = 0; i < p; i++)
            for (let j = 0; j < p; j++) t += Th.re[i * p + j]! * S.re[j * p + i]! - Th.im[i * p + j]! * S.im[j * p + i]!;
          return Math.exp(-t);
        });
        return statistic(`Theta ${idx + 1}`, vals, complexLaplaceTransform(Th, df, Sig));
      }),
    );

    // Bartlett against outer products, integer n = 5
    {
      const m = 5000;
      const bart = complexWishartSampler(5, Sig), outer = complexWishartSampler(5, Sig, { method: "outer" });
      const A = Array.from({ length: m }, () => bart.sample(rng)), B = Array.from({ length: m }, () => outer.sample(rng));
      ksStep(ctx, "KS: $\\log\\det S$, Bartlett against $\\sum_{\\ell\\le5}z_\\ell z_\\ell^*$", () => ({ ...ksTwoSample(A.map(logDetH), B.map(logDetH)), m: m / 2 }));
      ksStep(ctx, "KS: $\\lambda_{\\max}(S)$, Bartlett against outer products", () => ({ ...ksTwoSample(A.map((S) => eigvalsh(S)[p - 1]!), B.map((S) => eigvalsh(S)[p - 1]!)), m: m / 2 }));
      ksStep(ctx, "KS: $\\operatorname{Im}S_{12}$, Bartlett against outer products", () => ({ ...ksTwoSample(A.map((S) => S.im[1]!), B.map((S) => S.im[1]!)), m: m / 2 }));
    }

    // unitary equivariance at U = ρ^{it}
    {
      const rho = randomHpd(rng, p, 0.2);
      const S = complexWishartSampler(df, Sig).sample(rng);
      let unitary = 0, equi = 0;
      for (const t of [-2, 0.5, 3]) {
        const U = powImag(rho, t);
        const Us = conjTranspose(U);
        unitary = Math.max(unitary, maxAbs(csub(cmatmul(U, Us), cidentity(p))));
        const US = hermitianPart(cmatmul(cmatmul(U, S), Us)), UG = hermitianPart(cmatmul(cmatmul(U, Sig), Us));
        equi = Math.max(equi, relErr(complexLogpdf(US, df, UG), complexLogpdf(S, df, Sig)));
      }
      ctx.numeric("$U=\\rho^{it}$ is unitary ($t=-2,0.5,3$)", unitary, 0, 1e-8, { absolute: true });
      ctx.numeric("$\\log f_{U\\Sigma U^*}(USU^*)=\\log f_\\Sigma(S)$ at $U=\\rho^{it}$", equi, 0, 1e-8, { absolute: true, justification: "the Jacobian of $X\\mapsto UXU^*$ on $\\mathrm{Herm}_p$ is $|\\det U|^{2p}=1$" });
      const A = powm(rho, 0.5);
      const AS = hermitianPart(cmatmul(cmatmul(A, S), conjTranspose(A))), AG = hermitianPart(cmatmul(cmatmul(A, Sig), conjTranspose(A)));
      ctx.numericFails("a non-unitary congruence, $A=\\rho^{1/2}$, changes the log-density", complexLogpdf(AS, df, AG), complexLogpdf(S, df, Sig), 1e-3);
      ctx.numeric("by exactly the Jacobian: $\\log f_{A\\Sigma A^*}(ASA^*)-\\log f_\\Sigma(S)=-2p\\log|\\det A|=-p\\log\\det\\rho$", complexLogpdf(AS, df, AG) - complexLogpdf(S, df, Sig), -p * logDetH(rho), 1e-8, {
        justification: "the Jacobian of $X\\mapsto AXA^*$ on $\\mathrm{Herm}_p$ is $|\\det A|^{2p}$ (MATH.md §1.3)",
      });
    }
  },
};
