// Matrix functions of symmetric / Hermitian matrices through the spectral calculus (MATH §1.2):
// if A = Σ_j λ_j v_j v_j*, then f(A) = Σ_j f(λ_j) v_j v_j*.
import { QgeomError } from "../core/errors.js";
import { type CMatrix, type Matrix, isComplex, shapeOf } from "./matrix.js";
import { type SpectralCore, spectralCore } from "./eigh.js";
import type { CheckOptions } from "./validate.js";

/** Options of the spectral matrix functions. */
export interface SpectralOptions extends CheckOptions {
  /**
   * For functions that need a positive-definite argument (log, negative and imaginary powers):
   * accept a positive-semidefinite `A` and apply the function on its support (MATH §1.2),
   * treating eigenvalues `|λ| ≤ supportTol · λ_max` as zero, with f(0) taken as 0.
   * Default false: such input is an error.
   */
  onSupport?: boolean;
  /** Relative threshold for "zero" eigenvalues, default `n · 2⁻⁵² · 16`. */
  supportTol?: number;
}

type Domain = "any" | "psd" | "pd";

const EPS = 2 ** -52;

function relTol(core: SpectralCore, opts: SpectralOptions | undefined): number {
  return opts?.supportTol ?? 16 * core.n * EPS;
}

function scaleOf(values: Float64Array): number {
  return Math.max(Math.abs(values[0]!), Math.abs(values[values.length - 1]!));
}

/**
 * Classifies eigenvalues for the domain: returns a mask of eigenvalues treated as zero (on the
 * support convention, or clamped rounding negatives for PSD), or throws.
 */
function domainMask(core: SpectralCore, domain: Domain, opts: SpectralOptions | undefined, op: string): Uint8Array | null {
  if (domain === "any") return null;
  const values = core.values;
  const n = values.length;
  const tol = relTol(core, opts) * scaleOf(values);
  const lmin = values[0]!;
  const name = opts?.name ?? "A";
  if (domain === "psd") {
    if (lmin >= 0) return null;
    if (lmin >= -tol) return Uint8Array.from(values, (v) => (v < 0 ? 1 : 0)); // rounding negatives → 0
  } else {
    if (opts?.onSupport === true && lmin >= -tol) {
      return lmin > tol ? null : Uint8Array.from(values, (v) => (Math.abs(v) <= tol ? 1 : 0));
    }
    if (lmin > 0) return null;
  }
  const kind = domain === "pd" ? "positive definite" : "positive semidefinite";
  const hint =
    domain === "pd" && opts?.onSupport !== true
      ? " (for a singular positive-semidefinite matrix pass { onSupport: true } to act on its support)"
      : "";
  throw new QgeomError(
    "NOT_POSITIVE_DEFINITE",
    `${name} (${shapeOf({ rows: n, cols: n })}) is not ${kind}: smallest eigenvalue ${lmin.toExponential(3)} (largest ${values[n - 1]!.toExponential(3)}); ${op} needs a ${kind} matrix${hint}; pass one (e.g. check its eigenvalues with eigh)`,
    { minEigenvalue: lmin },
  );
}

function evalReal(core: SpectralCore, f: (x: number) => number, zero: Uint8Array | null, opts: SpectralOptions | undefined, op: string): Float64Array {
  const n = core.n;
  const fv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (zero !== null && zero[j] === 1) continue;
    const y = f(core.values[j]!);
    if (!Number.isFinite(y)) {
      throw new QgeomError(
        "NOT_FINITE",
        `${op}(${opts?.name ?? "A"}): the function is ${y} at eigenvalue ${core.values[j]} (index ${j}); the result would not be finite; check the spectrum of the matrix, or use a function that is finite there`,
        { eigenvalue: core.values[j] },
      );
    }
    fv[j] = y;
  }
  return fv;
}

/** Σ_j f_j q_j q_jᵀ for real row-major Q: (r, c) entry = Σ_j (f_j Q_rj) Q_cj; upper triangle, mirrored. */
function reconstructReal(core: SpectralCore, fv: Float64Array): Matrix {
  const n = core.n, q = core.qr;
  const B = new Float64Array(n * n);
  for (let r = 0; r < n * n; r += n) for (let j = 0; j < n; j++) B[r + j] = fv[j]! * q[r + j]!;
  const C = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const rb = r * n;
    for (let c = r; c < n; c++) {
      const rc = c * n;
      let s0 = 0, s1 = 0;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        s0 += B[rb + j]! * q[rc + j]!;
        s1 += B[rb + j + 1]! * q[rc + j + 1]!;
      }
      if (j < n) s0 += B[rb + j]! * q[rc + j]!;
      const v = s0 + s1;
      C[rb + c] = v;
      C[rc + r] = v;
    }
  }
  return { rows: n, cols: n, data: C };
}

