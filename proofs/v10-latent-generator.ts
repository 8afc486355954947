// V10: the latent Gaussian generator x = Wz + b (MATH.md §3.7). WWᵀ ≻ 0 iff rank W = d (exact
// determinant identities: zero for k < d, det W² for k = d, Cauchy–Binet for k > d); the polar factor
// P = (WWᵀ)^{1/2} = WUᵀ is the Brenier map N(0, I) → N(0, WWᵀ); W₂² = tr(I + WWᵀ − 2P) ≤ E‖z − Wz‖²
// with equality iff W = P (von Neumann, exact in 2-D).
import { type Expr, QgeomError, Rational, add, det, fn, identityMatrix, matAdd, matMul, matScale, matrix, matrixSymbols, mul, num, pow, sub, sym, symmetricMatrixSymbols, trace, transpose } from "../src/core/index.js";
import { eigvalsh, identity, matmul, transpose as ntranspose } from "../src/linalg/index.js";
import { gaussianW2Squared, latentGenerator, latentPolarFactor, linearMapCost, monteCarloTransportCost } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, normalMatrix } from "../src/random/index.js";
import { TITLE_ONLY, matrixIdentity, shown } from "./helpers/steps.js";
import { relErr, relErrMatrix } from "./helpers/numeric.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));

// exact instance: P SPD, U the rotation with cos = 3/5, sin = 4/5, W = PU = [[2, −1], [3, 1]]
const P = matrix([[q(2), q(1)], [q(1), q(3)]]);
const U = matrix([[q(3, 5), q(-4, 5)], [q(4, 5), q(3, 5)]]);
const W = matrix([[q(2), q(-1)], [q(3), q(1)]]);

