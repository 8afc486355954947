// Seeded test matrices shared by the benchmarks.
import type { CMatrix } from "../src/linalg/index.js";

/** Z Z^* / n + shift·I for a complex n×n matrix Z: Hermitian, positive definite for shift > 0. */
export function shiftedHermitianGram(Z: CMatrix, shift: number): CMatrix {
  const n = Z.rows;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < n; k++) {
        const ar = Z.re[i * n + k]!, ai = Z.im[i * n + k]!, br = Z.re[j * n + k]!, bi = Z.im[j * n + k]!;
        sr += ar * br + ai * bi;
        si += ai * br - ar * bi;
      }
      re[i * n + j] = sr / n + (i === j ? shift : 0);
      im[i * n + j] = i === j ? 0 : si / n;
    }
  }
  return { rows: n, cols: n, re, im };
}
