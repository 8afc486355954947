// Checks of the statements of MATH §6–7 as library functions (V17–V21): each returns a defect
// (relative, so 0 up to rounding when the statement holds) or a witness, so users and proofs/ can
// call them in their own tests with their own tolerances.
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Complex, type Matrix, eigh, eighHermitian, eigvalsh } from "../linalg/index.js";
import { alphaOf, twoSidedPower } from "./cones.js";
import { type DensityInput, type DensityMatrix, gibbsState, stateOf, toLinalg } from "./density.js";
import { connesCocycle, generatorFlow, heisenbergFlow, kmsFunction, modularFlow, stateValue } from "./flow.js";
import { type Split, addSplit, conjTransposeSplit, frob, frobDiff, identitySplit, mul, splitOf, toCMatrix, toMatrixOrC } from "./kernels.js";
import { type MatrixInput, complexOf, operandOf, realOf, squareOperandOf } from "./operands.js";
import { powerSplit } from "./spectral.js";
import { modularOperator, tomitaS } from "./tomita.js";

function timesOf(t: unknown, dflt: number[]): number[] {
  if (t === undefined) return dflt;
  const ts = typeof t === "number" ? [t] : t;
  if (!Array.isArray(ts) || ts.length === 0) throw new QgeomError("INVALID_ARGUMENT", `t must be a finite number or a non-empty array of them, got ${excerpt(t)}; pass e.g. 0.5 or [0, 0.5, 1]`);
  return ts.map((x, k) => realOf(x, `t[${k}]`));
}

function cabs(a: Complex, b: Complex): number {
  return Math.hypot(a.re - b.re, a.im - b.im);
}

function scaleOf(x: Split, y: Split): number {
  const s = frob(x) * frob(y);
  return s > 0 ? s : 1;
}

/** Options of {@link kmsDefect}. */
export interface KmsDefectOptions {
  /** Real times t at which the boundary conditions are compared (default [0, 0.37, −1.3]). */
  t?: number | readonly number[];
  /**
   * Hermitian generator K of the candidate group α_t(x) = e^{−itK} x e^{itK} (default −log ρ, the
   * modular group). Any other K (not differing from −log ρ by a multiple of I) fails KMS (uniqueness).
   */
  generator?: MatrixInput;
}

/** Result of {@link kmsDefect}: defects relative to ‖x‖_F‖y‖_F (≥ |ω(xy)|). */
export interface KmsDefectReport {
  /** max_t |F(t + i) − ω_ρ(y α_t(x))|, F(z) = ω_ρ(α_z(x) y) (Takesaki form, β = −1). */
  takesaki: number;
  /** max_t |G(t − i) − ω_ρ(α_t(y) x)|, G(z) = ω_ρ(x α_z(y)) (the equivalent form of MATH §6.5). */
  g: number;
  /** max(takesaki, g). */
  max: number;
  /** The times used. */
  t: number[];
}

/**
 * KMS defect of ω_ρ for the modular group (or another group with `generator`), MATH §6.5:
 * compares the analytic continuation F(t + i) with ω_ρ(y α_t(x)) and G(t − i) with ω_ρ(α_t(y) x),
 * where the right-hand sides are computed with the real-time flow. Zero up to rounding for the
 * modular group; of order ‖K − K_ρ‖ for a perturbed one.
 */
export function kmsDefect(rho: DensityInput, x: MatrixInput, y: MatrixInput, opts: KmsDefectOptions = {}): KmsDefectReport {
  const s = stateOf(rho, "rho", "kmsDefect");
  const xs = operandOf(x, s.n, "x"), ys = operandOf(y, s.n, "y");
  const ts = timesOf(opts.t, [0, 0.37, -1.3]);
  const scale = scaleOf(xs, ys);
  const gen = opts.generator;
  const X = toCMatrix(xs), Y = toCMatrix(ys);
  const flow = (a: CMatrix, t: number): Split => splitOf(gen === undefined ? modularFlow(s, a, t) : generatorFlow(gen, a, t));
  const fopts = gen === undefined ? {} : { generator: gen };
  let dT = 0, dG = 0;
  for (const t of ts) {
    const F = kmsFunction(s, X, Y, { re: t, im: 1 }, { ...fopts, form: "takesaki" });
    const rhsF = stateValue(s, mul(ys, "N", flow(X, t), "N"));
    dT = Math.max(dT, cabs(F, rhsF) / scale);
    const G = kmsFunction(s, X, Y, { re: t, im: -1 }, { ...fopts, form: "G" });
    const rhsG = stateValue(s, mul(flow(Y, t), "N", xs, "N"));
    dG = Math.max(dG, cabs(G, rhsG) / scale);
  }
  return { takesaki: dT, g: dG, max: Math.max(dT, dG), t: ts };
}

