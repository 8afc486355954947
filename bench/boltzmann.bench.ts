// Boltzmann-machine benchmark (issue 8): exact log Z of a Bernoulli–Bernoulli RBM with 16 visible + 4 hidden
// units, and the compiled free energy on a batch of 10⁵ visible vectors — qgeom against NumPy in one run.
// CPU time per call (shared 2-core machines; see bench/linalg.bench.ts). Run: npx tsx bench/boltzmann.bench.ts
import * as bz from "../src/boltzmann/index.js";
import { Rng, standardNormal } from "../src/random/index.js";
import { fmtRatio, fmtTime, printTable, runPython, cpuTime as timeit } from "./util.js";


const d = 16, m = 4, N = 100_000;
const rng = new Rng(2026);
const W = Array.from({ length: d }, () => Array.from({ length: m }, () => 0.5 * standardNormal(rng)));
const a = Array.from({ length: d }, () => 0.3 * standardNormal(rng));
const c = Array.from({ length: m }, () => 0.3 * standardNormal(rng));
const model = bz.rbm({ W, a, c });

const py = runPython("boltzmann.py", { W, a, c, n: N, seed: 7, returnData: true });

// the same batch as NumPy when available (else our own), as SoA for the compiled batch
const rows: number[][] = py?.X ?? Array.from({ length: N }, () => Array.from({ length: d }, () => (rng.random() < 0.5 ? 1 : 0)));
const V = bz.toStructureOfArrays(Float64Array.from(rows.flat()), N, d);
const out = new Float64Array(N);

// log Z three ways
const ours = {
  hidden: timeit(() => bz.logPartition(model, { layer: "hidden" })),
  visible: timeit(() => bz.logPartition(model, { layer: "visible" })),
  joint: timeit(() => bz.logPartition(model, { layer: "joint" })),
};
const lz = bz.logPartition(model);
const check = (k: "hidden" | "visible" | "joint") => (py ? Math.abs(bz.logPartition(model, { layer: k }) - py.values[k]) / Math.abs(py.values[k]) : NaN);
printTable(
  `Exact log Z, Bernoulli–Bernoulli RBM d = ${d}, m = ${m} (CPU time per call; node ${process.version}${py ? `, NumPy ${py.versions.numpy}` : ""}); log Z = ${lz.toPrecision(15)}`,
  ["enumerated", "states", "qgeom", "NumPy", "NumPy/qgeom", "rel. diff. of log Z"],
  (["hidden", "visible", "joint"] as const).map((k) => [
    k === "hidden" ? "hidden layer (default: the smaller)" : k === "visible" ? "visible layer (Gray code)" : "all joint states",
    String(k === "hidden" ? 2 ** m : k === "visible" ? 2 ** d : 2 ** (d + m)),
    fmtTime(ours[k]),
    fmtTime(py?.times?.[k]),
    fmtRatio(py?.times?.[k], ours[k]),
    Number.isNaN(check(k)) ? "—" : check(k).toExponential(1),
  ]),
);

// free energy on a batch
const compiledStart = process.cpuUsage();
const f = bz.compileFreeEnergy(model);
const compileTime = (() => {
  const u = process.cpuUsage(compiledStart);
  return (u.user + u.system) / 1e6;
})();
const tBatch = timeit(() => f.batch(V, N, out));
const tLoop = timeit(() => {
  for (let k = 0; k < N; k++) out[k] = bz.freeEnergy(model, rows[k]!);
}, 0.5);
f.batch(V, N, out);
let maxRel = 0;
for (let k = 0; k < N; k++) maxRel = Math.max(maxRel, Math.abs(out[k]! - bz.freeEnergy(model, rows[k]!)) / Math.max(1, Math.abs(out[k]!)));
const sumDiff = py ? Math.abs(out.reduce((s, x) => s + x, 0) - py.values.F_sum) / Math.abs(py.values.F_sum) : NaN;
printTable(
  `Free energy F(v) on a batch of ${N.toLocaleString("en")} visible vectors (d = ${d}, m = ${m}); compile time ${fmtTime(compileTime)}`,
  ["method", "time per batch", "per vector", "NumPy/qgeom"],
  [
    ["qgeom compileFreeEnergy(model).batch", fmtTime(tBatch), fmtTime(tBatch / N), fmtRatio(py?.times?.free_energy, tBatch)],
    ["qgeom freeEnergy (validated, one call per vector)", fmtTime(tLoop), fmtTime(tLoop / N), fmtRatio(py?.times?.free_energy, tLoop)],
    ["NumPy −Xa − logaddexp(0, XW + c).sum(1)", fmtTime(py?.times?.free_energy), fmtTime(py ? py.times.free_energy / N : null), "1×"],
  ],
);
console.log(`\ncompiled vs numeric freeEnergy: max relative difference ${maxRel.toExponential(1)}; Σ F vs NumPy: relative difference ${Number.isNaN(sumDiff) ? "—" : sumDiff.toExponential(1)}`);
