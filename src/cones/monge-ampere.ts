// The Monge–Ampère identity of the cone (MATH.md §5.4): F = log φ satisfies
//   det D² log φ(X) = c φ(X)²,  i.e.  log det D²F = 2F + log c,
// with c depending on the coordinates (which fix both the Hessian and the measure inside φ), N = dim:
//   Sym_p UT:  c = ((p+1)/2)^N 2^{p(p−1)/2} Γ_p((p+1)/2)^{−2}     Sym_p F:  ((p+1)/2)^N 2^{−p(p−1)/2} Γ_p((p+1)/2)^{−2}
//   Herm_p UT: c = p^{p²} 2^{p(p−1)} Γ̃_p(p)^{−2}                  Herm_p F: p^{p²} 2^{−p(p−1)} Γ̃_p(p)^{−2}
// Wishart log-partition ψ_n(Θ) = −(n/2) log det Θ: det D²_u ψ_n = (n/2)^N 2^{p(p−1)/2} e^{κψ_n}, κ = 2(p+1)/n.
import {
  type Certificate,
  type Expr,
  Matrix as SMatrix,
  QgeomError,
  Rational,
  add,
  det,
  div,
  evaluate,
  exp,
  freeSymbols,
  hessian,
  log,
  matrix,
  mul,
  num,
  pow,
  simplify,
  sqrt,
  sub,
  sym,
  verify,
} from "../core/index.js";
import { type CMatrix, type Matrix, cholesky, isComplex } from "../linalg/index.js";
import { Rng } from "../random/index.js";
import { type Coords, type Field, checkCoords, checkField, checkP, coordinateBasis, coordinateDimension, fromCoordinates, toCoordinates } from "./coords.js";
import { fdHessian } from "./fd-hessian.js";
import { kvConstantExpr, kvExponent, kvLogConstant, logKoszulVinberg, pdInfo } from "./kv.js";
import { hessianNegLogDet } from "./metric.js";

/** log c of MATH.md §5.4 for the given cone and coordinates. */
export function maLogConstant(p: number, field: Field, coords: Coords): number {
  const N = coordinateDimension(p, field);
  checkCoords(coords);
  const k = kvExponent(p, field);
  const shift = field === "real" ? (p * (p - 1)) / 2 : p * (p - 1);
  const logC = kvLogConstant(p, field, "ut");
  return N * Math.log(k) + (coords === "ut" ? shift : -shift) * Math.LN2 - 2 * logC;
}

/** The constant c of MATH.md §5.4: exact Expr (e.g. 27/π² for Sym_2 in UT) and its value. */
export function maConstant(
  p: number,
  field: Field,
  coords: Coords,
): {
  /** c as an exact Expr (rational multiple of a power of π). */
  expr: Expr;
  /** c as a float: the Expr evaluated, or exp(maLogConstant) when that evaluation is not finite and positive (overflow, underflow). */
  value: number;
} {
  const N = coordinateDimension(p, field);
  checkCoords(coords);
  const k = field === "real" ? num(`${p + 1}/2`) : num(p);
  const shift = field === "real" ? (p * (p - 1)) / 2 : p * (p - 1);
  const C = kvConstantExpr(p, field, "ut");
  const expr = simplify(mul(pow(k, num(N)), pow(num(2), num(coords === "ut" ? shift : -shift)), pow(C, num(-2))));
  const direct = evaluate(expr);
  return { expr, value: Number.isFinite(direct) && direct > 0 ? direct : Math.exp(maLogConstant(p, field, coords)) };
}

// ---------------------------------------------------------------------------------------------
// Symbolic derivation

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  for (const q of permutations(n - 1))
    for (let k = 0; k < n; k++) {
      const r = [...q];
      r.splice(k, 0, n - 1);
      out.push(r);
    }
  return out;
}

/** det of a Hermitian matrix given by real and imaginary parts (Leibniz; real result). */
export function hermitianDetExpr(re: Expr[][], im: Expr[][]): Expr {
  const n = re.length;
  const terms: Expr[] = [];
  for (const q of permutations(n)) {
    let sign = 1;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (q[i]! > q[j]!) sign = -sign;
    let a: Expr = num(sign), b: Expr = num(0);
    for (let i = 0; i < n; i++) {
      const c = re[i]![q[i]!]!, d = im[i]![q[i]!]!;
      [a, b] = [sub(mul(a, c), mul(b, d)), add(mul(a, d), mul(b, c))];
    }
    terms.push(a);
  }
  return simplify(add(...terms));
}

