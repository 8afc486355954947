// Symbolic modular generators (MATH §6.3, 6.9–6.11), as core Exprs: printable, differentiable and
// compilable (compileComplex for the complex-valued ones). Core symbols are real, so the complex
// conjugate of an expression built from real symbols and i is obtained by i ↦ −i.
import {
  type Expr,
  I,
  Matrix,
  ONE,
  PI,
  type SymbolicMatrix,
  QgeomError,
  ZERO,
  add,
  div,
  exp,
  expand,
  fn,
  log,
  matMul,
  mul,
  neg,
  num,
  pow,
  sqrt,
  sub,
  subs,
  sym,
} from "../core/index.js";
import type { VecConvention } from "./superoperator.js";

/**
 * A symbolic argument: an Expr, a symbol name (`"beta"` → sym("beta"); symbols are real, {@link conjExpr}
 * fixes them) or a finite number (`0.1` → num(0.1) = 1/10, the decimal as written). Anything else throws
 * INVALID_ARGUMENT naming the parameter.
 */
export type ExprLike = Expr | string | number;

function ex(x: ExprLike, what: string): Expr {
  if (typeof x === "string") return sym(x);
  if (typeof x === "number") return num(x);
  if (x === null || typeof x !== "object" || typeof (x as Expr).kind !== "string") {
    throw new QgeomError("INVALID_ARGUMENT", `${what} must be an Expr, a symbol name or a number; pass e.g. "lambda1", 0.5 or sym("x")`);
  }
  return x;
}

const CONJ = new Map<Expr, Expr>([[I, neg(I)]]);

/** Complex conjugate of an expression in real symbols and i (i ↦ −i). */
export function conjExpr(e: Expr): Expr {
  return subs(e, CONJ);
}

/** Conjugate transpose of a symbolic matrix (entries in real symbols and i). */
export function conjTransposeExpr(A: SymbolicMatrix): SymbolicMatrix {
  return new Matrix(Array.from({ length: A.cols }, (_, j) => Array.from({ length: A.rows }, (_, i) => conjExpr(A.get(i, j)))));
}

function diagMatrix(d: readonly Expr[]): SymbolicMatrix {
  return new Matrix(d.map((x, i) => d.map((_, j) => (i === j ? x : ZERO))));
}

function identityExpr(n: number): SymbolicMatrix {
  return diagMatrix(Array.from({ length: n }, () => ONE));
}

function matSub(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return A.map((x, i, j) => sub(x, B.get(i, j)));
}

function matAddE(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return A.map((x, i, j) => add(x, B.get(i, j)));
}

function scaleE(A: SymbolicMatrix, c: Expr): SymbolicMatrix {
  return A.map((x) => mul(c, x));
}

/** U diag(d) U* for a symbolic unitary U (or diag(d) when U is omitted). */
function spectralMatrix(d: readonly Expr[], U?: SymbolicMatrix): SymbolicMatrix {
  const D = diagMatrix(d);
  return U === undefined ? D : matMul(matMul(U, D), conjTransposeExpr(U));
}

/** Closed-form modular objects of ρ = U diag(p) U* with symbolic spectral data. */
export interface SpectralGenerator {
  /** p_1, …, p_n (assumed > 0 with Σ p_i = 1; not enforced symbolically). */
  readonly eigenvalues: Expr[];
  /** [i][j] = log p_i − log p_j: the eigenvalue of log Δ on U e_i e_j* U* (MATH §6.3). */
  readonly logDeltaSpectrum: Expr[][];
  /** log ρ = U diag(log p) U*. */
  readonly logDensity: SymbolicMatrix;
  /** K_ρ = −log ρ = U diag(−log p) U*. */
  readonly modularHamiltonian: SymbolicMatrix;
  /** [i][j] = (p_i/p_j)^{it} = exp(i t (log p_i − log p_j)): σ_t multiplies the (i, j) eigen-entry by it. */
  flowPhases(t: ExprLike): Expr[][];
  /** ρ^{it} = U diag(exp(i t log p)) U*. */
  modularUnitary(t: ExprLike): SymbolicMatrix;
  /** σ_t(x) = ρ^{it} x ρ^{−it} for a symbolic x. */
  flow(x: SymbolicMatrix, t: ExprLike): SymbolicMatrix;
  /** log Δ as an n²×n² matrix, I ⊗ log ρ − (log ρ)ᵀ ⊗ I (column vec) or log ρ ⊗ I − I ⊗ (log ρ)ᵀ (row vec_r). */
  liouvilleanMatrix(convention?: VecConvention): SymbolicMatrix;
}

