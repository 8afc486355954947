// Validation of the non-state arguments of the modular functions: operands x, ξ ∈ M_n(ℂ) and
// complex parameters z. Internal; every failure is a QgeomError naming the argument.
import { QgeomError, excerpt } from "../core/errors.js";
import { type Complex, shapeOf } from "../linalg/index.js";
import { type MatrixInput, toLinalg } from "./density.js";
import { type Split, splitOf } from "./kernels.js";

export type { MatrixInput } from "./density.js";

/** An n×n operand with finite entries, as a Split (real input keeps `im = null`). */
export function operandOf(x: MatrixInput, n: number, name: string): Split {
  const A = toLinalg(x, name);
  if (A.rows !== n || A.cols !== n) {
    throw new QgeomError("SHAPE", `${name} is ${shapeOf(A)} but the state is ${n}×${n}; pass an ${n}×${n} matrix`);
  }
  const s = splitOf(A);
  const check = (p: Float64Array) => {
    for (let k = 0; k < p.length; k++) {
      if (!Number.isFinite(p[k]!)) {
        throw new QgeomError("NOT_FINITE", `${name}[${Math.floor(k / n)}][${k % n}] is ${p[k]}; every entry must be finite; replace NaN/Infinity with finite values`);
      }
    }
  };
  check(s.re);
  if (s.im !== null) check(s.im);
  return s;
}

/** A square operand of any size. */
export function squareOperandOf(x: MatrixInput, name: string): Split {
  const A = toLinalg(x, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n matrix`);
  return operandOf(A, A.rows, name);
}

/** A finite complex number from a number or `{re, im}`. */
export function complexOf(z: number | Complex, name: string): Complex {
  if (typeof z === "number") {
    if (!Number.isFinite(z)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be finite, got ${z}; pass a finite number`);
    return { re: z, im: 0 };
  }
  if (typeof z !== "object" || z === null || typeof z.re !== "number" || typeof z.im !== "number" || !Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be a finite number or a complex number {re, im}, got ${excerpt(z)}; pass e.g. 0.5 or {re: 0, im: 0.5}`);
  }
  return { re: z.re, im: z.im };
}

/** A finite real number. */
export function realOf(t: unknown, name: string): number {
  if (typeof t !== "number" || !Number.isFinite(t)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be a finite real number, got ${excerpt(t)}; pass e.g. 0.5`);
  return t;
}
