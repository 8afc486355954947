// Property tests with qgeom's arbitraries and certificates, outside any test runner (fc.assert throws on
// failure, so the same code works inside vitest or jest). Seeds are fixed, so every run is the same.
//   npx tsx examples/testing.ts
import fc from "fast-check";
import { assertIdentity, compile, det, diff, hessian, linalg, matrix, mongeAmpere, parse, verify, wishart } from "qgeom";
import { densityMatrix, hpdMatrix, potential, spdMatrix, wishartParams } from "qgeom/testing";
import { modular } from "qgeom";

const seed = 20260311;
let properties = 0;
const check = (name: string, prop: fc.IProperty<any> | fc.IAsyncProperty<any>, runs = 50) => {
  fc.assert(prop as fc.IProperty<any>, { seed, numRuns: runs });
  properties++;
  console.log(`ok  ${name} (${runs} cases, seed ${seed})`);
};

// A symbolic identity per random convex potential: the linearised operator equals the first variation.
check(
  "L_φ[v] = d/dε det D²(φ + εv) for random convex φ (exact)",
  fc.property(potential({ vars: ["x", "y"], maxTerms: 1 }), (phi) => {
    const v = parse("x^2*y");
    assertIdentity(mongeAmpere.linearizedMongeAmpere(phi, v, ["x", "y"]), mongeAmpere.mongeAmpereFirstVariation(phi, v, ["x", "y"]));
  }),
  15,
);

// Numeric properties with stated tolerances (MATH.md §9: N = 1e-10 relative).
check(
  "Cholesky reproduces SPD matrices (relative 1e-12)",
  fc.property(spdMatrix({ n: { min: 1, max: 8 } }), (A) => {
    const L = linalg.cholesky(A);
    const R = linalg.matmul(L, linalg.transpose(L));
    return linalg.frobeniusNorm(linalg.sub(R, A)) <= 1e-12 * linalg.frobeniusNorm(A);
  }),
);
check(
  "the mean of W_p(n, Σ) is nΣ (relative 1e-12)",
  fc.property(wishartParams({ p: { min: 1, max: 5 } }), ({ df, scale }) => {
    const m = wishart.mean(df, scale);
    return m.data.every((v, k) => Math.abs(v - df * scale.data[k]!) <= 1e-12 * Math.abs(df * scale.data[k]!) + 1e-300);
  }),
);
check(
  "von Neumann entropy lies in [0, log n]",
  fc.property(densityMatrix({ n: { min: 2, max: 5 } }), (rho) => {
    const S = modular.vonNeumannEntropy(rho);
    return S >= -1e-12 && S <= Math.log(rho.rows) + 1e-12;
  }),
);
check(
  "Hermitian eigenvalues of an HPD matrix are positive",
  fc.property(hpdMatrix({ n: 4 }), (A) => linalg.eighHermitian(A).values[0]! > 0),
);

// A wrong identity is caught, with a counterexample.
const wrong = verify(det(matrix(hessian(parse("x^4 + y^2"), ["x", "y"]))), parse("12*x^2"));
console.log(`det D²(x⁴ + y²) = 12x²? ${wrong.verdict}${wrong.verdict === "refuted" ? ` at ${JSON.stringify(wrong.counterexample.point)}` : ""}`);
if (wrong.verdict !== "refuted") throw new Error("expected a refutation");

// Compiled twins: the compiled derivative agrees with evaluating the expression.
const f = compile(diff(parse("lgamma(x) + softplus(x)"), "x"), ["x"]);
check(
  "compiled ψ(x) + σ(x) equals the symbolic derivative (relative 1e-12)",
  fc.property(fc.double({ min: 0.1, max: 50, noNaN: true }), (x) => {
    const out = new Float64Array(1);
    f(Float64Array.of(x), out);
    const ref = wishart.multidigamma(x, 1) + 1 / (1 + Math.exp(-x));
    return Math.abs(out[0]! - ref) <= 1e-12 * Math.max(1, Math.abs(ref));
  }),
);
console.log(`${properties} properties hold`);