function kronE(A: SymbolicMatrix, B: SymbolicMatrix): SymbolicMatrix {
  return new Matrix(
    Array.from({ length: A.rows * B.rows }, (_, r) =>
      Array.from({ length: A.cols * B.cols }, (_, c) => mul(A.get(Math.floor(r / B.rows), Math.floor(c / B.cols)), B.get(r % B.rows, c % B.cols))),
    ),
  );
}

function transposeE(A: SymbolicMatrix): SymbolicMatrix {
  return new Matrix(Array.from({ length: A.cols }, (_, j) => Array.from({ length: A.rows }, (_, i) => A.get(i, j))));
}

/**
 * The modular generator in closed form for a density matrix given by symbolic spectral data
 * (MATH §6.3): eigenvalues p_i (Exprs or symbol names) and optionally a symbolic unitary
 * eigenbasis U (entries in real symbols and i). Spectrum of log Δ: log p_i − log p_j.
 */
export function spectralGenerator(eigenvalues: readonly ExprLike[], basis?: SymbolicMatrix): SpectralGenerator {
  if (!Array.isArray(eigenvalues) || eigenvalues.length === 0) throw new QgeomError("INVALID_ARGUMENT", `eigenvalues must be a non-empty array of Exprs or symbol names; pass e.g. ["p1", "p2"]`);
  const p = eigenvalues.map((x, k) => ex(x, `eigenvalues[${k}]`));
  const n = p.length;
  if (basis !== undefined && (basis.rows !== n || basis.cols !== n)) {
    throw new QgeomError("SHAPE", `basis is ${basis.rows}×${basis.cols} but there are ${n} eigenvalues; pass an n×n basis`);
  }
  const lp = p.map((x) => log(x));
  const logDensity = spectralMatrix(lp, basis);
  const unitary = (t: ExprLike, sign: 1 | -1) => spectralMatrix(lp.map((l) => exp(mul(num(sign), I, ex(t, "t"), l))), basis);
  return {
    eigenvalues: p,
    logDeltaSpectrum: lp.map((li) => lp.map((lj) => sub(li, lj))),
    logDensity,
    modularHamiltonian: scaleE(logDensity, num(-1)),
    flowPhases: (t) => lp.map((li) => lp.map((lj) => exp(mul(I, ex(t, "t"), sub(li, lj))))),
    modularUnitary: (t) => unitary(t, 1),
    flow: (x, t) => {
      if (x.rows !== n || x.cols !== n) throw new QgeomError("SHAPE", `x is ${x.rows}×${x.cols} but the state is ${n}×${n}; pass an ${n}×${n} operator`);
      return matMul(matMul(unitary(t, 1), x), unitary(t, -1));
    },
    liouvilleanMatrix: (convention = "column") => {
      const Id = identityExpr(n);
      const LT = transposeE(logDensity);
      return convention === "row" ? matSub(kronE(logDensity, Id), kronE(Id, LT)) : matSub(kronE(Id, logDensity), kronE(LT, Id));
    },
  };
}

