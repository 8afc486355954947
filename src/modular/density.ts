// Density matrices (MATH §6.2): ρ Hermitian, ρ ⪰ 0, tr ρ = 1; faithful iff ρ ≻ 0. A validated
// DensityMatrix carries its spectral decomposition ρ = V diag(p) V*, from which every modular
// object (powers ρ^z, log ρ, the flow, Δ^z) is computed by the spectral calculus (MATH §1.2).
import { QgeomError, excerpt } from "../core/errors.js";
import {
  type CMatrix,
  type Matrix,
  cmatrix,
  eigh,
  eighHermitian,
  hermitianPart,
  isComplex,
  matrix,
  shapeOf,
  symmetrize,
} from "../linalg/index.js";
import { type Split, hermitianize, reconstruct, splitOf, toMatrixOrC } from "./kernels.js";

/** A validated density matrix with its spectral decomposition. */
export interface DensityMatrix {
  /** Tag "density" marking an already validated state (what {@link isDensityMatrix} tests). */
  readonly kind: "density";
  /** Dimension n (ρ is n×n). */
  readonly n: number;
  /** ρ: the Hermitian (real: symmetric) part of the input, normalised if asked; real when the input was real. */
  readonly matrix: Matrix | CMatrix;
  /** Eigenvalues p_1 ≤ … ≤ p_n of ρ (all > 0 when faithful; exact zeros on the kernel otherwise). */
  readonly eigenvalues: Float64Array;
  /** log p_i (−Infinity on the kernel of a non-faithful state). Gibbs states store −βE_i − log Z exactly. */
  readonly logEigenvalues: Float64Array;
  /** Unitary V (real orthogonal for real ρ) whose column i is an eigenvector for p_i: ρ = V diag(p) V*. */
  readonly eigenvectors: Matrix | CMatrix;
  /** ρ ≻ 0 (a faithful state, MATH §1.2): required by every modular object that needs ρ⁻¹ or log ρ. */
  readonly faithful: boolean;
  /** ρ is real symmetric. */
  readonly real: boolean;
  /** Argument name used in error messages. */
  readonly name: string;
}

/** A matrix argument: linalg Matrix / CMatrix, nested rows, or `{re, im}` rows. */
export type MatrixInput =
  | Matrix
  | CMatrix
  | number[][]
  | {
      /** Real part, as rows. */
      re: number[][];
      /** Imaginary part, as rows of the same shape (default: all zeros; the input is still treated as complex). */
      im?: number[][];
    };

/** What the modular functions accept as a state: a validated DensityMatrix or a raw matrix (validated on the fly). */
export type DensityInput = DensityMatrix | MatrixInput;

/** Options of {@link densityMatrix}. */
export interface DensityOptions {
  /** Argument name for error messages (default "rho"). */
  name?: string;
  /** Divide by the trace instead of requiring tr ρ = 1 (default false). */
  normalize?: boolean;
  /** Allowed |tr ρ − 1| when not normalising (default 1e-10). */
  traceTol?: number;
  /** Relative Hermiticity tolerance (default 1e-10 of the largest entry). */
  symmetryTol?: number;
  /**
   * Require a faithful state ρ ≻ 0 (default true). With false a positive-semidefinite ρ is
   * accepted (relative entropy, natural cone); its kernel eigenvalues are set to exactly 0.
   */
  requireFaithful?: boolean;
  /** Eigenvalues ≤ supportTol·p_max count as zero (default 16·n·2⁻⁵²). */
  supportTol?: number;
}

const EPS = 2 ** -52;

/** True if `x` is a validated {@link DensityMatrix}. */
export function isDensityMatrix(x: unknown): x is DensityMatrix {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "density";
}

/** Converts nested arrays / {re, im} to a Matrix / CMatrix, or passes matrices through. */
export function toLinalg(A: unknown, name: string): Matrix | CMatrix {
  if (Array.isArray(A)) return matrix(A as number[][], name);
  if (typeof A === "object" && A !== null) {
    const o = A as { re?: unknown; im?: unknown; data?: unknown };
    if (Array.isArray(o.re)) return cmatrix(o as { re: number[][]; im?: number[][] }, name);
    const m = A as { rows?: unknown; cols?: unknown; re?: unknown; im?: unknown; data?: unknown };
    const r = m.rows, c = m.cols;
    if (Number.isInteger(r) && Number.isInteger(c) && (r as number) >= 1 && (c as number) >= 1) {
      const len = (r as number) * (c as number);
      if (m.re instanceof Float64Array && m.im instanceof Float64Array && m.re.length === len && m.im.length === len) return A as CMatrix;
      if (m.data instanceof Float64Array && m.data.length === len) return A as Matrix;
    }
  }
  throw new QgeomError(
    "INVALID_ARGUMENT",
    `${name} must be a matrix (number[][], {re, im} of rows, or a linalg Matrix {rows, cols, data} / CMatrix {rows, cols, re, im} with rows·cols entries), got ${excerpt(A)}; pass e.g. [[0.6, 0.1], [0.1, 0.4]]`,
  );
}

