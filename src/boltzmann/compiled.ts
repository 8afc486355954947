// Compiled free energies: the Expr of symbolic.ts with the model's numbers substituted, compiled by
// src/compile into straight-line code over v1 … vd (softplus in its overflow-free form).
import { QgeomError, excerpt } from "../core/index.js";
import { type CompiledFunction, compile } from "../compile/index.js";
import { type RBM, type VectorInput, checkRBM, toBinary, toVector } from "./model.js";
import { modelFreeEnergyExpr } from "./symbolic.js";

/** A compiled F_T of one RBM. */
export interface CompiledFreeEnergy {
  /** F_T(v) for one visible vector (validated: binary for Bernoulli visible units). */
  (v: VectorInput): number;
  /**
   * F_T at n visible vectors stored as structure of arrays: unit i of vector k is `V[i*n + k]` (a d×n
   * row-major block); writes `out[k]`. No validation per vector (for Bernoulli units this evaluates the
   * extension of F to ℝ^d at non-binary inputs).
   */
  batch(V: Float64Array, n: number, out: Float64Array): void;
  /** The underlying compiled function (inputs v1 … vd). */
  readonly compiled: CompiledFunction;
}

/** Compiles F_T(v) of a given RBM (MATH.md §2.2) into a fast evaluator. */
export function compileFreeEnergy(model: RBM, options: { T?: number; mode?: "auto" | "function" | "closure" } = {}): CompiledFreeEnergy {
  checkRBM(model);
  const d = model.W.rows;
  const expr = modelFreeEnergyExpr(model, { T: options.T });
  const names = Array.from({ length: d }, (_, i) => `v${i + 1}`);
  const fn = compile(expr, names, { mode: options.mode ?? "auto" });
  const input = new Float64Array(d), output = new Float64Array(1);
  const f = ((v: VectorInput) => {
    const x = model.kind === "bernoulli" ? toBinary(v, "v", d, " (visible vector)") : toVector(v, "v", d, " (visible vector)");
    input.set(x);
    fn(input, output);
    return output[0]!;
  }) as CompiledFreeEnergy;
  Object.defineProperties(f, {
    batch: {
      value: (V: Float64Array, n: number, out: Float64Array) => {
        if (!(V instanceof Float64Array) || V.length !== d * n)
          throw new QgeomError("SHAPE", `batch: V must be a Float64Array of length d·n = ${d}·${n} (unit i of vector k at V[i*n + k]), got ${V instanceof Float64Array ? `length ${V.length}` : excerpt(V)}; pass new Float64Array(${d * n})`);
        fn.batch(V, n, out);
      },
    },
    compiled: { value: fn },
  });
  return f;
}

/** Converts n visible vectors stored row by row (n×d, row-major) to the d×n layout of `batch`. */
export function toStructureOfArrays(rows: Float64Array, n: number, d: number): Float64Array {
  if (rows.length !== n * d) throw new QgeomError("SHAPE", `rows must hold n·d = ${n * d} numbers, got ${rows.length}; pass ${n} rows of ${d} units, flattened`);
  const out = new Float64Array(n * d);
  for (let k = 0; k < n; k++) for (let i = 0; i < d; i++) out[i * n + k] = rows[k * d + i]!;
  return out;
}