/** Closed-form modular theory of a qubit ρ = (I + r·σ)/2 (MATH §6.9), as Exprs in r_x, r_y, r_z. */
export interface QubitModular {
  /** (r_x, r_y, r_z). */
  readonly bloch: [Expr, Expr, Expr];
  /** r = |r| = sqrt(r_x² + r_y² + r_z²). */
  readonly r: Expr;
  /** ρ = ½[[1 + r_z, r_x − i r_y], [r_x + i r_y, 1 − r_z]]. */
  readonly rho: SymbolicMatrix;
  /** Eigenvalues (1 − r)/2, (1 + r)/2. */
  readonly eigenvalues: [Expr, Expr];
  /** log ρ = ½ log((1 − r²)/4) I + (artanh r / r) r·σ (removable singularity at r = 0, where log ρ = −log 2·I). */
  readonly logDensity: SymbolicMatrix;
  /** K_ρ = −log ρ. */
  readonly modularHamiltonian: SymbolicMatrix;
  /** Spectrum of log Δ: 0, 0, log((1+r)/(1−r)) = 2 artanh r, −2 artanh r. */
  readonly logDeltaSpectrum: [Expr, Expr, Expr, Expr];
  /** S(ρ) = h((1+r)/2) = −p log p − (1−p) log(1−p), p = (1+r)/2 (nats). */
  readonly entropy: Expr;
  /** ρ^{it} = ((1 − r²)/4)^{it/2} [cos(t artanh r) I + i sin(t artanh r) r̂·σ]. */
  modularUnitary(t: ExprLike): SymbolicMatrix;
  /** θ_t = −2 t artanh r: the flow rotates Bloch vectors about r̂ by θ_t (right-hand rule). */
  rotationAngle(t: ExprLike): Expr;
  /** Bloch vector m' of σ_t((I + m·σ)/2) = (I + m'·σ)/2: m cos θ + (r̂ × m) sin θ + r̂ (r̂·m)(1 − cos θ). */
  flowBloch(m: readonly [ExprLike, ExprLike, ExprLike], t: ExprLike): [Expr, Expr, Expr];
  /** S(ρ‖σ) = ½ log((1 − r²)/(1 − s²)) + r artanh r − (r·s) artanh(s)/s for σ = (I + s·σ)/2. */
  relativeEntropy(s: readonly [ExprLike, ExprLike, ExprLike]): Expr;
}

function pauliDot(v: readonly [Expr, Expr, Expr]): SymbolicMatrix {
  const [x, y, z] = v;
  return new Matrix([
    [z, sub(x, mul(I, y))],
    [add(x, mul(I, y)), neg(z)],
  ]);
}

function norm3(v: readonly [Expr, Expr, Expr]): Expr {
  return sqrt(add(pow(v[0], num(2)), pow(v[1], num(2)), pow(v[2], num(2))));
}

/**
 * Closed forms of MATH §6.9 for ρ = (I + r·σ)/2 with |r| < 1, in the symbols r_x, r_y, r_z (or
 * given Exprs). Uses the core kernels atanh, cos, sin, sqrt and the constant i; compile the
 * matrices with compileComplex. The ratio artanh(r)/r is analytic at r = 0 but is 0/0 there as an
 * expression: evaluate at r ≠ 0 (the numeric functions handle r = 0).
 */
