// Coordinate systems on Sym_p and Herm_p (MATH.md §1.3). Every Hessian, determinant of a Hessian or
// density in this module takes the system explicitly; the two are never mixed in one formula.
//   Sym_p, UT ("ut"):  u = vech(X) = (X11, X12, …, X1p, X22, …, Xpp), basis B_ii = E_ii, B_ij = E_ij + E_ji.
//   Sym_p, F  ("f"):   s = (X_ii; √2 X_ij), basis E_ii, (E_ij + E_ji)/√2 (Frobenius-orthonormal).
//   Herm_p, UT:        for i ≤ j row-major: X_ii, or (Re X_ij, Im X_ij), basis E_ij + E_ji and iE_ij − iE_ji.
//   Herm_p, "f":       the orthonormal version: off-diagonal coordinates × √2, basis elements / √2.
// Dimensions: N = p(p+1)/2 (real), p² (complex); ds = 2^{p(p−1)/4} du (real), 2^{p(p−1)/2} du (complex).
import { QgeomError } from "../core/index.js";
import { excerpt } from "../core/errors.js";
import { type CMatrix, type Matrix, isComplex } from "../linalg/index.js";

/** The real field (Sym_p) or the complex field (Herm_p). */
export type Field = "real" | "complex";
/** UT (upper-triangular, Lebesgue du) or F (Frobenius-orthonormal) coordinates. */
export type Coords = "ut" | "f";

/** One term c·E_ij of a basis element (c complex: re + i·im). */
export interface BasisTerm {
  /** Row index of E_ij (0-based). */
  readonly i: number;
  /** Column index of E_ij (0-based). */
  readonly j: number;
  /** Real part of the coefficient c: 1 (diagonal; off-diagonal in UT), 1/√2 (off-diagonal in F), 0 for an imaginary term. */
  readonly re: number;
  /** Imaginary part of the coefficient c (±1 or ±1/√2 for the Im-coordinates of Herm_p; 0 otherwise). */
  readonly im: number;
}

/** Checks the coordinate-system argument (required everywhere, MATH.md §1.3). */
export function checkCoords(coords: unknown): Coords {
  if (coords !== "ut" && coords !== "f")
    throw new QgeomError("INVALID_ARGUMENT", `coords must be "ut" (upper-triangular) or "f" (Frobenius-orthonormal), got ${excerpt(coords)}; MATH.md §1.3 fixes both and they are never mixed; pass "ut" or "f"`);
  return coords;
}

/** Checks the field argument. */
export function checkField(field: unknown): Field {
  if (field !== "real" && field !== "complex") throw new QgeomError("INVALID_ARGUMENT", `field must be "real" (Sym_p) or "complex" (Herm_p), got ${excerpt(field)}; pass "real" or "complex"`);
  return field;
}

/** Checks a matrix size p (1 ≤ p ≤ max). */
export function checkP(p: unknown, max = 64): number {
  if (!Number.isInteger(p) || (p as number) < 1 || (p as number) > max) throw new QgeomError("INVALID_ARGUMENT", `p must be an integer in 1..${max}, got ${excerpt(p)}; pass a whole number such as 2`);
  return p as number;
}

/** N = p(p+1)/2 (real) or p² (complex): the real dimension of Sym_p or Herm_p. */
export function coordinateDimension(p: number, field: Field): number {
  checkP(p);
  return checkField(field) === "real" ? (p * (p + 1)) / 2 : p * p;
}

/** The basis B_a of the coordinate system, as lists of terms c·E_ij (MATH.md §1.3). */
export function coordinateBasis(p: number, field: Field, coords: Coords): BasisTerm[][] {
  checkP(p);
  checkField(field);
  const s = checkCoords(coords) === "f" ? Math.SQRT1_2 : 1;
  const out: BasisTerm[][] = [];
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      if (i === j) out.push([{ i, j, re: 1, im: 0 }]);
      else {
        out.push([{ i, j, re: s, im: 0 }, { i: j, j: i, re: s, im: 0 }]);
        if (field === "complex") out.push([{ i, j, re: 0, im: s }, { i: j, j: i, re: 0, im: -s }]);
      }
    }
  return out;
}

/** Coordinates of a symmetric (Matrix) or Hermitian (CMatrix) X in the given system. */
export function toCoordinates(X: Matrix | CMatrix, coords: Coords): Float64Array {
  checkCoords(coords);
  const p = X.rows;
  const s = coords === "f" ? Math.SQRT2 : 1;
  const out: number[] = [];
  const complex = isComplex(X);
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const re = complex ? X.re[i * p + j]! : X.data[i * p + j]!;
      if (i === j) out.push(re);
      else {
        out.push(s * re);
        if (complex) out.push(s * X.im[i * p + j]!);
      }
    }
  return Float64Array.from(out);
}

/** The symmetric (real) or Hermitian (complex) p×p matrix with coordinates u. */
export function fromCoordinates(u: ArrayLike<number>, p: number, field: Field, coords: Coords): Matrix | CMatrix {
  const N = coordinateDimension(p, field);
  checkCoords(coords);
  if (u === null || typeof u !== "object" || u.length !== N) throw new QgeomError("SHAPE", `coordinates must have length ${N} for p = ${p} (${field}), got ${excerpt(u)}; pass vech-style coordinates of length ${N}`);
  const s = coords === "f" ? Math.SQRT1_2 : 1;
  const re = new Float64Array(p * p), im = new Float64Array(p * p);
  let k = 0;
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      if (i === j) re[i * p + i] = u[k++]!;
      else {
        re[i * p + j] = re[j * p + i] = s * u[k++]!;
        if (field === "complex") {
          im[i * p + j] = s * u[k]!;
          im[j * p + i] = -s * u[k++]!;
        }
      }
    }
  return field === "real" ? { rows: p, cols: p, data: re } : { rows: p, cols: p, re, im };
}

/** Applies a basis element to build its matrix (real part only for the real field). */
export function basisMatrix(terms: readonly BasisTerm[], p: number, field: Field): Matrix | CMatrix {
  const re = new Float64Array(p * p), im = new Float64Array(p * p);
  for (const t of terms) {
    re[t.i * p + t.j]! += t.re;
    im[t.i * p + t.j]! += t.im;
  }
  return field === "real" ? { rows: p, cols: p, data: re } : { rows: p, cols: p, re, im };
}
