// qgeom boltzmann: Boltzmann machines and RBMs (MATH.md §1.5, §2): energies and free energies (numeric,
// symbolic, compiled), exact partition functions and marginals by enumeration, the learning gradient,
// contrastive divergence, the Gibbs variational principle, the exponential-family view and the
// Monge–Ampère operator of log Z, and the ±1-spin converter.
export {
  type RbmKind,
  type RBM,
  type BoltzmannMachine,
  type MatrixInput,
  type VectorInput,
  type RbmInput,
  type BoltzmannMachineInput,
  RBM_KINDS,
  MAX_ENUMERATION_UNITS,
  rbm,
  boltzmannMachine,
  unitCounts,
  checkNormalisable,
} from "./model.js";
export {
  type FreeEnergyOptions,
  rbmEnergy,
  bmEnergy,
  freeEnergy,
  freeEnergyGradient,
  freeEnergyHessian,
  hiddenProbabilities,
  visibleConditional,
} from "./free-energy.js";
export {
  type EnumerationOptions,
  type LogPartitionOptions,
  logSumExp,
  logPartition,
  stateEnergies,
  visibleLogProbabilities,
  hiddenLogProbabilities,
  jointLogProbabilities,
  jointPrecision,
  logLikelihood,
  stateIndex,
} from "./enumerate.js";
export {
  type RbmStatistics,
  type BmStatistics,
  type RbmGradient,
  type BmGradient,
  rbmModelStatistics,
  rbmDataStatistics,
  bmModelStatistics,
  bmDataStatistics,
  learningGradient,
  withCoupling,
} from "./gradient.js";
export {
  type GibbsOptions,
  type CdOptions,
  type CdEstimate,
  type TrainOptions,
  sampleHidden,
  sampleVisible,
  gibbsChain,
  contrastiveDivergence,
  trainCD,
} from "./cd.js";
export {
  type GibbsVariationalReport,
  entropy,
  boltzmannLaw,
  klDivergence,
  gibbsFunctional,
  gibbsVariational,
} from "./gibbs-variational.js";
export {
  expfamDimension,
  unitPairs,
  naturalParameters,
  fromNaturalParameters,
  sufficientStatistic,
  expfamLogPartition,
  meanParameters,
  fisherInformation,
  expfamEntropy,
  naturalFromMean,
  conjugatePotential,
  bregmanDivergence,
  expfamKL,
  expfamBregman,
  mongeAmpereLogZ,
} from "./expfam.js";
export {
  type CategoricalDerivation,
  categoricalProbabilities,
  categoricalLogPartition,
  categoricalHessian,
  categoricalMongeAmpere,
  categoricalMongeAmpereSymbolic,
} from "./categorical.js";
export { type SpinModel, type SpinRBM, bmToSpins, rbmToSpins, spinEnergy, spinRbmEnergy, toSpins } from "./spins.js";
export { type GaussianMarginal, type GbConvexity, ggMarginal, gbConvexity, gbNonConvexExample } from "./gaussian.js";
export {
  type Temperature,
  type RbmSymbols,
  type BmSymbols,
  rbmSymbols,
  rbmEnergyExpr,
  freeEnergyExpr,
  modelFreeEnergyExpr,
  bmSymbols,
  bmEnergyExpr,
  bmLogPartitionExpr,
  bmMeanExpr,
  logPartitionBiasDerivative,
  rbmLogPartitionExpr,
} from "./symbolic.js";
export { type CompiledFreeEnergy, compileFreeEnergy, toStructureOfArrays } from "./compiled.js";
export { categoricalPotential, logPartitionPotential, freeEnergyPotential } from "./potentials.js";
