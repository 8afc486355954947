// qgeom/wishart: the Wishart cone (MATH §4, §1.7, §1.8, §4.8). Symbolic densities (density.ts) and
// their fast numeric twins (logpdf.ts, complex.ts, inverse.ts), moments, entropy and KL, seeded
// samplers, converters to other libraries' parametrisations, quadrature and Monte-Carlo checks.
export type { RealMatrixInput, ComplexMatrixInput, ScaleFactor } from "./validate.js";
export { multigammaln, multidigamma, cmultigammaln, cmultidigamma, multigammaExpr, lmultigammaExpr, multidigammaExpr, cmultigammaExpr, lcmultigammaExpr, multigammaProduct } from "./gamma.js";
export { type Coordinates, type DensityOptions, type MatrixStack, type WishartLogPdf, wishartLogPdf, logpdf, logpdfBatch, pdf } from "./logpdf.js";
export { mean, mode, variance, covariance, meanDet, meanLogDet, laplaceTransform, logLaplaceTransform } from "./moments.js";
export { entropy, klDivergence, gaussianKl } from "./entropy.js";
export { type SamplerMethod, type SampleOptions, type WishartSampler, wishartSampler, sample, sampleMany } from "./sample.js";
export {
  type InverseWishartLogPdf,
  inverseWishartLogPdf,
  inverseLogpdf,
  inverseMean,
  inverseMode,
  inverseVariance,
  inverseEntropy,
  inverseWishartSampler,
  inverseSample,
} from "./inverse.js";
export { type HermitianFactor, factorHpd } from "./hermitian.js";
export {
  type ComplexWishartLogPdf,
  type ComplexWishartSampler,
  complexWishartLogPdf,
  complexLogpdf,
  complexMean,
  complexVariance,
  complexMeanDet,
  complexMeanLogDet,
  complexEntropy,
  complexLaplaceTransform,
  complexLogLaplaceTransform,
  complexWishartSampler,
  complexSample,
  complexSampleMany,
} from "./complex.js";
export {
  type SymbolicDensity,
  type SymbolicDensityOptions,
  MAX_ENTRIES_P,
  wishartDensity,
  complexWishartDensity,
  inverseWishartDensity,
  hermitianMatrixSymbols,
} from "./density.js";
export { type CompiledLogDensity, compiledLogDensity } from "./compiled.js";
export { type SymbolicInformationOptions, entropyExpr, klDivergenceExpr, gaussianKlExpr } from "./information.js";
export {
  type WishartParameters,
  type ForeignWishart,
  type ConventionName,
  type ConvertedWishart,
  CONVENTIONS,
  fromConvention,
  toConvention,
} from "./conventions.js";
export { type ConeIntegralOptions, type ConeIntegral, integrateOverCone } from "./quadrature.js";
export { type MeanEstimate, type KsResult, meanEstimate, zScore, kolmogorovSurvival, ksTwoSample, ksOneSample } from "./statistics.js";
export { type QuadratureCheck, type MomentZScores, gammaNormalisation, densityMass, samplerMoments, momentZScores, logDetOf } from "./checks.js";
