// qgeom/testing: fast-check arbitraries for users' own property tests.
export type { Dimension, PdOptions, WishartParams } from "./arbitraries.js";
export {
  spdMatrix,
  hpdMatrix,
  symmetricMatrix,
  hermitianMatrix,
  densityMatrix,
  orthogonalMatrix,
  unitaryMatrix,
  wishartParams,
} from "./arbitraries.js";
// Random strictly convex potentials as expressions (quadratic + softplus / log cosh / log-sum-exp / barrier).
export type { PotentialOptions, PotentialTerm } from "./potential.js";
export { potential } from "./potential.js";
