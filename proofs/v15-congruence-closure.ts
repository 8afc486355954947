// V15: congruence closure of the Wishart family (MATH.md §4.7). Exact: the Laplace-transform proof
// (trace identity and Sylvester's determinant identity) and the density under congruence,
// f_{AΣAᵀ}(ASAᵀ) = |det A|^{−(p+1)} f_Σ(S). Monte Carlo and KS: RSRᵀ against W_k(n, RΣRᵀ), aᵀSa/aᵀΣa
// against χ²_n, the marginal S_cc, and the Schur complement S/S_cc ~ W_{p−k}(n−k, Σ/Σ_cc), uncorrelated
// with S_cc.
import { type Expr, add, det, fn, identityMatrix, log, matAdd, matMul, matrix, matrixSymbols, mul, num, subs, sym, symmetricMatrixSymbols, trace, transpose, vech } from "../src/core/index.js";
import { type Matrix, det as ndet, eigvalsh, matmul, schurComplement, symmetrize, transpose as ntranspose } from "../src/linalg/index.js";
import type { Proof } from "../src/proofs/index.js";
import { Rng, normalMatrix } from "../src/random/index.js";
import { ksOneSample, ksTwoSample, logDetOf, logpdf, wishartDensity, wishartSampler } from "../src/wishart/index.js";
import { TITLE_ONLY, ksStep, monteCarloAll, shown } from "./helpers/steps.js";
import { relErr } from "./helpers/numeric.js";
import { column, statistic, wishartMomentStats } from "./helpers/wishart-stats.js";

const SIGMA = [[1.0, 0.4, 0.1, -0.2], [0.4, 1.5, 0.3, 0.0], [0.1, 0.3, 0.8, 0.25], [-0.2, 0.0, 0.25, 1.2]];
const P = 4, DF = 6, N = 20_000;
const R = [[1, 0.5, 0, -1], [0, 1, 2, 0.5]];

const asMatrix = (a: readonly (readonly number[])[]): Matrix => ({ rows: a.length, cols: a[0]!.length, data: Float64Array.from(a.flat()) });
const rowsOf = (M: Matrix): number[][] => Array.from({ length: M.rows }, (_, i) => Array.from(M.data.slice(i * M.cols, (i + 1) * M.cols)));

/** The stack of B S Bᵀ for every S of a stack of p x p matrices (B is k x p). */
function congruenceStack(stack: Float64Array, p: number, B: Matrix): Float64Array {
  const k = B.rows, count = stack.length / (p * p);
  const out = new Float64Array(count * k * k);
  for (let s = 0; s < count; s++) {
    const S: Matrix = { rows: p, cols: p, data: stack.subarray(s * p * p, (s + 1) * p * p) };
    out.set(matmul(matmul(B, S), ntranspose(B)).data, s * k * k);
  }
  return out;
}

/** λ_max and log det of each k x k matrix of a stack. */
function spectra(stack: Float64Array, k: number): { lmax: Float64Array; ld: Float64Array } {
  const count = stack.length / (k * k);
  const lmax = new Float64Array(count), ld = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const lam = eigvalsh({ rows: k, cols: k, data: stack.slice(s * k * k, (s + 1) * k * k) });
    lmax[s] = lam[k - 1]!;
    ld[s] = logDetOf(stack, s * k * k, k);
  }
  return { lmax, ld };
}

/** P(χ²_n ≤ x) for even n = 2m: 1 − e^{−x/2} Σ_{j<m} (x/2)^j/j!. */
function chiSquareCdfEven(n: number, x: number): number {
  if (x <= 0) return 0;
  let term = 1, sum = 1;
  for (let j = 1; j < n / 2; j++) {
    term *= x / 2 / j;
    sum += term;
  }
  return Math.max(0, Math.min(1, 1 - Math.exp(-x / 2) * sum));
}

