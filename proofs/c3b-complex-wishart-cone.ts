// C3b-complex (MATH §7 P7.1, P7.3, §10 item 3): P♮ = Herm_p⁺ for every faithful ρ; the complex Wishart
// laws live on its interior Herm_p⁺⁺ and singular laws reach its boundary: the complex Wishart cone is the
// interior of the CAH cone, the CAH cone its closure.
import { type Expr, I, Matrix, ZERO, add, det, matMul, mul, num, sym } from "../src/core/index.js";
import { type CMatrix, cadd, cmatmul, conjTranspose, cscale, eighHermitian, eigvalsh } from "../src/linalg/index.js";
import { arakiConeCoordinate, densityMatrix, isInNaturalCone, maximallyMixed, naturalConeElement } from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, randomUnitary } from "../src/random/index.js";
import { complexWishartSampler } from "../src/wishart/index.js";
import {
  asComplex,
  certify,
  complexSymbols,
  hermitianSymbols,
  identityE,
  matrixPairs,
  mulE,
  numericCertificate,
  randomDensity,
  randomHermitian,
  randomPsd,
  relDiff,
  star,
  symbolicState,
  unitaryBasis,
} from "./support/modular-symbolic.js";

/** V diag(p) V* with a Haar-random unitary V. */
function densityWithSpectrum(rng: Rng, p: readonly number[]): CMatrix {
  const n = p.length;
  const V = randomUnitary(rng, n);
  const D: CMatrix = { rows: n, cols: n, re: new Float64Array(n * n), im: new Float64Array(n * n) };
  p.forEach((v, i) => (D.re[i * n + i] = v));
  return cmatmul(cmatmul(V, D), conjTranspose(V));
}

