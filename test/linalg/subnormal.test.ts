// Regression: QL must converge on matrices whose entries are subnormal (found by a modular-theory property test).
import { describe, expect, it } from "vitest";
import { eigh, matrixFromData, matmul, transpose, diag } from "../../src/linalg/index.js";

describe("eigh with subnormal entries", () => {
  it("converges and reconstructs", () => {
    const data = [-3.2729798089463136e-65, 1.5368234332353468e-105, 0.4999999999999993, -1.6343671988667478e-41, 1.5368234332353468e-105, 5e-323, -2.392735157607028e-203, 1.6708401456015914e-221, 0.4999999999999993, -2.392735157607028e-203, 4.0362343250264797e-243, -8.159561174665128e-293, -1.6343671988667478e-41, 1.6708401456015914e-221, -8.159561174665128e-293, 2.5e-323];
    const A = matrixFromData(4, 4, Float64Array.from(data));
    const { values, vectors } = eigh(A);
    const R = matmul(matmul(vectors, diag(values)), transpose(vectors));
    for (let i = 0; i < 16; i++) expect(Math.abs(R.data[i]! - data[i]!)).toBeLessThan(1e-15);
    // the exact eigenvalues are ±0.5 (to rounding) and two of size ~1e-41
    expect(values[0]).toBeCloseTo(-0.5, 14);
    expect(values[3]).toBeCloseTo(0.5, 14);
  });
});
