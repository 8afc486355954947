// Exact power-of-two rescaling for the eigen- and singular-value kernels: scaling by 2^e changes no
// mantissa bit, so a matrix can be brought to max |a| ≈ 1 before squaring entries (no overflow, no loss in
// the subnormal range) and the results scaled back exactly.

/** Exponent e with max|a| · 2^e in [0.5, 1) for mx = max|a| (0 for the zero matrix). */
export function scaleExponent(mx: number): number {
  return mx === 0 ? 0 : -Math.floor(Math.log2(mx)) - 1;
}

/** x ← x · 2^e in place, in two factors so that the power itself cannot overflow (|e| may exceed 1023). */
export function scaleArray(x: Float64Array, e: number): void {
  if (e === 0) return;
  const h = Math.trunc(e / 2);
  const f1 = 2 ** h, f2 = 2 ** (e - h);
  for (let k = 0; k < x.length; k++) x[k] = x[k]! * f1 * f2;
}
