// V7: the Gaussian–Gaussian RBM (MATH.md §2.2). The joint precision K = [[I, −W], [−Wᵀ, I]] has Schur complement
// K/K_hh = I − WWᵀ, so v ~ N((I − WWᵀ)⁻¹(a + Wc), (I − WWᵀ)⁻¹) — exact for symbolic W, a, c (d = m = 2) and at
// rational W (d = 2, m = 3); completing the square gives F(v) exactly. K ≻ 0 iff ‖W‖₂ < 1: λ_min(K) = 1 − ‖W‖₂.
import { add, det, inverse, Matrix, matMul, matrix, matrixSymbols, mul, num, PI, log, sub, sym, transpose, type Expr, type SymbolicMatrix } from "../src/core/index.js";
import { freeEnergy, freeEnergyExpr, ggMarginal, jointPrecision, logPartition, rbm, rbmEnergyExpr, rbmSymbols, type RBM } from "../src/boltzmann/index.js";
import { decimateSymbolic } from "../src/rg/index.js";
import { eigvalsh, inverse as linv, spectralNorm } from "../src/linalg/index.js";
import { normalMatrix, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

/** K = [[I_d, −W], [−Wᵀ, I_m]] for a symbolic W. */
function jointPrecisionSymbolic(W: SymbolicMatrix): SymbolicMatrix {
  const d = W.rows, m = W.cols, n = d + m;
  return new Matrix(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j): Expr => {
        if (i === j) return num(1);
        if (i < d && j >= d) return mul(num(-1), W.get(i, j - d));
        if (i >= d && j < d) return mul(num(-1), W.get(j, i - d));
        return num(0);
      }),
    ),
  );
}

const IminusWWt = (W: SymbolicMatrix): SymbolicMatrix => {
  const P = matMul(W, transpose(W));
  return P.map((x, i, j) => sub(num(i === j ? 1 : 0), x));
};

