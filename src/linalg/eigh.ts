// Symmetric and Hermitian eigendecomposition A = V diag(λ) V*.
// Method (LAPACK xSYTD2/xHETD2 + xORGTR/xUNGTR + EISPACK imtql2):
//   1. Householder reduction Q* A Q = T, T real symmetric tridiagonal. For Hermitian A the
//      reflectors H = I − τ v v* are chosen (as in ZLARFG) so that the sub-diagonal is real.
//   2. Q formed explicitly by backward accumulation of the reflectors.
//   3. Implicit QL on T with the rotations accumulated into Q.
// The reduction works on a column-major copy (reflectors and updates run down contiguous
// columns); Q is row-major (the back-accumulation and the QL rotations run along rows). A
// row-major Hermitian A read as column-major is Aᵀ = Ā, so the reduction is done on M = Ā and
// the eigenvectors are conjugated back at the end (for real symmetric A, M = A).
import { type CMatrix, type Matrix, isComplex } from "./matrix.js";
import { scaleArray, scaleExponent } from "./scaling.js";
import { implicitQL } from "./tridiagonal.js";
import { type CheckOptions, checkHermitian, checkSymmetric } from "./validate.js";

/** Eigendecomposition of a real symmetric matrix. */
export interface EighResult {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Orthogonal matrix whose column j is a unit eigenvector for `values[j]`. */
  readonly vectors: Matrix;
}

/** Eigendecomposition of a complex Hermitian matrix. */
export interface EighHermitianResult {
  /** Eigenvalues (real) in ascending order. */
  readonly values: Float64Array;
  /** Unitary matrix whose column j is a unit eigenvector for `values[j]`. */
  readonly vectors: CMatrix;
}

/**
 * Internal form: eigenvalues ascending and eigenvectors of M as the columns of the row-major
 * n×n buffers `qr`/`qi` (`qi` null for real input). For Hermitian input the eigenvectors of A
 * are the conjugates of these columns.
 */
export interface SpectralCore {
  readonly n: number;
  readonly values: Float64Array;
  readonly qr: Float64Array;
  readonly qi: Float64Array | null;
}

/** Entries below this, after rescaling to max ≈ 1, are treated as zero by the reduction. */
const TINY = 2 ** -960;

