// V9: the Gaussian Brenier map (MATH.md §3.6). Exact: the potential, the three formulas for A as
// characterisations of the unique SPD solution of AΣ₁A = Σ₂, and at exact rational Σ's: AΣ₁A = Σ₂,
// det A = (det Σ₂/det Σ₁)^{1/2}, log f − log g∘T = log det A, the Monge–Ampère residual 0, W₂² in closed
// form. Numeric at random SPD pairs (d = 2..6); Monte Carlo cost; the Cholesky map costs more.
import {
  type Expr,
  Rational,
  add,
  det,
  div,
  exp,
  fn,
  pow,
  gradient,
  hessian,
  inverse,
  log,
  matMul,
  matrix,
  mul,
  num,
  sqrt,
  sub,
  subs,
  sym,
  symmetricMatrixSymbols,
  trace,
  transpose,
} from "../src/core/index.js";
import { eigvalsh, invSqrtm, matmul, sqrtm, symmetryDefect, transpose as ntranspose } from "../src/linalg/index.js";
import {
  brenierMatrix,
  choleskyMap,
  gaussianBrenierMap,
  gaussianLogDensity,
  gaussianLogDensityExpr,
  gaussianPotential,
  gaussianW2Squared,
  linearMapCost,
  monteCarloTransportCost,
  transportResidual,
} from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, fillStandardNormal } from "../src/random/index.js";
import { TITLE_ONLY, matrixIdentity, shown } from "./helpers/steps.js";

/** Matrix symbols for displays in matrix notation. */
const M = { A: sym("A"), S1: sym("Sigma1"), S2: sym("Sigma2"), R: sym("R"), Q: sym("Q") };
import { randomSpd, relErr, relErrMatrix } from "./helpers/numeric.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));
const X = ["x1", "x2"];
const Y = ["y1", "y2"];

// the exact rational instance: A SPD, Σ₁ SPD, Σ₂ = AΣ₁A written out
const A = matrix([[q(3, 2), q(1, 2)], [q(1, 2), q(1)]]);
const S1 = matrix([[q(2), q(-1, 2)], [q(-1, 2), q(1)]]);
const S2 = matrix([[q(4), q(9, 8)], [q(9, 8), q(1)]]);
const m1 = [q(1), q(-2)];
const m2 = [q(1, 2), q(3)];
const toNum = (M: ReturnType<typeof matrix>): number[][] => M.toArray().map((r) => r.map((e) => (e.kind === "num" ? e.value.toNumber() : NaN)));