/** Result of {@link kmsStripDefect}. */
export interface KmsStripReport {
  /** max |F(t + is) − tr(ρ^{1−s} σ_t(x) ρ^s y)| / (‖x‖_F‖y‖_F) over the points. */
  continuation: number;
  /** max |F(z)| / (‖x‖_F‖y‖_F) over the points: ≤ 1 (F is bounded on the strip). */
  bound: number;
}

/**
 * Checks the KMS function inside the strip 0 ≤ Im z ≤ 1 (MATH §6.5): the spectral continuation
 * F(t + is) = ω_ρ(σ_{t+is}(x) y) against the independent real-power form tr(ρ^{1−s} σ_t(x) ρ^s y),
 * and the bound |F| ≤ ‖x‖‖y‖ (Hölder). Default points: t ∈ {−1, 0, 0.7} × s ∈ {0, ¼, ½, ¾, 1}.
 */
export function kmsStripDefect(rho: DensityInput, x: MatrixInput, y: MatrixInput, opts: { points?: readonly Complex[] } = {}): KmsStripReport {
  const s = stateOf(rho, "rho", "kmsStripDefect");
  const xs = operandOf(x, s.n, "x"), ys = operandOf(y, s.n, "y");
  const pts = (opts.points ?? [-1, 0, 0.7].flatMap((t) => [0, 0.25, 0.5, 0.75, 1].map((im) => ({ re: t, im })))).map((z, k) => complexOf(z, `points[${k}]`));
  const scale = scaleOf(xs, ys);
  const X = toCMatrix(xs), Y = toCMatrix(ys);
  let cont = 0, bound = 0;
  for (const z of pts) {
    if (z.im < 0 || z.im > 1) throw new QgeomError("INVALID_ARGUMENT", `points must lie in the strip 0 ≤ Im z ≤ 1, got ${z.re} + ${z.im}i; pass points with Im z in [0, 1]`);
    const F = kmsFunction(s, X, Y, z);
    const A = powerSplit(s, { re: 1 - z.im, im: 0 }, "rho", "kmsStripDefect");
    const B = powerSplit(s, { re: z.im, im: 0 }, "rho", "kmsStripDefect");
    const P = mul(mul(mul(A, "N", splitOf(modularFlow(s, X, z.re)), "N"), "N", B, "N"), "N", ys, "N");
    let tr = 0, ti = 0;
    for (let i = 0; i < s.n; i++) {
      tr += P.re[i * s.n + i]!;
      if (P.im !== null) ti += P.im[i * s.n + i]!;
    }
    cont = Math.max(cont, cabs(F, { re: tr, im: ti }) / scale);
    bound = Math.max(bound, Math.hypot(F.re, F.im) / scale);
  }
  return { continuation: cont, bound };
}

/**
 * Physics form of KMS for a Gibbs state (MATH §6.5): with α_t(x) = e^{itH} x e^{−itH} and
 * ω = tr(ρ ·), F(z) = ω(x α_z(y)) satisfies F(t + iβ) = ω(α_t(y) x) when ρ = e^{−βH}/Z. Returns
 * max_t |F(t + iβ) − ω(α_t(y) x)| / (‖x‖_F‖y‖_F). Pass `state` to test another state (it fails
 * unless it is the β-Gibbs state of H).
 */
