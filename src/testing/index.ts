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
