// The conventions of MATH.md §1 side by side: UT versus F Hessian determinants on Sym_p for p = 1..3,
// Wishart parametrisations round-tripped through every converter, relative-entropy order, vec, and
// {0,1} units versus ±1 spins.
//   npx tsx examples/conventions.ts
import { det, div, hessian, linalg, log, matrix, modular, num, simplify, sqrt, subs, sym, symmetricMatrixSymbols, vech, verify, wishart, pow, mul } from "qgeom";

// det Hess(−log det X): 2^{p(p−1)/2} det X^{−(p+1)} in UT coordinates, det X^{−(p+1)} in F coordinates.
for (let p = 1; p <= 3; p++) {
  const X = symmetricMatrixSymbols("X", p);
  const u = vech(X).map(String);
  const f = mul(num(-1), log(det(X)));
  const dX = det(X);
  const ut = det(matrix(hessian(f, u)));
  // F coordinates: X_ij = s_ij/√2 for i < j
  const s = u.map((name) => (name[1] === name[2] ? name : `s${name.slice(1)}`));
  const toS = Object.fromEntries(u.map((name, k) => [name, name === s[k] ? sym(name) : div(sym(s[k]!), sqrt(num(2)))]));
  const back = Object.fromEntries(u.map((name, k) => [s[k]!, name === s[k] ? sym(name) : mul(sqrt(num(2)), sym(name))]));
  const fs = subs(f, toS);
  const F = subs(det(matrix(hessian(fs, s))), back);
  const cu = verify(ut, mul(num(2 ** ((p * (p - 1)) / 2)), pow(dX, num(-(p + 1)))));
  const cf = verify(simplify(F), pow(dX, num(-(p + 1))));
  console.log(`p = ${p}: UT 2^${(p * (p - 1)) / 2}·det X^−${p + 1} [${cu.verdict}]   F det X^−${p + 1} [${cf.verdict}]`);
}

// Every Wishart converter round-trips (n, Σ).
const n = 4.5, Sigma = [[2, 0.3, 0], [0.3, 1, 0.2], [0, 0.2, 0.5]];
const readBack: Record<string, (t: wishart.ConvertedWishart) => wishart.ForeignWishart | null> = {
  scipy: (t) => ({ convention: "scipy", df: n, scale: t.parameters.scale as number[][] }),
  tfp: (t) => ({ convention: "tfp", df: n, scale_tril: t.parameters.scale_tril as number[][] }),
  "torch-precision": (t) => ({ convention: "torch", df: n, precision_matrix: t.parameters.precision_matrix as number[][] }),
  "sympy-matrixgamma": (t) => ({ convention: "sympy-matrixgamma", alpha: t.parameters.alpha as number, beta: t.parameters.beta as number, scale_matrix: t.parameters.scale_matrix as number[][] }),
  "mathematica-legacy": (t) => ({ convention: "mathematica-legacy", sigma: t.parameters.sigma as number[][], n }),
};
for (const [target, read] of Object.entries(readBack)) {
  const t = wishart.toConvention(target as wishart.ConventionName, n, Sigma);
  const back = wishart.fromConvention(read(t)!);
  const err = Math.max(...Array.from(back.scale.data, (v, k) => Math.abs(v - Sigma[Math.floor(k / 3)]![k % 3]!)));
  console.log(`${target.padEnd(18)} df ${back.df}  max |Σ − Σ'| ${err < 1e-14 ? "< 1e-14" : err.toExponential(1)}   ${Object.keys(t.parameters).join(", ")}`);
}

// Relative entropy: first argument is the one averaged over; not symmetric; nats.
const rho = [[0.9, 0.05], [0.05, 0.1]], sigma = [[0.5, 0], [0, 0.5]];
console.log(`S(ρ‖σ) = ${modular.relativeEntropy(rho, sigma).toFixed(6)}, S(σ‖ρ) = ${modular.relativeEntropy(sigma, rho).toFixed(6)} nats`);

// vec: column-major (default) versus row-major.
const A = linalg.matrix([[1, 2], [3, 4]]);
console.log(`vec ${Array.from(modular.vec(A).re)}   vec_r ${Array.from(modular.vec(A, "row").re)}`);