export function qubitModular(r: readonly [ExprLike, ExprLike, ExprLike] = ["rx", "ry", "rz"]): QubitModular {
  if (!Array.isArray(r) || r.length !== 3) throw new QgeomError("INVALID_ARGUMENT", `r must be a Bloch vector of three Exprs or symbol names; pass e.g. ["x", "y", "z"]`);
  const v = r.map((x, k) => ex(x, `r[${k}]`)) as [Expr, Expr, Expr];
  const rr = norm3(v);
  const at = fn("atanh", rr);
  const half = num("1/2");
  const I2 = identityExpr(2);
  const rs = pauliDot(v);
  const rho = scaleE(matAddE(I2, rs), half);
  const q = div(sub(ONE, pow(rr, num(2))), num(4)); // (1 − r²)/4 = p₊p₋
  const logDensity = matAddE(scaleE(I2, mul(half, log(q))), scaleE(rs, div(at, rr)));
  const p = div(add(ONE, rr), num(2));
  const entropy = neg(add(mul(p, log(p)), mul(sub(ONE, p), log(sub(ONE, p)))));
  const rotationAngle = (t: ExprLike) => mul(num(-2), ex(t, "t"), at);
  return {
    bloch: v,
    r: rr,
    rho,
    eigenvalues: [div(sub(ONE, rr), num(2)), p],
    logDensity,
    modularHamiltonian: scaleE(logDensity, num(-1)),
    logDeltaSpectrum: [ZERO, ZERO, mul(num(2), at), mul(num(-2), at)],
    entropy,
    modularUnitary: (t) => {
      const tt = ex(t, "t");
      const phase = pow(q, mul(half, I, tt));
      const c = fn("cos", mul(tt, at)), s = fn("sin", mul(tt, at));
      return scaleE(matAddE(scaleE(I2, c), scaleE(rs, div(mul(I, s), rr))), phase);
    },
    rotationAngle,
    flowBloch: (m, t) => {
      const mv = m.map((x, k) => ex(x, `m[${k}]`)) as [Expr, Expr, Expr];
      const th = rotationAngle(t);
      const c = fn("cos", th), s = fn("sin", th);
      const u = v.map((x) => div(x, rr)) as [Expr, Expr, Expr];
      const dot = add(mul(u[0], mv[0]), mul(u[1], mv[1]), mul(u[2], mv[2]));
      const cross: [Expr, Expr, Expr] = [
        sub(mul(u[1], mv[2]), mul(u[2], mv[1])),
        sub(mul(u[2], mv[0]), mul(u[0], mv[2])),
        sub(mul(u[0], mv[1]), mul(u[1], mv[0])),
      ];
      return [0, 1, 2].map((k) => add(mul(mv[k]!, c), mul(cross[k]!, s), mul(u[k]!, dot, sub(ONE, c)))) as [Expr, Expr, Expr];
    },
    relativeEntropy: (s) => {
      const sv = s.map((x, k) => ex(x, `s[${k}]`)) as [Expr, Expr, Expr];
      const sn = norm3(sv);
      const dot = add(mul(v[0], sv[0]), mul(v[1], sv[1]), mul(v[2], sv[2]));
      return add(
        mul(half, log(div(sub(ONE, pow(rr, num(2))), sub(ONE, pow(sn, num(2)))))),
        mul(rr, at),
        neg(mul(dot, div(fn("atanh", sn), sn))),
      );
    },
  };
}

/** Closed-form Gibbs state of a symbolic Hamiltonian (MATH §6.10). */
export interface GibbsSymbolic {
  /** ρ = e^{−βH}/Z, entries in the symbols of H, β and i. */
  readonly rho: SymbolicMatrix;
  /** log Z. */
  readonly logZ: Expr;
  /** Eigenvalues E_k of H (closed form; distinct eigenvalues assumed). */
  readonly energies: Expr[];
  /** Weights e^{−βE_k}/Z. */
  readonly weights: Expr[];
  /** K_ρ = βH + (log Z) I. */
  readonly modularHamiltonian: SymbolicMatrix;
  /** [i][j] = −β(E_i − E_j): the spectrum of log Δ = −β[H, ·]. */
  readonly logDeltaSpectrum: Expr[][];
  /** σ_t(x) = e^{−iβtH} x e^{iβtH} as the unitary e^{−iβtH} (Sylvester / Pauli form). */
  flowUnitary(t: ExprLike): SymbolicMatrix;
}

function checkHermitianExpr(H: SymbolicMatrix): void {
  for (let i = 0; i < H.rows; i++) {
    for (let j = i; j < H.cols; j++) {
      if (expand(sub(H.get(j, i), conjExpr(H.get(i, j)))) !== ZERO) {
        throw new QgeomError(
          "NOT_HERMITIAN",
          `H is not Hermitian: H[${j}][${i}] = ${String(H.get(j, i))} is not the conjugate of H[${i}][${j}] = ${String(H.get(i, j))} (symbols are real; write complex entries as a + i*b)`,
        );
      }
    }
  }
}

/**
 * Gibbs state e^{−βH}/Z of a symbolic Hermitian H (MATH §6.10), in closed form:
 * 2×2 through the Pauli decomposition H = a I + b·σ (ρ = ½(I − tanh(βω)/ω b·σ), ω = |b|);
 * 3×3 through Cardano's trigonometric eigenvalues and Sylvester's formula
 * e^{−βH} = Σ_k e^{−βE_k} Π_{j≠k} (H − E_j)/(E_k − E_j) (distinct eigenvalues; the expressions are
 * 0/0 on the degenerate set). Entries of H are Exprs in real symbols and i (a + i*b off the diagonal).
 */
