// "Monge–Ampère domain": the three readings of MATH.md §8.6 for a potential Φ ∈ C²(D), D ⊂ ℝ^N convex:
//   (i)   MA-const:     D²Φ ≻ 0 and det D²Φ ≡ c > 0;
//   (ii)  MA-exp(κ):    D²Φ ≻ 0 and det D²Φ = c e^{κΦ}, κ ≠ 0 (κ = 2 is the canonical normalisation of §5.4);
//   (iii) MA-elliptic:  D²Φ ≻ 0 on D.
// mongeAmpereReadings tests them on sample points of D: a failed reading comes with a counterexample (the
// points and values that break it); a reading that holds on the sample is numeric evidence, not a proof.
// For (ii) without a given κ, κ is fitted by least squares of log det D²Φ on Φ (if some κ works exactly,
// the fit finds it), so "fails" means no κ fits.
import { QgeomError } from "../core/index.js";
import { type Matrix, eigvalsh, matmul, transpose } from "../linalg/index.js";
import { type Coords, basisMatrix, checkCoords, coordinateBasis, coordinateDimension, fromCoordinates } from "./coords.js";
import { fdHessian } from "./fd-hessian.js";
import { kvExponent, logKoszulVinberg, pdInfo } from "./kv.js";
import { canonicalMetricMatrix, hessianNegLogDet } from "./metric.js";

/** A potential Φ on an open convex domain of ℝ^dim. */
export interface Potential {
  /** Label used in reports (e.g. "log φ on Sym_2^{++} (ut coordinates)"). */
  readonly name: string;
  /** Dimension N of the domain D ⊂ ℝ^N (length of every point x). */
  readonly dim: number;
  /** Φ(x) for x in the domain (length dim). */
  value(x: Float64Array): number;
  /** The Hessian D²Φ(x); if absent, central finite differences with one Richardson step are used. */
  hessian?(x: Float64Array): Matrix;
}

/** The verdict of one reading. */
export interface ReadingResult {
  /** Which reading: (i) "MA-const", (ii) "MA-exp", (iii) "MA-elliptic". */
  readonly reading: "MA-const" | "MA-exp" | "MA-elliptic";
  /** True when the reading holds at every sample point (numeric evidence, not a proof). */
  readonly holds: boolean;
  /** The measured quantity (constant, κ and c, smallest eigenvalue, or the spread that breaks it). */
  readonly detail: string;
  /** Points (and the values that break the reading) when it fails; when (iii) fails, (i) and (ii) repeat its counterexample. */
  readonly counterexample?: {
    /** The offending sample points: one for (iii), the extreme pair for (i) and (ii). */
    readonly points: number[][];
    /** At those points: λ_min(D²Φ) for (iii), det D²Φ for (i), log det D²Φ − κΦ for (ii). */
    readonly values: number[];
  };
  /** MA-exp: the κ used (given or fitted). */
  readonly kappa?: number;
  /** MA-elliptic: D²Φ ⪰ 0 everywhere on the sample (convex) even if not ≻ 0. */
  readonly convex?: boolean;
}

/** The three readings of MATH.md §8.6 on a sample. */
export interface MaReadings {
  /** The potential's name. */
  readonly potential: string;
  /** Number of sample points evaluated. */
  readonly samples: number;
  /** Reading (i), MA-const: D²Φ ≻ 0 and det D²Φ constant. Fails whenever (iii) fails. */
  readonly i: ReadingResult;
  /** Reading (ii), MA-exp(κ): D²Φ ≻ 0 and det D²Φ = c e^{κΦ}, κ ≠ 0. Fails whenever (iii) fails. */
  readonly ii: ReadingResult;
  /** Reading (iii), MA-elliptic: D²Φ ≻ 0 at every sample point. */
  readonly iii: ReadingResult;
}

/**
 * Evaluates readings (i)–(iii) of MATH.md §8.6 for `potential` at the sample `points` (each inside the
 * domain). Options: `kappa` fixes κ for (ii) (else fitted); `tol` (default 1e-6) bounds the spread of
 * log det D²Φ (i), of log det D²Φ − κΦ (ii), and λ_min/max(1, λ_max) > tol for (iii).
 */
