// Shared scaffolding of the modular-theory proofs (V17–V21, C3b, C4): exact symbolic states with a
// rational parametrisation of their eigenbasis, complex matrix symbols, the rewrite of cos/sin into
// exponentials, entrywise certificates for matrix identities, and the seeded random inputs of MATH.md §9.
//
// Exactness: a density matrix ρ = U diag(e^{ℓ_1}, …, e^{ℓ_n}) U* with symbols ℓ_k (so every ρ ≻ 0 is
// covered, tr ρ = 1 being one more constraint the identities do not need) has powers
// ρ^z = U diag(e^{zℓ_k}) U* that the core's atoms handle exactly (exponentials of linear forms). The
// eigenbasis U is unitary as rational functions: c = (1 − u²)/(1 + u²), s = 2u/(1 + u²) and the phase
// e^{iφ} (its conjugate e^{−iφ} is its inverse), so U U* = I holds exactly and no relation
// cos² + sin² = 1, unknown to the atom system, is needed.
import {
  type Certificate,
  type Expr,
  I,
  Matrix,
  ONE,
  type SymbolicMatrix,
  type VerifyOptions,
  ZERO,
  add,
  div,
  exp,
  fn,
  matMul,
  mul,
  neg,
  num,
  postOrder,
  pow,
  sub,
  subs,
  sym,
  trace,
  verify,
} from "../../src/core/index.js";
import { type CMatrix, type Matrix as NumMatrix, cmatmul, conjTranspose, eigvalsh, transpose as ntranspose, matmul } from "../../src/linalg/index.js";
import { conjTransposeExpr } from "../../src/modular/index.js";
import type { StepCertificate } from "../../src/proofs/index.js";
import { type Rng, complexNormalMatrix, normalMatrix } from "../../src/random/index.js";

// ---------------------------------------------------------------------------------------------
// symbolic matrices

export function diagE(d: readonly Expr[]): SymbolicMatrix {
  return new Matrix(d.map((x, i) => d.map((_, j) => (i === j ? x : ZERO))));
}

export function identityE(n: number): SymbolicMatrix {
  return diagE(Array.from({ length: n }, () => ONE));
}

export function addE(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return A.map((x, i, j) => add(x, B.get(i, j)));
}

export function subE(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return A.map((x, i, j) => sub(x, B.get(i, j)));
}

export function scaleE(A: SymbolicMatrix, c: Expr): SymbolicMatrix {
  return A.map((x) => mul(c, x));
}

export function mulE(...Ms: SymbolicMatrix[]): SymbolicMatrix {
  return Ms.reduce((a, b) => matMul(a, b));
}

export const star = conjTransposeExpr;

/** ⟨X, Y⟩ = tr(X* Y) (MATH §1.1: linear in the second argument). */
export function hs(X: SymbolicMatrix, Y: SymbolicMatrix): Expr {
  return trace(matMul(star(X), Y));
}

/** The plain transpose. */
export function transposeE(A: SymbolicMatrix): SymbolicMatrix {
  return new Matrix(Array.from({ length: A.cols }, (_, j) => Array.from({ length: A.rows }, (_, i) => A.get(i, j))));
}

/** The matrix unit E_ab (n×n). */
export function unitE(n: number, a: number, b: number): SymbolicMatrix {
  return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === a && j === b ? ONE : ZERO))));
}

/** General complex n×n matrix X = A + iB with real symbols `${name}${i}${j}` and `${name}${i}${j}i` (1-based). */
export function complexSymbols(name: string, n: number): SymbolicMatrix {
  return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => add(sym(`${name}${i + 1}${j + 1}`), mul(I, sym(`${name}${i + 1}${j + 1}i`))))));
}

/** Hermitian n×n matrix of real symbols: diagonal `${name}${i}${i}`, off-diagonal `${name}${i}${j}` ± i `${name}${i}${j}i`. */
export function hermitianSymbols(name: string, n: number): SymbolicMatrix {
  return new Matrix(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        if (i === j) return sym(`${name}${i + 1}${i + 1}`);
        const [a, b] = i < j ? [i, j] : [j, i];
        const re = sym(`${name}${a + 1}${b + 1}`), im = mul(I, sym(`${name}${a + 1}${b + 1}i`));
        return i < j ? add(re, im) : sub(re, im);
      }),
    ),
  );
}

