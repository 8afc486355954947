// V8: change of variables and the Monge–Ampère equation for the gradient of a convex map
// (MATH.md §3.1–3.3, §3.5). φ = ½xᵀAx + Σ_j softplus(u_jᵀx) pushes f = N(0, I) to g with
// g(∇φ(x)) = f(x)/det D²φ(x): exact Hessian and determinant, 1-D quadrature, 2-D binned Monte Carlo,
// monotonicity, and the linearised operator with its divergence form (exact).
import { type Expr, PI, Rational, add, diff, exp, inverse, matMul, matrix, mul, num, pow, sigmoid, softplus, sub, sym, trace } from "../src/core/index.js";
import {
  cofactorDivergence,
  compilePotential,
  compilePushforwardDensity,
  hessianMatrix,
  integrate,
  linearizedMongeAmpere,
  linearizedMongeAmpereDivergence,
  mongeAmpere,
  mongeAmpereFirstVariation,
} from "../src/monge-ampere/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { Rng, fillStandardNormal } from "../src/random/index.js";
import { TITLE_ONLY, allZero, matrixIdentity } from "./helpers/steps.js";

const q = (a: number, b = 1): Expr => num(Rational.of(a, b));
const x = sym("x"), y = sym("y");
const XY = ["x", "y"];

// A = [[2, 1/2], [1/2, 1]], u₁ = (1, −1), u₂ = (1/2, 1)
const A = [[q(2), q(1, 2)], [q(1, 2), q(1)]];
const U = [[q(1), q(-1)], [q(1, 2), q(1)]];
const dot = (u: Expr[]): Expr => add(mul(u[0]!, x), mul(u[1]!, y));
const quadratic = mul(q(1, 2), add(...[0, 1].flatMap((i) => [0, 1].map((j) => mul(A[i]![j]!, [x, y][i]!, [x, y][j]!)))));
const phi2 = add(quadratic, ...U.map((u) => softplus(dot(u))));
/** sig'(t) = sig(t)(1 − sig(t)). */
const sigPrime = (t: Expr): Expr => mul(sigmoid(t), sub(num(1), sigmoid(t)));
/** The 1-D potential x²/2 + softplus(2x) + softplus(−x). */
const phi1 = add(mul(q(1, 2), pow(x, num(2))), softplus(mul(num(2), x)), softplus(mul(num(-1), x)));
const normal1 = mul(exp(mul(q(-1, 2), pow(x, num(2)))), pow(mul(num(2), PI), q(-1, 2)));
const normal2 = mul(exp(mul(q(-1, 2), add(pow(x, num(2)), pow(y, num(2))))), pow(mul(num(2), PI), num(-1)));

