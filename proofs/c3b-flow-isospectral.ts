// C3b-flow (MATH §7 P7.4, §10 item 8): the modular flow on covariances Σ_t = ρ^{it} Σ ρ^{−it} is an
// isospectral motion: it preserves spectrum, det, trace, rank, PSD-ness, φ = −log det and the
// affine-invariant and Bures distances, fixes Σ iff [ρ, Σ] = 0, and is complex-Wishart equivariant.
// A learning step that changes det Σ is therefore not a modular flow.
import { type Expr, I, type SymbolicMatrix, det, diff, matMul, mul, sub, subs, sym } from "../src/core/index.js";
import { type CMatrix, cadd, cmatmul, conjTranspose, cscale, det as numDet, eigvalsh, invSqrtm, matrix as numMatrix } from "../src/linalg/index.js";
import { buresDistance } from "../src/monge-ampere/index.js";
import { commutatorNorm, densityMatrix, isospectralityDefect, modularFlow, modularUnitary, spectralGenerator } from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng } from "../src/random/index.js";
import { complexLogpdf, complexSampleMany } from "../src/wishart/index.js";
import {
  asComplex,
  certify,
  diagE,
  hermitianSymbols,
  identityE,
  matrixPairs,
  numericCertificate,
  randomDensity,
  randomPsd,
  relDiff,
  scaleE,
  subE,
  symbolicState,
  unitaryBasis,
} from "./support/modular-symbolic.js";

/** det(λ I − A) for a symbolic square matrix. */
function charPoly(A: SymbolicMatrix, lam: Expr): Expr {
  return det(subE(scaleE(identityE(A.rows), lam), A));
}

/** Affine-invariant distance ‖log(A^{-1/2} B A^{-1/2})‖_F from the eigenvalues of A^{-1/2}BA^{-1/2}. */
function affineDistance(A: CMatrix, B: CMatrix): number {
  const W = invSqrtm(A) as CMatrix;
  const ev = eigvalsh(cmatmul(cmatmul(W, B), W));
  return Math.sqrt([...ev].reduce((s, v) => s + Math.log(v) ** 2, 0));
}

