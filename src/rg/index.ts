// qgeom rg: renormalisation-group coarse-graining of Gaussian models (MATH.md §8): congruence Σ ↦ RΣRᵀ,
// Schur-complement decimation with its free-energy constant, block-spin on 1-D and 2-D periodic lattices
// (aliasing formula), AR(1) decimation r ↦ r², flows with fixed points and correlation length, and the
// Mehta–Schwab exactness test for small RBMs.
export { coarseGrain, coarseGrainSymbolic, composeCoarseGrainings, selectionMatrix, checkFullRowRank } from "./congruence.js";
export { type Decimation, decimate, decimateSymbolic, gaussianFreeEnergy, decimatedFreeEnergy } from "./decimate.js";
export {
  blockSpinMatrix1D,
  blockSpinMatrix2D,
  circulant,
  circulantSpectrum,
  blockFilter,
  blockSpinSpectrum,
  blockSpin1D,
  circulant2D,
  circulantSpectrum2D,
  blockSpinSpectrum2D,
  blockSpin2D,
} from "./block-spin.js";
export {
  type Ar1,
  type Ar1Derivation,
  ar1Covariance,
  ar1Precision,
  ar1Decimate,
  ar1MarginalVariance,
  correlationLength,
  ar1PrecisionSymbolic,
  ar1DecimationSymbolic,
} from "./ar1.js";
export { type Ar1FlowState, type FixedPoint, iterateFlow, coarseGrainingFlow, ar1Flow, classifyFixedPoint, findFixedPoints, ar1FixedPoints } from "./flow.js";
export { type MehtaSchwabReport, mehtaSchwab, rbmVisibleFreeEnergies } from "./mehta-schwab.js";
