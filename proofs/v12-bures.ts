// V12: the Bures distance is the Gaussian W₂ (MATH.md §3.6). The fidelity term is symmetric (exact:
// tr(Σ₁A) = tr(Σ₂A⁻¹) for Σ₂ = AΣ₁A), its sandwich, nuclear-norm and eigenvalue forms agree, B is a
// metric (the square B² is not), and for density matrices B² = 2(1 − √F) with Uhlmann's fidelity,
// checked against the qubit closed form F = tr ρσ + 2√(det ρ det σ) and pure states.
import { Rational, add, fn, inverse, matMul, mul, num, pow, sqrt, sub, sym, symmetricMatrixSymbols, trace } from "../src/core/index.js";
import { type CMatrix, cmatmul, conjTranspose, ctrace, matmul, matrix, sqrtm, trace as ntrace } from "../src/linalg/index.js";
import { buresDistance, buresDistanceSquared, densityBuresDistanceSquared, fidelityTerm, gaussianBrenierMap, uhlmannFidelity } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, complexNormalMatrix, normalMatrix } from "../src/random/index.js";
import { randomSpd, relErr } from "./helpers/numeric.js";
import { shown } from "./helpers/steps.js";

/** A random density matrix GG^* / tr mixed with δI/n so that λ_min ≥ δ/n (MATH §9 defaults, δ = 0.05). */
function densityMatrix(rng: Rng, n: number, complex: boolean): CMatrix {
  const G = complex ? complexNormalMatrix(rng, n) : (() => {
    const R = normalMatrix(rng, n);
    return { rows: n, cols: n, re: R.data, im: new Float64Array(n * n) } as CMatrix;
  })();
  const M = cmatmul(G, conjTranspose(G));
  const t = ctrace(M).re;
  const delta = 0.05;
  for (let k = 0; k < n * n; k++) {
    M.re[k] = ((1 - delta) * M.re[k]!) / t + (k % (n + 1) === 0 ? delta / n : 0);
    M.im[k] = ((1 - delta) * M.im[k]!) / t;
  }
  return M;
}

/** A pure state ψψ* with ψ a random unit vector. */
function pureState(rng: Rng, n: number): { rho: CMatrix; psi: { re: Float64Array; im: Float64Array } } {
  const g = complexNormalMatrix(rng, n, 1);
  let s = 0;
  for (let i = 0; i < n; i++) s += g.re[i]! ** 2 + g.im[i]! ** 2;
  const re = g.re.map((v) => v / Math.sqrt(s)), im = g.im.map((v) => v / Math.sqrt(s));
  const col: CMatrix = { rows: n, cols: 1, re, im };
  return { rho: cmatmul(col, conjTranspose(col)), psi: { re, im } };
}