/** Real symmetric core; `a` is copied. */
function symmetricCore(A: Matrix, wantVectors = true): SpectralCore {
  const n = A.rows, src = A.data;
  const a = new Float64Array(n * n);
  let mx = 0;
  // lower triangle of the symmetric part, column-major: a[i + j n] = (A_ij + A_ji)/2, i ≥ j
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      const v = i === j ? src[i * n + i]! : 0.5 * (src[i * n + j]! + src[j * n + i]!);
      a[i + j * n] = v;
      const av = Math.abs(v);
      if (av > mx) mx = av;
    }
  }
  const ex = scaleExponent(mx);
  scaleArray(a, ex);
  const d = new Float64Array(n), e = new Float64Array(n), tau = new Float64Array(n);
  const w = new Float64Array(n);
  // 1. tridiagonalise (lower), reflector i stored in column i below the sub-diagonal
  for (let i = 0; i < n - 1; i++) {
    const m = n - i - 1; // length of the reflector
    const c0 = i * n + i + 1; // index of a(i+1, i)
    const alpha = a[c0]!;
    // ‖(α, x)‖ scaled by the largest entry, so tiny columns keep full precision
    let xmax = 0;
    for (let k = 1; k < m; k++) xmax = Math.max(xmax, Math.abs(a[c0 + k]!));
    let t = 0, beta = alpha;
    if (xmax < TINY) {
      // entries below 2^-960 of the (rescaled, max ≈ 1) matrix are negligible: no reflector
      for (let k = 1; k < m; k++) a[c0 + k] = 0;
    } else {
      const mx = Math.max(xmax, Math.abs(alpha)), inv = 1 / mx;
      let ss = 0;
      for (let k = 0; k < m; k++) {
        const v = a[c0 + k]! * inv;
        ss += v * v;
      }
      beta = -Math.sign(alpha || 1) * mx * Math.sqrt(ss);
      t = (beta - alpha) / beta;
      const sc2 = 1 / (alpha - beta);
      for (let k = 1; k < m; k++) a[c0 + k]! *= sc2;
    }
    e[i] = beta;
    if (t !== 0) {
      a[c0] = 1;
      const off = i + 1; // trailing block rows/cols off..n-1
      // w = τ A₂₂ v  (A₂₂ symmetric, lower triangle stored); two columns per pass share the
      // loads and stores of w and v
      for (let k = 0; k < m; k++) w[k] = 0;
      let jj = 0;
      for (; jj + 1 < m; jj += 2) {
        const col1 = (off + jj) * n + off, col2 = col1 + n;
        const t1 = a[c0 + jj]!, u1 = a[c0 + jj + 1]!;
        const a10 = a[col1 + jj + 1]!; // A(jj+1, jj)
        let t2 = a[col1 + jj]! * t1 + a10 * u1;
        let u2 = a10 * t1 + a[col2 + jj + 1]! * u1;
        for (let ii = jj + 2; ii < m; ii++) {
          const x = a[col1 + ii]!, y = a[col2 + ii]!, vi = a[c0 + ii]!;
          w[ii]! += x * t1 + y * u1;
          t2 += x * vi;
          u2 += y * vi;
        }
        w[jj]! += t2;
        w[jj + 1]! += u2;
      }
      if (jj < m) w[jj]! += a[(off + jj) * n + off + jj]! * a[c0 + jj]!;
      let wv = 0;
      for (let k = 0; k < m; k++) {
        w[k]! *= t;
        wv += w[k]! * a[c0 + k]!;
      }
      // w ← w − (τ/2)(wᵀv) v
      const al = -0.5 * t * wv;
      for (let k = 0; k < m; k++) w[k]! += al * a[c0 + k]!;
      // A₂₂ ← A₂₂ − v wᵀ − w vᵀ (lower), two columns per pass
      let kk = 0;
      for (; kk + 1 < m; kk += 2) {
        const col1 = (off + kk) * n + off, col2 = col1 + n;
        const v1 = a[c0 + kk]!, w1 = w[kk]!, v2 = a[c0 + kk + 1]!, w2 = w[kk + 1]!;
        a[col1 + kk]! -= 2 * v1 * w1;
        for (let ii = kk + 1; ii < m; ii++) {
          const vi = a[c0 + ii]!, wi = w[ii]!;
          a[col1 + ii]! -= vi * w1 + wi * v1;
          a[col2 + ii]! -= vi * w2 + wi * v2;
        }
      }
      if (kk < m) a[(off + kk) * n + off + kk]! -= 2 * a[c0 + kk]! * w[kk]!;
    }
    d[i] = a[i * n + i]!;
    tau[i] = t;
  }
  d[n - 1] = a[(n - 1) * n + (n - 1)]!;
  if (!wantVectors) {
    implicitQL(d, e, null, null, n);
    scaleArray(d, -ex);
    return { n, values: d, qr: new Float64Array(0), qi: null };
  }
  // 2. Q = H(0) H(1) … H(n−2), backward accumulation into the identity (row-major Q):
  //    Q₂₂ ← Q₂₂ − τ v (vᵀ Q₂₂)
  const q = new Float64Array(n * n);
  for (let k = 0; k < n; k++) q[k * n + k] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const t = tau[i]!;
    if (t === 0) continue;
    const off = i + 1, c0 = i * n + off;
    a[c0] = 1;
    w.fill(0);
    // w = vᵀ Q₂₂ and Q₂₂ −= τ v w, two rows per pass
    let r = off;
    for (; r + 1 < n; r += 2) {
      const v1 = a[c0 + r - off]!, v2 = a[c0 + r + 1 - off]!, r1 = r * n, r2 = r1 + n;
      for (let c = off; c < n; c++) w[c]! += v1 * q[r1 + c]! + v2 * q[r2 + c]!;
    }
    if (r < n) {
      const v1 = a[c0 + r - off]!, r1 = r * n;
      for (let c = off; c < n; c++) w[c]! += v1 * q[r1 + c]!;
    }
    r = off;
    for (; r + 1 < n; r += 2) {
      const t1 = t * a[c0 + r - off]!, t2 = t * a[c0 + r + 1 - off]!, r1 = r * n, r2 = r1 + n;
      for (let c = off; c < n; c++) {
        const wc = w[c]!;
        q[r1 + c]! -= t1 * wc;
        q[r2 + c]! -= t2 * wc;
      }
    }
    if (r < n) {
      const t1 = t * a[c0 + r - off]!, r1 = r * n;
      for (let c = off; c < n; c++) q[r1 + c]! -= t1 * w[c]!;
    }
  }
  // 3. implicit QL
  implicitQL(d, e, q, null, n);
  scaleArray(d, -ex);
  return { n, values: d, qr: q, qi: null };
}

