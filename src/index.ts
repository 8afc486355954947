// qgeom public surface: re-exports each layer's index.
export * from "./core/errors.js";