export function gibbsKmsDefect(
  H: MatrixInput,
  x: MatrixInput,
  y: MatrixInput,
  opts: { beta?: number; t?: number | readonly number[]; state?: DensityInput } = {},
): number {
  const beta = realOf(opts.beta ?? 1, "beta");
  const Hm = toLinalg(H, "H");
  const s: DensityMatrix = opts.state === undefined ? gibbsState(Hm, beta) : stateOf(opts.state, "state", "gibbsKmsDefect");
  const xs = operandOf(x, s.n, "x"), ys = operandOf(y, s.n, "y");
  const ts = timesOf(opts.t, [0, 0.37, -1.3]);
  // α_z(y) = e^{izH} y e^{−izH} = e^{−izK} y e^{izK} with K = −H: G-form with generator −H
  const minusH = toMatrixOrC(addSplit({ n: s.n, re: new Float64Array(s.n * s.n), im: null }, splitOf(Hm), -1));
  const scale = scaleOf(xs, ys);
  const X = toCMatrix(xs), Y = toCMatrix(ys);
  let d = 0;
  for (const t of ts) {
    const F = kmsFunction(s, X, Y, { re: t, im: beta }, { form: "G", generator: minusH });
    const rhs = stateValue(s, mul(splitOf(heisenbergFlow(Hm, Y, t)), "N", xs, "N"));
    d = Math.max(d, cabs(F, rhs) / scale);
  }
  return d;
}

/** Defects of the group and automorphism properties of σ_t (MATH §6.4), each relative. */
export interface FlowDefects {
  /** ‖σ_s(σ_t(x)) − σ_{s+t}(x)‖ / ‖x‖. */
  groupLaw: number;
  /** ‖σ_t(xy) − σ_t(x)σ_t(y)‖ / (‖x‖‖y‖). */
  multiplicative: number;
  /** ‖σ_t(x*) − σ_t(x)*‖ / ‖x‖. */
  star: number;
  /** |ω_ρ(σ_t(x)) − ω_ρ(x)| / ‖x‖. */
  stateInvariance: number;
  /** ‖σ_t(I) − I‖ / √n. */
  unital: number;
}

/** Group law, *-automorphism and invariance defects of the modular flow at times s, t (V20). */
export function modularFlowDefects(rho: DensityInput, x: MatrixInput, y: MatrixInput, times: { s: number; t: number }): FlowDefects {
  const st = stateOf(rho, "rho", "modularFlowDefects");
  const xs = operandOf(x, st.n, "x"), ys = operandOf(y, st.n, "y");
  const s = realOf(times?.s, "s"), t = realOf(times?.t, "t");
  const X = toCMatrix(xs), Y = toCMatrix(ys);
  const f = (a: Split | CMatrix, u: number) => splitOf(modularFlow(st, "n" in a ? toCMatrix(a) : a, u));
  const nx = frob(xs) || 1, ny = frob(ys) || 1;
  const sx = f(X, t);
  const groupLaw = frobDiff(f(sx, s), f(X, s + t)) / nx;
  const multiplicative = frobDiff(f(mul(xs, "N", ys, "N"), t), mul(sx, "N", f(Y, t), "N")) / (nx * ny);
  const star = frobDiff(f(conjTransposeSplit(xs), t), conjTransposeSplit(sx)) / nx;
  const stateInvariance = cabs(stateValue(st, sx), stateValue(st, xs)) / nx;
  const I = identitySplit(st.n);
  const unital = frobDiff(f(I, t), I) / Math.sqrt(st.n);
  return { groupLaw, multiplicative, star, stateInvariance, unital };
}

/** Defects of the Connes-cocycle identities of MATH §6.8 (V20a), each relative. */
export interface CocycleDefects {
  /** ‖u_t u_t* − I‖ / √n. */
  unitary: number;
  /** ‖u_{s+t} − u_s σ^ρ_s(u_t)‖ / √n. */
  cocycle: number;
  /** ‖σ^σ_t(x) − u_t σ^ρ_t(x) u_t*‖ / ‖x‖. */
  intertwining: number;
  /** ‖(Dσ:Dρ)_t (Dρ:Dτ)_t − (Dσ:Dτ)_t‖ / √n. */
  chainRule: number;
  /** ‖(Dρ:Dσ)_t − u_t*‖ / √n. */
  inverse: number;
}

