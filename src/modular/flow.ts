// Modular flow and its generators (MATH §6.3–6.5, 6.8, 6.10): σ_t(x) = ρ^{it} x ρ^{−it}
// = e^{−itK} x e^{itK} with the modular Hamiltonian K = −log ρ; the Liouvillean log Δ = [log ρ, ·];
// the analytic continuation σ_z for complex z; the KMS functions; the Connes cocycle.
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Complex, type Matrix, eigh, eighHermitian, isComplex, shapeOf } from "../linalg/index.js";
import { type DensityInput, type DensityMatrix, matrixOf, stateOf, toLinalg, vectorsOf } from "./density.js";
import { type Split, addSplit, hadamard, hermitianize, mul, scaleColumns, scaleSplit, splitOf, toCMatrix, toMatrixOrC } from "./kernels.js";
import { type MatrixInput, complexOf, operandOf, realOf } from "./operands.js";
import { logRatioGrid, powerSplit, sandwich } from "./spectral.js";
import { logSplit, sameSize } from "./tomita.js";

/** log ρ = V diag(log p) V* of a faithful state (real Matrix for real ρ). */
export function logDensity(rho: DensityInput): Matrix | CMatrix {
  return toMatrixOrC(logSplit(stateOf(rho, "rho", "logDensity")));
}

/**
 * Modular Hamiltonian K_ρ = −log ρ (MATH §6.3): σ_t(x) = e^{−itK} x e^{itK}. For a Gibbs state
 * e^{−βH}/Z it equals βH + (log Z) I (MATH §6.10).
 */
export function modularHamiltonian(rho: DensityInput): Matrix | CMatrix {
  return toMatrixOrC(scaleSplit(logSplit(stateOf(rho, "rho", "modularHamiltonian")), -1));
}

/** ρ^{it} = Δ^{it} restricted to M (a unitary; MATH §6.4). */
export function modularUnitary(rho: DensityInput, t: number): CMatrix {
  const tt = realOf(t, "t");
  const s = stateOf(rho, "rho", "modularUnitary");
  return toCMatrix(powerSplit(s, { re: 0, im: tt }, "rho", "modularUnitary"));
}

/** Internal: U x U* with U = V diag(e^{iθ_k}) V*. */
function conjugateByPhases(V: Split, theta: Float64Array, x: Split): Split {
  const n = V.n;
  const c = new Float64Array(n), s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    c[k] = Math.cos(theta[k]!);
    s[k] = Math.sin(theta[k]!);
  }
  const U = mul(scaleColumns(V, c, s), "N", V, "H");
  return mul(mul(U, "N", x, "N"), "N", U, "H");
}

/**
 * Modular flow σ_t(x) = ρ^{it} x ρ^{−it} = Δ^{it} x Δ^{−it} for real t (MATH §6.4): a
 * one-parameter group of *-automorphisms of M_n(ℂ) leaving ω_ρ invariant; on vectors,
 * Δ^{it}ξ is the same formula. Cost: one unitary ρ^{it} from the cached spectrum and two products.
 * @throws QgeomError SINGULAR if ρ is not faithful.
 */
export function modularFlow(rho: DensityInput, x: MatrixInput, t: number): CMatrix {
  const tt = realOf(t, "t");
  const s = stateOf(rho, "rho", "modularFlow");
  const xs = operandOf(x, s.n, "x");
  const theta = Float64Array.from(s.logEigenvalues, (l) => tt * l);
  return toCMatrix(conjugateByPhases(vectorsOf(s), theta, xs));
}

/**
 * Analytic continuation σ_z(x) = ρ^{iz} x ρ^{−iz} to complex z = t + is (MATH §6.5): in the
 * eigenbasis, (σ_z(x))~_ij = (p_i/p_j)^{iz} x~_ij, whose modulus is (p_i/p_j)^{−s} x~_ij. Entire in
 * z; σ_{−i}(x) = ρ x ρ⁻¹ = Δx. Large |s| with an ill-conditioned ρ overflows: a NOT_FINITE error.
 */
export function modularFlowAt(rho: DensityInput, x: MatrixInput, z: number | Complex): CMatrix {
  const zz = complexOf(z, "z");
  const s = stateOf(rho, "rho", "modularFlowAt");
  const xs = operandOf(x, s.n, "x");
  // ρ^{iz} = ρ^{w} with w = iz = −s + it
  const w = { re: -zz.im, im: zz.re };
  return toCMatrix(sandwich(s, s, xs, w, { re: -w.re, im: -w.im }, "modularFlowAt"));
}

/**
 * The Liouvillean log Δ ξ = (log ρ)ξ − ξ(log ρ) = −[K_ρ, ξ] (MATH §6.3), the generator of
 * Δ^{it} = e^{it log Δ}. Eigenvectors e_i e_j* with eigenvalues log p_i − log p_j.
 */
export function liouvillean(rho: DensityInput, xi: MatrixInput): CMatrix {
  const s = stateOf(rho, "rho", "liouvillean");
  const x = operandOf(xi, s.n, "xi");
  const L = logSplit(s);
  return toCMatrix(addSplit(mul(L, "N", x, "N"), mul(x, "N", L, "N"), -1));
}