/** Hermitian core; works on M = Ā (column-major read of the row-major buffers). */
function hermitianCore(A: CMatrix, wantVectors = true): SpectralCore {
  const n = A.rows, sr = A.re, si = A.im;
  const ar = new Float64Array(n * n), ai = new Float64Array(n * n);
  let mx = 0;
  // M(i,j) = conj(H(i,j)) with H = (A + A*)/2; stored at i + j n for i ≥ j
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      let vr: number, vi: number;
      if (i === j) {
        vr = sr[i * n + i]!;
        vi = 0;
      } else {
        // H(i,j) = (A(i,j) + conj(A(j,i)))/2, M(i,j) = conj(H(i,j))
        vr = 0.5 * (sr[i * n + j]! + sr[j * n + i]!);
        vi = -0.5 * (si[i * n + j]! - si[j * n + i]!);
      }
      ar[i + j * n] = vr;
      ai[i + j * n] = vi;
      const av = Math.max(Math.abs(vr), Math.abs(vi));
      if (av > mx) mx = av;
    }
  }
  const ex = scaleExponent(mx);
  scaleArray(ar, ex);
  scaleArray(ai, ex);
  const d = new Float64Array(n), e = new Float64Array(n);
  const taur = new Float64Array(n), taui = new Float64Array(n);
  const wr = new Float64Array(n), wi = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) {
    const m = n - i - 1;
    const c0 = i * n + i + 1;
    // ZLARFG: H* (α; x) = (β; 0), β real, H = I − τ v v*, v = (1; x/(α − β))
    const alr = ar[c0]!, ali = ai[c0]!;
    let xmax = 0;
    for (let k = 1; k < m; k++) xmax = Math.max(xmax, Math.abs(ar[c0 + k]!), Math.abs(ai[c0 + k]!));
    let tr = 0, ti = 0, beta = alr;
    if (xmax < TINY && Math.abs(ali) < TINY) {
      // negligible column (see the real case): no reflector, sub-diagonal taken as real
      for (let k = 1; k < m; k++) { ar[c0 + k] = 0; ai[c0 + k] = 0; }
      ai[c0] = 0;
    } else {
      // ‖(α, x)‖ scaled by the largest entry, so tiny columns keep full precision
      const mx = Math.max(xmax, Math.abs(alr), Math.abs(ali)), inv = 1 / mx;
      let ss = 0;
      for (let k = 0; k < m; k++) {
        const u = ar[c0 + k]! * inv, v = ai[c0 + k]! * inv;
        ss += u * u + v * v;
      }
      beta = -Math.sign(alr || 1) * mx * Math.sqrt(ss);
      tr = (beta - alr) / beta;
      ti = -ali / beta;
      // x ← x / (α − β)
      const dr = alr - beta, di = ali;
      const sd = Math.max(Math.abs(dr), Math.abs(di));
      const dr1 = dr / sd, di1 = di / sd;
      const den = (dr1 * dr1 + di1 * di1) * sd; // 1/(dr + i di) = (dr1 − i di1)/den, scaled against underflow
      const ir = dr1 / den, ii = -di1 / den;
      for (let k = 1; k < m; k++) {
        const xr = ar[c0 + k]!, xi = ai[c0 + k]!;
        ar[c0 + k] = xr * ir - xi * ii;
        ai[c0 + k] = xr * ii + xi * ir;
      }
    }
    e[i] = beta;
    if (tr !== 0 || ti !== 0) {
      ar[c0] = 1;
      ai[c0] = 0;
      const off = i + 1;
      // w = τ M₂₂ v  (Hermitian, lower triangle stored)
      for (let k = 0; k < m; k++) { wr[k] = 0; wi[k] = 0; }
      for (let jj = 0; jj < m; jj++) {
        const col = (off + jj) * n + off;
        const vjr = ar[c0 + jj]!, vji = ai[c0 + jj]!;
        let t2r = 0, t2i = 0;
        wr[jj]! += ar[col + jj]! * vjr; // diagonal is real
        wi[jj]! += ar[col + jj]! * vji;
        for (let ii = jj + 1; ii < m; ii++) {
          const mr = ar[col + ii]!, mi = ai[col + ii]!;
          // w_ii += M(ii,jj) v_jj
          wr[ii]! += mr * vjr - mi * vji;
          wi[ii]! += mr * vji + mi * vjr;
          // w_jj += conj(M(ii,jj)) v_ii
          const vir = ar[c0 + ii]!, vii = ai[c0 + ii]!;
          t2r += mr * vir + mi * vii;
          t2i += mr * vii - mi * vir;
        }
        wr[jj]! += t2r;
        wi[jj]! += t2i;
      }
      // w ← τ w ; s = w* v
      let sr2 = 0, si2 = 0;
      for (let k = 0; k < m; k++) {
        const xr = wr[k]!, xi = wi[k]!;
        const yr = tr * xr - ti * xi, yi = tr * xi + ti * xr;
        wr[k] = yr;
        wi[k] = yi;
        const vr = ar[c0 + k]!, vi = ai[c0 + k]!;
        sr2 += yr * vr + yi * vi;
        si2 += yr * vi - yi * vr;
      }
      // α = −τ/2 · (w* v);  w ← w + α v
      const alr2 = -0.5 * (tr * sr2 - ti * si2), ali2 = -0.5 * (tr * si2 + ti * sr2);
      for (let k = 0; k < m; k++) {
        const vr = ar[c0 + k]!, vi = ai[c0 + k]!;
        wr[k]! += alr2 * vr - ali2 * vi;
        wi[k]! += alr2 * vi + ali2 * vr;
      }
      // M₂₂ ← M₂₂ − v w* − w v*  (lower)
      for (let jj = 0; jj < m; jj++) {
        const col = (off + jj) * n + off;
        const vjr = ar[c0 + jj]!, vji = ai[c0 + jj]!, wjr = wr[jj]!, wji = wi[jj]!;
        for (let ii = jj; ii < m; ii++) {
          const vir = ar[c0 + ii]!, vii = ai[c0 + ii]!, wir = wr[ii]!, wii = wi[ii]!;
          // v_i conj(w_j) + w_i conj(v_j)
          ar[col + ii]! -= vir * wjr + vii * wji + wir * vjr + wii * vji;
          ai[col + ii]! -= vii * wjr - vir * wji + wii * vjr - wir * vji;
        }
        ai[col + jj] = 0; // diagonal stays real
      }
    } else {
      ai[(i + 1) * n + i + 1] = 0;
    }
    d[i] = ar[i * n + i]!;
    taur[i] = tr;
    taui[i] = ti;
  }
  d[n - 1] = ar[(n - 1) * n + (n - 1)]!;
  if (!wantVectors) {
    implicitQL(d, e, null, null, n);
    scaleArray(d, -ex);
    return { n, values: d, qr: new Float64Array(0), qi: null };
  }
  // Q = H(0) … H(n−2), row-major: Q₂₂ ← Q₂₂ − τ v (v* Q₂₂), backwards
  const qr = new Float64Array(n * n), qi = new Float64Array(n * n);
  for (let k = 0; k < n; k++) qr[k * n + k] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const tr = taur[i]!, ti = taui[i]!;
    if (tr === 0 && ti === 0) continue;
    const off = i + 1, c0 = i * n + off;
    ar[c0] = 1;
    ai[c0] = 0;
    wr.fill(0);
    wi.fill(0);
    // w = v* Q₂₂ (row vector): Σ_r conj(v_r) Q[r, :]
    for (let r = off; r < n; r++) {
      const vr = ar[c0 + r - off]!, vi = -ai[c0 + r - off]!, rr = r * n;
      for (let c = off; c < n; c++) {
        const xr = qr[rr + c]!, xi = qi[rr + c]!;
        wr[c]! += vr * xr - vi * xi;
        wi[c]! += vr * xi + vi * xr;
      }
    }
    // Q[r, :] −= (τ v_r) w
    for (let r = off; r < n; r++) {
      const vr = ar[c0 + r - off]!, vi = ai[c0 + r - off]!, rr = r * n;
      const br = tr * vr - ti * vi, bi = tr * vi + ti * vr;
      for (let c = off; c < n; c++) {
        const xr = wr[c]!, xi = wi[c]!;
        qr[rr + c]! -= br * xr - bi * xi;
        qi[rr + c]! -= br * xi + bi * xr;
      }
    }
  }
  implicitQL(d, e, qr, qi, n);
  scaleArray(d, -ex);
  return { n, values: d, qr, qi };
}

