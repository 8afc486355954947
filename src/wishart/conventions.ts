// Converters between qgeom's Wishart parametrisation W_p(n, Σ) (MATH §1.7: real df n > p − 1,
// covariance-type scale Σ ≻ 0, E S = nΣ) and the parametrisations of other libraries and texts.
// See docs/wishart-conventions.md for the table.
//   SciPy        scipy.stats.wishart(df=n, scale=Σ)                     identical
//   TFP          tfd.WishartTriL(df=n, scale_tril=chol(Σ))              L lower, positive diagonal, Σ = L Lᵀ
//   PyTorch      torch.distributions.Wishart(df=n, covariance_matrix=Σ | precision_matrix=Σ⁻¹ | scale_tril=chol(Σ))
//   SymPy        sympy.stats.Wishart('S', n, Σ) ≡ MatrixGamma('S', n/2, 2, Σ); MatrixGamma(α, β, V) = W_p(2α, βV/2)
//   Mathematica  WishartMatrixDistribution[n, Σ]; the legacy package's WishartDistribution[Σ, n] (reversed)
//   shape–rate   density ∝ det S^{α−(p+1)/2} e^{−tr(BS)}:  α = n/2, B = ½Σ⁻¹
//   inverse      S⁻¹ ~ W_p⁻¹(n, Σ⁻¹) = scipy.stats.invwishart(df=n, scale=Σ⁻¹)
import { QgeomError } from "../core/index.js";
import { type Matrix, toArray } from "../linalg/index.js";
import { type RealMatrixInput, checkDf, excerpt, factorSpd, inverseFromCholesky, toRealMatrix } from "./validate.js";

/** The qgeom parameters (df n, covariance-type scale Σ). */
export interface WishartParameters {
  /** Degrees of freedom n > p − 1 (real). */
  readonly df: number;
  /** Covariance-type scale Σ ≻ 0, p×p, exactly symmetric (½(Σ + Σᵀ) of the converted input); E S = nΣ. */
  readonly scale: Matrix;
}

/**
 * A Wishart law in another library's or text's parametrisation (field names as in that library),
 * discriminated by `convention`. Matrices are arrays of rows or linalg Matrices; the resulting Σ must be
 * symmetric positive definite and the degrees of freedom n > p − 1 (INVALID_ARGUMENT, SHAPE or
 * NOT_POSITIVE_DEFINITE otherwise). See docs/wishart-conventions.md.
 */
