// Symbolic matrices of expressions. Determinants are fraction-free: entries become rational functions
// over the atoms, each row is brought to a polynomial row by its own common denominator, and Bareiss'
// elimination (exact polynomial divisions) gives det = det(N) / Π row denominators, then cancelled.
import { QgeomError } from "./errors.js";
import { type Expr, add, mul, num, sym, ONE, pow, MINUS_ONE } from "./build.js";
import { Algebra } from "./atoms.js";
import { Poly, withPolyLimits } from "./poly.js";
import { type DenFactor, RatFunc } from "./ratfunc.js";
import { simplify } from "./transforms.js";

/**
 * An immutable dense rows×cols matrix of T (by default symbolic expressions), stored row-major.
 * The constructor takes the rows; it throws SHAPE for an empty matrix or rows of different lengths.
 * Indices are 0-based.
 */
export class Matrix<T = Expr> {
  /** Number of rows (≥ 1). */
  readonly rows: number;
  /** Number of columns (≥ 1). */
  readonly cols: number;
  private readonly data: readonly T[];
  constructor(rows: readonly (readonly T[])[]) {
    if (rows.length === 0 || rows[0]!.length === 0) throw new QgeomError("SHAPE", `a matrix needs at least one row and one column; pass rows such as [[a, b], [c, d]]`);
    const c = rows[0]!.length;
    if (!rows.every((r) => r.length === c))
      throw new QgeomError("SHAPE", `rows have different lengths (${rows.map((r) => r.length).join(", ")}); pass rows of equal length`);
    this.rows = rows.length;
    this.cols = c;
    this.data = rows.flatMap((r) => [...r]);
  }
  /** Entry (i, j), 0-based; throws SHAPE outside the matrix. */
  get(i: number, j: number): T {
    if (i < 0 || j < 0 || i >= this.rows || j >= this.cols) throw new QgeomError("SHAPE", `index (${i}, ${j}) outside a ${this.rows}×${this.cols} matrix; use 0-based indices below the size`);
    return this.data[i * this.cols + j]!;
  }
  /** A fresh copy of the entries as an array of rows. */
  toArray(): T[][] {
    return Array.from({ length: this.rows }, (_, i) => this.data.slice(i * this.cols, (i + 1) * this.cols) as T[]);
  }
  /** The matrix of f(A_ij, i, j), same shape. */
  map<U>(f: (x: T, i: number, j: number) => U): Matrix<U> {
    return new Matrix(Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.get(i, j), i, j))));
  }
  /** True if rows = cols. */
  get isSquare(): boolean {
    return this.rows === this.cols;
  }
}

/** A matrix of symbolic expressions. */
export type SymbolicMatrix = Matrix<Expr>;

/** A matrix from rows of expressions or numbers. */
export function matrix(rows: readonly (readonly (Expr | number)[])[]): SymbolicMatrix {
  return new Matrix(rows.map((r) => r.map((x) => (typeof x === "number" ? num(x) : x))));
}

/** The n×n identity matrix I_n. */
export function identityMatrix(n: number): SymbolicMatrix {
  return matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))));
}

function requireSquare(A: SymbolicMatrix, what: string): void {
  if (!A.isSquare) throw new QgeomError("SHAPE", `${what} needs a square matrix, got ${A.rows}×${A.cols}; pass a square matrix`);
}

/** The transpose Aᵀ, (Aᵀ)_ij = A_ji (no conjugation). */
export function transpose<T>(A: Matrix<T>): Matrix<T> {
  return new Matrix(Array.from({ length: A.cols }, (_, j) => Array.from({ length: A.rows }, (_, i) => A.get(i, j))));
}

/** A + B entrywise; throws SHAPE unless the shapes agree. */
export function matAdd(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new QgeomError("SHAPE", `cannot add ${A.rows}×${A.cols} and ${B.rows}×${B.cols}`);
  return A.map((x, i, j) => add(x, B.get(i, j)));
}

/** c·A, every entry multiplied by the scalar expression c. */
export function matScale(A: SymbolicMatrix, c: Expr): SymbolicMatrix {
  return A.map((x) => mul(c, x));
}

