// Paper claim C2 (MATH.md §10.1): "the Boltzmann-machine free energy acts like the potential of a
// transport map". Precise version (§3.8): a convex F with 0 < ∫e^{−F} < ∞ is the Brenier potential from
// ρ = e^{−F}/Z to its moment measure ν = (∇F)_#ρ. Not implied: that BM free energies are convex (the
// Bernoulli RBM free energy is concave: exact Hessian, midpoint counterexample, e^{−F} not integrable),
// nor that the target is N(0, I) or the data law. Core only for the RBM free energies (§2.2).
import { type Expr, QgeomError, Rational, add, exp, hessian, matrix, mul, neg, num, pow, sigmoid, softplus, sub, sym, symmetricMatrixSymbols } from "../src/core/index.js";
import { compile } from "../src/compile/index.js";
import { compilePotential, gaussianLogDensityExpr, integrate, momentMeasure1D, verifyGaussianMomentMeasure } from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { TITLE_ONLY, matrixIdentity } from "./helpers/steps.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));
const sigPrime = (t: Expr): Expr => mul(sigmoid(t), sub(num(1), sigmoid(t)));

// Gaussian–Bernoulli RBM with one visible unit and two hidden units: a = 1/2, c = (−1/2, 1), w = (6/5, −9/10)
const v = sym("v");
const GB = { a: q(1, 2), c: [q(-1, 2), q(1)], w: [q(6, 5), q(-9, 10)] };
const gbEnergy = (h: [number, number]): Expr =>
  sub(mul(q(1, 2), pow(sub(v, GB.a), num(2))), add(...[0, 1].map((j) => mul(num(h[j]!), add(GB.c[j]!, mul(GB.w[j]!, v))))));
const gbFree = sub(mul(q(1, 2), pow(sub(v, GB.a), num(2))), add(...[0, 1].map((j) => softplus(add(GB.c[j]!, mul(GB.w[j]!, v))))));

// Bernoulli–Bernoulli RBM extended to ℝ² (d = 2 visible, m = 2 hidden), symbolic parameters
const V = [sym("v1"), sym("v2")];
const Wb = [[sym("w11"), sym("w12")], [sym("w21"), sym("w22")]];
const bPre = [0, 1].map((j) => add(sym(`c${j + 1}`), mul(Wb[0]![j]!, V[0]!), mul(Wb[1]![j]!, V[1]!)));
const bFree = neg(add(mul(sym("a1"), V[0]!), mul(sym("a2"), V[1]!), ...bPre.map((u) => softplus(u))));

