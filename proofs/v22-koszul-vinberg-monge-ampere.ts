// V22: the Koszul–Vinberg function and the Monge–Ampère property of the cones (MATH.md §1.3, §5). Exact: the
// reference det Hess(−log(ac − b²)) = 2/(ac − b²)³, det Hess_u(−log det X) = 2^{p(p−1)/2} det X^{−(p+1)} at rational X
// (p = 1..4), det Hess_s = det X^{−(p+1)} (p = 2), the Hermitian 2^{p(p−1)} (p = 1..3), the c table of §5.4
// (symbolic derivation for p ≤ 3 real and p ≤ 2 complex; complex p = 3 from the exact rational-point identity and
// the exact constant), the mixed-coordinates constant that belongs to neither row, and ψ_n's MA-exp with κ = 2(p+1)/n.
// Numeric: FD Hessians, congruence equivariance and Jacobians, the KV integral for p = 2, the affine-invariant distance.
import { add, det, div, freeSymbols, hessian, log, matrix, mul, num, PI, pow, sub, subs, sym, type Expr, type VerifyOptions } from "../src/core/index.js";
import {
  affineInvariantDistance,
  coneSymbols,
  congruence,
  congruenceJacobian,
  geodesic,
  hessianNegLogDet,
  kvConstantExpr,
  kvEquivariance,
  kvIntegralSym2,
  logAbsDet,
  logKoszulVinberg,
  maConstant,
  maIdentityAtRationalPoints,
  maIdentityNumeric,
  maIdentitySymbolic,
  pdInfo,
  pullbackPotential,
  toCoordinates,
  wishartMaExpSymbolic,
} from "../src/cones/index.js";
import { type CMatrix, type Matrix, cmatmul, conjTranspose, det as ldet, slogDet } from "../src/linalg/index.js";
import { complexNormalMatrix, normalMatrix, Rng } from "../src/random/index.js";
import { randomGramSpd } from "./helpers/numeric.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";

function hpd(rng: Rng, p: number): CMatrix {
  const G = complexNormalMatrix(rng, p, p);
  const S = cmatmul(G, conjTranspose(G));
  for (let i = 0; i < p; i++) {
    S.re[i * p + i]! += 0.5;
    S.im[i * p + i] = 0;
    for (let j = 0; j < i; j++) {
      S.re[i * p + j] = S.re[j * p + i]!;
      S.im[i * p + j] = -S.im[j * p + i]!;
    }
  }
  return S;
}
const pi = (k: number): Expr => pow(PI, num(k));
/** Verify options with the domain det X > 0 when the expression still depends on the entries of X. */
const positive = (e: Expr, detX: Expr): VerifyOptions => (freeSymbols(e).length > 0 ? { domain: [{ expr: detX, op: ">" }] } : {});

/** The table of MATH.md §5.4 as printed there. */
const TABLE: Array<{ field: "real" | "complex"; coords: "ut" | "f"; p: number; c: Expr; text: string }> = [
  { field: "real", coords: "ut", p: 1, c: num(1), text: "1" },
  { field: "real", coords: "ut", p: 2, c: div(num(27), pi(2)), text: "27/\\pi^2" },
  { field: "real", coords: "ut", p: 3, c: div(num(2048), pi(4)), text: "2048/\\pi^4" },
  { field: "real", coords: "f", p: 1, c: num(1), text: "1" },
  { field: "real", coords: "f", p: 2, c: div(num(27), mul(num(4), pi(2))), text: "27/(4\\pi^2)" },
  { field: "real", coords: "f", p: 3, c: div(num(32), pi(4)), text: "32/\\pi^4" },
  { field: "complex", coords: "ut", p: 1, c: num(1), text: "1" },
  { field: "complex", coords: "ut", p: 2, c: div(num(64), pi(2)), text: "64/\\pi^2" },
  { field: "complex", coords: "ut", p: 3, c: div(num(314928), pi(6)), text: "314928/\\pi^6" },
  { field: "complex", coords: "f", p: 1, c: num(1), text: "1" },
  { field: "complex", coords: "f", p: 2, c: div(num(4), pi(2)), text: "4/\\pi^2" },
  { field: "complex", coords: "f", p: 3, c: div(num(19683), mul(num(256), pi(6))), text: "19683/(256\\pi^6)" },
];
const coneName = (field: "real" | "complex", coords: "ut" | "f", p: number) =>
  `$\\mathrm{${field === "real" ? "Sym" : "Herm"}}_${p}$, ${coords === "ut" ? "UT" : field === "real" ? "F" : "orthonormal"} coordinates`;