export const c3bComplex: Proof = {
  id: "C3b-complex",
  title: "The complex Wishart cone is the interior of the CAH cone (P7.1)",
  source: "MATH.md §7 P7.1, P7.3, §4.8, §10 item 3",
  statement:
    "For every $p\\ge1$ and every faithful $\\rho$ on $M_p(\\mathbb C)$: $P^\\natural(M_p(\\mathbb C),\\omega_\\rho)=\\mathrm{Herm}_p^+$ (closed), whose relative interior in $\\mathrm{Herm}_p$ is $\\mathrm{Herm}_p^{++}$. " +
    "For every real $n>p-1$ and $\\Sigma\\succ0$, $CW_p(n,\\Sigma)$ gives full mass to $\\mathrm{Herm}_p^{++}$; for integer $n<p$ the singular law (and $WW^*$ with $k<p$ columns) lives on the boundary (rank $n$). " +
    "So the complex Wishart cone is the interior of the CAH cone, and the CAH cone is its closure. The set $P^\\natural$ does not depend on $\\rho$; the embedding $a\\mapsto\\rho^{1/4}a\\rho^{1/4}$ does (P7.3).",
  hypotheses: [
    "$\\rho\\succ0$; exact steps: $p=2$ with the general symbolic eigenbasis, $p=3$ in the eigenbasis of $\\rho$ (general by $P^\\natural(V\\rho V^*)=VP^\\natural(\\rho)V^*$ and unitary invariance of $\\mathrm{Herm}_p^+$)",
    "$CW_p(n,\\Sigma)$ sampled by the Bartlett decomposition $S=LAA^*L^*$ ($\\Sigma=LL^*$, $A$ lower triangular, $|a_{ii}|^2\\sim\\mathrm{Gamma}(n-i+1)$, MATH §4.8) and by sums of $n$ outer products",
  ],
  informal: { claim: "The Wishart cone coincides with the CAH cone (C3b), for complex Hermitian matrices.", verdict: "holds with hypotheses" },
  references: ["Araki (1974); Connes (1974); Haagerup (1975)", "Goodman, Ann. Math. Stat. 34 (1963) 152–177", "MATH.md §4.8"],
  run(ctx) {
    for (const n of [2, 3] as const) {
      const st = symbolicState(n === 2 ? unitaryBasis(2) : identityE(3), n === 2 ? ["l1", "l2"] : ["l1", "l2", "l3"]);
      const q = st.power(num("1/4")), qi = st.power(num("-1/4"));
      const X = hermitianSymbols("X", n), L = complexSymbols("m", n);
      ctx.custom(`$p=${n}$: $P^\\natural=\\mathrm{Herm}_p^+$ exactly: $\\rho^{1/4}LL^*\\rho^{1/4}=(\\rho^{1/4}L)(\\rho^{1/4}L)^*$, and every Hermitian $X=\\rho^{1/4}(\\rho^{-1/4}X\\rho^{-1/4})\\rho^{1/4}$ with a Hermitian coordinate`, certify(() => {
        const c = mulE(qi, X, qi);
        return [
          ...matrixPairs(mulE(q, L, star(L), q), matMul(matMul(q, L), star(matMul(q, L))), "Gram"),
          ...matrixPairs(mulE(q, c, q), X, "reconstruction"),
          ...(n === 2 ? matrixPairs(star(c), c, "Hermitian coordinate") : []),
        ];
      }), { justification: `Symbolic $\\ell_k$ (any $\\rho\\succ0$)${n === 3 ? " in the eigenbasis of $\\rho$" : ", general eigenbasis"}; the coordinate is a congruence of $X$, PSD iff $X$ is` });
    }
    const rng = new Rng(31);
    ctx.custom("Numerically, for every kind of faithful $\\rho$ (random, $I/p$, nearly singular with $\\lambda_{\\min}=10^{-3}$), p = 2..6: random $X\\succeq0$ of every rank has a PSD coordinate that reconstructs $X$, and $\\rho^{1/4}a\\rho^{1/4}\\succeq0$ for $a\\succeq0$", (): StepCertificate => {
      let worst = 0, count = 0;
      for (let p = 2; p <= 6; p++) {
        const spectrum = Array.from({ length: p }, (_, k) => (k === 0 ? 1e-3 : (1 - 1e-3) / (p - 1)));
        for (const rho of [densityMatrix(randomDensity(rng, p)), maximallyMixed(p), densityMatrix(densityWithSpectrum(rng, spectrum))]) {
          const k = 1 + (count % p);
          const Xp = randomPsd(rng, p, k);
          const c = arakiConeCoordinate(rho, 0.25, Xp);
          if (!isInNaturalCone(c, 1e-8)) return { kind: "refuted", detail: `p = ${p}: PSD X with a non-PSD coordinate` };
          worst = Math.max(worst, relDiff(naturalConeElement(rho, c), Xp));
          if (!isInNaturalCone(naturalConeElement(rho, randomPsd(rng, p, k)), 1e-8)) return { kind: "refuted", detail: "rho^(1/4) a rho^(1/4) not PSD" };
          count++;
        }
      }
      return numericCertificate(worst, 1e-8, `${count} (state, X) pairs, reconstruction error`);
    });
    ctx.custom("Relative interior: for $X\\succ0$, $X+H\\succeq0$ whenever $\\|H\\|_2\\le\\lambda_{\\min}(X)$ (interior); for singular $X\\succeq0$ with $Xv=0$, $|v|=1$: $\\lambda_{\\min}(X-\\varepsilon vv^*)=-\\varepsilon$ (boundary), p = 3, 5", (): StepCertificate => {
      let worst = 0;
      for (const p of [3, 5]) {
        const Xf = asComplex(randomPsd(rng, p));
        const lmin = eigvalsh(Xf)[0]!;
        for (let k = 0; k < 5; k++) {
          const H = asComplex(randomHermitian(rng, p));
          const e = eigvalsh(H);
          const nrm = Math.max(Math.abs(e[0]!), Math.abs(e[p - 1]!));
          if (!(eigvalsh(cadd(Xf, cscale(H, (0.999 * lmin) / nrm)))[0]! >= 0)) return { kind: "refuted", detail: "a perturbation within lambda_min left the cone" };
        }
        // singular X = B B* with B p×(p−1); v spans the kernel
        const Xs = asComplex(randomPsd(rng, p, p - 1));
        const ev = eigvalsh(Xs);
        const eps = 0.1;
        // v from the Hermitian eigen-decomposition: X − εvv* has λ_min = −ε (up to rounding of λ_0 ≈ 0)
        const { vectors } = eighHermitian(Xs);
        const v = { rows: p, cols: 1, re: Float64Array.from({ length: p }, (_, i) => vectors.re[i * p]!), im: Float64Array.from({ length: p }, (_, i) => vectors.im[i * p]!) };
        const vv = cmatmul(v, conjTranspose(v));
        worst = Math.max(worst, Math.abs(eigvalsh(cadd(Xs, cscale(vv, -eps)))[0]! + eps), Math.abs(ev[0]!));
      }
      return numericCertificate(worst, 1e-10, "|lambda_min(X - eps vv*) + eps| and the kernel eigenvalue");
    }, { justification: "Weyl: $\\lambda_{\\min}(X+H)\\ge\\lambda_{\\min}(X)-\\|H\\|_2$; $v^*(X-\\varepsilon vv^*)v=-\\varepsilon$" });

    // Bartlett: det S = det Σ · Π |a_ii|²
    for (const p of [2, 3]) {
      const Lm = new Matrix<Expr>(Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (j > i ? ZERO : i === j ? sym(`c${i + 1}`) : add(sym(`c${i + 1}${j + 1}`), mul(I, sym(`c${i + 1}${j + 1}i`)))))));
      const Am = new Matrix<Expr>(Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (j > i ? ZERO : i === j ? sym(`a${i + 1}`) : add(sym(`a${i + 1}${j + 1}`), mul(I, sym(`a${i + 1}${j + 1}i`)))))));
      const S = mulE(Lm, Am, star(Am), star(Lm));
      ctx.identity(`$p=${p}$: Bartlett, $\\det(LAA^*L^*)=\\det(LL^*)\\prod_ia_{ii}^2$ for lower-triangular $L$, $A$ with real diagonals`, det(S), mul(det(matMul(Lm, star(Lm))), ...Array.from({ length: p }, (_, i) => mul(sym(`a${i + 1}`), sym(`a${i + 1}`)))), {
        display: { kind: "none" },
        justification: "With $a_{ii}^2\\sim\\mathrm{Gamma}(n-i+1)>0$ a.s. (needs $n>p-1$), $\\det S>0$ a.s.: $CW_p(n,\\Sigma)$ gives full mass to $\\mathrm{Herm}_p^{++}$",
      });
    }
    ctx.custom("Monte Carlo: $\\lambda_{\\min}(S)>0$ on every draw of $CW_p(n,\\Sigma)$, p = 2, 3, 4, $n=p-\\tfrac12$ (real, below $p$) and $n=p+3$; 300 draws each, $\\lambda_{\\min}/\\lambda_{\\max}$ above the rounding level $10^{-13}$", (): StepCertificate => {
      let minRel = Infinity;
      for (const p of [2, 3, 4])
        for (const n of [p - 0.5, p + 3]) {
          const Sigma = randomPsd(rng, p, p + 2);
          const sam = complexWishartSampler(n, Sigma);
          for (let k = 0; k < 300; k++) {
            const S = sam.sample(rng);
            const ev = eigvalsh(S);
            minRel = Math.min(minRel, ev[0]! / ev[p - 1]!);
          }
        }
      return minRel > 1e-13 ? { kind: "checked/numeric", error: 0, tolerance: 0, detail: `1800 draws; smallest lambda_min/lambda_max = ${minRel.toExponential(2)} > 1e-13` } : { kind: "refuted", detail: `a draw on the boundary: ${minRel}` };
    });
    ctx.custom("Boundary: the singular law (sum of $n<p$ outer products) has rank exactly $n$ on every draw (spectral gap $>10^8$), p = 4, n = 1, 2, 3; so boundary points are reached, and $\\mathrm{Herm}_p^+=\\overline{\\mathrm{Herm}_p^{++}}$ ($X+\\varepsilon I\\to X$)", (): StepCertificate => {
      let worstGap = Infinity;
      for (const n of [1, 2, 3]) {
        const sam = complexWishartSampler(n, randomPsd(rng, 4, 6), { method: "outer" });
        for (let k = 0; k < 100; k++) {
          const ev = eigvalsh(sam.sample(rng));
          const zeroPart = Math.max(...Array.from({ length: 4 - n }, (_, i) => Math.abs(ev[i]!)));
          const gap = ev[4 - n]! / Math.max(zeroPart, Number.MIN_VALUE);
          worstGap = Math.min(worstGap, gap);
        }
      }
      return worstGap > 1e8 ? { kind: "checked/numeric", error: 0, tolerance: 0, detail: `300 draws; smallest ratio of the n-th nonzero eigenvalue to the zero ones ${worstGap.toExponential(2)} > 1e8` } : { kind: "refuted", detail: `gap ${worstGap}` };
    });
    {
      const a = randomPsd(rng, 3);
      const r1 = densityMatrix(randomDensity(rng, 3)), r2 = densityMatrix(randomDensity(rng, 3));
      ctx.numericFails("P7.3: the set $P^\\natural$ is the same for all $\\rho$, but the embedding $a\\mapsto\\rho^{1/4}a\\rho^{1/4}$ is not: two random states give different images of the same $a$", relDiff(naturalConeElement(r1, a), naturalConeElement(r2, a)), 0, 1e-3);
    }
  },
};