/** Spectrum of log Δ (MATH §6.3): the n² values log p_i − log p_j, ascending. */
export function liouvilleanSpectrum(rho: DensityInput): Float64Array {
  const s = stateOf(rho, "rho", "liouvilleanSpectrum");
  return logRatioGrid(s).sort();
}

/**
 * Connes cocycle u_t = (Dσ : Dρ)_t = σ^{it} ρ^{−it} (MATH §6.8), for faithful σ, ρ: unitary,
 * u_{s+t} = u_s σ^ρ_s(u_t), σ^σ_t(x) = u_t σ^ρ_t(x) u_t*, and −i d/dt u_t|₀ = log σ − log ρ.
 */
export function connesCocycle(sigma: DensityInput, rho: DensityInput, t: number): CMatrix {
  const tt = realOf(t, "t");
  const r = stateOf(rho, "rho", "connesCocycle");
  const q = stateOf(sigma, "sigma", "connesCocycle");
  sameSize(q.n, r.n);
  const a = powerSplit(q, { re: 0, im: tt }, "sigma", "connesCocycle");
  const b = powerSplit(r, { re: 0, im: -tt }, "rho", "connesCocycle");
  return toCMatrix(mul(a, "N", b, "N"));
}

/** Generator of the Connes cocycle: −i d/dt (Dσ:Dρ)_t at t = 0 equals log σ − log ρ (MATH §6.8). */
export function connesCocycleGenerator(sigma: DensityInput, rho: DensityInput): Matrix | CMatrix {
  const r = stateOf(rho, "rho", "connesCocycleGenerator");
  const q = stateOf(sigma, "sigma", "connesCocycleGenerator");
  sameSize(q.n, r.n);
  return toMatrixOrC(hermitianize(addSplit(logSplit(q), logSplit(r), -1)));
}

/** Eigendecomposition of a Hermitian generator given by the user. */
interface Generator {
  readonly n: number;
  readonly values: Float64Array;
  readonly V: Split;
}