export const c2: Proof = {
  id: "C2",
  title: "Free energy as a transport potential (paper claim C2)",
  source: "MATH.md §10.1, §3.8, §2.2",
  statement:
    "A convex $F$ with $0<Z=\\int e^{-F}<\\infty$ is the Brenier potential from $\\rho=e^{-F}/Z$ to its moment measure $\\nu=(\\nabla F)_\\#\\rho$, with $e^{-F}/Z=g_\\nu(\\nabla F)\\det D^2F$. " +
    "A Gaussian–Bernoulli RBM free energy with $\\|W\\|_2<2$ is such an $F$. The Bernoulli RBM free energy (extended to $\\mathbb R^d$) is concave, and $e^{-F}$ is not integrable, so it is no such potential; " +
    "the target $\\nu$ is neither $N(0,I)$ nor the model law $\\rho$.",
  hypotheses: [
    "Gaussian case: $F=\\tfrac12x^\\top Kx$, $K\\succ0$ symbolic $2\\times2$",
    "GB-RBM: one visible, two hidden units, $a=1/2$, $c=(-1/2,1)$, $W=(6/5,-9/10)$ ($\\|W\\|_2=3/2$), $T=1$",
    "Bernoulli RBM: $d=m=2$, symbolic $a$, $c$, $W$; numeric counterexample at $W=\\begin{pmatrix}2&-1\\\\1&3\\end{pmatrix}$, $a=c=0$",
  ],
  informal: { claim: "The Boltzmann-machine free energy acts like the potential of a transport map.", verdict: "holds with hypotheses" },
  references: ["Cordero-Erausquin–Klartag, Moment measures (2015)", "Brenier (1991)", "Hinton, A practical guide to training RBMs (2010)"],
  run(ctx) {
    // the precise positive statement
    ctx.certificate("convex quadratic free energy: $e^{-F}/Z=g_\\nu(\\nabla F)\\det D^2F$ with $\\nu=N(0,K)$ (symbolic $K$, exact)", () =>
      verifyGaussianMomentMeasure(symmetricMatrixSymbols("k", 2).toArray(), ["x1", "x2"]),
    );

    // GB-RBM: the free energy, its convexity, its moment measure
    ctx.identity("GB-RBM: $\\sum_{h\\in\\{0,1\\}^2}e^{-E(v,h)}=e^{-(v-a)^2/2}\\prod_j(1+e^{c_j+w_jv})$, i.e. $F(v)=\\tfrac12(v-a)^2-\\sum_j\\operatorname{softplus}(c_j+w_jv)$", add(...([[0, 0], [0, 1], [1, 0], [1, 1]] as const).map((h) => exp(neg(gbEnergy([h[0], h[1]]))))), mul(exp(neg(mul(q(1, 2), pow(sub(v, GB.a), num(2))))), ...[0, 1].map((j) => add(num(1), exp(add(GB.c[j]!, mul(GB.w[j]!, v)))))), {
      display: TITLE_ONLY,
      justification: "$E(v,h)=\\tfrac12(v-a)^2-c^\\top h-vWh$ (MATH.md §2.2); the sum factorises over hidden units, and $\\log(1+e^u)=\\operatorname{softplus}(u)$",
    });
    const F2 = hessian(gbFree, ["v"])[0]![0]!;
    ctx.identity("GB-RBM: $F''(v)=1-\\sum_jw_j^2\\operatorname{sig}'(c_j+w_jv)\\ge1-\\tfrac14\\sum_jw_j^2=\\tfrac{7}{16}>0$", F2, sub(num(1), add(...[0, 1].map((j) => mul(pow(GB.w[j]!, num(2)), sigPrime(add(GB.c[j]!, mul(GB.w[j]!, v))))))), {
      display: TITLE_ONLY,
      justification: "$0<\\operatorname{sig}'\\le\\tfrac14$ and $\\sum_jw_j^2=\\|W\\|_2^2=9/4<4$",
    });
    const mm = momentMeasure1D(gbFree, "v");
    ctx.numeric("GB-RBM: the moment measure has barycentre $\\int F'\\,d\\rho=0$ (relative to $\\int|F'|\\,d\\rho$)", mm.barycentre / mm.absoluteFirstMoment, 0, 1e-10, { absolute: true });
    const pot = compilePotential(gbFree, ["v"]);
    const intervals: Array<[number, number]> = [[-2, 0], [0, 1.5], [-4, 5]];
    const viaTarget = intervals.map(([lo, hi]) => {
      let x0 = lo;
      return integrate((y) => {
        x0 = pot.invertGradient([y], { x0: [x0] })[0]!;
        return mm.targetDensityAtImage(x0);
      }, pot.gradientAt([lo])[0]!, pot.gradientAt([hi])[0]!, { relTol: 1e-12 }).value;
    });
    ctx.numeric("GB-RBM: Monge–Ampère identity, $\\nu([F'(a),F'(b)])$ from $g_\\nu=\\rho/F''\\circ(F')^{-1}$ equals $\\rho([a,b])$ (3 intervals)", viaTarget, intervals.map(([lo, hi]) => mm.targetCdfAtImage(hi) - mm.targetCdfAtImage(lo)), 1e-10);

    // the target is neither N(0, I) nor the model law
    {
      const K = [[q(2), q(1, 2)], [q(1, 2), q(1, 2)]];
      const I2 = [[q(1), q(0)], [q(0), q(1)]];
      ctx.refutes("Gaussian case: the target $N(0,K)$ is not $N(0,I)$ (here $K=\\begin{pmatrix}2&1/2\\\\1/2&1/2\\end{pmatrix}$): the log-densities differ", gaussianLogDensityExpr([0, 0], K, ["y1", "y2"]), gaussianLogDensityExpr([0, 0], I2, ["y1", "y2"]));
      const f = compile([gbFree, ...hessian(gbFree, ["v"])[0]!], ["v"]);
      const o = new Float64Array(2), inp = new Float64Array(1);
      const moment = (g: (t: number, F2: number) => number): number =>
        integrate((t) => {
          const r = mm.sourceDensity(t);
          if (r === 0) return 0;
          inp[0] = t;
          f(inp, o);
          return g(t, o[1]!) * r;
        }, -Infinity, Infinity, { relTol: 1e-12 }).value;
      ctx.numericFails("GB-RBM: $\\nu$ is not $N(0,1)$: its variance $\\int F''\\,d\\rho$ is not 1", moment((_, F2v) => F2v), 1, 1e-3);
      ctx.numericFails("GB-RBM: $\\nu$ is not the model law $\\rho$ either: $\\rho$ has mean $\\int v\\,d\\rho\\ne0=\\int y\\,d\\nu$", moment((t) => t), 0, 1e-3);
    }

    // the Bernoulli RBM free energy is concave
    const H = matrix(hessian(bFree, ["v1", "v2"]));
    const R = matrix([0, 1].map((i) => [0, 1].map((k) => neg(add(...[0, 1].map((j) => mul(Wb[i]![j]!, sigPrime(bPre[j]!), Wb[k]![j]!)))))));
    matrixIdentity(ctx, "Bernoulli RBM on $\\mathbb R^2$: $D^2F=-W\\operatorname{diag}(\\operatorname{sig}'(c+W^\\top v))W^\\top$ (symbolic $a$, $c$, $W$)", H, R, "D^2F", { symmetric: true, display: TITLE_ONLY });
    const h = [sym("h1"), sym("h2")];
    ctx.identity(
      "so $h^\\top D^2F\\,h=-\\sum_j\\operatorname{sig}'(c_j+(W^\\top v)_j)\\,(W^\\top h)_j^2\\le0$: $F$ is concave, never convex unless $W=0$",
      add(...[0, 1].flatMap((i) => [0, 1].map((k) => mul(h[i]!, H.get(i, k), h[k]!)))),
      neg(add(...[0, 1].map((j) => mul(sigPrime(bPre[j]!), pow(add(mul(Wb[0]![j]!, h[0]!), mul(Wb[1]![j]!, h[1]!)), num(2)))))),
      { display: TITLE_ONLY },
    );
    ctx.custom("numeric counterexample to convexity: $F(\\tfrac{x+y}2)>\\tfrac12(F(x)+F(y))$ at $x=(-1,1)$, $y=(1,-1)$", (): StepCertificate => {
      const params = { a1: 0, a2: 0, c1: 0, c2: 0, w11: 2, w12: -1, w21: 1, w22: 3 };
      const f = compile([bFree], ["v1", "v2", "a1", "a2", "c1", "c2", "w11", "w12", "w21", "w22"]);
      const at = (p: number[]): number => {
        const o = new Float64Array(1);
        f(Float64Array.from([...p, ...Object.values(params)]), o);
        return o[0]!;
      };
      const mid = at([0, 0]), avg = (at([-1, 1]) + at([1, -1])) / 2;
      return mid > avg
        ? { kind: "counterexample", method: "numeric", detail: `F(0, 0) = ${mid.toPrecision(8)} > (F(-1, 1) + F(1, -1))/2 = ${avg.toPrecision(8)}`, point: { v1: "0", v2: "0" } }
        : { kind: "refuted", detail: `midpoint convexity held: ${mid} <= ${avg}` };
    }, { expect: "fails" });
    ctx.custom("and $e^{-F}\\ge e^{a^\\top v}$ is not integrable on $\\mathbb R^d$ (softplus $\\ge0$): no $\\rho$, no moment measure; the module refuses it ($d=1$)", (): StepCertificate => {
      const F1 = neg(add(mul(q(1, 2), v), softplus(add(q(-1), mul(num(2), v))), softplus(mul(num(-3), v))));
      try {
        momentMeasure1D(F1, "v");
      } catch (e) {
        if (e instanceof QgeomError && e.code === "DOMAIN") return { kind: "checked/numeric", error: 0, tolerance: 0, detail: "momentMeasure1D throws DOMAIN: F is not coercive, the integral of exp(-F) is infinite" };
      }
      return { kind: "refuted", detail: "a moment measure was returned for a concave free energy" };
    });
  },
};
