// Paper claim C5 (MATH.md §10 item 5, §8.6): "Monge–Ampère domain" made testable by three readings —
// (i) MA-const det D²Φ ≡ c, (ii) MA-exp det D²Φ = c e^{κΦ}, (iii) MA-elliptic D²Φ ≻ 0 — and the table of §8.6:
// which reading each claim R1–R6 satisfies. Every "yes" is backed by its identity (exact where algebraic), every
// "no" by a counterexample: the categorical family, the Gaussian covariance family, the k < p congruence with a
// rank-deficient pulled-back Hessian, the concave Bernoulli-RBM free energy.
import { add, det, diff, div, exp, hessian, log, matrix, mul, num, pow, sigmoid, sub, subs, sym, type Expr } from "../src/core/index.js";
import {
  bmLogPartitionExpr,
  categoricalPotential,
  freeEnergyExpr,
  freeEnergyPotential,
  gbNonConvexExample,
  logPartitionPotential,
  rbm,
  rbmSymbols,
  type RBM,
} from "../src/boltzmann/index.js";
import {
  coneSymbols,
  kvPotential,
  maIdentitySymbolic,
  mongeAmpereReadings,
  potential,
  pullbackPotential,
  toCoordinates,
  wishartMaExpSymbolic,
  wishartPotential,
  type MaReadings,
  type ReadingResult,
} from "../src/cones/index.js";
import { eigvalsh, type Matrix, matmul, transpose } from "../src/linalg/index.js";
import { normalMatrix, Rng } from "../src/random/index.js";
import type { Proof, ProofContext } from "../src/proofs/index.js";

/** UT coordinates of random SPD matrices G Gᵀ/p + s I. */
function spdPoints(rng: Rng, p: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, k) => {
    const G = normalMatrix(rng, p, p);
    const S = matmul(G, transpose(G));
    const X: Matrix = { rows: p, cols: p, data: S.data.map((x, i) => x / p + (i % (p + 1) === 0 ? 0.3 + 0.2 * k : 0)) };
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) X.data[i * p + j] = X.data[j * p + i]!;
    return toCoordinates(X, "ut");
  });
}
const vecPoints = (rng: Rng, d: number, count: number, scale = 2): Float64Array[] =>
  Array.from({ length: count }, () => Float64Array.from({ length: d }, () => scale * (2 * rng.random() - 1)));

const fmt = (x: ArrayLike<number>) => `(${Array.from(x, (v) => v.toPrecision(4)).join(", ")})`;
function describe(r: ReadingResult): string {
  const ce = r.counterexample ? `; counterexample at ${r.counterexample.points.map(fmt).join(" and ")} with value(s) ${r.counterexample.values.map((v) => v.toPrecision(6)).join(", ")}` : "";
  return `${r.detail}${ce}`;
}
/** One reading as a step: "yes" must hold on the sample, "no" must fail with the module's counterexample. */
function reading(ctx: ProofContext, row: string, which: "i" | "ii" | "iii", R: MaReadings, want: "yes" | "no"): void {
  const r = R[which];
  const name = { i: "(i) MA-const", ii: "(ii) MA-exp", iii: "(iii) MA-elliptic" }[which];
  ctx.fact(`${row}, ${name}: ${want} (${R.samples} sample points)`, r.holds, describe(r), { expect: want === "yes" ? "holds" : "fails" });
}

