// Hessians of −log det and the canonical metric (MATH.md §1.3, §5.3):
//   D²(−log det)(X)[H, K] = tr(X⁻¹HX⁻¹K),  (Hess_u)_ab = D²(−log det)(X)[B_a, B_b],
//   g_X(H, K) = ((p+1)/2) tr(X⁻¹HX⁻¹K) on Sym_p^{++},  p tr(X⁻¹HX⁻¹K) on Herm_p^{++},
// i.e. g = D² log φ; it is invariant under congruence by GL_p and under X ↦ X⁻¹.
// With Y = X⁻¹ and B_a = Σ c E_ij: tr(Y E_ij Y E_kl) = Y_li Y_jk.
import { QgeomError } from "../core/index.js";
import { type CMatrix, type Matrix, isComplex } from "../linalg/index.js";
import { type Coords, checkCoords, coordinateBasis } from "./coords.js";
import { kvExponent, pdInfo } from "./kv.js";

/** (Hess f)_ab = Re tr(Y B_a Y B_b) for a given Y (split re/im) and basis. */
function traceForm(p: number, Yr: Float64Array, Yi: Float64Array, basis: ReturnType<typeof coordinateBasis>): Matrix {
  const N = basis.length;
  const H = new Float64Array(N * N);
  for (let a = 0; a < N; a++)
    for (let b = a; b < N; b++) {
      let s = 0;
      for (const t of basis[a]!)
        for (const u of basis[b]!) {
          // c d Y_li Y_jk with (i, j, c) = t and (k, l, d) = u
          const y1r = Yr[u.j * p + t.i]!, y1i = Yi[u.j * p + t.i]!;
          const y2r = Yr[t.j * p + u.i]!, y2i = Yi[t.j * p + u.i]!;
          const yr = y1r * y2r - y1i * y2i, yi = y1r * y2i + y1i * y2r;
          const cr = t.re * u.re - t.im * u.im, ci = t.re * u.im + t.im * u.re;
          s += cr * yr - ci * yi;
        }
      H[a * N + b] = H[b * N + a] = s;
    }
  return { rows: N, cols: N, data: H };
}

/**
 * The Hessian of −log det at a positive-definite X in the given coordinates (analytic, MATH.md §1.3):
 * N×N with entries tr(X⁻¹B_aX⁻¹B_b). det = 2^{p(p−1)/2} det X^{−(p+1)} (real UT), det X^{−(p+1)} (real F),
 * 2^{p(p−1)} det X^{−2p} (complex UT), det X^{−2p} (complex orthonormal).
 */
export function hessianNegLogDet(X: Matrix | CMatrix, coords: Coords): Matrix {
  checkCoords(coords);
  const info = pdInfo(X);
  return traceForm(info.p, info.invRe, info.invIm, coordinateBasis(info.p, info.field, coords));
}

/** The canonical metric as a Gram matrix in coordinates: (N/r)·Hess(−log det) = Hess log φ (MATH.md §5.3). */
export function canonicalMetricMatrix(X: Matrix | CMatrix, coords: Coords): Matrix {
  const H = hessianNegLogDet(X, coords);
  const k = kvExponent(X.rows, isComplex(X) ? "complex" : "real");
  return { rows: H.rows, cols: H.cols, data: H.data.map((x) => k * x) };
}

function asSplit(A: Matrix | CMatrix, p: number, name: string): { re: Float64Array; im: Float64Array } {
  if (A.rows !== p || A.cols !== p) throw new QgeomError("SHAPE", `${name} must be ${p}×${p} like X, got ${A.rows}×${A.cols}; pass a ${p}×${p} matrix`);
  return isComplex(A) ? { re: A.re, im: A.im } : { re: A.data, im: new Float64Array(p * p) };
}

/**
 * g_X(H, K) = ((p+1)/2) tr(X⁻¹HX⁻¹K) (real) or p·Re tr(X⁻¹HX⁻¹K) (complex) for tangent vectors H, K
 * (symmetric / Hermitian matrices), MATH.md §5.3.
 */
export function canonicalMetric(X: Matrix | CMatrix, H: Matrix | CMatrix, K: Matrix | CMatrix): number {
  const info = pdInfo(X);
  const p = info.p;
  const h = asSplit(H, p, "H"), k = asSplit(K, p, "K");
  // M1 = Y H, M2 = Y K; tr(M1 M2)
  const prod = (ar: Float64Array, ai: Float64Array, br: Float64Array, bi: Float64Array) => {
    const re = new Float64Array(p * p), im = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let sr = 0, si = 0;
        for (let m = 0; m < p; m++) {
          const xr = ar[i * p + m]!, xi = ai[i * p + m]!, yr = br[m * p + j]!, yi = bi[m * p + j]!;
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        re[i * p + j] = sr;
        im[i * p + j] = si;
      }
    return { re, im };
  };
  const A = prod(info.invRe, info.invIm, h.re, h.im), B = prod(info.invRe, info.invIm, k.re, k.im);
  let t = 0;
  for (let i = 0; i < p; i++) for (let m = 0; m < p; m++) t += A.re[i * p + m]! * B.re[m * p + i]! - A.im[i * p + m]! * B.im[m * p + i]!;
  return kvExponent(p, info.field) * t;
}