export const v09: Proof = {
  id: "V09",
  title: "Gaussian Brenier map",
  source: "MATH.md §3.6",
  statement:
    "For $\\mu=N(m_1,\\Sigma_1)$, $\\nu=N(m_2,\\Sigma_2)$ with $\\Sigma_i\\succ0$, the Brenier map is $T(x)=m_2+A(x-m_1)$ with $A=\\Sigma_1^{-1/2}(\\Sigma_1^{1/2}\\Sigma_2\\Sigma_1^{1/2})^{1/2}\\Sigma_1^{-1/2}" +
    "=\\Sigma_2^{1/2}(\\Sigma_2^{1/2}\\Sigma_1\\Sigma_2^{1/2})^{-1/2}\\Sigma_2^{1/2}=\\Sigma_1^{-1}(\\Sigma_1\\Sigma_2)^{1/2}$, the unique $A=A^\\top\\succ0$ with $A\\Sigma_1A=\\Sigma_2$; " +
    "$\\det A=(\\det\\Sigma_2/\\det\\Sigma_1)^{1/2}$, the potential $\\varphi(x)=\\tfrac12(x-m_1)^\\top A(x-m_1)+m_2^\\top x$ has $D^2\\varphi=A$, $\\log f(x)-\\log g(T(x))=\\log\\det A$, and " +
    "$W_2^2=\\|m_1-m_2\\|^2+\\operatorname{tr}\\Sigma_1+\\operatorname{tr}\\Sigma_2-2\\operatorname{tr}(\\Sigma_1^{1/2}\\Sigma_2\\Sigma_1^{1/2})^{1/2}=\\mathbb E\\|X-T(X)\\|^2$, below the cost of the Cholesky map $L_2L_1^{-1}$.",
  hypotheses: [
    "exact instance: $A=\\begin{pmatrix}3/2&1/2\\\\1/2&1\\end{pmatrix}$, $\\Sigma_1=\\begin{pmatrix}2&-1/2\\\\-1/2&1\\end{pmatrix}$, $\\Sigma_2=\\begin{pmatrix}4&9/8\\\\9/8&1\\end{pmatrix}$, $m_1=(1,-2)$, $m_2=(1/2,3)$",
    "numeric: random SPD pairs $GG^\\top/d+\\epsilon I$, $d=2,\\dots,6$, seeded; tolerance N $10^{-8}$ (matrix square roots), MC 5 SE",
  ],
  references: ["Dowson–Landau (1982)", "Olkin–Pukelsheim (1982)", "Knott–Smith (1984)", "Givens–Shortt (1984)", "Bhatia–Jain–Lim (2019)"],
  run(ctx) {
    // --- symbolic: the potential and the characterisations of A
    const As = symmetricMatrixSymbols("a", 2);
    const ms = [sym("m11"), sym("m12")], ns = [sym("m21"), sym("m22")];
    const xs = X.map(sym);
    const r = xs.map((xi, i) => sub(xi, ms[i]!));
    const phi = add(mul(q(1, 2), add(...[0, 1].flatMap((i) => [0, 1].map((j) => mul(As.get(i, j), r[i]!, r[j]!))))), ...ns.map((n, i) => mul(n, xs[i]!)));
    ctx.show("The potential (symbolic $A$, $m_1$, $m_2$)", phi, "\\varphi(x)");
    const grad = gradient(phi, X);
    const Tsym = [0, 1].map((i) => [add(ns[i]!, ...[0, 1].map((j) => mul(As.get(i, j), r[j]!)))]);
    matrixIdentity(ctx, "$\\nabla\\varphi(x)=m_2+A(x-m_1)=T(x)$", matrix(grad.map((g) => [g])), matrix(Tsym), "\\nabla\\varphi");
    matrixIdentity(ctx, "$D^2\\varphi=A$", matrix(hessian(phi, X)), As, "D^2\\varphi", { symmetric: true });

    const Ss = symmetricMatrixSymbols("s", 2);
    const S2s = matMul(matMul(As, Ss), As);
    ctx.identity("with $\\Sigma_2=A\\Sigma_1A$: $\\det\\Sigma_2=(\\det A)^2\\det\\Sigma_1$, so $\\det A=(\\det\\Sigma_2/\\det\\Sigma_1)^{1/2}$ for $A\\succ0$", det(S2s), mul(det(As), det(As), det(Ss)), {
      display: shown(fn("det", fn("matmul", M.A, M.S1, M.A)), mul(pow(fn("det", M.A), num(2)), fn("det", M.S1))),
    });
    const Rs = symmetricMatrixSymbols("r", 2); // R = Σ₁^{1/2}
    const RAR = matMul(matMul(Rs, As), Rs);
    matrixIdentity(ctx, "sandwich formula: with $R=\\Sigma_1^{1/2}$ and $\\Sigma_2=A\\Sigma_1A$, $(RAR)^2=R\\Sigma_2R$", matMul(RAR, RAR), matMul(matMul(Rs, matMul(matMul(As, matMul(Rs, Rs)), As)), Rs), "(RAR)^2", {
      symmetric: true,
      display: shown(pow(fn("matmul", M.R, M.A, M.R), num(2)), fn("matmul", M.R, M.S2, M.R)),
      justification: "$RAR\\succ0$ is therefore the unique PSD square root of $\\Sigma_1^{1/2}\\Sigma_2\\Sigma_1^{1/2}$, i.e. $A=\\Sigma_1^{-1/2}(\\Sigma_1^{1/2}\\Sigma_2\\Sigma_1^{1/2})^{1/2}\\Sigma_1^{-1/2}$",
    });
    const Qs = symmetricMatrixSymbols("q", 2); // Q = Σ₂^{1/2}, Σ₁ = A⁻¹Q²A⁻¹
    const Ai = inverse(As);
    const QAQ = matMul(matMul(Qs, Ai), Qs);
    matrixIdentity(ctx, "target-sandwich formula: with $Q=\\Sigma_2^{1/2}$ and $\\Sigma_1=A^{-1}\\Sigma_2A^{-1}$, $(QA^{-1}Q)^2=Q\\Sigma_1Q$", matMul(QAQ, QAQ), matMul(matMul(Qs, matMul(matMul(Ai, matMul(Qs, Qs)), Ai)), Qs), "(QA^{-1}Q)^2", {
      symmetric: true,
      display: shown(pow(fn("matmul", M.Q, fn("inv", M.A), M.Q), num(2)), fn("matmul", M.Q, M.S1, M.Q)),
      justification: "so $QA^{-1}Q=(\\Sigma_2^{1/2}\\Sigma_1\\Sigma_2^{1/2})^{1/2}$ and $A=\\Sigma_2^{1/2}(\\Sigma_2^{1/2}\\Sigma_1\\Sigma_2^{1/2})^{-1/2}\\Sigma_2^{1/2}$",
    });
    const S1A = matMul(Ss, As);
    matrixIdentity(ctx, "product formula: $(\\Sigma_1A)^2=\\Sigma_1\\Sigma_2$ for $\\Sigma_2=A\\Sigma_1A$", matMul(S1A, S1A), matMul(Ss, S2s), "(\\Sigma_1A)^2", {
      display: shown(pow(fn("matmul", M.S1, M.A), num(2)), fn("matmul", M.S1, M.S2)),
      justification: "$\\Sigma_1A$ is similar to $\\Sigma_1^{1/2}A\\Sigma_1^{1/2}\\succ0$, so it is the square root of $\\Sigma_1\\Sigma_2$ with positive spectrum: $A=\\Sigma_1^{-1}(\\Sigma_1\\Sigma_2)^{1/2}$",
    });

    // --- the exact rational instance
    ctx.custom("exact instance: $A=A^\\top$ and its leading minors $3/2$, $5/4$ are positive, so $A\\succ0$", (): StepCertificate => {
      const m1_ = A.get(0, 0), m2_ = det(A);
      const ok = A.get(0, 1) === A.get(1, 0) && m1_.kind === "num" && m1_.value.toNumber() > 0 && m2_.kind === "num" && m2_.value.toNumber() > 0;
      return ok ? { kind: "proved/exact", detail: `leading minors ${String(m1_)} and ${String(m2_)} (exact rationals)` } : { kind: "refuted", detail: "A is not symmetric positive definite" };
    });
    matrixIdentity(ctx, "exact instance: $A\\Sigma_1A=\\Sigma_2$", matMul(matMul(A, S1), A), S2, "A\\Sigma_1A", { symmetric: true });
    ctx.identity("exact instance: $\\det A=(\\det\\Sigma_2/\\det\\Sigma_1)^{1/2}$", det(A), sqrt(div(det(S2), det(S1))));
    const logf = gaussianLogDensityExpr(m1, S1.toArray(), X);
    const logg = gaussianLogDensityExpr(m2, S2.toArray(), Y);
    const T = [0, 1].map((i) => add(m2[i]!, ...[0, 1].map((j) => mul(A.get(i, j), sub(xs[j]!, m1[j]!)))));
    ctx.identity("exact instance: $\\log f(x)-\\log g(T(x))=\\log\\det A$ for all $x$", sub(logf, subs(logg, { y1: T[0]!, y2: T[1]! })), log(det(A)), {
      display: TITLE_ONLY,
      justification: "the quadratic forms agree because $A\\Sigma_2^{-1}A=\\Sigma_1^{-1}$; the constants give $\\tfrac12\\log(\\det\\Sigma_2/\\det\\Sigma_1)$",
    });
    const An = toNum(A), S1n = toNum(S1), S2n = toNum(S2), m1n = [1, -2], m2n = [0.5, 3];
    const phiExact = gaussianPotential(An, m1n, m2n, X);
    ctx.identity("exact instance: the Monge–Ampère residual $\\det D^2\\varphi-f/g(\\nabla\\varphi)$ is identically $0$", transportResidual({ phi: phiExact, vars: X, source: exp(logf), target: exp(logg), targetVars: Y }), num(0), {
      justification: "the quadratic potential of the module, $f$ and $g$ exact Gaussian densities",
    });
    // W₂² = ‖m₁ − m₂‖² + tr Σ₁ + tr Σ₂ − 2 tr(Σ₁A) (fidelity term tr(Σ₁^{1/2}AΣ₁^{1/2}) = tr(Σ₁A))
    const dm = [0, 1].map((i) => sub(m1[i]!, m2[i]!));
    const mean2 = add(...dm.map((d) => mul(d, d)));
    const w2trace = add(mean2, trace(S1), trace(S2), mul(num(-2), trace(matMul(S1, A))));
    const I2 = matrix([[q(1), q(0)], [q(0), q(1)]]);
    const AmI = matrix([0, 1].map((i) => [0, 1].map((j) => sub(A.get(i, j), I2.get(i, j)))));
    const w2cost = add(mean2, trace(matMul(matMul(AmI, S1), transpose(AmI))));
    ctx.identity("exact instance: $W_2^2$ by the trace formula equals the cost $\\|m_1-m_2\\|^2+\\operatorname{tr}((A-I)\\Sigma_1(A-I))$ of $T$", w2trace, w2cost, {
      justification: "$\\operatorname{tr}(\\Sigma_1^{1/2}\\Sigma_2\\Sigma_1^{1/2})^{1/2}=\\operatorname{tr}(\\Sigma_1^{1/2}A\\Sigma_1^{1/2})=\\operatorname{tr}(\\Sigma_1A)$",
    });
    const w2exact = w2trace.kind === "num" ? w2trace.value.toNumber() : NaN;
    {
      const T9 = gaussianBrenierMap(m1n, S1n, m2n, S2n);
      ctx.numeric("the module's float map on the exact instance: $A$ and $W_2^2$ (" + String(w2trace) + ")", [...T9.A.data, T9.w2sq, gaussianW2Squared(m1n, S1n, m2n, S2n)], [...An.flat(), w2exact, w2exact], 1e-12);
    }

    // --- numeric, random SPD pairs d = 2..6
    const rng = new Rng(909);
    const pairs = [2, 3, 4, 5, 6].map((d) => ({ d, S1: randomSpd(rng, d), S2: randomSpd(rng, d), m1: Array.from({ length: d }, () => 2 * rng.random() - 1), m2: Array.from({ length: d }, () => 2 * rng.random() - 1) }));
    let symWorst = 0, posWorst = Infinity, pushWorst = 0, formulaWorst = 0, logWorst = 0;
    for (const p of pairs) {
      const As_ = brenierMatrix(p.S1, p.S2, "sandwich");
      symWorst = Math.max(symWorst, symmetryDefect(As_) / Math.max(1, ...Array.from(As_.data, Math.abs)));
      posWorst = Math.min(posWorst, eigvalsh(As_)[0]!);
      pushWorst = Math.max(pushWorst, relErrMatrix(matmul(matmul(As_, p.S1), As_), p.S2));
      for (const f of ["target-sandwich", "product"] as const) formulaWorst = Math.max(formulaWorst, relErrMatrix(brenierMatrix(p.S1, p.S2, f), As_));
      const T9 = gaussianBrenierMap(p.m1, p.S1, p.m2, p.S2);
      const z = new Float64Array(p.d);
      for (let k = 0; k < 8; k++) {
        fillStandardNormal(rng, z);
        const xv = Array.from(z, (v, i) => p.m1[i]! + 2 * v);
        const Tx = xv.map((_, i) => T9.b[i]! + xv.reduce((s, xj, j) => s + T9.A.data[i * p.d + j]! * xj, 0));
        logWorst = Math.max(logWorst, relErr(gaussianLogDensity(p.m1, p.S1, xv) - gaussianLogDensity(p.m2, p.S2, Tx), T9.logDetA));
      }
    }
    ctx.numeric("random pairs, $d=2..6$: the sandwich $A$ is symmetric", symWorst, 0, 1e-8, { absolute: true });
    ctx.fact("random pairs: $A\\succ0$", posWorst > 0, `smallest eigenvalue of A over the five pairs: ${posWorst.toExponential(3)}`);
    ctx.numeric("random pairs: $A\\Sigma_1A=\\Sigma_2$", pushWorst, 0, 1e-8, { absolute: true });
    ctx.numeric("random pairs: the three formulas for $A$ agree", formulaWorst, 0, 1e-8, { absolute: true });
    ctx.numeric("random pairs: $\\log f(x)-\\log g(T(x))=\\log\\det A$ at 8 points each", logWorst, 0, 1e-8, { absolute: true });

    // Monte Carlo cost and the Cholesky map (d = 3)
    const p3 = pairs[1]!;
    const T3 = gaussianBrenierMap(p3.m1, p3.S1, p3.m2, p3.S2);
    const mc = monteCarloTransportCost(p3.m1, p3.S1, T3.A, T3.b, new Rng(9090), 40_000);
    ctx.monteCarlo("$d=3$: $W_2^2$ equals the Monte Carlo cost $\\mathbb E\\|X-T(X)\\|^2$", mc.mean, mc.standardError, gaussianW2Squared(p3.m1, p3.S1, p3.m2, p3.S2));
    let cholPush = 0, cholGap = Infinity;
    for (const p of pairs) {
      const C = choleskyMap(p.S1, p.S2);
      cholPush = Math.max(cholPush, relErrMatrix(matmul(matmul(C, p.S1), ntranspose(C)), p.S2));
      const w2 = gaussianBrenierMap(p.m1, p.S1, p.m2, p.S2).w2sq;
      cholGap = Math.min(cholGap, linearMapCost(p.m1, p.S1, p.m2, C) - w2);
    }
    ctx.numeric("the Cholesky map $L_2L_1^{-1}$ also pushes $\\Sigma_1$ to $\\Sigma_2$", cholPush, 0, 1e-10, { absolute: true });
    ctx.fact("the Cholesky map costs at least $W_2^2$ (and strictly more: it is not symmetric)", cholGap > 0, `min over the five pairs of cost(L2 L1^-1) - W2^2 = ${cholGap.toExponential(3)} > 0`);
    {
      const C = choleskyMap(p3.S1, p3.S2);
      ctx.numericFails("the Cholesky map is not the Brenier map: its cost differs from $W_2^2$ ($d=3$)", linearMapCost(p3.m1, p3.S1, p3.m2, C), T3.w2sq, 1e-6);
      // the naive square-root map Σ₂^{1/2}Σ₁^{-1/2} also pushes forward but is not symmetric
      const N = matmul(sqrtm(p3.S2), invSqrtm(p3.S1));
      ctx.numeric("the naive map $N=\\Sigma_2^{1/2}\\Sigma_1^{-1/2}$ also pushes $\\Sigma_1$ to $\\Sigma_2$: $N\\Sigma_1N^\\top=\\Sigma_2$ ($d=3$)", relErrMatrix(matmul(matmul(N, p3.S1), ntranspose(N)), p3.S2), 0, 1e-8, { absolute: true });
      ctx.numericFails("but $N$ is not symmetric, hence not the gradient of a convex function: $\\|N-N^\\top\\|$ is not $0$", symmetryDefect(N), 0, 1e-6);
    }
  },
};
