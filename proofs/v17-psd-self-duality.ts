// V17: the PSD cone is self-dual, over ℝ (Sym_n) and over ℂ (Herm_n), for the real inner product tr(AB).
import { type Expr, I, Matrix, add, div, matMul, mul, neg, num, pow, sqrt, trace } from "../src/core/index.js";
import { type CMatrix, type Matrix as NumMatrix, eigvalsh, isComplex } from "../src/linalg/index.js";
import { conjExpr, isPositiveSemidefinite, selfDualityWitness } from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng } from "../src/random/index.js";
import { certify, complexSymbols, imagSymbols, hermitianSymbols, lambdaMin, randomHermitian, randomPsd, realSymbols, star, transposeE } from "./support/modular-symbolic.js";

/** tr(A B) for numeric Hermitian (or real symmetric) A, B: Σ_ij A_ij B_ji (real part). */
function trProduct(A: NumMatrix | CMatrix, B: NumMatrix | CMatrix): { re: number; im: number } {
  const n = A.rows;
  const a = isComplex(A) ? A : { re: A.data, im: new Float64Array(n * n) };
  const b = isComplex(B) ? B : { re: B.data, im: new Float64Array(n * n) };
  let re = 0, im = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const ar = a.re[i * n + j]!, ai = a.im[i * n + j]!, br = b.re[j * n + i]!, bi = b.im[j * n + i]!;
      re += ar * br - ai * bi;
      im += ar * bi + ai * br;
    }
  return { re, im };
}

function frob(A: NumMatrix | CMatrix): number {
  const d = isComplex(A) ? [...A.re, ...A.im] : [...A.data];
  return Math.hypot(...d);
}

/** Σ_ij X_ij² over the entries of a real symbolic matrix. */
function sumSquares(X: Matrix<Expr>): Expr {
  return add(...X.toArray().flat().map((x) => pow(x, num(2))));
}

