// V18: the Tomita–Takesaki objects of the matrix model (MATH §6.1–6.3): S = JΔ^{1/2}, ΔΩ = Ω, JΩ = Ω,
// JL_xJ = R_{x*}, JΔJ = Δ⁻¹, JΔ^{it}J = Δ^{it}, the superoperator matrices in both vec conventions,
// and spec log Δ = {log p_i − log p_j}.
import { type Expr, HALF, I, Matrix, ONE, type SymbolicMatrix, kron, matMul, mul, neg, num, sym, trace } from "../src/core/index.js";
import { cscale, eighHermitian } from "../src/linalg/index.js";
import {
  applyReal,
  densityMatrix,
  liouvilleanMatrix,
  liouvilleanSpectrum,
  modularConjugation,
  modularConjugationRealForm,
  modularOperator,
  modularOperatorMatrix,
  spectralGenerator,
  superoperatorMatrix,
  tomitaDefects,
  tomitaS,
  tomitaSRealForm,
  toRealVector,
  type VecConvention,
} from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, complexNormalMatrix } from "../src/random/index.js";
import {
  certify,
  complexSymbols,
  matrixPairs,
  mulE,
  numericCertificate,
  randomDensity,
  realSymbols,
  relDiff,
  star,
  subE,
  symbolicState,
  transposeE,
  unitE,
  unitaryBasis,
} from "./support/modular-symbolic.js";

/** vec X (column-major, index i + n j) or vec_r X (row-major, index i n + j) as an n²×1 symbolic matrix. */
function vecE(X: SymbolicMatrix, c: VecConvention): SymbolicMatrix {
  const n = X.rows;
  const out: Expr[] = new Array<Expr>(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[c === "column" ? i + n * j : i * n + j] = X.get(i, j);
  return new Matrix(out.map((x) => [x]));
}

function identityE(n: number): SymbolicMatrix {
  return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? ONE : num(0)))));
}