/** Coordinate symbols and the matrix entries they define (MATH.md §1.3 order). */
export interface ConeSymbols {
  /** Coordinate symbols: X11, X12, … (real UT), s11, s12, … (real F), x11, r12, m12, … (complex; F: same names, off-diagonal ÷ √2). */
  readonly vars: Expr[];
  /** Real part of X as Exprs in vars. */
  readonly re: Expr[][];
  /** Imaginary part (zeros for the real field). */
  readonly im: Expr[][];
  /** det X as an Expr. */
  readonly detX: Expr;
}

/** The symbolic matrix of the cone in the given coordinates. */
export function coneSymbols(p: number, field: Field, coords: Coords): ConeSymbols {
  checkP(p, 6);
  checkField(field);
  checkCoords(coords);
  const scale = coords === "f" ? div(num(1), sqrt(num(2))) : num(1);
  const vars: Expr[] = [];
  const re: Expr[][] = Array.from({ length: p }, () => new Array<Expr>(p).fill(num(0)));
  const im: Expr[][] = Array.from({ length: p }, () => new Array<Expr>(p).fill(num(0)));
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const tag = `${i + 1}${j + 1}`;
      if (field === "real") {
        const v = sym(`${coords === "ut" ? "X" : "s"}${tag}`);
        vars.push(v);
        re[i]![j] = re[j]![i] = i === j ? v : mul(scale, v);
      } else if (i === j) {
        const v = sym(`x${tag}`);
        vars.push(v);
        re[i]![i] = v;
      } else {
        const r = sym(`r${tag}`), m = sym(`m${tag}`);
        vars.push(r, m);
        re[i]![j] = re[j]![i] = mul(scale, r);
        im[i]![j] = mul(scale, m);
        im[j]![i] = mul(num(-1), scale, m);
      }
    }
  const detX = field === "real" ? det(new SMatrix(re)) : hermitianDetExpr(re, im);
  return { vars, re, im, detX };
}

/** The symbolic Monge–Ampère derivation for one cone and coordinate system. */
export interface MaDerivation {
  /** Size p of the cone's matrices. */
  readonly p: number;
  /** "real" (Sym_p^{++}) or "complex" (Herm_p^{++}). */
  readonly field: Field;
  /** The coordinate system of the Hessian and of the measure inside φ (MATH.md §1.3). */
  readonly coords: Coords;
  /** "direct": Hessian and det in the coordinates themselves; "chain-rule": F from UT via Hess_s = Λ⁻¹ Hess_u Λ⁻¹. */
  readonly route: "direct" | "chain-rule";
  /** Symbols the expressions are written in (for "chain-rule": the UT entries X_ij). */
  readonly vars: Expr[];
  /** det X as a polynomial in `vars`. */
  readonly detX: Expr;
  /** log φ = log C − (N/r) log det X with the exact constant C of the coordinates (MATH.md §5.2). */
  readonly logPhi: Expr;
  /** D² log φ in the coordinates (for "chain-rule": Λ⁻¹ Hess_u Λ⁻¹ written in the UT entries). */
  readonly hessian: Expr[][];
  /** det D² log φ (for "chain-rule": 2^{−p(p−1)/2} det Hess_u). */
  readonly detHessian: Expr;
  /** φ² = C² det X^{−2N/r}. */
  readonly phiSquared: Expr;
  /** det D² log φ / φ², simplified: a constant. */
  readonly ratio: Expr;
  /** The table constant of MATH.md §5.4. */
  readonly expected: Expr;
  /** verify(detHessian, expected · φ²). */
  readonly certificate: Certificate;
  /** verify(ratio, expected): the derived constant is the table's. */
  readonly constantCertificate: Certificate;
}

/**
 * Derives det D² log φ = c φ² symbolically (V22, E): real UT p ≤ 3, real F p ≤ 2 directly and p = 3
 * through the exact chain rule det Hess_s = 2^{−p(p−1)/2} det Hess_u (√2 does not cancel in a 6×6 symbolic
 * determinant), complex p ≤ 2. Larger cases: maIdentityAtRationalPoints (exact) or maIdentityNumeric.
 */
