// The runtime helper table of compiled code: the double-precision special functions of
// src/core/special.ts, with the domain rules of numeric evaluation (NaN outside the domain, as in
// core/eval.ts `kernelValue`). Generated code and closures call these very functions; emitModule inlines
// the transliterations in helpers-source.ts, which a test holds bit-identical to these.
import {
  cmultigammalnFn,
  digammaFn,
  gammaFn,
  lgammaFn,
  multidigammaFn,
  multigammalnFn,
  polygammaFn,
} from "../core/special.js";
import type { HelperName } from "./ir.js";

/** Γ_p(a) for a > (p-1)/2 (MATH.md §1.8), else NaN. */
function multigamma(a: number, p: number): number {
  return Number.isInteger(p) && p >= 1 && a > (p - 1) / 2 ? Math.exp(multigammalnFn(a, p)) : NaN;
}
/** log Γ_p(a) for a > (p-1)/2, else NaN. */
function lmultigamma(a: number, p: number): number {
  return Number.isInteger(p) && p >= 1 && a > (p - 1) / 2 ? multigammalnFn(a, p) : NaN;
}
/** ψ_p(a) = Σ_j ψ(a - (j-1)/2) for a > (p-1)/2, else NaN. */
function multidigamma(a: number, p: number): number {
  return Number.isInteger(p) && p >= 1 && a > (p - 1) / 2 ? multidigammaFn(a, p) : NaN;
}
/** Γ̃_p(a) for a > p - 1, else NaN. */
function cmultigamma(a: number, p: number): number {
  return Number.isInteger(p) && p >= 1 && a > p - 1 ? Math.exp(cmultigammalnFn(a, p)) : NaN;
}
/** log Γ̃_p(a) for a > p - 1, else NaN. */
function lcmultigamma(a: number, p: number): number {
  return Number.isInteger(p) && p >= 1 && a > p - 1 ? cmultigammalnFn(a, p) : NaN;
}

/** The helper functions by whitelisted name. */
export const RUNTIME: Readonly<Record<HelperName, (...args: number[]) => number>> = Object.freeze({
  gamma: gammaFn,
  lgamma: lgammaFn,
  digamma: digammaFn,
  polygamma: polygammaFn,
  multigamma,
  lmultigamma,
  multidigamma,
  cmultigamma,
  lcmultigamma,
});
