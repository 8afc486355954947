// V20: the modular flow and the KMS condition (MATH §6.4–6.5, 6.10), with the extensions (a) Connes
// cocycle (§6.8), (b) qubit closed forms (§6.9), (c) Peschel's formula with the transpose (§6.11).
import { type Expr, HALF, I, Matrix, ONE, type SymbolicMatrix, ZERO, add, diff, div, evaluate, evaluateComplex, exp, fn, log, matMul, mul, neg, num, pow, sub, subs, sym, trace } from "../src/core/index.js";
import { type CMatrix, cadd, cscale } from "../src/linalg/index.js";
import {
  conjExpr,
  connesCocycleDefects,
  densityFromBloch,
  densityMatrix,
  gibbsKmsDefect,
  gibbsState,
  gibbsSymbolic,
  kmsDefect,
  kmsStripDefect,
  modularFlowDefects,
  logDensity,
  modularHamiltonian,
  modularUnitary,
  peschelJordanWignerCheck,
  peschelSymbolic,
  qubitModular,
  spectralGenerator,
} from "../src/modular/index.js";
import type { Proof, ProofContext, StepCertificate } from "../src/proofs/index.js";
import { Rng, complexNormalMatrix } from "../src/random/index.js";
import {
  addE,
  asComplex,
  certify,
  complexSymbols,
  diagE,
  eulerForm,
  identityE,
  matrixPairs,
  mulE,
  numericCertificate,
  qubitEigen,
  qubitProjectors,
  qubitQ,
  qubitRewriter,
  randomDensity,
  randomPsd,
  randomHermitian,
  relDiff,
  scaleE,
  star,
  subE,
  symbolicState,
  trigToExpMatrix,
  unitaryBasis,
} from "./support/modular-symbolic.js";

/** The lemmas T, L, E of the qubit rewriting (see support/modular-symbolic.ts), as exact steps. */
export function qubitLemmas(ctx: ProofContext): void {
  const a = sym("a"), b = sym("b"), u = sym("u");
  const pos = [{ expr: a, op: ">" as const }, { expr: b, op: ">" as const }];
  ctx.custom("Lemma (T): $\\tanh\\big(\\tfrac12(\\log a-\\log b)\\big)=\\frac{a-b}{a+b}$ for $a,b>0$", certify(() => [[fn("tanh", mul(HALF, sub(log(a), log(b)))), div(sub(a, b), add(a, b)), "T"]] as const, { domain: pos }), {
    justification: "With $a=p_+=\\frac{1+r}2$, $b=p_-=\\frac{1-r}2$ the right side is $r$; $\\tanh$ is injective on $\\mathbb R$, so $\\operatorname{artanh}r=\\tfrac12(\\log p_+-\\log p_-)$",
  });
  ctx.custom("Lemma (L): $\\log(ab)=\\log a+\\log b$ and $\\log(a/b)=\\log a-\\log b$ for $a,b>0$", certify(() => [
    [log(mul(a, b)), add(log(a), log(b)), "product"],
    [log(div(a, b)), sub(log(a), log(b)), "quotient"],
  ] as const, { domain: pos }), { justification: "So $\\log\\frac{1-r^2}4=\\log p_++\\log p_-$ and $\\big(\\frac{1-r^2}4\\big)^z=e^{z(\\log p_++\\log p_-)}$" });
  ctx.custom("Lemma (E): $c=\\frac{e^{iu}+e^{-iu}}2$, $s=\\frac{e^{iu}-e^{-iu}}{2i}$ solve $c'=-s$, $s'=c$, $c(0)=1$, $s(0)=0$, like $\\cos$, $\\sin$", certify(() => {
    const c = eulerForm("cos", u), s = eulerForm("sin", u);
    return [
      [diff(c, "u"), neg(s), "c' = -s"],
      [diff(s, "u"), c, "s' = c"],
      [subs(c, { u: 0 }), ONE, "c(0)"],
      [subs(s, { u: 0 }), ZERO, "s(0)"],
      [diff(fn("cos", u), "u"), neg(fn("sin", u)), "cos' = -sin"],
      [diff(fn("sin", u), "u"), fn("cos", u), "sin' = cos"],
    ] as const;
  }), { justification: "Uniqueness for the linear system gives $\\cos u=c$, $\\sin u=s$ (Euler)" });
}

