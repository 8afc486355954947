// Modular-theory benchmark: the flow σ_t(x) = ρ^{it} x ρ^{−it} and the relative entropy
// S(ρ‖σ) at n = 8, 32, 128 for complex Hermitian density matrices — qgeom against SciPy's
// expm/logm route (and, for reference, SciPy through eigh), in one run. Prints Markdown tables.
// Run: npx tsx bench/modular.bench.ts
import { type CMatrix, toComplexArray } from "../src/linalg/index.js";
import { densityMatrix, modularFlow, relativeEntropy } from "../src/modular/index.js";
import { Rng, complexNormalMatrix } from "../src/random/index.js";
import { shiftedHermitianGram } from "./matrices.js";
import { fmtRatio, fmtTime, printTable, runPython, cpuTime as timeit } from "./util.js";

/**
 * CPU seconds per call (process.cpuUsage), minimum over batches of ≥ 10 ms after ~0.2 s of warm-up
 * (the machines are shared; CPU time is stable where wall-clock is not). Same method as
 * bench/linalg.bench.ts and the Python peer (time.process_time).
 */

const SIZES = [8, 32, 128];
const T = 0.7;

/** Density matrix (Z Z^H / n + 0.1 I) / tr from a fixed seed. */
function density(n: number, seed: number): CMatrix {
  const { re, im } = shiftedHermitianGram(complexNormalMatrix(new Rng(seed), n, n), 0.1);
  let tr = 0;
  for (let i = 0; i < n; i++) tr += re[i * n + i]!;
  for (let k = 0; k < n * n; k++) {
    re[k] = re[k]! / tr;
    im[k] = im[k]! / tr;
  }
  return { rows: n, cols: n, re, im };
}

const cases = new Map(SIZES.map((n) => [n, { rho: density(n, 3000 + n), sigma: density(n, 4000 + n), x: complexNormalMatrix(new Rng(5000 + n), n, n) }]));
const py = runPython("modular.py", {
  t: T,
  cases: Object.fromEntries(SIZES.map((n) => {
    const c = cases.get(n)!;
    return [String(n), { rho: toComplexArray(c.rho), sigma: toComplexArray(c.sigma), x: toComplexArray(c.x) }];
  })),
});

const rows: string[][] = [];
const rows2: string[][] = [];
for (const op of ["flow", "relent"] as const) {
  for (const n of SIZES) {
    const c = cases.get(n)!;
    let raw: number, cached: number;
    if (op === "flow") {
      raw = timeit(() => modularFlow(c.rho, c.x, T));
      const st = densityMatrix(c.rho);
      cached = timeit(() => modularFlow(st, c.x, T));
    } else {
      raw = timeit(() => relativeEntropy(c.rho, c.sigma));
      const r = densityMatrix(c.rho), s = densityMatrix(c.sigma);
      cached = timeit(() => relativeEntropy(r, s));
      const v = relativeEntropy(r, s), ref = py?.values?.[String(n)]?.relent;
      if (typeof ref === "number" && Math.abs(v - ref) > 1e-10 * Math.max(1, Math.abs(ref))) {
        console.error(`relent n=${n}: qgeom ${v} vs SciPy ${ref}`);
      }
    }
    const sp: number | null = py?.times?.[String(n)]?.[op] ?? null;
    const spe: number | null = py?.times?.[String(n)]?.[`${op}_eigh`] ?? null;
    const label = op === "flow" ? "σ_t(x)" : "S(ρ‖σ)";
    rows.push([label, String(n), fmtTime(raw), fmtTime(sp), fmtRatio(sp, raw), fmtTime(cached)]);
    rows2.push([label, String(n), fmtTime(raw), fmtTime(spe), fmtRatio(spe, raw)]);
  }
}
printTable(
  `Modular theory: complex density matrices (CPU time per call; node ${process.version}${py ? `, SciPy ${py.versions.scipy}, NumPy ${py.versions.numpy}` : ""})`,
  ["op", "n", "qgeom (from the raw matrix)", "SciPy expm/logm route", "SciPy/qgeom (≥ 1 wanted at n ≤ 32)", "qgeom, spectrum cached"],
  rows,
);
printTable("SciPy through eigh instead of expm/logm (reference)", ["op", "n", "qgeom", "SciPy eigh route", "SciPy/qgeom"], rows2);
