// qgeom public surface: re-exports each layer's index.
export * from "./core/index.js";
export * from "./interop/index.js";
export * from "./compile/index.js";
// Numeric layers as namespaces: their names (matrix, transpose, trace, kron, det, inverse, add,
// gamma, …) would collide with the symbolic core's.
export * as linalg from "./linalg/index.js";
export * as random from "./random/index.js";
export * as wishart from "./wishart/index.js";
export * as modular from "./modular/index.js";
export * from "./latex/index.js";
// Domain modules as namespaces.
export * as mongeAmpere from "./monge-ampere/index.js";
export * as boltzmann from "./boltzmann/index.js";
export * as rg from "./rg/index.js";
export * as cones from "./cones/index.js";
// The proof format and runner (MATH.md §9 as executable derivations; users write their own the same way).
export * as proofs from "./proofs/index.js";