export type ForeignWishart =
  /** scipy.stats.wishart(df=n, scale=Σ): identical to qgeom's (n, Σ). */
  | {
      /** Discriminant: SciPy's wishart. */
      readonly convention: "scipy";
      /** Degrees of freedom n > p − 1. */
      readonly df: number;
      /** Covariance-type scale Σ ≻ 0. */
      readonly scale: RealMatrixInput;
    }
  /** tfd.WishartTriL(df=n, scale_tril=L) with Σ = L Lᵀ. */
  | {
      /** Discriminant: TensorFlow Probability's WishartTriL. */
      readonly convention: "tfp";
      /** Degrees of freedom n > p − 1 (TFP itself documents n ≥ p). */
      readonly df: number;
      /** Lower-triangular Cholesky factor L of Σ with positive diagonal (upper entries must be exactly 0). */
      readonly scale_tril: RealMatrixInput;
    }
  /** torch.distributions.Wishart(df=n, covariance_matrix=Σ). */
  | {
      /** Discriminant: PyTorch's Wishart (exactly one of the three matrix fields). */
      readonly convention: "torch";
      /** Degrees of freedom n > p − 1. */
      readonly df: number;
      /** Σ itself. */
      readonly covariance_matrix: RealMatrixInput;
    }
  /** torch.distributions.Wishart(df=n, precision_matrix=Σ⁻¹). */
  | {
      /** Discriminant: PyTorch's Wishart (exactly one of the three matrix fields). */
      readonly convention: "torch";
      /** Degrees of freedom n > p − 1. */
      readonly df: number;
      /** The precision Σ⁻¹ ≻ 0. */
      readonly precision_matrix: RealMatrixInput;
    }
  /** torch.distributions.Wishart(df=n, scale_tril=L) with Σ = L Lᵀ. */
  | {
      /** Discriminant: PyTorch's Wishart (exactly one of the three matrix fields). */
      readonly convention: "torch";
      /** Degrees of freedom n > p − 1. */
      readonly df: number;
      /** Lower-triangular Cholesky factor L of Σ with positive diagonal. */
      readonly scale_tril: RealMatrixInput;
    }
  /** sympy.stats.Wishart('S', n, Σ): identical to qgeom's (n, Σ). */
  | {
      /** Discriminant: SymPy's Wishart. */
      readonly convention: "sympy-wishart";
      /** Degrees of freedom n > p − 1. */
      readonly n: number;
      /** Σ itself. */
      readonly scale_matrix: RealMatrixInput;
    }
  /** sympy.stats.MatrixGamma('S', α, β, V) = W_p(2α, βV/2). */
  | {
      /** Discriminant: SymPy's MatrixGamma. */
      readonly convention: "sympy-matrixgamma";
      /** Shape α > 0 (n = 2α, so α > (p − 1)/2). */
      readonly alpha: number;
      /** Scale factor β > 0 (Σ = βV/2). */
      readonly beta: number;
      /** Scale matrix V ≻ 0. */
      readonly scale_matrix: RealMatrixInput;
    }
  /** WishartMatrixDistribution[n, Σ]: identical to qgeom's (n, Σ). */
  | {
      /** Discriminant: Mathematica's WishartMatrixDistribution. */
      readonly convention: "mathematica";
      /** Degrees of freedom n > p − 1. */
      readonly n: number;
      /** Σ itself. */
      readonly sigma: RealMatrixInput;
    }
  /** The legacy package's WishartDistribution[Σ, n] (scale first): identical law. */
  | {
      /** Discriminant: Mathematica's legacy MultivariateStatistics` WishartDistribution. */
      readonly convention: "mathematica-legacy";
      /** Σ itself (the first argument of the legacy call). */
      readonly sigma: RealMatrixInput;
      /** Degrees of freedom n > p − 1 (the second argument). */
      readonly n: number;
    }
  /** Shape–rate texts: density ∝ det S^{α−(p+1)/2} e^{−tr(BS)}, so n = 2α, Σ = (2B)⁻¹. */
  | {
      /** Discriminant: the shape–rate parametrisation. */
      readonly convention: "shape-rate";
      /** Shape α > 0 (n = 2α, so α > (p − 1)/2). */
      readonly alpha: number;
      /** Precision-type rate B ≻ 0 (B = ½Σ⁻¹). */
      readonly rate: RealMatrixInput;
    };

/** The conventions a W_p(n, Σ) can be written in. */
export type ConventionName =
  | "scipy"
  | "tfp"
  | "torch-covariance"
  | "torch-precision"
  | "torch-scale-tril"
  | "sympy-wishart"
  | "sympy-matrixgamma"
  | "mathematica"
  | "mathematica-legacy"
  | "shape-rate"
  | "scipy-invwishart";

/** Every ConventionName accepted by {@link toConvention}, in the order of docs/wishart-conventions.md. */
export const CONVENTIONS: readonly ConventionName[] = [
  "scipy", "tfp", "torch-covariance", "torch-precision", "torch-scale-tril", "sympy-wishart", "sympy-matrixgamma",
  "mathematica", "mathematica-legacy", "shape-rate", "scipy-invwishart",
];

/** A W_p(n, Σ) written in a target convention: its parameters, a call in that language, and caveats. */
export interface ConvertedWishart {
  /** The target convention, as passed to toConvention. */
  readonly convention: ConventionName;
  /** The target's parameters under the target's own names (matrices as arrays of rows). */
  readonly parameters: Readonly<Record<string, number | number[][]>>;
  /** The call in the target language (numbers printed with full precision). */
  readonly code: string;
  /** Caveats (e.g. TFP's documented df ≥ p; the law of S⁻¹ for "scipy-invwishart"). */
  readonly remarks: readonly string[];
}

