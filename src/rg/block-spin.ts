// Block-spin coarse-graining on periodic lattices (MATH.md §8.4). On ℤ_L with b | L,
//   x′_I = (1/b) Σ_{s=0}^{b−1} x_{bI+s},  Σ′ = RΣRᵀ,
// and for a stationary covariance Σ_ij = C(i − j) (circulant) Σ′ is circulant on ℤ_{L/b} with eigenvalues
//   Ĉ′(q′) = (1/b) Σ_{j=0}^{b−1} |Ĥ(q′ + jL/b)|² Ĉ(q′ + jL/b),  Ĥ(q) = (1/b) Σ_{s=0}^{b−1} e^{2πiqs/L}
// (aliasing: coarse-graining is diagonal in Fourier space up to folding), with Ĉ(q) = Σ_n C(n) e^{−2πiqn/L}
// (§1.10). In 2-D (ℤ_{L1} × ℤ_{L2}, site (x, y) at index x·L2 + y, blocks b1 × b2) everything factorises.
// Coarse covariances use the circulant structure directly: C′(N) = (1/b²) Σ_{s,t} C(bN + s − t).
import { QgeomError } from "../core/index.js";
import { excerpt } from "../core/errors.js";
import type { Matrix } from "../linalg/index.js";

function sizeCheck(L: number, b: number, what: string): void {
  if (!Number.isInteger(L) || L < 1) throw new QgeomError("INVALID_ARGUMENT", `${what}: lattice size L must be a positive integer, got ${excerpt(L)}; pass e.g. L = 8`);
  if (!Number.isInteger(b) || b < 1 || L % b !== 0)
    throw new QgeomError("INVALID_ARGUMENT", `${what}: block size b must be a positive integer dividing L = ${L}, got ${excerpt(b)}; choose a divisor of ${L} such as ${[2, 3, 4, 5].find((d) => L % d === 0) ?? 1}`);
}

/** R (L/b × L) with R_{I,k} = 1/b if site k lies in block I = ⌊k/b⌋. */
export function blockSpinMatrix1D(L: number, b: number): Matrix {
  sizeCheck(L, b, "blockSpinMatrix1D");
  const Lp = L / b;
  const R = new Float64Array(Lp * L);
  for (let k = 0; k < L; k++) R[Math.floor(k / b) * L + k] = 1 / b;
  return { rows: Lp, cols: L, data: R };
}

/** R for b1 × b2 blocks on the L1 × L2 torus (sites and blocks in row-major order). */
export function blockSpinMatrix2D(L1: number, L2: number, b1: number, b2: number): Matrix {
  sizeCheck(L1, b1, "blockSpinMatrix2D (first axis)");
  sizeCheck(L2, b2, "blockSpinMatrix2D (second axis)");
  const P1 = L1 / b1, P2 = L2 / b2, n = L1 * L2;
  const R = new Float64Array(P1 * P2 * n);
  for (let x = 0; x < L1; x++)
    for (let y = 0; y < L2; y++) R[(Math.floor(x / b1) * P2 + Math.floor(y / b2)) * n + x * L2 + y] = 1 / (b1 * b2);
  return { rows: P1 * P2, cols: n, data: R };
}

function covFunction(C: ArrayLike<number>, name = "C"): Float64Array {
  if (C === null || typeof C !== "object" || typeof C.length !== "number" || C.length < 1)
    throw new QgeomError("SHAPE", `${name} must be a non-empty array C(0), …, C(L−1) (covariance at separation n), got ${excerpt(C)}; pass e.g. [1, 0.5, 0.25, 0.5]`);
  const c = Float64Array.from(C);
  const L = c.length;
  let mx = 0;
  c.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `${name}[${k}] is ${x}; pass finite values`);
    mx = Math.max(mx, Math.abs(x));
  });
  for (let n = 1; n < L; n++)
    if (Math.abs(c[n]! - c[L - n]!) > 1e-12 * mx)
      throw new QgeomError("NOT_SYMMETRIC", `${name} is not even: C(${n}) = ${c[n]} but C(${L - n}) = ${c[L - n]}; a symmetric circulant needs C(n) = C(L − n); make the sequence even (average C(n) and C(L − n))`);
  return c;
}

