// Eigenvalues of a real symmetric tridiagonal matrix by the implicit QL method with Wilkinson
// shifts (EISPACK imtql2: Martin & Wilkinson, Numer. Math. 12 (1968) 377–383; Dubrulle's
// variant), accumulating the plane rotations into the columns of a row-major n×n matrix Z
// (real, or complex split as zr, zi). The shift is applied implicitly within each sweep (no
// global shift accumulation as in tql2) and off-diagonals are neglected relative to their
// neighbouring diagonal entries, which keeps small eigenvalues of graded matrices accurate.
import { QgeomError } from "../core/errors.js";

const EPS = 2 ** -52;
/** Smallest normal double: off-diagonals below it are negligible whatever the diagonal (LAPACK's safmin). */
const SAFMIN = 2 ** -1022;

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
export function implicitQL(d: Float64Array, e: Float64Array, zr: Float64Array | null, zi: Float64Array | null, n: number): void {
  e[n - 1] = 0;
  const cs = new Float64Array(n), sn = new Float64Array(n);
  // off-diagonals below ε²‖T‖ are negligible even for graded matrices (they move no eigenvalue by more
  // than ε²‖T‖); without this floor, blocks of subnormal entries under a normal-sized block never deflate
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const floor = Math.max(EPS * EPS * anorm, SAFMIN);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= EPS * dd || Math.abs(e[m]!) <= floor) break;
      }
      if (m === l) break;
      if (++iter > 60) {
        throw new QgeomError("NO_CONVERGENCE", `symmetric eigensolver did not converge for eigenvalue ${l + 1} of ${n} after 60 QL sweeps; rescale the matrix, and report it if it is well scaled`);
      }
      // Wilkinson shift from the leading 2×2 block, folded into g = d_m − shift
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1, c = 1, p = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i]!, b = c * e[i]!;
        r = hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // recover from underflow: deflate and restart
          d[i + 1]! -= p;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        cs[i] = c;
        sn[i] = s;
      }
      // columns (k, k+1) of Z <- (c z_k − s z_{k+1}, s z_k + c z_{k+1}) for k = m−1 … i+1
      if (zr !== null) applyRotations(zr, cs, sn, i + 1, m, n);
      if (zi !== null) applyRotations(zi, cs, sn, i + 1, m, n);
      if (underflow) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
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
  if (l >= m) return;
  const nn = n * n;
  let row = 0;
  // four rows at a time share the loads of (c, s) and keep four carried entries in registers
  for (; row + 3 * n < nn; row += 4 * n) {
    const r2 = row + n, r3 = r2 + n, r4 = r3 + n;
    let h1 = z[row + m]!, h2 = z[r2 + m]!, h3 = z[r3 + m]!, h4 = z[r4 + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i]!, s = sn[i]!;
      const a1 = z[row + i]!, a2 = z[r2 + i]!, a3 = z[r3 + i]!, a4 = z[r4 + i]!;
      z[row + i + 1] = s * a1 + c * h1;
      z[r2 + i + 1] = s * a2 + c * h2;
      z[r3 + i + 1] = s * a3 + c * h3;
      z[r4 + i + 1] = s * a4 + c * h4;
      h1 = c * a1 - s * h1;
      h2 = c * a2 - s * h2;
      h3 = c * a3 - s * h3;
      h4 = c * a4 - s * h4;
    }
    z[row + l] = h1;
    z[r2 + l] = h2;
    z[r3 + l] = h3;
    z[r4 + l] = h4;
  }
  for (; row < nn; row += n) {
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