export const v22: Proof = {
  id: "V22",
  title: "Koszul–Vinberg function and the Monge–Ampère property of the cones",
  source: "MATH.md §1.3, §5.2–5.6, §9 V22",
  statement:
    "$\\det\\mathrm{Hess}_u(-\\log\\det X)=2^{p(p-1)/2}(\\det X)^{-(p+1)}$ and $\\det\\mathrm{Hess}_s(-\\log\\det X)=(\\det X)^{-(p+1)}$ on $\\mathrm{Sym}_p^{++}$ " +
    "($2^{p(p-1)}(\\det X)^{-2p}$ and $(\\det X)^{-2p}$ on $\\mathrm{Herm}_p^{++}$); the Koszul–Vinberg potential $F=\\log\\phi$ solves " +
    "$\\det D^2F=c\\,e^{2F}$ with the constants $c$ of the table of §5.4; $\\psi_n=-\\frac n2\\log\\det$ satisfies " +
    "$\\det D_u^2\\psi_n=(\\frac n2)^N2^{p(p-1)/2}e^{\\kappa\\psi_n}$ with $\\kappa=2(p+1)/n$; congruences preserve $\\phi$ up to $|\\det A|^{-(p+1)}$ and the identity with the same $c$.",
  hypotheses: [
    "UT coordinates $u=\\mathrm{vech}(X)$ with Lebesgue $du$; F coordinates $s=(X_{ii},\\sqrt2X_{ij})$; $\\phi_u(X)=\\Gamma_p(\\frac{p+1}2)(\\det X)^{-\\frac{p+1}2}$, $\\phi_s=2^{p(p-1)/4}\\phi_u$ (§5.2)",
    "the Hessian and the measure inside $\\phi$ are taken in the same coordinates (never mixed)",
    "exact: symbolic for $p\\le3$ (real) and $p\\le2$ (complex), exact rational arithmetic at random rational $X=AA^*+I$ otherwise; numeric at random $X=GG^*+\\frac12I$",
  ],
  references: ["Koszul (1961)", "Vinberg (1963)", "Faraut–Korányi, Analysis on Symmetric Cones (1994)", "Hildebrand (2014), canonical barriers", "Muirhead (1982)"],
  run(ctx) {
    // --- the reference constant, p = 2
    {
      const [a, b, c] = [sym("a"), sym("b"), sym("c")];
      const D = sub(mul(a, c), mul(b, b));
      const dH = det(matrix(hessian(mul(num(-1), log(D)), ["a", "b", "c"])));
      ctx.identity("reference: $\\det\\mathrm{Hess}_{(a,b,c)}(-\\log(ac-b^2))=2/(ac-b^2)^3$", dH, mul(num(2), pow(D, num(-3))), {
        verify: { domain: [{ expr: D, op: ">" }, { expr: a, op: ">" }] },
      });
    }
    // --- det Hess_u(−log det X), exact at rational points, p = 1..4; real and complex
    const exactPoints = (p: number, field: "real" | "complex"): StepCertificate => {
      const r = maIdentityAtRationalPoints(p, field, { samples: 3, seed: 22 + p });
      const first = r.checks[0]!;
      return r.allEqual
        ? { kind: "proved/exact", detail: `exact rational arithmetic at ${r.checks.length} rational X, e.g. X = [${first.X.map((row) => row.join(" ")).join("; ")}]: det Hess_u = ${first.detHessian} = predicted ${first.predicted}` }
        : { kind: "refuted", detail: r.checks.filter((c) => !c.equal).map((c) => `X = ${JSON.stringify(c.X)}: ${c.detHessian} vs ${c.predicted}`).join("; ") };
    };
    for (const p of [1, 2, 3, 4])
      ctx.custom(`$\\det\\mathrm{Hess}_u(-\\log\\det X)=2^{${(p * (p - 1)) / 2}}(\\det X)^{-${p + 1}}$ on $\\mathrm{Sym}_${p}$ (constant ${2 ** ((p * (p - 1)) / 2)})`, () => exactPoints(p, "real"), {
        justification: "$(\\mathrm{Hess}_u)_{ab}=\\mathrm{tr}(X^{-1}B_aX^{-1}B_b)$ built and its determinant taken in exact rationals",
      });
    for (const p of [1, 2, 3])
      ctx.custom(`Hermitian: $\\det\\mathrm{Hess}_u(-\\log\\det X)=2^{${p * (p - 1)}}(\\det X)^{-${2 * p}}$ on $\\mathrm{Herm}_${p}$ (constant ${2 ** (p * (p - 1))})`, () => exactPoints(p, "complex"), {
        justification: "Gaussian rationals, basis $E_{ij}+E_{ji}$ and $iE_{ij}-iE_{ji}$",
      });
    {
      const S = coneSymbols(2, "real", "f");
      const dH = det(matrix(hessian(mul(num(-1), log(S.detX)), S.vars)));
      ctx.identity("F coordinates: $\\det\\mathrm{Hess}_s(-\\log\\det X)=(\\det X)^{-3}$ on $\\mathrm{Sym}_2$ (symbolic, $X_{12}=s_{12}/\\sqrt2$)", dH, pow(S.detX, num(-3)), {
        verify: { domain: [{ expr: S.detX, op: ">" }] },
        justification: "$\\mathrm{Hess}_s=\\Lambda^{-1}\\mathrm{Hess}_u\\Lambda^{-1}$, $\\det\\Lambda^2=2^{p(p-1)/2}$",
      });
    }
    const rng = new Rng(2222);
    {
      const ratios: number[] = [];
      for (let p = 1; p <= 5; p++) {
        const X = randomGramSpd(rng, p);
        const ld = slogDet(X).logAbsDet;
        ratios.push(Math.exp(slogDet(hessianNegLogDet(X, "f")).logAbsDet + (p + 1) * ld));
        ratios.push(Math.exp(slogDet(hessianNegLogDet(X, "ut")).logAbsDet + (p + 1) * ld) / 2 ** ((p * (p - 1)) / 2));
      }
      ctx.numeric("numeric, p = 1..5: $\\det\\mathrm{Hess}_s\\cdot(\\det X)^{p+1}=1$ and $\\det\\mathrm{Hess}_u\\cdot(\\det X)^{p+1}=2^{p(p-1)/2}$", ratios, ratios.map(() => 1), 1e-10);
      const Xc = hpd(rng, 4);
      const ldc = pdInfo(Xc).logDet;
      ctx.numeric("numeric, $\\mathrm{Herm}_4$: $\\det\\mathrm{Hess}_u=2^{12}(\\det X)^{-8}$ and orthonormal $\\det\\mathrm{Hess}_s=(\\det X)^{-8}$",
        [Math.exp(slogDet(hessianNegLogDet(Xc, "ut")).logAbsDet + 8 * ldc) / 4096, Math.exp(slogDet(hessianNegLogDet(Xc, "f")).logAbsDet + 8 * ldc)], [1, 1], 1e-10);
    }

    // --- the c table of §5.4
    const symbolicRows = TABLE.filter((r) => !(r.field === "complex" && r.p === 3));
    for (const row of symbolicRows) {
      const d = maIdentitySymbolic(row.p, row.field, row.coords);
      if (row.field === "real" && row.p === 2 && row.coords === "ut") ctx.show("log φ on Sym₂ (UT coordinates)", d.logPhi, "\\log\\phi_u(X)");
      ctx.identity(`${coneName(row.field, row.coords, row.p)}: $\\det D^2\\log\\phi=c\\,\\phi^2$ (${d.route === "direct" ? "symbolic Hessian and determinant" : "symbolic UT Hessian, exact chain rule $\\det\\mathrm{Hess}_s=2^{-p(p-1)/2}\\det\\mathrm{Hess}_u$"})`,
        d.detHessian, mul(d.expected, d.phiSquared), {
          verify: { domain: [{ expr: d.detX, op: ">" }] },
        });
      ctx.identity(`${coneName(row.field, row.coords, row.p)}: the derived constant $\\det D^2\\log\\phi/\\phi^2$ is the table's $c=${row.text}$`, d.ratio, row.c);
    }
    {
      // complex p = 3: exact rational-point identity (above) + the exact constant
      const C = kvConstantExpr(3, "complex", "ut");
      ctx.identity("$\\tilde\\Gamma_3(3)=\\pi^3\\,\\Gamma(3)\\Gamma(2)\\Gamma(1)=2\\pi^3$", C, mul(num(2), pi(3)));
      ctx.chain("$\\mathrm{Herm}_3$, UT: $c=p^{p^2}2^{p(p-1)}\\tilde\\Gamma_3(3)^{-2}$, since $D^2\\log\\phi=3\\,\\mathrm{Hess}_u(-\\log\\det)$ has determinant $3^9\\cdot2^6(\\det X)^{-6}$ (exact at rational X above) and $\\phi^2=\\tilde\\Gamma_3(3)^2(\\det X)^{-6}$",
        maConstant(3, "complex", "ut").expr, [
          { expr: div(mul(pow(num(3), num(9)), pow(num(2), num(6))), pow(C, num(2))), justification: "$N=p^2=9$" },
          { expr: TABLE[8]!.c, justification: "the table value" },
        ]);
      ctx.chain("$\\mathrm{Herm}_3$, orthonormal: $c=3^9\\,2^{-6}\\,\\tilde\\Gamma_3(3)^{-2}$", maConstant(3, "complex", "f").expr, [
        { expr: div(mul(pow(num(3), num(9)), pow(num(2), num(-6))), pow(C, num(2))) },
        { expr: TABLE[11]!.c, justification: "the table value" },
      ]);
    }
    {
      // must fail: a UT measure with an F Hessian
      const S = coneSymbols(2, "real", "f");
      const logPhiMixed = add(log(kvConstantExpr(2, "real", "ut")), mul(num("-3/2"), log(S.detX)));
      const ratio = div(det(matrix(hessian(logPhiMixed, S.vars))), pow(kvConstantExpr(2, "real", "ut"), num(2)));
      const mixed = mul(ratio, pow(S.detX, num(3)));
      ctx.identity("mixing a UT measure with an F Hessian gives $c=(\\frac32)^3\\Gamma_2(\\frac32)^{-2}=27/(2\\pi^2)$ (p = 2)", mixed, div(num(27), mul(num(2), pi(2))), {
        verify: positive(mixed, S.detX),
        justification: "$\\det\\mathrm{Hess}_s\\log\\phi_u\\cdot(\\det X)^3/\\Gamma_2(\\frac32)^2$, simplified to a constant",
      });
      ctx.refutes("... which is not the UT row $27/\\pi^2$", mixed, TABLE[1]!.c, { verify: positive(mixed, S.detX) });
      ctx.refutes("... nor the F row $27/(4\\pi^2)$: do not mix coordinate systems", mixed, TABLE[4]!.c, { verify: positive(mixed, S.detX) });
    }
    // numeric: FD Hessians of log φ
    {
      const errs: number[] = [];
      for (const p of [2, 3])
        for (const coords of ["ut", "f"] as const) {
          errs.push(maIdentityNumeric(randomGramSpd(rng, p), coords, { hessian: "fd" }).relativeError);
          errs.push(maIdentityNumeric(hpd(rng, p), coords, { hessian: "fd" }).relativeError);
        }
      ctx.numeric("$c$ measured with finite-difference Hessians of $\\log\\phi$ (real and complex, p = 2, 3, both coordinate systems): $|c_{\\rm FD}/c-1|$", errs, errs.map(() => 0), 1e-5, { absolute: true });
    }

    // --- ψ_n: MA-exp(κ), κ = 2(p+1)/n, exactly; κ = 2 iff n = p + 1
    for (const p of [1, 2, 3]) {
      const w = wishartMaExpSymbolic(p);
      ctx.identity(`$\\det D_u^2\\psi_n=(\\frac n2)^{${(p * (p + 1)) / 2}}2^{${(p * (p - 1)) / 2}}e^{\\kappa\\psi_n}$ with $\\kappa=${2 * (p + 1)}/n$ (p = ${p}, n symbolic)`, w.detHessian, w.predicted, {
        verify: { domain: [{ expr: coneSymbols(p, "real", "ut").detX, op: ">" }, { expr: sym("n"), op: ">" }] },
      });
      if (p === 2) {
        ctx.identity("$\\kappa=2$ exactly when $n=p+1$ (p = 2)", subs(w.kappa, { n: 3 }), num(2));
        const S = coneSymbols(2, "real", "ut");
        const diffPsi = sub(subs(w.psi, { n: 3 }), maIdentitySymbolic(2, "real", "ut").logPhi);
        ctx.identity("$\\psi_{p+1}=\\log\\phi_u+\\mathrm{const}$: $\\psi_3-\\log\\phi_u=-\\log\\Gamma_2(\\frac32)$", diffPsi, mul(num(-1), log(div(PI, num(2)))), {
          verify: positive(diffPsi, S.detX),
        });
        ctx.refutes("for $n\\ne p+1$ the exponent is not 2 (p = 2, n = 5: $\\kappa=6/5$)", subs(w.kappa, { n: 5 }), num(2));
      }
    }

    // --- congruence: equivariance of φ, of the MA identity, Jacobians
    {
      const eq: number[] = [], ex: number[] = [];
      for (const coords of ["ut", "f"] as const) {
        const X = randomGramSpd(rng, 3), A = normalMatrix(rng, 3, 3);
        const r = kvEquivariance(X, A, coords);
        eq.push(r.lhs);
        ex.push(r.rhs);
        const Xc = hpd(rng, 2), Ac = complexNormalMatrix(rng, 2, 2);
        const rc = kvEquivariance(Xc, Ac, coords);
        eq.push(rc.lhs);
        ex.push(rc.rhs);
      }
      ctx.numeric("$\\log\\phi(AXA^*)=\\log\\phi(X)-\\frac{2N}r\\log|\\det A|$ ($\\mathrm{Sym}_3$ and $\\mathrm{Herm}_2$, UT and F)", eq, ex, 1e-10);
      const X = randomGramSpd(rng, 3), A = normalMatrix(rng, 3, 3);
      const H = pullbackPotential(A).hessian!(toCoordinates(X, "ut"));
      const c = maConstant(3, "real", "ut").value;
      ctx.numeric("$\\det D^2(\\log\\phi\\circ L_A)(X)=c\\,\\phi(X)^2$ with the same $c=2048/\\pi^4$ ($\\mathrm{Sym}_3$, invertible A)", slogDet(H).logAbsDet, Math.log(c) + 2 * logKoszulVinberg(X, "ut"), 1e-10, {
        justification: "$\\det D^2(\\log\\phi\\circ L_A)=(\\det L_A)^2c\\,\\phi(AXA^\\top)^2=c\\,\\phi(X)^2$ (§5.5); log scale",
      });
      const jac: number[] = [];
      for (const coords of ["ut", "f"] as const) {
        const A3 = normalMatrix(rng, 3, 3);
        const j = congruenceJacobian(A3, "real", coords);
        jac.push(j.det / j.predicted, j.predicted / ldet(A3) ** 4);
        const A2 = complexNormalMatrix(rng, 2, 2);
        const jc = congruenceJacobian(A2, "complex", coords);
        jac.push(jc.det / jc.predicted, jc.predicted / Math.exp(4 * logAbsDet(A2)));
      }
      ctx.numeric("Jacobians: $\\det L_A=(\\det A)^{p+1}$ on $\\mathrm{Sym}_3$ and $|\\det A|^{2p}$ on $\\mathrm{Herm}_2$, in UT and F coordinates (ratios)", jac, jac.map(() => 1), 1e-10);
    }
    // --- the KV integral, p = 2
    {
      const got: number[] = [], want: number[] = [];
      for (let k = 0; k < 3; k++) {
        const X = randomGramSpd(rng, 2);
        got.push(kvIntegralSym2(X));
        want.push((Math.PI / 2) * (X.data[0]! * X.data[3]! - X.data[1]! ** 2) ** -1.5);
      }
      ctx.numeric("$\\int_{\\mathrm{Sym}_2^{++}}e^{-\\mathrm{tr}(X\\xi)}du(\\xi)=\\frac\\pi2(\\det X)^{-3/2}$ by 3-D quadrature at 3 random X", got.map((g, k) => g / want[k]!), want.map(() => 1), 1e-8, {
        justification: "Cholesky coordinates $\\xi=LL^\\top$, double-exponential rules on each axis",
      });
    }
    // --- affine-invariant distance
    {
      const vals: number[] = [], exp: number[] = [];
      for (const field of ["real", "complex"] as const) {
        const p = field === "real" ? 3 : 2;
        const X = field === "real" ? randomGramSpd(rng, p) : hpd(rng, p), Y = field === "real" ? randomGramSpd(rng, p) : hpd(rng, p);
        const A = field === "real" ? normalMatrix(rng, p, p) : complexNormalMatrix(rng, p, p);
        const d = affineInvariantDistance(X, Y);
        vals.push(affineInvariantDistance(Y, X), affineInvariantDistance(congruence(X, A), congruence(Y, A)), affineInvariantDistance(invertPd(X), invertPd(Y)), affineInvariantDistance(X, geodesic(X, Y, 0.3)));
        exp.push(d, d, d, 0.3 * d);
        vals.push(affineInvariantDistance(X, Y, { canonical: true }));
        exp.push(d * Math.sqrt(field === "real" ? (p + 1) / 2 : p));
      }
      ctx.numeric("affine-invariant distance: symmetric, invariant under congruence and inversion, $d(X,\\gamma(t))=t\\,d(X,Y)$, canonical factor $\\sqrt{(p+1)/2}$ resp. $\\sqrt p$ ($\\mathrm{Sym}_3$, $\\mathrm{Herm}_2$)", vals, exp, 1e-8, {
        justification: "tolerance $10^{-8}$ (matrix square roots and logarithms)",
      });
    }
  },
};

/** X⁻¹ of a positive-definite X (real or complex), exactly Hermitian. */
function invertPd(X: Matrix | CMatrix): Matrix | CMatrix {
  const info = pdInfo(X);
  const p = info.p;
  const re = Float64Array.from(info.invRe), im = Float64Array.from(info.invIm);
  for (let i = 0; i < p; i++) {
    im[i * p + i] = 0;
    for (let j = 0; j < i; j++) {
      re[i * p + j] = re[j * p + i] = 0.5 * (re[i * p + j]! + re[j * p + i]!);
      const m = 0.5 * (im[j * p + i]! - im[i * p + j]!);
      im[j * p + i] = m;
      im[i * p + j] = -m;
    }
  }
  return info.field === "real" ? { rows: p, cols: p, data: re } : { rows: p, cols: p, re, im };
}