/** The imaginary-part symbols `${name}${i}${j}i` of {@link complexSymbols}. */
export function imagSymbols(name: string, n: number): SymbolicMatrix {
  return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => sym(`${name}${i + 1}${j + 1}i`))));
}

/** Real n×n matrix of symbols `${name}${i}${j}`. */
export function realSymbols(name: string, n: number): SymbolicMatrix {
  return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => sym(`${name}${i + 1}${j + 1}`))));
}

/** (c, s) = ((1 − u²)/(1 + u²), 2u/(1 + u²)): c² + s² = 1 as rational functions. */
export function rationalCosSin(u: Expr): [Expr, Expr] {
  const d = add(ONE, pow(u, num(2)));
  return [div(sub(ONE, pow(u, num(2))), d), div(mul(num(2), u), d)];
}

/** The 2×2 unitary [[c, −s e^{−iφ}], [s e^{iφ}, c]] embedded in rows/columns (a, b) of an n×n identity. */
export function givens(n: number, a: number, b: number, u: Expr, phi: Expr): SymbolicMatrix {
  const [c, s] = rationalCosSin(u);
  const e = exp(mul(I, phi)), eb = exp(neg(mul(I, phi)));
  return new Matrix(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        if (i === a && j === a) return c;
        if (i === b && j === b) return c;
        if (i === a && j === b) return neg(mul(s, eb));
        if (i === b && j === a) return mul(s, e);
        return i === j ? ONE : ZERO;
      }),
    ),
  );
}

/**
 * A symbolic unitary eigenbasis: for n = 2 every eigenbasis up to column phases (u ∈ ℝ, φ ∈ ℝ);
 * for n = 3 the product of Givens rotations in the planes (1,2), (2,3) (and (1,2) again with `full`).
 */
export function unitaryBasis(n: 2 | 3, tag = "", full = false): SymbolicMatrix {
  const u = (k: number) => sym(`u${tag}${k}`), f = (k: number) => sym(`phi${tag}${k}`);
  if (n === 2) return givens(2, 0, 1, sym(`u${tag}`), sym(`phi${tag}`));
  const G = matMul(givens(3, 0, 1, u(1), f(1)), givens(3, 1, 2, u(2), f(2)));
  return full ? matMul(G, givens(3, 0, 1, u(3), f(3))) : G;
}

/** A symbolic faithful state ρ = U diag(e^{ℓ_k}) U* and its powers ρ^z = U diag(e^{zℓ_k}) U*. */
export interface SymbolicState {
  readonly n: number;
  readonly U: SymbolicMatrix;
  /** ℓ_k = log p_k (symbols). */
  readonly logs: Expr[];
  /** p_k = e^{ℓ_k}. */
  readonly eigenvalues: Expr[];
  readonly rho: SymbolicMatrix;
  /** ρ^z for an Expr z (complex allowed: ρ^{it} = power(i t)). */
  power(z: Expr): SymbolicMatrix;
}

export function symbolicState(U: SymbolicMatrix, logNames: readonly string[]): SymbolicState {
  const logs = logNames.map((x) => sym(x));
  const power = (z: Expr) => mulE(U, diagE(logs.map((l) => exp(mul(z, l)))), star(U));
  return { n: U.rows, U, logs, eigenvalues: logs.map((l) => exp(l)), rho: power(ONE), power };
}

/** cos(u) ↦ (e^{iu} + e^{−iu})/2 and sin(u) ↦ (e^{iu} − e^{−iu})/(2i) everywhere in e (outermost occurrences). */
export function trigToExp(e: Expr): Expr {
  const table = new Map<Expr, Expr>();
  for (const x of postOrder([e])) {
    if (x.kind !== "fn" || x.dorders !== null || (x.name !== "cos" && x.name !== "sin")) continue;
    table.set(x, eulerForm(x.name, x.args[0]!));
  }
  return table.size === 0 ? e : subs(e, table);
}

export function eulerForm(name: "cos" | "sin", u: Expr): Expr {
  const ep = exp(mul(I, u)), em = exp(neg(mul(I, u)));
  return name === "cos" ? mul(num("1/2"), add(ep, em)) : div(sub(ep, em), mul(num(2), I));
}

export function trigToExpMatrix(A: SymbolicMatrix): SymbolicMatrix {
  return A.map(trigToExp);
}

