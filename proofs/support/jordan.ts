// Exact invariants of Euclidean Jordan algebras for the paper-claim entries C3b-real and C4-jordan.
// An algebra is a real vector space ℝ^N with a product given on coordinates; matrix algebras
// Herm_r(𝔽) (𝔽 = ℝ, ℂ, ℍ) come from a basis of real symmetric rational matrices (ℂ and ℍ through
// their real left-regular representations) with X∘Y = ½(XY + YX), spin factors from
// (x₀, x)∘(y₀, y) = (x₀y₀ + x·y, x₀y + y₀x). In exact rational arithmetic we compute the dimension N,
// the rank r (degree of the minimal polynomial of a regular element: Jordan algebras are power
// associative) and the dimension of the centre {z : z∘(x∘y) = x∘(z∘y) ∀x, y} = {z : [L_z, L_x] = 0},
// which is the number of simple summands (the irreducible components of the symmetric cone).
import { Rational } from "../../src/core/index.js";

export type RMat = Rational[][];
export type RVec = Rational[];

const Z = Rational.ZERO, ONE = Rational.ONE, M1 = Rational.MINUS_ONE;

export function zeros(n: number, m = n): RMat {
  return Array.from({ length: n }, () => Array.from({ length: m }, () => Z));
}

export function mm(A: RMat, B: RMat): RMat {
  const n = A.length, k = B.length, m = B[0]!.length;
  const C = zeros(n, m);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < k; p++) {
      const a = A[i]![p]!;
      if (a.isZero()) continue;
      for (let j = 0; j < m; j++) {
        const b = B[p]![j]!;
        if (!b.isZero()) C[i]![j] = C[i]![j]!.add(a.mul(b));
      }
    }
  return C;
}

export function madd(A: RMat, B: RMat, s = ONE): RMat {
  return A.map((r, i) => r.map((x, j) => x.add(B[i]![j]!.mul(s))));
}

function transpose(A: RMat): RMat {
  return A[0]!.map((_, j) => A.map((r) => r[j]!));
}

/** Rank of a list of rational row vectors (Gaussian elimination, exact). */
export function rank(rows: readonly RVec[]): number {
  const M = rows.map((r) => r.slice());
  if (M.length === 0) return 0;
  const m = M[0]!.length;
  let r = 0;
  for (let c = 0; c < m && r < M.length; c++) {
    let p = -1;
    for (let i = r; i < M.length; i++)
      if (!M[i]![c]!.isZero()) {
        p = i;
        break;
      }
    if (p < 0) continue;
    [M[r], M[p]] = [M[p]!, M[r]!];
    const piv = M[r]![c]!;
    for (let i = 0; i < M.length; i++) {
      if (i === r || M[i]![c]!.isZero()) continue;
      const f = M[i]![c]!.div(piv);
      for (let j = c; j < m; j++) M[i]![j] = M[i]![j]!.sub(f.mul(M[r]![j]!));
    }
    r++;
  }
  return r;
}

/** A Jordan algebra on coordinates ℝ^N. */
export interface JordanAlgebra {
  readonly name: string;
  readonly N: number;
  mul(a: RVec, b: RVec): RVec;
  readonly unit: RVec;
  /** An element whose minimal polynomial has the maximal degree (the rank). */
  readonly regular: RVec;
  /** For matrix algebras: the basis matrices (checked for independence and closure). */
  readonly basis?: RMat[];
}

const e = (N: number, k: number): RVec => Array.from({ length: N }, (_, i) => (i === k ? ONE : Z));

/** Rank r: the number of independent powers e, x, x², … of the regular element. */
export function jordanRank(A: JordanAlgebra): number {
  const pows: RVec[] = [A.unit];
  let P = A.unit;
  for (;;) {
    P = A.mul(A.regular, P);
    if (rank([...pows, P]) < pows.length + 1) return pows.length;
    pows.push(P);
  }
}

