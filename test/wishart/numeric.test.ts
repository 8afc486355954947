// Numeric Wishart functions: p = 1 reductions, density equivariance under congruence (§4.7), the
// batch path, conventions (§1.7), moments' internal consistency, and bad input (QgeomError naming
// the argument). Tolerances: N (relative 1e-10 of max(1, |value|)).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QgeomError, special } from "../../src/core/index.js";
import { type Matrix, inverse, matmul, toArray, transpose, slogDet } from "../../src/linalg/index.js";
import { Rng, normalMatrix } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import * as W from "../../src/wishart/index.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const SIG3 = [[2, 0.6, -0.3], [0.6, 1.5, 0.4], [-0.3, 0.4, 1]];
const S3 = [[5, 1, 0.2], [1, 3, -0.5], [0.2, -0.5, 4]];

function expectError(f: () => unknown, code: string, re: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(QgeomError);
    expect((e as QgeomError).code).toBe(code);
    expect((e as Error).message).toMatch(re);
    return;
  }
  throw new Error("expected a QgeomError");
}

describe("p = 1 (MATH §4.1, §4.8)", () => {
  it("W_1(n, σ²) = σ²χ²_n = Gamma(shape n/2, scale 2σ²)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 60, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), (x, n, s2) => {
        const k = n / 2, th = 2 * s2;
        const gammaLogPdf = (k - 1) * Math.log(x) - x / th - k * Math.log(th) - special.lgammaFn(k);
        expect(rel(W.logpdf([[x]], n, [[s2]]), gammaLogPdf)).toBeLessThan(1e-12);
      }),
    );
  });
  it("CW_1(n, σ²) = Gamma(shape n, scale σ²)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 60, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), (x, n, s2) => {
        const gammaLogPdf = (n - 1) * Math.log(x) - x / s2 - n * Math.log(s2) - special.lgammaFn(n);
        expect(rel(W.complexLogpdf([[x]], n, [[s2]]), gammaLogPdf)).toBeLessThan(1e-12);
      }),
    );
  });
});