export const v17: Proof = {
  id: "V17",
  title: "Self-duality of the PSD cone over ℝ and ℂ",
  source: "MATH.md §1.1, §9 V17",
  statement:
    "Let $V=\\mathrm{Sym}_n$ or $V=\\mathrm{Herm}_n$, a real vector space with the inner product $\\langle A,B\\rangle=\\operatorname{Re}\\operatorname{tr}(A^*B)=\\operatorname{tr}(AB)$, and $K=\\{A\\in V:A\\succeq0\\}$. " +
    "Then $K=K^\\vee:=\\{B\\in V:\\operatorname{tr}(AB)\\ge0\\ \\forall A\\in K\\}$: (i) $A,B\\succeq0\\Rightarrow\\operatorname{tr}(AB)=\\|L^*M\\|_F^2\\ge0$ for $A=LL^*$, $B=MM^*$; " +
    "(ii) if $A\\in V$ has an eigenvalue $\\lambda<0$ with unit eigenvector $v$ (real when $A$ is real), then $B=vv^*\\in K$ and $\\operatorname{tr}(AB)=\\lambda<0$.",
  hypotheses: ["$n\\ge1$; every $A\\succeq0$ factors as $A=LL^*$ with $L$ square (e.g. $L=A^{1/2}$), real when $A$ is real", "the dual is taken inside $V$ (for the dual inside all of $M_n(\\mathbb C)$ see V19)"],
  references: ["Faraut–Korányi, Analysis on Symmetric Cones (1994), §I.1", "Bhatia, Positive Definite Matrices (2007)"],
  run(ctx) {
    // the inner product on Herm_n
    ctx.custom(
      "On $\\mathrm{Herm}_n$: $\\operatorname{tr}(A^*B)=\\operatorname{tr}(AB)$ and it is real, for $n=2,3$",
      certify(() =>
        [2, 3].flatMap((n) => {
          const A = hermitianSymbols("a", n), B = hermitianSymbols("b", n);
          const t = trace(matMul(A, B));
          return [
            [trace(matMul(star(A), B)), t, `n = ${n}: tr(A*B) = tr(AB)`] as const,
            [conjExpr(t), t, `n = ${n}: conj tr(AB) = tr(AB)`] as const,
          ];
        }),
      ),
      { justification: "Symbolic Hermitian $A$, $B$ with entries $a_{jk}\\pm i\\,a_{jk}'$; conjugation is $i\\mapsto-i$" },
    );

    // (i) real
    ctx.custom(
      "(i) over $\\mathbb R$: $\\operatorname{tr}(LL^\\top MM^\\top)=\\sum_{jk}(L^\\top M)_{jk}^2$ for generic real $L,M$, $n=2,3$",
      certify(() =>
        [2, 3].map((n) => {
          const L = realSymbols("l", n), M = realSymbols("m", n);
          const lhs = trace(matMul(matMul(L, transposeE(L)), matMul(M, transposeE(M))));
          return [lhs, sumSquares(matMul(transposeE(L), M)), `n = ${n}`] as const;
        }),
      ),
      { justification: "$\\operatorname{tr}(LL^\\top MM^\\top)=\\operatorname{tr}((L^\\top M)^\\top L^\\top M)$, a sum of squares: $\\mathrm{Sym}_n^+\\subseteq(\\mathrm{Sym}_n^+)^\\vee$" },
    );

    // (i) complex: L = Lr + i Li, M = Mr + i Mi; L*M = P + iQ with real P, Q
    ctx.custom(
      "(i) over $\\mathbb C$: $\\operatorname{tr}(LL^*MM^*)=\\sum_{jk}P_{jk}^2+Q_{jk}^2$ with $L^*M=P+iQ$, $P=L_r^\\top M_r+L_i^\\top M_i$, $Q=L_r^\\top M_i-L_i^\\top M_r$, for $n=2,3$",
      certify(() =>
        [2, 3].map((n) => {
          const L = complexSymbols("l", n), M = complexSymbols("m", n);
          const Lr = realSymbols("l", n), Li = imagSymbols("l", n);
          const Mr = realSymbols("m", n), Mi = imagSymbols("m", n);
          const P = add2(matMul(transposeE(Lr), Mr), matMul(transposeE(Li), Mi));
          const Q = sub2(matMul(transposeE(Lr), Mi), matMul(transposeE(Li), Mr));
          const lhs = trace(matMul(matMul(L, star(L)), matMul(M, star(M))));
          return [lhs, add(sumSquares(P), sumSquares(Q)), `n = ${n}`] as const;
        }),
      ),
      { justification: "$\\operatorname{tr}(LL^*MM^*)=\\|L^*M\\|_F^2$ written with real and imaginary parts, exact with $i^2=-1$: $\\mathrm{Herm}_n^+\\subseteq(\\mathrm{Herm}_n^+)^\\vee$" },
    );

    // (ii) the witness
    ctx.custom(
      "(ii) $\\operatorname{tr}(A\\,vv^*)=v^*Av$ for Hermitian $A$ and $v\\in\\mathbb C^n$, $n=2,3$",
      certify(() =>
        [2, 3].map((n) => {
          const A = hermitianSymbols("a", n);
          const v = new Matrix(complexSymbols("v", n).toArray().map((r) => [r[0]!]));
          return [trace(matMul(A, matMul(v, star(v)))), matMul(matMul(star(v), A), v).get(0, 0), `n = ${n}`] as const;
        }),
      ),
      { justification: "So for a unit eigenvector, $\\operatorname{tr}(A\\,vv^*)=\\lambda$: a non-PSD $A$ is outside the dual, $(\\,K^\\vee\\subseteq K)$" },
    );
    const h = div(num(1), sqrt(num(2)));
    const Areal = new Matrix<Expr>([[num(1), num(2)], [num(2), num(1)]]);
    const vreal = new Matrix<Expr>([[h], [neg(h)]]);
    const Acx = new Matrix<Expr>([[num(1), mul(num(2), I)], [mul(num(-2), I), num(1)]]);
    const vcx = new Matrix<Expr>([[h], [mul(I, h)]]);
    ctx.custom(
      "(ii) exact instances: $A=\\begin{pmatrix}1&2\\\\2&1\\end{pmatrix}$, $v=(1,-1)^\\top/\\sqrt2$ and $A=\\begin{pmatrix}1&2i\\\\-2i&1\\end{pmatrix}$, $v=(1,i)^\\top/\\sqrt2$: $Av=-v$, $\\|v\\|=1$, $\\operatorname{tr}(A\\,vv^*)=-1$",
      certify(() => [
        ...[0, 1].map((k) => [matMul(Areal, vreal).get(k, 0), neg(vreal.get(k, 0)), `real: (Av)_${k + 1}`] as const),
        [matMul(star(vreal), vreal).get(0, 0), num(1), "real: |v|^2"] as const,
        [trace(matMul(Areal, matMul(vreal, star(vreal)))), num(-1), "real: tr(A vv*)"] as const,
        ...[0, 1].map((k) => [matMul(Acx, vcx).get(k, 0), neg(vcx.get(k, 0)), `complex: (Av)_${k + 1}`] as const),
        [matMul(star(vcx), vcx).get(0, 0), num(1), "complex: |v|^2"] as const,
        [trace(matMul(Acx, matMul(vcx, star(vcx)))), num(-1), "complex: tr(A vv*)"] as const,
      ]),
    );

    // numeric: random cones, n = 2..6, real and complex
    const rng = new Rng(17);
    let worst = Infinity, count = 0;
    for (const real of [true, false])
      for (let n = 2; n <= 6; n++)
        for (let k = 0; k < 8; k++) {
          const A = randomPsd(rng, n, 1 + (k % n), real), B = randomPsd(rng, n, 1 + ((k + 1) % n), real);
          worst = Math.min(worst, trProduct(A, B).re / (frob(A) * frob(B)));
          count++;
        }
    ctx.fact(`(i) numerically: $\\operatorname{tr}(AB)\\ge0$ for ${count} random pairs of PSD matrices (ranks 1 to n), n = 2..6, real and complex`, worst >= 0, `min tr(AB)/(|A|_F |B|_F) = ${worst.toExponential(3)}`);

    ctx.custom("(ii) numerically: selfDualityWitness on random indefinite $A$ gives $B=vv^*\\succeq0$ (real for real $A$) with $\\operatorname{tr}(AB)=\\lambda_{\\min}(A)<0$, n = 2..6, real and complex", (): StepCertificate => {
      let err = 0, checked = 0;
      for (const real of [true, false])
        for (let n = 2; n <= 6; n++)
          for (let k = 0; k < 6; k++) {
            const A = randomHermitian(rng, n, real);
            const lmin = lambdaMin(A);
            const w = selfDualityWitness(A);
            if (lmin >= 0) {
              if (w !== null) return { kind: "refuted", detail: "a witness was returned for a PSD matrix" };
              continue;
            }
            if (w === null) return { kind: "refuted", detail: `no witness for an indefinite matrix (lambda_min = ${lmin})` };
            if (real && isComplex(w.B)) return { kind: "refuted", detail: "complex witness for a real matrix" };
            if (!isPositiveSemidefinite(w.B)) return { kind: "refuted", detail: "the witness B is not PSD" };
            const t = trProduct(A, w.B);
            const scale = Math.max(1, Math.abs(lmin));
            err = Math.max(err, Math.abs(t.re - lmin) / scale, Math.abs(w.value - lmin) / scale, Math.abs(t.im) / scale);
            checked++;
          }
      return err <= 1e-10
        ? { kind: "checked/numeric", error: err, tolerance: 1e-10, detail: `${checked} indefinite matrices: |tr(AB) - lambda_min| <= ${err.toExponential(2)}` }
        : { kind: "refuted", detail: `|tr(AB) - lambda_min| = ${err}` };
    });
    const psd = [2, 4, 6].map((n) => randomPsd(rng, n, n, false));
    ctx.fact("No witness for PSD matrices: selfDualityWitness returns null (n = 2, 4, 6)", psd.every((A) => selfDualityWitness(A) === null), `smallest eigenvalues ${psd.map((A) => eigvalsh(A)[0]!.toExponential(2)).join(", ")}`);
  },
};

function add2(A: Matrix<Expr>, B: Matrix<Expr>): Matrix<Expr> {
  return A.map((x, i, j) => add(x, B.get(i, j)));
}

function sub2(A: Matrix<Expr>, B: Matrix<Expr>): Matrix<Expr> {
  return A.map((x, i, j) => add(x, neg(B.get(i, j))));
}
