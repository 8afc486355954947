// Eigenvalues of a real symmetric tridiagonal matrix by the implicit QL method with Wilkinson-type
// shifts (EISPACK tql2; Bowdler, Martin, Reinsch & Wilkinson, Numer. Math. 11 (1968) 293–306),
// accumulating the plane rotations into the columns of a column-major n×n matrix Z (real, or
// complex split as zr, zi). Eigenvalues come out ascending with Z's columns permuted to match.
import { QgeomError } from "../core/errors.js";

const EPS = 2 ** -52;

/** √(a² + b²); the plain formula when it cannot overflow or underflow (Math.hypot is slow in V8). */
function hypot(a: number, b: number): number {
  const s = a * a + b * b;
  return s > 1e-290 && s < 1e290 ? Math.sqrt(s) : Math.hypot(a, b);
}

/**
 * In place: `d` (diagonal, length n) becomes the eigenvalues (ascending); `e[i]` is the
 * sub-diagonal entry between i and i+1 (e[n-1] ignored) and is destroyed. If given, the
 * row-major n×n `zr` (and `zi`) are multiplied on the right by the accumulated rotations, so
 * column j ends up holding the eigenvector of eigenvalue j. The rotations of one QL sweep are
 * stored and then applied row by row (as LAPACK's xLASR), carrying one entry in a register.
 */
export function tql2(d: Float64Array, e: Float64Array, zr: Float64Array | null, zi: Float64Array | null, n: number): void {
  e[n - 1] = 0;
  const cs = new Float64Array(n), sn = new Float64Array(n);
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1) {
      if (Math.abs(e[m]!) <= EPS * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60) {
          throw new QgeomError("UNSUPPORTED", `symmetric eigensolver did not converge for eigenvalue ${l + 1} of ${n} after 60 QL sweeps`);
        }
        // implicit shift from the leading 2×2 block
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        // implicit QL sweep from m-1 down to l
        p = d[m]!;
        let c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const el1 = e[l + 1]!;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          cs[i] = c;
          sn[i] = s;
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        // columns (i, i+1) of Z <- (c z_i − s z_{i+1}, s z_i + c z_{i+1}) for i = m−1 … l
        if (zr !== null) applyRotations(zr, cs, sn, l, m, n);
        if (zi !== null) applyRotations(zi, cs, sn, l, m, n);
      } while (Math.abs(e[l]!) > EPS * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  // selection sort, ascending, swapping columns of Z
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < n; j++) if (d[j]! < p) { k = j; p = d[j]!; }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      if (zr !== null) swapColumns(zr, i, k, n);
      if (zi !== null) swapColumns(zi, i, k, n);
    }
  }
}

function applyRotations(z: Float64Array, cs: Float64Array, sn: Float64Array, l: number, m: number, n: number): void {
  for (let row = 0; row < n * n; row += n) {
    let h = z[row + m]!;
    for (let i = m - 1; i >= l; i--) {
      const zi = z[row + i]!, c = cs[i]!, s = sn[i]!;
      z[row + i + 1] = s * zi + c * h;
      h = c * zi - s * h;
    }
    z[row + l] = h;
  }
}

function swapColumns(z: Float64Array, i: number, k: number, n: number): void {
  for (let r = 0; r < n * n; r += n) {
    const t = z[r + i]!;
    z[r + i] = z[r + k]!;
    z[r + k] = t;
  }
}
