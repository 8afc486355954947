// The exact core end to end: the categorical log-partition ψ(θ) = log(1 + Σ e^{θ_i}), its Hessian
// diag(p) − ppᵀ, and the Monge–Ampère quantity det ∇²ψ = p₀p₁⋯pₙ (MATH.md §2.5, V5), proved for n = 1..3,
// then evaluated exactly and in float64.
//   npx tsx examples/core.ts
import {
  Rational, add, assertIdentity, det, evaluate, evaluateExact, exp, hessian, log, matrix, mul, num, pow, simplify, sub, subs, sym, verify,
} from "qgeom";

for (let n = 1; n <= 3; n++) {
  const theta = Array.from({ length: n }, (_, i) => sym(`theta${i + 1}`));
  const names = theta.map((t) => t.toString());
  const Z = add(num(1), ...theta.map(exp));
  const psi = log(Z);
  const p0 = pow(Z, num(-1));
  const p = theta.map((t) => mul(exp(t), p0));

  const H = hessian(psi, names);
  // every entry is δ_ij p_i − p_i p_j
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assertIdentity(H[i]![j]!, sub(i === j ? p[i]! : num(0), mul(p[i]!, p[j]!)));

  const d = det(matrix(H));
  const c = assertIdentity(d, mul(p0, ...p));
  console.log(`n = ${n}: det ∇²ψ = p0⋯p${n}  [${c.verdict}/${c.method}]`);
  if (n === 1) console.log(`  closed form: ${simplify(d)}`);
}

// Not constant: a counterexample point (MATH.md §10: a dually flat family need not have constant det).
const d1 = simplify(det(matrix(hessian(log(add(num(1), exp(sym("theta1")))), ["theta1"]))));
const notConstant = verify(d1, subs(d1, { theta1: 0 }));
console.log(`det ∇²ψ = 1/4 everywhere? ${notConstant.verdict}`);
if (notConstant.verdict !== "refuted") throw new Error("expected a counterexample");

// Exact rational arithmetic, and the float64 value of det ∇²ψ at θ = 0 (p₀ = p₁ = 1/2).
const rational = sub(pow(sym("x"), num(3)), mul(num(Rational.of(1, 3)), sym("x")));
console.log(`x³ − x/3 at x = 2/3, exactly: ${evaluateExact(rational, new Map([["x", Rational.of(2, 3)]]))}`);
console.log(`det ∇²ψ at θ1 = 0 in float64: ${evaluate(d1, { theta1: 0 })}`);
