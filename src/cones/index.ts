// qgeom cones: the symmetric cones Sym_p^{++} and Herm_p^{++} (MATH.md §1.3, §5, §8.6): coordinates,
// the Koszul–Vinberg characteristic function and its log as a potential, the canonical metric, the
// Monge–Ampère identity det D² log φ = c φ² (symbolic, exact at rational points, numeric), the Wishart
// log-partition's MA-exp property, congruence equivariance and Jacobians, the affine-invariant distance and
// geodesic, self-duality, and the three "Monge–Ampère domain" readings.
export {
  type Field,
  type Coords,
  type BasisTerm,
  coordinateDimension,
  coordinateBasis,
  toCoordinates,
  fromCoordinates,
  basisMatrix,
} from "./coords.js";
export { type PdInfo, pdInfo, kvExponent, kvLogConstant, kvConstantExpr, multigammaExpr, logKoszulVinberg, koszulVinberg, logKoszulVinbergExpr } from "./kv.js";
export { hessianNegLogDet, canonicalMetricMatrix, canonicalMetric } from "./metric.js";
export {
  type ConeSymbols,
  type MaDerivation,
  type ExactPointCheck,
  type MaNumericCheck,
  type WishartMaDerivation,
  maLogConstant,
  maConstant,
  hermitianDetExpr,
  coneSymbols,
  maIdentitySymbolic,
  maIdentityAtRationalPoints,
  fdHessianLogPhi,
  maIdentityNumeric,
  wishartLogPartition,
  wishartMaExpSymbolic,
} from "./monge-ampere.js";
export { type CongruenceJacobian, congruence, logAbsDet, congruenceJacobian, kvEquivariance } from "./congruence.js";
export { affineInvariantDistance, geodesic } from "./distance.js";
export { traceInner, dualConeWitness } from "./self-duality.js";
export { fdHessian } from "./fd-hessian.js";
export { kvIntegralSym2 } from "./kv-integral.js";
export {
  type Potential,
  type ReadingResult,
  type MaReadings,
  mongeAmpereReadings,
  kvPotential,
  wishartPotential,
  pullbackPotential,
  potential,
} from "./ma-domain.js";