export function mongeAmpereReadings(
  potential: Potential,
  points: readonly ArrayLike<number>[],
  options: {
    /** κ for reading (ii) (default: fitted by least squares of log det D²Φ on Φ). */
    kappa?: number;
    /** Tolerance of all three readings (default 1e-6). */
    tol?: number;
    /** Step of the finite-difference Hessian when the potential has none (default 1e-3). */
    h?: number;
  } = {},
): MaReadings {
  if (potential === null || typeof potential !== "object" || typeof potential.value !== "function" || !Number.isInteger(potential.dim))
    throw new QgeomError("INVALID_ARGUMENT", `potential must be {name, dim, value(x), hessian?(x)}; pass e.g. logDetPotential(2)`);
  if (!Array.isArray(points) || points.length < 2) throw new QgeomError("INVALID_ARGUMENT", "give at least two sample points of the domain");
  const tol = options.tol ?? 1e-6;
  const xs = points.map((p, k) => {
    if (p.length !== potential.dim) throw new QgeomError("SHAPE", `points[${k}] has length ${p.length}, the potential lives on ℝ^${potential.dim}; pass points of length ${potential.dim}`);
    return Float64Array.from(p);
  });
  const rows = xs.map((x) => {
    const H = potential.hessian ? potential.hessian(x) : fdHessian((u) => potential.value(u), x, options.h);
    const lam = eigvalsh(H, { name: "D²Φ", symmetryTol: 1e-6 });
    const lmax = Math.max(...Array.from(lam, Math.abs), 1);
    const logDet = lam[0]! > 0 ? lam.reduce((s, l) => s + Math.log(l), 0) : NaN;
    return { x: Array.from(x), phi: potential.value(x), lmin: lam[0]!, rel: lam[0]! / lmax, logDet };
  });
  // (iii)
  const worst = rows.reduce((a, b) => (b.rel < a.rel ? b : a));
  const elliptic = worst.rel > tol;
  const convex = worst.rel > -tol;
  const iii: ReadingResult = elliptic
    ? { reading: "MA-elliptic", holds: true, convex: true, detail: `D²Φ ≻ 0 at all ${rows.length} sample points (smallest relative eigenvalue ${worst.rel.toPrecision(3)})` }
    : {
        reading: "MA-elliptic",
        holds: false,
        convex,
        detail: convex
          ? `D²Φ is positive semidefinite but singular (λ_min/λ_max = ${worst.rel.toPrecision(3)}): convex, not strictly`
          : `D²Φ is not positive semidefinite: λ_min = ${worst.lmin.toPrecision(6)} at the counterexample point`,
        counterexample: { points: [worst.x], values: [worst.lmin] },
      };
  const failBoth = (reading: "MA-const" | "MA-exp"): ReadingResult => ({ reading, holds: false, detail: `requires D²Φ ≻ 0 (reading iii), which fails: ${iii.detail}`, counterexample: iii.counterexample });
  if (!elliptic) return { potential: potential.name, samples: rows.length, i: failBoth("MA-const"), ii: failBoth("MA-exp"), iii };
  // (i)
  const byDet = [...rows].sort((a, b) => a.logDet - b.logDet);
  const lo = byDet[0]!, hi = byDet[byDet.length - 1]!;
  const i: ReadingResult =
    hi.logDet - lo.logDet <= tol
      ? { reading: "MA-const", holds: true, detail: `det D²Φ = ${Math.exp(lo.logDet).toPrecision(10)} at all sample points (log spread ${(hi.logDet - lo.logDet).toExponential(2)})` }
      : { reading: "MA-const", holds: false, detail: `det D²Φ is not constant: ${Math.exp(lo.logDet).toPrecision(8)} vs ${Math.exp(hi.logDet).toPrecision(8)}`, counterexample: { points: [lo.x, hi.x], values: [Math.exp(lo.logDet), Math.exp(hi.logDet)] } };
  // (ii)
  let kappa = options.kappa;
  const mPhi = rows.reduce((s, r) => s + r.phi, 0) / rows.length;
  const mDet = rows.reduce((s, r) => s + r.logDet, 0) / rows.length;
  const sPP = rows.reduce((s, r) => s + (r.phi - mPhi) ** 2, 0);
  if (kappa === undefined) {
    if (sPP === 0) kappa = NaN;
    else kappa = rows.reduce((s, r) => s + (r.phi - mPhi) * (r.logDet - mDet), 0) / sPP;
  }
  let ii: ReadingResult;
  if (Number.isNaN(kappa)) ii = { reading: "MA-exp", holds: false, detail: "Φ is constant on the sample, so κ cannot be determined; sample more points" };
  else {
    const res = rows.map((r) => r.logDet - kappa! * r.phi);
    const rlo = res.indexOf(Math.min(...res)), rhi = res.indexOf(Math.max(...res));
    const spread = res[rhi]! - res[rlo]!;
    if (spread <= tol && Math.abs(kappa) > tol)
      ii = { reading: "MA-exp", holds: true, kappa, detail: `det D²Φ = c e^{κΦ} with κ = ${kappa.toPrecision(10)}, c = ${Math.exp(res[rlo]!).toPrecision(10)} on the sample` };
    else
      ii = {
        reading: "MA-exp",
        holds: false,
        kappa,
        detail:
          spread <= tol
            ? "det D²Φ is constant (κ = 0): that is reading (i), not MA-exp with κ ≠ 0"
            : `log det D²Φ − κΦ varies by ${spread.toPrecision(4)} at the ${options.kappa === undefined ? "best-fitting" : "given"} κ = ${kappa.toPrecision(6)}, so no ${options.kappa === undefined ? "" : "such "}κ works`,
        counterexample: { points: [rows[rlo]!.x, rows[rhi]!.x], values: [res[rlo]!, res[rhi]!] },
      };
  }
  return { potential: potential.name, samples: rows.length, i, ii, iii };
}