/** Connes-cocycle identities for u_t = (Dσ:Dρ)_t at times s, t with a third state τ (V20a). */
export function connesCocycleDefects(
  sigma: DensityInput,
  rho: DensityInput,
  tau: DensityInput,
  x: MatrixInput,
  times: { s: number; t: number },
): CocycleDefects {
  const r = stateOf(rho, "rho", "connesCocycleDefects");
  const q = stateOf(sigma, "sigma", "connesCocycleDefects");
  const w = stateOf(tau, "tau", "connesCocycleDefects");
  if (q.n !== r.n || w.n !== r.n) throw new QgeomError("SHAPE", `sigma, rho and tau must have the same size, got ${q.n}, ${r.n}, ${w.n}; pass states of one dimension`);
  const xs = operandOf(x, r.n, "x");
  const s = realOf(times?.s, "s"), t = realOf(times?.t, "t");
  const u = (a: DensityMatrix, b: DensityMatrix, tt: number) => splitOf(connesCocycle(a, b, tt));
  const rn = Math.sqrt(r.n);
  const ut = u(q, r, t);
  const I = identitySplit(r.n);
  const X = toCMatrix(xs);
  return {
    unitary: frobDiff(mul(ut, "N", ut, "H"), I) / rn,
    cocycle: frobDiff(u(q, r, s + t), mul(u(q, r, s), "N", splitOf(modularFlow(r, toCMatrix(ut), s)), "N")) / rn,
    intertwining: frobDiff(splitOf(modularFlow(q, X, t)), mul(mul(ut, "N", splitOf(modularFlow(r, X, t)), "N"), "N", ut, "H")) / (frob(xs) || 1),
    chainRule: frobDiff(mul(ut, "N", u(r, w, t), "N"), u(q, w, t)) / rn,
    inverse: frobDiff(u(r, q, t), conjTransposeSplit(ut)) / rn,
  };
}

/** Defects of the Tomita–Takesaki identities of MATH §6.1–6.2 (V18), each relative. */
export interface TomitaDefects {
  /** ‖S(xΩ) − x*Ω‖ with S = JΔ^{1/2}. */
  polar: number;
  /** ‖ΔΩ − Ω‖. */
  deltaOmega: number;
  /** ‖JΩ − Ω‖. */
  jOmega: number;
  /** ‖J L_x J ξ − R_{x*} ξ‖ = ‖(x ξ*)* − ξ x*‖. */
  jLeftJ: number;
  /** ‖J Δ J ξ − Δ⁻¹ ξ‖. */
  jDeltaJ: number;
  /** ‖J Δ^{it} J ξ − Δ^{it} ξ‖. */
  jDeltaItJ: number;
}

/** Tomita–Takesaki identities on given vectors (V18): S = JΔ^{1/2}, ΔΩ = Ω, JΩ = Ω, JL_xJ = R_{x*}, JΔJ = Δ⁻¹, JΔ^{it}J = Δ^{it}. */
export function tomitaDefects(rho: DensityInput, x: MatrixInput, xi: MatrixInput, t = 0.7): TomitaDefects {
  const s = stateOf(rho, "rho", "tomitaDefects");
  const xs = operandOf(x, s.n, "x"), v = operandOf(xi, s.n, "xi");
  const tt = realOf(t, "t");
  const J = (a: Split): Split => conjTransposeSplit(a);
  const rel = (a: Split, b: Split) => frobDiff(a, b) / (frob(b) || 1);
  const om = powerSplit(s, { re: 0.5, im: 0 }, "rho", "tomitaDefects");
  const polar = rel(splitOf(tomitaS(s, toCMatrix(mul(xs, "N", om, "N")))), mul(xs, "H", om, "N"));
  const deltaOmega = rel(splitOf(modularOperator(s, toCMatrix(om))), om);
  const jOmega = rel(J(om), om);
  const jLeftJ = rel(J(mul(xs, "N", J(v), "N")), mul(v, "N", xs, "H"));
  const D = (a: Split, z: Complex | number) => splitOf(modularOperator(s, toCMatrix(a), z));
  const jDeltaJ = rel(J(D(J(v), 1)), D(v, -1));
  const jDeltaItJ = rel(J(D(J(v), { re: 0, im: tt })), D(v, { re: 0, im: tt }));
  return { polar, deltaOmega, jOmega, jLeftJ, jDeltaJ, jDeltaItJ };
}

