// qgeom public surface: re-exports each layer's index.
export * from "./core/errors.js";
export * from "./linalg/index.js";
export * from "./random/index.js";