/**
 * Σ_j f_j u_j u_j* with u_j = conj(x_j), x_j the columns of the core's row-major X (M = Ā
 * convention), so the (r, c) entry is Σ_j f_j conj(X_rj) X_cj. Real f: Hermitian result
 * (upper triangle, mirrored); complex f: general.
 */
function reconstructHermitian(core: SpectralCore, fr: Float64Array, fi: Float64Array | null): CMatrix {
  const n = core.n, xr = core.qr, xi = core.qi ?? new Float64Array(n * n);
  // B = diag-scaled conj(X): B_rj = f_j conj(X_rj)
  const br = new Float64Array(n * n), bi = new Float64Array(n * n);
  for (let r = 0; r < n * n; r += n) {
    for (let j = 0; j < n; j++) {
      const a = fr[j]!, b = fi === null ? 0 : fi[j]!, ur = xr[r + j]!, ui = xi[r + j]!;
      br[r + j] = a * ur + b * ui;
      bi[r + j] = b * ur - a * ui;
    }
  }
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  const hermitian = fi === null;
  for (let r = 0; r < n; r++) {
    const rb = r * n;
    for (let c = hermitian ? r : 0; c < n; c++) {
      const rc = c * n;
      let sr = 0, si = 0;
      for (let j = 0; j < n; j++) {
        const ar = br[rb + j]!, ai = bi[rb + j]!, vr = xr[rc + j]!, vi = xi[rc + j]!;
        sr += ar * vr - ai * vi;
        si += ar * vi + ai * vr;
      }
      re[rb + c] = sr;
      im[rb + c] = si;
      if (hermitian) {
        re[rc + r] = sr;
        im[rc + r] = -si;
      }
    }
    if (hermitian) im[rb + r] = 0;
  }
  return { rows: n, cols: n, re, im };
}

function apply(A: Matrix | CMatrix, f: (x: number) => number, domain: Domain, opts: SpectralOptions | undefined, op: string): Matrix | CMatrix {
  const what = domain === "any" ? undefined : isComplex(A) ? "a Hermitian positive-definite matrix" : "a symmetric positive-definite matrix";
  const core = spectralCore(A, opts, what);
  const zero = domainMask(core, domain, opts, op);
  const fv = evalReal(core, f, zero, opts, op);
  return isComplex(A) ? reconstructHermitian(core, fv, null) : reconstructReal(core, fv);
}

/**
 * `f(A) = V diag(f(λ)) V*` for a real symmetric or complex Hermitian `A` and a real-valued `f`
 * (the result has the same kind as `A`).
 * @throws QgeomError NOT_FINITE if `f` is not finite at some eigenvalue.
 */
export function funm(A: Matrix, f: (x: number) => number, opts?: SpectralOptions): Matrix;
export function funm(A: CMatrix, f: (x: number) => number, opts?: SpectralOptions): CMatrix;
export function funm(A: Matrix | CMatrix, f: (x: number) => number, opts?: SpectralOptions): Matrix | CMatrix;
export function funm(A: Matrix | CMatrix, f: (x: number) => number, opts?: SpectralOptions): Matrix | CMatrix {
  return apply(A, f, "any", opts, "funm");
}

/**
 * `f(A) = V diag(f(λ)) V*` for a real symmetric or complex Hermitian `A` and a complex-valued
 * `f` returning `[re, im]`; the result is a complex (in general non-Hermitian) matrix.
 */
export function funmComplex(A: Matrix | CMatrix, f: (x: number) => readonly [number, number], opts?: CheckOptions): CMatrix {
  const core = spectralCore(A, opts);
  const n = core.n;
  const fr = new Float64Array(n), fi = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const [a, b] = f(core.values[j]!);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new QgeomError(
        "NOT_FINITE",
        `funmComplex(${opts?.name ?? "A"}): the function is ${a} + ${b}i at eigenvalue ${core.values[j]}; the result would not be finite; check the spectrum of the matrix, or use a function that is finite there`,
      );
    }
    fr[j] = a;
    fi[j] = b;
  }
  return complexFromCore(core, fr, fi);
}