// ---------------------------------------------------------------------------------------------
// Potentials of the cones

/** log φ on Sym_p^{++} in UT or F coordinates (MATH.md §5.2): MA-exp(2) with the constant of §5.4. */
export function kvPotential(p: number, coords: Coords): Potential {
  checkCoords(coords);
  const dim = coordinateDimension(p, "real");
  return {
    name: `log φ on Sym_${p}^{++} (${coords} coordinates)`,
    dim,
    value: (u) => logKoszulVinberg(fromCoordinates(u, p, "real", coords) as Matrix, coords),
    hessian: (u) => canonicalMetricMatrix(fromCoordinates(u, p, "real", coords), coords),
  };
}

/** The Wishart log-partition ψ_n(Θ) = −(n/2) log det Θ in UT coordinates: MA-exp(κ = 2(p+1)/n). */
export function wishartPotential(p: number, n: number): Potential {
  const dim = coordinateDimension(p, "real");
  if (!(n > 0)) throw new QgeomError("INVALID_ARGUMENT", `n must be > 0, got ${n}; pass a positive number`);
  return {
    name: `ψ_${n} on Sym_${p}^{++} (ut coordinates)`,
    dim,
    value: (u) => (-n / 2) * pdInfo(fromCoordinates(u, p, "real", "ut")).logDet,
    hessian: (u) => {
      const H = hessianNegLogDet(fromCoordinates(u, p, "real", "ut"), "ut");
      return { rows: H.rows, cols: H.cols, data: H.data.map((x) => (n / 2) * x) };
    },
  };
}

/**
 * The pulled-back potential X ↦ log φ_k(RXRᵀ) on Sym_p^{++} (R ∈ ℝ^{k×p}, UT coordinates of X and of
 * RXRᵀ), the R4 row of MATH.md §8.6: for k = p (invertible R) MA-exp(2) with the same c; for k < p the
 * Hessian has rank ≤ k(k+1)/2 < N, so det = 0 (convex, not strictly).
 */
export function pullbackPotential(R: Matrix): Potential {
  const k = R.rows, p = R.cols;
  if (k > p) throw new QgeomError("SHAPE", `R must be k×p with k ≤ p, got ${k}×${p}; pass a matrix with at most as many rows as columns`);
  const basis = coordinateBasis(p, "real", "ut").map((b) => basisMatrix(b, p, "real") as Matrix);
  const RT = transpose(R);
  const image = (u: Float64Array) => matmul(matmul(R, fromCoordinates(u, p, "real", "ut") as Matrix), RT);
  return {
    name: `log φ_${k}(R X Rᵀ) on Sym_${p}^{++}, R ${k}×${p}`,
    dim: basis.length,
    value: (u) => logKoszulVinberg(image(u), "ut"),
    hessian: (u) => {
      // D²[H, K] = ((k+1)/2) tr(S⁻¹ R H Rᵀ S⁻¹ R K Rᵀ), S = R X Rᵀ
      const info = pdInfo(image(u), "R X Rᵀ");
      const Sinv: Matrix = { rows: k, cols: k, data: info.invRe };
      const M = basis.map((B) => matmul(Sinv, matmul(matmul(R, B), RT)));
      const N = basis.length;
      const H = new Float64Array(N * N);
      for (let a = 0; a < N; a++)
        for (let b = a; b < N; b++) {
          let t = 0;
          for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) t += M[a]!.data[i * k + j]! * M[b]!.data[j * k + i]!;
          H[a * N + b] = H[b * N + a] = kvExponent(k, "real") * t;
        }
      return { rows: N, cols: N, data: H };
    },
  };
}

/** A potential from a function (and optional Hessian). */
export function potential(name: string, dim: number, value: (x: Float64Array) => number, hessian?: (x: Float64Array) => Matrix): Potential {
  if (!Number.isInteger(dim) || dim < 1) throw new QgeomError("INVALID_ARGUMENT", `dim must be a positive integer, got ${dim}; pass 1, 2, 3, …`);
  return hessian ? { name, dim, value, hessian } : { name, dim, value };
}
