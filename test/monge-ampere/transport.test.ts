// Transport residual and push-forward densities (MATH.md §3.1–3.3, V8, V9): the Gaussian quadratic
// potential solves det D²φ = f/g(∇φ) (exactly for rational data, N for float data through the compiled
// batch residual), push-forward densities by quadrature (1-D) and binned Monte Carlo (2-D), monotonicity.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { parse } from "../../src/interop/index.js";
import { Rng, fillStandardNormal } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import {
  compilePotential,
  compilePushforwardDensity,
  compileTransportResidual,
  gaussianBrenierMap,
  gaussianDensityExpr,
  gaussianPotential,
  integrate,
  pushforwardDensityAtImage,
  transportResidual,
} from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { normalCdf, relErr } from "./helpers.js";

const XY = ["x", "y"];

describe("transport residual of the Gaussian quadratic potential (V9)", () => {
  it("vanishes identically for rational data: φ = x² + xy + y² − x + 3y maps N(0, I) to N((−1, 3), A²)", () => {
    const phi = parse("x^2 + x*y + y^2 - x + 3*y");
    const f = parse("exp(-(x^2+y^2)/2)/(2*pi)");
    // A = [[2,1],[1,2]], A² = [[5,4],[4,5]], (A²)⁻¹ = [[5,-4],[-4,5]]/9, det A² = 9
    const g = parse("exp(-(5*(u+1)^2 - 8*(u+1)*(v-3) + 5*(v-3)^2)/18)/(2*pi*3)");
    const problem = { phi, vars: XY, source: f, target: g, targetVars: ["u", "v"] };
    expect(transportResidual(problem)).toBe(ZERO);
    expect(transportResidual(problem, { form: "log" })).toBe(ZERO);
    // the wrong target covariance leaves a non-zero residual (the check can fail)
    const g2 = parse("exp(-(5*(u+1)^2 - 8*(u+1)*(v-3) + 5*(v-3)^2)/20)/(2*pi*3)");
    expect(transportResidual({ ...problem, target: g2 })).not.toBe(ZERO);
  });
  it("the compiled batch residual is ~0 for random Gaussian pairs (N, 1e-8 relative to det A)", () => {
    const rng = new Rng(5);
    fc.assert(
      fc.property(spdMatrix({ n: 2, maxCond: 100 }), spdMatrix({ n: 2, maxCond: 100 }), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }), (S1, S2, mm) => {
        const m1 = mm.slice(0, 2), m2 = mm.slice(2);
        const T = gaussianBrenierMap(m1, S1, m2, S2);
        const phi = gaussianPotential(T.A, m1, m2, XY);
        const determinant = rng.random() < 0.5 ? "closed" : "hessian"; // both compiled forms of det D²φ
        const ev = compileTransportResidual({ phi, vars: XY, source: gaussianDensityExpr(m1, S1, XY), target: gaussianDensityExpr(m2, S2, ["u", "v"]), targetVars: ["u", "v"] }, { determinant });
        const n = 16;
        const pts = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
          pts[i] = m1[0]! + 2 * (rng.random() - 0.5);
          pts[n + i] = m1[1]! + 2 * (rng.random() - 0.5);
        }
        const r = ev.batch(pts, n);
        const detA = Math.exp(2 * T.logDetA);
        for (const v of r) expect(Math.abs(v)).toBeLessThanOrEqual(1e-8 * detA);
        // log form: log det D²φ − log f + log g∘∇φ = 0 and log f − log g∘T = log det A
        const lg = compileTransportResidual({ phi, vars: XY, source: gaussianDensityExpr(m1, S1, XY), target: gaussianDensityExpr(m2, S2, XY) }, { form: "log" });
        for (const v of lg.batch(pts, n)) expect(Math.abs(v)).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: 15 },
    );
  });
  it("reports points where D²φ is singular or the target density vanishes", () => {
    const f = parse("exp(-(x^2+y^2)/2)/(2*pi)");
    const ev = compileTransportResidual({ phi: parse("x^4 + y^2"), vars: XY, source: f, target: f });
    expect(ev.at({ x: 1, y: 0 })).toBeTypeOf("number");
    const e = qgeomError(() => ev.batch(Float64Array.of(1, 0, 2, 3), 2));
    expect(e.code).toBe("SINGULAR");
    expect(e.message).toMatch(/point 1 \(x=0, y=3\)/);
    const ok = compileTransportResidual({ phi: parse("x^4 + y^2"), vars: XY, source: f, target: f }, { allowNonConvex: true });
    expect(relErr(ok.batch(Float64Array.of(1, 0, 2, 3), 2)[1]!, -f0(0, 3) / f0(0, 6))).toBeLessThanOrEqual(1e-12);
    const z = compileTransportResidual({ phi: parse("(x^2 + y^2)/2"), vars: XY, source: f, target: parse("u^2*exp(-(u^2+v^2)/2)"), targetVars: ["u", "v"] });
    const e2 = qgeomError(() => z.at({ x: 0, y: 1 }));
    expect(e2.code).toBe("DOMAIN");
    expect(e2.message).toMatch(/target density/);
    expect(qgeomError(() => compileTransportResidual({ phi: parse("x^2"), vars: XY, source: f, target: f, targetVars: ["u"] })).code).toBe("SHAPE");
  });
});

function f0(x: number, y: number): number {
  return Math.exp(-(x * x + y * y) / 2) / (2 * Math.PI);
}

/** The V8 potential ½xᵀAx + Σ_j softplus(u_jᵀx). */
const V8_2D = parse("x^2 + x*y/2 + y^2/2 + softplus(x - y) + softplus(2*x + y)/2");
const V8_1D = parse("x^2/2 + softplus(2*x - 1) + softplus(-x)/2");