/** Validated spectral core of a symmetric (real) or Hermitian (complex) matrix. */
export function spectralCore(A: Matrix | CMatrix, opts?: CheckOptions, what?: string, wantVectors = true): SpectralCore {
  if (isComplex(A)) {
    checkHermitian(A, opts, what);
    return hermitianCore(A, wantVectors);
  }
  checkSymmetric(A, opts, what);
  return symmetricCore(A, wantVectors);
}

/**
 * Eigenvalues (ascending) of a real symmetric or complex Hermitian matrix, without
 * eigenvectors (faster than {@link eigh}).
 */
export function eigvalsh(A: Matrix | CMatrix, opts?: CheckOptions): Float64Array {
  return spectralCore(A, opts, undefined, false).values;
}

/**
 * Eigendecomposition `A = V diag(λ) Vᵀ` of a real symmetric matrix: eigenvalues ascending,
 * orthonormal eigenvectors as columns of `V`. Uses the symmetric part `(A + Aᵀ)/2`; `A` must be
 * symmetric within `symmetryTol`. Eigenvalues are accurate to about `ε‖A‖₂` absolutely.
 */
export function eigh(A: Matrix, opts?: CheckOptions): EighResult {
  checkSymmetric(A, opts);
  const core = symmetricCore(A);
  return { values: core.values, vectors: columnsToMatrix(core) };
}

/**
 * Eigendecomposition `A = V diag(λ) V*` of a complex Hermitian matrix: real eigenvalues
 * ascending, orthonormal eigenvectors as columns of the unitary `V`. Uses the Hermitian part
 * `(A + A*)/2`; `A` must be Hermitian within `symmetryTol`.
 */
export function eighHermitian(A: CMatrix, opts?: CheckOptions): EighHermitianResult {
  checkHermitian(A, opts);
  const core = hermitianCore(A);
  return { values: core.values, vectors: columnsToCMatrix(core) };
}

/** V from the core (row-major already). */
function columnsToMatrix(core: SpectralCore): Matrix {
  return { rows: core.n, cols: core.n, data: core.qr };
}

/** V from the core, conjugated back (eigenvectors of A are the conjugates of those of M = Ā). */
function columnsToCMatrix(core: SpectralCore): CMatrix {
  const qi = core.qi!;
  const im = new Float64Array(qi.length);
  for (let k = 0; k < im.length; k++) im[k] = -qi[k]!;
  return { rows: core.n, cols: core.n, re: core.qr, im };
}