export const v15: Proof = {
  id: "V15",
  title: "Congruence closure of the Wishart family",
  source: "MATH.md §4.7",
  statement:
    "For $S\\sim W_p(n,\\Sigma)$ and $R\\in\\mathbb R^{k\\times p}$ of rank $k$: $RSR^\\top\\sim W_k(n,R\\Sigma R^\\top)$; in particular $a^\\top Sa/a^\\top\\Sigma a\\sim\\chi^2_n$ and $S_{cc}\\sim W_k(n,\\Sigma_{cc})$. " +
    "For $|c|=k$ the Schur complement $S/S_{cc}=S_{ff}-S_{fc}S_{cc}^{-1}S_{cf}\\sim W_{p-k}(n-k,\\Sigma/\\Sigma_{cc})$ is independent of $S_{cc}$. For invertible $A$, $f_{A\\Sigma A^\\top}(ASA^\\top)=|\\det A|^{-(p+1)}f_\\Sigma(S)$.",
  hypotheses: [
    "$p=4$, $n=6$, $\\Sigma$ a fixed non-diagonal SPD matrix, $R=\\begin{pmatrix}1&1/2&0&-1\\\\0&1&2&1/2\\end{pmatrix}$, $c=\\{1,3\\}$",
    "20 000 Bartlett draws per law, seeded; MC 5 SE; KS at level $10^{-3}$",
  ],
  references: ["Muirhead (1982), Thms 3.2.5, 3.2.10", "Eaton, Multivariate Statistics (1983), ch. 8"],
  run(ctx) {
    // the Laplace-transform proof, exactly
    const Rs = matrixSymbols("r", 2, 3), Ss = symmetricMatrixSymbols("s", 3), Th = symmetricMatrixSymbols("t", 2);
    ctx.identity("$\\operatorname{tr}(\\Theta RSR^\\top)=\\operatorname{tr}((R^\\top\\Theta R)S)$ ($k=2$, $p=3$, symbolic)", trace(matMul(Th, matMul(matMul(Rs, Ss), transpose(Rs)))), trace(matMul(matMul(matMul(transpose(Rs), Th), Rs), Ss)), {
      display: shown(fn("tr", fn("matmul", sym("Theta"), sym("R"), sym("S"), fn("transpose", sym("R")))), fn("tr", fn("matmul", fn("transpose", sym("R")), sym("Theta"), sym("R"), sym("S")))),
    });
    const Am = matrixSymbols("a", 3, 2), Bm = matrixSymbols("b", 2, 3);
    ctx.identity("Sylvester: $\\det(I_3+AB)=\\det(I_2+BA)$ for $A\\in\\mathbb R^{3\\times2}$, $B\\in\\mathbb R^{2\\times3}$ (symbolic)", det(matAdd(identityMatrix(3), matMul(Am, Bm))), det(matAdd(identityMatrix(2), matMul(Bm, Am))), {
      display: shown(fn("det", add(sym("I3"), fn("matmul", sym("A"), sym("B")))), fn("det", add(sym("I2"), fn("matmul", sym("B"), sym("A"))))),
      justification:
        "with $A=2\\Sigma R^\\top$, $B=\\Theta R$: $\\mathbb Ee^{-\\operatorname{tr}(\\Theta RSR^\\top)}=\\det(I_p+2\\Sigma R^\\top\\Theta R)^{-n/2}=\\det(I_k+2R\\Sigma R^\\top\\Theta)^{-n/2}$, the Laplace transform of $W_k(n,R\\Sigma R^\\top)$, which determines the law",
    });

    // the density under congruence, exactly (p = 2; S = LLᵀ, Σ = MMᵀ, A lower triangular with positive diagonal)
    {
      const d = wishartDensity(2, { df: "n" });
      const S = d.variable as ReturnType<typeof matrix>, G = d.scale as ReturnType<typeof matrix>;
      const L = matrix([[sym("l11"), 0], [sym("l21"), sym("l22")]]), M = matrix([[sym("m11"), 0], [sym("m21"), sym("m22")]]);
      const A = matrix([[sym("a11"), 0], [sym("a21"), sym("a22")]]);
      const Sx = matMul(L, transpose(L)), Gx = matMul(M, transpose(M));
      const congr = (X: ReturnType<typeof matrix>) => matMul(matMul(A, X), transpose(A));
      const at = (Sv: ReturnType<typeof matrix>, Gv: ReturnType<typeof matrix>): Expr => {
        const m = new Map<Expr, Expr>();
        vech(S).forEach((s, k) => m.set(s, vech(Sv)[k]!));
        vech(G).forEach((s, k) => m.set(s, vech(Gv)[k]!));
        return subs(d.logDensity, m);
      };
      const pos = ["a11", "a22", "l11", "l22", "m11", "m22"].map((n) => ({ expr: sym(n), op: ">" as const }));
      ctx.identity("$p=2$: $\\log f_{A\\Sigma A^\\top}(ASA^\\top)=\\log f_\\Sigma(S)-(p+1)\\log|\\det A|$ (symbolic $n$, $S=LL^\\top$, $\\Sigma=MM^\\top$, $A$ lower triangular)", at(congr(Sx), congr(Gx)), add(at(Sx, Gx), mul(num(-3), log(mul(sym("a11"), sym("a22"))))), {
        verify: { domain: pos },
        display: TITLE_ONLY,
        justification: "the Jacobian of $X\\mapsto AXA^\\top$ on $\\mathrm{Sym}_p$ is $|\\det A|^{p+1}$ (§1.3); Cholesky factors make $\\log\\det$ exact",
      });
      const rng = new Rng(1515);
      let worst = 0;
      for (let t = 0; t < 10; t++) {
        const An = normalMatrix(rng, P);
        const Sn = wishartSampler(DF, SIGMA).sample(rng);
        const ASA = symmetrize(matmul(matmul(An, Sn), ntranspose(An))), AGA = symmetrize(matmul(matmul(An, asMatrix(SIGMA)), ntranspose(An)));
        worst = Math.max(worst, relErr(logpdf(ASA, DF, AGA) - logpdf(Sn, DF, SIGMA), -(P + 1) * Math.log(Math.abs(ndet(An)))));
      }
      ctx.numeric("$p=4$, random (non-triangular) $A$: $\\log f_{A\\Sigma A^\\top}(ASA^\\top)-\\log f_\\Sigma(S)=-(p+1)\\log|\\det A|$", worst, 0, 1e-8, { absolute: true });
    }

    // samples
    const rng = new Rng(151515);
    const stack = wishartSampler(DF, SIGMA).sampleStack(rng, N);
    const Rm = asMatrix(R);
    const RSR = rowsOf(matmul(matmul(Rm, asMatrix(SIGMA)), ntranspose(Rm)));
    const proj = congruenceStack(stack, P, Rm);
    monteCarloAll(ctx, "$RSR^\\top$: mean $nR\\Sigma R^\\top$ and entry variances of $W_2(n,R\\Sigma R^\\top)$", () => wishartMomentStats(proj, 2, DF, RSR, "(RSR^T)"));
    const direct = spectra(wishartSampler(DF, RSR).sampleStack(new Rng(151516), N), 2);
    const viaR = spectra(proj, 2);
    ksStep(ctx, "KS: $\\lambda_{\\max}(RSR^\\top)$ against direct draws of $W_2(n,R\\Sigma R^\\top)$", () => ({ ...ksTwoSample(viaR.lmax, direct.lmax), m: N / 2 }));
    ksStep(ctx, "KS: $\\log\\det(RSR^\\top)$ against direct draws of $W_2(n,R\\Sigma R^\\top)$", () => ({ ...ksTwoSample(viaR.ld, direct.ld), m: N / 2 }));

    // aᵀSa / aᵀΣa ~ χ²_n
    {
      const a = [0.5, -1, 0.25, 2];
      const aSa = (M: ArrayLike<number>, off = 0): number => {
        let s = 0;
        for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) s += a[i]! * M[off + i * P + j]! * a[j]!;
        return s;
      };
      const ratio = column(stack, P, (o) => aSa(stack, o)).map((v) => v / aSa(SIGMA.flat()));
      ksStep(ctx, "KS: $a^\\top Sa/a^\\top\\Sigma a$ against the $\\chi^2_6$ distribution function", () => ({ ...ksOneSample(ratio, (t) => chiSquareCdfEven(DF, t)), m: N }), {
        justification: "$P(\\chi^2_{2m}\\le x)=1-e^{-x/2}\\sum_{j<m}(x/2)^j/j!$",
      });
      monteCarloAll(ctx, "$a^\\top Sa/a^\\top\\Sigma a$: mean $n$ and variance $2n$", () => [statistic("mean", ratio, DF), statistic("variance", ratio.map((v) => (v - DF) ** 2), 2 * DF)]);
    }

    // S_cc and the Schur complement, c = {1, 3}
    {
      const c = [0, 2];
      const pick = (M: ArrayLike<number>, off: number, idx: number[]): number[] => idx.flatMap((i) => idx.map((j) => M[off + i * P + j]!));
      const Scc = new Float64Array(N * 4), Sch = new Float64Array(N * 4);
      for (let s = 0; s < N; s++) {
        Scc.set(pick(stack, s * P * P, c), 4 * s);
        Sch.set(schurComplement({ rows: P, cols: P, data: stack.subarray(s * P * P, (s + 1) * P * P) }, c, "S").data, 4 * s);
      }
      const Sigcc = [0, 1].map((i) => [0, 1].map((j) => SIGMA[c[i]!]![c[j]!]!));
      const SigSchur = rowsOf(schurComplement(asMatrix(SIGMA), c, "Sigma"));
      monteCarloAll(ctx, "$S_{cc}\\sim W_2(n,\\Sigma_{cc})$: means and variances", () => wishartMomentStats(Scc, 2, DF, Sigcc, "S_cc"));
      monteCarloAll(ctx, "$S/S_{cc}\\sim W_2(n-2,\\Sigma/\\Sigma_{cc})$: means and variances", () => wishartMomentStats(Sch, 2, DF - 2, SigSchur, "S/S_cc"));
      const directSchur = spectra(wishartSampler(DF - 2, SigSchur).sampleStack(new Rng(151517), N), 2);
      ksStep(ctx, "KS: $\\log\\det(S/S_{cc})$ against direct draws of $W_2(n-2,\\Sigma/\\Sigma_{cc})$", () => ({ ...ksTwoSample(spectra(Sch, 2).ld, directSchur.ld), m: N / 2 }));
      monteCarloAll(ctx, "independence: every covariance between an entry of $S/S_{cc}$ and an entry of $S_{cc}$ is within 5 SE of 0", () => {
        const out = [];
        for (const [i, j] of [[0, 0], [0, 1], [1, 1]])
          for (const [k, l] of [[0, 0], [0, 1], [1, 1]]) {
            const m1 = (DF - 2) * SigSchur[i]![j]!, m2 = DF * Sigcc[k]![l]!;
            const prod = new Float64Array(N);
            for (let s = 0; s < N; s++) prod[s] = (Sch[4 * s + 2 * i + j]! - m1) * (Scc[4 * s + 2 * k + l]! - m2);
            out.push(statistic(`Cov((S/S_cc)${i + 1}${j + 1}, (S_cc)${k + 1}${l + 1})`, prod, 0));
          }
        return out;
      });
    }
  },
};

