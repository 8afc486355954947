// V11: a convex free energy as a transport potential — the moment measure (MATH.md §3.8).
// Gaussian case exactly (symbolic K, d = 1, 2, 3); a non-quadratic convex F in 1-D: the barycentre
// E_ρ F' = 0 (exact integration by parts, quadrature), the Monge–Ampère identity by change of variables,
// E_ν y² = E_ρ F''; convexity is needed (a double well has a non-injective F').
import { type Expr, QgeomError, Rational, diff, fn, exp, inverse, matMul, mul, neg, num, pow, softplus, sqrt, sub, subs, sym, symmetricMatrixSymbols, add } from "../src/core/index.js";
import { identity, matmul } from "../src/linalg/index.js";
import { compilePotential, gaussianMomentMeasure, integrate, momentMeasure1D, verifyGaussianMomentMeasure } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng } from "../src/random/index.js";
import { TITLE_ONLY, matrixIdentity, shown } from "./helpers/steps.js";
import { randomSpd, relErrMatrix } from "./helpers/numeric.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));
const x = sym("x");
/** A convex, coercive, non-symmetric potential: F'' = 3x² + 1 + 9 sig'(3x − 1) > 0. */
const F = add(mul(q(1, 4), pow(x, num(4))), mul(q(1, 2), pow(x, num(2))), softplus(sub(mul(num(3), x), num(1))));

