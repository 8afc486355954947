// Congruence on the cones (MATH.md §1.3, §5.2, §5.5): L_A: X ↦ AXAᵀ on Sym_p, X ↦ AXA* on Herm_p.
//   det L_A = (det A)^{p+1} (Sym_p), |det A|^{2p} (Herm_p), the same in UT and F coordinates;
//   log φ(AXA*) = log φ(X) − (N/r)·2 log|det A|  (−(p+1) log|det A| real, −2p log|det A| complex);
//   det D²(log φ ∘ L_A)(X) = (det L_A)² c φ(AXA*)² = c φ(X)², so the Monge–Ampère constant is preserved.
import { QgeomError } from "../core/index.js";
import { type CMatrix, type Matrix, cmatmul, conjTranspose, det, hermitianPart, isComplex, matmul, realEmbedding, realPart, symmetrize, transpose } from "../linalg/index.js";
import { type Coords, type Field, basisMatrix, checkCoords, coordinateBasis, toCoordinates } from "./coords.js";
import { kvExponent, logKoszulVinberg } from "./kv.js";

function square(A: Matrix | CMatrix, name: string): void {
  if (A === null || typeof A !== "object" || A.rows !== A.cols || A.rows < 1) throw new QgeomError("SHAPE", `${name} must be a square matrix, got ${A.rows}×${A.cols}; pass a p×p matrix`);
}

/** AXAᵀ (real A and X) or AXA* (otherwise; the result is Hermitian). */
export function congruence(X: Matrix | CMatrix, A: Matrix | CMatrix): Matrix | CMatrix {
  square(X, "X");
  square(A, "A");
  if (A.rows !== X.rows) throw new QgeomError("SHAPE", `A is ${A.rows}×${A.cols} but X is ${X.rows}×${X.cols}; pass an A of the same size as X`);
  if (!isComplex(X) && !isComplex(A)) {
    return symmetrize(matmul(matmul(A, X), transpose(A)));
  }
  const Ac: CMatrix = isComplex(A) ? A : { rows: A.rows, cols: A.cols, re: A.data, im: new Float64Array(A.data.length) };
  return hermitianPart(cmatmul(cmatmul(Ac, X), conjTranspose(Ac)));
}

/** log |det A| for real or complex square A (complex via the real embedding: det = |det A|²). */
export function logAbsDet(A: Matrix | CMatrix): number {
  square(A, "A");
  if (!isComplex(A)) return Math.log(Math.abs(det(A, "A")));
  return 0.5 * Math.log(Math.abs(det(realEmbedding(A), "A (real embedding)")));
}

/** The matrix of L_A in coordinates (column b = coordinates of L_A(B_b)), its determinant and the prediction. */
export interface CongruenceJacobian {
  /** The N×N Jacobian of L_A in the chosen coordinates, row-major; column b holds the coordinates of L_A(B_b). */
  readonly matrix: Matrix;
  /** det of `matrix`, computed numerically (LU). */
  readonly det: number;
  /** (det A)^{p+1} on Sym_p (real A), |det A|^{2p} on Herm_p. */
  readonly predicted: number;
}

/**
 * The Jacobian of L_A on Sym_p (real A, `field` "real") or Herm_p (`field` "complex"; A real or complex) in
 * the given coordinates (MATH.md §1.3): det = (det A)^{p+1} resp. |det A|^{2p}, in both coordinate systems.
 */
export function congruenceJacobian(A: Matrix | CMatrix, field: Field, coords: Coords): CongruenceJacobian {
  square(A, "A");
  checkCoords(coords);
  if (field === "real" && isComplex(A)) throw new QgeomError("INVALID_ARGUMENT", "a complex A does not act on Sym_p; use field \"complex\" (Herm_p)");
  const p = A.rows;
  const basis = coordinateBasis(p, field, coords);
  const N = basis.length;
  const J = new Float64Array(N * N);
  basis.forEach((b, col) => {
    const img = congruence(basisMatrix(b, p, field), A);
    const u = toCoordinates(field === "real" && isComplex(img) ? realPart(img) : img, coords);
    for (let row = 0; row < N; row++) J[row * N + col] = u[row]!;
  });
  const M = { rows: N, cols: N, data: J };
  const detJ = det(M, "Jacobian");
  const predicted = field === "real" ? det(A as Matrix, "A") ** (p + 1) : Math.exp(2 * p * logAbsDet(A));
  return { matrix: M, det: detJ, predicted };
}

/** Both sides of the Koszul–Vinberg equivariance log φ(AXA*) = log φ(X) − (N/r)·2 log|det A| (MATH.md §5.2, §5.5). */
export function kvEquivariance(
  X: Matrix | CMatrix,
  A: Matrix | CMatrix,
  coords: Coords,
): {
  /** log φ(AXA*), evaluated directly. */
  lhs: number;
  /** log φ(X) − (N/r)·2 log|det A|. */
  rhs: number;
} {
  const field: Field = isComplex(X) ? "complex" : "real";
  if (field === "real" && isComplex(A)) throw new QgeomError("INVALID_ARGUMENT", "for real X pass a real A (congruence of Sym_p)");
  const lhs = logKoszulVinberg(congruence(X, A), coords);
  const rhs = logKoszulVinberg(X, coords) - 2 * kvExponent(X.rows, field) * logAbsDet(A);
  return { lhs, rhs };
}