describe("push-forward densities (V8)", () => {
  it("symbolic f/det D²φ and its numeric twin (Cholesky of the compiled Hessian) agree (N)", () => {
    const f = parse("exp(-(x^2+y^2)/2)/(2*pi)");
    const c = compile(pushforwardDensityAtImage(V8_2D, f, XY), XY);
    const pf = compilePushforwardDensity(V8_2D, f, XY);
    const o = new Float64Array(1);
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (x, y) => {
        c(Float64Array.of(x, y), o);
        expect(relErr(pf.atImage([x, y]), o[0]!)).toBeLessThanOrEqual(1e-12);
        // inverting the gradient map recovers the same density at the image point
        expect(relErr(pf.at(pf.potential.gradientAt([x, y])), o[0]!)).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 50 },
    );
  });
  it("1-D: ∫ over [φ'(a), φ'(b)] of the push-forward density equals the source mass of [a, b] (N, 1e-10)", () => {
    const f = parse("exp(-x^2/2)/sqrt(2*pi)");
    const pf = compilePushforwardDensity(V8_1D, f, ["x"]);
    for (const [a, b] of [[-1, 0.5], [-3, 3], [0.2, 2.7]] as const) {
      const ya = pf.potential.gradientAt([a])[0]!, yb = pf.potential.gradientAt([b])[0]!;
      let x0: number = a;
      const q = integrate((y) => {
        const x = pf.potential.invertGradient([y], { x0: [x0] });
        x0 = x[0]!;
        return pf.atImage(x);
      }, ya, yb, { relTol: 1e-12 });
      expect(relErr(q.value, normalCdf(b) - normalCdf(a))).toBeLessThanOrEqual(1e-10);
    }
  });
  it("2-D: binned push-forward of N(0, I) samples matches ∫_bin g(y) dy within 5 standard errors per bin (MC)", () => {
    const f = parse("exp(-(x^2+y^2)/2)/(2*pi)");
    const pf = compilePushforwardDensity(V8_2D, f, XY);
    const rng = new Rng(20260311);
    const N = 40_000;
    const z = new Float64Array(2);
    // bins: a 3×3 grid on [-2, 4] × [-2, 4] in the target
    const edges = [-2, 0, 2, 4];
    const counts = new Float64Array(9);
    for (let s = 0; s < N; s++) {
      fillStandardNormal(rng, z);
      const y = pf.potential.gradientAt(z);
      const i = edges.findIndex((e, k) => k < 3 && y[0]! >= e && y[0]! < edges[k + 1]!);
      const j = edges.findIndex((e, k) => k < 3 && y[1]! >= e && y[1]! < edges[k + 1]!);
      if (i >= 0 && j >= 0) counts[i * 3 + j]! += 1;
    }
    // tensor Gauss–Legendre (8 points) in each bin, density at y through the inverse gradient
    const gl = gaussLegendre8();
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let mass = 0;
        let x0: number[] = [0, 0];
        for (const [u, wu] of gl)
          for (const [v, wv] of gl) {
            const y = [edges[i]! + (u + 1), edges[j]! + (v + 1)]; // bins have width 2: y = lo + (t + 1)
            const x = pf.potential.invertGradient(y, { x0 });
            x0 = Array.from(x);
            mass += wu * wv * pf.atImage(x);
          }
        const p = counts[i * 3 + j]! / N;
        const se = Math.sqrt(Math.max(p * (1 - p), 1 / N) / N);
        expect(Math.abs(p - mass)).toBeLessThanOrEqual(5 * se);
      }
  });
  it("∇φ is monotone: ⟨∇φ(x) − ∇φ(y), x − y⟩ ≥ 0 (N)", () => {
    const pot = compilePotential(V8_2D, XY);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }), (v) => {
        const gx = pot.gradientAt(v.slice(0, 2)), gy = pot.gradientAt(v.slice(2));
        const dot = (gx[0]! - gy[0]!) * (v[0]! - v[2]!) + (gx[1]! - gy[1]!) * (v[1]! - v[3]!);
        expect(dot).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });
  it("inversion errors: outside the image of ∇φ, start outside the domain, singular Hessian", () => {
    const p = compilePotential(parse("exp(x) + y^2"), XY); // ∇φ maps onto (0, ∞) × ℝ
    expect(qgeomError(() => p.invertGradient([-1, 0])).code).toBe("SINGULAR");
    const q = compilePotential(parse("x*log(x) + y^2"), XY);
    expect(qgeomError(() => q.invertGradient([1, 0])).code).toBe("DOMAIN");
    expect(q.invertGradient([1, 0], { x0: [1, 0] })[0]).toBeCloseTo(1, 12);
    const s = compilePushforwardDensity(parse("x^4 + y^2"), parse("exp(-x^2-y^2)"), XY);
    expect(qgeomError(() => s.atImage([0, 1])).code).toBe("SINGULAR");
    expect(qgeomError(() => compilePotential(parse("a*x^2"), ["x"])).code).toBe("UNKNOWN_VARIABLE");
    expect(compilePotential(parse("a*x^2"), ["x"], { parameters: { a: 2 } }).gradientAt([1])[0]).toBe(4);
  });
});

/** 8-point Gauss–Legendre nodes and weights on [−1, 1]. */
function gaussLegendre8(): [number, number][] {
  const x = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
  const w = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
  return x.flatMap((t, k) => [[-t, w[k]!], [t, w[k]!]] as [number, number][]);
}