export const v11: Proof = {
  id: "V11",
  title: "Moment measure: a convex free energy is a Brenier potential",
  source: "MATH.md §3.8",
  statement:
    "Let $F$ be convex with $0<Z=\\int e^{-F}<\\infty$, $\\rho=e^{-F}/Z$ and $\\nu=(\\nabla F)_\\#\\rho$. Then $\\nabla F$ is the Brenier map $\\rho\\to\\nu$, $\\int y\\,d\\nu=0$, and for $D^2F\\succ0$: " +
    "$e^{-F(x)}/Z=g_\\nu(\\nabla F(x))\\det D^2F(x)$. For $F=\\tfrac12x^\\top Kx$: $\\rho=N(0,K^{-1})$ and $\\nu=N(0,K)$.",
  hypotheses: [
    "Gaussian case: $K\\succ0$ symbolic, $d=1,2,3$",
    "non-quadratic case: $F(x)=x^4/4+x^2/2+\\operatorname{softplus}(3x-1)$ on $\\mathbb R$; quadrature tolerance N $10^{-10}$",
  ],
  references: ["Cordero-Erausquin–Klartag, Moment measures, J. Funct. Anal. (2015)", "Brenier (1991)"],
  run(ctx) {
    // Gaussian case, exactly
    for (const d of [1, 2, 3]) {
      const K = symmetricMatrixSymbols("k", d).toArray();
      const vars = ["x1", "x2", "x3"].slice(0, d);
      ctx.certificate(`Gaussian case, $d=${d}$, symbolic $K$: $e^{-F}/Z=g_\\nu(\\nabla F)\\det D^2F$ with $F=\\tfrac12x^\\top Kx$, $Z=(2\\pi)^{d/2}(\\det K)^{-1/2}$, $g_\\nu$ the $N(0,K)$ density`, () => verifyGaussianMomentMeasure(K, vars), {
        justification: "the module's check on the domain where the leading minors of $K$ are positive",
      });
    }
    const Ks = symmetricMatrixSymbols("k", 3);
    matrixIdentity(ctx, "$\\nabla F(X)=KX$ with $X\\sim N(0,K^{-1})$ has covariance $KK^{-1}K=K$: $\\nu=N(0,K)$, neither $N(0,I)$ nor $\\rho$ ($d=3$, symbolic)", matMul(matMul(Ks, inverse(Ks)), Ks), Ks, "KK^{-1}K", {
      symmetric: true,
      display: shown(fn("matmul", sym("K"), fn("inv", sym("K")), sym("K")), sym("K")),
    });
    {
      const rng = new Rng(1111);
      let err = 0;
      for (const d of [2, 4, 6]) {
        const K = randomSpd(rng, d);
        const g = gaussianMomentMeasure(K);
        err = Math.max(err, relErrMatrix(matmul(g.sourceCovariance, K), identity(d)), relErrMatrix(g.targetCovariance, K));
      }
      ctx.numeric("numeric Gaussian moment measures ($d=2,4,6$): source covariance $K^{-1}$, target covariance $K$", err, 0, 1e-10, { absolute: true });
    }

    // a non-quadratic convex F in 1-D
    ctx.show("A non-quadratic convex potential", F, "F(x)");
    const F1 = diff(F, "x"), F2 = diff(F, "x", 2);
    ctx.identity("integration by parts: $F'e^{-F}=-(e^{-F})'$, so $\\int F'\\,d\\rho=-[e^{-F}]_{-\\infty}^{\\infty}/Z=0$", mul(F1, exp(neg(F))), neg(diff(exp(neg(F)), "x")), {
      display: TITLE_ONLY,
      justification: "$F$ is coercive, so the boundary terms vanish",
    });
    const mm = momentMeasure1D(F, "x");
    ctx.numeric("quadrature: the barycentre $\\int y\\,d\\nu=\\int F'\\,d\\rho$ vanishes (relative to $\\int|F'|\\,d\\rho$)", mm.barycentre / mm.absoluteFirstMoment, 0, 1e-10, { absolute: true });
    ctx.identity("second moment: $(F'e^{-F})'=(F''-F'^2)e^{-F}$, so $\\int y^2\\,d\\nu=\\int F'^2\\,d\\rho=\\int F''\\,d\\rho$", diff(mul(F1, exp(neg(F))), "x"), mul(sub(F2, pow(F1, num(2))), exp(neg(F))), { display: TITLE_ONLY });
    const f1 = compilePotential(F, ["x"]);
    const second = (g: (d1: number, d2: number) => number): number =>
      integrate((t) => {
        const r = mm.sourceDensity(t);
        if (r === 0) return 0;
        const e = f1.evaluate([t]);
        return g(e.gradient[0]!, e.hessian[0]!) * r;
      }, -Infinity, Infinity, { relTol: 1e-13 }).value;
    const m2 = second((d1) => d1 * d1), mF2 = second((_, d2) => d2);
    ctx.numeric("quadrature: $\\int F'^2\\,d\\rho=\\int F''\\,d\\rho$", m2, mF2, 1e-10);
    ctx.numericFails("so $\\nu$ is not $N(0,1)$: its variance $\\int F''\\,d\\rho$ is not 1", mF2, 1, 1e-3);

    // Monge–Ampère by change of variables: ∫_{F'(a)}^{F'(b)} g_ν = ρ([a, b]) with g_ν(y) = ρ(x)/F''(x), F'(x) = y
    const intervals: Array<[number, number]> = [[-2, -0.5], [-0.5, 0.8], [0.3, 1.7], [-4, 4]];
    const viaTarget = intervals.map(([a, b]) => {
      let x0 = a;
      return integrate((y) => {
        const xs = f1.invertGradient([y], { x0: [x0] });
        x0 = xs[0]!;
        return mm.targetDensityAtImage(x0);
      }, f1.gradientAt([a])[0]!, f1.gradientAt([b])[0]!, { relTol: 1e-12 }).value;
    });
    const viaSource = intervals.map(([a, b]) => mm.targetCdfAtImage(b) - mm.targetCdfAtImage(a));
    ctx.numeric("Monge–Ampère identity: $\\nu([F'(a),F'(b)])$ from $g_\\nu(y)=\\rho(x)/F''(x)$, $F'(x)=y$, equals $\\rho([a,b])$ (4 intervals)", viaTarget, viaSource, 1e-10, {
      justification: "quadrature in $y$ with $x=(F')^{-1}(y)$ by Newton, against quadrature of $\\rho$",
    });

    // convexity is needed: a double well has a non-injective gradient
    const G = sub(mul(q(1, 4), pow(x, num(4))), pow(x, num(2)));
    const G1 = diff(G, "x");
    ctx.identity("convexity is needed: for the double well $G=x^4/4-x^2$, $G'(\\sqrt2)=G'(0)=0$, so $G'$ is not injective and not a Brenier map", subs(G1, { x: sqrt(num(2)) }), subs(G1, { x: num(0) }));
    ctx.custom("and $G''(0)=-2<0$: the module refuses a density of $(G')_\\#\\rho$ at $G'(0)$ (SINGULAR)", (): StepCertificate => {
      const m = momentMeasure1D(G, "x");
      try {
        m.targetDensityAtImage(0);
      } catch (e) {
        if (e instanceof QgeomError && e.code === "SINGULAR") return { kind: "checked/numeric", error: 0, tolerance: 0, detail: "targetDensityAtImage(0) throws SINGULAR since G''(0) = -2 <= 0" };
      }
      return { kind: "refuted", detail: "a push-forward density was returned where G'' < 0" };
    });
  },
};