function complexFromCore(core: SpectralCore, fr: Float64Array, fi: Float64Array): CMatrix {
  if (core.qi !== null) return reconstructHermitian(core, fr, fi);
  // real symmetric A: f(A) = Q diag(fr) Qᵀ + i Q diag(fi) Qᵀ
  const re = reconstructReal(core, fr), im = reconstructReal(core, fi);
  return { rows: core.n, cols: core.n, re: re.data, im: im.data };
}

/** Principal logarithm `log A` of a symmetric / Hermitian positive-definite matrix. */
export function logm(A: Matrix, opts?: SpectralOptions): Matrix;
export function logm(A: CMatrix, opts?: SpectralOptions): CMatrix;
export function logm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix;
export function logm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix {
  return apply(A, Math.log, "pd", opts, "logm");
}

/** Exponential `exp A` of a symmetric / Hermitian matrix. @throws NOT_FINITE on overflow (λ > 709). */
export function expm(A: Matrix, opts?: SpectralOptions): Matrix;
export function expm(A: CMatrix, opts?: SpectralOptions): CMatrix;
export function expm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix;
export function expm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix {
  return apply(A, Math.exp, "any", opts, "expm");
}

/**
 * The unique positive-semidefinite square root `A^{1/2}` of a symmetric / Hermitian PSD matrix.
 * Eigenvalues within rounding of zero (`≥ −supportTol·λ_max`) are taken as 0.
 */
export function sqrtm(A: Matrix, opts?: SpectralOptions): Matrix;
export function sqrtm(A: CMatrix, opts?: SpectralOptions): CMatrix;
export function sqrtm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix;
export function sqrtm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix {
  return apply(A, Math.sqrt, "psd", opts, "sqrtm");
}

/** `A^{-1/2}` of a symmetric / Hermitian positive-definite matrix. */
export function invSqrtm(A: Matrix, opts?: SpectralOptions): Matrix;
export function invSqrtm(A: CMatrix, opts?: SpectralOptions): CMatrix;
export function invSqrtm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix;
export function invSqrtm(A: Matrix | CMatrix, opts?: SpectralOptions): Matrix | CMatrix {
  return apply(A, (x) => 1 / Math.sqrt(x), "pd", opts, "invSqrtm");
}

/**
 * Real power `A^s = V diag(λ^s) V*`. For `s > 0` the argument may be positive semidefinite
 * (0^s = 0); for `s ≤ 0` it must be positive definite (or PSD with `onSupport`).
 */
export function powm(A: Matrix, s: number, opts?: SpectralOptions): Matrix;
export function powm(A: CMatrix, s: number, opts?: SpectralOptions): CMatrix;
export function powm(A: Matrix | CMatrix, s: number, opts?: SpectralOptions): Matrix | CMatrix;
export function powm(A: Matrix | CMatrix, s: number, opts?: SpectralOptions): Matrix | CMatrix {
  if (typeof s !== "number" || !Number.isFinite(s)) {
    throw new QgeomError("INVALID_ARGUMENT", `powm: exponent s must be a finite number, got ${String(s)}; pass a finite real exponent`);
  }
  if (s === 1) return apply(A, (x) => x, "any", opts, "powm");
  return apply(A, (x) => Math.pow(x, s), s > 0 ? "psd" : "pd", opts, "powm");
}

/**
 * Imaginary power `ρ^{it} = V diag(λ^{it}) V* = exp(i t log ρ)` of a symmetric / Hermitian
 * positive-definite `ρ` (MATH §6.4): a unitary matrix with `ρ^{is} ρ^{it} = ρ^{i(s+t)}`.
 * With `onSupport` a PSD `ρ` gives the partial isometry that is `λ^{it}` on the support and 0 on the kernel.
 */
export function powImag(rho: Matrix | CMatrix, t: number, opts?: SpectralOptions): CMatrix {
  if (typeof t !== "number" || !Number.isFinite(t)) {
    throw new QgeomError("INVALID_ARGUMENT", `powImag: t must be a finite number, got ${String(t)}; pass a finite real t`);
  }
  const o = { name: "rho", ...opts };
  const core = spectralCore(rho, o, isComplex(rho) ? "a Hermitian positive-definite matrix" : "a symmetric positive-definite matrix");
  const zero = domainMask(core, "pd", o, "powImag");
  const n = core.n;
  const fr = new Float64Array(n), fi = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (zero !== null && zero[j] === 1) continue;
    const phase = t * Math.log(core.values[j]!);
    fr[j] = Math.cos(phase);
    fi[j] = Math.sin(phase);
  }
  return complexFromCore(core, fr, fi);
}
