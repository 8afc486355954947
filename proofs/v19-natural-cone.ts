// V19: the natural cone P♮ = Herm⁺ and the Araki cones P^α of the matrix model (MATH §6.7), with the
// duality made precise: (P^α)^∨ = P^{1/2−α} for the complex pairing (⟨ξ, η⟩ real and ≥ 0), or for
// Re⟨·,·⟩ inside the real span ρ^{1/2−α} Herm_n ρ^α — not for Re⟨·,·⟩ on all of M_n(ℂ).
import { type Expr, HALF, I, Matrix, ONE, type SymbolicMatrix, ZERO, exp, matMul, mul, neg, num, sub, subs, sym, trace } from "../src/core/index.js";
import { type CMatrix, ctrace, cmatmul, cscale } from "../src/linalg/index.js";
import {
  arakiConeCoordinate,
  arakiConeElement,
  arakiDualWitness,
  arakiPairing,
  conjExpr,
  densityMatrix,
  hsInner,
  isInArakiCone,
  isInNaturalCone,
  maximallyMixed,
  modularOperator,
  naturalConeElement,
  naturalConeFromOperator,
  vectorRepresentative,
} from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, complexNormalMatrix } from "../src/random/index.js";
import {
  certify,
  complexSymbols,
  diagE,
  hermitianDefect,
  hermitianSymbols,
  matrixPairs,
  mulE,
  numericCertificate,
  randomDensity,
  randomHermitian,
  randomPsd,
  relDiff,
  star,
  symbolicState,
  unitaryBasis,
} from "./support/modular-symbolic.js";

const ALPHAS = [0, 0.1, 0.25, 0.4, 0.5];

