// V23: the renormalisation group on Gaussian covariances (MATH.md §8.1–8.4). Exact: the Schur complement of the
// precision equals (Σ_cc)⁻¹ (symbolic Σ, and at a rational Σ), completing the square behind the decimated
// Hamiltonian, composition of congruences, and the AR(1) rule r ↦ r², σ′² = σ²(1 + r²) with the marginal variance
// unchanged. Numeric: free-energy preservation (also by quadrature), positive-definiteness preservation,
// tridiagonality after decimation, fixed points, and the block-spin aliasing formula in 1-D and 2-D.
import { add, div, inverse, Matrix, matMul, matrix, mul, num, pow, sub, sym, symmetricMatrixSymbols, type Expr, type SymbolicMatrix } from "../src/core/index.js";
import {
  ar1Decimate,
  ar1DecimationSymbolic,
  ar1FixedPoints,
  ar1Precision,
  blockSpin1D,
  blockSpin2D,
  blockSpinMatrix1D,
  blockSpinMatrix2D,
  blockSpinSpectrum,
  blockSpinSpectrum2D,
  checkFullRowRank,
  circulant,
  circulant2D,
  circulantSpectrum,
  circulantSpectrum2D,
  coarseGrain,
  coarseGrainSymbolic,
  composeCoarseGrainings,
  correlationLength,
  decimate,
  decimatedFreeEnergy,
  decimateSymbolic,
  gaussianFreeEnergy,
  selectionMatrix,
} from "../src/rg/index.js";
import { eigvalsh, inverse as linv, matmul, transpose as ntranspose } from "../src/linalg/index.js";
import { normalMatrix, Rng } from "../src/random/index.js";
import { randomGramSpd } from "./helpers/numeric.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";

const sub2 = (A: SymbolicMatrix, idx: number[]): SymbolicMatrix => new Matrix(idx.map((i) => idx.map((j) => A.get(i, j))));


/** Every entry pair identical as exact expressions (canonical rationals): a certificate. */
function sameRationals(A: SymbolicMatrix, B: SymbolicMatrix, what: string): StepCertificate {
  const bad: string[] = [];
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) if (A.get(i, j) !== B.get(i, j)) bad.push(`(${i + 1},${j + 1}): ${String(A.get(i, j))} vs ${String(B.get(i, j))}`);
  return bad.length === 0
    ? { kind: "proved/exact", detail: `${what}: all ${A.rows * A.cols} entries are the same exact rationals, e.g. ${String(A.get(0, 0))}` }
    : { kind: "refuted", detail: bad.join("; ") };
}