export const c5: Proof = {
  id: "C5-ma-domain",
  title: "\"Monge–Ampère domain\": the three readings and the table of §8.6",
  source: "MATH.md §10 item 5, §8.6, §2.5, §5.4",
  statement:
    "Readings of a potential $\\Phi$ on an open convex $D$: (i) MA-const $D^2\\Phi\\succ0$, $\\det D^2\\Phi\\equiv c$; (ii) MA-exp($\\kappa$) $\\det D^2\\Phi=c\\,e^{\\kappa\\Phi}$, $\\kappa\\ne0$; " +
    "(iii) MA-elliptic $D^2\\Phi\\succ0$. Table: R1 every exponential family: no / no / yes (minimal); R2 the cone with $\\log\\phi$ or $\\psi_n$: no / yes ($\\kappa=2$, resp. $2(p+1)/n$) / yes; " +
    "R3 each RG image cone with its own $\\log\\phi_k$: no / yes / yes; R4 the pull-back $\\log\\phi_k\\circ L_R$: no / yes iff $k=p$ / yes iff $k=p$ (convex, not strictly, for $k<p$); " +
    "R5 Bernoulli RBM free energy: no / no / no (concave); R5' Gaussian–Bernoulli: no / no / iff $I-WD(v)W^\\top\\succ0$; R5'' Gaussian–Gaussian: yes / no / yes; " +
    "R6 fully visible log-partition: no / no / yes.",
  hypotheses: [
    "potentials in UT coordinates for the cones; numeric readings on samples decide \"yes\" only as evidence, \"no\" by a counterexample point",
    "(ii) is tested with $\\kappa$ fitted by least squares unless a $\\kappa$ is given, so \"no\" means no $\\kappa$ fits",
  ],
  informal: {
    claim: "Dually flat structures — exponential families, Boltzmann-machine log-partition functions and free energies, the Wishart cone — are Monge–Ampère domains.",
    verdict: "fails as stated",
  },
  references: ["Kontsevich–Soibelman (2001), affine structures", "Cheng–Yau (1982)", "Hildebrand (2014)", "Amari–Nagaoka (2000)", "MATH.md §8.6"],
  run(ctx) {
    const rng = new Rng(5005);
    const th = sym("theta1"), kappa = sym("kappa");

    // ---------------- R1 every exponential family
    {
      const psi = log(add(num(1), exp(th)));
      const dpsi = diff(diff(psi, "theta1"), "theta1");
      ctx.identity("R1, categorical n = 1: $\\psi''(\\theta)=e^\\theta/(1+e^\\theta)^2=p_0p_1$", dpsi, div(exp(th), pow(add(num(1), exp(th)), num(2))));
      ctx.refutes("R1 (i) no: the categorical $\\det\\nabla^2\\psi$ is not constant (it differs from its value $1/4$ at $\\theta=0$)", dpsi, num("1/4"));
      // (ii): if log ψ'' − κψ were constant, its derivative would vanish at θ = 0 and at θ = log 3
      const L = sub(log(dpsi), mul(kappa, psi));
      const dL = diff(L, "theta1");
      ctx.identity("R1 (ii): $\\frac{d}{d\\theta}(\\log\\psi''-\\kappa\\psi)=1-(2+\\kappa)\\,e^\\theta/(1+e^\\theta)$ ($\\kappa$ symbolic)", dL, sub(num(1), mul(add(num(2), kappa), div(exp(th), add(num(1), exp(th))))));
      ctx.identity("R1 (ii): at $\\theta=0$ the derivative is $-\\kappa/2$, so MA-exp forces $\\kappa=0$", subs(dL, { theta1: 0 }), mul(num("-1/2"), kappa));
      const dL3 = sub(num(1), mul(add(num(2), kappa), num("3/4")));
      ctx.identity("R1 (ii): at $\\theta=\\log3$ ($e^\\theta/(1+e^\\theta)=3/4$) the derivative is $-\\frac12-\\frac34\\kappa$, which forces $\\kappa=-2/3$", dL3, sub(num("-1/2"), mul(num("3/4"), kappa)));
      ctx.refutes("R1 (ii) no: the two conditions $\\kappa=0$ and $\\kappa=-2/3$ are incompatible (at $\\kappa=0$ the derivative at $\\log3$ is $-1/2\\ne0$): no $\\kappa$ makes $\\psi''e^{-\\kappa\\psi}$ constant", subs(dL3, { kappa: 0 }), num(0));
      // the Gaussian covariance family ψ(K) = −½ log det K, p = 2, K = [[a, b], [b, c]]
      const [a, b, c] = [sym("a"), sym("b"), sym("c")];
      const D = sub(mul(a, c), mul(b, b));
      const dG = det(matrix(hessian(mul(num("-1/2"), log(D)), ["a", "b", "c"])));
      ctx.identity("R1, Gaussian covariance family $\\psi(K)=-\\frac12\\log\\det K$ on $\\mathrm{Sym}_2^{++}$: $\\det D_u^2\\psi=\\frac14(\\det K)^{-3}$", dG, div(num("1/4"), pow(D, num(3))), {
        verify: { domain: [{ expr: D, op: ">" }, { expr: a, op: ">" }] },
      });
      ctx.refutes("R1 (i) no for the Gaussian covariance family: $\\det D_u^2\\psi$ is not constant (compare with its value at $K=I$)", dG, subs(dG, { a: 1, b: 0, c: 1 }), {
        verify: { domain: [{ expr: D, op: ">" }, { expr: a, op: ">" }] },
      });
      const cat3 = mongeAmpereReadings(categoricalPotential(3), vecPoints(rng, 3, 8));
      reading(ctx, "R1 categorical n = 3", "i", cat3, "no");
      reading(ctx, "R1 categorical n = 3", "ii", cat3, "no");
      reading(ctx, "R1 categorical n = 3 (minimal family)", "iii", cat3, "yes");
      const gauss = mongeAmpereReadings(wishartPotential(2, 1), spdPoints(rng, 2, 6));
      reading(ctx, "R1 Gaussian covariance family (p = 2; it is MA-exp with $\\kappa=2(p+1)=6$)", "ii", gauss, "yes");
      reading(ctx, "R1 Gaussian covariance family", "iii", gauss, "yes");
    }

    // ---------------- R2 the Wishart cone with log φ or ψ_n
    {
      const d = maIdentitySymbolic(2, "real", "ut");
      const S = coneSymbols(2, "real", "ut");
      const dom = { verify: { domain: [{ expr: S.detX, op: ">" as const }] } };
      ctx.identity("R2 (ii) yes: $\\det D_u^2\\log\\phi=\\frac{27}{\\pi^2}\\phi^2=\\frac{27}{\\pi^2}e^{2\\log\\phi}$ on $\\mathrm{Sym}_2^{++}$ (MA-exp, $\\kappa=2$)", d.detHessian, mul(d.expected, exp(mul(num(2), d.logPhi))), dom);
      ctx.refutes("R2 (i) no: $\\det D_u^2\\log\\phi\\propto(\\det X)^{-3}$ is not constant", d.detHessian, subs(d.detHessian, { X11: 1, X12: 0, X22: 1 }), dom);
      const w = wishartMaExpSymbolic(2);
      ctx.identity("R2 (ii) yes for $\\psi_n=-\\frac n2\\log\\det\\Theta$: $\\det D_u^2\\psi_n=(\\frac n2)^32\\,e^{(6/n)\\psi_n}$ (n symbolic)", w.detHessian, w.predicted, {
        verify: { domain: [{ expr: S.detX, op: ">" }, { expr: sym("n"), op: ">" }] },
      });
      const r3 = mongeAmpereReadings(kvPotential(3, "ut"), spdPoints(rng, 3, 6));
      reading(ctx, "R2 $\\log\\phi$ on $\\mathrm{Sym}_3^{++}$", "i", r3, "no");
      reading(ctx, "R2 $\\log\\phi$ on $\\mathrm{Sym}_3^{++}$ (fitted $\\kappa=2$)", "ii", r3, "yes");
      reading(ctx, "R2 $\\log\\phi$ on $\\mathrm{Sym}_3^{++}$", "iii", r3, "yes");
    }

    // ---------------- R3 / R4 RG image cones and the pulled-back potential
    {
      for (const k of [1, 2, 3]) {
        const d = maIdentitySymbolic(k, "real", "ut");
        ctx.identity(`R3 (ii) yes: the image cone $\\mathrm{Sym}_${k}^{++}$ with its own $\\log\\phi_${k}$ is MA-exp(2) with $c_${k}=${String(d.expected).replace("pi", "\\pi")}$`, d.ratio, d.expected);
      }
      const img = mongeAmpereReadings(kvPotential(2, "ut"), spdPoints(rng, 2, 6));
      reading(ctx, "R3 image cone $\\mathrm{Sym}_2^{++}$", "i", img, "no");
      reading(ctx, "R3 image cone $\\mathrm{Sym}_2^{++}$", "iii", img, "yes");
      // R4, k < p, exact: p = 2, R = [1 2]: Ψ(u) = log φ_1(RXRᵀ) = −log(a + 4b + 4c)
      const [a, b, c] = [sym("X11"), sym("X12"), sym("X22")];
      const ell = add(a, mul(num(4), b), mul(num(4), c));
      const Psi = mul(num(-1), log(ell));
      const H = hessian(Psi, ["X11", "X12", "X22"]);
      ctx.identity("R4, $k<p$: $R=(1\\ 2)$ on $\\mathrm{Sym}_2$, $\\Psi=\\log\\phi_1(RXR^\\top)=-\\log(X_{11}+4X_{12}+4X_{22})$ has $\\det D_u^2\\Psi\\equiv0$", det(matrix(H)), num(0), {
        verify: { vars: ["X11", "X12", "X22"], domain: [{ expr: ell, op: ">" }] },
        justification: "$D^2\\Psi=\\nabla\\ell\\nabla\\ell^\\top/\\ell^2$ has rank $1=k(k+1)/2<N=3$",
      });
      for (let r = 0; r < 3; r++)
        ctx.identity(`R4, $k<p$: the direction $(4,-1,0)$ is in the kernel of $D_u^2\\Psi$ at every X (row ${r + 1})`, add(mul(num(4), H[r]![0]!), mul(num(-1), H[r]![1]!)), num(0), {
          verify: { vars: ["X11", "X12", "X22"], domain: [{ expr: ell, op: ">" }] },
        });
      const thin = mongeAmpereReadings(pullbackPotential(normalMatrix(rng, 2, 3)), spdPoints(rng, 3, 6));
      reading(ctx, "R4 $k=2<p=3$", "i", thin, "no");
      reading(ctx, "R4 $k=2<p=3$", "ii", thin, "no");
      reading(ctx, "R4 $k=2<p=3$ (convex but not strictly)", "iii", thin, "no");
      ctx.fact("R4 $k<p$: the pulled-back potential is still convex ($D^2\\Psi\\succeq0$ on the sample)", thin.iii.convex === true, thin.iii.detail);
      const sq = mongeAmpereReadings(pullbackPotential(normalMatrix(rng, 3, 3)), spdPoints(rng, 3, 6));
      reading(ctx, "R4 $k=p=3$ (invertible R)", "ii", sq, "yes");
      reading(ctx, "R4 $k=p=3$", "iii", sq, "yes");
    }

    // ---------------- R5 Bernoulli RBM free energy
    {
      const F = freeEnergyExpr("bernoulli", 1, 1);
      const x = add(sym("c1"), mul(sym("W11"), sym("v1")));
      const F2 = diff(diff(F, "v1"), "v1");
      ctx.identity("R5: Bernoulli RBM (d = m = 1, extended to $\\mathbb R$): $F''(v)=-W^2\\mathrm{sig}'(c+Wv)$", F2, mul(num(-1), pow(sym("W11"), num(2)), sigmoid(x), sub(num(1), sigmoid(x))));
      ctx.identity("R5 (iii) no: at $W=1$, $c=0$, $v=0$: $F''(0)=-1/4<0$", subs(F2, { W11: 1, c1: 0, v1: 0, a1: 0 }), num("-1/4"));
      const model = rbm({ W: [[1.2, -0.7, 0.3], [0.4, 0.9, -1.1]], a: [0.1, -0.2], c: [0.3, 0, -0.4] });
      const r = mongeAmpereReadings(freeEnergyPotential(model), vecPoints(rng, 2, 6));
      reading(ctx, "R5 Bernoulli RBM (d = 2, m = 3)", "i", r, "no");
      reading(ctx, "R5 Bernoulli RBM", "ii", r, "no");
      reading(ctx, "R5 Bernoulli RBM (F is concave)", "iii", r, "no");
      const neg = (m: RBM) => {
        const P = freeEnergyPotential(m);
        return potential("-F", P.dim, (v) => -P.value(v), (v) => {
          const Hm = P.hessian!(v);
          return { rows: Hm.rows, cols: Hm.cols, data: Hm.data.map((y) => -y) };
        });
      };
      reading(ctx, "R5: $-F$ for rank W = d = 2 is strictly convex", "iii", mongeAmpereReadings(neg(model), vecPoints(rng, 2, 6)), "yes");
      reading(ctx, "R5: $-F$ for rank W = 1 < d = 2 is not strictly convex", "iii", mongeAmpereReadings(neg(rbm({ W: [[1, 2], [2, 4]], a: [0, 0], c: [0, 0] })), vecPoints(rng, 2, 6)), "no");
    }
    // ---------------- R5' Gaussian–Bernoulli, R5'' Gaussian–Gaussian
    {
      const good = rbm({ kind: "gaussian-bernoulli", W: [[0.9, -0.5], [0.3, 0.8]], a: [0, 0.2], c: [0.1, -0.3] });
      const r = mongeAmpereReadings(freeEnergyPotential(good), vecPoints(rng, 2, 8));
      reading(ctx, "R5' Gaussian–Bernoulli, $\\|W\\|_2<2$", "i", r, "no");
      reading(ctx, "R5' Gaussian–Bernoulli, $\\|W\\|_2<2$", "ii", r, "no");
      reading(ctx, "R5' Gaussian–Bernoulli, $\\|W\\|_2<2$", "iii", r, "yes");
      const { model, v } = gbNonConvexExample(2, 6);
      reading(ctx, "R5' Gaussian–Bernoulli, $W=6I$ (counterexample at v = 0)", "iii", mongeAmpereReadings(freeEnergyPotential(model), [v, ...vecPoints(rng, 2, 4)]), "no");
      // R5'' exact: D²F = I − WWᵀ (symbols), constant
      const F = freeEnergyExpr("gaussian-gaussian", 2, 2);
      const S = rbmSymbols(2, 2);
      const Hs = hessian(F, ["v1", "v2"]);
      const WWt = (i: number, k: number): Expr => add(...[0, 1].map((j) => mul(S.W.get(i, j), S.W.get(k, j))));
      ctx.identity("R5'' (i) yes: $D^2F=I-WW^\\top$ does not depend on v, so $\\det D^2F=\\det(I-WW^\\top)$ is constant (entry (1,2), W symbolic)", Hs[0]![1]!, mul(num(-1), WWt(0, 1)));
      ctx.identity("R5'': entry (1,1)", Hs[0]![0]!, sub(num(1), WWt(0, 0)));
      const gg = rbm({ kind: "gaussian-gaussian", W: [[0.5, 0.2], [-0.1, 0.4]], a: [0.3, -0.2], c: [0.1, 0.5] });
      const rg = mongeAmpereReadings(freeEnergyPotential(gg), vecPoints(rng, 2, 6));
      reading(ctx, "R5'' Gaussian–Gaussian, $\\|W\\|_2<1$", "i", rg, "yes");
      reading(ctx, "R5'' Gaussian–Gaussian (det constant but F not: only $\\kappa=0$ fits)", "ii", rg, "no");
      reading(ctx, "R5'' Gaussian–Gaussian", "iii", rg, "yes");
      const lam = eigvalsh(freeEnergyPotential(gg).hessian!(Float64Array.from([0, 0])));
      ctx.fact("R5'': $I-WW^\\top\\succ0$ for $\\|W\\|_2<1$", lam[0]! > 0, `eigenvalues ${fmt(lam)}`);
    }
    // ---------------- R6 fully visible log-partition
    {
      ctx.identity("R6 with N = 1 unit is the categorical family with n = 1: $\\log Z=\\log(1+e^{b_1})$ (so (i), (ii) fail by R1)", bmLogPartitionExpr(1), log(add(num(1), exp(sym("b1")))));
      const r = mongeAmpereReadings(logPartitionPotential(2), vecPoints(rng, 3, 8, 1.5));
      reading(ctx, "R6 fully visible, n = 2 units (3 parameters)", "i", r, "no");
      reading(ctx, "R6 fully visible, n = 2", "ii", r, "no");
      reading(ctx, "R6 fully visible, n = 2 (minimal family: Fisher information $\\succ0$)", "iii", r, "yes");
    }
  },
};