export const v19: Proof = {
  id: "V19",
  title: "Natural cone and Araki cones",
  source: "MATH.md §6.7, §9 V19",
  statement:
    "For faithful $\\rho$ and $\\alpha\\in[0,\\tfrac12]$ let $P^\\alpha=\\{\\rho^\\alpha a\\rho^{1/2-\\alpha}:a\\succeq0\\}$. Then $P^\\natural=P^{1/4}=\\{\\rho^{1/4}a\\rho^{1/4}:a\\succeq0\\}=\\{a\\rho^{1/2}a^*:a\\in M_n(\\mathbb C)\\}=\\mathrm{Herm}_n^+$ for every $\\rho$; " +
    "$J$ fixes $P^\\natural$ pointwise, $JP^\\alpha=P^{1/2-\\alpha}$, $\\Delta^{it}P^\\alpha=P^\\alpha$; $\\langle\\rho^\\alpha a\\rho^{1/2-\\alpha},\\rho^{1/2-\\alpha}b\\rho^\\alpha\\rangle=\\operatorname{tr}(a\\rho^{1/2}b\\rho^{1/2})$. " +
    "Duality, corrected: with $(P^\\alpha)^\\vee:=\\{\\eta\\in M_n(\\mathbb C):\\langle\\xi,\\eta\\rangle\\in[0,\\infty)\\ \\forall\\xi\\in P^\\alpha\\}$ (the complex pairing must be real and non-negative), $(P^\\alpha)^\\vee=P^{1/2-\\alpha}$; " +
    "equivalently, the dual for $\\operatorname{Re}\\langle\\cdot,\\cdot\\rangle$ taken inside the real span $V_{1/2-\\alpha}=\\rho^{1/2-\\alpha}\\mathrm{Herm}_n\\rho^\\alpha$ (on which the pairing with $P^\\alpha$ is real) is $P^{1/2-\\alpha}$. " +
    "The literal MATH §6.7 duality for $\\operatorname{Re}\\langle\\cdot,\\cdot\\rangle$ on all of $M_n(\\mathbb C)$ is false: that dual contains $\\rho^{1/2-\\alpha}(ih)\\rho^\\alpha$ for every Hermitian $h$ (for $\\alpha=\\tfrac14$: $ih\\notin\\mathrm{Herm}_n^+$). " +
    "For $\\alpha\\ne\\tfrac14$ and $\\rho\\ne I/n$, $P^\\alpha$ has non-Hermitian elements.",
  hypotheses: [
    "$\\rho\\succ0$; exact steps: $\\rho=U\\operatorname{diag}(e^{\\ell_1},e^{\\ell_2})U^*$ with the general symbolic eigenbasis $U$ of V18, symbolic $\\alpha$, general Hermitian $a,b,h$ and complex $L,x$",
    "numeric steps: random density matrices of MATH §9 (n = 3, 4), $\\alpha\\in\\{0,0.1,0.25,0.4,0.5\\}$, tolerance $10^{-8}$",
  ],
  references: ["Araki, Pacific J. Math. 50 (1974) 309–354", "Connes, Ann. Inst. Fourier 24 (1974) 121–155", "Haagerup, Math. Scand. 37 (1975) 271–283"],
  run(ctx) {
    const st = symbolicState(unitaryBasis(2), ["l1", "l2"]);
    const alpha = sym("alpha");
    const P = (z: Expr) => st.power(z);
    const q = P(num("1/4")), qi = P(num("-1/4"));
    const L = complexSymbols("m", 2), x = complexSymbols("x", 2);
    const a = hermitianSymbols("a", 2), b = hermitianSymbols("b", 2), X = hermitianSymbols("X", 2);

    ctx.custom("$\\rho^{1/4}LL^*\\rho^{1/4}=(\\rho^{1/4}L)(\\rho^{1/4}L)^*$ and $x\\rho^{1/2}x^*=(x\\rho^{1/4})(x\\rho^{1/4})^*$: both forms of $P^\\natural$ lie in $\\mathrm{Herm}_n^+$", certify(() => [
      ...matrixPairs(mulE(q, L, star(L), q), matMul(matMul(q, L), star(matMul(q, L))), "rho^{1/4} LL* rho^{1/4}"),
      ...matrixPairs(mulE(x, P(HALF), star(x)), matMul(matMul(x, q), star(matMul(x, q))), "x rho^{1/2} x*"),
    ]), { justification: "Every $a\\succeq0$ is $LL^*$; a Gram matrix $YY^*$ is PSD; uses $(\\rho^{1/4})^*=\\rho^{1/4}$ exactly" });
    ctx.custom("Surjectivity onto $\\mathrm{Herm}_n^+$: $X=\\rho^{1/4}(\\rho^{-1/4}X\\rho^{-1/4})\\rho^{1/4}$, and the coordinate $\\rho^{-1/4}X\\rho^{-1/4}$ is Hermitian", certify(() => {
      const c = mulE(qi, X, qi);
      return [...matrixPairs(mulE(q, c, q), X, "reconstruction"), ...matrixPairs(star(c), c, "Hermitian coordinate")];
    }), { justification: "The coordinate is a congruence of $X$ by the invertible $\\rho^{-1/4}$, so it is PSD iff $X$ is: $P^\\natural=\\mathrm{Herm}_n^+$, whatever $\\rho$" });
    ctx.custom("$J$ fixes $P^\\natural$ pointwise, $J(\\rho^{1/4}a\\rho^{1/4})=\\rho^{1/4}a\\rho^{1/4}$, and $JP^\\alpha=P^{1/2-\\alpha}$: $J(\\rho^\\alpha a\\rho^{1/2-\\alpha})=\\rho^{1/2-\\alpha}a\\rho^\\alpha$ (Hermitian $a$, symbolic $\\alpha$)", certify(() => [
      ...matrixPairs(star(mulE(q, a, q)), mulE(q, a, q), "J on P natural"),
      ...matrixPairs(star(mulE(P(alpha), a, P(sub(HALF, alpha)))), mulE(P(sub(HALF, alpha)), a, P(alpha)), "J P^alpha"),
    ]));
    const t = sym("t");
    const Ut = P(mul(I, t)), Umt = P(neg(mul(I, t)));
    ctx.custom("$\\Delta^{it}P^\\alpha=P^\\alpha$: $\\rho^{it}(\\rho^\\alpha a\\rho^{1/2-\\alpha})\\rho^{-it}=\\rho^\\alpha(\\rho^{it}a\\rho^{-it})\\rho^{1/2-\\alpha}$ and $\\rho^{it}LL^*\\rho^{-it}=(\\rho^{it}L)(\\rho^{it}L)^*$", certify(() => [
      ...matrixPairs(mulE(Ut, P(alpha), a, P(sub(HALF, alpha)), Umt), mulE(P(alpha), Ut, a, Umt, P(sub(HALF, alpha))), "commutation"),
      ...matrixPairs(mulE(Ut, L, star(L), Umt), matMul(matMul(Ut, L), star(matMul(Ut, L))), "unitary congruence"),
    ]), { justification: "$(\\rho^{it})^*=\\rho^{-it}$ exactly, so $\\rho^{it}a\\rho^{-it}\\succeq0$ when $a\\succeq0$" });
    ctx.custom("The Araki pairing: $\\langle\\rho^\\alpha a\\rho^{1/2-\\alpha},\\rho^{1/2-\\alpha}b\\rho^\\alpha\\rangle=\\operatorname{tr}(a\\rho^{1/2}b\\rho^{1/2})=\\operatorname{tr}\\big((\\rho^{1/4}a\\rho^{1/4})(\\rho^{1/4}b\\rho^{1/4})\\big)$, symbolic $\\alpha$, Hermitian $a,b$", certify(() => {
      const lhs = trace(matMul(star(mulE(P(alpha), a, P(sub(HALF, alpha)))), mulE(P(sub(HALF, alpha)), b, P(alpha))));
      const mid = trace(mulE(a, P(HALF), b, P(HALF)));
      return [[lhs, mid, "pairing"], [mid, trace(matMul(mulE(q, a, q), mulE(q, b, q))), "natural-cone form"]] as const;
    }), { justification: "For $a,b\\succeq0$ the right side is $\\ge0$ by V17: $P^{1/2-\\alpha}\\subseteq(P^\\alpha)^\\vee$" });

    const rng = new Rng(19);
    const rhos = [3, 4].map((n) => densityMatrix(randomDensity(rng, n)));
    ctx.custom("Numerically (arakiPairing): inner product = trace form, real and $\\ge0$ for random $a,b\\succeq0$, all $\\alpha$ of the grid, n = 3, 4", (): StepCertificate => {
      let worst = 0, minRe = Infinity;
      for (const r of rhos)
        for (const al of ALPHAS)
          for (let k = 0; k < 3; k++) {
            const { inner, trace: tr } = arakiPairing(r, al, randomPsd(rng, r.n), randomPsd(rng, r.n, 1 + k));
            const s = Math.max(1, Math.abs(tr.re));
            worst = Math.max(worst, Math.hypot(inner.re - tr.re, inner.im - tr.im) / s, Math.abs(inner.im) / s);
            minRe = Math.min(minRe, inner.re);
          }
      if (!(minRe >= 0)) return { kind: "refuted", detail: `negative pairing ${minRe}` };
      return numericCertificate(worst, 1e-8, `30 pairs (min real part ${minRe.toExponential(2)} >= 0)`);
    });
    ctx.custom("Numerically (arakiDualWitness): for $\\eta\\in P^{1/2-\\alpha}$ no witness; for $\\eta\\notin P^{1/2-\\alpha}$ a witness $\\xi\\in P^\\alpha$ with $\\langle\\xi,\\eta\\rangle<0$ (indefinite coordinate) or $\\notin\\mathbb R$ (non-Hermitian coordinate): $(P^\\alpha)^\\vee\\subseteq P^{1/2-\\alpha}$", (): StepCertificate => {
      let checked = 0, worst = 0;
      for (const r of rhos)
        for (const al of ALPHAS) {
          const inside = arakiConeElement(r, 0.5 - al, randomPsd(rng, r.n));
          if (arakiDualWitness(r, al, inside) !== null) return { kind: "refuted", detail: `a witness against an element of P^(1/2-alpha), alpha = ${al}` };
          for (const kind of ["indefinite", "non-Hermitian"] as const) {
            const bco = kind === "indefinite" ? randomHermitian(rng, r.n) : complexNormalMatrix(rng, r.n);
            const eta = arakiConeElement(r, 0.5 - al, bco);
            const w = arakiDualWitness(r, al, eta);
            if (w === null) return { kind: "refuted", detail: `no witness for an ${kind} coordinate, alpha = ${al}` };
            if (!isInArakiCone(r, al, w.xi, 1e-8)) return { kind: "refuted", detail: `witness not in P^alpha, alpha = ${al}` };
            const p = hsInner(w.xi, eta);
            worst = Math.max(worst, Math.hypot(p.re - w.pairing.re, p.im - w.pairing.im) / Math.max(1, Math.hypot(p.re, p.im)));
            const bad = kind === "indefinite" ? p.re < 0 : Math.abs(p.im) > 1e-8 * Math.max(1, Math.abs(p.re));
            if (!bad) return { kind: "refuted", detail: `the witness pairing ${p.re} + ${p.im}i is not ${kind === "indefinite" ? "negative" : "non-real"}` };
            checked++;
          }
        }
      return numericCertificate(worst, 1e-8, `${checked} elements outside the cone each separated by a witness; witness pairings recomputed with hsInner`);
    });

    // the literal Re-duality on all of M_n(C) fails
    const h = hermitianSymbols("h", 2);
    ctx.custom(
      "MATH §6.7 literally (dual for $\\operatorname{Re}\\langle\\cdot,\\cdot\\rangle$ on all of $M_n(\\mathbb C)$) fails: $\\eta=\\rho^{1/2-\\alpha}(ih)\\rho^\\alpha$, $h=h^*\\ne0$, has $\\operatorname{Re}\\langle\\xi,\\eta\\rangle=0$ for every $\\xi\\in P^\\alpha$ but $\\eta\\notin P^{1/2-\\alpha}$",
      (): StepCertificate => {
        const pair = trace(matMul(star(mulE(P(alpha), a, P(sub(HALF, alpha)))), mulE(P(sub(HALF, alpha)), scale(h, I), P(alpha))));
        const tr = trace(mulE(a, P(HALF), h, P(HALF)));
        const c = certify(() => [
          [pair, mul(I, tr), "<xi, eta> = i tr(a rho^{1/2} h rho^{1/2})"],
          [conjExpr(tr), tr, "tr(a rho^{1/2} h rho^{1/2}) is real"],
          [star(scale(h, I)).get(0, 1), neg(mul(I, h.get(0, 1))), "(ih)* = -ih"],
        ])();
        if (c.kind !== "proved/exact" && c.kind !== "proved/probabilistic") return { kind: "refuted", detail: `the counterexample did not verify: ${c.detail}` };
        return {
          kind: "counterexample",
          method: "exact",
          detail: "for Hermitian a and h, <rho^a a rho^(1/2-a), rho^(1/2-a)(ih)rho^a> = i tr(a rho^(1/2) h rho^(1/2)) with a real trace (exact, symbolic alpha and eigenbasis), so its real part vanishes on all of P^alpha; the coordinate ih of eta is anti-Hermitian, so eta is not in P^(1/2-alpha) for h != 0",
        };
      },
      { expect: "fails", justification: "So that Re-dual is $\\{\\rho^{1/2-\\alpha}b\\rho^\\alpha:\\ b+b^*\\succeq0\\}\\supsetneq P^{1/2-\\alpha}$; for $\\alpha=\\tfrac14$ it is $\\mathrm{Herm}_n^+\\oplus i\\,\\mathrm{Herm}_n$" },
    );
    ctx.custom("Numerically: $\\eta=\\rho^{1/2-\\alpha}(ih)\\rho^\\alpha$ for a random Hermitian $h$ has $|\\operatorname{Re}\\langle\\xi,\\eta\\rangle|\\le10^{-12}$ on 20 random $\\xi\\in P^\\alpha$, is not in $P^{1/2-\\alpha}$, and arakiDualWitness (complex pairing) separates it", (): StepCertificate => {
      const r = rhos[1]!;
      let worst = 0;
      for (const al of ALPHAS) {
        const ih = cscale(randomHermitian(rng, r.n), 0, 1);
        const eta = arakiConeElement(r, 0.5 - al, ih);
        if (isInArakiCone(r, 0.5 - al, eta)) return { kind: "refuted", detail: "eta is in the cone" };
        if (arakiDualWitness(r, al, eta) === null) return { kind: "refuted", detail: "no witness for eta" };
        for (let k = 0; k < 4; k++) {
          const xi = arakiConeElement(r, al, randomPsd(rng, r.n));
          const p = hsInner(xi, eta);
          worst = Math.max(worst, Math.abs(p.re) / Math.max(1, Math.abs(p.im)));
        }
      }
      return numericCertificate(worst, 1e-12, "|Re<xi, eta>| / max(1, |Im<xi, eta>|)");
    }, { justification: "The Re-dual on all of $M_n(\\mathbb C)$ is strictly larger; the complex pairing detects $\\eta$" });

    // non-Hermitian elements for α ≠ 1/4
    const pw = (z: Expr) => diagE([exp(mul(z, sym("l1"))), exp(mul(z, sym("l2")))]);
    const ones = new Matrix<Expr>([[ONE, ONE], [ONE, ONE]]);
    const elem = (al: Expr) => mulE(pw(al), ones, pw(sub(HALF, al)));
    for (const al of [ZERO, num("1/8"), HALF]) {
      const e = elem(al);
      ctx.refutes(`$\\alpha=${al.toString()}$, $\\rho=\\operatorname{diag}(e^{\\ell_1},e^{\\ell_2})$, $a=\\begin{pmatrix}1&1\\\\1&1\\end{pmatrix}\\succeq0$: $\\xi=\\rho^\\alpha a\\rho^{1/2-\\alpha}$ is not Hermitian, $\\xi_{12}\\ne\\overline{\\xi_{21}}$`, e.get(0, 1), conjExpr(e.get(1, 0)), {
        display: { kind: "identity", lhs: e.get(0, 1), rhs: conjExpr(e.get(1, 0)) },
        justification: "$\\xi_{12}/\\xi_{21}=e^{(2\\alpha-1/2)(\\ell_1-\\ell_2)}\\ne1$ unless $\\alpha=\\tfrac14$ or $\\ell_1=\\ell_2$",
      });
    }
    ctx.custom("And it is Hermitian when $\\alpha=\\tfrac14$ (symbolic $\\ell_k$) or $\\rho=I/n$ ($\\ell_1=\\ell_2$, symbolic $\\alpha$)", certify(() => {
      const e = elem(num("1/4"));
      const f = elem(alpha).map((v) => subs(v, { l2: sym("l1") }));
      return [[e.get(0, 1), conjExpr(e.get(1, 0)), "alpha = 1/4"], [f.get(0, 1), conjExpr(f.get(1, 0)), "l1 = l2"]] as const;
    }));
    ctx.custom("Numerically: the Hermiticity defect of $\\rho^\\alpha a\\rho^{1/2-\\alpha}$ is $O(1)$ for $\\alpha\\ne\\tfrac14$ and zero for $\\alpha=\\tfrac14$ or $\\rho=I/n$ (n = 4, random $a\\succeq0$)", (): StepCertificate => {
      const r = rhos[1]!;
      const A = randomPsd(rng, 4);
      let minOff = Infinity, maxOn = 0;
      for (const al of ALPHAS) {
        const d = hermitianDefect(arakiConeElement(r, al, A));
        if (al === 0.25) maxOn = Math.max(maxOn, d);
        else minOff = Math.min(minOff, d);
        maxOn = Math.max(maxOn, hermitianDefect(arakiConeElement(maximallyMixed(4), al, A)));
      }
      if (!(minOff > 1e-3)) return { kind: "refuted", detail: `a Hermitian element for alpha != 1/4: defect ${minOff}` };
      return numericCertificate(maxOn, 1e-12, `defect >= ${minOff.toExponential(2)} for alpha != 1/4; on the Hermitian cases`);
    });
    const Xh = randomHermitian(rng, 4);
    ctx.numericFails("$\\Delta^s$, real $s\\ne0$, does not preserve Hermiticity: $\\rho^{1/2}X\\rho^{-1/2}$ for a random Hermitian $X$ (n = 4)", hermitianDefect(modularOperator(rhos[1]!, Xh, 0.5)), 0, 1e-3);

    // P natural = Herm+ numerically, and vector representatives
    ctx.custom("Numerically: random $X\\succeq0$ (full and low rank) has a PSD coordinate $\\rho^{-1/4}X\\rho^{-1/4}$ that maps back to $X$; $\\rho^{1/4}a\\rho^{1/4}$ and $a\\rho^{1/2}a^*$ are PSD (n = 3, 4)", (): StepCertificate => {
      let worst = 0;
      for (const r of rhos)
        for (let k = 1; k <= r.n; k++) {
          const Xp = randomPsd(rng, r.n, k);
          const c = arakiConeCoordinate(r, 0.25, Xp);
          if (!isInNaturalCone(c, 1e-9)) return { kind: "refuted", detail: "PSD matrix with a non-PSD coordinate" };
          worst = Math.max(worst, relDiff(naturalConeElement(r, c), Xp));
          if (!isInNaturalCone(naturalConeElement(r, randomPsd(rng, r.n, k)), 1e-9)) return { kind: "refuted", detail: "rho^(1/4) a rho^(1/4) not PSD" };
          if (!isInNaturalCone(naturalConeFromOperator(r, complexNormalMatrix(rng, r.n)), 1e-9)) return { kind: "refuted", detail: "a rho^(1/2) a* not PSD" };
        }
      return numericCertificate(worst, 1e-8, "7 reconstructions");
    });
    const half = P(HALF);
    ctx.custom("The vector representative: $\\langle\\rho^{1/2},x\\rho^{1/2}\\rangle=\\operatorname{tr}(\\rho x)$ (exact), and numerically $\\omega_\\tau(x)=\\langle\\tau^{1/2},x\\tau^{1/2}\\rangle$ with $\\tau^{1/2}\\in P^\\natural$ for a singular $\\tau$ (rank 2, n = 4)", (): StepCertificate => {
      const c = certify(() => [[trace(matMul(star(half), matMul(x, half))), trace(matMul(st.rho, x)), "<rho^{1/2}, x rho^{1/2}>"]] as const)();
      if (c.kind !== "proved/exact") return c;
      const tau = randomPsd(rng, 4, 2);
      const tr = ctrace(tau as CMatrix).re;
      const tauN = cscale(tau, 1 / tr);
      const v = vectorRepresentative(tauN);
      const xs = complexNormalMatrix(rng, 4);
      const lhs = hsInner(v, cmatmul(xs, v)), rhs = ctrace(cmatmul(tauN, xs));
      const err = Math.hypot(lhs.re - rhs.re, lhs.im - rhs.im);
      if (!isInNaturalCone(v, 1e-9)) return { kind: "refuted", detail: "tau^(1/2) not in P natural" };
      return err <= 1e-8 ? { kind: "checked/numeric", error: err, tolerance: 1e-8, detail: `exact identity proved; singular tau: |omega_tau(x) - <tau^(1/2), x tau^(1/2)>| = ${err.toExponential(2)}` } : { kind: "refuted", detail: `error ${err}` };
    });
  },
};

function scale(A: SymbolicMatrix, c: Expr): SymbolicMatrix {
  return A.map((v) => mul(c, v));
}
