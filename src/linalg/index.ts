// qgeom/linalg: dense Float64Array kernels and spectral matrix functions (real row-major and
// complex split re/im). See ARCHITECTURE.md "Numeric" and MATH.md §1.
export type { Matrix, CMatrix, Complex } from "./matrix.js";
export {
  matrix,
  matrixFromData,
  cmatrix,
  toArray,
  toComplexArray,
  toComplex,
  realPart,
  imagPart,
  realEmbedding,
  isComplex,
  shapeOf,
  zeros,
  czeros,
  identity,
  cidentity,
  diag,
  diagonal,
  transpose,
  conj,
  conjTranspose,
  matmul,
  cmatmul,
  add,
  sub,
  scale,
  cadd,
  csub,
  cscale,
  trace,
  ctrace,
  frobeniusNorm,
  maxAbs,
  kron,
  ckron,
  symmetrize,
  hermitianPart,
  symmetryDefect,
  hermitianDefect,
  isSymmetric,
  isHermitian,
  DEFAULT_SYMMETRY_TOL,
} from "./matrix.js";
export type { CheckOptions } from "./validate.js";
export { realMatrix } from "./validate.js";
export { cholesky, choleskySolve, logDet } from "./cholesky.js";
export type { LU } from "./lu.js";
export { lu, slogDet, det, solve, inverse } from "./lu.js";
export type { EighResult, EighHermitianResult } from "./eigh.js";
export { eigh, eighHermitian, eigvalsh } from "./eigh.js";
export type { SpectralOptions } from "./funm.js";
export { funm, funmComplex, logm, expm, sqrtm, invSqrtm, powm, powImag } from "./funm.js";
export type { SvdResult } from "./svd.js";
export { svd, singularValues } from "./svd.js";
export type { PolarResult } from "./polar.js";
export { polar } from "./polar.js";
export { schurComplement } from "./schur.js";
export { spectralNorm, cond } from "./norms.js";
export { orthonormalize, corthonormalize } from "./orthonormalize.js";
