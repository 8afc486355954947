// Wishart batch log-density: qgeom `wishartLogPdf(df, Σ).batch(stack)` against SciPy's vectorised
// `scipy.stats.wishart.logpdf(X, df, scale)` (X of shape (p, p, N)) on the same matrices, p = 4 and 32.
// Times are CPU seconds per matrix (process.cpuUsage / time.process_time, minimum over batches after
// warm-up), because the machine is shared. Prints a Markdown table; never asserts.
// Run: npx tsx bench/wishart.bench.ts
import { Rng } from "../src/random/index.js";
import * as W from "../src/wishart/index.js";
import { fmtRatio, fmtTime, printTable, runPython, cpuTime } from "./util.js";


/** A non-diagonal SPD scale G Gᵀ/p + I from a fixed seed. */
function scaleMatrix(p: number, seed: number): number[][] {
  const rng = new Rng(seed);
  const G = Array.from({ length: p * p }, () => rng.random() * 2 - 1);
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < p; k++) s += (G[i * p + k]! * G[j * p + k]!) / p;
      return s;
    }),
  );
}

const cases = [
  { p: 4, df: 7.5, n: 20000 },
  { p: 32, df: 40.5, n: 1000 },
];

const inputs = cases.map((c, k) => {
  const scale = scaleMatrix(c.p, 100 + k);
  const stack = W.wishartSampler(c.df, scale).sampleStack(new Rng(200 + k), c.n);
  return { ...c, scale, stack };
});

const peer = runPython("wishart.py", { cases: inputs.map((c) => ({ p: c.p, df: c.df, scale: c.scale, X: Array.from(c.stack) })) });

const rows: string[][] = [];
inputs.forEach((c, k) => {
  const f = W.wishartLogPdf(c.df, c.scale);
  const out = new Float64Array(c.n);
  const tOurs = cpuTime(() => f.batch(c.stack, out)) / c.n;
  const tFresh = cpuTime(() => W.logpdfBatch(c.stack, c.df, c.scale, out)) / c.n;
  const py = peer?.cases?.[k];
  let maxDiff = "—";
  if (py) {
    let d = 0;
    f.batch(c.stack, out);
    py.values.forEach((v: number, i: number) => (d = Math.max(d, Math.abs(v - out[i]!) / Math.max(1, Math.abs(v)))));
    maxDiff = d.toExponential(1);
  }
  const tPy = py ? py.time / c.n : null;
  rows.push([String(c.p), String(c.n), fmtTime(tOurs), fmtTime(tFresh), fmtTime(tPy), fmtRatio(tPy, tOurs), maxDiff]);
});

printTable(
  `Wishart batch logpdf (CPU time per matrix; node ${process.version}${peer ? `, SciPy ${peer.versions.scipy}, NumPy ${peer.versions.numpy}` : ", SciPy unavailable"})`,
  ["p", "matrices", "qgeom batch (Σ factored once)", "qgeom logpdfBatch (incl. factoring Σ)", "SciPy wishart.logpdf (stack)", "SciPy ÷ qgeom (≥ 5 wanted)", "max rel. diff"],
  rows,
);