/** Hermiticity defect and spectrum of a square matrix. */
function hermitianSpectrum(A: Split, name: string): { defect: number; values: Float64Array; vectors: Split } {
  const n = A.n;
  let mx = 0, d = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = A.re[i * n + j]!, b = A.im === null ? 0 : A.im[i * n + j]!;
      mx = Math.max(mx, Math.hypot(a, b));
      const c = A.re[j * n + i]!, e = A.im === null ? 0 : -A.im[j * n + i]!;
      d = Math.max(d, Math.hypot(a - c, b - e));
    }
  }
  const defect = mx === 0 ? 0 : d / mx;
  // Hermitian part
  const H = addSplit(A, conjTransposeSplit(A));
  for (let k = 0; k < H.re.length; k++) {
    H.re[k] = H.re[k]! / 2;
    if (H.im !== null) H.im[k] = H.im[k]! / 2;
  }
  const M = toMatrixOrC(H);
  const e = "re" in M ? eighHermitian(M, { name, symmetryTol: Infinity }) : eigh(M, { name, symmetryTol: Infinity });
  return { defect, values: e.values, vectors: splitOf(e.vectors) };
}

function tolOf(tol: unknown): number {
  if (typeof tol !== "number" || !Number.isFinite(tol) || tol < 0) throw new QgeomError("INVALID_ARGUMENT", `tol must be a finite non-negative number, got ${excerpt(tol)}; pass e.g. 1e-10`);
  return tol;
}

/**
 * True if A is Hermitian (relative defect ≤ tol) and positive semidefinite (λ_min ≥ −tol·max|λ|).
 * Default tol 1e-10.
 */
export function isPositiveSemidefinite(A: MatrixInput, tol = 1e-10): boolean {
  const t = tolOf(tol);
  const s = squareOperandOf(A, "A");
  const h = hermitianSpectrum(s, "A");
  const n = s.n;
  const scale = Math.max(Math.abs(h.values[0]!), Math.abs(h.values[n - 1]!));
  return h.defect <= t && h.values[0]! >= -t * scale;
}

/**
 * Membership in the natural cone P^♮ (MATH §6.7, P7.1): P^♮ = Herm_n^+ for every faithful ρ, so
 * this is {@link isPositiveSemidefinite} (relative tolerance, default 1e-10) and needs no state.
 */
export function isInNaturalCone(xi: MatrixInput, tol = 1e-10): boolean {
  return isPositiveSemidefinite(xi, tol);
}

/**
 * Membership in the Araki cone P^α = {ρ^α a ρ^{1/2−α} : a ⪰ 0} (MATH §6.7): the coordinate
 * a = ρ^{−α} ξ ρ^{α−1/2} must be positive semidefinite within `tol` (relative). Needs a faithful ρ.
 */
export function isInArakiCone(rho: DensityInput, alpha: number, xi: MatrixInput, tol = 1e-10): boolean {
  const al = alphaOf(alpha);
  const t = tolOf(tol);
  const s = stateOf(rho, "rho", "isInArakiCone");
  const a = twoSidedPower(s, operandOf(xi, s.n, "xi"), -al, al - 0.5, "isInArakiCone");
  return isPositiveSemidefinite(toMatrixOrC(a), t);
}

/** A witness that η is not in the dual of P^α. */
export interface DualWitness {
  /** a = ρ^{−1/2} vv* ρ^{−1/2} ⪰ 0. */
  a: CMatrix;
  /** ξ = ρ^α a ρ^{1/2−α} ∈ P^α. */
  xi: CMatrix;
  /** ⟨ξ, η⟩ = tr(ξ*η): negative, or not real. */
  pairing: Complex;
}

