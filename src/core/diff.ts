// Differentiation with the chain rule for every kernel. Results are cached per (node, variable), so the
// shared structure of a DAG is differentiated once (gradients and Hessians reuse each other's work).
import { QgeomError, excerpt } from "./errors.js";
import {
  type Expr,
  add,
  mul,
  pow,
  neg,
  div,
  fn,
  fnDerivative,
  log,
  num,
  ONE,
  ZERO,
  MINUS_ONE,
  sub,
} from "./build.js";
import { type Fn, dependsOn, postOrder } from "./expr.js";
import { KERNELS, isKernel } from "./kernels.js";

const cache = new WeakMap<Expr, Map<string, Expr>>();

/** A variable of differentiation: a symbol, as an Expr or by name (anything else is INVALID_ARGUMENT). */
export type Variable = Expr | string;

export function varName(v: Variable): string {
  if (typeof v === "string") return v;
  if (v.kind !== "sym") throw new QgeomError("INVALID_ARGUMENT", `can only differentiate with respect to a symbol, got ${excerpt(v.toString())}; pass a symbol such as sym("x")`);
  return v.name;
}

/** d e / d x. Throws NO_DERIVATIVE_RULE for matrix-notation kernels. */
export function diff(e: Expr, x: Variable, order = 1): Expr {
  const name = varName(x);
  if (!Number.isInteger(order) || order < 0) throw new QgeomError("INVALID_ARGUMENT", `derivative order must be a non-negative integer, got ${order}; pass 0, 1, 2, …`);
  let r = e;
  for (let k = 0; k < order; k++) {
    // bottom-up first, so that the recursion in `rule` only ever meets cached children (deep DAGs)
    for (const x of postOrder([r])) if (dependsOn(x, name)) d(x, name);
    r = d(r, name);
  }
  return r;
}

function d(e: Expr, x: string): Expr {
  if (!dependsOn(e, x)) return ZERO;
  let m = cache.get(e);
  if (m === undefined) {
    m = new Map();
    cache.set(e, m);
  }
  const hit = m.get(x);
  if (hit !== undefined) return hit;
  const r = rule(e, x);
  m.set(x, r);
  return r;
}

function rule(e: Expr, x: string): Expr {
  switch (e.kind) {
    case "num":
    case "const":
      return ZERO;
    case "sym":
      return e.name === x ? ONE : ZERO;
    case "add":
      return add(...e.terms.map((t) => d(t, x)));
    case "mul": {
      const terms: Expr[] = [];
      const fs = e.factors;
      for (let i = 0; i < fs.length; i++) {
        const di = d(fs[i]!, x);
        if (di.kind === "num" && di.value.isZero()) continue;
        const others = fs.filter((_, j) => j !== i);
        terms.push(mul(di, ...others));
      }
      return add(...terms);
    }
    case "pow": {
      const { base: b, exp: p } = e;
      const db = d(b, x);
      const dp = d(p, x);
      const terms: Expr[] = [];
      if (!(db.kind === "num" && db.value.isZero())) terms.push(mul(p, pow(b, add(p, MINUS_ONE)), db));
      if (!(dp.kind === "num" && dp.value.isZero())) terms.push(mul(e, log(b), dp));
      return add(...terms);
    }
    case "fn":
      return fnRule(e, x);
  }
}