function checkFiniteOption(x: unknown, name: string, dflt: number): number {
  if (x === undefined) return dflt;
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be a finite non-negative number, got ${excerpt(x)}; pass e.g. 1e-10`);
  }
  return x;
}

/**
 * Validates and decomposes a density matrix ρ (MATH §6.2): Hermitian (real input: symmetric)
 * within `symmetryTol`, trace 1 within `traceTol` (or divided by its trace with `normalize`),
 * positive definite (faithful) — or positive semidefinite with `requireFaithful: false`.
 * @throws QgeomError NOT_HERMITIAN / NOT_SYMMETRIC, NOT_POSITIVE_DEFINITE (indefinite),
 *   SINGULAR (not faithful when that is required), INVALID_ARGUMENT (trace ≠ 1), SHAPE — each naming the argument.
 */
export function densityMatrix(rho: DensityInput, opts: DensityOptions = {}): DensityMatrix {
  return buildDensity(rho, opts, "the modular theory of a state");
}

function buildDensity(rho: DensityInput, opts: DensityOptions, op: string): DensityMatrix {
  const name = opts.name ?? (isDensityMatrix(rho) ? rho.name : "rho");
  const requireFaithful = opts.requireFaithful !== false;
  if (isDensityMatrix(rho)) {
    if (requireFaithful && !rho.faithful) throw notFaithful(name, rho.eigenvalues, op);
    return rho;
  }
  const A = toLinalg(rho, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; a density matrix is n×n (pass an n×n matrix)`);
  const n = A.rows;
  const traceTol = checkFiniteOption(opts.traceTol, "traceTol", 1e-10);
  const supportTol = checkFiniteOption(opts.supportTol, "supportTol", 16 * n * EPS);
  const check = { name, ...(opts.symmetryTol !== undefined ? { symmetryTol: opts.symmetryTol } : {}) };
  // eigh validates finiteness and Hermiticity (errors name the argument)
  const real = !isComplex(A);
  const eig = real ? eigh(A as Matrix, check) : eighHermitian(A as CMatrix, check);
  const H: Matrix | CMatrix = real ? symmetrize(A as Matrix) : hermitianPart(A as CMatrix);
  let tr = 0;
  const hd = real ? (H as Matrix).data : (H as CMatrix).re;
  for (let i = 0; i < n; i++) tr += hd[i * n + i]!;
  let values = eig.values;
  let M = H;
  if (opts.normalize === true) {
    if (!(tr > 0)) {
      throw new QgeomError(
        "NOT_POSITIVE_DEFINITE",
        `${name} (${shapeOf(A)}) has trace ${tr}; normalising needs a positive trace (a positive-semidefinite, non-zero matrix); pass a non-zero positive-semidefinite matrix`,
        { trace: tr },
      );
    }
    values = Float64Array.from(values, (v) => v / tr);
    M = scaleMatrix(H, 1 / tr);
  } else if (!(Math.abs(tr - 1) <= traceTol)) {
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `${name} (${shapeOf(A)}) has trace ${tr} (|tr − 1| = ${Math.abs(tr - 1).toExponential(2)} > ${traceTol}); a density matrix has trace 1: divide by the trace, or pass { normalize: true } (CLI --normalize)`,
      { trace: tr },
    );
  }
  const pmax = values[n - 1]!;
  const tol = supportTol * Math.abs(pmax);
  const pmin = values[0]!;
  if (pmin < -tol) {
    throw new QgeomError(
      "NOT_POSITIVE_DEFINITE",
      `${name} (${shapeOf(A)}) is indefinite: smallest eigenvalue ${pmin.toExponential(3)} (largest ${pmax.toExponential(3)}); a density matrix must be positive semidefinite; pass a positive-semidefinite matrix (check its eigenvalues with eigh)`,
      { minEigenvalue: pmin },
    );
  }
  const faithful = pmin > tol;
  if (!faithful && requireFaithful) throw notFaithful(name, values, op);
  if (!faithful) values = Float64Array.from(values, (v) => (v <= tol ? 0 : v));
  const logs = Float64Array.from(values, (v) => (v > 0 ? Math.log(v) : -Infinity));
  return { kind: "density", n, matrix: M, eigenvalues: values, logEigenvalues: logs, eigenvectors: eig.vectors, faithful, real, name };
}