/**
 * Duality of the Araki cones (MATH §6.7): η lies in the dual of P^α — ⟨ξ, η⟩ real and ≥ 0 for all
 * ξ ∈ P^α — iff η ∈ P^{1/2−α}. With ξ = ρ^α a ρ^{1/2−α} and η's coordinate b = ρ^{α−1/2} η ρ^{−α}
 * (η = ρ^{1/2−α} b ρ^α), ⟨ξ, η⟩ = tr(a ρ^{1/2} b ρ^{1/2}). This returns null when b ⪰ 0 within tol
 * (the same test as isInArakiCone(ρ, 1/2 − α, η)), and otherwise the witness a = ρ^{−1/2} vv* ρ^{−1/2} ⪰ 0,
 * whose pairing is v*bv: negative (v an eigenvector of Herm b for a negative eigenvalue) or
 * non-real (v an eigenvector of the anti-Hermitian part of b). Needs a faithful ρ.
 * Note: with Re⟨·,·⟩ alone on all of M_n(ℂ) the dual is larger (it contains every i·h, h
 * Hermitian, for α = 1/4); the complex pairing (equivalently Re⟨·,·⟩ within the real span of
 * the cones) is the one for which (P^α)^∨ = P^{1/2−α}.
 */
export function arakiDualWitness(rho: DensityInput, alpha: number, eta: MatrixInput, tol = 1e-10): DualWitness | null {
  const al = alphaOf(alpha);
  const t = tolOf(tol);
  const s = stateOf(rho, "rho", "arakiDualWitness");
  const e = operandOf(eta, s.n, "eta");
  const b = twoSidedPower(s, e, al - 0.5, -al, "arakiDualWitness");
  const n = s.n;
  const hs = hermitianSpectrum(b, "eta");
  let v: Split | null = null;
  let col = 0;
  if (hs.defect > t) {
    // anti-Hermitian part k = (b − b*)/(2i) (Hermitian): an eigenvector of its largest |eigenvalue|
    const bs = conjTransposeSplit(b);
    const kre = new Float64Array(n * n), kim = new Float64Array(n * n);
    for (let q = 0; q < n * n; q++) {
      const dr = b.re[q]! - bs.re[q]!, di = (b.im === null ? 0 : b.im[q]!) - (bs.im === null ? 0 : bs.im[q]!);
      kre[q] = di / 2;
      kim[q] = -dr / 2;
    }
    const k = eighHermitian({ rows: n, cols: n, re: kre, im: kim }, { name: "eta", symmetryTol: Infinity });
    col = Math.abs(k.values[0]!) >= Math.abs(k.values[n - 1]!) ? 0 : n - 1;
    v = splitOf(k.vectors);
  } else {
    const scale = Math.max(Math.abs(hs.values[0]!), Math.abs(hs.values[n - 1]!));
    if (hs.values[0]! < -t * scale) v = hs.vectors;
  }
  if (v === null) return null;
  const rInvHalf = powerSplit(s, { re: -0.5, im: 0 }, "rho", "arakiDualWitness");
  const a = mul(mul(rInvHalf, "N", outer(v, col), "N"), "N", rInvHalf, "N");
  const xi = twoSidedPower(s, a, al, 0.5 - al, "arakiDualWitness");
  // ⟨ξ, η⟩ = tr(ξ* η)
  const P = mul(xi, "H", e, "N");
  let pr = 0, pi = 0;
  for (let i = 0; i < n; i++) {
    pr += P.re[i * n + i]!;
    if (P.im !== null) pi += P.im[i * n + i]!;
  }
  return { a: toCMatrix(a), xi: toCMatrix(xi), pairing: { re: pr, im: pi } };
}

