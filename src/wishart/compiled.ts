// Compiled evaluators of the symbolic log-densities (density.ts → src/compile): straight-line code
// over the explicit entries, with log det S and log det Σ through the unrolled LDLᵀ (spd blocks).
import { type CompileOptions, type CompiledFunction, compile } from "../compile/index.js";
import { type SymbolicDensity, type SymbolicDensityOptions, complexWishartDensity, inverseWishartDensity, wishartDensity } from "./density.js";

/** A compiled log-density and the symbolic density it came from. */
export interface CompiledLogDensity {
  /** `fn(input, output)`: input = values of `density.inputs` in order, output[0] = log f. `fn.batch` for SoA batches. */
  readonly fn: CompiledFunction;
  /** The symbolic density that was compiled (its `inputs` fix the input order, its `spd` the LDLᵀ blocks). */
  readonly density: SymbolicDensity;
}

/**
 * The log-density of W_p(n, Σ) (default), CW_p(n, Σ) (`law: "complex-wishart"`) or W_p⁻¹(n, Ψ)
 * (`law: "inverse-wishart"`) for p ≤ 4, compiled from its closed form (MATH §4.1, §4.8, §1.7). Inputs:
 * vech of the random matrix, vech of the scale (complex: S_ii, Re S_ij, Im S_ij), then df if symbolic.
 * Outside the cone the LDLᵀ log det gives NaN, never a wrong number.
 */
export function compiledLogDensity(
  p: number,
  options: SymbolicDensityOptions & { law?: SymbolicDensity["law"]; compile?: CompileOptions } = {},
): CompiledLogDensity {
  const { law, compile: copts, ...dopts } = options;
  const density =
    law === "complex-wishart" ? complexWishartDensity(p, { ...dopts, notation: "entries" })
    : law === "inverse-wishart" ? inverseWishartDensity(p, { ...dopts, notation: "entries" })
    : wishartDensity(p, { ...dopts, notation: "entries" });
  const fn = compile(density.logDensity, density.inputs, { ...copts, spd: density.spd });
  return { fn, density };
}