/** The product AB, (AB)_ij = Σ_k A_ik B_kj; throws SHAPE unless A.cols = B.rows. */
export function matMul(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  if (A.cols !== B.rows) throw new QgeomError("SHAPE", `cannot multiply ${A.rows}×${A.cols} by ${B.rows}×${B.cols}; the inner sizes must match (check the order of the factors)`);
  return new Matrix(
    Array.from({ length: A.rows }, (_, i) =>
      Array.from({ length: B.cols }, (_, j) => add(...Array.from({ length: A.cols }, (_, k) => mul(A.get(i, k), B.get(k, j))))),
    ),
  );
}

/** tr A = Σ_i A_ii; throws SHAPE for a non-square A. */
export function trace(A: SymbolicMatrix): Expr {
  requireSquare(A, "trace");
  return add(...Array.from({ length: A.rows }, (_, i) => A.get(i, i)));
}

/** Kronecker product A ⊗ B. */
export function kron(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return new Matrix(
    Array.from({ length: A.rows * B.rows }, (_, r) =>
      Array.from({ length: A.cols * B.cols }, (_, c) =>
        mul(A.get(Math.floor(r / B.rows), Math.floor(c / B.cols)), B.get(r % B.rows, c % B.cols)),
      ),
    ),
  );
}

/** vech: the entries with i <= j in row-major order (MATH.md §1.3, UT coordinates). */
export function vech(A: SymbolicMatrix): Expr[] {
  requireSquare(A, "vech");
  const out: Expr[] = [];
  for (let i = 0; i < A.rows; i++) for (let j = i; j < A.cols; j++) out.push(A.get(i, j));
  return out;
}

/** The symmetric matrix with vech(X) = u. */
export function unvech(u: readonly Expr[]): SymbolicMatrix {
  const p = (Math.sqrt(8 * u.length + 1) - 1) / 2;
  if (!Number.isInteger(p)) throw new QgeomError("SHAPE", `vech needs p(p+1)/2 entries, got ${u.length}; pass exactly p(p+1)/2 entries (1, 3, 6, 10, …) for a p×p matrix`);
  const rows: Expr[][] = Array.from({ length: p }, () => new Array<Expr>(p));
  let k = 0;
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      rows[i]![j] = u[k]!;
      rows[j]![i] = u[k]!;
      k++;
    }
  return new Matrix(rows);
}

/**
 * The symmetric p×p matrix of symbols `name{i}{j}` (i <= j, 1-based; e.g. X11, X12, X22), or with
 * `names` given explicitly in vech order (e.g. ["a", "b", "c"] for [[a, b], [b, c]]).
 */
export function symmetricMatrixSymbols(name: string, p: number, names?: readonly string[]): SymbolicMatrix {
  if (!Number.isInteger(p) || p < 1) throw new QgeomError("INVALID_ARGUMENT", `dimension must be a positive integer, got ${p}; pass 1, 2, 3, …`);
  if (names) return unvech(names.map(sym));
  const sep = p >= 10 ? "_" : "";
  const u: Expr[] = [];
  for (let i = 1; i <= p; i++) for (let j = i; j <= p; j++) u.push(sym(`${name}${i}${sep}${j}`));
  return unvech(u);
}

/** A general rows×cols matrix of symbols name{i}{j}. */
export function matrixSymbols(name: string, rows: number, cols = rows): SymbolicMatrix {
  const sep = rows >= 10 || cols >= 10 ? "_" : "";
  return new Matrix(Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sym(`${name}${i + 1}${sep}${j + 1}`))));
}

/** Options of {@link det} and the functions built on it (minor, adjugate, cofactor, inverse). */
export interface DetOptions {
  /** Maximum polynomial terms in intermediate results (default 200 000). */
  maxTerms?: number;
}

/** Bareiss fraction-free determinant of a polynomial matrix. */
function bareiss(M: Poly[][], nvars: number): Poly {
  const n = M.length;
  let sign = 1;
  let prev = Poly.one(nvars);
  const A = M.map((r) => r.slice());
  for (let k = 0; k < n - 1; k++) {
    if (A[k]![k]!.isZero()) {
      let swap = -1;
      for (let i = k + 1; i < n; i++)
        if (!A[i]![k]!.isZero()) {
          swap = i;
          break;
        }
      if (swap < 0) return Poly.zero(nvars);
      [A[k], A[swap]] = [A[swap]!, A[k]!];
      sign = -sign;
    }
    const pivot = A[k]![k]!;
    for (let i = k + 1; i < n; i++)
      for (let j = k + 1; j < n; j++) {
        const t = A[i]![j]!.mul(pivot).sub(A[i]![k]!.mul(A[k]![j]!));
        const q = t.divExact(prev);
        if (q === null) throw new QgeomError("INTERNAL", `internal: Bareiss division was not exact; this is a bug in qgeom, please report it with the matrix`);
        A[i]![j] = q;
      }
    prev = pivot;
  }
  const d = A[n - 1]![n - 1]!;
  return sign < 0 ? d.neg() : d;
}