export const cosE = (x: Expr) => fn("cos", x);
export const sinE = (x: Expr) => fn("sin", x);

// ---------------------------------------------------------------------------------------------
// certificates

function stepOf(c: Certificate, label: string): StepCertificate {
  switch (c.verdict) {
    case "proved":
      return c.method === "exact" ? { kind: "proved/exact", detail: c.detail } : { kind: "proved/probabilistic", errorBound: c.errorBound, detail: c.detail };
    case "checked":
      return { kind: "checked/numeric", error: c.maxRelError, tolerance: c.tolerance, detail: c.detail };
    case "refuted":
      return { kind: "refuted", detail: `${label}: ${c.detail}`, point: c.counterexample.point, values: { lhs: c.counterexample.lhs, rhs: c.counterexample.rhs } };
    case "unknown":
      return { kind: "unknown", detail: `${label}: ${c.reason}` };
  }
}

/** verify with the exact method first (within a budget), then the default strategy. */
export function decide(lhs: Expr, rhs: Expr, options: VerifyOptions = {}): Certificate {
  if (options.method === undefined) {
    const c = verify(lhs, rhs, { ...options, method: "exact", exactTimeMs: options.exactTimeMs ?? 20_000 });
    if (c.verdict === "proved") return c;
  }
  return verify(lhs, rhs, options);
}

/**
 * All identities lhs_k = rhs_k, each decided by the core; the weakest certificate is the step's
 * (probabilistic error bounds add up: a union bound).
 */
export function verifyAll(pairs: ReadonlyArray<readonly [Expr, Expr, string?]>, options: VerifyOptions = {}, what = "identities"): StepCertificate {
  let exact = 0, prob = 0, bound = 0, numeric = 0, worst = 0, tol = 0;
  pairs.forEach(([l, r, label], k) => {
    const c = stepOf(decide(l, r, options), label ?? `identity ${k + 1}`);
    if (c.kind === "refuted" || c.kind === "unknown") throw new StepFailure(c);
    if (c.kind === "proved/exact") exact++;
    else if (c.kind === "proved/probabilistic") {
      prob++;
      bound += c.errorBound;
    } else if (c.kind === "checked/numeric") {
      numeric++;
      worst = Math.max(worst, c.error);
      tol = Math.max(tol, c.tolerance);
    }
  });
  const n = pairs.length;
  if (numeric > 0) return { kind: "checked/numeric", error: worst, tolerance: tol, detail: `${n} ${what}: ${exact} exact, ${prob} probabilistic, ${numeric} numeric (worst relative error ${worst.toExponential(2)})` };
  if (prob > 0) return { kind: "proved/probabilistic", errorBound: Math.min(1, bound), detail: `${n} ${what}: ${exact} exact, ${prob} probabilistic (union bound on the error probability)` };
  return { kind: "proved/exact", detail: `${n} ${what}, each the zero rational function over the atoms` };
}

/** Thrown inside verifyAll to report the first failing identity as the step's certificate. */
export class StepFailure extends Error {
  constructor(readonly certificate: StepCertificate) {
    super(certificate.detail);
  }
}

/** Entrywise A = B. */
export function matrixPairs(A: SymbolicMatrix, B: SymbolicMatrix, label = "entry"): Array<[Expr, Expr, string]> {
  const out: Array<[Expr, Expr, string]> = [];
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out.push([A.get(i, j), B.get(i, j), `${label} (${i + 1},${j + 1})`]);
  return out;
}

/** A step body: the certificate of a list of identities, or the first failing one. */
export function certify(build: () => ReadonlyArray<readonly [Expr, Expr, string?]>, options: VerifyOptions = {}, what?: string): () => StepCertificate {
  return () => {
    try {
      return verifyAll(build(), options, what);
    } catch (e) {
      if (e instanceof StepFailure) return e.certificate;
      throw e;
    }
  };
}

/** A numeric step certificate: the worst error against its tolerance. */
export function numericCertificate(worst: number, tol: number, detail: string): StepCertificate {
  return worst <= tol
    ? { kind: "checked/numeric", error: worst, tolerance: tol, detail: `${detail}: worst ${worst.toExponential(2)} <= ${tol}` }
    : { kind: "refuted", detail: `${detail}: worst ${worst.toExponential(3)} > ${tol}` };
}

