// C3b-real (MATH §7 P7.2, §10 item 3): the real symmetric cone Sym_p⁺ is the real slice of the CAH cone,
// the symmetric cone of the Jordan algebra Sym_p, and for p ≥ 2 NOT a natural cone of any von Neumann
// algebra; the modular flow of a real state leaves Sym_p unless [ρ, Σ] = 0.
import { type Expr, I, ZERO, add, exp, matMul, mul, neg, num, pow, sqrt, sub, sym } from "../src/core/index.js";
import { type Matrix as NumMatrix, matmul } from "../src/linalg/index.js";
import { commutatorNorm, conjExpr, densityMatrix, flowRealityDefect, spectralGenerator } from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng } from "../src/random/index.js";
import { centreDimension, checkMatrixAlgebra, directSum, hermitianAlgebra, jordanRank, partitions } from "./support/jordan.js";
import { certify, complexSymbols, diagE, matrixPairs, numericCertificate, randomDensity, randomHermitian, star } from "./support/modular-symbolic.js";

export const c3bReal: Proof = {
  id: "C3b-real",
  title: "The real symmetric cone is not a natural cone for p ≥ 2 (P7.2)",
  source: "MATH.md §7 P7.2, P7.4, §10 item 3",
  statement:
    "$\\mathrm{Sym}_p^+=\\{X\\in P^\\natural:\\bar X=X\\}$ is the real slice of the CAH cone $P^\\natural=\\mathrm{Herm}_p^+$: the fixed set of entrywise conjugation $\\kappa$, an antiunitary that commutes with $J$ and preserves $P^\\natural$. " +
    "It is the symmetric cone of the Euclidean Jordan algebra $(\\mathrm{Sym}_p,\\ X\\circ Y=\\tfrac12(XY+YX))$ of rank $p$, dimension $p(p+1)/2$, simple (centre $\\mathbb R I$). " +
    "For $p\\ge2$ it is not linearly isomorphic to the natural cone of any (finite-dimensional) von Neumann algebra, $\\bigoplus_k\\mathrm{Herm}_{m_k}^+$ (rank $\\sum m_k$, dimension $\\sum m_k^2$, $\\#k$ simple summands): e.g. $\\mathrm{Sym}_2^+$ is the 3-dimensional Lorentz cone and $\\mathrm{Herm}_2^+$ the 4-dimensional one. " +
    "The modular flow of a real faithful $\\rho$ maps a real symmetric $\\Sigma$ out of $\\mathrm{Sym}_p$ unless $[\\rho,\\Sigma]=0$.",
  hypotheses: [
    "natural cones of finite-dimensional von Neumann algebras $\\bigoplus_kM_{m_k}(\\mathbb C)$ are $\\bigoplus_k\\mathrm{Herm}_{m_k}^+$ (C3b-complex for each summand)",
    "a linear isomorphism of symmetric cones maps irreducible components onto irreducible components, preserving dimension and rank; irreducible cones are those of simple Jordan algebras, whose centre is $\\mathbb Re$ (Faraut–Korányi, Ch. III–IV)",
    "exact invariants are computed in rational arithmetic from explicit bases; the enumeration covers $p\\le10$",
  ],
  informal: { claim: "The Wishart cone coincides with the CAH cone (C3b), for real symmetric matrices.", verdict: "fails as stated" },
  references: ["Connes, Ann. Inst. Fourier 24 (1974) 121–155", "Faraut–Korányi, Analysis on Symmetric Cones (1994)", "Bellissard–Iochum, Ann. Inst. Fourier 28 (1978) 27–67"],
  run(ctx) {
    const X = complexSymbols("x", 2), L = complexSymbols("l", 2);
    const kappa = (A: typeof X) => A.map(conjExpr);
    ctx.custom("$\\kappa(X)=\\bar X$ commutes with $J$: $\\overline{X^*}=(\\bar X)^*$; it preserves $P^\\natural$: $\\overline{LL^*}=\\bar L\\,\\bar L^{\\,*}$ (general complex $X,L$)", certify(() => [
      ...matrixPairs(kappa(star(X)), star(kappa(X)), "kappa J = J kappa"),
      ...matrixPairs(kappa(matMul(L, star(L))), matMul(kappa(L), star(kappa(L))), "kappa(LL*)"),
    ]), { justification: "So the fixed set of $\\kappa$ in $P^\\natural=\\mathrm{Herm}_p^+$ is $\\{X\\succeq0:\\operatorname{Im}X=0\\}=\\mathrm{Sym}_p^+$" });

    // Lorentz cones
    const [a, b, c, e] = ["a", "b", "c", "e"].map(sym) as [Expr, Expr, Expr, Expr];
    const r2 = sqrt(num(2));
    const t = mul(add(a, c), pow(r2, num(-1))), x1 = mul(sub(a, c), pow(r2, num(-1))), x2 = mul(r2, b), x3 = mul(r2, e);
    ctx.custom("$\\mathrm{Sym}_2^+$ is the 3-dimensional Lorentz cone: for $X=\\begin{pmatrix}a&b\\\\b&c\\end{pmatrix}$, $t=\\frac{a+c}{\\sqrt2}$, $x=(\\frac{a-c}{\\sqrt2},\\sqrt2b)$: $t^2-|x|^2=2\\det X$ and $t^2+|x|^2=\\operatorname{tr}X^2$; for $\\mathrm{Herm}_2$ ($b\\to b+ie$) one more coordinate $\\sqrt2e$: the 4-dimensional Lorentz cone", certify(() => {
      const Xh = [[a, add(b, mul(I, e))], [sub(b, mul(I, e)), c]];
      const detH = sub(mul(a, c), mul(Xh[0]![1]!, Xh[1]![0]!));
      return [
        [sub(pow(t, num(2)), add(pow(x1, num(2)), pow(x2, num(2)))), mul(num(2), sub(mul(a, c), pow(b, num(2)))), "Sym_2: t^2 - |x|^2 = 2 det"],
        [add(pow(t, num(2)), pow(x1, num(2)), pow(x2, num(2))), add(pow(a, num(2)), mul(num(2), pow(b, num(2))), pow(c, num(2))), "Sym_2: isometry"],
        [sub(pow(t, num(2)), add(pow(x1, num(2)), pow(x2, num(2)), pow(x3, num(2)))), mul(num(2), detH), "Herm_2: t^2 - |x|^2 = 2 det"],
        [add(pow(t, num(2)), pow(x1, num(2)), pow(x2, num(2)), pow(x3, num(2))), add(pow(a, num(2)), mul(num(2), add(pow(b, num(2)), pow(e, num(2)))), pow(c, num(2))), "Herm_2: isometry"],
      ] as const;
    }), { justification: "A $2\\times2$ Hermitian matrix is PSD iff $\\operatorname{tr}\\ge0$ and $\\det\\ge0$, i.e. $t\\ge|x|$; the cones span spaces of dimensions 3 and 4, so no linear isomorphism exists between them" });

    // exact invariants of the Jordan algebras
    ctx.custom("Exact invariants (dimension $N$, rank $r$, centre dimension) of $\\mathrm{Sym}_p$, $p=1..5$: $(p(p+1)/2,\\ p,\\ 1)$; of $\\mathrm{Herm}_m(\\mathbb C)$, $m=1..3$: $(m^2,\\ m,\\ 1)$", (): StepCertificate => {
      const rows: string[] = [];
      for (const [alg, N, r] of [
        ...[1, 2, 3, 4, 5].map((p) => [hermitianAlgebra(p, 1), (p * (p + 1)) / 2, p] as const),
        ...[1, 2, 3].map((m) => [hermitianAlgebra(m, 2), m * m, m] as const),
      ]) {
        const chk = checkMatrixAlgebra(alg);
        const got = [alg.N, jordanRank(alg), centreDimension(alg)];
        if (!chk.independent || !chk.closed || got[0] !== N || got[1] !== r || got[2] !== 1)
          return { kind: "refuted", detail: `${alg.name}: (N, r, centre) = (${got.join(", ")}), expected (${N}, ${r}, 1); basis independent ${chk.independent}, closed ${chk.closed}` };
        rows.push(`${alg.name}: (${got.join(", ")})`);
      }
      return { kind: "proved/exact", detail: `rational Gaussian elimination on explicit bases (closed under the Jordan product): ${rows.join("; ")}` };
    }, { justification: "$r$ is the degree of the minimal polynomial of $\\operatorname{diag}(1,\\dots,p)$ (an upper bound for every element by Cayley–Hamilton); the centre is $\\{z:[L_z,L_x]=0\\ \\forall x\\}$" });

    ctx.custom("No natural cone matches $\\mathrm{Sym}_p^+$ for $2\\le p\\le10$: the natural cones $\\bigoplus_k\\mathrm{Herm}_{m_k}^+$ of rank $p$ ($\\sum m_k=p$) and dimension $p(p+1)/2$ ($\\sum m_k^2$) all have at least two summands, while $\\mathrm{Sym}_p^+$ is irreducible", (): StepCertificate => {
      const found: string[] = [];
      for (let p = 2; p <= 10; p++)
        for (const m of partitions(p)) {
          if (m.reduce((s, x) => s + x * x, 0) !== (p * (p + 1)) / 2) continue;
          if (m.length < 2) return { kind: "refuted", detail: `a single summand Herm_${m[0]} matches Sym_${p}` };
          found.push(`p = ${p}: (${m.join(", ")})`);
        }
      // the summands are simple ideals: check the centre of the first match exactly
      const alg = directSum([hermitianAlgebra(3, 2), hermitianAlgebra(1, 2)]);
      const centre = centreDimension(alg), r = jordanRank(alg);
      if (centre !== 2 || r !== 4 || alg.N !== 10) return { kind: "refuted", detail: `Herm_3 + Herm_1: (N, r, centre) = (${alg.N}, ${r}, ${centre})` };
      return {
        kind: "proved/exact",
        detail: `exhaustive over the partitions of p = 2..10; rank-and-dimension matches: ${found.join("; ") || "none"}; all with at least two summands; e.g. Herm_3(C) + Herm_1(C) has (N, r, centre) = (10, 4, 2) exactly, not (10, 4, 1) as Sym_4; p = 1: Sym_1^+ = Herm_1^+ = [0, oo)`,
      };
    }, { justification: "A single summand would need $m=p$ (rank) and $p^2=p(p+1)/2$ (dimension), i.e. $p=1$" });

    // the flow leaves Sym_p
    const l1 = sym("l1"), l2 = sym("l2"), tt = sym("t");
    const G = spectralGenerator([exp(l1), exp(l2)]);
    const S = [[sym("s11"), sym("s12")], [sym("s12"), sym("s22")]];
    const Sm = diagE([ZERO, ZERO]).map((_, i, j) => S[i]![j]!);
    const St = G.flow(Sm, tt);
    ctx.custom("In the eigenbasis of a real $\\rho=\\operatorname{diag}(e^{\\ell_1},e^{\\ell_2})$: $(\\Sigma_t)_{12}=e^{it(\\ell_1-\\ell_2)}\\Sigma_{12}$, so $(\\Sigma_t)_{12}-\\overline{(\\Sigma_t)_{12}}=(e^{it(\\ell_1-\\ell_2)}-e^{-it(\\ell_1-\\ell_2)})\\Sigma_{12}=2i\\sin(t(\\ell_1-\\ell_2))\\Sigma_{12}$, while $[\\rho,\\Sigma]_{12}=(e^{\\ell_1}-e^{\\ell_2})\\Sigma_{12}$", certify(() => {
      const ph = G.flowPhases(tt)[0]![1]!;
      const rho = diagE([exp(l1), exp(l2)]);
      const comm = sub(matMul(rho, Sm).get(0, 1), matMul(Sm, rho).get(0, 1));
      return [
        [St.get(0, 1), mul(ph, S[0]![1]!), "phase"],
        [sub(St.get(0, 1), conjExpr(St.get(0, 1))), mul(sub(exp(mul(I, tt, sub(l1, l2))), exp(neg(mul(I, tt, sub(l1, l2))))), S[0]![1]!), "imaginary part"],
        [comm, mul(sub(exp(l1), exp(l2)), S[0]![1]!), "commutator"],
        [St.get(0, 0), S[0]![0]!, "diagonal fixed"],
      ] as const;
    }), { justification: "So $\\Sigma_t$ is real for all $t$ iff $\\Sigma_{12}=0$ or $\\ell_1=\\ell_2$, i.e. iff $[\\rho,\\Sigma]=0$" });
    const rng = new Rng(103);
    ctx.custom("Numerically (flowRealityDefect): for random real $\\rho$ and real symmetric $\\Sigma$, $\\|\\operatorname{Im}\\sigma_t(\\Sigma)\\|/\\|\\Sigma\\|$ is $O(1)$ when $[\\rho,\\Sigma]\\ne0$ and $\\le10^{-12}$ for $\\Sigma=\\rho^2+\\rho$ (n = 3, 4, 5, t = 0.8)", (): StepCertificate => {
      let minOff = Infinity, maxOn = 0;
      for (const n of [3, 4, 5]) {
        const r = densityMatrix(randomDensity(rng, n, true));
        const Sg = randomHermitian(rng, n, true) as NumMatrix;
        if (!(commutatorNorm(r, Sg) > 1e-3)) return { kind: "refuted", detail: "sample commutes" };
        minOff = Math.min(minOff, flowRealityDefect(r, Sg, 0.8));
        const R = r.matrix as NumMatrix;
        const P = matmul(R, R);
        const C: NumMatrix = { rows: n, cols: n, data: P.data.map((v, k) => v + R.data[k]!) };
        maxOn = Math.max(maxOn, flowRealityDefect(r, C, 0.8));
      }
      if (!(minOff > 1e-3)) return { kind: "refuted", detail: `a non-commuting Sigma stayed real: ${minOff}` };
      return numericCertificate(maxOn, 1e-12, `non-commuting: defect >= ${minOff.toExponential(2)}; commuting`);
    });
  },
};
