// V21: relative entropy (MATH §1.9, §6.6, §6.8): Araki = Umegaki, the cocycle derivative, positivity
// (Klein, Pinsker), joint convexity, monotonicity under partial traces and CPTP maps, the qubit closed
// form, and the Gaussian KL as the Bregman divergence D_ψ(K₂, K₁), in that order (the swapped order fails).
import { type Expr, HALF, I, PI, type SymbolicMatrix, add, det, diff, div, evaluate, inverse, log, matMul, mul, neg, num, sub, subs, sym, symmetricMatrixSymbols, trace, vech } from "../src/core/index.js";
import { type CMatrix, type Matrix as NumMatrix, cadd, cmatmul, csub, cscale, eigvalsh, inverse as numInverse, toComplex } from "../src/linalg/index.js";
import {
  applyKraus,
  arakiRelativeEntropy,
  connesCocycle,
  densityFromBloch,
  densityMatrix,
  krausDefect,
  krausFromIsometry,
  partialTrace,
  qubitModular,
  relativeEntropy,
  spectralGenerator,
} from "../src/modular/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, randomUnitary } from "../src/random/index.js";
import { gaussianKl, gaussianKlExpr } from "../src/wishart/index.js";
import {
  addE,
  certify,
  complexSymbols,
  matrixPairs,
  mulE,
  numericCertificate,
  qubitEigen,
  qubitProjectors,
  qubitRewriter,
  randomDensity,
  randomPsd,
  scaleE,
  star,
  subE,
  symbolicState,
  unitaryBasis,
} from "./support/modular-symbolic.js";
import { qubitLemmas } from "./v20-modular-flow-kms.js";

/** ψ(K) = −½ log det K + (d/2) log 2π: the log-partition of N(0, K⁻¹) in the natural parameter K (precision). */
function psiOf(K: SymbolicMatrix): Expr {
  const d = K.rows;
  return add(mul(num("-1/2"), log(det(K))), mul(num(`${d}/2`), log(mul(num(2), PI))));
}

/** D_ψ(θ', θ) = ψ(θ') − ψ(θ) − ⟨∇ψ(θ), θ' − θ⟩ in the linear UT coordinates u = vech K. */
function bregman(Kp: SymbolicMatrix, K: SymbolicMatrix): Expr {
  const u = vech(K).map((e) => (e as { name: string }).name);
  const up = vech(Kp);
  const psi = psiOf(K);
  const grad = u.map((name) => diff(psi, name));
  return add(psiOf(Kp), neg(psi), neg(add(...grad.map((g, k) => mul(g, sub(up[k]!, sym(u[k]!)))))));
}

function traceNorm(A: CMatrix): number {
  return [...eigvalsh(A)].reduce((s, v) => s + Math.abs(v), 0);
}

function asComplex(A: NumMatrix | CMatrix): CMatrix {
  return "re" in A ? A : toComplex(A);
}