function scaleMatrix(A: Matrix | CMatrix, s: number): Matrix | CMatrix {
  if (isComplex(A)) return { rows: A.rows, cols: A.cols, re: A.re.map((x) => x * s), im: A.im.map((x) => x * s) };
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => x * s) };
}

function notFaithful(name: string, values: Float64Array, op: string): QgeomError {
  return new QgeomError(
    "SINGULAR",
    `${name} is singular (not a faithful state): smallest eigenvalue ${values[0]!.toExponential(3)} (largest ${values[values.length - 1]!.toExponential(3)}); ${op} needs ρ⁻¹ and log ρ, i.e. ρ ≻ 0 (MATH §1.2). Mix with the identity, or use a function that accepts a positive-semidefinite state (relativeEntropy, isInNaturalCone)`,
    { minEigenvalue: values[0] },
  );
}

/**
 * Internal: the state for an operation `op`, validated; throws SINGULAR naming the argument when
 * the operation needs ρ⁻¹ (faithful) and ρ is singular.
 */
export function stateOf(rho: DensityInput, name: string, op: string, faithful = true): DensityMatrix {
  return buildDensity(rho, { name, requireFaithful: faithful }, op);
}

/** Internal: eigenvectors V as a Split. */
export function vectorsOf(s: DensityMatrix): Split {
  return splitOf(s.eigenvectors);
}

/** Internal: ρ as a Split. */
export function matrixOf(s: DensityMatrix): Split {
  return splitOf(s.matrix);
}

function buildFromSpectrum(
  n: number,
  values: Float64Array,
  logs: Float64Array,
  V: Split,
  name: string,
  real: boolean,
): DensityMatrix {
  // exact Hermitian symmetry of the stored matrix
  const { re, im } = hermitianize(reconstruct(V, values, null));
  const faithful = values[0]! > 0;
  return {
    kind: "density",
    n,
    matrix: real ? { rows: n, cols: n, data: re } : toMatrixOrC({ n, re, im: im ?? new Float64Array(n * n) }),
    eigenvalues: values,
    logEigenvalues: logs,
    eigenvectors: toMatrixOrC(V),
    faithful,
    real,
    name,
  };
}

/**
 * Gibbs state ρ_β = e^{−βH}/Z, Z = tr e^{−βH} (MATH §6.10), for a real symmetric or complex
 * Hermitian H and finite β (default 1). Computed from the spectrum of H with the exponent shifted
 * by its extreme value, so it neither overflows nor loses small weights; log p_i = −βE_i − log Z
 * is stored exactly. The modular Hamiltonian is K_ρ = βH + (log Z) I.
 * @throws QgeomError SINGULAR if some weight underflows to 0 (β·(E_max − E_min) > ~745): the state is not faithful in float64.
 */
export function gibbsState(H: Matrix | CMatrix | number[][] | { re: number[][]; im?: number[][] }, beta = 1, opts: { name?: string; stateName?: string } = {}): DensityMatrix {
  const name = opts.name ?? "H";
  if (typeof beta !== "number" || !Number.isFinite(beta)) {
    throw new QgeomError("INVALID_ARGUMENT", `beta must be a finite number (inverse temperature), got ${excerpt(beta)}; pass e.g. beta = 1`);
  }
  const A = toLinalg(H, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n Hamiltonian`);
  const real = !isComplex(A);
  const eig = real ? eigh(A as Matrix, { name }) : eighHermitian(A as CMatrix, { name });
  const { logs } = gibbsLogs(eig.values, beta);
  const n = A.rows;
  // ascending p ⇔ ascending log p; order the eigenpairs accordingly
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => logs[a]! - logs[b]!);
  const values = new Float64Array(n), lv = new Float64Array(n);
  const V = splitOf(eig.vectors);
  const vr = new Float64Array(n * n), vi = V.im === null ? null : new Float64Array(n * n);
  order.forEach((k, j) => {
    lv[j] = logs[k]!;
    values[j] = Math.exp(logs[k]!);
    for (let r = 0; r < n; r++) {
      vr[r * n + j] = V.re[r * n + k]!;
      if (vi !== null) vi[r * n + j] = V.im![r * n + k]!;
    }
  });
  if (!(values[0]! > 0)) {
    throw new QgeomError(
      "SINGULAR",
      `the Gibbs state of ${name} at beta = ${beta} is not faithful in float64: the smallest weight e^{−βE}/Z underflows (log p_min = ${lv[0]!.toFixed(1)}); reduce beta or the spread of ${name}'s spectrum`,
    );
  }
  return buildFromSpectrum(n, values, lv, { n, re: vr, im: vi }, opts.stateName ?? "rho", real);
}

