// The complex Monge–Ampère operator det(∂²φ/∂z_i∂z̄_j) (MATH.md §3.9), with the Wirtinger derivatives
// ∂_z = ½(∂_x − i∂_y), ∂_z̄ = ½(∂_x + i∂_y), z_j = x_j + i y_j.
//
// How a potential is passed. The primary form is real coordinates: φ is a real expression in
// x_1..x_n, y_1..y_n and `complexMongeAmpere(phi, { x, y })` forms the Hermitian matrix
//   ∂²φ/∂z_i∂z̄_j = ¼(φ_{x_i x_j} + φ_{y_i y_j}) + (i/4)(φ_{x_i y_j} − φ_{y_i x_j}).
// Alternatively φ may be written in holomorphic/antiholomorphic symbols z_j, z̄_j (e.g. z·zb for |z|²)
// and `complexMongeAmpereWirtinger(phi, { z, zbar })` differentiates formally, treating z and z̄ as
// independent (which is exactly what the Wirtinger calculus does); `wirtingerToReal` substitutes
// z = x + iy, z̄ = x − iy to pass from the second form to the first.
import {
  type Certificate,
  type Expr,
  type SymbolicMatrix,
  I,
  QgeomError,
  add,
  det,
  diff,
  matrix,
  mul,
  num,
  postOrder,
  pow,
  simplify,
  sub,
  subs,
  sym,
  verify,
} from "../core/index.js";
import { type CompiledFunction, compile, compileComplex } from "../compile/index.js";
import { type SymbolicOptions, mongeAmpere } from "./operator.js";
import { type VariableList, checkExpr, compileInputs, freshName, variableNames } from "./variables.js";

/** Real coordinates z_j = x_j + i y_j: the lists x and y have the same length n. */
export interface RealCoordinates {
  /** Real parts x_1, …, x_n (names or symbols). */
  x: VariableList;
  /** Imaginary parts y_1, …, y_n, paired with x by position. */
  y: VariableList;
}

/** Holomorphic coordinates: symbols z_j and their conjugates z̄_j (formally independent). */
export interface WirtingerCoordinates {
  /** Holomorphic coordinates z_1, …, z_n (names or symbols). */
  z: VariableList;
  /** Their conjugates z̄_1, …, z̄_n, paired with z by position (distinct symbols, e.g. "zb"). */
  zbar: VariableList;
}

function pairs(a: VariableList, b: VariableList, an: string, bn: string): [string[], string[]] {
  const xs = variableNames(a, an);
  const ys = variableNames(b, bn);
  if (xs.length !== ys.length) throw new QgeomError("SHAPE", `${an} has ${xs.length} variables but ${bn} has ${ys.length}; give one of each per complex coordinate`);
  const both = new Set([...xs, ...ys]);
  if (both.size !== xs.length * 2) throw new QgeomError("INVALID_ARGUMENT", `${an} and ${bn} share a variable; they must be distinct; rename one of them`);
  return [xs, ys];
}

/**
 * The complex Hessian (∂²φ/∂z_i∂z̄_j)_ij of a potential in real coordinates (MATH §3.9): a Hermitian
 * matrix of expressions containing the imaginary unit i.
 */
export function complexHessian(phi: Expr, coords: RealCoordinates): SymbolicMatrix {
  checkExpr(phi, "phi");
  const [xs, ys] = pairs(coords?.x, coords?.y, "coords.x", "coords.y");
  const quarter = num("1/4");
  const rows = xs.map((xi, i) =>
    xs.map((xj, j) => {
      const yi = ys[i]!, yj = ys[j]!;
      const re = add(diff(diff(phi, xi), xj), diff(diff(phi, yi), yj));
      const im = sub(diff(diff(phi, xi), yj), diff(diff(phi, yi), xj));
      return mul(quarter, add(re, mul(I, im)));
    }),
  );
  return matrix(rows);
}

/**
 * The complex Monge–Ampère operator det(∂²φ/∂z_i∂z̄_j) of a potential written in real coordinates
 * x_j, y_j (z_j = x_j + i y_j), in closed form (MATH §3.9). The determinant of a Hermitian matrix is
 * real; the result is simplified and free of i when the algebra can show it (always for rational and
 * exp/log potentials). For n = 1 it is ¼Δφ; for a tube potential φ = u(x) it is 4⁻ⁿ det D²u.
 */
export function complexMongeAmpere(phi: Expr, coords: RealCoordinates, options: SymbolicOptions = {}): Expr {
  const d = det(complexHessian(phi, coords), { maxTerms: options.maxTerms });
  return options.raw ? d : simplify(d, { maxTerms: options.maxTerms });
}