describe("congruence (MATH §4.7): f_{AΣAᵀ}(ASAᵀ) = |det A|^{−(p+1)} f_Σ(S)", () => {
  it("holds for random invertible A, p = 2..5", () => {
    const rng = new Rng(11);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((p) => fc.tuple(spdMatrix({ n: p }), spdMatrix({ n: p }), fc.double({ min: 0.1, max: 10, noNaN: true }))), ([S, Sg, ex]) => {
        const p = S.rows, df = p - 1 + ex;
        const A = normalMatrix(rng, p, p);
        const cong = (M: Matrix) => {
          const R = matmul(matmul(A, M), transpose(A));
          for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) R.data[i * p + j] = R.data[j * p + i] = 0.5 * (R.data[i * p + j]! + R.data[j * p + i]!);
          return R;
        };
        const { logAbsDet } = slogDet(A);
        const lhs = W.logpdf(cong(S), df, cong(Sg));
        expect(Math.abs(lhs - (W.logpdf(S, df, Sg) - (p + 1) * logAbsDet))).toBeLessThan(1e-8 * Math.max(1, Math.abs(lhs)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("batch evaluation", () => {
  it("stack, array of matrices and scalar calls agree bit for bit", () => {
    const rng = new Rng(3);
    const s = W.wishartSampler(6.5, SIG3);
    const stack = s.sampleStack(rng, 50);
    const f = W.wishartLogPdf(6.5, SIG3);
    const a = f.batch(stack);
    const mats = Array.from({ length: 50 }, (_, k) => ({ rows: 3, cols: 3, data: stack.slice(9 * k, 9 * k + 9) }));
    const b = W.logpdfBatch(mats, 6.5, SIG3);
    const out = new Float64Array(50);
    f.batch(stack, out);
    for (let k = 0; k < 50; k++) {
      expect(a[k]).toBe(b[k]);
      expect(out[k]).toBe(a[k]);
      expect(a[k]).toBe(W.logpdf(mats[k]!, 6.5, SIG3));
    }
  });
});

describe("moments are mutually consistent", () => {
  it("covariance (vech order) has Var(S_ij) on its diagonal; mean, mode, meanDet", () => {
    const cov = W.covariance(7, SIG3), v = W.variance(7, SIG3);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) pairs.push([i, j]);
    pairs.forEach(([i, j], a) => expect(cov.data[a * 6 + a]).toBeCloseTo(v.data[i * 3 + j]!, 12));
    expect(toArray(W.mean(7, SIG3))[0]![1]).toBeCloseTo(7 * 0.6, 13);
    expect(toArray(W.mode(7, SIG3))[2]![2]).toBeCloseTo(3, 13);
    const detSig = Math.exp(slogDet({ rows: 3, cols: 3, data: Float64Array.from(SIG3.flat()) }).logAbsDet);
    expect(rel(W.meanDet(7, SIG3), detSig * 7 * 6 * 5)).toBeLessThan(1e-13);
    expect(W.laplaceTransform([[0, 0, 0], [0, 0, 0], [0, 0, 0]], 7, SIG3)).toBeCloseTo(1, 14);
  });
  it("the Laplace transform at Θ = t·Σ⁻¹/2 is (1 + t)^{−np/2}", () => {
    const P = toArray(inverse({ rows: 3, cols: 3, data: Float64Array.from(SIG3.flat()) }));
    for (const t of [-0.5, 0.3, 2]) {
      const theta = P.map((r) => r.map((x) => (t * x) / 2));
      theta.forEach((r, i) => r.forEach((_, j) => (theta[i]![j] = theta[j]![i] = (theta[i]![j]! + theta[j]![i]!) / 2)));
      expect(rel(W.logLaplaceTransform(theta, 4.5, SIG3), -(4.5 * 3 / 2) * Math.log(1 + t))).toBeLessThan(1e-12);
    }
  });
});

describe("conventions (MATH §1.7)", () => {
  const df = 5.5;
  it("every target converts back to the same (df, Σ)", () => {
    for (const target of W.CONVENTIONS) {
      if (target === "scipy-invwishart") continue;
      const c = W.toConvention(target, df, SIG3);
      const P = c.parameters as any;
      const spec: any =
        target === "scipy" ? { convention: "scipy", df: P.df, scale: P.scale }
        : target === "tfp" ? { convention: "tfp", df: P.df, scale_tril: P.scale_tril }
        : target === "torch-covariance" ? { convention: "torch", df: P.df, covariance_matrix: P.covariance_matrix }
        : target === "torch-precision" ? { convention: "torch", df: P.df, precision_matrix: P.precision_matrix }
        : target === "torch-scale-tril" ? { convention: "torch", df: P.df, scale_tril: P.scale_tril }
        : target === "sympy-wishart" ? { convention: "sympy-wishart", n: P.n, scale_matrix: P.scale_matrix }
        : target === "sympy-matrixgamma" ? { convention: "sympy-matrixgamma", alpha: P.alpha, beta: P.beta, scale_matrix: P.scale_matrix }
        : target === "mathematica" ? { convention: "mathematica", n: P.n, sigma: P.sigma }
        : target === "mathematica-legacy" ? { convention: "mathematica-legacy", sigma: P.sigma, n: P.n }
        : { convention: "shape-rate", alpha: P.alpha, rate: P.rate };
      const back = W.fromConvention(spec);
      expect(back.df).toBeCloseTo(df, 14);
      toArray(back.scale).forEach((r, i) => r.forEach((x, j) => expect(x).toBeCloseTo(SIG3[i]![j]!, 12)));
    }
  });
  it("the calls name the parameters in each library's order", () => {
    expect(W.toConvention("mathematica", 5.5, [[2, 1], [1, 3]]).code).toBe("WishartMatrixDistribution[5.5, {{2,1},{1,3}}]");
    expect(W.toConvention("mathematica-legacy", 5.5, [[2, 1], [1, 3]]).code).toBe("WishartDistribution[{{2,1},{1,3}}, 5.5]");
    expect(W.toConvention("scipy", 5.5, [[2, 1], [1, 3]]).code).toBe("scipy.stats.wishart(df=5.5, scale=np.array([[2,1],[1,3]]))");
    expect(W.toConvention("sympy-matrixgamma", 5.5, [[2, 1], [1, 3]]).parameters).toMatchObject({ alpha: 2.75, beta: 2 });
    expect(W.toConvention("tfp", 1.5, [[2, 1], [1, 3]]).remarks[0]).toMatch(/TFP documents df ≥ p/);
  });
  it("shape–rate: density ∝ det S^{α−(p+1)/2} e^{−tr(BS)} with α = n/2, B = ½Σ⁻¹", () => {
    const c = W.toConvention("shape-rate", df, SIG3);
    const B = c.parameters.rate as number[][], alpha = c.parameters.alpha as number;
    // log-density differences between two points depend only on (α, B)
    const S2 = [[3, 0.1, 0], [0.1, 2, 0.3], [0, 0.3, 1]];
    const kernel = (S: number[][]) => {
      const { logAbsDet } = slogDet({ rows: 3, cols: 3, data: Float64Array.from(S.flat()) });
      let tr = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tr += B[i]![j]! * S[j]![i]!;
      return (alpha - 2) * logAbsDet - tr;
    };
    expect(rel(W.logpdf(S3, df, SIG3) - W.logpdf(S2, df, SIG3), kernel(S3) - kernel(S2))).toBeLessThan(1e-12);
  });
  it("scipy-invwishart is the law of S⁻¹: f_inv(S⁻¹; n, Σ⁻¹) = f(S; n, Σ) det S^{p+1}", () => {
    const c = W.toConvention("scipy-invwishart", df, SIG3);
    const Sinv = toArray(inverse({ rows: 3, cols: 3, data: Float64Array.from(S3.flat()) }));
    Sinv.forEach((r, i) => r.forEach((_, j) => (Sinv[i]![j] = Sinv[j]![i] = (Sinv[i]![j]! + Sinv[j]![i]!) / 2)));
    const { logAbsDet } = slogDet({ rows: 3, cols: 3, data: Float64Array.from(S3.flat()) });
    expect(rel(W.inverseLogpdf(Sinv, df, c.parameters.scale as number[][]), W.logpdf(S3, df, SIG3) + 4 * logAbsDet)).toBeLessThan(1e-11);
  });
  it("bad specs", () => {
    expectError(() => W.fromConvention({ convention: "torch", df: 5, covariance_matrix: SIG3, precision_matrix: SIG3 } as any), "INVALID_ARGUMENT", /exactly one of/);
    expectError(() => W.fromConvention({ convention: "tfp", df: 5, scale_tril: [[1, 0.5], [0, 1]] }), "INVALID_ARGUMENT", /scale_tril must be lower triangular/);
    expectError(() => W.fromConvention({ convention: "nope" } as any), "INVALID_ARGUMENT", /unknown convention/);
  });
});

describe("bad input: a QgeomError naming the argument", () => {
  it("df ≤ p − 1", () => {
    expectError(() => W.logpdf(S3, 2, SIG3), "INVALID_ARGUMENT", /df = 2 is too small for p = 3.*df > 2/);
    expectError(() => W.entropy(1.5, SIG3), "INVALID_ARGUMENT", /df = 1.5/);
    expectError(() => W.sample(new Rng(1), 2, SIG3), "INVALID_ARGUMENT", /df = 2/);
    expectError(() => W.logpdf(S3, NaN, SIG3), "INVALID_ARGUMENT", /df \(degrees of freedom\) must be a finite real number/);
    expectError(() => W.complexLogpdf(S3, 2, SIG3), "INVALID_ARGUMENT", /df = 2.*complex Wishart/);
    expectError(() => W.klDivergence(5, SIG3, 2, SIG3), "INVALID_ARGUMENT", /df2 = 2/);
  });
  it("non-symmetric or non-positive-definite S and scale", () => {
    expectError(() => W.logpdf([[5, 1, 0], [0, 3, 0], [0, 0, 4]], 5, SIG3), "NOT_SYMMETRIC", /^S \(3×3\) is not symmetric/);
    expectError(() => W.logpdf([[1, 2, 0], [2, 1, 0], [0, 0, 4]], 5, SIG3), "NOT_POSITIVE_DEFINITE", /^S \(3×3\) is not positive definite: Cholesky failed at pivot 2 of 3 \(value -3\)/);
    expectError(() => W.logpdf(S3, 5, [[1, 0.3, 0], [0, 1, 0], [0, 0, 1]]), "NOT_SYMMETRIC", /^scale/);
    expectError(() => W.logpdf(S3, 5, [[1, 0, 0], [0, -1, 0], [0, 0, 1]]), "NOT_POSITIVE_DEFINITE", /^scale .*pivot 2/);
    expectError(() => W.logpdf([[1, NaN], [NaN, 1]], 5, [[1, 0], [0, 1]]), "NOT_FINITE", /S/);
    expectError(() => W.logpdfBatch([S3, [[1, 2, 0], [2, 1, 0], [0, 0, 4]]], 5, SIG3), "NOT_POSITIVE_DEFINITE", /^S\[1\]/);
    expectError(() => W.inverseLogpdf([[1, 2], [2, 1]], 5, [[1, 0], [0, 1]]), "NOT_POSITIVE_DEFINITE", /^X/);
    expectError(() => W.complexLogpdf({ re: [[2, 1], [1, 2]], im: [[0, 1], [1, 0]] }, 3, [[1, 0], [0, 1]]), "NOT_HERMITIAN", /^S/);
    expectError(() => W.complexLogpdf([[2, 0], [0, 2]], 3, { re: [[1, 2], [2, 1]], im: [[0, 0], [0, 0]] }), "NOT_POSITIVE_DEFINITE", /^scale/);
  });
  it("mismatched sizes", () => {
    expectError(() => W.logpdf([[1, 0], [0, 1]], 5, SIG3), "SHAPE", /S is 2×2 but scale is 3×3/);
    expectError(() => W.logpdfBatch(new Float64Array(10), 5, SIG3), "SHAPE", /multiple of 9/);
    expectError(() => W.klDivergence(5, SIG3, 5, [[1, 0], [0, 1]]), "SHAPE", /scale2 is 2×2 but scale1 is 3×3/);
    expectError(() => W.laplaceTransform([[1]], 5, SIG3), "SHAPE", /theta is 1×1/);
    expectError(() => W.logpdf([[1, 0, 0]], 5, SIG3), "SHAPE", /S is 1×3/);
  });
  it("domains of moments and transforms", () => {
    expectError(() => W.mode(3.5, SIG3), "DOMAIN", /df ≥ p \+ 1 = 4/);
    expectError(() => W.inverseMean(4, SIG3), "DOMAIN", /df > p \+ 1 = 4/);
    expectError(() => W.laplaceTransform([[-1, 0, 0], [0, 0, 0], [0, 0, 0]], 5, SIG3), "DOMAIN", /Σ⁻¹ \+ 2Θ ≻ 0/);
    expectError(() => W.sample(new Rng(1), 2.5, [[1, 0], [0, 1]], { method: "outer" }), "INVALID_ARGUMENT", /integer df/);
  });
});