export function gibbsSymbolic(H: SymbolicMatrix, beta: ExprLike = "beta"): GibbsSymbolic {
  if (!(H instanceof Matrix) || H.rows !== H.cols || (H.rows !== 2 && H.rows !== 3)) {
    throw new QgeomError("SHAPE", `gibbsSymbolic needs a 2×2 or 3×3 symbolic matrix H, got ${H instanceof Matrix ? `${H.rows}×${H.cols}` : "something else"}; use gibbsState (numeric) for larger H`);
  }
  checkHermitianExpr(H);
  const b = ex(beta, "beta");
  const n = H.rows;
  const Id = identityExpr(n);
  if (n === 2) {
    const half = num("1/2");
    const a = mul(half, add(H.get(0, 0), H.get(1, 1)));
    const bz = expand(mul(half, sub(H.get(0, 0), H.get(1, 1))));
    const bx = expand(mul(half, add(H.get(0, 1), H.get(1, 0))));
    const by = expand(mul(half, I, sub(H.get(0, 1), H.get(1, 0))));
    const bv: [Expr, Expr, Expr] = [bx, by, bz];
    const w = norm3(bv);
    const bs = pauliDot(bv);
    const th = fn("tanh", mul(b, w));
    const rho = scaleE(matSub(Id, scaleE(bs, div(th, w))), half);
    const logZ = add(neg(mul(b, a)), log(mul(num(2), fn("cosh", mul(b, w)))));
    const energies = [sub(a, w), add(a, w)];
    const weights = energies.map((E) => exp(sub(neg(mul(b, E)), logZ)));
    const flowUnitary = (t: ExprLike) => {
      const s = mul(b, ex(t, "t"));
      // e^{−isH} = e^{−isa}(cos(sω) I − i sin(sω)/ω b·σ)
      return scaleE(matSub(scaleE(Id, fn("cos", mul(s, w))), scaleE(bs, div(mul(I, fn("sin", mul(s, w))), w))), exp(neg(mul(I, s, a))));
    };
    return finishGibbs(H, b, rho, logZ, energies, weights, flowUnitary);
  }
  // 3×3: Cardano (trigonometric form) for the eigenvalues of the Hermitian H
  const q = div(add(H.get(0, 0), H.get(1, 1), H.get(2, 2)), num(3));
  const B = matSub(H, scaleE(Id, q));
  let tr2: Expr = ZERO;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tr2 = add(tr2, mul(B.get(i, j), B.get(j, i)));
  const p2 = expand(div(tr2, num(6))); // p² = tr(B²)/6 (real)
  const detB = expand(det3(B));
  const p = sqrt(p2);
  const r = div(detB, mul(num(2), pow(p, num(3))));
  // acos r = π/2 − atan(r / sqrt(1 − r²))
  const acos = sub(div(PI, num(2)), fn("atan", div(r, sqrt(sub(ONE, pow(r, num(2)))))));
  const phi = div(acos, num(3));
  const energies = [0, 1, 2].map((k) => add(q, mul(num(2), p, fn("cos", add(phi, div(mul(num(2 * k), PI), num(3)))))));
  // shift by −βE_1: E_1 = q + 2p cos(φ + 2π/3) is the smallest eigenvalue (φ ∈ [0, π/3]), so for β ≥ 0 no exponent is positive
  const m = neg(mul(b, energies[1]!));
  const logZ = add(m, log(add(...energies.map((E) => exp(sub(neg(mul(b, E)), m))))));
  const weights = energies.map((E) => exp(sub(neg(mul(b, E)), logZ)));
  const projector = (k: number): SymbolicMatrix => {
    let P = Id;
    for (let j = 0; j < 3; j++) {
      if (j === k) continue;
      P = matMul(P, scaleE(matSub(H, scaleE(Id, energies[j]!)), div(ONE, sub(energies[k]!, energies[j]!))));
    }
    return P;
  };
  const Ps = [0, 1, 2].map(projector);
  const combine = (c: Expr[]) => Ps.reduce((acc, P, k) => matAddE(acc, scaleE(P, c[k]!)), scaleE(Id, ZERO));
  const rho = combine(weights);
  const flowUnitary = (t: ExprLike) => combine(energies.map((E) => exp(mul(num(-1), I, b, ex(t, "t"), E))));
  return finishGibbs(H, b, rho, logZ, energies, weights, flowUnitary);
}

