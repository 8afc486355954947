// Finite-difference Hessian: the mixed central difference
//   ∂_a∂_b f ≈ (f(x + he_a + he_b) − f(x + he_a − he_b) − f(x − he_a + he_b) + f(x − he_a − he_b)) / (4h²)
// (error O(h²)), with one Richardson step (4 D(h/2) − D(h))/3 to O(h⁴).
import type { Matrix } from "../linalg/index.js";

/** D²Φ by central differences with one Richardson step (h, h/2), error O(h⁴). */
export function fdHessian(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-3): Matrix {
  const x0 = Float64Array.from(x);
  const N = x0.length;
  const second = (a: number, b: number, s: number) => {
    const at = (sa: number, sb: number) => {
      const u = Float64Array.from(x0);
      u[a]! += sa * s;
      u[b]! += sb * s;
      return f(u);
    };
    return (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * s * s);
  };
  const H = new Float64Array(N * N);
  for (let a = 0; a < N; a++)
    for (let b = a; b < N; b++) H[a * N + b] = H[b * N + a] = (4 * second(a, b, h / 2) - second(a, b, h)) / 3;
  return { rows: N, cols: N, data: H };
}
