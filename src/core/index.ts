// The exact symbolic core: expressions, canonical forms, calculus, polynomials, rational functions,
// symbolic matrices and identity certificates.
import "./print.js"; // installs Expr.prototype.toString
export type { Expr, ExprKind, ConstName, Num, Const, Sym, Add, Mul, Pow, Fn } from "./expr.js";
export { compareExpr, freeSymbols, dependsOn, children, dagSize, postOrder, isZero, isOne, isNum } from "./expr.js";
export {
  num, sym, syms, constant, add, sub, mul, div, neg, pow, sqrt, exp, log, fn, fnDerivative,
  gamma, lgamma, digamma, polygamma, softplus, sigmoid, abs, conj,
  ZERO, ONE, MINUS_ONE, TWO, HALF, PI, I, EULER_GAMMA, isValidIdentifier, isPositive, isReal, splitCoeff,
} from "./build.js";
export { Rational } from "./rational.js";
export { QgeomError, excerpt, closestName, didYouMean, type QgeomErrorCode } from "./errors.js";
export { KERNELS, isKernel, type KernelInfo } from "./kernels.js";
export { toMathjs, presentationOrder, splitFraction, type TermOrder } from "./print.js";
export { evaluate, evaluateComplex, evaluateExact, evaluateWithError, type Env, type EvalOptions, type FunctionTable, type Complex } from "./eval.js";
export { diff, gradient, hessian, jacobian, type Variable } from "./diff.js";
export { expand, type ExpandOptions } from "./expand.js";
export { together, cancel, collect, subs, simplify, complexity, type Substitution, type AlgebraOptions, type SimplifyOptions } from "./transforms.js";
export { Poly, polyGcd, withPolyLimits, type PolyLimits } from "./poly.js";
export { RatFunc, type DenFactor } from "./ratfunc.js";
export { Algebra, AtomTable, type Relation as AtomRelation } from "./atoms.js";
export {
  Matrix, type SymbolicMatrix, matrix, identityMatrix, transpose, matAdd, matScale, matMul, trace, kron, vech, unvech,
  symmetricMatrixSymbols, matrixSymbols, det, detRatFunc, minor, adjugate, cofactor, inverse, simplifyMatrix, type DetOptions,
} from "./matrix.js";
export { verify, assertIdentity, type Certificate, type Constraint, type ConstraintOp, type VerifyOptions, type VerifyMethod } from "./verify.js";
export * as special from "./special.js";