export const v18: Proof = {
  id: "V18",
  title: "Tomita objects of the matrix model",
  source: "MATH.md §6.1–6.3, §9 V18",
  statement:
    "For $M=M_n(\\mathbb C)$ on $H=M_n(\\mathbb C)$ with $\\langle\\xi,\\eta\\rangle=\\operatorname{tr}(\\xi^*\\eta)$, a faithful $\\rho=\\sum_kp_ke_ke_k^*$ and $\\Omega=\\rho^{1/2}$: " +
    "$J\\xi=\\xi^*$, $\\Delta^z\\xi=\\rho^z\\xi\\rho^{-z}$ and $S=J\\Delta^{1/2}$ satisfy $S(x\\Omega)=x^*\\Omega$, $\\Delta\\Omega=\\Omega$, $J\\Omega=\\Omega$, $JL_xJ=R_{x^*}$, $J\\Delta J=\\Delta^{-1}$, $J\\Delta^{it}J=\\Delta^{it}$; " +
    "$\\Delta$ is positive self-adjoint; $\\Delta=\\rho^{-\\top}\\otimes\\rho$ and $\\log\\Delta=I\\otimes\\log\\rho-(\\log\\rho)^\\top\\otimes I$ with column-major vec, $\\log\\Delta=\\log\\rho\\otimes I-I\\otimes(\\log\\rho)^\\top$ with row-major vec; " +
    "$\\log\\Delta(e_ie_j^*)=(\\log p_i-\\log p_j)\\,e_ie_j^*$, so $\\operatorname{spec}\\log\\Delta=\\{\\log p_i-\\log p_j\\}_{i,j}$ and $\\dim\\ker\\log\\Delta\\ge n$.",
  hypotheses: [
    "$\\rho\\succ0$ (faithful); the exact steps take $\\rho=U\\operatorname{diag}(e^{\\ell_1},e^{\\ell_2})U^*$ with symbolic $\\ell_k$ and the general eigenbasis $U=\\begin{pmatrix}c&-se^{-i\\varphi}\\\\se^{i\\varphi}&c\\end{pmatrix}$, $c=\\frac{1-u^2}{1+u^2}$, $s=\\frac{2u}{1+u^2}$ (every $2\\times2$ eigenbasis up to column phases), and general complex $x,\\xi$",
    "$J$ is antilinear: it is checked on vectors (symbolic $\\xi$) or in the real $2n^2$-dimensional form, never as a complex matrix",
    "numeric steps: random density matrices of MATH §9, n = 2..6, tolerance $10^{-8}$ (powers of $\\rho$)",
  ],
  references: ["Takesaki, Theory of Operator Algebras II (2003), Ch. VI", "Bratteli–Robinson, Operator Algebras and QSM 1, §2.5"],
  run(ctx) {
    const st = symbolicState(unitaryBasis(2), ["l1", "l2"]);
    const x = complexSymbols("x", 2), xi = complexSymbols("xi", 2);
    const D = (z: Expr, X: SymbolicMatrix) => mulE(st.power(z), X, st.power(neg(z)));
    const J = star;
    const Om = st.power(HALF);
    const t = sym("t");
    ctx.custom("The eigenbasis is exactly unitary: $UU^*=I$", certify(() => matrixPairs(matMul(st.U, star(st.U)), identityE(2))));
    ctx.custom("$S(x\\Omega)=J\\Delta^{1/2}(x\\Omega)=x^*\\Omega$ for general complex $x$", certify(() => matrixPairs(J(D(HALF, matMul(x, Om))), matMul(star(x), Om))), {
      justification: "$J\\Delta^{1/2}(x\\rho^{1/2})=(\\rho^{1/2}x\\rho^{1/2}\\rho^{-1/2})^*=(\\rho^{1/2}x)^*=x^*\\rho^{1/2}$; exact in the atoms $e^{\\ell_k/2}$, $e^{i\\varphi}$, $i$",
    });
    ctx.custom("$\\Delta\\Omega=\\Omega$ and $J\\Omega=\\Omega$", certify(() => [...matrixPairs(D(ONE, Om), Om, "Delta Omega"), ...matrixPairs(J(Om), Om, "J Omega")]));
    ctx.custom("$JL_xJ\\xi=R_{x^*}\\xi$, i.e. $(x\\xi^*)^*=\\xi x^*$, for general $x,\\xi$", certify(() => matrixPairs(J(matMul(x, J(xi))), matMul(xi, star(x)))), {
      justification: "So $JMJ\\subseteq M'$ (and $=$ by symmetry)",
    });
    ctx.custom("$J\\Delta J\\xi=\\Delta^{-1}\\xi$ and $J\\Delta^{it}J\\xi=\\Delta^{it}\\xi$ on a general vector $\\xi$", certify(() => [...matrixPairs(J(D(ONE, J(xi))), D(num(-1), xi), "J Delta J"), ...matrixPairs(J(D(mul(I, t), J(xi))), D(mul(I, t), xi), "J Delta^{it} J")]), {
      justification: "$J$ conjugates $e^{it\\ell_k}$ to $e^{-it\\ell_k}$; checked on vectors since $J$ is antilinear",
    });
    ctx.custom("$\\Delta$ is self-adjoint and positive: $\\langle\\eta,\\Delta\\xi\\rangle=\\langle\\Delta\\eta,\\xi\\rangle$ and $\\langle\\xi,\\Delta\\xi\\rangle=\\|\\Delta^{1/2}\\xi\\|^2$", certify(() => {
      const eta = complexSymbols("eta", 2);
      const ip = (A: SymbolicMatrix, B: SymbolicMatrix) => trace(matMul(star(A), B));
      return [
        [ip(eta, D(ONE, xi)), ip(D(ONE, eta), xi), "self-adjoint"],
        [ip(xi, D(ONE, xi)), ip(D(HALF, xi), D(HALF, xi)), "positive"],
      ] as const;
    }), { justification: "Hence $S=J\\Delta^{1/2}$ is the polar decomposition ($J$ antiunitary involution, $\\Delta^{1/2}\\ge0$) and $\\Delta=S^*S$" });

    // superoperator matrices
    ctx.custom("$\\mathrm{vec}(AXB)=(B^\\top\\otimes A)\\,\\mathrm{vec}X$ (column-major) and $\\mathrm{vec}_r(AXB)=(A\\otimes B^\\top)\\,\\mathrm{vec}_rX$ (row-major) for generic $A,B,X$, $n=2,3$", certify(() =>
      [2, 3].flatMap((n) => {
        const A = realSymbols("a", n), B = realSymbols("b", n), X = realSymbols("x", n);
        const AXB = mulE(A, X, B);
        return [
          ...matrixPairs(vecE(AXB, "column"), matMul(kron(transposeE(B), A), vecE(X, "column")), `n = ${n} column`),
          ...matrixPairs(vecE(AXB, "row"), matMul(kron(A, transposeE(B)), vecE(X, "row")), `n = ${n} row`),
        ];
      }),
    ), { justification: "A polynomial identity over any commutative ring, hence for complex entries: $\\Delta=\\rho^{-\\top}\\otimes\\rho$ (column) and $\\rho\\otimes\\rho^{-\\top}$ (row)" });
    const G = spectralGenerator(st.eigenvalues, st.U);
    ctx.custom("The module's symbolic Liouvillean matrices act as $\\xi\\mapsto(\\log\\rho)\\xi-\\xi\\log\\rho$: $I\\otimes\\log\\rho-(\\log\\rho)^\\top\\otimes I$ (column), $\\log\\rho\\otimes I-I\\otimes(\\log\\rho)^\\top$ (row)", certify(() =>
      (["column", "row"] as const).flatMap((c) => matrixPairs(matMul(G.liouvilleanMatrix(c), vecE(xi, c)), vecE(subE(matMul(G.logDensity, xi), matMul(xi, G.logDensity)), c), c)),
    ), { justification: "The module's spectralGenerator with the symbolic eigenbasis $U$ and eigenvalues $e^{\\ell_k}$" });

    // spectrum of log Δ for symbolic p_i
    for (const n of [2, 3] as const) {
      const U = unitaryBasis(n);
      const p = Array.from({ length: n }, (_, k) => sym(`p${k + 1}`));
      const g = spectralGenerator(p, U);
      const F = (i: number, j: number) => mulE(U, unitE(n, i, j), star(U));
      ctx.custom(
        `$\\log\\Delta(Ue_ie_j^*U^*)=(\\log p_i-\\log p_j)\\,Ue_ie_j^*U^*$ for symbolic $p_1,\\dots,p_${n}$ and a symbolic eigenbasis $U$ (${n === 2 ? "general; both vec conventions" : "two Givens rotations with phases; column vec"})`,
        certify(() => {
          const out: Array<readonly [Expr, Expr, string]> = [];
          for (const c of n === 2 ? (["column", "row"] as const) : (["column"] as const)) {
            const L = g.liouvilleanMatrix(c);
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) {
                const v = vecE(F(i, j), c);
                out.push(...matrixPairs(matMul(L, v), v.map((e) => mul(g.logDeltaSpectrum[i]![j]!, e)), `${c} (${i + 1},${j + 1})`));
              }
          }
          return out;
        }),
        { justification: "The eigenvalue is the module's logDeltaSpectrum entry $\\log p_i-\\log p_j$" },
      );
      ctx.custom(`$U^*U=I$ exactly (n = ${n}), so the $${n * n}$ eigenvectors are orthonormal, $\\langle Ue_ie_j^*U^*,Ue_ke_l^*U^*\\rangle=\\operatorname{tr}(e_je_i^*e_ke_l^*)=\\delta_{ik}\\delta_{jl}$: $\\operatorname{spec}\\log\\Delta=\\{\\log p_i-\\log p_j\\}$ with multiplicity and $\\ker\\log\\Delta\\supseteq\\operatorname{span}\\{Ue_ie_i^*U^*\\}$ (dimension $\\ge n$)`, certify(() => matrixPairs(matMul(star(U), U), identityE(n))));
    }
    ctx.show("The spectrum of $\\log\\Delta$ (n = 2)", new Matrix(spectralGenerator(["p1", "p2"]).logDeltaSpectrum), "\\big(\\log p_i-\\log p_j\\big)_{ij}");

    // numeric
    const rng = new Rng(18);
    ctx.custom("Numerically (tomitaDefects): all six Tomita identities on random $\\rho$, $x$, $\\xi$, n = 2..6", (): StepCertificate => {
      let worst = 0;
      for (let n = 2; n <= 6; n++)
        for (let k = 0; k < 3; k++) {
          const d = tomitaDefects(randomDensity(rng, n), complexNormalMatrix(rng, n), complexNormalMatrix(rng, n), 0.3 + k);
          worst = Math.max(worst, d.polar, d.deltaOmega, d.jOmega, d.jLeftJ, d.jDeltaJ, d.jDeltaItJ);
        }
      return numericCertificate(worst, 1e-8, "15 random triples, worst relative defect");
    });
    const rho3 = densityMatrix(randomDensity(rng, 3));
    ctx.custom("Numerically: modularOperatorMatrix equals the matrix of $\\xi\\mapsto\\Delta^z\\xi$ built from matrix units, $z\\in\\{1,\\tfrac12,0.7i\\}$, both conventions (n = 3)", (): StepCertificate => {
      let worst = 0;
      for (const c of ["column", "row"] as const)
        for (const z of [1, 0.5, { re: 0, im: 0.7 }]) {
          const M = modularOperatorMatrix(rho3, { convention: c, z });
          const ref = superoperatorMatrix((X) => modularOperator(rho3, X, z), 3, c);
          worst = Math.max(worst, relDiff(M, ref));
        }
      return numericCertificate(worst, 1e-8, "6 superoperator matrices");
    });
    const xi3 = complexNormalMatrix(rng, 3);
    ctx.custom("Numerically: $J$ and $S=J\\Delta^{1/2}$ in the real $2n^2$ form agree with $\\xi\\mapsto\\xi^*$ and $\\xi\\mapsto\\rho^{-1/2}\\xi^*\\rho^{1/2}$ (n = 3, both conventions)", (): StepCertificate => {
      let worst = 0;
      for (const c of ["column", "row"] as const) {
        const jv = applyReal(modularConjugationRealForm(3), toRealVector(xi3, c));
        const sv = applyReal(tomitaSRealForm(rho3, c), toRealVector(xi3, c));
        const jr = toRealVector(modularConjugation(xi3), c), sr = toRealVector(tomitaS(rho3, xi3), c);
        for (let k = 0; k < jv.length; k++) worst = Math.max(worst, Math.abs(jv[k]! - jr[k]!), Math.abs(sv[k]! - sr[k]!) / Math.max(1, Math.abs(sr[k]!)));
      }
      return numericCertificate(worst, 1e-8, "real forms on a random vector");
    });
    const Jx = modularConjugation(cscale(xi3, 0, 1));
    const iJx = cscale(modularConjugation(xi3), 0, 1);
    ctx.numericFails("$J$ is antilinear, so it has no complex $n^2\\times n^2$ matrix: $J(i\\xi)=-iJ\\xi\\ne iJ\\xi$", relDiff(Jx, iJx), 0, 1e-3, {
      justification: "Relative distance between $J(i\\xi)$ and $iJ\\xi$ for a random $\\xi$ (it is 2)",
    });
    ctx.custom("Numerically: liouvilleanSpectrum equals the eigenvalues of liouvilleanMatrix (both conventions) and $\\{\\log p_i-\\log p_j\\}$; the kernel has dimension n (distinct $p_i$), n = 3, 4, 5", (): StepCertificate => {
      let worst = 0;
      for (const n of [3, 4, 5]) {
        const r = densityMatrix(randomDensity(rng, n));
        const spec = liouvilleanSpectrum(r);
        const grid: number[] = [];
        for (const a of r.logEigenvalues) for (const b of r.logEigenvalues) grid.push(a - b);
        grid.sort((a, b) => a - b);
        for (const c of ["column", "row"] as const) {
          const ev = eighHermitian(liouvilleanMatrix(r, c)).values;
          for (let k = 0; k < n * n; k++) worst = Math.max(worst, Math.abs(ev[k]! - spec[k]!), Math.abs(grid[k]! - spec[k]!));
        }
        const kernel = [...spec].filter((v) => Math.abs(v) < 1e-9).length;
        if (kernel !== n) return { kind: "refuted", detail: `kernel dimension ${kernel} for n = ${n}` };
      }
      return numericCertificate(worst, 1e-8, "three random states, absolute error of the sorted spectra");
    });
  },
};
