// Monte Carlo statistics of a stack of p x p samples against W_p(n, Σ) (MATH §4.2), for monteCarloAll.
import { meanEstimate } from "../../src/wishart/index.js";
import type { McStatistic } from "./steps.js";

/** Column k of a stack (count·p² entries) as the values g(offset of sample k). */
export function column(stack: Float64Array, p: number, g: (offset: number) => number): Float64Array {
  const count = stack.length / (p * p);
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = g(k * p * p);
  return out;
}

/** A sample mean against its exact value. */
export function statistic(label: string, values: ArrayLike<number>, expected: number): McStatistic {
  const e = meanEstimate(values);
  return { label, estimate: e.mean, se: e.se, expected };
}

/** E S_ij = nΣ_ij and E(S_ij − nΣ_ij)² = n(Σ_ij² + Σ_iiΣ_jj) for i ≤ j. */
export function wishartMomentStats(stack: Float64Array, p: number, df: number, sigma: readonly (readonly number[])[], prefix = "S"): McStatistic[] {
  const out: McStatistic[] = [];
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const m = df * sigma[i]![j]!;
      out.push(statistic(`E ${prefix}${i + 1}${j + 1}`, column(stack, p, (o) => stack[o + i * p + j]!), m));
      out.push(statistic(`Var ${prefix}${i + 1}${j + 1}`, column(stack, p, (o) => (stack[o + i * p + j]! - m) ** 2), df * (sigma[i]![j]! ** 2 + sigma[i]![i]! * sigma[j]![j]!)));
    }
  return out;
}
