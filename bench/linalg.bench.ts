// Linear-algebra benchmark: eigh, Cholesky, logm, sqrtm of SPD matrices at n = 8, 32, 128 —
// qgeom against SciPy (python3), mathjs and ml-matrix, in one run. Prints Markdown tables.
// Run: npx tsx bench/linalg.bench.ts
import * as math from "mathjs";
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix as MlMatrix } from "ml-matrix";
import { type CMatrix, type Matrix, cholesky, eigh, eighHermitian, logm, realEmbedding, sqrtm, toArray } from "../src/linalg/index.js";
import { Rng, complexNormalMatrix, normalMatrix } from "../src/random/index.js";
import { shiftedHermitianGram } from "./matrices.js";
import { fmtRatio, fmtTime, printTable, runPython, cpuTime as timeit } from "./util.js";


const SIZES = [8, 32, 128];

/** SPD test matrix G Gᵀ/n + I from a fixed seed. */
function spd(n: number, seed: number): Matrix {
  const G = normalMatrix(new Rng(seed), n, n);
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += G.data[i * n + k]! * G.data[j * n + k]!;
      s /= n;
      if (i === j) s += 1;
      d[i * n + j] = s;
      d[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data: d };
}

/** Hermitian PD test matrix Z Z^* / n + I. */
function hpd(n: number, seed: number): CMatrix {
  return shiftedHermitianGram(complexNormalMatrix(new Rng(seed), n, n), 1);
}

/** Spectral function through ml-matrix's EVD: V diag(f(λ)) Vᵀ. */
function mlFunm(M: MlMatrix, f: (x: number) => number): MlMatrix {
  const evd = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const V = evd.eigenvectorMatrix;
  const D = MlMatrix.diag(evd.realEigenvalues.map(f));
  return V.mmul(D).mmul(V.transpose());
}

/** Spectral function through mathjs eigs: V diag(f(λ)) Vᵀ. */
function mathjsFunm(A: number[][], f: (x: number) => number): unknown {
  const { eigenvectors } = math.eigs(A) as unknown as { eigenvectors: { value: number; vector: number[] }[] };
  const n = A.length;
  const V = Array.from({ length: n }, (_, i) => eigenvectors.map((e) => e.vector[i]!));
  const VD = V.map((row) => row.map((x, j) => x * f(eigenvectors[j]!.value)));
  return math.multiply(VD, math.transpose(V));
}

type Op = "eigh" | "cholesky" | "logm" | "sqrtm";
const OPS: Op[] = ["eigh", "cholesky", "logm", "sqrtm"];

const mats = new Map(SIZES.map((n) => [n, spd(n, 1000 + n)]));
const py = runPython("linalg.py", { matrices: Object.fromEntries(SIZES.map((n) => [String(n), toArray(mats.get(n)!)])) });

const rows: string[][] = [];
for (const op of OPS) {
  for (const n of SIZES) {
    const A = mats.get(n)!;
    const arr = toArray(A);
    const M = new MlMatrix(arr);
    const slow = n >= 128 ? 0 : 0.1; // mathjs at n = 128 takes seconds per call: 3 batches of one call
    let ours: number, mj: number | null, ml: number;
    switch (op) {
      case "eigh":
        ours = timeit(() => eigh(A));
        mj = timeit(() => math.eigs(arr), slow);
        ml = timeit(() => new EigenvalueDecomposition(M, { assumeSymmetric: true }));
        break;
      case "cholesky":
        ours = timeit(() => cholesky(A));
        mj = timeit(() => math.lup(arr), slow); // mathjs has no Cholesky; LU is its nearest factorisation
        ml = timeit(() => new CholeskyDecomposition(M));
        break;
      case "logm":
        ours = timeit(() => logm(A));
        mj = timeit(() => mathjsFunm(arr, Math.log), slow); // mathjs has no logm
        ml = timeit(() => mlFunm(M, Math.log));
        break;
      case "sqrtm":
        ours = timeit(() => sqrtm(A));
        mj = timeit(() => math.sqrtm(arr), slow);
        ml = timeit(() => mlFunm(M, Math.sqrt));
        break;
    }
    const sp: number | null = py?.times?.[String(n)]?.[op] ?? null;
    rows.push([op, String(n), fmtTime(ours), fmtTime(sp), fmtTime(mj), fmtTime(ml), fmtRatio(ours, sp), fmtRatio(mj, ours), fmtRatio(ml, ours)]);
  }
}
printTable(
  `Linear algebra: SPD inputs G Gᵀ/n + I (CPU time per call; node ${process.version}${py ? `, SciPy ${py.versions.scipy}, NumPy ${py.versions.numpy}` : ""}, mathjs ${math.version})`,
  ["op", "n", "qgeom", "SciPy", "mathjs", "ml-matrix", "qgeom/SciPy (≤ 3 wanted)", "mathjs/qgeom", "ml-matrix/qgeom"],
  rows,
);

// Like-for-like for the matrix functions: SciPy through eigh (qgeom's route) instead of Schur.
if (py) {
  const r2: string[][] = [];
  for (const op of ["logm", "sqrtm"] as const) {
    for (const n of SIZES) {
      const A = mats.get(n)!;
      const ours = timeit(() => (op === "logm" ? logm(A) : sqrtm(A)));
      const sp = py.times[String(n)][`${op}_eigh`] as number;
      r2.push([op, String(n), fmtTime(ours), fmtTime(sp), fmtRatio(ours, sp)]);
    }
  }
  printTable("Matrix functions, SciPy via eigh (V diag(f(λ)) Vᵀ, NumPy) instead of scipy.linalg.logm/sqrtm", ["op", "n", "qgeom", "SciPy eigh route", "qgeom/SciPy"], r2);
}

// Hermitian eigensolver: complex Householder (qgeom) against the 2n×2n real embedding.
const r3: string[][] = [];
for (const n of SIZES) {
  const H = hpd(n, 2000 + n);
  const E = realEmbedding(H);
  const c = timeit(() => eighHermitian(H));
  const e = timeit(() => eigh(E));
  r3.push([String(n), fmtTime(c), fmtTime(e), fmtRatio(e, c)]);
}
printTable("Hermitian eigh: complex Householder vs real 2n×2n embedding (both qgeom)", ["n", "eighHermitian", "eigh of embedding", "embedding/complex"], r3);