export const v12: Proof = {
  id: "V12",
  title: "Bures distance = Gaussian Wasserstein distance",
  source: "MATH.md §3.6",
  statement:
    "For $A,B\\succeq0$ the fidelity term $\\operatorname{tr}(A^{1/2}BA^{1/2})^{1/2}=\\|A^{1/2}B^{1/2}\\|_*=\\sum_i\\lambda_i(AB)^{1/2}$ is symmetric in $A,B$; " +
    "$B^2(A,B)=\\operatorname{tr}A+\\operatorname{tr}B-2\\operatorname{tr}(A^{1/2}BA^{1/2})^{1/2}=W_2^2(N(0,A),N(0,B))$ and $B$ is a metric; for density matrices $B^2(\\rho,\\sigma)=2(1-\\sqrt{F(\\rho,\\sigma)})$ with $F=(\\operatorname{tr}|\\sqrt\\rho\\sqrt\\sigma|)^2$.",
  hypotheses: [
    "random SPD matrices $GG^\\top/d+\\epsilon I$, $d=2,\\dots,6$; density matrices $GG^*/\\operatorname{tr}$ mixed with $0.05\\,I/n$; seeded",
    "tolerance N $10^{-8}$ (matrix square roots)",
  ],
  references: ["Bures (1969)", "Uhlmann (1976)", "Bhatia–Jain–Lim, On the Bures–Wasserstein distance (2019)"],
  run(ctx) {
    // exact symmetry of the fidelity term through the Brenier matrix
    const As = symmetricMatrixSymbols("a", 2), S1 = symmetricMatrixSymbols("s", 2);
    const S2 = matMul(matMul(As, S1), As);
    ctx.identity("symmetry, exactly: for $\\Sigma_2=A\\Sigma_1A$ ($A\\succ0$ the Brenier matrix) $\\operatorname{tr}(\\Sigma_1A)=\\operatorname{tr}(\\Sigma_2A^{-1})$", trace(matMul(S1, As)), trace(matMul(S2, inverse(As))), {
      display: shown(fn("tr", fn("matmul", sym("Sigma1"), sym("A"))), fn("tr", fn("matmul", sym("Sigma2"), fn("inv", sym("A"))))),
      justification: "the fidelity term is $\\operatorname{tr}(\\Sigma_1^{1/2}A\\Sigma_1^{1/2})=\\operatorname{tr}(\\Sigma_1A)$ (V9), and with the roles swapped the Brenier matrix is $A^{-1}$; every pair of SPD matrices has this form",
    });
    const s = sym("s"), t = sym("t");
    ctx.identity("commuting case $d=1$: $B^2(s^2,t^2)=s^2+t^2-2\\sqrt{s^2t^2}=(s-t)^2$ for $s,t>0$", add(pow(s, num(2)), pow(t, num(2)), mul(num(-2), sqrt(mul(pow(s, num(2)), pow(t, num(2)))))), pow(sub(s, t), num(2)), {
      verify: { domain: [{ expr: s, op: ">" }, { expr: t, op: ">" }] },
    });

    const rng = new Rng(1212);
    const mats = [2, 3, 4, 5, 6].map((d) => ({ d, A: randomSpd(rng, d), B: randomSpd(rng, d) }));
    let symErr = 0, formErr = 0, w2Err = 0;
    for (const { d, A, B } of mats) {
      const f = fidelityTerm(A, B, "sandwich");
      symErr = Math.max(symErr, relErr(f, fidelityTerm(B, A, "sandwich")));
      formErr = Math.max(formErr, relErr(fidelityTerm(A, B, "nuclear"), f), relErr(fidelityTerm(A, B, "eigen"), f));
      const z = new Float64Array(d);
      w2Err = Math.max(w2Err, relErr(buresDistanceSquared(A, B), gaussianBrenierMap(z, A, z, B).w2sq));
    }
    ctx.numeric("random pairs ($d=2..6$): the fidelity term is symmetric under $A\\leftrightarrow B$", symErr, 0, 1e-8, { absolute: true });
    ctx.numeric("random pairs: the sandwich, nuclear-norm and eigenvalue forms agree", formErr, 0, 1e-8, { absolute: true });
    ctx.numeric("random pairs: $B^2(A,B)$ equals $W_2^2$ computed as the cost $\\operatorname{tr}((T-I)A(T-I))$ of the Brenier map", w2Err, 0, 1e-8, { absolute: true });
    {
      const A2 = [[4, 0], [0, 0.25]], B2 = [[1, 0.9], [0.9, 1]];
      const naive = ntrace(matmul(sqrtm(matrix(A2)), sqrtm(matrix(B2))));
      ctx.numericFails("the naive form $\\operatorname{tr}(A^{1/2}B^{1/2})$ is not the fidelity term: $A=\\operatorname{diag}(4,1/4)$, $B=\\begin{pmatrix}1&0.9\\\\0.9&1\\end{pmatrix}$", naive, fidelityTerm(A2, B2), 1e-3);
    }

    {
      let slack = Infinity;
      for (let k = 0; k < 300; k++) {
        const d = 2 + (k % 4);
        const [X, Y, Z] = [randomSpd(rng, d), randomSpd(rng, d), randomSpd(rng, d)];
        slack = Math.min(slack, buresDistance(X, Y) + buresDistance(Y, Z) - buresDistance(X, Z));
      }
      ctx.fact("triangle inequality $B(X,Z)\\le B(X,Y)+B(Y,Z)$ on 300 random triples", slack >= -1e-12, `smallest slack B(X,Y) + B(Y,Z) - B(X,Z) = ${slack.toExponential(3)}`);
    }
    ctx.custom("the squared distance is not a metric: $B^2(1,9)=4>B^2(1,4)+B^2(4,9)=2$", (): StepCertificate => {
      const b = (a: number, c: number): Rational => {
        const r = Rational.of(Math.round(Math.sqrt(a)) - Math.round(Math.sqrt(c)), 1);
        return r.mul(r);
      };
      const lhs = b(1, 9), rhs = b(1, 4).add(b(4, 9));
      const numeric = [buresDistanceSquared([[1]], [[9]]), buresDistanceSquared([[1]], [[4]]) + buresDistanceSquared([[4]], [[9]])];
      return lhs.cmp(rhs) > 0 && numeric[0]! > numeric[1]!
        ? { kind: "counterexample", method: "exact", detail: `(sqrt 1 - sqrt 9)^2 = ${lhs} > (sqrt 1 - sqrt 4)^2 + (sqrt 4 - sqrt 9)^2 = ${rhs}; the module gives ${numeric[0]} > ${numeric[1]}` }
        : { kind: "refuted", detail: "no violation found" };
    }, { expect: "fails" });

    // density matrices
    let densErr = 0, qubitErr = 0, pureErr = 0;
    for (const complex of [false, true])
      for (const n of [2, 3, 4]) {
        const rho = densityMatrix(rng, n, complex), sigma = densityMatrix(rng, n, complex);
        densErr = Math.max(densErr, relErr(buresDistanceSquared(rho, sigma), 2 * (1 - fidelityTerm(rho, sigma, "nuclear"))), relErr(densityBuresDistanceSquared(rho, sigma), buresDistanceSquared(rho, sigma)));
        if (n === 2) {
          const trRS = ctrace(cmatmul(rho, sigma)).re;
          const closed = trRS + 2 * Math.sqrt(cdet2(rho) * cdet2(sigma));
          qubitErr = Math.max(qubitErr, relErr(uhlmannFidelity(rho, sigma), closed));
        }
        const a = pureState(rng, n), b = pureState(rng, n);
        let ore = 0, oim = 0;
        for (let i = 0; i < n; i++) {
          ore += a.psi.re[i]! * b.psi.re[i]! + a.psi.im[i]! * b.psi.im[i]!;
          oim += a.psi.re[i]! * b.psi.im[i]! - a.psi.im[i]! * b.psi.re[i]!;
        }
        const overlap = Math.hypot(ore, oim);
        pureErr = Math.max(pureErr, relErr(densityBuresDistanceSquared(a.rho, b.rho), 2 * (1 - overlap)), relErr(uhlmannFidelity(a.rho, b.rho), overlap ** 2));
      }
    ctx.numeric("density matrices (real and complex, $n=2,3,4$): $B^2(\\rho,\\sigma)=2(1-\\sqrt F)$", densErr, 0, 1e-8, { absolute: true });
    ctx.numeric("qubits: $F(\\rho,\\sigma)=\\operatorname{tr}\\rho\\sigma+2\\sqrt{\\det\\rho\\det\\sigma}$ (closed form for $2\\times2$)", qubitErr, 0, 1e-8, { absolute: true, justification: "for PSD $2\\times2$ $M$, $(\\operatorname{tr}M^{1/2})^2=\\operatorname{tr}M+2\\sqrt{\\det M}$ with $M=\\rho^{1/2}\\sigma\\rho^{1/2}$" });
    ctx.numeric("pure states: $F=|\\langle\\psi,\\phi\\rangle|^2$ and $B^2=2(1-|\\langle\\psi,\\phi\\rangle|)$", pureErr, 0, 1e-8, { absolute: true });
  },
};

/** det of a 2 x 2 Hermitian matrix (real). */
function cdet2(M: CMatrix): number {
  return M.re[0]! * M.re[3]! - (M.re[1]! * M.re[2]! - M.im[1]! * M.im[2]!);
}
