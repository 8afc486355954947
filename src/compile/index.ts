// Expr -> straight-line numeric code: CSE, addition-chain powers, stable forms (log-sum-exp, log1p,
// expm1, softplus, sigmoid, shifted softmax products, log det by Cholesky), generated JavaScript or a
// closure tree, batch evaluation over structure-of-arrays data, and standalone ES modules.
export {
  compile,
  compileComplex,
  compileLogDetSPD,
  type CompileTarget,
  type CompileOptions,
  type CompiledFunction,
} from "./compile.js";
export { emitModule, emitDeclaration, type EmitModuleOptions } from "./module.js";
export type { SpdBlock } from "./logdet.js";
export { additionChain, MAX_CHAIN_POWER } from "./powers.js";