/**
 * det(∂²φ/∂z_i∂z̄_j) for a potential written in symbols z_j and z̄_j, differentiated formally as
 * independent variables (Wirtinger calculus), e.g. φ = log(1 + z·zb) gives 1/(1 + z·zb)².
 */
export function complexMongeAmpereWirtinger(phi: Expr, coords: WirtingerCoordinates, options: SymbolicOptions = {}): Expr {
  checkExpr(phi, "phi");
  const [zs, zbs] = pairs(coords?.z, coords?.zbar, "coords.z", "coords.zbar");
  const H = matrix(zs.map((zi) => zbs.map((zbj) => diff(diff(phi, zi), zbj))));
  const d = det(H, { maxTerms: options.maxTerms });
  return options.raw ? d : simplify(d, { maxTerms: options.maxTerms });
}

/**
 * Substitutes z_j = x_j + i y_j and z̄_j = x_j − i y_j into an expression in z, z̄, then simplifies
 * (unless `raw`): products like (x + iy)(x − iy) become x² + y², so real quantities come out free of i.
 */
export function wirtingerToReal(e: Expr, from: WirtingerCoordinates, to: RealCoordinates, options: SymbolicOptions = {}): Expr {
  checkExpr(e, "e");
  const [zs, zbs] = pairs(from?.z, from?.zbar, "from.z", "from.zbar");
  const [xs, ys] = pairs(to?.x, to?.y, "to.x", "to.y");
  if (zs.length !== xs.length) throw new QgeomError("SHAPE", `${zs.length} complex coordinates but ${xs.length} real pairs; pass one real pair per complex coordinate`);
  const m = new Map<string, Expr>();
  zs.forEach((z, j) => m.set(z, add(sym(xs[j]!), mul(I, sym(ys[j]!)))));
  zbs.forEach((zb, j) => m.set(zb, sub(sym(xs[j]!), mul(I, sym(ys[j]!)))));
  const r = subs(e, m);
  return options.raw ? r : simplify(r, { maxTerms: options.maxTerms });
}

/**
 * Compiled twin of {@link complexMongeAmpere}: inputs x_1..x_n, y_1..y_n, then parameters (sorted).
 * The determinant is compiled as a real expression when the closed form is free of i, otherwise
 * through `compileComplex` with the imaginary part (zero up to rounding) as a second output.
 */
export function compileComplexMongeAmpere(phi: Expr, coords: RealCoordinates, options: SymbolicOptions = {}): CompiledFunction {
  const [xs, ys] = pairs(coords?.x, coords?.y, "coords.x", "coords.y");
  const d = complexMongeAmpere(phi, { x: xs, y: ys }, options);
  const inputs = compileInputs([d, phi], [...xs, ...ys]);
  return postOrder([d]).includes(I) ? compileComplex(d, inputs) : compile(d, inputs);
}

/** Tube-domain identity: det(∂²φ/∂z_i∂z̄_j) = 4⁻ⁿ det D²u(Re z) for φ(z) = u(Re z) (MATH §3.9). */
export function verifyTubeDomainIdentity(u: Expr, xVars: VariableList, options: SymbolicOptions = {}): Certificate {
  checkExpr(u, "u");
  const xs = variableNames(xVars, "xVars");
  const ys = xs.map((x) => freshName(`${x}_im`, [u], xs));
  const lhs = complexMongeAmpere(u, { x: xs, y: ys }, { ...options, raw: true });
  const rhs = mul(pow(num(4), num(-xs.length)), mongeAmpere(u, xs, { ...options, raw: true }));
  return verify(lhs, rhs, { maxTerms: options.maxTerms ?? 200_000 });
}

/** The n = 1 identity det(∂²φ/∂z∂z̄) = ∂²φ/∂z∂z̄ = ¼(φ_xx + φ_yy) (MATH §3.9). */
export function verifyLaplacianIdentity(phi: Expr, x: string | Expr, y: string | Expr, options: SymbolicOptions = {}): Certificate {
  checkExpr(phi, "phi");
  const [[xn], [yn]] = pairs([x], [y], "x", "y");
  const lhs = complexMongeAmpere(phi, { x: [xn!], y: [yn!] }, { ...options, raw: true });
  const rhs = mul(num("1/4"), add(diff(phi, xn!, 2), diff(phi, yn!, 2)));
  return verify(lhs, rhs, { maxTerms: options.maxTerms ?? 200_000 });
}
