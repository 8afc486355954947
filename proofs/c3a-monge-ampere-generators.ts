// Paper claim C3a (MATH.md §10.2): "the Monge–Ampère equation governs the probability transformations
// of generative models". Precise version: every invertible C¹ generator obeys the change of variables
// (§3.1); it is a Monge–Ampère equation (§3.3) only for gradients of convex functions between equal
// dimensions. A non-gradient linear generator satisfies §3.1 but not the MA equation with its own map,
// whereas its polar factor does; for latent dimension k < d the law is singular (no density).
import { type Expr, QgeomError, Rational, add, det, diff, exp, log, matMul, matrix, mul, num, sub, subs, sym, transpose } from "../src/core/index.js";
import { gaussianLogDensityExpr, gaussianPotential, latentGenerator, latentPolarFactor, transportResidual } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, normalMatrix } from "../src/random/index.js";
import { matrixIdentity } from "./helpers/steps.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));
const Z = ["z1", "z2"], Y = ["y1", "y2"];
const z = Z.map(sym);

// the generator T(z) = Wz + b, W = PU non-symmetric (U the rotation with cos = 3/5), P = (WWᵀ)^{1/2}
const W = [[2, -1], [3, 1]];
const P = [[2, 1], [1, 3]];
const b = [1, -1];
const WWt = [[5, 5], [5, 10]];

