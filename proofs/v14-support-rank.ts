// V14: support and rank of Wishart matrices (MATH.md §4.6, §3.7). Exact: det of a sum of n < p outer
// products vanishes identically, while its leading n x n minor (and det for n = p) is a non-zero
// polynomial, hence non-zero off a null set. On samples: λ_min(S) > 0 for n > p − 1; rank exactly n
// (spectral gap > 10⁸) for integer n < p; likewise WWᵀ for k < d. The singular law has no density but
// keeps the Laplace transform det(I + 2ΣΘ)^{−n/2} (Gindikin's discrete set).
import { QgeomError, det, fn, sym, matMul, matrix, matrixSymbols, pow, transpose, num } from "../src/core/index.js";
import { shown } from "./helpers/steps.js";
import { cholesky, det as ndet, eigvalsh, identity, matmul } from "../src/linalg/index.js";
import { latentGenerator } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, normalMatrix } from "../src/random/index.js";
import { logpdf, meanEstimate, wishartSampler } from "../src/wishart/index.js";

const SIGMA4 = [[1.0, 0.4, 0.1, -0.2], [0.4, 1.5, 0.3, 0.0], [0.1, 0.3, 0.8, 0.25], [-0.2, 0.0, 0.25, 1.2]];

export const v14: Proof = {
  id: "V14",
  title: "Support and rank of Wishart matrices",
  source: "MATH.md §4.6, §3.7",
  statement:
    "For $n>p-1$ the law $W_p(n,\\Sigma)$ gives full mass to the open cone $\\mathrm{Sym}_p^{++}$. For integer $n\\in\\{1,\\dots,p-1\\}$, $S=\\sum_{\\ell\\le n}x_\\ell x_\\ell^\\top$ has rank exactly $n$ a.s.: " +
    "it lies on $\\partial\\,\\mathrm{Sym}_p^+$ and has no Lebesgue density, while $\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+2\\Sigma\\Theta)^{-n/2}$ still holds. The same holds for $WW^\\top$, $W\\in\\mathbb R^{d\\times k}$, $k<d$.",
  hypotheses: ["$p=4$, $\\Sigma$ a fixed non-diagonal SPD matrix; 2000 draws per case, seeded", "numerical rank: the gap $\\lambda_{n}/\\lambda_{n+1}>10^8$ between consecutive eigenvalues"],
  references: ["Muirhead (1982), Thm 3.1.4", "Uhlig, On singular Wishart and singular multivariate beta distributions, Ann. Statist. (1994)", "Gindikin (1975)"],
  run(ctx) {
    // exact algebra
    const X32 = matrixSymbols("x", 3, 2);
    ctx.identity("$p=3$, $n=2$: $\\det(x_1x_1^\\top+x_2x_2^\\top)=\\det(XX^\\top)=0$ identically ($X=(x_1\\,x_2)$)", det(matMul(X32, transpose(X32))), num(0));
    const X42 = matrixSymbols("x", 4, 2);
    const S42 = matMul(X42, transpose(X42));
    ctx.identity("$p=4$, $n=2$: $\\det(XX^\\top)=0$ identically", det(S42), num(0));
    const lead = det(matrix(S42.toArray().slice(0, 2).map((r) => r.slice(0, 2))));
    ctx.refutes("but the leading $2\\times2$ minor of $XX^\\top$ is not the zero polynomial, so it is non-zero for almost every $X$: rank exactly 2", lead, num(0), {
      justification: "a non-zero polynomial vanishes only on a Lebesgue null set, and the Gaussian law of $X$ has a density",
    });
    const X33 = matrixSymbols("x", 3, 3);
    ctx.identity("$n=p=3$: $\\det(XX^\\top)=(\\det X)^2$, a non-zero polynomial, so $S\\succ0$ almost surely", det(matMul(X33, transpose(X33))), pow(det(X33), num(2)), {
      display: shown(fn("det", fn("matmul", sym("X"), fn("transpose", sym("X")))), pow(fn("det", sym("X")), num(2))),
    });

    // samples: full rank for n > p − 1
    const p = 4;
    const rng = new Rng(1414);
    const fullRank = (df: number, method: "bartlett" | "outer"): { chol: boolean; worst: number } => {
      const smp = wishartSampler(df, SIGMA4, { method });
      let worst = Infinity, chol = true;
      for (let k = 0; k < 2000; k++) {
        const S = smp.sample(rng);
        const lam = eigvalsh(S);
        worst = Math.min(worst, lam[0]! / lam[p - 1]!);
        try {
          cholesky(S, { name: "S" });
        } catch {
          chol = false;
        }
      }
      return { chol, worst };
    };
    for (const [df, method] of [[4, "outer"], [4, "bartlett"], [9, "outer"]] as const) {
      const r = fullRank(df, method);
      ctx.fact(`$n=${df}\\ge p=4$ (${method} sampler): $\\lambda_{\\min}(S)>0$ on all 2000 samples`, r.chol && r.worst > 0, `smallest lambda_min / lambda_max ${r.worst.toExponential(3)}; every sample has a Cholesky factor`, {
        justification:
          "for $p-1<n<p$ the law is still carried by the open cone, but the Bartlett factor $c_p\\sim\\chi^2_{n-p+1}$ has density $\\propto c^{(n-p-1)/2}$ at $0$, so samples at float precision can be numerically singular; the check is made for $n\\ge p$ as in MATH.md §9",
      });
    }

    // samples: rank exactly n for integer n < p
    for (const n of [1, 2, 3]) {
      const smp = wishartSampler(n, SIGMA4, { method: "outer" });
      let gap = Infinity, tail = 0;
      for (let k = 0; k < 2000; k++) {
        const lam = eigvalsh(smp.sample(rng)); // ascending
        const top = lam[p - 1]!;
        const small = Math.max(Math.abs(lam[p - n - 1]!), Number.MIN_VALUE);
        gap = Math.min(gap, lam[p - n]! / small);
        tail = Math.max(tail, small / top);
      }
      ctx.fact(`$n=${n}<p$: numerical rank exactly ${n} on all 2000 samples (gap $\\lambda_{${p - n + 1}}/|\\lambda_{${p - n}}|>10^8$)`, gap > 1e8, `smallest gap ${gap.toExponential(3)}; largest |lambda_${p - n}| / lambda_max ${tail.toExponential(3)}`);
    }
    ctx.custom("the singular law has no density: logpdf refuses $n=2\\le p-1$", (): StepCertificate => {
      const S = wishartSampler(2, SIGMA4, { method: "outer" }).sample(rng);
      try {
        logpdf(S, 2, SIGMA4);
      } catch (e) {
        if (e instanceof QgeomError && (e.code === "DOMAIN" || e.code === "INVALID_ARGUMENT")) return { kind: "checked/numeric", error: 0, tolerance: 0, detail: `logpdf(S, 2, Sigma) throws ${e.code}` };
      }
      return { kind: "refuted", detail: "a density value was returned for df = 2 < p" };
    });
    {
      // Gindikin: the Laplace transform of the singular law (integer n < p) is still det(I + 2ΣΘ)^{−n/2}
      const n = 2;
      const Th = [[0.3, 0.1, 0, 0], [0.1, 0.2, 0, 0.05], [0, 0, 0.25, 0], [0, 0.05, 0, 0.15]];
      const smp = wishartSampler(n, SIGMA4, { method: "outer" });
      const v = new Float64Array(20_000);
      for (let k = 0; k < v.length; k++) {
        const S = smp.sample(rng).data;
        let t = 0;
        for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += Th[i]![j]! * S[j * p + i]!;
        v[k] = Math.exp(-t);
      }
      const M = identity(p);
      const ST = matmul({ rows: p, cols: p, data: Float64Array.from(SIGMA4.flat()) }, { rows: p, cols: p, data: Float64Array.from(Th.flat()) });
      for (let k = 0; k < p * p; k++) M.data[k] = M.data[k]! + 2 * ST.data[k]!;
      const e = meanEstimate(v);
      ctx.monteCarlo("Gindikin's discrete set: for $n=2<p$ the singular law has $\\mathbb Ee^{-\\operatorname{tr}(\\Theta S)}=\\det(I+2\\Sigma\\Theta)^{-n/2}$", e.mean, e.se, ndet(M) ** (-n / 2));
    }

    // WWᵀ with k < d
    {
      let gap = Infinity;
      const lines: string[] = [];
      for (const [d, k] of [[4, 1], [4, 3], [6, 2]] as const) {
        let ok = true;
        for (let s = 0; s < 200; s++) {
          const g = latentGenerator(normalMatrix(rng, d, k));
          const lam = eigvalsh(g.covariance);
          ok &&= g.rank === k && !g.absolutelyContinuous;
          gap = Math.min(gap, lam[d - k]! / Math.max(Math.abs(lam[d - k - 1]!), Number.MIN_VALUE));
        }
        lines.push(`(d,k)=(${d},${k}): rank k and singular on all 200: ${ok}`);
        if (!ok) gap = 0;
      }
      ctx.fact("$WW^\\top$ with $k<d$ ($(d,k)=(4,1),(4,3),(6,2)$, 200 draws each): rank exactly $k$, on the boundary of the cone, no density", gap > 1e8, `${lines.join("; ")}; smallest spectral gap ${gap.toExponential(3)}`);
    }
  },
};
