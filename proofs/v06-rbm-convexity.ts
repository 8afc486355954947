// V6: convexity of RBM free energies (MATH.md §2.2). Gaussian–Bernoulli: ∇F = v − a − W sig(c + Wᵀv) and
// ∇²F = I − W D(v) Wᵀ (exact symbolically, and against finite differences), ‖W‖₂ < 2 ⇒ λ_min ≥ 1 − ‖W‖₂²/4 > 0 on
// random v, and a counterexample with ‖W‖₂ ≫ 2 and λ_min < 0. Bernoulli (extended to ℝ^d): ∇²F = −W D Wᵀ ⪯ 0.
import { add, diff, hessian, mul, num, sigmoid, sub, subs, type Expr } from "../src/core/index.js";
import { freeEnergy, freeEnergyExpr, freeEnergyGradient, freeEnergyHessian, gbConvexity, modelFreeEnergyExpr, gbNonConvexExample, rbm, rbmSymbols, type RBM } from "../src/boltzmann/index.js";
import { fdHessian } from "../src/cones/index.js";
import { eigvalsh, spectralNorm } from "../src/linalg/index.js";
import { normal, normalMatrix, Rng } from "../src/random/index.js";
import type { Proof } from "../src/proofs/index.js";

function randomModel(rng: Rng, kind: "bernoulli" | "gaussian-bernoulli", d: number, m: number, norm: number): RBM {
  const G = normalMatrix(rng, d, m);
  const s = norm / spectralNorm(G);
  return rbm({ kind, W: { rows: d, cols: m, data: G.data.map((x) => s * x) }, a: Array.from({ length: d }, () => normal(rng, 0, 0.5)), c: Array.from({ length: m }, () => normal(rng, 0, 0.5)) });
}

const randomV = (rng: Rng, d: number, scale: number) => Float64Array.from({ length: d }, () => normal(rng, 0, scale));