export const c3bFlow: Proof = {
  id: "C3b-flow",
  title: "The modular flow on covariances is an isospectral motion (P7.4)",
  source: "MATH.md §7 P7.4, §10 item 8",
  statement:
    "For faithful $\\rho$, $U_t=\\rho^{it}$ and $\\Sigma\\in\\mathrm{Herm}_p^+$, $\\Sigma_t=U_t\\Sigma U_t^*=\\sigma_t(\\Sigma)$ has the characteristic polynomial of $\\Sigma$ (so the same spectrum, $\\det$, $\\operatorname{tr}$, rank, PSD-ness, and $\\Sigma_t\\in P^\\natural$); " +
    "$\\phi(\\Sigma_t)=\\phi(\\Sigma)$ for $\\phi=-\\log\\det$; the affine-invariant and Bures distances between flowed pairs are preserved; $\\frac{d}{dt}\\Sigma_t|_{0}=i[\\log\\rho,\\Sigma]$ and, in the eigenbasis of $\\rho$, $(\\Sigma_t)_{jk}=(p_j/p_k)^{it}\\Sigma_{jk}$, so $\\Sigma_t=\\Sigma$ for all $t$ iff $[\\rho,\\Sigma]=0$; " +
    "if $S\\sim CW_p(n,\\Sigma)$ then $U_tSU_t^*\\sim CW_p(n,\\Sigma_t)$, and the law is flow-invariant iff $[\\rho,\\Sigma]=0$. Consequently a learning update that changes $\\det\\Sigma$ or the spectrum is not a modular flow.",
  hypotheses: [
    "exact steps: $p=2$ with the general symbolic eigenbasis and general Hermitian $\\Sigma$, $\\Sigma'$; $p=3$ in the eigenbasis of $\\rho$ (general by unitary covariance)",
    "the law statement: the density of $CW_p(n,\\Sigma)$ depends on $S$ through $\\det S$ and $\\operatorname{tr}(\\Sigma^{-1}S)$, and $X\\mapsto UXU^*$ has Jacobian $|\\det U|^{2p}=1$ on $\\mathrm{Herm}_p$ (MATH §1.3)",
  ],
  informal: { claim: "Modular flow is linked to learning (C3b).", verdict: "holds with hypotheses" },
  references: ["MATH.md §7 P7.4", "Bhatia, Positive Definite Matrices (2007), Ch. 6", "Goodman (1963)"],
  run(ctx) {
    const lam = sym("lambda"), t = sym("t");
    {
      const st = symbolicState(unitaryBasis(2), ["l1", "l2"]);
      const G = spectralGenerator(st.eigenvalues, st.U);
      const S = hermitianSymbols("s", 2), S2 = hermitianSymbols("w", 2);
      const St = G.flow(S, t), S2t = G.flow(S2, t);
      ctx.custom("$p=2$: $\\det(\\lambda I-\\Sigma_t)=\\det(\\lambda I-\\Sigma)$ and $\\det(\\lambda\\Sigma_t-\\Sigma'_t)=\\det(\\lambda\\Sigma-\\Sigma')$ (general eigenbasis, symbolic $t$, $\\lambda$)", certify(() => [
        [charPoly(St, lam), charPoly(S, lam), "characteristic polynomial"],
        [det(subE(scaleE(St, lam), S2t)), det(subE(scaleE(S, lam), S2)), "pencil"],
      ]), { justification: "The pencil's roots are the eigenvalues of $\\Sigma^{-1}\\Sigma'$, which give the affine-invariant distance $(\\sum_k\\log^2\\mu_k)^{1/2}$; hence spec, $\\det$, $\\operatorname{tr}$, rank, PSD-ness and $\\phi$ are invariant" });
    }
    {
      const st = symbolicState(identityE(3), ["l1", "l2", "l3"]);
      const G = spectralGenerator(st.eigenvalues);
      const S = hermitianSymbols("s", 3);
      const St = G.flow(S, t);
      const ph = G.flowPhases(t);
      const rho = diagE(st.eigenvalues);
      ctx.custom("$p=3$ (eigenbasis of $\\rho$): $\\det(\\lambda I-\\Sigma_t)=\\det(\\lambda I-\\Sigma)$; $(\\Sigma_t)_{jk}=(p_j/p_k)^{it}\\Sigma_{jk}$; $\\frac{d}{dt}\\Sigma_t|_0=i[\\log\\rho,\\Sigma]$; $[\\rho,\\Sigma]_{jk}=(p_j-p_k)\\Sigma_{jk}$", certify(() => [
        [charPoly(St, lam), charPoly(S, lam), "characteristic polynomial"],
        ...matrixPairs(St, S.map((x, j, k) => mul(ph[j]![k]!, x)), "phases"),
        ...matrixPairs(St.map((x) => subs(diff(x, "t"), { t: 0 })), subE(matMul(G.logDensity, S), matMul(S, G.logDensity)).map((x) => mul(I, x)), "generator"),
        ...matrixPairs(subE(matMul(rho, S), matMul(S, rho)), S.map((x, j, k) => mul(sub(st.eigenvalues[j]!, st.eigenvalues[k]!), x)), "commutator"),
      ]), { justification: "$(p_j/p_k)^{it}=1$ for all $t$ iff $p_j=p_k$: $\\Sigma_t\\equiv\\Sigma$ iff $\\Sigma_{jk}=0$ whenever $p_j\\ne p_k$, iff $[\\rho,\\Sigma]=0$" });
    }

    const rng = new Rng(47);
    ctx.custom("Numerically (isospectralityDefect), p = 2..6, t = 0.9: spectra agree; $\\log\\det$, affine-invariant and Bures distances of flowed pairs are preserved; a singular $\\Sigma$ keeps its rank", (): StepCertificate => {
      let worst = 0;
      for (let p = 2; p <= 6; p++) {
        const r = densityMatrix(randomDensity(rng, p));
        const A = asComplex(randomPsd(rng, p)), B = asComplex(randomPsd(rng, p));
        const At = modularFlow(r, A, 0.9), Bt = modularFlow(r, B, 0.9);
        worst = Math.max(worst, isospectralityDefect(r, A, 0.9));
        worst = Math.max(worst, Math.abs(logDetH(At) - logDetH(A)) / Math.max(1, Math.abs(logDetH(A))));
        worst = Math.max(worst, Math.abs(affineDistance(At, Bt) - affineDistance(A, B)) / Math.max(1, affineDistance(A, B)));
        worst = Math.max(worst, Math.abs(buresDistance(At, Bt) - buresDistance(A, B)) / Math.max(1, buresDistance(A, B)));
        const Sing = asComplex(randomPsd(rng, p, p - 1));
        const ev = eigvalsh(modularFlow(r, Sing, 0.9));
        worst = Math.max(worst, Math.abs(ev[0]!) / ev[p - 1]!);
      }
      return numericCertificate(worst, 1e-8, "five random states and pairs");
    });
    ctx.custom("Numerically: $\\Sigma=\\rho^2-\\rho$ (commuting) is fixed, $\\|\\sigma_t(\\Sigma)-\\Sigma\\|\\le10^{-12}$; a random $\\Sigma$ with $[\\rho,\\Sigma]\\ne0$ moves by $O(1)$ (p = 4, t = 1.3)", (): StepCertificate => {
      const r = densityMatrix(randomDensity(rng, 4));
      const R = asComplex(r.matrix);
      const C = cadd(cmatmul(R, R), cscale(R, -1));
      const fixed = relDiff(modularFlow(r, C, 1.3), C);
      const S = asComplex(randomPsd(rng, 4));
      if (!(commutatorNorm(r, S) > 1e-3)) return { kind: "refuted", detail: "the random Sigma commutes with rho" };
      const moved = relDiff(modularFlow(r, S, 1.3), S);
      if (!(moved > 1e-3)) return { kind: "refuted", detail: `a non-commuting Sigma did not move: ${moved}` };
      return numericCertificate(fixed, 1e-12, `commuting Sigma fixed; non-commuting moved by ${moved.toExponential(2)}`);
    });

    // complex Wishart equivariance
    ctx.custom("Complex Wishart equivariance: $\\log f_{CW(n,\\Sigma_t)}(U_tSU_t^*)=\\log f_{CW(n,\\Sigma)}(S)$ on draws $S\\sim CW_3(4.5,\\Sigma)$, and the real-linear map $X\\mapsto U_tXU_t^*$ of $\\mathrm{Herm}_3$ has determinant 1", (): StepCertificate => {
      const r = densityMatrix(randomDensity(rng, 3));
      const Sigma = asComplex(randomPsd(rng, 3));
      const U = modularUnitary(r, 0.7);
      const St = modularFlow(r, Sigma, 0.7);
      let worst = 0;
      for (const S of complexSampleMany(rng, 4.5, Sigma, 5)) {
        const a = complexLogpdf(modularFlow(r, S, 0.7), 4.5, St), b = complexLogpdf(S, 4.5, Sigma);
        worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
      }
      // Jacobian on Herm_3 in an orthonormal real basis
      const basis = hermBasis(3);
      const M = basis.map((X) => {
        const Y = cmatmul(cmatmul(U, X), conjTranspose(U));
        return basis.map((B) => realInner(B, Y));
      });
      const jac = numDet(numMatrix(M));
      worst = Math.max(worst, Math.abs(jac - 1));
      return numericCertificate(worst, 1e-10, "5 draws and the Jacobian");
    }, { justification: "So $U_tSU_t^*\\sim CW_p(n,\\Sigma_t)$: the law moves along the flow" });
    {
      const r = densityMatrix(randomDensity(rng, 3));
      const Sigma = asComplex(randomPsd(rng, 3));
      const S = complexSampleMany(rng, 4.5, Sigma, 1)[0]!;
      ctx.numericFails("The law is not flow-invariant when $[\\rho,\\Sigma]\\ne0$: $\\log f_{CW(n,\\Sigma)}(U_tSU_t^*)\\ne\\log f_{CW(n,\\Sigma)}(S)$", complexLogpdf(modularFlow(r, S, 0.7), 4.5, Sigma), complexLogpdf(S, 4.5, Sigma), 1e-6);
    }
    {
      // a maximum-likelihood gradient step for the covariance of CN_p(0, Σ) changes det Σ
      const p = 3;
      const Sigma = asComplex(randomPsd(rng, p, p + 2));
      // S̄ = (1/m) Σ z_k z_k* for m = 5 draws z_k ~ CN_p(0, Σ): a draw of CW_p(5, Σ)/5
      const Sbar = cscale(complexSampleMany(rng, 5, Sigma, 1, { method: "outer" })[0]!, 1 / 5);
      const Sinv = invOf(Sigma);
      // ∇_Σ log L = m(Σ⁻¹ S̄ Σ⁻¹ − Σ⁻¹) for the complex Gaussian likelihood
      const grad = cadd(cmatmul(cmatmul(Sinv, Sbar), Sinv), cscale(Sinv, -1));
      const eta = 0.05 / Math.max(...[...eigvalsh(grad)].map(Math.abs));
      const Sigma1 = cadd(Sigma, cscale(grad, eta));
      const d0 = logDetH(Sigma), d1 = logDetH(Sigma1);
      ctx.custom("A learning step is not a modular flow: the maximum-likelihood gradient step $\\Sigma\\mapsto\\Sigma+\\eta(\\Sigma^{-1}\\bar S\\Sigma^{-1}-\\Sigma^{-1})$ changes $\\log\\det\\Sigma$, which every $\\sigma_t$ preserves, so no faithful $\\rho$ and $t$ give $\\sigma_t(\\Sigma)=\\Sigma'$", (): StepCertificate =>
        Math.abs(d1 - d0) > 1e-3
          ? { kind: "counterexample", method: "numeric", detail: `log det Sigma = ${d0.toFixed(6)}, log det Sigma' = ${d1.toFixed(6)} (p = 3, five complex Gaussian samples)` }
          : { kind: "refuted", detail: "the step preserved the determinant" },
      { expect: "fails", justification: "Precise version (MATH §10 item 8): the modular flow links to learning only through complex-Wishart equivariance of isospectral motions" });
    }
  },
};