/** The multiplication operators L_a (N×N, column c = e_a∘e_c). */
export function multiplicationOperators(A: JordanAlgebra): RMat[] {
  const N = A.N;
  return Array.from({ length: N }, (_, a) => {
    const L = zeros(N);
    for (let c = 0; c < N; c++) A.mul(e(N, a), e(N, c)).forEach((x, i) => (L[i]![c] = x));
    return L;
  });
}

/** dim of the centre {z : [L_z, L_b] = 0 for every basis vector b} (L is linear in z). */
export function centreDimension(A: JordanAlgebra): number {
  const L = multiplicationOperators(A);
  const cols = L.map((La) => L.flatMap((Lb) => madd(mm(La, Lb), mm(Lb, La), M1).flat()));
  return A.N - rank(cols);
}

/** For matrix algebras: the basis is independent (rank N) and closed under ∘ (each product in the span). */
export function checkMatrixAlgebra(A: JordanAlgebra): { independent: boolean; closed: boolean } {
  const B = A.basis;
  if (!B) return { independent: true, closed: true };
  const independent = rank(B.map((M) => M.flat())) === B.length;
  let closed = true;
  for (let a = 0; a < B.length && closed; a++)
    for (let b = a; b < B.length && closed; b++) {
      const P = jordanMat(B[a]!, B[b]!);
      const c = coordsOf(B, P);
      const back = B.reduce((acc, M, k) => madd(acc, M, c[k]!), zeros(P.length));
      closed = back.flat().every((x, k) => x.equals(P.flat()[k]!));
    }
  return { independent, closed };
}

function jordanMat(X: RMat, Y: RMat): RMat {
  return madd(mm(X, Y), mm(Y, X)).map((r) => r.map((x) => x.mul(Rational.HALF)));
}

/** Coordinates in a tr-orthogonal basis: c_k = tr(B_k Y)/tr(B_k B_k) (B_k symmetric). */
function coordsOf(B: RMat[], Y: RMat): RVec {
  const y = Y.flat();
  return B.map((M) => {
    const f = M.flat();
    return f.reduce((s, b, k) => s.add(b.mul(y[k]!)), Z).div(f.reduce((s, b) => s.add(b.mul(b)), Z));
  });
}

function matrixAlgebra(name: string, basis: RMat[], regularMatrix: RMat): JordanAlgebra {
  const n = basis[0]!.length;
  // sparse (index, value) lists of the basis matrices and their squared norms tr(B_k B_k)
  const sparse = basis.map((M) => M.flat().flatMap((x, k) => (x.isZero() ? [] : [[k, x] as const])));
  const norms = sparse.map((l) => l.reduce((acc, [, x]) => acc.add(x.mul(x)), Z));
  const coords = (Y: RMat): RVec => {
    const y = Y.flat();
    return sparse.map((l, k) => l.reduce((acc, [i, x]) => acc.add(x.mul(y[i]!)), Z).div(norms[k]!));
  };
  const toMat = (v: RVec): RMat => {
    const nz = v.flatMap((x, k) => (x.isZero() ? [] : [k]));
    if (nz.length === 1 && v[nz[0]!]!.isOne()) return basis[nz[0]!]!;
    return nz.reduce((acc, k) => madd(acc, basis[k]!, v[k]!), zeros(n));
  };
  const I = zeros(n).map((r, i) => r.map((_, j) => (i === j ? ONE : Z)));
  return {
    name,
    N: basis.length,
    basis,
    unit: coords(I),
    regular: coords(regularMatrix),
    mul: (a, b) => coords(jordanMat(toMat(a), toMat(b))),
  };
}

/** Left-regular real representations of the units of ℂ (2×2) and ℍ (4×4): 1, i (, j, k). */
const C_UNITS: RMat[] = [
  [[ONE, Z], [Z, ONE]],
  [[Z, M1], [ONE, Z]],
];
const H_UNITS: RMat[] = [
  [[ONE, Z, Z, Z], [Z, ONE, Z, Z], [Z, Z, ONE, Z], [Z, Z, Z, ONE]],
  [[Z, M1, Z, Z], [ONE, Z, Z, Z], [Z, Z, Z, M1], [Z, Z, ONE, Z]],
  [[Z, Z, M1, Z], [Z, Z, Z, ONE], [ONE, Z, Z, Z], [Z, M1, Z, Z]],
  [[Z, Z, Z, M1], [Z, Z, M1, Z], [Z, ONE, Z, Z], [ONE, Z, Z, Z]],
];