function gibbsLogs(E: Float64Array, beta: number): { logZ: number; logs: Float64Array } {
  const n = E.length;
  let m = -Infinity;
  for (let k = 0; k < n; k++) m = Math.max(m, -beta * E[k]!);
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.exp(-beta * E[k]! - m);
  const logZ = m + Math.log(s);
  return { logZ, logs: Float64Array.from(E, (e) => -beta * e - logZ) };
}

/** log Z = log tr e^{−βH} (log-sum-exp over the spectrum of H, no overflow). */
export function gibbsLogPartition(H: Matrix | CMatrix | number[][] | { re: number[][]; im?: number[][] }, beta = 1, opts: { name?: string } = {}): number {
  const name = opts.name ?? "H";
  if (typeof beta !== "number" || !Number.isFinite(beta)) {
    throw new QgeomError("INVALID_ARGUMENT", `beta must be a finite number (inverse temperature), got ${excerpt(beta)}; pass e.g. beta = 1`);
  }
  const A = toLinalg(H, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n Hamiltonian`);
  const values = isComplex(A) ? eighHermitian(A, { name }).values : eigh(A, { name }).values;
  return gibbsLogs(values, beta).logZ;
}

/**
 * ρ = Σ / tr Σ for a covariance Σ (real symmetric or complex Hermitian, positive definite; MATH
 * P7.3 reference state). With `requireFaithful: false` a singular PSD Σ is accepted.
 */
export function densityFromCovariance(
  Sigma: Matrix | CMatrix | number[][] | { re: number[][]; im?: number[][] },
  opts: Omit<DensityOptions, "normalize"> = {},
): DensityMatrix {
  return densityMatrix(Sigma, { name: "Sigma", ...opts, normalize: true });
}

/**
 * Qubit state ρ = (I + r·σ)/2 from its Bloch vector r = (r_x, r_y, r_z) (MATH §6.9), with Pauli
 * matrices σ_x = [[0,1],[1,0]], σ_y = [[0,−i],[i,0]], σ_z = [[1,0],[0,−1]]. Faithful iff |r| < 1;
 * with `requireFaithful: false`, |r| = 1 (a pure state) is accepted. Real when r_y = 0.
 */
export function densityFromBloch(r: ArrayLike<number>, opts: Pick<DensityOptions, "requireFaithful" | "name"> = {}): DensityMatrix {
  const name = opts.name ?? "r";
  if (r === null || typeof r !== "object" || r.length !== 3 || !Array.from(r).every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be a Bloch vector of three finite numbers [rx, ry, rz], got ${excerpt(Array.from(r ?? []))}; pass e.g. [0, 0, 0.5]`);
  }
  const [x, y, z] = [r[0]!, r[1]!, r[2]!];
  const len = Math.hypot(x, y, z);
  if (len > 1 + 1e-12) {
    throw new QgeomError("NOT_POSITIVE_DEFINITE", `${name} has length ${len} > 1: (I + r·σ)/2 has eigenvalue (1 − |r|)/2 < 0; a Bloch vector of a state has |r| ≤ 1; reduce its length to at most 1`);
  }
  if (len >= 1 && opts.requireFaithful !== false) {
    throw new QgeomError("SINGULAR", `${name} has length ${len}: (I + r·σ)/2 is a pure state (eigenvalue 0), not faithful; pass |r| < 1, or { requireFaithful: false }`);
  }
  const rows = { re: [[(1 + z) / 2, x / 2], [x / 2, (1 - z) / 2]], im: [[0, -y / 2], [y / 2, 0]] };
  const input: DensityInput = y === 0 ? rows.re : rows;
  return densityMatrix(input, { name: "rho", requireFaithful: opts.requireFaithful !== false });
}

/** Bloch vector r_k = tr(ρ σ_k) of a 2×2 density matrix. */
export function blochVector(rho: DensityInput): [number, number, number] {
  const s = stateOf(rho, "rho", "blochVector", false);
  if (s.n !== 2) throw new QgeomError("SHAPE", `blochVector needs a 2×2 density matrix, got ${s.n}×${s.n}; pass a 2×2 matrix`);
  const M = matrixOf(s);
  return [2 * M.re[1]!, M.im === null ? 0 : -2 * M.im[1]!, M.re[0]! - M.re[3]!];
}

/** The tracial state I/n (trivial modular flow; MATH P7.3). */
export function maximallyMixed(n: number): DensityMatrix {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new QgeomError("INVALID_ARGUMENT", `n must be an integer in [1, 4096], got ${excerpt(n)}; pass e.g. 2`);
  const V = { n, re: new Float64Array(n * n), im: null };
  for (let i = 0; i < n; i++) V.re[i * n + i] = 1;
  return buildFromSpectrum(n, new Float64Array(n).fill(1 / n), new Float64Array(n).fill(-Math.log(n)), V, "rho", true);
}
