// Paper claim C6 (MATH.md §10 item 6, §8.6 rows R3/R4, §5.5, §8.5): "RG is another manifestation of the
// Monge–Ampère domain". Precise version: every RG image cone Sym_k^{++} carries its own Koszul–Vinberg potential
// satisfying MA-exp(2) with constant c_k; invertible congruences preserve the Monge–Ampère identity (same c relative
// to φ); non-invertible coarse-grainings (k < p) do not preserve the potential — the pulled-back Hessian has rank
// ≤ k(k+1)/2 < N, so its determinant vanishes. The RBM–RG map is exact only under §8.5.
import { add, det, div, exp, hessian, log, matMul, matrix, mul, num, PI, pow, symmetricMatrixSymbols, transpose, type Expr } from "../src/core/index.js";
import { rbm } from "../src/boltzmann/index.js";
import { logAbsDet, maConstant, maIdentityNumeric, maIdentitySymbolic, mongeAmpereReadings, pullbackPotential, toCoordinates } from "../src/cones/index.js";
import { blockSpinMatrix1D, circulant, coarseGrain, mehtaSchwab, rbmVisibleFreeEnergies, selectionMatrix } from "../src/rg/index.js";
import { eigvalsh, type Matrix, slogDet } from "../src/linalg/index.js";
import { normal, normalMatrix, Rng } from "../src/random/index.js";
import { randomGramSpd } from "./helpers/numeric.js";
import type { Proof } from "../src/proofs/index.js";

const vechNames = (p: number) => Array.from({ length: p }, (_, i) => Array.from({ length: p - i }, (_, k) => `X${i + 1}${i + k + 1}`)).flat();