/** vv* for column `col` of V. */
function outer(V: Split, col: number): Split {
  const n = V.n;
  const re = new Float64Array(n * n), im = V.im === null ? null : new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const ar = V.re[i * n + col]!, ai = V.im === null ? 0 : V.im[i * n + col]!;
      const br = V.re[j * n + col]!, bi = V.im === null ? 0 : -V.im[j * n + col]!;
      re[i * n + j] = ar * br - ai * bi;
      if (im !== null) im[i * n + j] = ar * bi + ai * br;
    }
  }
  return { n, re, im };
}

/**
 * Self-duality of the PSD cone (V17): for a Hermitian (real: symmetric) A that is not positive
 * semidefinite, returns B = vv* ⪰ 0 with tr(AB) = λ_min(A) < 0 (v a unit eigenvector of λ_min; real
 * when A is real), or null when λ_min ≥ −tol·max|λ|. With A, B ⪰ 0, tr(AB) ≥ 0 always.
 */
export function selfDualityWitness(
  A: MatrixInput,
  tol = 1e-10,
): {
  /** B = vv* ⪰ 0 (rank one, tr B = 1); real when A is real. */
  B: Matrix | CMatrix;
  /** tr(AB) = λ_min(A) < 0 (the eigenvalue itself). */
  value: number;
} | null {
  const t = tolOf(tol);
  const s = squareOperandOf(A, "A");
  const M = toMatrixOrC(s);
  const e = "re" in M ? eighHermitian(M, { name: "A" }) : eigh(M, { name: "A" });
  const n = s.n;
  const scale = Math.max(Math.abs(e.values[0]!), Math.abs(e.values[n - 1]!));
  if (e.values[0]! >= -t * scale) return null;
  const B = outer(splitOf(e.vectors), 0);
  return { B: toMatrixOrC(B), value: e.values[0]! };
}

/** ‖[ρ, Σ]‖_F: zero iff Σ is fixed by the modular flow of ρ (MATH P7.4). */
export function commutatorNorm(rho: DensityInput, Sigma: MatrixInput): number {
  const s = stateOf(rho, "rho", "commutatorNorm", false);
  const S = operandOf(Sigma, s.n, "Sigma");
  const r = splitOf(s.matrix);
  return frobDiff(mul(r, "N", S, "N"), mul(S, "N", r, "N"));
}

/**
 * ‖Im σ_t(Σ)‖_F / ‖Σ‖_F for real ρ and real symmetric Σ (MATH §7, P7.4): the flow leaves the real
 * slice Sym_p unless [ρ, Σ] = 0 — in the eigenbasis of ρ, (Σ_t)_ij = (p_i/p_j)^{it} Σ_ij.
 */
export function flowRealityDefect(rho: DensityInput, Sigma: MatrixInput, t: number): number {
  const s = stateOf(rho, "rho", "flowRealityDefect");
  const S = operandOf(Sigma, s.n, "Sigma");
  const F = modularFlow(s, toMatrixOrC(S), t);
  let d = 0;
  for (let k = 0; k < F.im.length; k++) d += F.im[k]! * F.im[k]!;
  return Math.sqrt(d) / (frob(S) || 1);
}

/**
 * Isospectrality of the flow on covariances (MATH P7.4): max_k |λ_k(σ_t(Σ)) − λ_k(Σ)| / max|λ(Σ)|
 * for Hermitian Σ (also det, trace, rank and PSD-ness are preserved, since spectra are).
 */
export function isospectralityDefect(rho: DensityInput, Sigma: MatrixInput, t: number): number {
  const s = stateOf(rho, "rho", "isospectralityDefect");
  const S = operandOf(Sigma, s.n, "Sigma");
  const M = toMatrixOrC(S);
  const before = eigvalsh(M, { name: "Sigma" });
  const F = modularFlow(s, M, t);
  const after = eigvalsh(F, { name: "sigma_t(Sigma)", symmetryTol: 1e-8 });
  const scale = Math.max(Math.abs(before[0]!), Math.abs(before[before.length - 1]!)) || 1;
  let d = 0;
  for (let k = 0; k < before.length; k++) d = Math.max(d, Math.abs(after[k]! - before[k]!));
  return d / scale;
}