export function maIdentitySymbolic(p: number, field: Field, coords: Coords): MaDerivation {
  checkField(field);
  checkCoords(coords);
  const maxP = field === "real" ? 3 : 2;
  if (!Number.isInteger(p) || p < 1 || p > maxP)
    throw new QgeomError("SIZE_LIMIT", `the symbolic Monge–Ampère derivation is limited to p ≤ ${maxP} for the ${field} cone (got p = ${String(p)}; larger symbolic Hessian determinants are too big); use maIdentityAtRationalPoints (exact at rational points) or maIdentityNumeric (p up to 8 and beyond)`);
  const k = field === "real" ? num(`${p + 1}/2`) : num(p);
  const expected = maConstant(p, field, coords).expr;
  const chain = field === "real" && coords === "f" && p === 3;
  const S = coneSymbols(p, field, chain ? "ut" : coords);
  const C = kvConstantExpr(p, field, coords);
  const logPhi = add(log(C), mul(num(-1), k, log(S.detX)));
  const phiSquared = mul(pow(C, num(2)), pow(S.detX, mul(num(-2), k)));
  let H = hessian(logPhi, S.vars);
  let detHessian: Expr;
  if (chain) {
    // Λ = diag(1 on diagonal coordinates, √2 off the diagonal); Hess_s = Λ⁻¹ Hess_u Λ⁻¹
    const lam = S.vars.map((v) => ((v as { name: string }).name[1] === (v as { name: string }).name[2] ? num(1) : sqrt(num(2))));
    const detU = det(matrix(H));
    H = H.map((row, a) => row.map((x, b) => div(x, mul(lam[a]!, lam[b]!))));
    detHessian = simplify(mul(pow(num(2), num(-(p * (p - 1)) / 2)), detU));
  } else detHessian = det(matrix(H));
  const ratio = simplify(div(detHessian, phiSquared));
  return {
    p,
    field,
    coords,
    route: chain ? "chain-rule" : "direct",
    vars: S.vars,
    detX: S.detX,
    logPhi,
    hessian: H,
    detHessian,
    phiSquared,
    ratio,
    expected,
    certificate: verify(detHessian, mul(expected, phiSquared)),
    constantCertificate: freeSymbols(ratio).length === 0 ? verify(ratio, expected) : { verdict: "unknown", method: "none", reason: `the ratio still depends on ${freeSymbols(ratio).join(", ")}` },
  };
}

// ---------------------------------------------------------------------------------------------
// Exact check at rational points (UT coordinates)

type CQ = [Rational, Rational];
const cq = (re: Rational, im: Rational = Rational.ZERO): CQ => [re, im];
const cadd = (a: CQ, b: CQ): CQ => [a[0].add(b[0]), a[1].add(b[1])];
const csub = (a: CQ, b: CQ): CQ => [a[0].sub(b[0]), a[1].sub(b[1])];
const cmul = (a: CQ, b: CQ): CQ => [a[0].mul(b[0]).sub(a[1].mul(b[1])), a[0].mul(b[1]).add(a[1].mul(b[0]))];
const cdiv = (a: CQ, b: CQ): CQ => {
  const d = b[0].mul(b[0]).add(b[1].mul(b[1]));
  return [a[0].mul(b[0]).add(a[1].mul(b[1])).div(d), a[1].mul(b[0]).sub(a[0].mul(b[1])).div(d)];
};
const czero = (a: CQ) => a[0].isZero() && a[1].isZero();

/** Exact inverse and determinant of a complex-rational matrix (Gauss–Jordan with pivoting on non-zero). */
function exactInverseDet(A: CQ[][]): { inv: CQ[][]; det: CQ } {
  const n = A.length;
  const M = A.map((r, i) => [...r.map((x) => [x[0], x[1]] as CQ), ...Array.from({ length: n }, (_, j) => cq(i === j ? Rational.ONE : Rational.ZERO))]);
  let d: CQ = cq(Rational.ONE);
  for (let c = 0; c < n; c++) {
    let piv = c;
    while (piv < n && czero(M[piv]![c]!)) piv++;
    if (piv === n) throw new QgeomError("SINGULAR", `exact matrix is singular; check the point is in the interior of the cone (the Hessian must be non-singular)`);
    if (piv !== c) {
      [M[c], M[piv]] = [M[piv]!, M[c]!];
      d = cmul(d, cq(Rational.MINUS_ONE));
    }
    const pv = M[c]![c]!;
    d = cmul(d, pv);
    M[c] = M[c]!.map((x) => cdiv(x, pv));
    for (let r = 0; r < n; r++) {
      if (r === c || czero(M[r]![c]!)) continue;
      const f = M[r]![c]!;
      M[r] = M[r]!.map((x, j) => csub(x, cmul(f, M[c]![j]!)));
    }
  }
  return { inv: M.map((r) => r.slice(n)), det: d };
}