// ---------------------------------------------------------------------------------------------
// numeric inputs (MATH §9 defaults)

/** A A^* / tr(A A^*) mixed with δI/n (δ ∈ [0.05, 0.3]) so that λ_min ≥ 1e-3; complex unless `real`. */
export function randomDensity(rng: Rng, n: number, real = false): NumMatrix | CMatrix {
  const delta = 0.05 + 0.25 * rng.random();
  if (real) {
    const A = normalMatrix(rng, n, n);
    const P = matmul(A, ntranspose(A));
    let tr = 0;
    for (let i = 0; i < n; i++) tr += P.data[i * n + i]!;
    const data = P.data.map((x, k) => ((1 - delta) * x) / tr + (k % (n + 1) === 0 ? delta / n : 0));
    return { rows: n, cols: n, data };
  }
  const A = complexNormalMatrix(rng, n, n);
  const P = cmatmul(A, conjTranspose(A));
  let tr = 0;
  for (let i = 0; i < n; i++) tr += P.re[i * n + i]!;
  const re = P.re.map((x, k) => ((1 - delta) * x) / tr + (k % (n + 1) === 0 ? delta / n : 0));
  const im = P.im.map((x) => ((1 - delta) * x) / tr);
  // exact Hermitian symmetry
  for (let i = 0; i < n; i++) {
    im[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      re[j * n + i] = re[i * n + j]!;
      im[j * n + i] = -im[i * n + j]!;
    }
  }
  return { rows: n, cols: n, re, im };
}

/** B B* with B an n×k complex Gaussian matrix (rank min(n, k)); real with `real`. */
export function randomPsd(rng: Rng, n: number, k = n, real = false): NumMatrix | CMatrix {
  if (real) {
    const B = normalMatrix(rng, n, k);
    const P = matmul(B, ntranspose(B));
    return symmetrizeExact(P);
  }
  const B = complexNormalMatrix(rng, n, k);
  return hermitizeExact(cmatmul(B, conjTranspose(B)));
}

/** (A + A*)/2 for a Gaussian A. */
export function randomHermitian(rng: Rng, n: number, real = false): NumMatrix | CMatrix {
  if (real) return symmetrizeExact(normalMatrix(rng, n, n));
  return hermitizeExact(complexNormalMatrix(rng, n, n));
}

export function symmetrizeExact(A: NumMatrix): NumMatrix {
  const n = A.rows;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = 0.5 * (A.data[i * n + j]! + A.data[j * n + i]!);
  return { rows: n, cols: n, data };
}

export function hermitizeExact(A: CMatrix): CMatrix {
  const n = A.rows;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      re[i * n + j] = 0.5 * (A.re[i * n + j]! + A.re[j * n + i]!);
      im[i * n + j] = 0.5 * (A.im[i * n + j]! - A.im[j * n + i]!);
    }
  return { rows: n, cols: n, re, im };
}

/** A real matrix as a complex one (complex ones pass through). */
export function asComplex(A: NumMatrix | CMatrix): CMatrix {
  if ("re" in A) return A;
  return { rows: A.rows, cols: A.cols, re: A.data.slice(), im: new Float64Array(A.data.length) };
}

/** Smallest eigenvalue of a Hermitian (or real symmetric) matrix. */
export function lambdaMin(A: NumMatrix | CMatrix): number {
  return eigvalsh(A)[0]!;
}

/** ‖A − A*‖_F / ‖A‖_F. */
export function hermitianDefect(A: CMatrix): number {
  const n = A.rows;
  let d = 0, s = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      d += (A.re[i * n + j]! - A.re[j * n + i]!) ** 2 + (A.im[i * n + j]! + A.im[j * n + i]!) ** 2;
      s += A.re[i * n + j]! ** 2 + A.im[i * n + j]! ** 2;
    }
  return Math.sqrt(d) / (Math.sqrt(s) || 1);
}

/** ‖A − B‖_F / max(1, ‖B‖_F) for complex or real matrices. */
export function relDiff(A: NumMatrix | CMatrix, B: NumMatrix | CMatrix): number {
  const a = "re" in A ? A : { re: A.data, im: new Float64Array(A.data.length) };
  const b = "re" in B ? B : { re: B.data, im: new Float64Array(B.data.length) };
  let d = 0, s = 0;
  for (let k = 0; k < a.re.length; k++) {
    d += (a.re[k]! - b.re[k]!) ** 2 + (a.im[k]! - b.im[k]!) ** 2;
    s += b.re[k]! ** 2 + b.im[k]! ** 2;
  }
  return Math.sqrt(d) / Math.max(1, Math.sqrt(s));
}