export const v06: Proof = {
  id: "V06",
  title: "RBM free-energy convexity",
  source: "MATH.md §2.2, §9 V6, §8.6 (R5, R5')",
  statement:
    "Gaussian–Bernoulli: $\\nabla^2F(v)=I-W D(v)W^\\top$ with $D(v)=\\mathrm{diag}\\,\\mathrm{sig}'(c+W^\\top v)\\preceq\\frac14I$, so $\\|W\\|_2<2$ implies " +
    "$\\lambda_{\\min}(\\nabla^2F)\\ge1-\\|W\\|_2^2/4>0$; for $\\|W\\|_2>2$ convexity can fail. Bernoulli–Bernoulli extended to $\\mathbb R^d$: " +
    "$\\nabla^2F=-WD(v)W^\\top\\preceq0$, $F$ is concave.",
  hypotheses: [
    "$T=1$ (the Hessian at temperature $T$ is $I-\\frac1TWD_TW^\\top$, checked at $T=0.6$ too); $E(v,h)=\\frac12\\|v-a\\|^2-c^\\top h-v^\\top Wh$",
    "numeric: $d=3$, $m=4$, random $W$ with prescribed $\\|W\\|_2$; 200 random $v\\sim N(0,4I)$",
  ],
  references: ["Cho–Raiko–Ilin (2011), Gaussian–Bernoulli RBMs", "MATH.md §10 item 1"],
  run(ctx) {
    // --- exact: gradient and Hessian of the GB free energy (d = m = 2, all symbols)
    {
      const d = 2, m = 2;
      const F = freeEnergyExpr("gaussian-bernoulli", d, m);
      const S = rbmSymbols(d, m);
      const names = S.v.map((x) => (x as { name: string }).name);
      const x = Array.from({ length: m }, (_, j) => add(S.c[j]!, ...S.v.map((v, i) => mul(S.W.get(i, j), v))));
      const sg = x.map((xj) => sigmoid(xj));
      const sp = sg.map((s) => mul(s, sub(num(1), s)));
      ctx.show("The Gaussian–Bernoulli free energy (d = m = 2)", F, "F(v)");
      for (let i = 0; i < d; i++)
        ctx.identity(`$\\partial F/\\partial v_${i + 1}=v_${i + 1}-a_${i + 1}-\\sum_jW_{${i + 1}j}\\,\\mathrm{sig}(x_j)$`, diff(F, names[i]!),
          sub(sub(S.v[i]!, S.a[i]!), add(...sg.map((s, j) => mul(S.W.get(i, j), s)))), { justification: "$\\mathrm{softplus}'=\\mathrm{sig}$, $x=c+W^\\top v$" });
      const H = hessian(F, names);
      for (let i = 0; i < d; i++)
        for (let k = i; k < d; k++) {
          const rhs: Expr = sub(num(i === k ? 1 : 0), add(...sp.map((s, j) => mul(S.W.get(i, j), s, S.W.get(k, j)))));
          ctx.identity(`$(\\nabla^2F)_{${i + 1}${k + 1}}=\\delta_{${i + 1}${k + 1}}-\\sum_jW_{${i + 1}j}\\,\\mathrm{sig}'(x_j)\\,W_{${k + 1}j}$`, H[i]![k]!, rhs, {
            justification: "$\\mathrm{sig}'=\\mathrm{sig}(1-\\mathrm{sig})$",
          });
        }
      const B = freeEnergyExpr("bernoulli", d, m);
      const HB = hessian(B, names);
      ctx.identity("Bernoulli (extended to $\\mathbb R^d$): $(\\nabla^2F)_{11}=-\\sum_jW_{1j}^2\\,\\mathrm{sig}'(x_j)\\le0$", HB[0]![0]!, mul(num(-1), add(...sp.map((s, j) => mul(S.W.get(0, j), s, S.W.get(0, j))))));
    }

    const rng = new Rng(606);
    // --- the module's Hessian and gradient against finite differences, T = 1 and T = 0.6
    {
      const model = randomModel(rng, "gaussian-bernoulli", 3, 4, 1.5);
      for (const T of [1, 0.6]) {
        const vs = Array.from({ length: 4 }, () => randomV(rng, 3, 1.5));
        const an: number[] = [], fd: number[] = [], g: number[] = [], gfd: number[] = [];
        for (const v of vs) {
          an.push(...freeEnergyHessian(model, v, { T }).data);
          fd.push(...fdHessian((u) => freeEnergy(model, u, { T }), v, 1e-3).data);
          g.push(...freeEnergyGradient(model, v, { T }));
          for (let i = 0; i < 3; i++) {
            const up = Float64Array.from(v), dn = Float64Array.from(v);
            up[i]! += 1e-6;
            dn[i]! -= 1e-6;
            gfd.push((freeEnergy(model, up, { T }) - freeEnergy(model, dn, { T })) / 2e-6);
          }
        }
        ctx.numeric(`GB: $\\nabla F=v-a-W\\,\\mathrm{sig}((c+W^\\top v)/T)$ against central differences at 4 random v (T = ${T})`, g, gfd, 1e-5);
        ctx.numeric(`GB: $\\nabla^2F=I-\\frac1TWD_TW^\\top$ against a finite-difference Hessian at 4 random v (T = ${T})`, an, fd, 1e-5);
      }
    }
    // --- sufficient condition ‖W‖₂ < 2
    for (const norm of [1.2, 1.95]) {
      const model = randomModel(rng, "gaussian-bernoulli", 3, 4, norm);
      let worst = Infinity, boundOk = true, bound = 0;
      for (let k = 0; k < 200; k++) {
        const r = gbConvexity(model, randomV(rng, 3, 2));
        worst = Math.min(worst, r.lambdaMin);
        bound = r.bound;
        if (r.lambdaMin < r.bound - 1e-12) boundOk = false;
      }
      ctx.fact(`$\\|W\\|_2=${norm}<2$: $\\lambda_{\\min}(\\nabla^2F(v))\\ge1-\\|W\\|_2^2/4>0$ at 200 random v`, boundOk && worst > 0 && bound > 0,
        `smallest λ_min ${worst.toPrecision(6)} >= bound ${bound.toPrecision(6)} > 0`, { justification: "$v^\\top WDW^\\top v\\le\\frac14\\|W^\\top v\\|^2\\le\\frac14\\|W\\|_2^2\\|v\\|^2$" });
    }
    // --- counterexample
    {
      const { model, v, lambdaMin } = gbNonConvexExample(2, 6);
      const r = gbConvexity(model, v);
      const Fx = modelFreeEnergyExpr(model);
      const Hx = hessian(Fx, ["v1", "v2"]);
      ctx.identity("counterexample, exactly: $(\\nabla^2F)_{11}(0)=1-36\\,\\mathrm{sig}'(0)=-8$ for $W=6I_2$, $a=c=0$", subs(Hx[0]![0]!, { v1: 0, v2: 0 }), num(-8));
      ctx.identity("and $(\\nabla^2F)_{12}(0)=0$, so $\\nabla^2F(0)=-8I_2$", subs(Hx[0]![1]!, { v1: 0, v2: 0 }), num(0));
      ctx.numeric("counterexample $W=6I_2$, $c=0$, $v=0$: $\\nabla^2F(0)=(1-36/4)I$, $\\lambda_{\\min}=-8$", [r.lambdaMin, r.normW], [lambdaMin, 6], 1e-12, {
        justification: "$D(0)=\\frac14I$ since $\\mathrm{sig}'(0)=\\frac14$",
      });
      ctx.fact("with $\\|W\\|_2=6\\gg2$ the GB free energy is not convex (the literal claim \"F is convex for every W\" fails)", r.lambdaMin >= 0, `λ_min(∇²F(0)) = ${r.lambdaMin}, a direction of negative curvature`, { expect: "fails" });
      // the FD Hessian confirms it independently
      const fd = fdHessian((u) => freeEnergy(model, u), v, 1e-3);
      ctx.numeric("the finite-difference Hessian at the counterexample has the eigenvalues $-8,-8$", Array.from(eigvalsh(fd)), [-8, -8], 1e-5);
    }
    // --- Bernoulli extension: concave
    {
      let worstMax = -Infinity, fdErr = 0;
      for (let k = 0; k < 20; k++) {
        const model = randomModel(rng, "bernoulli", 3, 4, 0.5 + 3 * rng.random());
        for (let s = 0; s < 10; s++) {
          const v = randomV(rng, 3, 2);
          const H = freeEnergyHessian(model, v);
          worstMax = Math.max(worstMax, eigvalsh(H)[2]!);
          if (s === 0) {
            const fd = fdHessian((u) => freeEnergy(model, u, { extended: true }), v, 1e-3);
            fdErr = Math.max(fdErr, ...Array.from(H.data, (x, i) => Math.abs(x - fd.data[i]!)));
          }
        }
      }
      ctx.numeric("Bernoulli (extended): $\\nabla^2F=-WDW^\\top$ against finite differences (20 models)", fdErr, 0, 1e-5, { absolute: true });
      ctx.fact("Bernoulli (extended): $\\nabla^2F\\preceq0$ at 200 random (W, v), i.e. F is concave", worstMax <= 1e-12, `largest eigenvalue ${worstMax.toExponential(3)} <= 0 (up to rounding)`);
    }
  },
};