/** One exact evaluation of det Hess_u(−log det X) at a rational point. */
export interface ExactPointCheck {
  /** X as strings "p/q" (real) or "a+bi" pairs. */
  readonly X: string[][];
  /** det Hess_u(−log det)(X), exactly. */
  readonly detHessian: string;
  /** 2^{p(p−1)/2} det X^{−(p+1)} (real) or 2^{p(p−1)} det X^{−2p} (complex), exactly. */
  readonly predicted: string;
  /** True when detHessian and predicted are the same (real) rational number. */
  readonly equal: boolean;
}

/**
 * Exact check of det Hess_u(−log det X) = 2^{p(p−1)/2} det X^{−(p+1)} (real) and 2^{p(p−1)} det X^{−2p}
 * (complex) in UT coordinates at random rational positive-definite X = AA* + I (A with small integer entries),
 * in exact rational arithmetic (V22, "E at rational X"; any p, e.g. p = 4 real, p = 3 complex). With the
 * exact constants of maConstant this gives det D² log φ = c φ² at those points.
 */
export function maIdentityAtRationalPoints(
  p: number,
  field: Field,
  options: {
    /** Number of random rational points (default 3). */
    samples?: number;
    /** Seed of the integer entries of A (default 1). */
    seed?: number;
  } = {},
): {
  /** One exact evaluation per sample point. */
  checks: ExactPointCheck[];
  /** True when every check is equal. */
  allEqual: boolean;
} {
  checkP(p, 6);
  checkField(field);
  const rng = new Rng(options.seed ?? 1);
  const samples = options.samples ?? 3;
  const basis = coordinateBasis(p, field, "ut");
  const N = basis.length;
  const checks: ExactPointCheck[] = [];
  for (let t = 0; t < samples; t++) {
    const A: CQ[][] = Array.from({ length: p }, () =>
      Array.from({ length: p }, () => cq(Rational.int(rng.int(7) - 3), field === "complex" ? Rational.int(rng.int(7) - 3) : Rational.ZERO)),
    );
    // X = A A* + I
    const X: CQ[][] = Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => {
        let s: CQ = cq(i === j ? Rational.ONE : Rational.ZERO);
        for (let m = 0; m < p; m++) s = cadd(s, cmul(A[i]![m]!, [A[j]![m]![0], A[j]![m]![1].neg()]));
        return s;
      }),
    );
    const { inv: Y, det: dX } = exactInverseDet(X);
    const toQ = (c: number) => Rational.fromDouble(c); // basis coefficients 0, ±1 in UT
    const H: CQ[][] = Array.from({ length: N }, () => new Array<CQ>(N));
    for (let a = 0; a < N; a++)
      for (let b = a; b < N; b++) {
        let s: CQ = cq(Rational.ZERO);
        for (const tt of basis[a]!)
          for (const u of basis[b]!) s = cadd(s, cmul(cmul(cq(toQ(tt.re), toQ(tt.im)), cq(toQ(u.re), toQ(u.im))), cmul(Y[u.j]![tt.i]!, Y[tt.j]![u.i]!)));
        H[a]![b] = H[b]![a] = s;
      }
    const dH = exactInverseDet(H).det;
    const shift = field === "real" ? (p * (p - 1)) / 2 : p * (p - 1);
    const power = field === "real" ? p + 1 : 2 * p;
    const predicted = Rational.int(2).pow(shift).mul(dX[0].pow(power).inv());
    const equal = dH[1].isZero() && dX[1].isZero() && dH[0].equals(predicted);
    checks.push({
      X: X.map((r) => r.map((x) => (field === "real" ? x[0].toString() : `${x[0].toString()}${x[1].isNegative() ? "-" : "+"}${x[1].abs().toString()}i`))),
      detHessian: dH[0].toString(),
      predicted: predicted.toString(),
      equal,
    });
  }
  return { checks, allEqual: checks.every((c) => c.equal) };
}

// ---------------------------------------------------------------------------------------------
// Numeric check (p up to 8 and beyond)

/** Result of a numeric Monge–Ampère check at one point. */
export interface MaNumericCheck {
  /** Size p of X. */
  readonly p: number;
  /** "real" for a Matrix X, "complex" for a CMatrix. */
  readonly field: Field;
  /** The coordinate system of the Hessian and of φ. */
  readonly coords: Coords;
  /** log det D² log φ(X) (analytic or finite-difference Hessian). */
  readonly logDetHessian: number;
  /** log φ(X). */
  readonly logPhi: number;
  /** log c measured: logDetHessian − 2 logPhi. */
  readonly logC: number;
  /** log c of the table. */
  readonly expectedLogC: number;
  /** |c_measured / c − 1|. */
  readonly relativeError: number;
}