// ---------------------------------------------------------------------------------------------
// qubit closed forms (MATH §6.9): the module writes them with atanh r, log((1 − r²)/4), ((1 − r²)/4)^z,
// cos and sin; the spectral calculus writes them with log p_± (p_± = (1 ± r)/2). Three lemmas connect
// the two exactly (each proved as a step of the proof that uses them):
//   (T) tanh(½(log a − log b)) = (a − b)/(a + b) for a, b > 0; with a = p_+, b = p_−: = r, so by
//       injectivity of tanh on ℝ, atanh r = ½(log p_+ − log p_−);
//   (L) log(ab) = log a + log b and log(a/b) = log a − log b for a, b > 0; (1 − r²)/4 = p_+ p_−;
//   (E) cos u = (e^{iu} + e^{−iu})/2, sin u = (e^{iu} − e^{−iu})/(2i) (both pairs solve c' = −s, s' = c, c(0) = 1, s(0) = 0).

/** The eigenvalues p_± = (1 ± r)/2 of (I + r·σ)/2 for a norm expression r. */
export function qubitEigen(r: Expr): { plus: Expr; minus: Expr } {
  return { plus: div(add(ONE, r), num(2)), minus: div(sub(ONE, r), num(2)) };
}

/** (1 − r²)/4 as the module builds it. */
export function qubitQ(r: Expr): Expr {
  return div(sub(ONE, pow(r, num(2))), num(4));
}

/**
 * Rewrites the module's qubit closed forms into the spectral atoms log p_± of each norm r_k in
 * `norms` (lemmas T, L, E above): atanh r_k, log((1 − r_k²)/4), ((1 − r_k²)/4)^z,
 * log((1 − r_j²)/(1 − r_k²)), cos and sin.
 */
export function qubitRewriter(norms: readonly Expr[]): (e: Expr) => Expr {
  const logs = norms.map((r) => {
    const { plus, minus } = qubitEigen(r);
    return { r, q: qubitQ(r), one: sub(ONE, pow(r, num(2))), La: fn("log", plus), Lb: fn("log", minus) };
  });
  return (e0: Expr): Expr => {
    const e = trigToExp(e0);
    const table = new Map<Expr, Expr>();
    for (const x of postOrder([e])) {
      if (x.kind === "fn" && x.dorders === null && x.name === "atanh") {
        const k = logs.find((l) => l.r === x.args[0]);
        if (k) table.set(x, mul(num("1/2"), sub(k.La, k.Lb)));
      } else if (x.kind === "fn" && x.dorders === null && x.name === "log") {
        const u = x.args[0]!;
        const k = logs.find((l) => l.q === u);
        if (k) table.set(x, add(k.La, k.Lb));
        for (const j of logs)
          for (const k2 of logs)
            if (j !== k2 && u === div(j.one, k2.one)) table.set(x, sub(add(j.La, j.Lb), add(k2.La, k2.Lb)));
      } else if (x.kind === "pow") {
        const k = logs.find((l) => l.q === x.base);
        if (k && x.exp.kind !== "num") table.set(x, exp(mul(x.exp, add(k.La, k.Lb))));
      }
    }
    return table.size === 0 ? e : subs(e, table);
  };
}

/** The spectral projectors P_± = (I ± (r·σ)/r)/2 of a qubit with Bloch vector r (Exprs) and norm expression rn. */
export function qubitProjectors(r: readonly [Expr, Expr, Expr], rn: Expr): { plus: SymbolicMatrix; minus: SymbolicMatrix; pauli: SymbolicMatrix } {
  const [x, y, z] = r;
  const pauli = new Matrix<Expr>([
    [z, sub(x, mul(I, y))],
    [add(x, mul(I, y)), neg(z)],
  ]);
  // 1/r written as r/r² so that the radical stays in the numerator (where its relation is reduced)
  const u = scaleE(pauli, div(rn, pow(rn, num(2))));
  const half = num("1/2");
  return { plus: scaleE(addE(identityE(2), u), half), minus: scaleE(subE(identityE(2), u), half), pauli };
}
