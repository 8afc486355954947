// The known function kernels. Their evaluation, derivatives, construction rules and LaTeX live with the
// layers that use them; this table fixes names and arities so every layer agrees on what a kernel is.

/** What qgeom knows about a kernel function (a function with built-in rules, values and derivatives). */
export interface KernelInfo {
  /** Number of arguments (−1: any number, as for matmul). */
  arity: number;
  /** Maps real arguments inside its domain to real values. */
  realValued: boolean;
  /** Matrix-notation kernel (det, tr, ...): opaque to algebra and numeric evaluation. */
  matrixNotation?: boolean;
  /** One-line description (CLI help, errors). */
  description: string;
}

/**
 * The kernel functions, by name: exp, log, the gamma family (gamma, lgamma, digamma, polygamma and the
 * multivariate multigamma, lmultigamma, multidigamma, cmultigamma, lcmultigamma; MATH.md §1.8),
 * softplus, sigmoid, abs, sign, trigonometric and hyperbolic functions, conj/re/im, and the
 * matrix-notation kernels det, tr, inv, transpose, matmul (print-only, no value). Any other function
 * name is an opaque user function.
 */
export const KERNELS: Readonly<Record<string, KernelInfo>> = Object.freeze({
  exp: { arity: 1, realValued: true, description: "exponential e^x" },
  log: { arity: 1, realValued: true, description: "natural logarithm (x > 0)" },
  gamma: { arity: 1, realValued: true, description: "Euler gamma function Γ(x)" },
  lgamma: { arity: 1, realValued: true, description: "log Γ(x) (x > 0)" },
  digamma: { arity: 1, realValued: true, description: "digamma ψ(x) = Γ'(x)/Γ(x)" },
  polygamma: { arity: 2, realValued: true, description: "polygamma ψ^(n)(x), n a non-negative integer" },
  multigamma: { arity: 2, realValued: true, description: "multivariate gamma Γ_p(a) (value first, dimension p second), a > (p-1)/2" },
  lmultigamma: { arity: 2, realValued: true, description: "log Γ_p(a) (scipy multigammaln(a, p))" },
  multidigamma: { arity: 2, realValued: true, description: "multivariate digamma ψ_p(a) = d/da log Γ_p(a)" },
  cmultigamma: { arity: 2, realValued: true, description: "complex multivariate gamma Γ̃_p(a) = π^(p(p-1)/2) Π Γ(a-j+1), a > p-1" },
  lcmultigamma: { arity: 2, realValued: true, description: "log Γ̃_p(a)" },
  softplus: { arity: 1, realValued: true, description: "softplus log(1 + e^x)" },
  sigmoid: { arity: 1, realValued: true, description: "logistic sigmoid 1/(1 + e^-x)" },
  abs: { arity: 1, realValued: true, description: "absolute value |x|" },
  sign: { arity: 1, realValued: true, description: "sign of x (-1, 0, 1)" },
  sin: { arity: 1, realValued: true, description: "sine" },
  cos: { arity: 1, realValued: true, description: "cosine" },
  tan: { arity: 1, realValued: true, description: "tangent" },
  atan: { arity: 1, realValued: true, description: "arctangent" },
  sinh: { arity: 1, realValued: true, description: "hyperbolic sine" },
  cosh: { arity: 1, realValued: true, description: "hyperbolic cosine" },
  tanh: { arity: 1, realValued: true, description: "hyperbolic tangent" },
  atanh: { arity: 1, realValued: true, description: "inverse hyperbolic tangent (|x| < 1)" },
  conj: { arity: 1, realValued: true, description: "complex conjugate" },
  re: { arity: 1, realValued: true, description: "real part" },
  im: { arity: 1, realValued: true, description: "imaginary part" },
  det: { arity: 1, realValued: true, matrixNotation: true, description: "determinant of a matrix symbol (notation)" },
  tr: { arity: 1, realValued: true, matrixNotation: true, description: "trace of a matrix expression (notation)" },
  inv: { arity: 1, realValued: true, matrixNotation: true, description: "inverse of a matrix symbol (notation)" },
  transpose: { arity: 1, realValued: true, matrixNotation: true, description: "transpose of a matrix symbol (notation)" },
  matmul: { arity: -1, realValued: true, matrixNotation: true, description: "non-commutative matrix product (notation)" },
});

/** True if `name` is a kernel (an own key of {@link KERNELS}). */
export function isKernel(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(KERNELS, name);
}

/** Aliases accepted by the parsers (mathjs and nerdamer spellings) for kernel names. */
export const KERNEL_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  ln: "log",
  logistic: "sigmoid",
  psi: "digamma",
  loggamma: "lgamma",
  gammaln: "lgamma",
  arctanh: "atanh",
  artanh: "atanh",
  arctan: "atan",
  trace: "tr",
});
