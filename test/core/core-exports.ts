// Test-side access to the core surface (plus internals the tests inspect).
export * from "../../src/core/index.js";
export { internedCount as internedCountForTest } from "../../src/core/expr.js";
