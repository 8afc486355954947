// Monge–Ampère benchmark: closed-form det D²φ (qgeom vs SymPy, first call), the compiled det D²φ over a
// batch of points (qgeom fn.batch vs a NumPy-vectorised SymPy lambdify), and the Gaussian Brenier map
// (qgeom vs SciPy, sqrtm by Schur and through eigh). CPU time, as in bench/linalg.bench.ts.
// Run: npx tsx bench/monge-ampere.bench.ts
import { toMathjs } from "../src/core/index.js";
import { parse } from "../src/interop/index.js";
import { Rng, normalMatrix } from "../src/random/index.js";
import { compileMongeAmpere, gaussianBrenierMap, mongeAmpere } from "../src/monge-ampere/index.js";
import { fmtRatio, fmtTime, printTable, runPython, cpuTime as timeit, cpuSeconds } from "./util.js";



// the potentials: qgeom syntax and SymPy syntax
const SYMBOLIC = [
  { name: "-log(ac - b²)", q: "-log(a*c - b^2)", s: "-log(a*c - b**2)", vars: ["a", "b", "c"] },
  { name: "log-sum-exp + ‖x‖²/2, n = 3", q: "log(exp(x1)+exp(x2)+exp(x3)) + (x1^2+x2^2+x3^2)/2", s: "log(exp(x1)+exp(x2)+exp(x3)) + (x1**2+x2**2+x3**2)/2", vars: ["x1", "x2", "x3"] },
  { name: "V8: quadratic + 2 softplus ridges, n = 2", q: "x^2 + x*y/2 + y^2/2 + softplus(x - y) + softplus(2*x + y)/2", s: "x**2 + x*y/2 + y**2/2 + softplus(x - y) + softplus(2*x + y)/2", vars: ["x", "y"] },
  // SymPy's cancel(det) of this 6×6 rational Hessian does not finish in 30 minutes (test/fixtures/core), so it
  // is not sent to the peer
  { name: "-log det X, p = 3 (6 variables)", q: "-log(x11*x22*x33 - x11*x23^2 - x12^2*x33 + 2*x12*x13*x23 - x13^2*x22)", s: null, vars: ["x11", "x12", "x13", "x22", "x23", "x33"] },
];

const symbolicOurs: Record<string, number> = {};
mongeAmpere(parse("x^2*y + exp(x*y) + log(1 + x^2)"), ["x", "y"]); // warm up the symbolic code paths (JIT) on another potential
for (const c of SYMBOLIC) {
  const t0 = cpuSeconds();
  mongeAmpere(parse(c.q), c.vars);
  symbolicOurs[c.name] = cpuSeconds() - t0;
}

// batch: the V8 potential's det D²φ at N points
const N = 100_000;
const v8 = SYMBOLIC[2]!;
const phi = parse(v8.q);
const det = mongeAmpere(phi, v8.vars);
const f = compileMongeAmpere(phi, v8.vars);
const fh = compileMongeAmpere(phi, v8.vars, { determinant: "hessian" });
const rng = new Rng(1);
const pts = Float64Array.from({ length: 2 * N }, () => 4 * rng.random() - 2);
const out = new Float64Array(N);
const batchOurs = timeit(() => f.batch(pts, N, out)) / N;
const batchHessian = timeit(() => fh.batch(pts, N, out)) / N;

// Gaussian Brenier map
const DIMS = [2, 8, 32];
const spd = (d: number, seed: number): number[][] => {
  const G = normalMatrix(new Rng(seed), d, d);
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => {
    let s = i === j ? 1 : 0;
    for (let k = 0; k < d; k++) s += (G.data[i * d + k]! * G.data[j * d + k]!) / d;
    return s;
  }));
};
const gauss: Record<string, { m1: number[]; S1: number[][]; m2: number[]; S2: number[][] }> = {};
const gaussOurs: Record<string, number> = {};
for (const d of DIMS) {
  const g = { m1: Array.from({ length: d }, (_, i) => i / d), S1: spd(d, d), m2: Array.from({ length: d }, (_, i) => -i / d), S2: spd(d, d + 100) };
  gauss[d] = g;
  gaussOurs[d] = timeit(() => gaussianBrenierMap(g.m1, g.S1, g.m2, g.S2));
}

const py = runPython("monge_ampere.py", {
  symbolic: SYMBOLIC.filter((c) => c.s !== null).map((c) => ({ name: c.name, potential: c.s, vars: c.vars })),
  batch: { det: toMathjs(det).replace(/\^/g, "**"), vars: v8.vars, n: N },
  gaussian: gauss,
});

const node = `node ${process.version}${py ? `, SymPy ${py.versions.sympy}, NumPy ${py.versions.numpy}, SciPy ${py.versions.scipy}` : ""}`;
printTable(`Closed-form det D²φ, first call (CPU; ${node})`, ["potential", "qgeom", "SymPy cancel(hessian.det())", "SymPy/qgeom"],
  Object.entries(symbolicOurs).map(([k, v]) => [k, fmtTime(v), fmtTime(py?.symbolic?.[k]), fmtRatio(py?.symbolic?.[k], v)]));
printTable(`Compiled det D²φ of the V8 potential over ${N} points (CPU per point)`, ["qgeom form", "qgeom fn.batch", "NumPy lambdify of the closed form", "NumPy/qgeom"], [
  ["closed form (default)", fmtTime(batchOurs), fmtTime(py?.batch_per_point), fmtRatio(py?.batch_per_point, batchOurs)],
  ['determinant: "hessian"', fmtTime(batchHessian), fmtTime(py?.batch_per_point), fmtRatio(py?.batch_per_point, batchHessian)],
]);
printTable("Gaussian Brenier map A, b, W₂² (CPU per call)", ["d", "qgeom", "SciPy sqrtm (Schur)", "SciPy eigh route", "Schur/qgeom", "eigh/qgeom"],
  DIMS.map((d) => [String(d), fmtTime(gaussOurs[d]), fmtTime(py?.gaussian?.[d]?.schur), fmtTime(py?.gaussian?.[d]?.eigh), fmtRatio(py?.gaussian?.[d]?.schur, gaussOurs[d]), fmtRatio(py?.gaussian?.[d]?.eigh, gaussOurs[d])]));