function posNumber(x: unknown, name: string): number {
  if (typeof x !== "number" || !Number.isFinite(x) || !(x > 0))
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be a finite number > 0, got ${excerpt(x)}; pass a positive number`);
  return x;
}

function finalize(df: number, scale: RealMatrixInput, name: string): WishartParameters {
  const sc = factorSpd(scale, name);
  checkDf(df, sc.p);
  const p = sc.p, out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = 0.5 * (sc.matrix.data[i * p + j]! + sc.matrix.data[j * p + i]!);
  return { df, scale: { rows: p, cols: p, data: out } };
}

/** Σ = L Lᵀ from a lower-triangular L with positive diagonal (errors name `name`). */
function fromTril(x: RealMatrixInput, name: string): Matrix {
  const L = toRealMatrix(x, name);
  const p = L.rows;
  if (L.cols !== p) throw new QgeomError("SHAPE", `${name} must be square, got ${L.rows}×${L.cols}; pass a p×p lower-triangular factor`);
  for (let i = 0; i < p; i++) {
    if (!(L.data[i * p + i]! > 0))
      throw new QgeomError("NOT_POSITIVE_DEFINITE", `${name} must have a positive diagonal (a Cholesky factor), but entry (${i}, ${i}) is ${L.data[i * p + i]}; pass a Cholesky factor with a positive diagonal (e.g. linalg.cholesky(Sigma))`);
    for (let j = i + 1; j < p; j++)
      if (L.data[i * p + j] !== 0)
        throw new QgeomError("INVALID_ARGUMENT", `${name} must be lower triangular, but entry (${i}, ${j}) is ${L.data[i * p + j]}; pass cholesky(Σ)`);
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += L.data[i * p + k]! * L.data[j * p + k]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  return { rows: p, cols: p, data: out };
}

function scaledCopy(A: Matrix, c: number): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => c * x) };
}

/**
 * qgeom's (df, Σ) from another parametrisation (MATH §1.7). `convention` selects the reading; field
 * names follow the source library (e.g. `{ convention: "tfp", df, scale_tril }`).
 */
export function fromConvention(spec: ForeignWishart): WishartParameters {
  if (typeof spec !== "object" || spec === null) throw new QgeomError("INVALID_ARGUMENT", `spec must be an object with a convention field, got ${excerpt(spec)}; pass e.g. { convention: "scipy", df, scale }`);
  const s = spec as Record<string, unknown> & { convention: string };
  switch (s.convention) {
    case "scipy":
      return finalize(s.df as number, s.scale as RealMatrixInput, "scale");
    case "tfp":
      return finalize(s.df as number, fromTril(s.scale_tril as RealMatrixInput, "scale_tril"), "scale_tril·scale_trilᵀ");
    case "torch": {
      const given = ["covariance_matrix", "precision_matrix", "scale_tril"].filter((k) => s[k] !== undefined);
      if (given.length !== 1)
        throw new QgeomError("INVALID_ARGUMENT", `torch Wishart takes exactly one of covariance_matrix, precision_matrix, scale_tril; got ${given.length ? given.join(", ") : "none"}; pass exactly one of them`);
      if (given[0] === "covariance_matrix") return finalize(s.df as number, s.covariance_matrix as RealMatrixInput, "covariance_matrix");
      if (given[0] === "scale_tril") return finalize(s.df as number, fromTril(s.scale_tril as RealMatrixInput, "scale_tril"), "scale_tril·scale_trilᵀ");
      const P = factorSpd(s.precision_matrix as RealMatrixInput, "precision_matrix");
      return finalize(s.df as number, inverseFromCholesky(P.L), "precision_matrix⁻¹");
    }
    case "sympy-wishart":
      return finalize(s.n as number, s.scale_matrix as RealMatrixInput, "scale_matrix");
    case "sympy-matrixgamma": {
      const alpha = posNumber(s.alpha, "alpha"), beta = posNumber(s.beta, "beta");
      const V = toRealMatrix(s.scale_matrix as RealMatrixInput, "scale_matrix");
      return finalize(2 * alpha, scaledCopy(V, beta / 2), "scale_matrix");
    }
    case "mathematica":
    case "mathematica-legacy":
      return finalize(s.n as number, s.sigma as RealMatrixInput, "sigma");
    case "shape-rate": {
      const alpha = posNumber(s.alpha, "alpha");
      const B = factorSpd(s.rate as RealMatrixInput, "rate");
      return finalize(2 * alpha, scaledCopy(inverseFromCholesky(B.L), 0.5), "(2·rate)⁻¹");
    }
    default:
      throw new QgeomError("INVALID_ARGUMENT", `unknown convention ${excerpt(s.convention)}; known: scipy, tfp, torch, sympy-wishart, sympy-matrixgamma, mathematica, mathematica-legacy, shape-rate; use one of these`);
  }
}

function py(A: Matrix): string {
  return `np.array(${JSON.stringify(toArray(A))})`;
}
function wl(A: Matrix): string {
  return JSON.stringify(toArray(A)).replace(/\[/g, "{").replace(/\]/g, "}").replace(/e([+-]?\d+)/g, "*^$1");
}
function wlNum(x: number): string {
  return String(x).replace(/e([+-]?\d+)/, "*^$1");
}

/**
 * W_p(df, scale) written in a target convention (MATH §1.7): the target's parameters, a call in its
 * language and its caveats. "scipy-invwishart" gives the law of S⁻¹, W_p⁻¹(n, Σ⁻¹).
 */
export function toConvention(target: ConventionName, df: number, scale: RealMatrixInput): ConvertedWishart {
  const sc = factorSpd(scale, "scale");
  const p = sc.p;
  checkDf(df, p);
  const S = finalize(df, sc.matrix, "scale").scale;
  const L = sc.L, Pm = sc.inverse;
  const remarks: string[] = [];
  const make = (parameters: Record<string, number | number[][]>, code: string): ConvertedWishart => ({ convention: target, parameters, code, remarks });
  switch (target) {
    case "scipy":
      return make({ df, scale: toArray(S) }, `scipy.stats.wishart(df=${df}, scale=${py(S)})`);
    case "tfp":
      if (df < p) remarks.push(`TFP documents df ≥ p = ${p} for WishartTriL; df = ${df} is a valid Wishart law (df > p − 1) but outside TFP's documented range`);
      remarks.push("input_output_cholesky=True changes only the representation of samples and log_prob inputs (Cholesky factors), not the law");
      return make({ df, scale_tril: toArray(L) }, `tfd.WishartTriL(df=${df}, scale_tril=tf.constant(${JSON.stringify(toArray(L))}, dtype=tf.float64))`);
    case "torch-covariance":
      return make({ df, covariance_matrix: toArray(S) }, `torch.distributions.Wishart(df=torch.tensor(${df}, dtype=torch.float64), covariance_matrix=torch.tensor(${JSON.stringify(toArray(S))}, dtype=torch.float64))`);
    case "torch-precision":
      return make({ df, precision_matrix: toArray(Pm) }, `torch.distributions.Wishart(df=torch.tensor(${df}, dtype=torch.float64), precision_matrix=torch.tensor(${JSON.stringify(toArray(Pm))}, dtype=torch.float64))`);
    case "torch-scale-tril":
      return make({ df, scale_tril: toArray(L) }, `torch.distributions.Wishart(df=torch.tensor(${df}, dtype=torch.float64), scale_tril=torch.tensor(${JSON.stringify(toArray(L))}, dtype=torch.float64))`);
    case "sympy-wishart":
      remarks.push("sympy.stats.Wishart gives a symbolic density only; it equals MatrixGamma('S', n/2, 2, Σ)");
      return make({ n: df, scale_matrix: toArray(S) }, `sympy.stats.Wishart('S', ${df}, sympy.Matrix(${JSON.stringify(toArray(S))}))`);
    case "sympy-matrixgamma":
      return make({ alpha: df / 2, beta: 2, scale_matrix: toArray(S) }, `sympy.stats.MatrixGamma('S', ${df / 2}, 2, sympy.Matrix(${JSON.stringify(toArray(S))}))`);
    case "mathematica":
      return make({ n: df, sigma: toArray(S) }, `WishartMatrixDistribution[${wlNum(df)}, ${wl(S)}]`);
    case "mathematica-legacy":
      remarks.push("the legacy MultivariateStatistics` package's WishartDistribution takes the scale first and the degrees of freedom second");
      return make({ sigma: toArray(S), n: df }, `WishartDistribution[${wl(S)}, ${wlNum(df)}]`);
    case "shape-rate": {
      const B = scaledCopy(Pm, 0.5);
      remarks.push("density ∝ det S^{α − (p+1)/2} exp(−tr(B S)) with α = n/2, B = ½Σ⁻¹");
      return make({ alpha: df / 2, rate: toArray(B) }, `shape α = ${df / 2}, rate B = ${JSON.stringify(toArray(B))}`);
    }
    case "scipy-invwishart":
      remarks.push("this is the law of S⁻¹: S ~ W_p(n, Σ) ⇔ S⁻¹ ~ W_p⁻¹(n, Σ⁻¹); its mean Σ⁻¹/(n − p − 1) exists for n > p + 1");
      return make({ df, scale: toArray(Pm) }, `scipy.stats.invwishart(df=${df}, scale=${py(Pm)})`);
    default:
      throw new QgeomError("INVALID_ARGUMENT", `unknown target convention ${excerpt(target)}; known: ${CONVENTIONS.join(", ")}; use one of these`);
  }
}
