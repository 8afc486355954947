// V25 (optional in MATH.md): Kontsevich's recursion, the WDVV equation of the quantum cohomology of P²
// up to the truncation order, a perturbed N_3 failing it, and the non-associativity of the Hessian
// product of the categorical family (why no WDVV claim is made for exponential families, §10.7).
import {
  Algebra, add, diff, evaluate, exp, hessian, log, mul, num, pow, Rational, sym, type Expr,
} from "../src/core/index.js";
import { inverse as numInverse, matrix as numMatrix } from "../src/linalg/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";

/** N_d by N_d = Σ_{a+b=d} N_a N_b a² b (b C(3d-4, 3a-2) - a C(3d-4, 3a-1)), N_1 = 1. */
export function kontsevichNumbers(D: number): bigint[] {
  const binom = (n: number, k: number): bigint => {
    if (k < 0 || k > n) return 0n;
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const N: bigint[] = [0n, 1n];
  for (let d = 2; d <= D; d++) {
    let s = 0n;
    for (let a = 1; a < d; a++) {
      const b = d - a;
      s += N[a]! * N[b]! * BigInt(a * a * b) * (BigInt(b) * binom(3 * d - 4, 3 * a - 2) - BigInt(a) * binom(3 * d - 4, 3 * a - 1));
    }
    N.push(s);
  }
  return N.slice(1);
}

function factorial(n: number): bigint {
  let r = 1n;
  for (let k = 2n; k <= BigInt(n); k++) r *= k;
  return r;
}

/** The WDVV residuals of Φ truncated at degree D; returns the first non-zero coefficient of q-degree <= D, if any. */
function wdvvResidual(N: readonly bigint[], D: number): { checked: number; bad?: string } {
  const t = [sym("t0"), sym("t1"), sym("t2")];
  const terms: Expr[] = [mul(num(Rational.HALF), pow(t[0]!, num(2)), t[2]!), mul(num(Rational.HALF), t[0]!, pow(t[1]!, num(2)))];
  for (let d = 1; d <= D; d++)
    terms.push(mul(num(Rational.fromBig(N[d - 1]!, factorial(3 * d - 1))), pow(t[2]!, num(3 * d - 1)), exp(mul(num(d), t[1]!))));
  const Phi = add(...terms);
  const names = ["t0", "t1", "t2"];
  const third = (a: number, b: number, c: number): Expr => diff(diff(diff(Phi, names[a]!), names[b]!), names[c]!);
  const eta = (e: number): number => 2 - e; // η^{ef} = 1 iff f = 2 - e
  const side = (a: number, b: number, c: number, d: number): Expr => add(...[0, 1, 2].map((e) => mul(third(a, b, e), third(eta(e), c, d))));
  let checked = 0;
  for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++)
      for (let c = 0; c < 3; c++)
        for (let d = 0; d < 3; d++) {
          const lhs = side(a, b, c, d);
          const rhs = side(a, d, c, b);
          const alg = new Algebra([lhs, rhs]);
          const r = alg.toRatFunc(lhs).sub(alg.toRatFunc(rhs));
          const qIndex = alg.table.vars.findIndex((v) => v === exp(t[1]!));
          for (const [key, coeff] of r.num.terms) {
            const qdeg = qIndex < 0 ? 0 : key.charCodeAt(qIndex);
            if (qdeg <= D) return { checked, bad: `(a,b,c,d) = (${a},${b},${c},${d}): coefficient ${coeff.toString()} of a monomial of q-degree ${qdeg}` };
          }
          checked++;
        }
  return { checked };
}

