import { describe, expect, it } from "vitest";
import {
  add,
  cadd,
  cidentity,
  ckron,
  cmatmul,
  cmatrix,
  conj,
  conjTranspose,
  cscale,
  csub,
  ctrace,
  diag,
  diagonal,
  frobeniusNorm,
  hermitianPart,
  identity,
  isHermitian,
  isSymmetric,
  kron,
  matmul,
  matrix,
  matrixFromData,
  scale,
  sub,
  symmetrize,
  toArray,
  toComplex,
  toComplexArray,
  trace,
  transpose,
  zeros,
} from "../../src/linalg/index.js";
import { realEmbedding, realMatrix } from "../../src/linalg/index.js";
import { qgeomError } from "../helpers/matrix.js";

describe("matrix constructors and converters", () => {
  it("round-trips rows through matrix/toArray and keeps row-major order", () => {
    const A = matrix([[1, 2, 3], [4, 5, 6]]);
    expect(A.rows).toBe(2);
    expect(A.cols).toBe(3);
    expect(Array.from(A.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toArray(A)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it("builds complex matrices with default zero imaginary part", () => {
    const Z = cmatrix({ re: [[1, 2], [3, 4]] });
    expect(toComplexArray(Z)).toEqual({ re: [[1, 2], [3, 4]], im: [[0, 0], [0, 0]] });
    const W = cmatrix({ re: [[1, 0]], im: [[0, -1]] });
    expect(toComplexArray(conj(W)).im).toEqual([[-0, 1]]);
    expect(toComplexArray(toComplex(matrix([[7]])))).toEqual({ re: [[7]], im: [[0]] });
  });

  it("rejects ragged, empty and non-finite input with named errors", () => {
    expect(qgeomError(() => matrix([[1, 2], [3]], "Sigma"))).toMatchObject({ code: "SHAPE", message: expect.stringMatching(/Sigma is ragged.*row 1 has 1/) });
    expect(qgeomError(() => matrix([]))).toMatchObject({ code: "SHAPE" });
    expect(qgeomError(() => matrix([[1, NaN]], "X"))).toMatchObject({ code: "NOT_FINITE", message: expect.stringContaining("X[0][1]") });
    expect(qgeomError(() => matrix([[Infinity]]))).toMatchObject({ code: "NOT_FINITE" });
    expect(qgeomError(() => cmatrix({ re: [[1, 2]], im: [[1]] }))).toMatchObject({ code: "SHAPE" });
    expect(qgeomError(() => matrixFromData(2, 2, [1, 2, 3]))).toMatchObject({ code: "SHAPE" });
    expect(qgeomError(() => zeros(0))).toMatchObject({ code: "SHAPE" });
  });
});

describe("elementary operations (hand-computed values)", () => {
  const A = matrix([[1, 2], [3, 4]]);
  const B = matrix([[0, 1], [1, 0]]);

  it("transpose, matmul, add, sub, scale, trace, diag", () => {
    expect(toArray(transpose(matrix([[1, 2, 3]])))).toEqual([[1], [2], [3]]);
    expect(toArray(matmul(A, B))).toEqual([[2, 1], [4, 3]]);
    expect(toArray(matmul(matrix([[1, 2, 3]]), matrix([[1], [1], [1]])))).toEqual([[6]]);
    expect(toArray(add(A, B))).toEqual([[1, 3], [4, 4]]);
    expect(toArray(sub(A, B))).toEqual([[1, 1], [2, 4]]);
    expect(toArray(scale(A, -2))).toEqual([[-2, -4], [-6, -8]]);
    expect(trace(A)).toBe(5);
    expect(Array.from(diagonal(A))).toEqual([1, 4]);
    expect(toArray(diag([1, 2]))).toEqual([[1, 0], [0, 2]]);
    expect(toArray(identity(2))).toEqual([[1, 0], [0, 1]]);
  });

  it("reports shape mismatches", () => {
    expect(qgeomError(() => matmul(A, matrix([[1, 2, 3]])))).toMatchObject({ code: "SHAPE", message: expect.stringContaining("2×2 by 1×3") });
    expect(qgeomError(() => add(A, matrix([[1]])))).toMatchObject({ code: "SHAPE" });
    expect(qgeomError(() => trace(matrix([[1, 2]])))).toMatchObject({ code: "SHAPE" });
  });

  it("complex products: (1+i)(1−i) = 2 and [[0,−i],[i,0]]² = I", () => {
    const a = cmatrix({ re: [[1]], im: [[1]] });
    const b = cmatrix({ re: [[1]], im: [[-1]] });
    expect(toComplexArray(cmatmul(a, b))).toEqual({ re: [[2]], im: [[0]] });
    const sy = cmatrix({ re: [[0, 0], [0, 0]], im: [[0, -1], [1, 0]] });
    const sq = cmatmul(sy, sy);
    expect(toComplexArray(sq)).toEqual(toComplexArray(cidentity(2)));
    // mixed real × complex
    expect(toComplexArray(cmatmul(matrix([[2]]), a))).toEqual({ re: [[2]], im: [[2]] });
  });

  it("conjugate transpose, cadd, csub, cscale, ctrace", () => {
    const Z = cmatrix({ re: [[1, 2], [3, 4]], im: [[5, 6], [7, 8]] });
    expect(toComplexArray(conjTranspose(Z))).toEqual({ re: [[1, 3], [2, 4]], im: [[-5, -7], [-6, -8]] });
    expect(toComplexArray(cadd(Z, matrix([[1, 1], [1, 1]])))).toEqual({ re: [[2, 3], [4, 5]], im: [[5, 6], [7, 8]] });
    expect(toComplexArray(csub(Z, Z))).toEqual({ re: [[0, 0], [0, 0]], im: [[0, 0], [0, 0]] });
    // i · (1 + 5i) = −5 + i
    expect(toComplexArray(cscale(Z, 0, 1)).re[0]![0]).toBe(-5);
    expect(toComplexArray(cscale(Z, 0, 1)).im[0]![0]).toBe(1);
    expect(ctrace(Z)).toEqual({ re: 5, im: 13 });
  });

  it("Frobenius norm, also without overflow", () => {
    expect(frobeniusNorm(matrix([[3, 4]]))).toBe(5);
    expect(frobeniusNorm(cmatrix({ re: [[1]], im: [[1]] }))).toBeCloseTo(Math.SQRT2, 15);
    expect(frobeniusNorm(matrix([[3e200, 4e200]]))).toBeCloseTo(5e200, -186);
  });

  it("Kronecker product: block (i,j) is a_ij B", () => {
    const K = kron(matrix([[1, 2]]), matrix([[0, 1], [1, 0]]));
    expect(toArray(K)).toEqual([[0, 1, 0, 2], [1, 0, 2, 0]]);
    const KC = ckron(cmatrix({ re: [[0]], im: [[1]] }), matrix([[1, 2]]));
    expect(toComplexArray(KC)).toEqual({ re: [[0, 0]], im: [[1, 2]] });
  });

  it("symmetrize / hermitianPart and the tolerance checks", () => {
    expect(toArray(symmetrize(matrix([[1, 2], [4, 3]])))).toEqual([[1, 3], [3, 3]]);
    const H = hermitianPart(cmatrix({ re: [[1, 2], [4, 3]], im: [[9, 1], [3, 0]] }));
    expect(toComplexArray(H)).toEqual({ re: [[1, 3], [3, 3]], im: [[0, -1], [1, 0]] });
    expect(isSymmetric(matrix([[1, 2], [2 + 1e-13, 1]]))).toBe(true);
    expect(isSymmetric(matrix([[1, 2], [2.001, 1]]))).toBe(false);
    expect(isSymmetric(matrix([[1, 2], [2.001, 1]]), 1e-2)).toBe(true);
    expect(isSymmetric(matrix([[1, 2]]))).toBe(false);
    expect(isHermitian(cmatrix({ re: [[1, 2], [2, 1]], im: [[0, 1], [-1, 0]] }))).toBe(true);
    expect(isHermitian(cmatrix({ re: [[1, 2], [2, 1]], im: [[0, 1], [1, 0]] }))).toBe(false);
    expect(isHermitian(cmatrix({ re: [[1]], im: [[0.5]] }))).toBe(false);
  });
});

describe("realEmbedding (hand-computed)", () => {
  it("maps X + iY to [[X, −Y], [Y, X]], rectangular and real inputs included", () => {
    // A = [1 + 2i, 3 − 4i]: X = [1, 3], Y = [2, −4]
    const E = realEmbedding(cmatrix({ re: [[1, 3]], im: [[2, -4]] }));
    expect([E.rows, E.cols]).toEqual([2, 4]);
    expect(Array.from(E.data)).toEqual([1, 3, -2, 4, 2, -4, 1, 3]);
    const R = realEmbedding(matrix([[5, 6]]));
    expect(Array.from(R.data)).toEqual([5, 6, -0, -0, 0, 0, 5, 6]);
  });
});

describe("realMatrix", () => {
  it("copies rows or a Matrix and refuses complex, malformed and non-finite input by name", () => {
    const M = matrix([[1, 2], [3, 4]]);
    const C = realMatrix(M, "W");
    expect(C).toEqual(M);
    expect(C.data).not.toBe(M.data);
    expect(realMatrix([[5, 6]], "W").data).toEqual(new Float64Array([5, 6]));
    expect(qgeomError(() => realMatrix(cmatrix({ re: [[1]], im: [[1]] }) as never, "W"))).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/W must be a real matrix, got a complex 1×1/) });
    expect(qgeomError(() => realMatrix({ rows: 2, cols: 2, data: new Float64Array(3) }, "W"))).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/W is not a matrix/) });
    expect(qgeomError(() => realMatrix({ rows: 1, cols: 2, data: new Float64Array([1, NaN]) }, "W"))).toMatchObject({ code: "NOT_FINITE", message: expect.stringMatching(/W \(1×2\) has a non-finite entry NaN at \(0, 1\)/) });
    expect(qgeomError(() => realMatrix([[1, 2], [3]], "W"))).toMatchObject({ code: "SHAPE", message: expect.stringMatching(/W is ragged/) });
  });
});