export const c6: Proof = {
  id: "C6-rg",
  title: "RG and the Monge–Ampère domain: image cones, invertible and non-invertible coarse-grainings",
  source: "MATH.md §10 item 6, §8.1, §8.6 (R3, R4), §5.5, §8.5",
  statement:
    "For a coarse-graining $L_R:\\Sigma\\mapsto R\\Sigma R^\\top$, $R\\in\\mathbb R^{k\\times p}$ of full row rank: the image cone $\\mathrm{Sym}_k^{++}$ carries its own potential $\\log\\phi_k$ with " +
    "$\\det D^2\\log\\phi_k=c_k\\phi_k^2$ (MA-exp(2)); for $k=p$ (invertible) $\\det D^2(\\log\\phi\\circ L_R)(X)=c\\,\\phi(X)^2$ with the same $c$; for $k<p$ the pulled-back " +
    "$\\log\\phi_k\\circ L_R$ has a Hessian of rank $\\le k(k+1)/2<p(p+1)/2$, so $\\det=0$: convex, not strictly, and neither MA-const nor MA-exp. The RBM–RG map of Mehta–Schwab is exact iff $F_\\lambda=H$.",
  hypotheses: [
    "UT coordinates; $\\phi_k(Y)=\\Gamma_k(\\frac{k+1}2)(\\det Y)^{-\\frac{k+1}2}$ and $c_k=(\\frac{k+1}2)^{N_k}2^{k(k-1)/2}\\Gamma_k(\\frac{k+1}2)^{-2}$ (§5.4)",
    "\"the same c\" is relative to $\\phi$: as an MA-exp(2) equation for $\\Psi=\\log\\phi\\circ L_R$ itself, the constant is $c\\,(\\det L_R)^2=c\\,|\\det R|^{2(p+1)}$, because $\\Psi$ differs from $\\log\\phi$ by the constant $-(p+1)\\log|\\det R|$",
  ],
  informal: { claim: "The renormalisation group gives another manifestation of a Monge–Ampère domain (C3c).", verdict: "holds with hypotheses" },
  references: ["Kadanoff (1966)", "Wilson–Kogut (1974)", "Faraut–Korányi (1994)", "Mehta–Schwab (2014)", "MATH.md §8.6"],
  run(ctx) {
    const rng = new Rng(6006);
    // --- each image cone with its own potential: exact c_k, and numerically at actual RG images
    for (const k of [1, 2, 3]) {
      const d = maIdentitySymbolic(k, "real", "ut");
      ctx.identity(`image cone $\\mathrm{Sym}_${k}^{++}$: $\\det D_u^2\\log\\phi_${k}=c_${k}\\,e^{2\\log\\phi_${k}}$ with $c_${k}=${String(d.expected).replace("pi", "\\pi")}$ (symbolic)`,
        d.detHessian, mul(d.expected, exp(mul(num(2), d.logPhi))), { verify: { domain: [{ expr: d.detX, op: ">" }] } });
    }
    {
      const L = 8;
      const C = Array.from({ length: L }, (_, n) => Math.exp(-Math.min(n, L - n) / 1.5));
      const images: Array<[string, Matrix]> = [
        ["block-spin on $\\mathbb Z_8$, b = 4 (8 → 2)", coarseGrain(circulant(C), blockSpinMatrix1D(L, 4))],
        ["block-spin on $\\mathbb Z_8$, b = 8 (8 → 1)", coarseGrain(circulant(C), blockSpinMatrix1D(L, 8))],
        ["decimation 5 → 3 (selection)", coarseGrain(randomGramSpd(rng, 5), selectionMatrix(5, [0, 2, 4]))],
      ];
      const errs: number[] = [];
      for (const [, Y] of images) errs.push(maIdentityNumeric(Y, "ut").relativeError, maIdentityNumeric(Y, "ut", { hessian: "fd" }).relativeError);
      ctx.numeric(`at RG images (${images.map(([n]) => n).join("; ")}): $\\det D^2\\log\\phi_k=c_k\\phi_k^2$ with the table's $c_k$ (analytic and finite-difference Hessians)`, errs, errs.map(() => 0), 1e-5, {
        absolute: true,
        justification: "relative errors $|c_{\\rm measured}/c_k-1|$; FD tolerance $10^{-5}$",
      });
      const mins = images.map(([, Y]) => eigvalsh(Y)[0]!);
      ctx.fact("the images lie in the open cones $\\mathrm{Sym}_k^{++}$", mins.every((x) => x > 0), `smallest eigenvalues ${mins.map((x) => x.toPrecision(4)).join(", ")}`);
    }

    // --- invertible congruence: exact for p = 2 with rational A
    {
      const X = symmetricMatrixSymbols("X", 2);
      const A = matrix([[num(3), num(1)], [num(1), num(1)]]); // det A = 2
      const Y = matMul(matMul(A, X), transpose(A));
      const C = div(PI, num(2));
      const logPhi = (M: Expr): Expr => add(log(C), mul(num("-3/2"), log(M)));
      const Psi = logPhi(det(Y));
      const dom = { verify: { domain: [{ expr: det(X), op: ">" as const }] } };
      ctx.identity("$\\phi(AXA^\\top)^2=|\\det A|^{-6}\\phi(X)^2$ for $A=\\begin{pmatrix}3&1\\\\1&1\\end{pmatrix}$ ($\\det A=2$; $\\mathrm{Sym}_2$)", exp(mul(num(2), Psi)), mul(pow(num(2), num(-6)), exp(mul(num(2), logPhi(det(X))))), dom);
      ctx.identity("invertible congruence: $\\det D_u^2(\\log\\phi\\circ L_A)(X)=\\frac{27}{\\pi^2}\\phi(X)^2$, the same $c$ (symbolic X)", det(matrix(hessian(Psi, vechNames(2)))), mul(div(num(27), pow(PI, num(2))), exp(mul(num(2), logPhi(det(X))))), {
        ...dom,
        justification: "$\\det D^2(\\log\\phi\\circ L_A)=(\\det L_A)^2c\\,\\phi(AXA^\\top)^2$ and $(\\det L_A)^2=(\\det A)^{2(p+1)}$ cancels $|\\det A|^{-2(p+1)}$",
      });
      ctx.identity("as MA-exp(2) of $\\Psi=\\log\\phi\\circ L_A$ itself: $\\det D_u^2\\Psi=\\frac{27}{\\pi^2}(\\det A)^6e^{2\\Psi}$", det(matrix(hessian(Psi, vechNames(2)))), mul(div(num(27), pow(PI, num(2))), pow(num(2), num(6)), exp(mul(num(2), Psi))), dom);
      // numeric, p = 3
      const X3 = randomGramSpd(rng, 3), A3 = normalMatrix(rng, 3, 3);
      const P = pullbackPotential(A3);
      const c = maConstant(3, "real", "ut").value;
      const lhs = slogDet(P.hessian!(toCoordinates(X3, "ut"))).logAbsDet;
      ctx.numeric("invertible, p = 3 (random A): $\\log\\det D^2(\\log\\phi\\circ L_A)(X)=\\log c+2\\log\\phi(X)$", lhs, Math.log(c) + 2 * (P.value(toCoordinates(X3, "ut")) + 4 * logAbsDet(A3)), 1e-10, {
        justification: "$\\log\\phi(X)=\\Psi(X)+(p+1)\\log|\\det A|$",
      });
      const pts = Array.from({ length: 6 }, () => toCoordinates(randomGramSpd(rng, 3), "ut"));
      const rd = mongeAmpereReadings(P, pts);
      const cPsi = Number(/c = ([0-9.e+-]+)/.exec(rd.ii.detail)?.[1] ?? NaN);
      ctx.numeric("invertible, p = 3: the fitted MA-exp has $\\kappa=2$ and constant $c\\,|\\det A|^{2(p+1)}$", [rd.ii.kappa ?? NaN, cPsi / (c * Math.exp(8 * logAbsDet(A3)))], [2, 1], 1e-8, {
        justification: "readings (ii) with $\\kappa$ fitted on 6 sample points; the printed constant has 10 digits",
      });
    }

    // --- non-invertible coarse-graining, k = 2 < p = 3: exact det = 0
    {
      const X = symmetricMatrixSymbols("X", 3);
      const R = matrix([[num("1/2"), num("1/2"), num(0)], [num(0), num("1/2"), num("1/2")]]);
      const Y = matMul(matMul(R, X), transpose(R));
      const Psi = add(log(div(PI, num(2))), mul(num("-3/2"), log(det(Y))));
      const H = hessian(Psi, vechNames(3));
      ctx.identity("$k=2<p=3$, block-spin $R=\\frac12\\begin{pmatrix}1&1&0\\\\0&1&1\\end{pmatrix}$: $\\det D_u^2(\\log\\phi_2\\circ L_R)\\equiv0$ (symbolic $6\\times6$ determinant)", det(matrix(H)), num(0), {
        verify: { vars: vechNames(3), domain: [{ expr: det(Y), op: ">" }] },
        justification: "$D^2(\\log\\phi_2\\circ L_R)=J^\\top D^2\\log\\phi_2\\,J$ with $J$ the $3\\times6$ matrix of $u\\mapsto\\mathrm{vech}(RXR^\\top)$: rank $\\le3<6$",
      });
      const thin = mongeAmpereReadings(pullbackPotential(normalMatrix(rng, 2, 3)), Array.from({ length: 6 }, () => toCoordinates(randomGramSpd(rng, 3), "ut")));
      ctx.fact("$k<p$: the pulled-back potential is not MA-exp (random $2\\times3$ R)", thin.ii.holds, thin.ii.detail, { expect: "fails" });
      ctx.fact("$k<p$: not strictly convex (reading iii fails) ...", thin.iii.holds, thin.iii.detail, { expect: "fails" });
      ctx.fact("... but convex", thin.iii.convex === true, thin.iii.detail);
      let rankOk = true;
      for (const [k, p] of [[1, 3], [2, 3], [2, 4], [3, 4]] as const) {
        const Pk = pullbackPotential(normalMatrix(rng, k, p));
        const lam = eigvalsh(Pk.hessian!(toCoordinates(randomGramSpd(rng, p), "ut")));
        const top = lam[lam.length - 1]!;
        const rank = Array.from(lam).filter((x) => x > 1e-10 * top).length;
        if (rank !== (k * (k + 1)) / 2) rankOk = false;
      }
      ctx.fact("numerical rank of the pulled-back Hessian is exactly $k(k+1)/2$ for $(k,p)=(1,3),(2,3),(2,4),(3,4)$", rankOk, "eigenvalues above 1e-10 of the largest counted");
    }

    // --- the RBM–RG map (§8.5)
    {
      const G = normalMatrix(rng, 4, 2);
      const model = rbm({ W: { rows: 4, cols: 2, data: G.data.map((x) => 0.8 * x) }, a: [0.1, -0.3, 0.2, 0], c: [0.2, -0.1] });
      const F = rbmVisibleFreeEnergies(model);
      const exact = mehtaSchwab(model, F);
      ctx.numeric("RBM–RG (d = 4, m = 2): with $H=F_\\lambda$ the map is exact, $\\max_v|\\log\\sum_he^{T_\\lambda}|=0$, and free energies agree", [exact.maxDefect, exact.logZRG - exact.logZH], [0, 0], 1e-12, { absolute: true });
      const shifted = mehtaSchwab(model, F.map((x) => x + 0.5));
      ctx.fact("with $H=F_\\lambda+0.5$ the KL divergence is 0 but the map is not exact", shifted.exact, `KL = ${shifted.kl.toExponential(2)}, max defect ${shifted.maxDefect.toPrecision(4)}`, { expect: "fails" });
      const generic = mehtaSchwab(model, Float64Array.from({ length: 16 }, () => normal(rng, 0, 1)));
      ctx.fact("a generic H is not an exact RG step of this RBM", generic.exact, `max defect ${generic.maxDefect.toPrecision(4)}`, { expect: "fails" });
    }
  },
};