function det3(B: SymbolicMatrix): Expr {
  const g = (i: number, j: number) => B.get(i, j);
  return add(
    mul(g(0, 0), sub(mul(g(1, 1), g(2, 2)), mul(g(1, 2), g(2, 1)))),
    neg(mul(g(0, 1), sub(mul(g(1, 0), g(2, 2)), mul(g(1, 2), g(2, 0))))),
    mul(g(0, 2), sub(mul(g(1, 0), g(2, 1)), mul(g(1, 1), g(2, 0)))),
  );
}

function finishGibbs(
  H: SymbolicMatrix,
  b: Expr,
  rho: SymbolicMatrix,
  logZ: Expr,
  energies: Expr[],
  weights: Expr[],
  flowUnitary: (t: ExprLike) => SymbolicMatrix,
): GibbsSymbolic {
  const n = H.rows;
  return {
    rho,
    logZ,
    energies,
    weights,
    modularHamiltonian: matAddE(scaleE(H, b), scaleE(identityExpr(n), logZ)),
    logDeltaSpectrum: energies.map((Ei) => energies.map((Ej) => neg(mul(b, sub(Ei, Ej))))),
    flowUnitary,
  };
}

/** Peschel's modular data from symbolic single-particle spectral data (MATH §6.11). */
export interface PeschelSymbolic {
  /** Occupations n_k (eigenvalues of C, in (0, 1)). */
  readonly occupations: Expr[];
  /** ε_k = log((1 − n_k)/n_k): eigenvalues of h. */
  readonly modularEnergies: Expr[];
  /** h = [U diag(ε) U*]ᵀ = Ū diag(ε) Uᵀ for C = U diag(n) U* (the transpose convention). */
  readonly hamiltonian: SymbolicMatrix;
  /** log Z = −Σ log(1 − n_k). */
  readonly logZ: Expr;
  /** S = −Σ [n_k log n_k + (1 − n_k) log(1 − n_k)]. */
  readonly entropy: Expr;
}

/**
 * Peschel's formulas for C = U diag(n) U* with symbolic occupations n_k and optional symbolic
 * unitary U (MATH §6.11): h = log((I − Cᵀ)(Cᵀ)⁻¹) has eigenvalues log((1 − n_k)/n_k) on the
 * conjugated eigenvectors.
 */
export function peschelSymbolic(occupations: readonly ExprLike[], basis?: SymbolicMatrix): PeschelSymbolic {
  if (!Array.isArray(occupations) || occupations.length === 0) throw new QgeomError("INVALID_ARGUMENT", `occupations must be a non-empty array of Exprs or symbol names; pass e.g. ["n1", "n2"]`);
  const nk = occupations.map((x, k) => ex(x, `occupations[${k}]`));
  if (basis !== undefined && (basis.rows !== nk.length || basis.cols !== nk.length)) {
    throw new QgeomError("SHAPE", `basis is ${basis.rows}×${basis.cols} but there are ${nk.length} occupations; pass an n×n basis`);
  }
  const eps = nk.map((n) => log(div(sub(ONE, n), n)));
  const Ubar = basis === undefined ? undefined : basis.map((x) => conjExpr(x));
  return {
    occupations: nk,
    modularEnergies: eps,
    hamiltonian: spectralMatrix(eps, Ubar),
    logZ: neg(add(...nk.map((n) => log(sub(ONE, n))))),
    entropy: neg(add(...nk.map((n) => add(mul(n, log(n)), mul(sub(ONE, n), log(sub(ONE, n))))))),
  };
}