export const v10: Proof = {
  id: "V10",
  title: "Latent Gaussian generator and its polar factor",
  source: "MATH.md §3.7, §4.6",
  statement:
    "For $x=Wz+b$, $z\\sim N(0,I_k)$, $W\\in\\mathbb R^{d\\times k}$: $x\\sim N(b,WW^\\top)$ and $WW^\\top\\succ0$ iff $\\operatorname{rank}W=d$ (which needs $k\\ge d$); for $k<d$ the law is singular. " +
    "For square invertible $W=PU$ ($P=(WW^\\top)^{1/2}$, $U\\in O(d)$), $z\\mapsto Pz+b$ is the Brenier map and, for $b=0$, $W_2^2=\\operatorname{tr}(I+WW^\\top-2P)\\le\\mathbb E\\|z-Wz\\|^2=\\operatorname{tr}(I+WW^\\top-W-W^\\top)$ with equality iff $W=P$.",
  hypotheses: [
    "exact instance $W=\\begin{pmatrix}2&-1\\\\3&1\\end{pmatrix}=PU$ with $P=\\begin{pmatrix}2&1\\\\1&3\\end{pmatrix}$ and $U$ the rotation with $\\cos\\theta=3/5$",
    "numeric: standard normal $W$, seeded; N $10^{-8}$ (matrix square roots), MC 5 SE",
  ],
  references: ["Villani, Topics in Optimal Transportation (2003), §2.1", "von Neumann (1937), trace inequality", "Higham, Functions of Matrices (2008), ch. 8"],
  run(ctx) {
    // rank and positive definiteness, exactly
    const W32 = matrixSymbols("w", 3, 2);
    ctx.identity("$k=2<d=3$: $\\det(WW^\\top)=0$ identically, so $WW^\\top$ lies on the boundary of the cone and $x$ has no density", det(matMul(W32, transpose(W32))), num(0), {
      justification: "symbolic $W$; the law is carried by the plane $b+\\operatorname{range}W$, a Lebesgue null set",
    });
    const W22 = matrixSymbols("w", 2, 2);
    ctx.identity("$k=d=2$: $\\det(WW^\\top)=(\\det W)^2$, positive iff $\\operatorname{rank}W=2$", det(matMul(W22, transpose(W22))), pow(det(W22), num(2)), {
      display: shown(fn("det", fn("matmul", sym("W"), fn("transpose", sym("W")))), pow(fn("det", sym("W")), num(2))),
    });
    const W23 = matrixSymbols("w", 2, 3);
    const m = (a: number, b: number): Expr => sub(mul(W23.get(0, a), W23.get(1, b)), mul(W23.get(0, b), W23.get(1, a)));
    ctx.identity("$k=3>d=2$ (Cauchy–Binet): $\\det(WW^\\top)=\\sum_{a<b}(\\text{2 x 2 minors})^2$, positive iff $\\operatorname{rank}W=2$", det(matMul(W23, transpose(W23))), add(pow(m(0, 1), num(2)), pow(m(0, 2), num(2)), pow(m(1, 2), num(2))), { display: TITLE_ONLY });

    const rng = new Rng(1010);
    {
      const cases: Array<[number, number]> = [[3, 3], [3, 5], [2, 4], [4, 2], [3, 1], [5, 3]];
      const lines: string[] = [];
      let ok = true;
      for (const [d, k] of cases) {
        const Wn = normalMatrix(rng, d, k);
        const g = latentGenerator(Wn);
        const lam = eigvalsh(g.covariance);
        const spread = lam[lam.length - 1]!;
        const pd = lam[0]! > 1e-10 * spread;
        const good = g.rank === Math.min(d, k) && g.absolutelyContinuous === (k >= d) && pd === (k >= d);
        ok &&= good;
        lines.push(`(d,k)=(${d},${k}): rank ${g.rank}, density ${g.absolutelyContinuous}, lambda_min / lambda_max ${(lam[0]! / spread).toExponential(1)}`);
      }
      ctx.fact("random $W$: rank $=\\min(d,k)$, and $WW^\\top\\succ0$ with a density exactly when $k\\ge d$", ok, lines.join("; "));
    }

    // the exact polar decomposition
    matrixIdentity(ctx, "exact instance: $UU^\\top=I$", matMul(U, transpose(U)), identityMatrix(2), "UU^\\top", { symmetric: true });
    matrixIdentity(ctx, "exact instance: $PU=W$", matMul(P, U), W, "PU");
    matrixIdentity(ctx, "exact instance: $P^2=WW^\\top$, so $P=(WW^\\top)^{1/2}$ (P is SPD: minors 2 and 5)", matMul(P, P), matMul(W, transpose(W)), "P^2", { symmetric: true });
    const toNum = (M: ReturnType<typeof matrix>): number[][] => M.toArray().map((r) => r.map((e) => (e.kind === "num" ? e.value.toNumber() : NaN)));
    const Wn = toNum(W);
    const pol = latentPolarFactor(Wn);
    ctx.numeric("the module's polar factor of the exact instance reproduces $P$ and $U$", [...pol.P.data, ...pol.U.data], [...toNum(P).flat(), ...toNum(U).flat()], 1e-12);
    const I2 = identityMatrix(2);
    const WWt = matMul(W, transpose(W));
    const w2 = trace(matAdd(matAdd(I2, WWt), matScale(P, num(-2))));
    const gen = trace(matAdd(matAdd(I2, WWt), matScale(matAdd(W, transpose(W)), num(-1))));
    ctx.identity("exact instance: $W_2^2=\\operatorname{tr}(I+WW^\\top-2P)=7$", w2, num(7));
    ctx.identity("exact instance: generator cost $\\operatorname{tr}(I+WW^\\top-W-W^\\top)=11$", gen, num(11));
    ctx.numeric("the module's $W_2^2$ and generator cost of the exact instance", [pol.w2sq, pol.generatorCost, pol.gap], [7, 11, 4], 1e-12);

    // von Neumann in 2-D: tr(P R_θ) = cos θ tr P for symmetric P
    const Ps = symmetricMatrixSymbols("p", 2);
    const c = sym("c"), s = sym("s");
    const R = matrix([[c, mul(num(-1), s)], [s, c]]);
    ctx.identity("2-D von Neumann: $\\operatorname{tr}(PR_\\theta)=\\cos\\theta\\operatorname{tr}P$ for symmetric $P$, so the gap $2(\\operatorname{tr}P-\\operatorname{tr}W)=2(1-\\cos\\theta)\\operatorname{tr}P\\ge0$, zero iff $W=P$", trace(matMul(Ps, R)), mul(c, trace(Ps)), {
      justification: "$R_\\theta=\\begin{pmatrix}c&-s\\\\s&c\\end{pmatrix}$ with $c=\\cos\\theta$, $s=\\sin\\theta$; the off-diagonal terms $-sp_{12}+sp_{12}$ cancel",
    });

    // random square W, d = 2..5
    let polarErr = 0, orthErr = 0, rootErr = 0, costErr = 0, gapMin = Infinity, minEigP = Infinity;
    for (const d of [2, 3, 4, 5]) {
      const M = normalMatrix(rng, d);
      const r = latentPolarFactor(M);
      polarErr = Math.max(polarErr, relErrMatrix(matmul(r.P, r.U), M));
      orthErr = Math.max(orthErr, relErrMatrix(matmul(r.U, ntranspose(r.U)), identity(d)));
      rootErr = Math.max(rootErr, relErrMatrix(matmul(r.P, r.P), matmul(M, ntranspose(M))));
      minEigP = Math.min(minEigP, eigvalsh(r.P)[0]!);
      const z = new Float64Array(d);
      const Sigma = matmul(M, ntranspose(M));
      costErr = Math.max(costErr, relErr(r.w2sq, gaussianW2Squared(z, identity(d), z, Sigma)), relErr(r.generatorCost, linearMapCost(z, identity(d), z, M)), relErr(r.gap, r.generatorCost - r.w2sq));
      gapMin = Math.min(gapMin, r.gap);
    }
    ctx.numeric("random square $W$ ($d=2..5$): $W=PU$ with $UU^\\top=I$ and $P^2=WW^\\top$", [polarErr, orthErr, rootErr], [0, 0, 0], 1e-8, { absolute: true });
    ctx.fact("random square $W$: $P\\succ0$", minEigP > 0, `smallest eigenvalue of P: ${minEigP.toExponential(3)}`);
    ctx.numeric("random square $W$: $W_2^2$ is the Gaussian $W_2^2(N(0,I),N(0,WW^\\top))$ of §3.6, the generator cost is $\\mathbb E\\|z-Wz\\|^2$, the gap is their difference", costErr, 0, 1e-8, { absolute: true });
    ctx.fact("random square $W$: the gap $2(\\operatorname{tr}P-\\operatorname{tr}W)$ is positive", gapMin > 0, `smallest gap ${gapMin.toExponential(3)}`);

    // Monte Carlo: both costs
    const M3 = normalMatrix(rng, 3);
    const r3 = latentPolarFactor(M3);
    const z3 = new Float64Array(3);
    const mcW = monteCarloTransportCost(z3, identity(3), M3, z3, new Rng(10101), 40_000);
    const mcP = monteCarloTransportCost(z3, identity(3), r3.P, z3, new Rng(10102), 40_000);
    ctx.monteCarlo("$d=3$: Monte Carlo $\\mathbb E\\|z-Wz\\|^2$ equals $\\operatorname{tr}(I+WW^\\top-W-W^\\top)$", mcW.mean, mcW.standardError, r3.generatorCost);
    ctx.monteCarlo("$d=3$: Monte Carlo $\\mathbb E\\|z-Pz\\|^2$ equals $W_2^2$", mcP.mean, mcP.standardError, r3.w2sq);

    // equality iff W = P
    const Psym = latentPolarFactor(r3.P);
    ctx.numeric("for $W=P$ (symmetric positive definite) the generator is the Brenier map: gap $0$", Psym.gap, 0, 1e-12, { absolute: true });
    ctx.numericFails("for $W=PU$ with $U\\ne I$ the generator is not optimal: its cost is not $W_2^2$", r3.generatorCost, r3.w2sq, 1e-6);

    // k < d: no Brenier map onto a singular law
    ctx.custom("$k<d$: the module refuses a Brenier map onto the singular law (SHAPE), and reports it as not absolutely continuous", (): StepCertificate => {
      const W32n = normalMatrix(rng, 3, 2);
      const g = latentGenerator(W32n);
      try {
        latentPolarFactor(W32n);
      } catch (e) {
        if (e instanceof QgeomError && e.code === "SHAPE" && !g.absolutelyContinuous && g.rank === 2)
          return { kind: "checked/numeric", error: 0, tolerance: 0, detail: `rank ${g.rank} < d = 3, absolutelyContinuous = false; latentPolarFactor: SHAPE` };
      }
      return { kind: "refuted", detail: "a 3 x 2 generator was accepted as absolutely continuous or given a polar factor" };
    });
  },
};
