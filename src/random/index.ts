// qgeom/random: a seeded generator and samplers that take it explicitly (same seed, same stream).
export { Rng } from "./rng.js";
export {
  uniform,
  standardNormal,
  normal,
  fillStandardNormal,
  gamma,
  chiSquare,
  beta,
  dirichlet,
  complexNormal,
} from "./distributions.js";
export { normalMatrix, complexNormalMatrix, randomOrthogonal, randomUnitary } from "./matrices.js";