/** D² log φ by central differences with one Richardson step (error O(h⁴)), h = 2e-3·λ_min(X). */
export function fdHessianLogPhi(X: Matrix | CMatrix, coords: Coords): Matrix {
  checkCoords(coords);
  const info = pdInfo(X);
  const field = info.field, p = info.p;
  const u0 = toCoordinates(X, coords);
  const f = (u: Float64Array) => logKoszulVinberg(fromCoordinates(u, p, field, coords), coords);
  return fdHessian(f, u0, 2e-3 * info.eigenvalues[0]!);
}

/**
 * Numeric check of det D² log φ = c φ² at X (real or complex positive definite) in the given coordinates,
 * with the analytic Hessian (default) or a finite-difference Hessian of log φ; all in log space (works for
 * p up to 8 and beyond).
 */
export function maIdentityNumeric(
  X: Matrix | CMatrix,
  coords: Coords,
  options: {
    /** "analytic": (N/r)·Hess(−log det X) in closed form (default); "fd": {@link fdHessianLogPhi}. */
    hessian?: "analytic" | "fd";
  } = {},
): MaNumericCheck {
  checkCoords(coords);
  const field: Field = isComplex(X) ? "complex" : "real";
  const p = X.rows;
  const mode = options.hessian ?? "analytic";
  if (mode !== "analytic" && mode !== "fd") throw new QgeomError("INVALID_ARGUMENT", `hessian must be "analytic" or "fd", got ${String(mode)}; pass "analytic" or "fd"`);
  let H: Matrix;
  if (mode === "analytic") {
    const k = kvExponent(p, field);
    const h = hessianNegLogDet(X, coords);
    H = { rows: h.rows, cols: h.cols, data: h.data.map((x) => k * x) };
  } else H = fdHessianLogPhi(X, coords);
  const L = cholesky(H, { name: "D² log φ" });
  let logDetHessian = 0;
  for (let i = 0; i < L.rows; i++) logDetHessian += 2 * Math.log(L.data[i * L.rows + i]!);
  const logPhi = logKoszulVinberg(X, coords);
  const logC = logDetHessian - 2 * logPhi;
  const expectedLogC = maLogConstant(p, field, coords);
  return { p, field, coords, logDetHessian, logPhi, logC, expectedLogC, relativeError: Math.abs(Math.expm1(logC - expectedLogC)) };
}

// ---------------------------------------------------------------------------------------------
// Wishart log-partition

/** ψ_n(Θ) = −(n/2) log det Θ for symmetric positive-definite Θ (MATH.md §5.4). */
export function wishartLogPartition(Theta: Matrix, n: number): number {
  if (!Number.isFinite(n) || n <= 0) throw new QgeomError("INVALID_ARGUMENT", `n must be a finite number > 0, got ${n}; pass a positive number`);
  return (-n / 2) * pdInfo(Theta, "Theta").logDet;
}

/** The MA-exp derivation for ψ_n with n a symbol (or number): det D²_u ψ_n = (n/2)^N 2^{p(p−1)/2} e^{κψ_n}. */
export interface WishartMaDerivation {
  /** ψ_n = −(n/2) log det Θ in the UT symbols X11, X12, … of Θ. */
  readonly psi: Expr;
  /** det D²_u ψ_n, the symbolic Hessian determinant. */
  readonly detHessian: Expr;
  /** κ = 2(p+1)/n. */
  readonly kappa: Expr;
  /** (n/2)^N 2^{p(p−1)/2} e^{κψ_n}, N = p(p+1)/2. */
  readonly predicted: Expr;
  /** verify(detHessian, predicted). */
  readonly certificate: Certificate;
}

/**
 * Derives the MA-exp(κ) property of the Wishart log-partition ψ_n = −(n/2) log det Θ in UT coordinates with
 * κ = 2(p+1)/n (V22, E), n a symbol by default; κ = 2 exactly when n = p + 1. p ≤ 3.
 */
export function wishartMaExpSymbolic(p: number, n: Expr | number = sym("n")): WishartMaDerivation {
  checkP(p, 3);
  const ne = typeof n === "number" ? num(n) : n;
  const S = coneSymbols(p, "real", "ut");
  const N = (p * (p + 1)) / 2;
  const psi = mul(num(-1), div(ne, num(2)), log(S.detX));
  const detHessian = det(matrix(hessian(psi, S.vars)));
  const kappa = div(num(2 * (p + 1)), ne);
  const predicted = mul(pow(div(ne, num(2)), num(N)), pow(num(2), num((p * (p - 1)) / 2)), exp(mul(kappa, psi)));
  return { psi, detHessian, kappa, predicted, certificate: verify(detHessian, predicted) };
}