export const v07: Proof = {
  id: "V07",
  title: "Gaussian–Gaussian RBM: marginal by Schur complement",
  source: "MATH.md §2.2, §8.2, §9 V7, §8.6 (R5'')",
  statement:
    "For $E=\\frac12\\|v\\|^2+\\frac12\\|h\\|^2-a^\\top v-c^\\top h-v^\\top Wh$ the joint precision is $K=\\begin{pmatrix}I_d&-W\\\\-W^\\top&I_m\\end{pmatrix}$; " +
    "$K\\succ0$ iff $\\|W\\|_2<1$, and then $v\\sim N\\big((I-WW^\\top)^{-1}(a+Wc),(I-WW^\\top)^{-1}\\big)$ and " +
    "$F(v)=\\frac12v^\\top(I-WW^\\top)v-(a+Wc)^\\top v-\\frac12\\|c\\|^2-\\frac m2\\log2\\pi$.",
  hypotheses: ["$T=1$", "exact: symbolic $W,a,c$ with $d=m=2$, and rational $W$ with $d=2$, $m=3$; numeric: random $W$ with $d=3$, $m=4$"],
  references: ["Welling–Rosen-Zvi–Hinton (2005), exponential-family harmoniums"],
  run(ctx) {
    // --- exact, symbolic W, a, c (d = m = 2)
    {
      const W = matrixSymbols("W", 2, 2);
      const K = jointPrecisionSymbolic(W);
      const S = decimateSymbolic(K, [0, 1]);
      const target = IminusWWt(W);
      ctx.show("The joint precision (d = m = 2)", K, "K");
      for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const)
        ctx.identity(`Schur complement: $(K/K_{hh})_{${i + 1}${j + 1}}=(I-WW^\\top)_{${i + 1}${j + 1}}$ (W symbolic)`, S.get(i, j), target.get(i, j), {
          justification: "$K/K_{hh}=I_d-(-W)I_m^{-1}(-W^\\top)$",
        });
      const Kinv = inverse(K);
      const Sinv = inverse(target);
      for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const)
        ctx.identity(`$\\mathrm{Cov}(v)_{${i + 1}${j + 1}}=(K^{-1})_{${i + 1}${j + 1}}=((I-WW^\\top)^{-1})_{${i + 1}${j + 1}}$ (W symbolic)`, Kinv.get(i, j), Sinv.get(i, j), {
          justification: "the $vv$ block of $K^{-1}$ is the inverse of the Schur complement",
        });
      const a = [sym("a1"), sym("a2")], c = [sym("c1"), sym("c2")];
      const jointMean = [0, 1].map((i) => add(...[0, 1, 2, 3].map((k) => mul(Kinv.get(i, k), k < 2 ? a[k]! : c[k - 2]!))));
      const b = [0, 1].map((i) => add(a[i]!, ...[0, 1].map((j) => mul(W.get(i, j), c[j]!))));
      for (const i of [0, 1])
        ctx.identity(`$\\mathbb E\\,v_${i + 1}=(K^{-1}(a,c))_${i + 1}=((I-WW^\\top)^{-1}(a+Wc))_${i + 1}$ (W, a, c symbolic)`, jointMean[i]!, add(...[0, 1].map((k) => mul(Sinv.get(i, k), b[k]!))), {
          justification: "the joint law is $N(K^{-1}(a,c),K^{-1})$ since $E=\\frac12x^\\top Kx-(a,c)^\\top x$",
        });
      ctx.identity("$\\det K=\\det(I-WW^\\top)$ (W symbolic)", det(K), det(target), { justification: "Schur determinant formula $\\det K=\\det K_{hh}\\det(K/K_{hh})$" });
      // completing the square: E(v, h) = ½‖h − x‖² + F(v) + (m/2) log 2π, x = c + Wᵀv
      const E = rbmEnergyExpr("gaussian-gaussian", 2, 2);
      const F = freeEnergyExpr("gaussian-gaussian", 2, 2);
      const Sy = rbmSymbols(2, 2);
      const x = [0, 1].map((j) => add(Sy.c[j]!, ...[0, 1].map((i) => mul(Sy.W.get(i, j), Sy.v[i]!))));
      const square = mul(num("1/2"), add(...[0, 1].map((j) => mul(sub(Sy.h[j]!, x[j]!), sub(Sy.h[j]!, x[j]!)))));
      ctx.identity("completing the square: $E(v,h)=\\frac12\\|h-(c+W^\\top v)\\|^2+F(v)+\\frac m2\\log2\\pi$ (all symbols)", E, add(square, F, mul(num(1), log(mul(num(2), PI)))), {
        justification: "so $\\int e^{-E}dh=(2\\pi)^{m/2}e^{-F(v)}$ with $F(v)=\\frac12\\|v\\|^2-a^\\top v-\\frac12\\|c+W^\\top v\\|^2-\\frac m2\\log2\\pi$",
      });
      const Fq = add(mul(num("1/2"), add(...[0, 1].flatMap((i) => [0, 1].map((k) => mul(Sy.v[i]!, target.get(i, k), Sy.v[k]!))))),
        mul(num(-1), add(...[0, 1].map((i) => mul(Sy.v[i]!, add(Sy.a[i]!, ...[0, 1].map((j) => mul(Sy.W.get(i, j), Sy.c[j]!))))))),
        mul(num("-1/2"), add(...Sy.c.map((cj) => mul(cj, cj)))), mul(num(-1), log(mul(num(2), PI))));
      ctx.identity("$F(v)=\\frac12v^\\top(I-WW^\\top)v-(a+Wc)^\\top v-\\frac12\\|c\\|^2-\\frac m2\\log2\\pi$ (m = 2)", F, Fq);
    }
    // --- exact at rational W, d = 2, m = 3
    {
      const W = matrix([[num("1/3"), num("-1/5"), num("1/4")], [num("1/6"), num("2/7"), num("-1/3")]]);
      const K = jointPrecisionSymbolic(W);
      const Kinv = inverse(K);
      const Sinv = inverse(IminusWWt(W));
      const ok = [0, 1].every((i) => [0, 1].every((j) => Kinv.get(i, j) === Sinv.get(i, j)));
      ctx.identity("rational $W=\\begin{pmatrix}1/3&-1/5&1/4\\\\1/6&2/7&-1/3\\end{pmatrix}$: $(K^{-1})_{vv}=(I-WW^\\top)^{-1}$, entry (1,2)", Kinv.get(0, 1), Sinv.get(0, 1));
      ctx.custom("rational W (d = 2, m = 3): all four entries of $(K^{-1})_{vv}$ and $(I-WW^\\top)^{-1}$ are the same rationals", () =>
        ok ? { kind: "proved/exact", detail: `exact rational inverses: ${[0, 1].map((i) => [0, 1].map((j) => String(Sinv.get(i, j))).join(", ")).join("; ")}` } : { kind: "refuted", detail: "entries differ" });
      // boundary and outside: ‖W‖₂ = 1 and ‖W‖₂ > 1
      const Wb = matrix([[num("3/5"), num("-2/5")], [num("4/5"), num("3/10")]]);
      ctx.identity("boundary $\\|W\\|_2=1$: $W=\\begin{pmatrix}3/5&-2/5\\\\4/5&3/10\\end{pmatrix}=U\\,\\mathrm{diag}(1,\\frac12)$ gives $\\det K=0$, K is singular, not $\\succ0$", det(jointPrecisionSymbolic(Wb)), num(0), {
        justification: "$U$ is the rotation with $\\cos=3/5$, so $WW^\\top=U\\mathrm{diag}(1,\\frac14)U^\\top$ and $I-WW^\\top$ has the eigenvalue 0",
      });
      const Wo = matrix([[num("3/4"), num(1)], [num(0), num("1/2")]]);
      ctx.identity("$W=\\begin{pmatrix}3/4&1\\\\0&1/2\\end{pmatrix}$ ($\\|W\\|_2>1$): $\\det K=-43/64<0$, so K has a negative eigenvalue", det(jointPrecisionSymbolic(Wo)), num("-43/64"));
    }
    // --- numeric: the module's marginal, λ_min(K) = 1 − ‖W‖₂, normalisability
    {
      const rng = new Rng(707);
      const G = normalMatrix(rng, 3, 4);
      const s = spectralNorm(G);
      const mk = (norm: number): RBM => ({ kind: "gaussian-gaussian", W: { rows: 3, cols: 4, data: G.data.map((x) => (norm / s) * x) }, a: Float64Array.from([0.3, -0.2, 0.5]), c: Float64Array.from([0.1, -0.4, 0.2, 0.6]) });
      const model = rbm(mk(0.8));
      const mg = ggMarginal(model);
      const Kinv = linv(jointPrecision(model));
      const cov = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => Kinv.data[i * 7 + j]!));
      const beta = [...model.a, ...model.c];
      const mean = [0, 1, 2].map((i) => beta.reduce((acc, b, k) => acc + Kinv.data[i * 7 + k]! * b, 0));
      ctx.numeric("ggMarginal: covariance and mean equal the vv block of $K^{-1}$ and of $K^{-1}(a,c)$ (d = 3, m = 4, $\\|W\\|_2=0.8$)", [...mg.covariance.data, ...mg.mean], [...cov, ...mean], 1e-10);
      // log Z from the closed form against ∫ e^{−F(v)} dv for d = m = 1 by the trapezoid rule
      const one = rbm({ kind: "gaussian-gaussian", W: [[0.6]], a: [0.4], c: [-0.3] });
      let q = 0;
      const h = 0.01;
      for (let k = -3000; k <= 3000; k++) q += h * Math.exp(-freeEnergy(one, [k * h]));
      ctx.numeric("$\\log Z=\\log\\int e^{-F(v)}dv$ by quadrature (d = m = 1, W = 0.6)", Math.log(q), logPartition(one), 1e-10, {
        justification: "trapezoid rule on $[-30,30]$, step $0.01$ (geometric convergence for a Gaussian integrand)",
      });
      for (const norm of [0.8, 1.3]) {
        const lam = eigvalsh(jointPrecision(mk(norm)))[0]!;
        ctx.numeric(`$\\lambda_{\\min}(K)=1-\\|W\\|_2$ for $\\|W\\|_2=${norm}$ (the spectrum of K is $1\\pm\\sigma_i(W)$ and 1)`, lam, 1 - norm, 1e-12);
      }
      let threw = "";
      try {
        rbm(mk(1.3));
      } catch (e) {
        threw = (e as { code?: string }).code ?? "";
      }
      ctx.fact("for $\\|W\\|_2=1.3$ the model is rejected as not normalisable", threw === "DOMAIN", `rbm({kind: "gaussian-gaussian"}) threw ${threw || "nothing"}`);
    }
  },
};
