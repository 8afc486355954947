// The Wishart law W_p(n, Σ) (MATH.md §4): the symbolic density compiled against the fast log-density,
// and Monte-Carlo checks of E log det S and of the entropy (−E log f) with a seeded sampler (V13).
//   npx tsx examples/wishart.ts
import { compile, random, wishart } from "qgeom";

const p = 3, n = 6.5;
const Sigma = [[1, 0.3, 0], [0.3, 2, -0.5], [0, -0.5, 1.5]];

// Symbolic twin: the density in entries, compiled (log det through LDLᵀ), against logpdf.
const sym = wishart.wishartDensity(p);
const f = compile(sym.logDensity, sym.inputs, { spd: sym.spd });
const X = [[3, 0.5, 0.2], [0.5, 4, -1], [0.2, -1, 2]];
const vech = (M: number[][]) => M.flatMap((r, i) => r.slice(i));
const out = new Float64Array(1);
f(Float64Array.from([...vech(X), ...vech(Sigma), n]), out);
const direct = wishart.logpdf(X, n, Sigma);
console.log(`log f(X): symbolic ${out[0]!.toFixed(12)}, numeric ${direct.toFixed(12)}`);
if (Math.abs(out[0]! - direct) > 1e-10 * Math.abs(direct)) throw new Error("twins disagree");

// Monte Carlo with a fixed seed: 20 000 draws by Bartlett's method.
const rng = new random.Rng(2026);
const sampler = wishart.wishartSampler(n, Sigma);
const logpdf = wishart.wishartLogPdf(n, Sigma);
const N = 20_000;
let s1 = 0, s2 = 0, h1 = 0, h2 = 0;
for (let k = 0; k < N; k++) {
  const S = sampler.sample(rng);
  const ld = wishart.logDetOf(S.data, 0, p);
  const lf = logpdf.logpdf(S);
  s1 += ld; s2 += ld * ld; h1 += -lf; h2 += lf * lf;
}
const report = (name: string, sum: number, sumSq: number, exact: number) => {
  const mean = sum / N, se = Math.sqrt((sumSq / N - mean * mean) / N), zz = (mean - exact) / se;
  console.log(`${name}: closed form ${exact.toFixed(6)}, Monte Carlo ${mean.toFixed(6)} ± ${se.toFixed(6)} (${zz.toFixed(2)} SE)`);
  if (Math.abs(zz) > 5) throw new Error(`${name}: more than 5 SE`);
};
report("E log det S", s1, s2, wishart.meanLogDet(n, Sigma));
report("entropy    ", h1, h2, wishart.entropy(n, Sigma));

// The same law in PyTorch's precision parametrisation, and back.
const torch = wishart.toConvention("torch-precision", n, Sigma);
console.log(torch.code.slice(0, 70) + "…");
const back = wishart.fromConvention({ convention: "torch", df: n, precision_matrix: torch.parameters.precision_matrix as number[][] });
console.log(`round trip: df ${back.df}, scale recovered to ${Math.max(...Array.from(back.scale.data, (v, k) => Math.abs(v - Sigma[Math.floor(k / p)]![k % p]!))).toExponential(0)}`);