export const v20: Proof = {
  id: "V20",
  title: "Modular flow and KMS; Connes cocycle, qubit closed forms, Peschel",
  source: "MATH.md §6.4–6.5, §6.8–6.11, §9 V20",
  statement:
    "$\\sigma_t(x)=\\rho^{it}x\\rho^{-it}$ is a one-parameter group of $*$-automorphisms with $\\omega_\\rho\\circ\\sigma_t=\\omega_\\rho$, trivial iff $\\rho=I/n$. " +
    "KMS (Takesaki, $\\beta=-1$): $F(z)=\\omega_\\rho(\\sigma_z(x)y)$ is entire, bounded on $0\\le\\operatorname{Im}z\\le1$, with $F(t+i)=\\omega_\\rho(y\\sigma_t(x))$; equivalently $G(z)=\\omega_\\rho(x\\sigma_z(y))$ has $G(t-i)=\\omega_\\rho(\\sigma_t(y)x)$. " +
    "Physics form: for $\\rho=e^{-\\beta H}/Z$ and $\\alpha_t(y)=e^{itH}ye^{-itH}$, $\\sigma_t=\\alpha_{-\\beta t}$ and $\\omega(x\\alpha_{t+i\\beta}(y))=\\omega(\\alpha_t(y)x)$; $K_\\rho=\\beta H+\\log Z$. A perturbed generator fails KMS. " +
    "(a) $u_t=\\sigma^{it}\\rho^{-it}$ is unitary, $u_{s+t}=u_s\\sigma^\\rho_s(u_t)$, $\\sigma^\\sigma_t=u_t\\sigma^\\rho_t(\\cdot)u_t^*$, $(D\\sigma:D\\rho)_t(D\\rho:D\\tau)_t=(D\\sigma:D\\tau)_t$, $(D\\rho:D\\sigma)_t=u_t^*$, $-i\\frac{d}{dt}u_t|_0=\\log\\sigma-\\log\\rho$. " +
    "(b) The qubit closed forms of MATH §6.9 ($\\log\\rho$, $\\rho^{it}$, $\\operatorname{spec}\\log\\Delta$, $S(\\rho)$, rotation by $\\theta_t=-2t\\operatorname{artanh}r$). " +
    "(c) For $C_{ij}=\\operatorname{tr}(\\rho c_i^\\dagger c_j)$: $C^\\top=(I+e^h)^{-1}$, $h=[\\log((I-C)C^{-1})]^\\top$; the untransposed formula fails for complex $h$.",
  hypotheses: [
    "exact steps: $\\rho=U\\operatorname{diag}(e^{\\ell_1},e^{\\ell_2})U^*$ with the general symbolic eigenbasis of V18, general complex $x,y$, symbolic $s,t$; Gibbs: symbolic $2\\times2$ Hermitian $H$ and $\\beta$; qubit: symbolic Bloch vectors with $0<r<1$",
    "numeric steps: random states of MATH §9 (n = 3..5), tolerance $10^{-8}$; Peschel by Jordan–Wigner on $2^L$-dimensional Fock space, $L=2,3,4$, complex $h$",
  ],
  references: ["Takesaki, Theory of Operator Algebras II, Ch. VIII", "Connes, Ann. Sci. ENS 6 (1973) 133–252", "Peschel, J. Phys. A 36 (2003) L205", "Bratteli–Robinson 2, §5.3"],
  run(ctx) {
    const st = symbolicState(unitaryBasis(2), ["l1", "l2"]);
    const G = spectralGenerator(st.eigenvalues, st.U);
    const x = complexSymbols("x", 2), y = complexSymbols("y", 2);
    const s = sym("s"), t = sym("t");
    const om = (A: SymbolicMatrix) => trace(matMul(st.rho, A));
    const flow = (A: SymbolicMatrix, z: Expr) => G.flow(A, z);

    ctx.custom("Group law $\\sigma_s(\\sigma_t(x))=\\sigma_{s+t}(x)$ (module's symbolic flow, general $x$)", certify(() => matrixPairs(flow(flow(x, t), s), flow(x, add(s, t)))));
    ctx.custom("$*$-automorphism: $\\sigma_t(xy)=\\sigma_t(x)\\sigma_t(y)$, $\\sigma_t(x^*)=\\sigma_t(x)^*$, $\\sigma_t(I)=I$; invariance $\\omega_\\rho(\\sigma_t(x))=\\omega_\\rho(x)$", certify(() => [
      ...matrixPairs(flow(matMul(x, y), t), matMul(flow(x, t), flow(y, t)), "multiplicative"),
      ...matrixPairs(flow(star(x), t), star(flow(x, t)), "star"),
      ...matrixPairs(flow(identityE(2), t), identityE(2), "unital"),
      [om(flow(x, t)), om(x), "omega o sigma_t"],
    ]));
    ctx.custom("$\\rho=I/n$ gives the trivial flow: $\\sigma_t(x)=x$ when $\\ell_1=\\ell_2$", certify(() => matrixPairs(flow(x, t).map((e) => subs(e, { l2: sym("l1") })), x)));
    const F = (z: Expr) => om(matMul(flow(x, z), y));
    const Gf = (z: Expr) => om(matMul(x, flow(y, z)));
    ctx.custom("Takesaki KMS: $F(t+i)=\\omega_\\rho(y\\,\\sigma_t(x))$ with $F(z)=\\omega_\\rho(\\sigma_z(x)y)$, and $G(t-i)=\\omega_\\rho(\\sigma_t(y)\\,x)$ with $G(z)=\\omega_\\rho(x\\,\\sigma_z(y))$, symbolic $t$", certify(() => [
      [F(add(t, I)), om(matMul(y, flow(x, t))), "F(t + i)"],
      [Gf(sub(t, I)), om(matMul(flow(y, t), x)), "G(t - i)"],
    ]), { justification: "$F(z)=\\sum_{jk}p_j^{1+iz}p_k^{-iz}\\tilde x_{jk}\\tilde y_{kj}$ is entire, with $|p_j^{1+iz}p_k^{-iz}|=p_j^{1-s}p_k^{s}\\le1$ on the strip $0\\le s=\\operatorname{Im}z\\le1$; exact in the atoms $e^{it\\ell_k}$, $e^{\\ell_k}$, $e^{i\\varphi}$, $i$" });
    ctx.custom("At $t=0$: $\\sigma_{-i}(y)=\\rho y\\rho^{-1}$ and $\\omega_\\rho(x\\,\\sigma_{-i}(y))=\\omega_\\rho(yx)$", certify(() => [
      ...matrixPairs(flow(y, neg(I)), mulE(st.rho, y, st.power(num(-1))), "sigma_{-i}"),
      [Gf(neg(I)), om(matMul(y, x)), "G(-i)"],
    ]));

    const rng = new Rng(20);
    const rhos = [3, 4, 5].map((n) => densityMatrix(randomDensity(rng, n)));
    ctx.custom("Numerically: group law, automorphism, invariance (modularFlowDefects) and both KMS forms at $t\\in\\{0,0.37,-1.3\\}$ (kmsDefect), n = 3, 4, 5", (): StepCertificate => {
      let worst = 0;
      for (const r of rhos) {
        const X = complexNormalMatrix(rng, r.n), Y = complexNormalMatrix(rng, r.n);
        const d = modularFlowDefects(r, X, Y, { s: 0.4, t: -1.1 });
        worst = Math.max(worst, d.groupLaw, d.multiplicative, d.star, d.stateInvariance, d.unital, kmsDefect(r, X, Y).max);
      }
      return numericCertificate(worst, 1e-8, "three random states");
    });
    ctx.custom("Numerically: inside the strip, $F(t+is)=\\operatorname{tr}(\\rho^{1-s}\\sigma_t(x)\\rho^sy)$ and $|F|\\le\\|x\\|_F\\|y\\|_F$ (kmsStripDefect, 15 points per state)", (): StepCertificate => {
      let worst = 0, bound = 0;
      for (const r of rhos) {
        const d = kmsStripDefect(r, complexNormalMatrix(rng, r.n), complexNormalMatrix(rng, r.n));
        worst = Math.max(worst, d.continuation);
        bound = Math.max(bound, d.bound);
      }
      if (!(bound <= 1)) return { kind: "refuted", detail: `|F| / (|x||y|) = ${bound} > 1` };
      return numericCertificate(worst, 1e-8, `continuation defect (max |F|/(|x||y|) = ${bound.toFixed(3)} <= 1)`);
    });
    {
      const r = rhos[0]!;
      const X = complexNormalMatrix(rng, r.n), Y = complexNormalMatrix(rng, r.n);
      // ρ^{it} replaced by ρ'^{it}, ρ' = (ρ + εB)/tr, B ⪰ 0 random, ε = 0.05: the group generated by K_{ρ'} = −log ρ'
      const rp = densityMatrix(cadd(asComplex(r.matrix), cscale(asComplex(randomPsd(rng, r.n)), 0.05)), { normalize: true });
      const d = kmsDefect(r, X, Y, { generator: modularHamiltonian(rp) });
      ctx.numericFails("A perturbed generator fails KMS: $\\rho^{it}$ replaced by $\\rho'^{it}$, $\\rho'=(\\rho+0.05B)/\\operatorname{tr}$ with a random $B\\succeq0$, gives a Takesaki defect $\\gg10^{-8}$", d.takesaki, 0, 1e-6, {
        justification: "Uniqueness (Takesaki): only the modular group satisfies KMS for $\\omega_\\rho$",
      });
    }

    // the lemmas (T), (L), (E) used by the Gibbs and qubit closed forms
    qubitLemmas(ctx);

    // Gibbs states: spectral form (exact) and the module's closed forms
    {
      const E1 = sym("E1"), E2 = sym("E2"), beta = sym("beta");
      const U = unitaryBasis(2);
      const Z = add(exp(neg(mul(beta, E1))), exp(neg(mul(beta, E2))));
      const rhoB = scaleE(mulE(U, diagE([exp(neg(mul(beta, E1))), exp(neg(mul(beta, E2)))]), star(U)), div(ONE, Z));
      const alpha = (A: SymbolicMatrix, z: Expr) => mulE(U, diagE([exp(mul(I, z, E1)), exp(mul(I, z, E2))]), star(U), A, U, diagE([exp(neg(mul(I, z, E1))), exp(neg(mul(I, z, E2)))]), star(U));
      const omB = (A: SymbolicMatrix) => trace(matMul(rhoB, A));
      const gB = spectralGenerator([div(exp(neg(mul(beta, E1))), Z), div(exp(neg(mul(beta, E2))), Z)], U);
      ctx.custom("Physics form for $\\rho=e^{-\\beta H}/Z$, $H=U\\operatorname{diag}(E_1,E_2)U^*$: $\\omega(x\\,\\alpha_{t+i\\beta}(y))=\\omega(\\alpha_t(y)\\,x)$, and $\\sigma_t=\\alpha_{-\\beta t}$", certify(() => [
        [omB(matMul(x, alpha(y, add(t, mul(I, beta))))), omB(matMul(alpha(y, t), x)), "F(t + i beta)"],
        ...matrixPairs(gB.flow(x, t), alpha(x, neg(mul(beta, t))), "sigma_t = alpha_{-beta t}"),
      ]), { justification: "Symbolic $E_1,E_2,\\beta,t$ and the general eigenbasis" });
      const H = new Matrix<Expr>([[sym("h11"), add(sym("a"), mul(I, sym("b")))], [sub(sym("a"), mul(I, sym("b"))), sym("h22")]]);
      const g = gibbsSymbolic(H, "beta");
      const [e1, e2] = g.energies as [Expr, Expr];
      const P1 = scaleE(subE(H, scaleE(identityE(2), e2)), div(ONE, sub(e1, e2)));
      const P2 = scaleE(subE(H, scaleE(identityE(2), e1)), div(ONE, sub(e2, e1)));
      ctx.custom("The module's $2\\times2$ Gibbs closed forms (gibbsSymbolic, symbolic $H$ and $\\beta$): $\\operatorname{tr}\\rho=1$, $\\rho=\\sum_kw_kP_k$ with the spectral projectors $P_k$ of $H$, $K_\\rho P_k=-\\log w_k\\,P_k$ for $K_\\rho=\\beta H+\\log Z$, $\\log w_i-\\log w_j=-\\beta(E_i-E_j)$, and $e^{-i\\beta tH}=\\sum_ke^{-i\\beta tE_k}P_k$", certify(() => [
        [add(g.rho.get(0, 0), g.rho.get(1, 1)), ONE, "tr rho"],
        ...matrixPairs(g.rho, addE(scaleE(P1, g.weights[0]!), scaleE(P2, g.weights[1]!)), "rho spectral"),
        ...matrixPairs(matMul(g.modularHamiltonian, P1), scaleE(P1, neg(log(g.weights[0]!))), "K P1"),
        ...matrixPairs(matMul(g.modularHamiltonian, P2), scaleE(P2, neg(log(g.weights[1]!))), "K P2"),
        [g.logDeltaSpectrum[0]![1]!, sub(log(g.weights[0]!), log(g.weights[1]!)), "spectrum (1,2)"],
        [g.logDeltaSpectrum[0]![1]!, neg(mul(sym("beta"), sub(e1, e2))), "spectrum (1,2) = -beta(E1 - E2)"],
        ...matrixPairs(trigToExpMatrix(g.flowUnitary(t)), addE(scaleE(P1, exp(neg(mul(I, sym("beta"), t, e1)))), scaleE(P2, exp(neg(mul(I, sym("beta"), t, e2))))), "flow unitary"),
      ]), { justification: "$E_{1,2}=a\\mp\\omega$ with the radical $\\omega=|b|$, $\\tanh$ and $\\cosh$ through $e^{\\beta\\omega}$; the flow unitary after lemma (E)" });
    }
    ctx.custom("Numerically: the physics form for random $H$ and $\\beta\\in\\{0.5,2\\}$ (gibbsKmsDefect), n = 3, 4; the $3\\times3$ Cardano closed form of $\\rho$ at a point", (): StepCertificate => {
      let worst = 0;
      for (const n of [3, 4])
        for (const beta of [0.5, 2]) worst = Math.max(worst, gibbsKmsDefect(randomHermitian(rng, n), complexNormalMatrix(rng, n), complexNormalMatrix(rng, n), { beta }));
      const H3 = new Matrix<Expr>([
        [num(1), num("1/3"), num(0)],
        [num("1/3"), num(-1), num("1/2")],
        [num(0), num("1/2"), num("1/4")],
      ]);
      const g3 = gibbsSymbolic(H3, num("3/2"));
      const st3 = gibbsState([[1, 1 / 3, 0], [1 / 3, -1, 0.5], [0, 0.5, 0.25]], 1.5);
      const M = st3.matrix as { data: Float64Array };
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) worst = Math.max(worst, Math.abs(evalReal(g3.rho.get(i, j)) - M.data[i * 3 + j]!));
      return numericCertificate(worst, 1e-8, "4 Gibbs states and 9 entries of the Cardano form");
    });
    {
      const H = randomHermitian(rng, 3);
      const X = complexNormalMatrix(rng, 3), Y = complexNormalMatrix(rng, 3);
      ctx.numericFails("The physics form fails for a state that is not the $\\beta$-Gibbs state of $H$ (the Gibbs state at $2\\beta$)", gibbsKmsDefect(H, X, Y, { beta: 1, state: gibbsState(H, 2) }), 0, 1e-6);
    }

    // (a) Connes cocycle
    {
      // ρ diagonal, σ with the general eigenbasis: general, since everything is covariant under x ↦ VxV*
      const rhoS = symbolicState(identityE(2), ["l1", "l2"]);
      const sigS = symbolicState(unitaryBasis(2, "v"), ["m1", "m2"]);
      const tauS = symbolicState(identityE(2), ["k1", "k2"]);
      const gr = spectralGenerator(rhoS.eigenvalues, rhoS.U), gs = spectralGenerator(sigS.eigenvalues, sigS.U);
      const it = (S: typeof rhoS, z: Expr) => S.power(mul(I, z));
      const u = (A: typeof rhoS, B: typeof rhoS, z: Expr) => matMul(it(A, z), it(B, neg(z)));
      ctx.custom("(a) Connes cocycle $u_t=(D\\sigma:D\\rho)_t=\\sigma^{it}\\rho^{-it}$ ($\\rho$ diagonal, $\\sigma$ with the general eigenbasis: general by unitary covariance): $u_tu_t^*=I$, $u_{s+t}=u_s\\sigma^\\rho_s(u_t)$, $\\sigma^\\sigma_t(x)=u_t\\sigma^\\rho_t(x)u_t^*$, chain rule with a third state $\\tau$, $(D\\rho:D\\sigma)_t=u_t^*$", certify(() => [
        ...matrixPairs(matMul(u(sigS, rhoS, t), star(u(sigS, rhoS, t))), identityE(2), "unitary"),
        ...matrixPairs(u(sigS, rhoS, add(s, t)), matMul(u(sigS, rhoS, s), gr.flow(u(sigS, rhoS, t), s)), "cocycle"),
        ...matrixPairs(gs.flow(x, t), mulE(u(sigS, rhoS, t), gr.flow(x, t), star(u(sigS, rhoS, t))), "intertwining"),
        ...matrixPairs(matMul(u(sigS, rhoS, t), u(rhoS, tauS, t)), u(sigS, tauS, t), "chain rule"),
        ...matrixPairs(u(rhoS, sigS, t), star(u(sigS, rhoS, t)), "inverse"),
      ]));
      ctx.custom("(a) the generator: $-i\\frac{d}{dt}u_t\\big|_{t=0}=\\log\\sigma-\\log\\rho$", certify(() =>
        matrixPairs(u(sigS, rhoS, t).map((e) => subs(mul(neg(I), diff(e, "t")), { t: 0 })), subE(gs.logDensity, gr.logDensity)),
      ));
      ctx.custom("(a) numerically (connesCocycleDefects): all five identities on random $\\sigma,\\rho,\\tau$, n = 3, 4", (): StepCertificate => {
        let worst = 0;
        for (const n of [3, 4]) {
          const d = connesCocycleDefects(randomDensity(rng, n), randomDensity(rng, n), randomDensity(rng, n), complexNormalMatrix(rng, n), { s: 0.6, t: -1.7 });
          worst = Math.max(worst, d.unitary, d.cocycle, d.intertwining, d.chainRule, d.inverse);
        }
        return numericCertificate(worst, 1e-8, "two triples of states");
      });
    }

    // (b) qubit closed forms
    {
      const q = qubitModular(["rx", "ry", "rz"]);
      const R = q.r;
      const { plus, minus } = qubitEigen(R);
      const La = log(plus), Lb = log(minus);
      const rw = qubitRewriter([R]);
      const P = qubitProjectors(q.bloch, R);
      ctx.show("(b) the module's closed forms: the rotation angle $\\theta_t$ (qubitModular)", q.rotationAngle("t"), "\\theta_t");
      ctx.custom("(b) instances of the lemmas for $r=\\sqrt{r_x^2+r_y^2+r_z^2}$: $\\frac{p_+-p_-}{p_++p_-}=r$, $p_+p_-=\\frac{1-r^2}4$; $(\\vec r\\cdot\\vec\\sigma)^2=r^2I$, so $P_\\pm=\\tfrac12(I\\pm\\hat r\\cdot\\vec\\sigma)$ are complementary projectors ($P_\\pm^2=P_\\pm$, $P_+P_-=0$, $P_++P_-=I$), and $\\rho=p_+P_++p_-P_-$", certify(() => [
        [div(sub(plus, minus), add(plus, minus)), R, "T instance"],
        [mul(plus, minus), qubitQ(R), "L instance"],
        ...matrixPairs(matMul(P.pauli, P.pauli), scaleE(identityE(2), pow(R, num(2))), "(r.sigma)^2 = r^2 I"),
        ...matrixPairs(addE(P.plus, P.minus), identityE(2), "P+ + P-"),
        ...matrixPairs(q.rho, addE(scaleE(P.plus, plus), scaleE(P.minus, minus)), "rho"),
      ]), { justification: "Exact with the radical relation $r^2=r_x^2+r_y^2+r_z^2$" });
      ctx.custom("(b) the module's $\\log\\rho=\\tfrac12\\log\\frac{1-r^2}4I+\\frac{\\operatorname{artanh}r}r\\,\\vec r\\cdot\\vec\\sigma$ equals $\\log p_+P_++\\log p_-P_-$, and $\\rho^{it}=\\big(\\frac{1-r^2}4\\big)^{it/2}[\\cos(t\\operatorname{artanh}r)I+i\\sin(t\\operatorname{artanh}r)\\hat r\\cdot\\vec\\sigma]$ equals $p_+^{it}P_++p_-^{it}P_-$", certify(() => [
        ...matrixPairs(q.logDensity.map(rw), addE(scaleE(P.plus, La), scaleE(P.minus, Lb)), "log rho"),
        ...matrixPairs(q.modularUnitary("t").map(rw), addE(scaleE(P.plus, exp(mul(I, t, La))), scaleE(P.minus, exp(mul(I, t, Lb)))), "rho^{it}"),
      ]), { justification: "After the rewrites of lemmas (T), (L), (E); this is the spectral calculus $f(\\rho)=f(p_+)P_++f(p_-)P_-$" });
      ctx.custom("(b) $\\operatorname{spec}\\log\\Delta=\\{0,0,\\pm2\\operatorname{artanh}r\\}=\\{\\log p_i-\\log p_j\\}$, $2\\operatorname{artanh}r=\\log\\frac{1+r}{1-r}$; $S(\\rho)=h(\\tfrac{1+r}2)=-p_+\\log p_+-p_-\\log p_-$", certify(() => [
        [rw(q.logDeltaSpectrum[2]), sub(La, Lb), "+"],
        [rw(q.logDeltaSpectrum[3]), sub(Lb, La), "-"],
        [q.entropy, neg(add(mul(plus, La), mul(minus, Lb))), "entropy"],
      ]), { justification: "The two zeros are $\\log p_\\pm-\\log p_\\pm$; $\\log p_+-\\log p_-=\\log\\frac{1+r}{1-r}$ by lemma (L)" });
      const m: [Expr, Expr, Expr] = [sym("mx"), sym("my"), sym("mz")];
      const Ut = q.modularUnitary("t").map(rw);
      const xm = scaleE(addE(identityE(2), qubitProjectors(m, ONE).pauli), HALF);
      const mt = q.flowBloch(m, "t").map(rw);
      ctx.custom("(b) the flow rotates Bloch vectors: $\\rho^{it}\\tfrac12(I+\\vec m\\cdot\\vec\\sigma)\\rho^{-it}=\\tfrac12(I+\\vec m_t\\cdot\\vec\\sigma)$, $\\vec m_t=\\vec m\\cos\\theta_t+(\\hat r\\times\\vec m)\\sin\\theta_t+\\hat r(\\hat r\\cdot\\vec m)(1-\\cos\\theta_t)$, $\\theta_t=-2t\\operatorname{artanh}r=-t\\log\\frac{1+r}{1-r}$", certify(() => [
        ...matrixPairs(mulE(Ut, xm, star(Ut)), scaleE(addE(identityE(2), qubitProjectors(mt as [Expr, Expr, Expr], ONE).pauli), HALF), "rotation"),
        [rw(q.rotationAngle("t")), neg(mul(t, sub(La, Lb))), "angle"],
      ]), { justification: "Symbolic $\\vec r$, $\\vec m$, $t$ (module's flowBloch and rotationAngle, rewritten by the lemmas)" });
      ctx.custom("(b) Numerically: the module's closed forms $\\log\\rho$ and $\\rho^{it}$ evaluated at random Bloch vectors against the numeric logDensity and modularUnitary", (): StepCertificate => {
        let worst = 0;
        for (let k = 0; k < 4; k++) {
          const r3 = [rng.random() - 0.5, rng.random() - 0.5, rng.random() - 0.5] as [number, number, number];
          const tt = 2 * rng.random() - 1;
          const env = { rx: r3[0], ry: r3[1], rz: r3[2], t: tt };
          const rho = densityFromBloch(r3);
          worst = Math.max(worst, relDiff(evalComplexMatrix(q.logDensity, env), logDensity(rho)), relDiff(evalComplexMatrix(q.modularUnitary("t"), env), modularUnitary(rho, tt)));
        }
        return numericCertificate(worst, 1e-10, "4 random qubits");
      });
    }

    // (c) Peschel
    {
      const U = unitaryBasis(2);
      const occ = [sym("n1"), sym("n2")];
      const P = peschelSymbolic(occ, U);
      const C = mulE(U, diagE(occ), star(U));
      const CT = C.map((_, i, j) => C.get(j, i));
      const eh = mulE(U.map(conjExpr), diagE(P.modularEnergies.map((e) => exp(e))), U.map((_, i, j) => U.get(j, i)));
      ctx.custom("(c) Peschel (peschelSymbolic, $C=U\\operatorname{diag}(n_1,n_2)U^*$ with the general eigenbasis): $h=\\bar U\\operatorname{diag}(\\log\\frac{1-n_k}{n_k})U^\\top$ satisfies $C^\\top(I+e^h)=I$ and $h^*=h$", certify(() => [
        ...matrixPairs(matMul(CT, addE(identityE(2), eh)), identityE(2), "C^T (I + e^h)"),
        ...matrixPairs(star(P.hamiltonian), P.hamiltonian, "Hermitian"),
      ]), { justification: "$e^h=\\bar U\\operatorname{diag}(\\frac{1-n_k}{n_k})U^\\top$ since $\\bar U$ is unitary; so $C^\\top=(I+e^h)^{-1}$, i.e. $h=[\\log((I-C)C^{-1})]^\\top$" });
      ctx.custom("(c) Jordan–Wigner, $L=2,3,4$, complex $h$: the transposed formula recovers $h$, $\\log Z=-\\operatorname{tr}\\log(I-C)$, $S(\\rho)=-\\operatorname{tr}[C\\log C+(I-C)\\log(I-C)]$ and $K_\\rho=\\sum h_{ij}c_i^\\dagger c_j-\\operatorname{tr}\\log(I-C)$ (peschelJordanWignerCheck)", (): StepCertificate => {
        let worst = 0;
        for (const L of [2, 3, 4]) {
          const c = peschelJordanWignerCheck(randomHermitian(rng, L));
          worst = Math.max(worst, c.transposed, c.logPartition, c.entropy, c.modularHamiltonian);
        }
        return numericCertificate(worst, 1e-9, "three random complex h");
      });
      let minU = Infinity;
      for (const L of [2, 3, 4]) minU = Math.min(minU, peschelJordanWignerCheck(randomHermitian(rng, L)).untransposed);
      ctx.numericFails("(c) the untransposed $h=\\log((I-C)C^{-1})$ fails for complex $h$ with an $O(1)$ relative error (smallest over L = 2, 3, 4)", minU, 0, 0.05, {
        justification: "It returns $\\bar h$: the error is $2\\|\\operatorname{Im}h\\|/\\|h\\|$",
      });
    }
  },
};

function evalReal(e: Expr): number {
  return evaluate(e, {});
}

function evalComplexMatrix(A: SymbolicMatrix, env: Record<string, number>): CMatrix {
  const re = new Float64Array(A.rows * A.cols), im = new Float64Array(A.rows * A.cols);
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < A.cols; j++) {
      const v = evaluateComplex(A.get(i, j), env);
      re[i * A.cols + j] = v[0];
      im[i * A.cols + j] = v[1];
    }
  return { rows: A.rows, cols: A.cols, re, im };
}