export const v25: Proof = {
  id: "V25",
  title: "WDVV: Kontsevich's recursion; no WDVV for exponential families",
  source: "MATH.md §9 V25, §10.7",
  statement:
    "Kontsevich's numbers $N_d$ give a potential $\\Phi=\\tfrac12t_0^2t_2+\\tfrac12t_0t_1^2+\\sum_dN_d\\frac{t_2^{3d-1}}{(3d-1)!}e^{dt_1}$ satisfying WDVV $\\Phi_{abe}\\eta^{ef}\\Phi_{fcd}=\\Phi_{ade}\\eta^{ef}\\Phi_{fbc}$ up to the truncation order in $q=e^{t_1}$; for the categorical family the Hessian product is not associative ($n\\ge2$).",
  hypotheses: ["$\\eta_{02}=\\eta_{11}=1$", "truncation at $d\\le4$"],
  informal: { claim: "Boltzmann-machine potentials are linked to WDVV (C1).", verdict: "fails as stated" },
  references: ["Kontsevich–Manin (1994)", "Dubrovin (1996)"],
  run(ctx) {
    ctx.custom("Kontsevich's recursion gives 1, 1, 12, 620, 87304, 26312976", (): StepCertificate => {
      const got = kontsevichNumbers(6).map(String);
      const want = ["1", "1", "12", "620", "87304", "26312976"];
      return got.join() === want.join()
        ? { kind: "proved/exact", detail: `exact integer recursion: ${got.join(", ")}` }
        : { kind: "refuted", detail: `got ${got.join(", ")}` };
    });
    const D = 4;
    const N = kontsevichNumbers(D);
    ctx.custom(`WDVV holds for all 81 index quadruples up to q^${D}`, (): StepCertificate => {
      const r = wdvvResidual(N, D);
      return r.bad === undefined
        ? { kind: "proved/exact", detail: `${r.checked} residuals are polynomials in t0, t2, q with no term of q-degree <= ${D} (exact rational arithmetic)` }
        : { kind: "refuted", detail: r.bad };
    }, { justification: "third derivatives of $\\Phi$, exact polynomial algebra in $t_0,t_2,q$" });
    ctx.custom("with N_3 = 13 instead of 12, WDVV fails", (): StepCertificate => {
      const r = wdvvResidual([N[0]!, N[1]!, 13n, N[3]!], D);
      return r.bad !== undefined ? { kind: "counterexample", method: "exact", detail: r.bad } : { kind: "refuted", detail: "the perturbed potential satisfied WDVV" };
    }, { expect: "fails" });

    // categorical family, n = 2: X∘Y defined by g(X∘Y, Z) = ∂³ψ(X, Y, Z)
    const th = ["theta1", "theta2"];
    const psi = log(add(num(1), exp(sym("theta1")), exp(sym("theta2"))));
    const H = hessian(psi, th);
    const c = (i: number, j: number, k: number): Expr => diff(H[i]![j]!, th[k]!);
    let worst = 0;
    for (const point of [{ theta1: 0.3, theta2: -0.7 }, { theta1: 1.1, theta2: 0.4 }, { theta1: -0.5, theta2: -1.2 }]) {
      const g = numInverse(numMatrix(H.map((r) => r.map((x) => evaluate(x, point)))));
      const ginv = (m: number, k: number): number => g.data[m * 2 + k]!;
      const C = (i: number, j: number, k: number): number => evaluate(c(i, j, k), point);
      // (e_i ∘ e_j)^m = Σ_k g^{mk} c_{ijk}
      const prod = (x: number[], y: number[]): number[] =>
        [0, 1].map((m) => {
          let s = 0;
          for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 2; k++) s += x[i]! * y[j]! * ginv(m, k) * C(i, j, k);
          return s;
        });
      const e1 = [1, 0];
      const e2 = [0, 1];
      const left = prod(prod(e1, e1), e2);
      const right = prod(e1, prod(e1, e2));
      worst = Math.max(worst, Math.hypot(left[0]! - right[0]!, left[1]! - right[1]!));
    }
    ctx.numericFails("the categorical Hessian product is not associative (n = 2): |(e₁∘e₁)∘e₂ − e₁∘(e₁∘e₂)| ≫ 1e-8", worst, 0, 1e-8, {
      justification: "worst associator norm at three points of $\\mathbb R^2$",
    });
  },
};
