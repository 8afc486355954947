// qgeom/monge-ampere: optimal transport and the Monge–Ampère equation (MATH.md §3, §5).
// Symbolic: det D²φ, the linearised operator and its divergence form, the transport residual, the
// complex Monge–Ampère operator, closed-form Legendre transforms with duality checks.
// Numeric (each symbolic object has a compiled twin): compiled potentials and gradient-map inversion,
// push-forward densities, batch residuals, the Gaussian Brenier map and Bures geometry, the latent
// Gaussian generator's polar factor, moment measures, 1-D monotone rearrangement, quadrature.
export type { VariableList } from "./variables.js";
export {
  hessianMatrix,
  determinantExpansion,
  mongeAmpere,
  compileMongeAmpere,
  mongeAmpereAt,
  type SymbolicOptions,
  type CompileFormOptions,
  type MongeAmpereValue,
  type MongeAmpereAtOptions,
} from "./operator.js";
export {
  linearizedMongeAmpere,
  linearizedMongeAmpereDivergence,
  cofactorDivergence,
  mongeAmpereFirstVariation,
  compileLinearizedMongeAmpere,
  verifyLinearization,
  type LinearizationCertificates,
} from "./linearized.js";
export {
  transportResidual,
  compileTransportResidual,
  type TransportProblem,
  type ResidualOptions,
  type ResidualEvaluatorOptions,
  type TransportResidualEvaluator,
} from "./transport.js";
export {
  compilePotential,
  type CompiledPotential,
  type CompilePotentialOptions,
  type InvertGradientOptions,
  type PotentialValues,
} from "./compiled-potential.js";
export { gradientMap, pushforwardDensityAtImage, compilePushforwardDensity, type PushforwardDensity } from "./pushforward.js";
export {
  complexHessian,
  complexMongeAmpere,
  complexMongeAmpereWirtinger,
  wirtingerToReal,
  compileComplexMongeAmpere,
  verifyTubeDomainIdentity,
  verifyLaplacianIdentity,
  type RealCoordinates,
  type WirtingerCoordinates,
} from "./complex.js";
export {
  legendreTransform,
  verifyLegendreDuality,
  legendreNumeric,
  type LegendreTransform,
  type LegendreOptions,
  type LegendreDualityCertificates,
  type NumericLegendre,
} from "./legendre.js";
export { LEGENDRE_PAIRS, powerPair, evenPowerPair, type LegendrePair } from "./legendre-table.js";
export type { MatrixInput, VectorInput } from "./numeric-input.js";
export { principalSqrt, type PrincipalSqrtOptions } from "./principal-sqrt.js";
export {
  gaussianBrenierMap,
  brenierMatrix,
  gaussianW2Squared,
  linearMapCost,
  choleskyMap,
  monteCarloTransportCost,
  gaussianLogDensity,
  gaussianPotential,
  gaussianDensityExpr,
  gaussianLogDensityExpr,
  type GaussianBrenierMap,
  type BrenierFormula,
  type MonteCarloEstimate,
  type ExactEntry,
} from "./gaussian.js";
export {
  fidelityTerm,
  buresDistanceSquared,
  buresDistance,
  uhlmannFidelity,
  densityBuresDistanceSquared,
  type FidelityMethod,
  type PsdInput,
} from "./bures.js";
export { latentGenerator, latentPolarFactor, type LatentGenerator, type PolarFactorReport } from "./latent.js";
export {
  gaussianMomentMeasure,
  verifyGaussianMomentMeasure,
  momentMeasure1D,
  type GaussianMomentMeasure,
  type MomentMeasure1D,
} from "./moment-measure.js";
export { monotoneRearrangement, type CdfInput, type RearrangementOptions, type MonotoneRearrangement } from "./rearrangement.js";
export { integrate, type QuadratureOptions, type QuadratureResult } from "./quadrature.js";