function fnRule(e: Fn, x: string): Expr {
  const info = isKernel(e.name) ? KERNELS[e.name] : undefined;
  if (info === undefined) {
    // opaque f(u1, ..., un): Σ_k ∂_k f(u) · u_k'
    const terms: Expr[] = [];
    e.args.forEach((a, k) => {
      const da = d(a, x);
      if (da.kind === "num" && da.value.isZero()) return;
      const orders = e.dorders ? [...e.dorders] : e.args.map(() => 0);
      orders[k]! += 1;
      terms.push(mul(fnDerivative(e, orders), da));
    });
    return add(...terms);
  }
  if (info.matrixNotation)
    throw new QgeomError(
      "NO_DERIVATIVE_RULE",
      `no derivative rule for ${e.name}(...) in matrix notation; write the matrix with explicit entries (e.g. symMatrix) and differentiate those`,
    );
  if (e.name === "polygamma") {
    const [n, u] = e.args as [Expr, Expr];
    if (dependsOn(n, x)) throw new QgeomError("NO_DERIVATIVE_RULE", `polygamma is not differentiable in its order; differentiate in its argument only, or use a fixed order`);
    return mul(fn("polygamma", add(n, ONE), u), d(u, x));
  }
  if (e.args.length === 2) {
    // multivariate gamma kernels: f(a, p), p a constant dimension
    const [a, p] = e.args as [Expr, Expr];
    const da = d(a, x);
    const pn = (p as { value: { toInteger(): number } }).value.toInteger();
    switch (e.name) {
      case "lmultigamma":
        return mul(fn("multidigamma", a, p), da);
      case "multigamma":
        return mul(e, fn("multidigamma", a, p), da);
      case "multidigamma":
        return mul(add(...Array.from({ length: pn }, (_, j) => fn("polygamma", ONE, add(a, num(-j / 2))))), da);
      case "lcmultigamma":
      case "cmultigamma": {
        const psi = add(...Array.from({ length: pn }, (_, j) => fn("digamma", add(a, num(-j)))));
        return e.name === "cmultigamma" ? mul(e, psi, da) : mul(psi, da);
      }
    }
  }
  const u = e.args[0]!;
  const du = d(u, x);
  let outer: Expr;
  switch (e.name) {
    case "exp":
      outer = e;
      break;
    case "log":
      outer = pow(u, MINUS_ONE);
      break;
    case "gamma":
      outer = mul(e, fn("digamma", u));
      break;
    case "lgamma":
      outer = fn("digamma", u);
      break;
    case "digamma":
      outer = fn("polygamma", ONE, u);
      break;
    case "softplus":
      outer = fn("sigmoid", u);
      break;
    case "sigmoid":
      outer = mul(e, sub(ONE, e));
      break;
    case "abs":
      outer = fn("sign", u);
      break;
    case "sign":
      outer = ZERO;
      break;
    case "sin":
      outer = fn("cos", u);
      break;
    case "cos":
      outer = neg(fn("sin", u));
      break;
    case "tan":
      outer = add(ONE, pow(e, num(2)));
      break;
    case "atan":
      outer = div(ONE, add(ONE, pow(u, num(2))));
      break;
    case "sinh":
      outer = fn("cosh", u);
      break;
    case "cosh":
      outer = fn("sinh", u);
      break;
    case "tanh":
      outer = sub(ONE, pow(e, num(2)));
      break;
    case "atanh":
      outer = div(ONE, sub(ONE, pow(u, num(2))));
      break;
    case "conj":
    case "re":
    case "im":
      // symbols are real, so these commute with d/dx
      return fn(e.name, du);
    default:
      throw new QgeomError("NO_DERIVATIVE_RULE", `no derivative rule for ${e.name}; write the function in terms of differentiable kernels or use an opaque function`);
  }
  return mul(outer, du);
}

/** ∇e as a list, in the order of `vars`. */
export function gradient(e: Expr, vars: readonly Variable[]): Expr[] {
  return vars.map((v) => diff(e, v));
}

/** The Hessian D²e as rows (symmetric: each mixed partial is computed once). */
export function hessian(e: Expr, vars: readonly Variable[]): Expr[][] {
  const n = vars.length;
  const g = gradient(e, vars);
  const H: Expr[][] = Array.from({ length: n }, () => new Array<Expr>(n));
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const h = diff(g[i]!, vars[j]!);
      H[i]![j] = h;
      H[j]![i] = h;
    }
  return H;
}

/** The Jacobian matrix ∂f_i/∂x_j. */
export function jacobian(fs: readonly Expr[], vars: readonly Variable[]): Expr[][] {
  return fs.map((f) => vars.map((v) => diff(f, v)));
}