export const c3a: Proof = {
  id: "C3a",
  title: "Monge–Ampère and generative models (paper claim C3a)",
  source: "MATH.md §10.2, §3.1, §3.3, §3.7",
  statement:
    "Every invertible $C^1$ generator $T$ satisfies the change of variables $f(z)=g(T(z))|\\det DT(z)|$. It is the Monge–Ampère equation $\\det D^2\\varphi=f/g(\\nabla\\varphi)$ only when $T=\\nabla\\varphi$ with $\\varphi$ convex, between equal dimensions: " +
    "the linear generator $z\\mapsto Wz+b$ with non-symmetric $W$ satisfies the first but is not a gradient, while its polar factor $P=(WW^\\top)^{1/2}$ solves the Monge–Ampère equation for the same pair of laws. For latent dimension $k<d$ the pushed-forward law is singular and has no density.",
  hypotheses: [
    "$f=N(0,I_2)$, $W=\\begin{pmatrix}2&-1\\\\3&1\\end{pmatrix}=PU$ with $P=\\begin{pmatrix}2&1\\\\1&3\\end{pmatrix}$, $U$ the rotation with $\\cos\\theta=3/5$, $b=(1,-1)$, $g=N(b,WW^\\top)$",
    "$k<d$: $W=\\begin{pmatrix}1&2\\\\0&1\\\\-1&3\\end{pmatrix}$, $b=(-1,0,1)$, and random $3\\times2$, $2\\times3$ matrices for the module's checks",
  ],
  informal: { claim: "The Monge–Ampère equation governs the probability transformations of generative models.", verdict: "holds with hypotheses" },
  references: ["Villani, Topics in Optimal Transportation (2003), ch. 4", "Amos–Xu–Kolter, Input convex neural networks (2017)", "Rezende–Mohamed, Variational inference with normalizing flows (2015)"],
  run(ctx) {
    const logf = gaussianLogDensityExpr([0, 0], [[1, 0], [0, 1]], Z);
    const logg = gaussianLogDensityExpr(b, WWt, Y);
    const T = [0, 1].map((i) => add(num(b[i]!), ...[0, 1].map((j) => mul(num(W[i]![j]!), z[j]!))));
    const gAtT = subs(logg, { y1: T[0]!, y2: T[1]! });
    ctx.identity("change of variables (§3.1) for $T(z)=Wz+b$: $\\log f(z)=\\log g(T(z))+\\log|\\det W|$, $\\det W=5$", logf, add(gAtT, log(num(Math.abs(W[0]![0]! * W[1]![1]! - W[0]![1]! * W[1]![0]!)))), {
      justification: "exact: $g=N(b,WW^\\top)$ and $(Wz)^\\top(WW^\\top)^{-1}(Wz)=\\|z\\|^2$",
    });
    ctx.refutes("but $T$ is not a gradient: $\\partial T_1/\\partial z_2=-1\\ne3=\\partial T_2/\\partial z_1$ ($DT=W$ is not symmetric)", diff(T[0]!, "z2"), diff(T[1]!, "z1"), {
      justification: "a gradient map has a symmetric Jacobian, so no $\\varphi$ has $\\nabla\\varphi=T$ and the Monge–Ampère equation has no potential for this generator",
    });
    const Wsym = [[2, 1], [1, 1]];
    ctx.refutes(
      "the potential with the symmetric part of $W$, $\\varphi_W=\\tfrac12z^\\top\\tfrac{W+W^\\top}2z+b^\\top z$, does not solve the Monge–Ampère equation between $f$ and $g$",
      transportResidual({ phi: gaussianPotential(Wsym, [0, 0], b, Z), vars: Z, source: exp(logf), target: exp(logg), targetVars: Y }),
      num(0),
    );
    const Pm = matrix(P.map((r) => r.map((v) => num(v))));
    matrixIdentity(ctx, "the polar factor $P=(WW^\\top)^{1/2}$: $P^2=WW^\\top$ exactly ($P\\succ0$)", matMul(Pm, Pm), matrix(WWt.map((r) => r.map((v) => num(v)))), "P^2", { symmetric: true });
    ctx.identity(
      "the Brenier map $z\\mapsto Pz+b$ solves the Monge–Ampère equation: $\\det D^2\\varphi_P-f/g(\\nabla\\varphi_P)\\equiv0$ for $\\varphi_P=\\tfrac12z^\\top Pz+b^\\top z$",
      transportResidual({ phi: gaussianPotential(P, [0, 0], b, Z), vars: Z, source: exp(logf), target: exp(logg), targetVars: Y }),
      num(0),
    );
    const pol = latentPolarFactor(W);
    ctx.numeric("qgeom reports the polar-factor discrepancy: generator cost $\\mathbb E\\|z-Wz\\|^2=11$ against $W_2^2=7$ (gap $2(\\operatorname{tr}P-\\operatorname{tr}W)=4$)", [pol.generatorCost, pol.w2sq, pol.gap], [11, 7, 4], 1e-12);

    // latent dimension k < d: a singular law
    const W32 = matrix([[q(1), q(2)], [q(0), q(1)], [q(-1), q(3)]]);
    const nvec = [q(1), q(-5), q(1)]; // w1 × w2 for w1 = (1, 0, −1), w2 = (2, 1, 3)
    matrixIdentity(ctx, "$k=2<d=3$: the normal $n=w_1\\times w_2$ annihilates $W$: $n^\\top W=0$", matMul(matrix([nvec]), W32), matrix([[q(0), q(0)]]), "n^\\top W");
    const x = [0, 1, 2].map((i) => add(q(i - 1), mul(W32.get(i, 0), z[0]!), mul(W32.get(i, 1), z[1]!)));
    ctx.identity("so every sample $x=Wz+b$ lies on the plane $n^\\top(x-b)=0$, a Lebesgue null set: the law has no density and no Monge–Ampère equation", add(...x.map((xi, i) => mul(nvec[i]!, sub(xi, q(i - 1))))), num(0));
    ctx.identity("equivalently $\\det(WW^\\top)=0$: the covariance lies on the boundary of the cone", det(matMul(W32, transpose(W32))), num(0));
    ctx.custom("the module reports the law as singular and refuses a Brenier map for $k<d$ (and for $k>d$)", (): StepCertificate => {
      const rng = new Rng(3030);
      const small = normalMatrix(rng, 3, 2), wide = normalMatrix(rng, 2, 3);
      const g = latentGenerator(small);
      const codes: string[] = [];
      for (const M of [small, wide])
        try {
          latentPolarFactor(M);
          codes.push("accepted");
        } catch (e) {
          codes.push(e instanceof QgeomError ? e.code : "error");
        }
      return !g.absolutelyContinuous && codes.every((c) => c === "SHAPE")
        ? { kind: "checked/numeric", error: 0, tolerance: 0, detail: `3 x 2: absolutelyContinuous = false (rank ${g.rank}); latentPolarFactor: ${codes.join(", ")}` }
        : { kind: "refuted", detail: `absolutelyContinuous = ${g.absolutelyContinuous}, latentPolarFactor: ${codes.join(", ")}` };
    });
  },
};

