// qgeom/modular: modular theory of the matrix model M_n(ℂ) (MATH.md §6–7): density matrices,
// Tomita objects (Ω, S, J, Δ, Δ_{σ,ρ}) as operators and superoperator matrices, the modular flow
// and its generators, KMS, Connes cocycle, natural and Araki cones, relative entropy, symbolic
// closed forms (spectral data, qubit, Gibbs, Peschel), and checks of V17–V21 as library functions.
export type { DensityMatrix, DensityInput, DensityOptions } from "./density.js";
export {
  densityMatrix,
  isDensityMatrix,
  gibbsState,
  gibbsLogPartition,
  densityFromCovariance,
  densityFromBloch,
  blochVector,
  maximallyMixed,
} from "./density.js";
export type { MatrixInput } from "./operands.js";
export {
  densityPower,
  omega,
  modularConjugation,
  modularOperator,
  tomitaS,
  relativeModularOperator,
  logRelativeModularOperator,
  relativeTomitaS,
} from "./tomita.js";
export type { KmsFunctionOptions } from "./flow.js";
export {
  logDensity,
  modularHamiltonian,
  modularUnitary,
  modularFlow,
  modularFlowAt,
  liouvillean,
  liouvilleanSpectrum,
  connesCocycle,
  connesCocycleGenerator,
  heisenbergFlow,
  kmsFunction,
} from "./flow.js";
export type { VecConvention, SuperoperatorOptions } from "./superoperator.js";
export {
  vec,
  unvec,
  commutationMatrix,
  sandwichMatrix,
  superoperatorMatrix,
  modularOperatorMatrix,
  modularFlowMatrix,
  liouvilleanMatrix,
  relativeModularOperatorMatrix,
  logRelativeModularOperatorMatrix,
  realForm,
  toRealVector,
  fromRealVector,
  applyReal,
  realMatmul,
  modularConjugationRealForm,
  tomitaSRealForm,
} from "./superoperator.js";
export {
  arakiConeElement,
  arakiConeCoordinate,
  arakiPairing,
  naturalConeElement,
  naturalConeFromOperator,
  vectorRepresentative,
  hsInner,
} from "./cones.js";
export type { RelativeEntropyOptions } from "./entropy.js";
export { vonNeumannEntropy, relativeEntropy, arakiRelativeEntropy } from "./entropy.js";
export { partialTrace, applyKraus, krausDefect, krausFromIsometry } from "./channels.js";
export type { KmsDefectOptions, KmsDefectReport, KmsStripReport, FlowDefects, TomitaDefects, CocycleDefects, DualWitness } from "./checks.js";
export {
  kmsDefect,
  kmsStripDefect,
  gibbsKmsDefect,
  modularFlowDefects,
  connesCocycleDefects,
  tomitaDefects,
  isPositiveSemidefinite,
  isInNaturalCone,
  isInArakiCone,
  arakiDualWitness,
  selfDualityWitness,
  commutatorNorm,
  flowRealityDefect,
  isospectralityDefect,
} from "./checks.js";
export type { PeschelCheck } from "./peschel.js";
export {
  peschelHamiltonian,
  peschelCorrelation,
  peschelLogPartition,
  peschelEntropy,
  jordanWignerModes,
  quadraticHamiltonian,
  fermionicGaussianState,
  correlationMatrix,
  peschelJordanWignerCheck,
} from "./peschel.js";
export type { ExprLike, SpectralGenerator, QubitModular, GibbsSymbolic, PeschelSymbolic } from "./symbolic.js";
export { spectralGenerator, qubitModular, gibbsSymbolic, peschelSymbolic, conjExpr, conjTransposeExpr } from "./symbolic.js";