export const v08: Proof = {
  id: "V08",
  title: "Change of variables and Monge–Ampère for the gradient of a convex map",
  source: "MATH.md §3.1–3.3, §3.5",
  statement:
    "For $\\varphi(x)=\\tfrac12x^\\top Ax+\\sum_j\\operatorname{softplus}(u_j^\\top x)$ with $A\\succ0$ and $f=N(0,I)$, the map $\\nabla\\varphi$ is a monotone $C^\\infty$ diffeomorphism and " +
    "$g=(\\nabla\\varphi)_\\#f$ satisfies $g(\\nabla\\varphi(x))\\det D^2\\varphi(x)=f(x)$ (the Monge–Ampère equation). The linearised operator $L_\\varphi[v]=\\operatorname{tr}(\\operatorname{cof}(D^2\\varphi)D^2v)$ " +
    "is the first variation of $\\det D^2\\varphi$, equals $\\det D^2\\varphi\\,\\operatorname{tr}((D^2\\varphi)^{-1}D^2v)$ and $\\sum_{ij}\\partial_i(\\operatorname{cof}(D^2\\varphi)_{ij}\\partial_jv)$, the cofactor rows being divergence-free.",
  hypotheses: [
    "$d=2$: $A=\\begin{pmatrix}2&1/2\\\\1/2&1\\end{pmatrix}$, $u_1=(1,-1)$, $u_2=(1/2,1)$; $d=1$: $\\varphi(x)=x^2/2+\\operatorname{softplus}(2x)+\\operatorname{softplus}(-x)$",
    "$f$ the standard normal density; tolerances of MATH.md §9 (N $10^{-10}$, MC 5 SE)",
  ],
  references: ["Brenier (1991)", "McCann (1995)", "Villani, Topics in Optimal Transportation (2003), ch. 4", "Caffarelli (1992)"],
  run(ctx) {
    ctx.show("The potential (d = 2)", phi2, "\\varphi(x,y)");
    // D²φ = A + Σ_j sig'(u_jᵀx) u_j u_jᵀ
    const H = hessianMatrix(phi2, XY);
    const rhs = matrix([0, 1].map((i) => [0, 1].map((j) => add(A[i]![j]!, ...U.map((u) => mul(sigPrime(dot(u)), u[i]!, u[j]!))))));
    matrixIdentity(ctx, "Hessian: $D^2\\varphi=A+\\sum_j\\operatorname{sig}'(u_j^\\top x)\\,u_ju_j^\\top$", H, rhs, "D^2\\varphi", {
      symmetric: true,
      display: TITLE_ONLY,
      justification: "$\\operatorname{softplus}'=\\operatorname{sig}$ and $\\operatorname{sig}'=\\operatorname{sig}(1-\\operatorname{sig})$",
    });
    const s1 = sigPrime(dot(U[0]!)), s2 = sigPrime(dot(U[1]!));
    ctx.identity(
      "Monge–Ampère determinant: $\\det D^2\\varphi=\\tfrac74+4s_1+\\tfrac74s_2+\\tfrac94s_1s_2\\ge\\det A>0$ with $s_j=\\operatorname{sig}'(u_j^\\top x)\\in(0,\\tfrac14]$",
      mongeAmpere(phi2, XY),
      add(q(7, 4), mul(num(4), s1), mul(q(7, 4), s2), mul(q(9, 4), s1, s2)),
      {
        display: TITLE_ONLY,
        justification:
          "$\\det(A+s_1u_1u_1^\\top+s_2u_2u_2^\\top)=\\det A+s_1u_1^\\top\\operatorname{adj}(A)u_1+s_2u_2^\\top\\operatorname{adj}(A)u_2+s_1s_2(u_1\\times u_2)^2$; every coefficient is positive, so $\\nabla\\varphi$ is a local diffeomorphism everywhere (and a global one, being the gradient of a strictly convex coercive function)",
      },
    );

    // monotonicity ⟨∇φ(x) − ∇φ(y), x − y⟩ ≥ λ_min(A)‖x − y‖² > 0
    const pot = compilePotential(phi2, XY);
    {
      const rng = new Rng(808);
      const lamMinA = (3 - Math.sqrt(2)) / 2; // eigenvalues of A: (3 ± √2)/2
      let worst = Infinity;
      for (let k = 0; k < 2000; k++) {
        const a = [6 * rng.random() - 3, 6 * rng.random() - 3], b = [6 * rng.random() - 3, 6 * rng.random() - 3];
        const ga = pot.gradientAt(a), gb = pot.gradientAt(b);
        const num_ = (ga[0]! - gb[0]!) * (a[0]! - b[0]!) + (ga[1]! - gb[1]!) * (a[1]! - b[1]!);
        worst = Math.min(worst, num_ / ((a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2));
      }
      ctx.fact(
        "monotonicity: $\\langle\\nabla\\varphi(a)-\\nabla\\varphi(b),a-b\\rangle\\ge\\lambda_{\\min}(A)\\|a-b\\|^2>0$ on 2000 random pairs",
        worst >= lamMinA * (1 - 1e-12),
        `min over pairs of <grad phi(a) - grad phi(b), a - b>/|a - b|^2 = ${worst.toFixed(6)} >= lambda_min(A) = ${lamMinA.toFixed(6)}`,
        { justification: "$D^2\\varphi\\succeq A$ along the segment from $b$ to $a$" },
      );
    }

    // 1-D: ∫_{φ'(a)}^{φ'(b)} g = ∫_a^b f
    ctx.show("The potential (d = 1)", phi1, "\\varphi(x)");
    const pf1 = compilePushforwardDensity(phi1, normal1, ["x"]);
    const f1 = (t: number): number => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
    const intervals: Array<[number, number]> = [[-1, 0.5], [-3, 3], [0.2, 2.7], [-4, -1.5]];
    const pushedMass = (wrongSide: boolean): number[] =>
      intervals.map(([a, b]) => {
        const ya = pf1.potential.gradientAt([a])[0]!, yb = pf1.potential.gradientAt([b])[0]!;
        let x0 = a;
        return integrate((t) => {
          const xs = pf1.potential.invertGradient([t], { x0: [x0] });
          x0 = xs[0]!;
          if (!wrongSide) return pf1.atImage(xs);
          const h = pf1.potential.evaluate(xs).hessian[0]!;
          return f1(x0) * h;
        }, ya, yb, { relTol: 1e-12 }).value;
      });
    const sourceMass = intervals.map(([a, b]) => integrate(f1, a, b, { relTol: 1e-13 }).value);
    ctx.numeric("d = 1: the mass of $g=f/\\varphi''\\circ(\\varphi')^{-1}$ over $[\\varphi'(a),\\varphi'(b)]$ equals the source mass of $[a,b]$ (4 intervals)", pushedMass(false), sourceMass, 1e-10, {
      justification: "adaptive Gauss–Kronrod in $y$ with $x=(\\varphi')^{-1}(y)$ by Newton, against quadrature of $f$ over $[a,b]$",
    });
    ctx.numericFails(
      "the Jacobian on the wrong side, $g(\\varphi'(x))=f(x)\\varphi''(x)$, gives the wrong mass on $[-3,3]$",
      pushedMass(true)[1]!,
      sourceMass[1]!,
      1e-3,
    );

    // 2-D: binned push-forward of N(0, I) samples against ∫_bin g
    const pf2 = compilePushforwardDensity(phi2, normal2, XY);
    ctx.custom(
      "d = 2: a 3 x 3 histogram of $\\nabla\\varphi(X)$, $X\\sim N(0,I)$, matches $\\int_{\\rm bin}g$ in every bin (5 SE)",
      (): StepCertificate => {
        const rng = new Rng(20260311);
        const N = 40_000;
        const z = new Float64Array(2);
        const edges = [-2.5, -0.5, 1.5, 3.5];
        const counts = new Float64Array(9);
        for (let s = 0; s < N; s++) {
          fillStandardNormal(rng, z);
          const g = pot.gradientAt(z);
          const i = [0, 1, 2].find((k) => g[0]! >= edges[k]! && g[0]! < edges[k + 1]!);
          const j = [0, 1, 2].find((k) => g[1]! >= edges[k]! && g[1]! < edges[k + 1]!);
          if (i !== undefined && j !== undefined) counts[i * 3 + j]! += 1;
        }
        let worst = { z: -1, p: 0, mass: 0, se: 0, bin: "" };
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            let x0: number[] = [0, 0];
            const inner = (y1: number): number =>
              integrate((y2) => {
                const xs = pf2.potential.invertGradient([y1, y2], { x0 });
                x0 = Array.from(xs);
                return pf2.atImage(xs);
              }, edges[j]!, edges[j + 1]!, { relTol: 1e-9, absTol: 1e-12 }).value;
            const mass = integrate(inner, edges[i]!, edges[i + 1]!, { relTol: 1e-8, absTol: 1e-11 }).value;
            const p = counts[i * 3 + j]! / N;
            const se = Math.sqrt(Math.max(p * (1 - p), 1 / N) / N);
            const zz = Math.abs(p - mass) / se;
            if (zz > worst.z) worst = { z: zz, p, mass, se, bin: `[${edges[i]}, ${edges[i + 1]}] x [${edges[j]}, ${edges[j + 1]}]` };
          }
        const detail = `${N} samples, 9 bins; worst bin ${worst.bin}: frequency ${worst.p.toFixed(5)} vs integral of g ${worst.mass.toFixed(5)} (${worst.z.toFixed(2)} SE)`;
        return worst.z <= 5
          ? { kind: "checked/monte-carlo", estimate: worst.p, expected: worst.mass, standardError: worst.se, sigmas: worst.z, detail }
          : { kind: "refuted", detail };
      },
      { justification: "$g$ at a target point $y$ from $f(x)/\\det D^2\\varphi(x)$ with $\\nabla\\varphi(x)=y$ solved by Newton; nested adaptive quadrature over each bin" },
    );

    // §3.5: the linearised operator (one softplus term keeps the exact forms small)
    const phiL = add(quadratic, softplus(dot(U[0]!)));
    const v = add(mul(pow(x, num(3)), y), exp(sub(x, y)), mul(num(2), x, pow(y, num(2))));
    ctx.show("Linearisation: the potential (one softplus term keeps the exact forms small)", phiL, "\\varphi_1");
    ctx.show("Linearisation: the perturbation", v, "v");
    const L = linearizedMongeAmpere(phiL, v, XY);
    ctx.identity("$L_{\\varphi_1}[v]=\\frac{d}{d\\varepsilon}\\det D^2(\\varphi_1+\\varepsilon v)|_{\\varepsilon=0}$", L, mongeAmpereFirstVariation(phiL, v, XY), {
      display: TITLE_ONLY,
      justification: "Jacobi's formula; the right side is computed from the determinant of the perturbed Hessian",
    });
    ctx.identity("divergence form $L_{\\varphi_1}[v]=\\sum_{ij}\\partial_i(\\operatorname{cof}(D^2\\varphi_1)_{ij}\\partial_jv)$", L, linearizedMongeAmpereDivergence(phiL, v, XY), {
      display: TITLE_ONLY,
      justification: "the rows of the cofactor matrix are divergence-free",
    });
    const inverseForm = mul(mongeAmpere(phiL, XY), trace(matMul(inverse(hessianMatrix(phiL, XY)), hessianMatrix(v, XY))));
    ctx.identity("$L_{\\varphi_1}[v]=\\det D^2\\varphi_1\\,\\operatorname{tr}((D^2\\varphi_1)^{-1}D^2v)$", L, inverseForm, {
      display: TITLE_ONLY,
      justification: "for symmetric $H$, $\\operatorname{cof}H=\\det(H)H^{-1}$; the inverse is the core's symbolic inverse",
    });
    allZero(ctx, "the cofactor columns of $D^2\\varphi$ (two softplus terms) are divergence-free: $\\sum_i\\partial_i\\operatorname{cof}(D^2\\varphi)_{ij}=0$", cofactorDivergence(phi2, XY), num(0));
    const lap = linearizedMongeAmpere(mul(q(1, 2), add(pow(x, num(2)), pow(y, num(2)))), v, XY);
    ctx.identity("at $\\varphi=\\|x\\|^2/2$ the linearised operator is the Laplacian: $\\det(I+\\varepsilon D^2v)=1+\\varepsilon\\Delta v+O(\\varepsilon^2)$", lap, add(diff(v, "x", 2), diff(v, "y", 2)));
  },
};