export const v23: Proof = {
  id: "V23",
  title: "Renormalisation group on Gaussian covariances",
  source: "MATH.md §8.1–8.4, §9 V23",
  statement:
    "Integrating out the sites $f$ of $e^{-\\frac12x^\\top Kx}$ gives $H'(x_c)=\\frac12x_c^\\top(K/K_{ff})x_c+\\frac12\\log\\det K_{ff}-\\frac{|f|}2\\log2\\pi$ with " +
    "$K/K_{ff}=(\\Sigma_{cc})^{-1}$ and the same free energy; congruences $\\Sigma\\mapsto R\\Sigma R^\\top$ compose and keep positive definiteness; " +
    "AR(1) decimation maps $r\\mapsto r^2$, $\\sigma^2\\mapsto\\sigma^2(1+r^2)$, keeps the marginal variance and the tridiagonal precision, and halves $\\xi$; " +
    "block-spin on $\\mathbb Z_L$ acts on the spectrum by the aliasing formula $\\hat C'(q')=\\frac1b\\sum_j|\\hat H(q'+jL/b)|^2\\hat C(q'+jL/b)$.",
  hypotheses: [
    "$K=\\Sigma^{-1}\\succ0$; $R\\in\\mathbb R^{k\\times p}$ of full row rank; $|r|<1$, $\\sigma^2>0$; $b\\mid L$ and $C(n)=C(L-n)$",
    "exact: symbolic $3\\times3$ $\\Sigma$ and a rational $4\\times4$ $\\Sigma$; AR(1) with symbols $r$, $s=\\sigma^2$",
  ],
  references: ["Wilson–Kogut (1974)", "Kadanoff (1966), block spins", "Brockwell–Davis, Time Series (AR(1))"],
  run(ctx) {
    // --- Schur complement of the precision = (Σ_cc)⁻¹
    {
      const Sig = symmetricMatrixSymbols("S", 3);
      const K = inverse(Sig);
      const D = decimateSymbolic(K, [0, 1]);
      const target = inverse(sub2(Sig, [0, 1]));
      for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const)
        ctx.identity(`$(K/K_{ff})_{${i + 1}${j + 1}}=((\\Sigma_{cc})^{-1})_{${i + 1}${j + 1}}$, symbolic $3\\times3$ $\\Sigma$, $c=\\{1,2\\}$`, D.get(i, j), target.get(i, j), {
          justification: "block inversion: the $cc$ block of $\\Sigma^{-1}$ is $(\\Sigma_{cc}-\\Sigma_{cf}\\Sigma_{ff}^{-1}\\Sigma_{fc})^{-1}$, and $K/K_{ff}$ inverts the $cc$ block of $K^{-1}=\\Sigma$",
        });
      const A = [[2, 1, 0, -1], [1, 3, 1, 0], [0, -1, 2, 1], [1, 0, 1, 2]];
      const SigQ = matrix(A.map((r, i) => A.map((q, j) => r.reduce((s, x, k) => s + x * q[k]!, 0) + (i === j ? 1 : 0))));
      const KQ = inverse(SigQ);
      ctx.show("A rational covariance", SigQ, "\\Sigma");
      ctx.custom("rational $4\\times4$ $\\Sigma=AA^\\top+I$, keep $c=\\{1,3\\}$: $K/K_{ff}=(\\Sigma_{cc})^{-1}$ exactly", () => sameRationals(decimateSymbolic(KQ, [0, 2]), inverse(sub2(SigQ, [0, 2])), "K/K_ff and the inverse of Σ_cc"));
      // completing the square for one integrated site (K symbolic, 3×3, f = {3})
      const Ks = symmetricMatrixSymbols("K", 3);
      const x = [sym("x1"), sym("x2"), sym("x3")];
      const quad = (M: SymbolicMatrix, v: Expr[]) => add(...v.flatMap((a, i) => v.map((b, j) => mul(a, M.get(i, j), b))));
      const Kp = decimateSymbolic(Ks, [0, 1]);
      const shift = add(x[2]!, div(add(mul(Ks.get(2, 0), x[0]!), mul(Ks.get(2, 1), x[1]!)), Ks.get(2, 2)));
      ctx.identity("completing the square: $x^\\top Kx=x_c^\\top(K/K_{ff})x_c+K_{33}(x_3+K_{33}^{-1}K_{3c}x_c)^2$ (K symbolic, $f=\\{3\\}$)", quad(Ks, x), add(quad(Kp, x.slice(0, 2)), mul(Ks.get(2, 2), pow(shift, num(2)))), {
        justification: "so $-\\log\\int e^{-\\frac12x^\\top Kx}dx_3=\\frac12x_c^\\top(K/K_{ff})x_c+\\frac12\\log K_{33}-\\frac12\\log2\\pi$",
      });
    }
    const rng = new Rng(2323);
    // --- free energy preservation (numeric), also by quadrature of the integrated site
    {
      const K = linv(randomGramSpd(rng, 5));
      for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) K.data[i * 5 + j] = K.data[j * 5 + i]!;
      const step = decimate(K, [0, 3]);
      ctx.numeric("free energy preserved: $-\\log\\int e^{-H'}dx_c=-\\log\\int e^{-\\frac12x^\\top Kx}dx$ (p = 5, keep 2 sites)", decimatedFreeEnergy(step), gaussianFreeEnergy(K), 1e-10);
      const K3 = linv(randomGramSpd(rng, 3));
      for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) K3.data[i * 3 + j] = K3.data[j * 3 + i]!;
      const d3 = decimate(K3, [0, 1]);
      const xc = [0.7, -0.4];
      const k = (i: number, j: number) => K3.data[i * 3 + j]!;
      const s = Math.sqrt(1 / k(2, 2));
      let q = 0;
      const h = s / 50;
      for (let t = -2500; t <= 2500; t++) {
        const x = [xc[0]!, xc[1]!, t * h];
        let e = 0;
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) e += x[i]! * k(i, j) * x[j]!;
        q += h * Math.exp(-0.5 * e);
      }
      const Hp = 0.5 * (xc[0]! * (xc[0]! * d3.K.data[0]! + xc[1]! * d3.K.data[1]!) + xc[1]! * (xc[0]! * d3.K.data[2]! + xc[1]! * d3.K.data[3]!)) + d3.constant;
      ctx.numeric("$H'(x_c)=-\\log\\int e^{-\\frac12x^\\top Kx}dx_f$ at a point, the integral by the trapezoid rule (p = 3, one site integrated)", -Math.log(q), Hp, 1e-10, {
        justification: "step $K_{ff}^{-1/2}/50$ over $\\pm50$ standard deviations",
      });
    }
    // --- composition and positive definiteness
    {
      const Sig = symmetricMatrixSymbols("S", 4);
      const R1 = matrix([[1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]].map((r) => r.map((x) => num(x))));
      const R2 = matrix([[num("1/2"), num("1/2"), num(0)], [num(0), num(1), num(-1)]]);
      const lhs = coarseGrainSymbolic(coarseGrainSymbolic(Sig, R1), R2), rhs = coarseGrainSymbolic(Sig, matMul(R2, R1));
      ctx.identity("composition: $R_2(R_1\\Sigma R_1^\\top)R_2^\\top=(R_2R_1)\\Sigma(R_2R_1)^\\top$, entry (1,2), symbolic $4\\times4$ $\\Sigma$", lhs.get(0, 1), rhs.get(0, 1));
      const S = randomGramSpd(rng, 6);
      const A1 = normalMatrix(rng, 4, 6), A2 = normalMatrix(rng, 3, 4);
      const two = coarseGrain(coarseGrain(S, A1), A2), one = coarseGrain(S, composeCoarseGrainings([A1, A2]));
      ctx.numeric("composition, numeric: coarse-graining by $R_1$ then $R_2$ equals one step by $R_2R_1$ (6 → 4 → 3)", Array.from(two.data), Array.from(one.data), 1e-10);
      let worst = Infinity, worstPsd = Infinity;
      for (let t = 0; t < 50; t++) {
        const p = 3 + (t % 4), k = 1 + (t % p);
        const R = normalMatrix(rng, k, p);
        const lam = eigvalsh(coarseGrain(randomGramSpd(rng, p, 0.1), R));
        worst = Math.min(worst, lam[0]! / lam[lam.length - 1]!);
        const G = normalMatrix(rng, p, 1);
        const psd = matmul(G, ntranspose(G));
        for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) psd.data[i * p + j] = psd.data[j * p + i]!;
        const lp = eigvalsh(coarseGrain(psd, R));
        worstPsd = Math.min(worstPsd, lp[0]! / Math.max(1, lp[lp.length - 1]!));
      }
      ctx.fact("$\\mathrm{Sym}_p^{++}\\to\\mathrm{Sym}_k^{++}$: $\\lambda_{\\min}(R\\Sigma R^\\top)>0$ for 50 random full-row-rank R and SPD $\\Sigma$ (p = 3..6)", worst > 0, `smallest λ_min/λ_max = ${worst.toExponential(3)}`);
      ctx.fact("$\\mathrm{Sym}_p^{+}\\to\\mathrm{Sym}_k^{+}$: rank-one PSD $\\Sigma$ stay PSD", worstPsd > -1e-12, `smallest relative eigenvalue ${worstPsd.toExponential(3)} >= -1e-12`);
      let code = "";
      try {
        checkFullRowRank({ rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 2, 4, 6]) });
      } catch (e) {
        code = (e as { code?: string }).code ?? "";
      }
      ctx.fact("a rank-deficient R (rows 1 2 3 and 2 4 6) is rejected: it is not a coarse-graining onto $\\mathrm{Sym}_2^{++}$", code === "INVALID_ARGUMENT", `checkFullRowRank threw ${code || "nothing"}`);
      const Sg = randomGramSpd(rng, 5);
      const keep = [1, 4];
      const sel = coarseGrain(Sg, selectionMatrix(5, keep));
      const Ksg = linv(Sg);
      for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) Ksg.data[i * 5 + j] = Ksg.data[j * 5 + i]!;
      ctx.numeric("decimation is the congruence with the selection $R=[I_c\\ 0]$: $(R\\Sigma R^\\top)^{-1}=K/K_{ff}$", Array.from(linv(sel).data), Array.from(decimate(Ksg, keep).K.data), 1e-10);
    }
    // --- AR(1)
    {
      const der = ar1DecimationSymbolic(5);
      ctx.show("AR(1) precision, 5 sites (symbols r, s = σ²)", der.decimated, "K/K_{ff}");
      ctx.identity("AR(1), 5 sites, keep 1, 3, 5: entry (2,2) of $K/K_{ff}$ is $(1+r^4)/(s(1+r^2))$", der.decimated.get(1, 1), der.predicted.get(1, 1), {
        verify: { domain: [{ expr: sym("s"), op: ">" }] },
      });
      ctx.custom("AR(1): every entry of $K/K_{ff}$ (5 sites → 3) is the stationary AR(1) precision with $r'=r^2$, $\\sigma'^2=\\sigma^2(1+r^2)$", () => {
        const bad = der.certificates.filter((c) => !(c.verdict === "proved" && c.method === "exact"));
        return bad.length === 0 ? { kind: "proved/exact", detail: `${der.certificates.length} entries, each the zero rational function in r and s` } : { kind: "unknown", detail: `${bad.length} entries not proved exactly` };
      });
      const der7 = ar1DecimationSymbolic(7);
      ctx.custom("the same for 7 sites → 4 (tridiagonal: the entries two apart are exactly 0)", () => {
        const bad = der7.certificates.filter((c) => !(c.verdict === "proved" && c.method === "exact"));
        const zeros = [0, 1, 2, 3].every((i) => [0, 1, 2, 3].every((j) => Math.abs(i - j) < 2 || String(der7.decimated.get(i, j)) === "0"));
        return bad.length === 0 && zeros ? { kind: "proved/exact", detail: `${der7.certificates.length} entries proved; off-tridiagonal entries are 0` } : { kind: "refuted", detail: `${bad.length} entries not proved; zeros ${zeros}` };
      });
      const [r, s2] = [sym("r"), sym("s")];
      ctx.identity("marginal variance unchanged: $\\sigma^2(1+r^2)/(1-r^4)=\\sigma^2/(1-r^2)$", div(mul(s2, add(num(1), pow(r, num(2)))), sub(num(1), pow(r, num(4)))), div(s2, sub(num(1), pow(r, num(2)))), {
        verify: { domain: [{ expr: sub(num(1), pow(r, num(2))), op: ">" }] },
      });
      for (const k of [1, 2, 3])
        ctx.identity(`covariance at lag ${k} of the kept sites: $\\sigma'^2r'^{${k}}/(1-r'^2)=\\sigma^2r^{${2 * k}}/(1-r^2)$`,
          div(mul(s2, add(num(1), pow(r, num(2))), pow(r, num(2 * k))), sub(num(1), pow(r, num(4)))), div(mul(s2, pow(r, num(2 * k))), sub(num(1), pow(r, num(2)))), {
            verify: { domain: [{ expr: sub(num(1), pow(r, num(2))), op: ">" }] },
          });
      // numeric: tridiagonality and the rule on a 9-site chain
      const p = { r: -0.63, sigma2: 0.8 };
      const step = decimate(ar1Precision(9, p), [0, 2, 4, 6, 8]);
      const want = ar1Precision(5, ar1Decimate(p));
      ctx.numeric("numeric, 9 sites (r = -0.63, σ² = 0.8): $K/K_{ff}$ on the even sites is the AR(1) precision with $r'=r^2$, $\\sigma'^2=\\sigma^2(1+r^2)$ (tridiagonal)", Array.from(step.K.data), Array.from(want.data), 1e-10);
      const rs = [0.2, -0.5, 0.9, 0.99];
      ctx.numeric("correlation length: $\\xi(r^2)=\\xi(r)/2$, $\\xi=-1/\\log|r|$", rs.map((x) => correlationLength(x * x)), rs.map((x) => correlationLength(x) / 2), 1e-12);
      const fp = ar1FixedPoints();
      ctx.numeric("fixed points of $r\\mapsto r^2$: $r^*=0$ with multiplier 0 (stable), $r^*=1$ with multiplier 2 (unstable)", fp.map((f) => f.multiplier), [0, 2], 1e-8);
      ctx.fact("stability classification", fp[0]!.stable && !fp[1]!.stable, `r* = ${fp[0]!.x}: stable ${fp[0]!.stable}; r* = ${fp[1]!.x}: stable ${fp[1]!.stable}`);
    }
    // --- block-spin aliasing
    {
      const L = 12, b = 3;
      const spec = Array.from({ length: L }, (_, q) => 1 / (0.3 + 2 - 2 * Math.cos((2 * Math.PI * q) / L)));
      const C = Array.from({ length: L }, (_, n) => spec.reduce((acc, x, q) => acc + x * Math.cos((2 * Math.PI * q * n) / L), 0) / L);
      const R = blockSpinMatrix1D(L, b);
      const Sp = coarseGrain(circulant(C), R);
      const sorted = (x: ArrayLike<number>) => Array.from(x).sort((u, v) => u - v);
      ctx.numeric("1-D block-spin (L = 12, b = 3): $R\\Sigma R^\\top$ is the circulant of $C'(N)=b^{-2}\\sum_{s,t}C(bN+s-t)$", Array.from(Sp.data), Array.from(circulant(blockSpin1D(C, b)).data), 1e-10);
      ctx.numeric("aliasing formula: $\\hat C'(q')$ equals the spectrum of $C'$ at every $q'$", Array.from(blockSpinSpectrum(C, b)), Array.from(circulantSpectrum(blockSpin1D(C, b))), 1e-10);
      ctx.numeric("... and the eigenvalues of $R\\Sigma R^\\top$", sorted(blockSpinSpectrum(C, b)), sorted(eigvalsh(Sp)), 1e-10);
      const L1 = 4, L2 = 6, b1 = 2, b2 = 3;
      const C2 = Array.from({ length: L1 }, (_, n1) => Array.from({ length: L2 }, (_, n2) => {
        let s = 0;
        for (let q1 = 0; q1 < L1; q1++) for (let q2 = 0; q2 < L2; q2++) s += Math.cos(2 * Math.PI * (q1 * n1 / L1 + q2 * n2 / L2)) / (0.5 + 4 - 2 * Math.cos(2 * Math.PI * q1 / L1) - 2 * Math.cos(2 * Math.PI * q2 / L2));
        return s / (L1 * L2);
      }));
      const Sp2 = coarseGrain(circulant2D(C2), blockSpinMatrix2D(L1, L2, b1, b2));
      ctx.numeric("2-D block-spin (4 × 6 torus, 2 × 3 blocks): aliasing formula against the eigenvalues of $R\\Sigma R^\\top$ and the spectrum of $C'$",
        [...sorted(blockSpinSpectrum2D(C2, b1, b2).data), ...Array.from(blockSpinSpectrum2D(C2, b1, b2).data)],
        [...sorted(eigvalsh(Sp2)), ...Array.from(circulantSpectrum2D(blockSpin2D(C2, b1, b2)).data)], 1e-10);
    }
  },
};