/** Determinant as a rational function over the atoms of the entries (exact, cancelled). */
export function detRatFunc(A: SymbolicMatrix, alg: Algebra = new Algebra(A.toArray().flat())): RatFunc {
  requireSquare(A, "det");
  const n = A.rows;
  const R = A.map((x) => alg.toRatFunc(x));
  const nv = alg.table.nvars;
  const rowsP: Poly[][] = [];
  const dens: DenFactor[] = [];
  for (let i = 0; i < n; i++) {
    // common denominator of row i
    const fac = new Map<string, DenFactor>();
    for (let j = 0; j < n; j++)
      for (const f of R.get(i, j).den) {
        const key = [...f.p.extend(nv).terms.entries()].map(([k, c]) => k + c).sort().join(";");
        const prev = fac.get(key);
        if (!prev || prev.k < f.k) fac.set(key, { p: f.p.extend(nv), k: f.k });
      }
    const rowDen = [...fac.values()];
    dens.push(...rowDen);
    const row: Poly[] = [];
    for (let j = 0; j < n; j++) {
      const e = R.get(i, j).extend(nv);
      let p = e.num;
      for (const f of rowDen) {
        const kin = e.den.find((g) => g.p.equals(f.p))?.k ?? 0;
        if (f.k > kin) p = p.mul(f.p.pow(f.k - kin));
      }
      row.push(p);
    }
    rowsP.push(row);
  }
  const d = bareiss(rowsP, nv);
  return RatFunc.fromParts(d, dens);
}

/** det A in closed form: a cancelled rational function over the atoms, as an expression. */
export function det(A: SymbolicMatrix, options: DetOptions = {}): Expr {
  requireSquare(A, "det");
  if (A.rows === 1) return A.get(0, 0);
  return withPolyLimits({ maxTerms: options.maxTerms ?? 200_000 }, () => {
    const alg = new Algebra(A.toArray().flat());
    return alg.toExpr(detRatFunc(A, alg).reduce());
  });
}

/** The (i, j) minor: det of A without row i and column j. */
export function minor(A: SymbolicMatrix, i: number, j: number, options: DetOptions = {}): Expr {
  const rows = A.toArray()
    .filter((_, r) => r !== i)
    .map((r) => r.filter((_, c) => c !== j));
  return det(new Matrix(rows), options);
}

/** Adjugate adj(A) = cof(A)ᵀ; for symmetric A, cof A = adj A = det(A) A⁻¹ (MATH.md §3.5). */
export function adjugate(A: SymbolicMatrix, options: DetOptions = {}): SymbolicMatrix {
  requireSquare(A, "adjugate");
  const n = A.rows;
  if (n === 1) return matrix([[1]]);
  return new Matrix(
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => mul((i + j) % 2 === 0 ? ONE : MINUS_ONE, minor(A, j, i, options)))),
  );
}

/** Cofactor matrix cof(A) (the transpose of the adjugate). */
export function cofactor(A: SymbolicMatrix, options: DetOptions = {}): SymbolicMatrix {
  return transpose(adjugate(A, options));
}

/** A⁻¹ = adj(A) / det(A), each entry simplified; throws SINGULAR if det A is identically zero. */
export function inverse(A: SymbolicMatrix, options: DetOptions = {}): SymbolicMatrix {
  requireSquare(A, "inverse");
  const d = det(A, options);
  if (d.kind === "num" && d.value.isZero()) throw new QgeomError("SINGULAR", `the matrix is singular (its determinant is identically zero); check the matrix for dependent rows, or use adjugate(), which needs no inverse`);
  const inv = pow(d, MINUS_ONE);
  return adjugate(A, options).map((x) => simplify(mul(x, inv), { maxTerms: options.maxTerms }));
}

/** Applies `simplify` to every entry. */
export function simplifyMatrix(A: SymbolicMatrix): SymbolicMatrix {
  return A.map((x) => simplify(x));
}