/** The circulant covariance Σ_ij = C((i − j) mod L) of a stationary field on ℤ_L (C must be even). */
export function circulant(C: ArrayLike<number>): Matrix {
  const c = covFunction(C);
  const L = c.length;
  const S = new Float64Array(L * L);
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) S[i * L + j] = c[(((i - j) % L) + L) % L]!;
  return { rows: L, cols: L, data: S };
}

/** Ĉ(q) = Σ_n C(n) e^{−2πiqn/L}, q = 0 … L−1 (real for even C): the eigenvalues of circulant(C). */
export function circulantSpectrum(C: ArrayLike<number>): Float64Array {
  const c = covFunction(C);
  const L = c.length;
  return Float64Array.from({ length: L }, (_, q) => {
    let s = 0;
    for (let n = 0; n < L; n++) s += c[n]! * Math.cos((2 * Math.PI * ((q * n) % L)) / L);
    return s;
  });
}

/** |Ĥ(q)|² = |(1/b) Σ_{s<b} e^{2πiqs/L}|². */
export function blockFilter(q: number, L: number, b: number): number {
  let re = 0, im = 0;
  for (let s = 0; s < b; s++) {
    const t = (2 * Math.PI * ((q * s) % L)) / L;
    re += Math.cos(t);
    im += Math.sin(t);
  }
  return (re * re + im * im) / (b * b);
}

/** Ĉ′(q′) for q′ = 0 … L/b − 1 by the aliasing formula of MATH.md §8.4. */
export function blockSpinSpectrum(C: ArrayLike<number>, b: number): Float64Array {
  const Ch = circulantSpectrum(C);
  const L = Ch.length;
  sizeCheck(L, b, "blockSpinSpectrum");
  const Lp = L / b;
  return Float64Array.from({ length: Lp }, (_, qp) => {
    let s = 0;
    for (let j = 0; j < b; j++) {
      const q = qp + j * Lp;
      s += blockFilter(q, L, b) * Ch[q]!;
    }
    return s / b;
  });
}

/** The coarse covariance function C′(N) = (1/b²) Σ_{s,t<b} C(bN + s − t) on ℤ_{L/b} (Σ′ = circulant(C′)). */
export function blockSpin1D(C: ArrayLike<number>, b: number): Float64Array {
  const c = covFunction(C);
  const L = c.length;
  sizeCheck(L, b, "blockSpin1D");
  return Float64Array.from({ length: L / b }, (_, N) => {
    let s = 0;
    for (let u = 0; u < b; u++) for (let t = 0; t < b; t++) s += c[(((b * N + u - t) % L) + L) % L]!;
    return s / (b * b);
  });
}

/** A 2-D covariance function C(n1, n2) on ℤ_{L1} × ℤ_{L2} as rows (L1 × L2), checked even. */
function covFunction2D(C: readonly (readonly number[])[] | Matrix): Matrix {
  let M: Matrix;
  if ((C as Matrix).data instanceof Float64Array) M = C as Matrix;
  else {
    const rows = C as readonly (readonly number[])[];
    if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r) && r.length === rows[0]!.length && r.length > 0))
      throw new QgeomError("SHAPE", `C must be an L1 × L2 array of rows (C(n1, n2)), got ${excerpt(C)}; pass L1 rows of L2 numbers each`);
    M = { rows: rows.length, cols: rows[0]!.length, data: Float64Array.from(rows.flat()) };
  }
  const { rows: L1, cols: L2, data } = M;
  let mx = 0;
  data.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `C[${Math.floor(k / L2)}][${k % L2}] is ${x}; pass finite values`);
    mx = Math.max(mx, Math.abs(x));
  });
  for (let a = 0; a < L1; a++)
    for (let b = 0; b < L2; b++) {
      const x = data[a * L2 + b]!, y = data[((L1 - a) % L1) * L2 + ((L2 - b) % L2)]!;
      if (Math.abs(x - y) > 1e-12 * mx)
        throw new QgeomError("NOT_SYMMETRIC", `C is not even: C(${a}, ${b}) = ${x} but C(${(L1 - a) % L1}, ${(L2 - b) % L2}) = ${y}; make the array even (average the two entries)`);
    }
  return M;
}