/** The (i, j) block of an r×r block matrix set to U. */
function blockUnit(r: number, i: number, j: number, U: RMat): RMat {
  const s = U.length;
  const M = zeros(r * s);
  for (let a = 0; a < s; a++) for (let b = 0; b < s; b++) M[i * s + a]![j * s + b] = U[a]![b]!;
  return M;
}

/**
 * Herm_r(𝔽) for 𝔽 = ℝ (d = 1), ℂ (d = 2), ℍ (d = 4) in the real representation: basis E_ii and
 * qE_ij + q̄E_ji (i < j) for the units q of 𝔽 (q̄ = qᵀ in the representation).
 */
export function hermitianAlgebra(r: number, d: 1 | 2 | 4): JordanAlgebra {
  const units: RMat[] = d === 1 ? [[[ONE]]] : d === 2 ? C_UNITS : H_UNITS;
  const s = units[0]!.length;
  const basis: RMat[] = [];
  for (let i = 0; i < r; i++) basis.push(blockUnit(r, i, i, units[0]!));
  for (let i = 0; i < r; i++) for (let j = i + 1; j < r; j++) for (const U of units) basis.push(madd(blockUnit(r, i, j, U), blockUnit(r, j, i, transpose(U))));
  const regular = zeros(r * s);
  for (let i = 0; i < r; i++) for (let a = 0; a < s; a++) regular[i * s + a]![i * s + a] = Rational.int(i + 1);
  return matrixAlgebra(`Herm_${r}(${d === 1 ? "R" : d === 2 ? "C" : "H"})`, basis, regular);
}

/** The spin factor ℝ ⊕ ℝ^k: (x₀, x)∘(y₀, y) = (x₀y₀ + x·y, x₀y + y₀x); its cone is the Lorentz cone of dimension k + 1. */
export function spinFactor(k: number): JordanAlgebra {
  const N = k + 1;
  return {
    name: `Spin(${N})`,
    N,
    unit: e(N, 0),
    regular: [ONE, ONE.div(Rational.int(2)), ...Array.from({ length: k - 1 }, () => Z)],
    mul: (a, b) => {
      let dot = a[0]!.mul(b[0]!);
      for (let i = 1; i < N; i++) dot = dot.add(a[i]!.mul(b[i]!));
      return [dot, ...Array.from({ length: k }, (_, i) => a[0]!.mul(b[i + 1]!).add(b[0]!.mul(a[i + 1]!)))];
    },
  };
}

/** Direct sum of algebras (coordinates concatenated; regular elements shifted apart). */
export function directSum(algs: readonly JordanAlgebra[]): JordanAlgebra {
  const offs: number[] = [];
  let N = 0;
  for (const a of algs) {
    offs.push(N);
    N += a.N;
  }
  const split = (v: RVec) => algs.map((a, k) => v.slice(offs[k]!, offs[k]! + a.N));
  const unit = algs.flatMap((a) => a.unit);
  // regular: x_k + 100 k e_k in the k-th summand, so that the spectra of different summands are disjoint
  const regular = algs.flatMap((a, k) => a.regular.map((x, i) => x.add(a.unit[i]!.mul(Rational.int(100 * k)))));
  return {
    name: algs.map((a) => a.name).join(" + "),
    N,
    unit,
    regular,
    mul: (a, b) => {
      const A = split(a), B = split(b);
      return algs.flatMap((alg, k) => alg.mul(A[k]!, B[k]!));
    },
  };
}

/** Partitions of p into positive parts, non-increasing. */
export function partitions(p: number, max = p): number[][] {
  if (p === 0) return [[]];
  const out: number[][] = [];
  for (let k = Math.min(p, max); k >= 1; k--) for (const rest of partitions(p - k, k)) out.push([k, ...rest]);
  return out;
}