/** Orthonormal basis of Herm_n for Re tr(X*Y): E_ii, (E_jk + E_kj)/√2, i(E_jk − E_kj)/√2. */
function hermBasis(n: number): CMatrix[] {
  const out: CMatrix[] = [];
  const z = () => ({ rows: n, cols: n, re: new Float64Array(n * n), im: new Float64Array(n * n) });
  for (let i = 0; i < n; i++) {
    const E = z();
    E.re[i * n + i] = 1;
    out.push(E);
  }
  for (let j = 0; j < n; j++)
    for (let k = j + 1; k < n; k++) {
      const A = z(), B = z();
      A.re[j * n + k] = A.re[k * n + j] = Math.SQRT1_2;
      B.im[j * n + k] = Math.SQRT1_2;
      B.im[k * n + j] = -Math.SQRT1_2;
      out.push(A, B);
    }
  return out;
}

function realInner(A: CMatrix, B: CMatrix): number {
  let s = 0;
  for (let k = 0; k < A.re.length; k++) s += A.re[k]! * B.re[k]! + A.im[k]! * B.im[k]!;
  return s;
}

/** log det of a Hermitian positive-definite matrix from its eigenvalues. */
function logDetH(A: CMatrix): number {
  return [...eigvalsh(A)].reduce((acc, v) => acc + Math.log(v), 0);
}

function invOf(A: CMatrix): CMatrix {
  const W = invSqrtm(A) as CMatrix;
  return cmatmul(W, W);
}
