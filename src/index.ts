// qgeom public surface: re-exports each layer's index.
export * from "./core/index.js";
export * from "./interop/index.js";
export * from "./latex/index.js";
