// Transport by the gradient of a convex potential (MATH.md §3.1–3.3, V8): φ(x) = ½xᵀAx + softplus(uᵀx)
// pushes N(0, I) forward to g with g(∇φ(x)) det D²φ(x) = f(x). We derive det D²φ symbolically, check the
// linearisation identities, invert the gradient map by Newton, and check the change of variables in 1-D
// by quadrature; then the Gaussian Brenier map and its Monte-Carlo cost (V9).
//   npx tsx examples/monge-ampere.ts
import { mongeAmpere as MA, parse, random, toLatex } from "qgeom";

const vars = ["x", "y"];
const phi = parse("x^2 + x*y/2 + y^2 + softplus(x - 2*y)");
const d = MA.mongeAmpere(phi, vars);
console.log(`det D²φ = ${toLatex(d)}`);

const lin = MA.verifyLinearization(phi, parse("x^2*y"), vars);
const all = [lin.divergenceForm, lin.firstVariation, lin.inverseForm, ...lin.cofactorDivergenceFree];
console.log(`linearisation identities (§3.5): ${all.map((c) => c.verdict).join(", ")}`);
if (!all.every((c) => c.verdict === "proved")) throw new Error("linearisation not proved");

// Invert the gradient map: x = ∇φ*(y).
const pot = MA.compilePotential(phi, vars);
const x = pot.invertGradient([1, -2]);
const back = pot.gradientAt(x);
console.log(`∇φ(x) = (1, −2) at x = (${Array.from(x, (v) => v.toFixed(9)).join(", ")}); residual ${Math.hypot(back[0]! - 1, back[1]! + 2).toExponential(1)}`);

// 1-D change of variables: ∫_{φ'(a)}^{φ'(b)} g = ∫_a^b f for φ = x²/2 + softplus(x), f = N(0, 1).
const phi1 = parse("x^2/2 + softplus(x)");
const f = parse("exp(-x^2/2)/sqrt(2*pi)");
const push = MA.compilePushforwardDensity(phi1, f, ["x"]);
const grad = MA.compilePotential(phi1, ["x"]);
const [a, b] = [-1, 2];
const [ya, yb] = [grad.gradientAt([a])[0]!, grad.gradientAt([b])[0]!];
const target = MA.integrate((y) => push.at([y]), ya, yb);
const source = MA.integrate((t) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI), a, b);
console.log(`mass of [${a}, ${b}] under f: ${source.value.toFixed(12)}; of its image under g: ${target.value.toFixed(12)}`);
if (Math.abs(source.value - target.value) > 1e-9) throw new Error("change of variables failed");

// Gaussian Brenier map N(0, Σ1) → N(m2, Σ2) and its cost, by the closed form and by Monte Carlo.
const S1 = [[1, 0.3], [0.3, 0.5]], S2 = [[2, -0.4], [-0.4, 1]], m2 = [1, 0];
const T = MA.gaussianBrenierMap([0, 0], S1, m2, S2);
const mc = MA.monteCarloTransportCost([0, 0], S1, T.A, T.b, new random.Rng(11), 20_000);
const z = (mc.mean - T.w2sq) / mc.standardError;
console.log(`W2² = ${T.w2sq.toFixed(6)}; Monte Carlo ${mc.mean.toFixed(4)} ± ${mc.standardError.toFixed(4)} (${z.toFixed(2)} SE)`);
if (Math.abs(z) > 5) throw new Error("Monte Carlo cost off by more than 5 SE");