/** The block-circulant covariance Σ_{(x,y),(x′,y′)} = C(x − x′, y − y′) on the torus (index x·L2 + y). */
export function circulant2D(C: readonly (readonly number[])[] | Matrix): Matrix {
  const M = covFunction2D(C);
  const { rows: L1, cols: L2 } = M;
  const n = L1 * L2;
  const S = new Float64Array(n * n);
  for (let x = 0; x < L1; x++)
    for (let y = 0; y < L2; y++)
      for (let u = 0; u < L1; u++)
        for (let w = 0; w < L2; w++) S[(x * L2 + y) * n + u * L2 + w] = M.data[(((x - u) % L1) + L1) % L1 * L2 + ((((y - w) % L2) + L2) % L2)]!;
  return { rows: n, cols: n, data: S };
}

/** Ĉ(q1, q2) = Σ C(n1, n2) e^{−2πi(q1n1/L1 + q2n2/L2)} as an L1 × L2 matrix (real for even C). */
export function circulantSpectrum2D(C: readonly (readonly number[])[] | Matrix): Matrix {
  const M = covFunction2D(C);
  const { rows: L1, cols: L2 } = M;
  const out = new Float64Array(L1 * L2);
  for (let q1 = 0; q1 < L1; q1++)
    for (let q2 = 0; q2 < L2; q2++) {
      let s = 0;
      for (let a = 0; a < L1; a++)
        for (let b = 0; b < L2; b++) s += M.data[a * L2 + b]! * Math.cos(2 * Math.PI * (((q1 * a) % L1) / L1 + ((q2 * b) % L2) / L2));
      out[q1 * L2 + q2] = s;
    }
  return { rows: L1, cols: L2, data: out };
}

/** Ĉ′(q1′, q2′) = (1/(b1 b2)) Σ_{j1,j2} |Ĥ1|² |Ĥ2|² Ĉ(q1′ + j1 L1/b1, q2′ + j2 L2/b2), an (L1/b1) × (L2/b2) matrix. */
export function blockSpinSpectrum2D(C: readonly (readonly number[])[] | Matrix, b1: number, b2: number): Matrix {
  const Ch = circulantSpectrum2D(C);
  const { rows: L1, cols: L2 } = Ch;
  sizeCheck(L1, b1, "blockSpinSpectrum2D (first axis)");
  sizeCheck(L2, b2, "blockSpinSpectrum2D (second axis)");
  const P1 = L1 / b1, P2 = L2 / b2;
  const out = new Float64Array(P1 * P2);
  for (let p1 = 0; p1 < P1; p1++)
    for (let p2 = 0; p2 < P2; p2++) {
      let s = 0;
      for (let j1 = 0; j1 < b1; j1++)
        for (let j2 = 0; j2 < b2; j2++) {
          const q1 = p1 + j1 * P1, q2 = p2 + j2 * P2;
          s += blockFilter(q1, L1, b1) * blockFilter(q2, L2, b2) * Ch.data[q1 * L2 + q2]!;
        }
      out[p1 * P2 + p2] = s / (b1 * b2);
    }
  return { rows: P1, cols: P2, data: out };
}

/** The coarse 2-D covariance function C′(N1, N2) = (1/(b1b2)²) Σ C(b1N1 + s1 − t1, b2N2 + s2 − t2). */
export function blockSpin2D(C: readonly (readonly number[])[] | Matrix, b1: number, b2: number): Matrix {
  const M = covFunction2D(C);
  const { rows: L1, cols: L2 } = M;
  sizeCheck(L1, b1, "blockSpin2D (first axis)");
  sizeCheck(L2, b2, "blockSpin2D (second axis)");
  const P1 = L1 / b1, P2 = L2 / b2;
  const out = new Float64Array(P1 * P2);
  const mod = (x: number, L: number) => ((x % L) + L) % L;
  for (let N1 = 0; N1 < P1; N1++)
    for (let N2 = 0; N2 < P2; N2++) {
      let s = 0;
      for (let s1 = 0; s1 < b1; s1++)
        for (let t1 = 0; t1 < b1; t1++)
          for (let s2 = 0; s2 < b2; s2++)
            for (let t2 = 0; t2 < b2; t2++) s += M.data[mod(b1 * N1 + s1 - t1, L1) * L2 + mod(b2 * N2 + s2 - t2, L2)]!;
      out[N1 * P2 + N2] = s / (b1 * b1 * b2 * b2);
    }
  return { rows: P1, cols: P2, data: out };
}