function generatorOf(K: MatrixInput, name: string): Generator {
  const A = toLinalg(K, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n matrix`);
  const e = isComplex(A) ? eighHermitian(A, { name }) : eigh(A, { name });
  return { n: A.rows, values: e.values, V: splitOf(e.vectors) };
}

/**
 * Heisenberg evolution α_t(x) = e^{itH} x e^{−itH} under a Hamiltonian H (real symmetric or
 * Hermitian), real t. For a Gibbs state e^{−βH}/Z the modular flow is σ_t = α_{−βt} (MATH §6.5).
 */
export function heisenbergFlow(H: MatrixInput, x: MatrixInput, t: number): CMatrix {
  const tt = realOf(t, "t");
  const g = generatorOf(H, "H");
  const xs = operandOf(x, g.n, "x");
  return toCMatrix(conjugateByPhases(g.V, Float64Array.from(g.values, (e) => tt * e), xs));
}

/** Options of {@link kmsFunction}. */
export interface KmsFunctionOptions {
  /**
   * "takesaki" (default): F(z) = ω_ρ(α_z(x) y), with F(t + i) = ω_ρ(y α_t(x)) when α = σ^ρ.
   * "G": G(z) = ω_ρ(x α_z(y)), with G(t − i) = ω_ρ(α_t(y) x) when α = σ^ρ (MATH §6.5).
   */
  form?: "takesaki" | "G";
  /**
   * Hermitian generator K of the candidate group α_z(x) = e^{−izK} x e^{izK} (default the
   * modular Hamiltonian −log ρ, i.e. α = σ^ρ). Pass another K to test KMS for another group.
   */
  generator?: MatrixInput;
}

/**
 * The KMS function of the state ω_ρ and a one-parameter group α at complex z (MATH §6.5):
 * F(z) = ω_ρ(α_z(x) y) or G(z) = ω_ρ(x α_z(y)), entire in the matrix model. For the modular
 * group it is evaluated in the eigenbasis of ρ as Σ_ij p_i^{1+iz} p_j^{−iz} x~_ij y~_ji (F), whose
 * weights have modulus p_i^{1−s} p_j^{s} ≤ 1 on the strip 0 ≤ s = Im z ≤ 1, so the strip values
 * are accurate even for nearly singular ρ.
 */
export function kmsFunction(rho: DensityInput, x: MatrixInput, y: MatrixInput, z: number | Complex, opts: KmsFunctionOptions = {}): Complex {
  const zz = complexOf(z, "z");
  const s = stateOf(rho, "rho", "kmsFunction");
  const xs = operandOf(x, s.n, "x"), ys = operandOf(y, s.n, "y");
  const form = opts.form ?? "takesaki";
  if (form !== "takesaki" && form !== "G") throw new QgeomError("INVALID_ARGUMENT", `form must be "takesaki" or "G", got ${excerpt(form)}; pass "takesaki" or "G"`);
  if (opts.generator === undefined) return modularKms(s, xs, ys, zz, form);
  const g = generatorOf(opts.generator, "generator");
  if (g.n !== s.n) throw new QgeomError("SHAPE", `generator is ${g.n}×${g.n} but rho is ${s.n}×${s.n}; pass a generator of the same size as rho`);
  return generalKms(s, g, xs, ys, zz, form);
}

/** Σ_ij w_ij a_ij b_ji with w_ij = exp(c_i l_i + d_j l_j) (complex c, d). */
function weightedPairing(l: Float64Array, a: Split, b: Split, c: Complex, d: Complex): Complex {
  const n = l.length;
  let sr = 0, si = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const li = l[i]!, lj = l[j]!;
      const mod = Math.exp(c.re * li + d.re * lj);
      const ph = c.im * li + d.im * lj;
      const wr = mod * Math.cos(ph), wi = mod * Math.sin(ph);
      const ar = a.re[i * n + j]!, ai = a.im === null ? 0 : a.im[i * n + j]!;
      const br = b.re[j * n + i]!, bi = b.im === null ? 0 : b.im[j * n + i]!;
      const pr = ar * br - ai * bi, pi = ar * bi + ai * br;
      sr += wr * pr - wi * pi;
      si += wr * pi + wi * pr;
    }
  }
  if (!Number.isFinite(sr) || !Number.isFinite(si)) {
    throw new QgeomError("NOT_FINITE", `kmsFunction: the value overflows (|Im z| far outside the strip for an ill-conditioned rho); use z with 0 ≤ Im z ≤ 1, or a better-conditioned rho`);
  }
  return { re: sr, im: si };
}

function modularKms(s: DensityMatrix, x: Split, y: Split, z: Complex, form: "takesaki" | "G"): Complex {
  const V = vectorsOf(s);
  const xt = mul(mul(V, "H", x, "N"), "N", V, "N");
  const yt = mul(mul(V, "H", y, "N"), "N", V, "N");
  const iz = { re: -z.im, im: z.re };
  // F: Σ p_i^{1+iz} p_j^{−iz} x~_ij y~_ji;  G: Σ p_i^{1−iz} p_j^{iz} x~_ij y~_ji
  return form === "takesaki"
    ? weightedPairing(s.logEigenvalues, xt, yt, { re: 1 + iz.re, im: iz.im }, { re: -iz.re, im: -iz.im })
    : weightedPairing(s.logEigenvalues, xt, yt, { re: 1 - iz.re, im: -iz.im }, iz);
}

function generalKms(s: DensityMatrix, g: Generator, x: Split, y: Split, z: Complex, form: "takesaki" | "G"): Complex {
  const W = g.V, n = g.n;
  const tr = (A: Split) => mul(mul(W, "H", A, "N"), "N", W, "N");
  const xh = tr(x), yh = tr(y), rh = tr(matrixOf(s));
  // α_z(a)^_ab = e^{−iz(k_a − k_b)} a^_ab
  const alpha = (A: Split): Split => {
    const wr = new Float64Array(n * n), wi = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const dk = g.values[a]! - g.values[b]!;
        // −iz dk = (z.im − i z.re) dk
        const mod = Math.exp(z.im * dk), ph = -z.re * dk;
        wr[a * n + b] = mod * Math.cos(ph);
        wi[a * n + b] = mod * Math.sin(ph);
      }
    }
    return hadamard(A, wr, wi);
  };
  const [vr, vi] =
    form === "takesaki"
      ? traceOf(mul(mul(rh, "N", alpha(xh), "N"), "N", yh, "N"))
      : traceOf(mul(mul(rh, "N", xh, "N"), "N", alpha(yh), "N"));
  if (!Number.isFinite(vr) || !Number.isFinite(vi)) throw new QgeomError("NOT_FINITE", `kmsFunction: the value overflows for this generator and z; use z with 0 ≤ Im z ≤ 1, or rescale the generator`);
  return { re: vr, im: vi };
}

function traceOf(A: Split): [number, number] {
  let r = 0, i = 0;
  for (let k = 0; k < A.n; k++) {
    r += A.re[k * A.n + k]!;
    if (A.im !== null) i += A.im[k * A.n + k]!;
  }
  return [r, i];
}

/** Internal: α_t(x) = e^{−itK} x e^{itK} for a user generator (real t). */
export function generatorFlow(K: MatrixInput, x: MatrixInput, t: number, name = "generator"): CMatrix {
  const g = generatorOf(K, name);
  const xs = operandOf(x, g.n, "x");
  return toCMatrix(conjugateByPhases(g.V, Float64Array.from(g.values, (e) => -t * e), xs));
}

/** Internal: the state value ω_ρ(a) = tr(ρ a). */
export function stateValue(s: DensityMatrix, a: Split): Complex {
  const r = matrixOf(s);
  const n = s.n;
  let sr = 0, si = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const pr = r.re[i * n + j]!, pi = r.im === null ? 0 : r.im[i * n + j]!;
      const ar = a.re[j * n + i]!, ai = a.im === null ? 0 : a.im[j * n + i]!;
      sr += pr * ar - pi * ai;
      si += pr * ai + pi * ar;
    }
  }
  return { re: sr, im: si };
}