export const v21: Proof = {
  id: "V21",
  title: "Relative entropy: Araki, Umegaki, monotonicity, qubit and Gaussian forms",
  source: "MATH.md §1.9, §6.6, §6.8, §6.9, §9 V21",
  statement:
    "For faithful $\\rho,\\sigma$: $S(\\rho\\|\\sigma)=-\\langle\\rho^{1/2},\\log\\Delta_{\\sigma,\\rho}\\rho^{1/2}\\rangle=\\operatorname{tr}\\rho(\\log\\rho-\\log\\sigma)=i\\frac{d}{dt}\\omega_\\rho((D\\sigma:D\\rho)_t)\\big|_{t=0}$, with $\\Delta_{\\sigma,\\rho}\\xi=\\sigma\\xi\\rho^{-1}$ and $S_{\\sigma,\\rho}(x\\rho^{1/2})=x^*\\sigma^{1/2}$; " +
    "$S\\ge\\tfrac12\\|\\rho-\\sigma\\|_1^2\\ge0$ (so $S=0$ iff $\\rho=\\sigma$); $S$ is jointly convex and decreases under partial traces and CPTP maps; $S=+\\infty$ unless $\\operatorname{supp}\\rho\\subseteq\\operatorname{supp}\\sigma$. " +
    "Qubits: $S(\\rho\\|\\sigma)=\\tfrac12\\log\\frac{1-r^2}{1-s^2}+r\\operatorname{artanh}r-(\\vec r\\cdot\\vec s)\\frac{\\operatorname{artanh}s}s$. " +
    "Gaussians $p_K=N(0,K^{-1})$ in the natural parameter $K$ with $\\psi(K)=-\\tfrac12\\log\\det K+\\tfrac d2\\log2\\pi$: $\\mathrm{KL}(p_{K_1}\\|p_{K_2})=D_\\psi(K_2,K_1)$, and not $D_\\psi(K_1,K_2)$.",
  hypotheses: [
    "argument orders of MATH §1.9: the expectation under the first argument of KL; $D_\\psi(\\theta',\\theta)=\\psi(\\theta')-\\psi(\\theta)-\\langle\\nabla\\psi(\\theta),\\theta'-\\theta\\rangle$",
    "exact steps: $\\rho=U\\operatorname{diag}(e^{\\ell_k})U^*$, $\\sigma=V\\operatorname{diag}(e^{m_k})V^*$ with general symbolic eigenbases ($n=2$); symbolic Bloch vectors; symbolic $K_1,K_2\\in\\mathrm{Sym}_d$, $d=2,3$",
    "numeric steps: random states of MATH §9, n = 2..6, tolerance $10^{-8}$; finite differences $10^{-5}$",
  ],
  references: ["Umegaki, Kodai Math. Sem. Rep. 14 (1962) 59–85", "Araki, Publ. RIMS 11 (1976) 809–833", "Lindblad, Commun. Math. Phys. 40 (1975) 147–151", "Amari–Nagaoka (2000), §3.5"],
  run(ctx) {
    const rho = symbolicState(unitaryBasis(2), ["l1", "l2"]);
    const sig = symbolicState(unitaryBasis(2, "v"), ["m1", "m2"]);
    const gr = spectralGenerator(rho.eigenvalues, rho.U), gs = spectralGenerator(sig.eigenvalues, sig.U);
    const umegaki = trace(matMul(rho.rho, subE(gr.logDensity, gs.logDensity)));
    const om = rho.power(HALF);
    ctx.custom("Relative Tomita operator: $J\\Delta_{\\sigma,\\rho}^{1/2}(x\\rho^{1/2})=x^*\\sigma^{1/2}$ with $\\Delta_{\\sigma,\\rho}^{1/2}\\xi=\\sigma^{1/2}\\xi\\rho^{-1/2}$ (general $x$)", certify(() => {
      const x = complexSymbols("x", 2);
      return matrixPairs(star(mulE(sig.power(HALF), x, om, rho.power(neg(HALF)))), matMul(star(x), sig.power(HALF)));
    }));
    ctx.custom("Araki = Umegaki: $-\\langle\\rho^{1/2},(\\log\\sigma)\\rho^{1/2}-\\rho^{1/2}\\log\\rho\\rangle=\\operatorname{tr}\\rho(\\log\\rho-\\log\\sigma)$ (two general eigenbases)", certify(() => [
      [neg(trace(matMul(star(om), subE(matMul(gs.logDensity, om), matMul(om, gr.logDensity))))), umegaki, "Araki"],
    ]), { justification: "$\\log\\Delta_{\\sigma,\\rho}\\xi=(\\log\\sigma)\\xi-\\xi\\log\\rho$; the argument order of MATH §6.6" });
    const t = sym("t");
    ctx.custom("$S(\\rho\\|\\sigma)=i\\frac{d}{dt}\\omega_\\rho(u_t)\\big|_{t=0}$ with $u_t=\\sigma^{it}\\rho^{-it}$", certify(() => {
      const u = matMul(sig.power(mul(I, t)), rho.power(neg(mul(I, t))));
      return [[subs(mul(I, diff(trace(matMul(rho.rho, u)), "t")), { t: 0 }), umegaki, "derivative"]] as const;
    }));

    const rng = new Rng(21);
    const pairs = [2, 3, 4, 5, 6].map((n) => [densityMatrix(randomDensity(rng, n)), densityMatrix(randomDensity(rng, n))] as const);
    ctx.custom("Numerically: arakiRelativeEntropy = relativeEntropy (Umegaki), n = 2..6", (): StepCertificate => {
      let worst = 0;
      for (const [r, s] of pairs) worst = Math.max(worst, Math.abs(arakiRelativeEntropy(r, s) - relativeEntropy(r, s)) / Math.max(1, relativeEntropy(r, s)));
      return numericCertificate(worst, 1e-8, "five random pairs");
    });
    ctx.custom("Finite differences: $i\\,[\\omega_\\rho(u_h)-\\omega_\\rho(u_{-h})]/(2h)$, $h=10^{-4}$, against $S(\\rho\\|\\sigma)$, n = 3, 4, 5", (): StepCertificate => {
      let worst = 0;
      const h = 1e-4;
      for (const [r, s] of pairs.slice(1, 4)) {
        const om2 = (tt: number) => {
          const U = connesCocycle(s, r, tt);
          const P = cmatmul(asComplex(r.matrix), U);
          let re = 0, im = 0;
          for (let k = 0; k < r.n; k++) {
            re += P.re[k * r.n + k]!;
            im += P.im[k * r.n + k]!;
          }
          return { re, im };
        };
        const a = om2(h), b = om2(-h);
        // i (a − b)/(2h): real part −(Im a − Im b)/(2h)
        const fd = -(a.im - b.im) / (2 * h);
        const S = relativeEntropy(r, s);
        worst = Math.max(worst, Math.abs(fd - S) / Math.max(1, S));
      }
      return numericCertificate(worst, 1e-5, "central differences");
    });
    ctx.custom("Klein and Pinsker: $S(\\rho\\|\\sigma)\\ge\\tfrac12\\|\\rho-\\sigma\\|_1^2>0$ for $\\rho\\ne\\sigma$, and $S(\\rho\\|\\rho)=0$, on 40 random pairs, n = 2..6", (): StepCertificate => {
      let minGap = Infinity, self = 0;
      for (let k = 0; k < 40; k++) {
        const n = 2 + (k % 5);
        const r = densityMatrix(randomDensity(rng, n)), s = densityMatrix(randomDensity(rng, n));
        const S = relativeEntropy(r, s);
        const d = traceNorm(csub(asComplex(r.matrix), asComplex(s.matrix)));
        minGap = Math.min(minGap, S - 0.5 * d * d);
        self = Math.max(self, Math.abs(relativeEntropy(r, r)));
      }
      if (!(minGap >= 0)) return { kind: "refuted", detail: `Pinsker violated: S - |rho - sigma|_1^2/2 = ${minGap}` };
      return numericCertificate(self, 1e-12, `min over pairs of S - |rho - sigma|_1^2/2 = ${minGap.toExponential(2)} >= 0; |S(rho||rho)|`);
    });
    ctx.custom("Joint convexity: $S(\\lambda\\rho_1+(1-\\lambda)\\rho_2\\|\\lambda\\sigma_1+(1-\\lambda)\\sigma_2)\\le\\lambda S(\\rho_1\\|\\sigma_1)+(1-\\lambda)S(\\rho_2\\|\\sigma_2)$ on 30 random mixtures", (): StepCertificate => {
      let minGap = Infinity;
      for (let k = 0; k < 30; k++) {
        const n = 2 + (k % 4), lam = rng.random();
        const [r1, r2, s1, s2] = [0, 1, 2, 3].map(() => asComplex(randomDensity(rng, n)));
        const mix = (a: CMatrix, b: CMatrix) => cadd(cscale(a, lam), cscale(b, 1 - lam));
        const lhs = relativeEntropy(mix(r1!, r2!), mix(s1!, s2!));
        const rhs = lam * relativeEntropy(r1!, s1!) + (1 - lam) * relativeEntropy(r2!, s2!);
        minGap = Math.min(minGap, rhs - lhs);
      }
      return minGap >= -1e-12 ? { kind: "checked/numeric", error: Math.max(0, -minGap), tolerance: 1e-12, detail: `min gap ${minGap.toExponential(2)}` } : { kind: "refuted", detail: `convexity violated by ${minGap}` };
    });
    ctx.custom("Monotonicity: $S(\\operatorname{tr}_B\\rho\\|\\operatorname{tr}_B\\sigma)\\le S(\\rho\\|\\sigma)$ on $\\mathbb C^2\\otimes\\mathbb C^3$, and $S(\\Phi\\rho\\|\\Phi\\sigma)\\le S(\\rho\\|\\sigma)$ for random CPTP $\\Phi$ (Kraus operators of a random isometry $\\mathbb C^3\\to\\mathbb C^2\\otimes\\mathbb C^3$)", (): StepCertificate => {
      let minGap = Infinity, tp = 0;
      for (let k = 0; k < 12; k++) {
        const r = randomDensity(rng, 6), s = randomDensity(rng, 6);
        minGap = Math.min(minGap, relativeEntropy(r, s) - relativeEntropy(partialTrace(r, [2, 3], "A"), partialTrace(s, [2, 3], "A")));
        const W = randomUnitary(rng, 6);
        const V: CMatrix = { rows: 6, cols: 3, re: new Float64Array(18), im: new Float64Array(18) };
        for (let i = 0; i < 6; i++)
          for (let j = 0; j < 3; j++) {
            V.re[i * 3 + j] = W.re[i * 6 + j]!;
            V.im[i * 3 + j] = W.im[i * 6 + j]!;
          }
        const K = krausFromIsometry(V, 2);
        tp = Math.max(tp, krausDefect(K));
        const r3 = randomDensity(rng, 3), s3 = randomDensity(rng, 3);
        minGap = Math.min(minGap, relativeEntropy(r3, s3) - relativeEntropy(applyKraus(K, r3), applyKraus(K, s3)));
      }
      if (!(minGap >= -1e-12)) return { kind: "refuted", detail: `monotonicity violated by ${minGap}` };
      return numericCertificate(tp, 1e-12, `12 partial traces and 12 random channels: min decrease ${minGap.toExponential(2)} >= 0; trace preservation sum K*K = I`);
    });
    {
      const pure = asComplex(randomPsd(rng, 3, 1));
      let tr = 0;
      for (let i = 0; i < 3; i++) tr += pure.re[i * 4]!;
      const r = cscale(pure, 1 / tr);
      const s = cscale(asComplex(randomPsd(rng, 3, 2)), 1);
      let ts = 0;
      for (let i = 0; i < 3; i++) ts += s.re[i * 4]!;
      ctx.fact("Support: $S(\\rho\\|\\sigma)=+\\infty$ for a pure $\\rho$ not in the support of a rank-2 $\\sigma$, and finite for $\\sigma$ faithful", relativeEntropy(r, cscale(s, 1 / ts)) === Infinity && Number.isFinite(relativeEntropy(r, randomDensity(rng, 3))), "relativeEntropy returns Infinity, then a finite value");
    }

    // qubit closed form
    qubitLemmas(ctx);
    {
      const qr = qubitModular(["rx", "ry", "rz"]), qs = qubitModular(["sx", "sy", "sz"]);
      const rw = qubitRewriter([qr.r, qs.r]);
      const er = qubitEigen(qr.r), es = qubitEigen(qs.r);
      const Pr = qubitProjectors(qr.bloch, qr.r), Ps = qubitProjectors(qs.bloch, qs.r);
      const logR = addE(scaleE(Pr.plus, log(er.plus)), scaleE(Pr.minus, log(er.minus)));
      const logS = addE(scaleE(Ps.plus, log(es.plus)), scaleE(Ps.minus, log(es.minus)));
      const spectral = trace(matMul(qr.rho, subE(logR, logS)));
      ctx.show("The module's qubit closed form (qubitModular)", qr.relativeEntropy(qs.bloch), "S(\\rho\\|\\sigma)");
      ctx.custom("Qubit closed form (module's relativeEntropy): $\\tfrac12\\log\\frac{1-r^2}{1-s^2}+r\\operatorname{artanh}r-(\\vec r\\cdot\\vec s)\\frac{\\operatorname{artanh}s}s=\\operatorname{tr}\\rho(\\log\\rho-\\log\\sigma)$ with the spectral logarithms, symbolic $\\vec r,\\vec s$", certify(() => [
        [mul(er.plus, er.minus), div(sub(num(1), mul(qr.r, qr.r)), num(4)), "L instance: p+ p- = (1 - r^2)/4"],
        [mul(es.plus, es.minus), div(sub(num(1), mul(qs.r, qs.r)), num(4)), "L instance: q+ q- = (1 - s^2)/4"],
        [mul(qr.r, qs.r, rw(qr.relativeEntropy(qs.bloch))), mul(qr.r, qs.r, spectral), "closed form, times r s"],
      ]), { justification: "After the rewrites of lemmas (T) and (L); $\\log\\rho=\\log p_+P_++\\log p_-P_-$ (V20 (b)); both sides multiplied by $rs>0$, which clears the radicals from the denominators (the core reduces $r^2=r_x^2+r_y^2+r_z^2$ in numerators)" });
      ctx.custom("Numerically: the closed form against relativeEntropy at random Bloch vectors", (): StepCertificate => {
        let worst = 0;
        for (let k = 0; k < 6; k++) {
          const r3 = [0, 1, 2].map(() => rng.random() - 0.5) as [number, number, number];
          const s3 = [0, 1, 2].map(() => rng.random() - 0.5) as [number, number, number];
          const v = evaluateAt(qr.relativeEntropy(qs.bloch), { rx: r3[0], ry: r3[1], rz: r3[2], sx: s3[0], sy: s3[1], sz: s3[2] });
          const w = relativeEntropy(densityFromBloch(r3), densityFromBloch(s3));
          worst = Math.max(worst, Math.abs(v - w) / Math.max(1, w));
        }
        return numericCertificate(worst, 1e-10, "6 random pairs");
      });
    }

    // Gaussian KL as a Bregman divergence
    ctx.show("The Gaussian KL of the module (matrix notation)", gaussianKlExpr(2), "\\mathrm{KL}(N(0,\\Sigma_1)\\|N(0,\\Sigma_2))");
    for (const d of [2, 3]) {
      const K1 = symmetricMatrixSymbols("a", d), K2 = symmetricMatrixSymbols("b", d);
      const S1 = inverse(K1);
      // KL(p1‖p2) = E_1[log p1 − log p2] = ½ tr((K2 − K1) Σ1) − ψ(K1) + ψ(K2), E_1[xxᵀ] = Σ1 = K1⁻¹
      const kl = add(mul(HALF, trace(matMul(subE(K2, K1), S1))), neg(psiOf(K1)), psiOf(K2));
      ctx.identity(`$d=${d}$: $\\mathrm{KL}(p_{K_1}\\|p_{K_2})=\\tfrac12\\operatorname{tr}((K_2-K_1)K_1^{-1})+\\psi(K_2)-\\psi(K_1)=D_\\psi(K_2,K_1)$`, kl, bregman(K2, K1), {
        display: { kind: "none" },
        justification: "$\\log p_K(x)=-\\tfrac12x^\\top Kx-\\psi(K)$ and $\\mathbb E_{p_{K_1}}xx^\\top=K_1^{-1}$; $\\nabla\\psi$ in the linear coordinates $\\mathrm{vech}\\,K$ (exact, $\\log\\det K_1$ and $\\log\\det K_2$ as atoms)",
      });
      if (d === 2) {
        const posDef = (K: SymbolicMatrix) => [{ expr: K.get(0, 0), op: ">" as const }, { expr: det(K), op: ">" as const }];
        ctx.refutes("$d=2$: the swapped order fails, $\\mathrm{KL}(p_{K_1}\\|p_{K_2})\\ne D_\\psi(K_1,K_2)$", kl, bregman(K1, K2), {
          display: { kind: "none" },
          verify: { domain: [...posDef(K1), ...posDef(K2)] },
          justification: "A counterexample point with $K_1,K_2\\succ0$",
        });
      }
    }
    ctx.custom("Numerically: $D_\\psi(K_2,K_1)$ at $K_i=\\Sigma_i^{-1}$ equals the module's gaussianKl$(\\Sigma_1,\\Sigma_2)$ (wishart), random SPD, d = 2, 3", (): StepCertificate => {
      let worst = 0;
      for (const d of [2, 3]) {
        const K1 = symmetricMatrixSymbols("a", d), K2 = symmetricMatrixSymbols("b", d);
        const D = bregman(K2, K1);
        for (let k = 0; k < 3; k++) {
          const S1 = randomPsd(rng, d, d, true) as NumMatrix, S2 = randomPsd(rng, d, d, true) as NumMatrix;
          const P1 = invNum(S1), P2 = invNum(S2);
          const env: Record<string, number> = {};
          vech(K1).forEach((e, i) => (env[(e as { name: string }).name] = vechNum(P1)[i]!));
          vech(K2).forEach((e, i) => (env[(e as { name: string }).name] = vechNum(P2)[i]!));
          const v = evaluateAt(D, env), w = gaussianKl(S1, S2);
          worst = Math.max(worst, Math.abs(v - w) / Math.max(1, w));
        }
      }
      return numericCertificate(worst, 1e-8, "six random pairs");
    });
  },
};

function evaluateAt(e: Expr, env: Record<string, number>): number {
  return evaluate(e, env);
}

function invNum(S: NumMatrix): NumMatrix {
  return numInverse(S);
}

function vechNum(A: NumMatrix): number[] {
  const n = A.rows, out: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) out.push(A.data[i * n + j]!);
  return out;
}
