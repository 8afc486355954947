// V18 (MATH §6.1–6.3, 6.6): Tomita objects in the matrix model, as operators on vectors and as
// n²×n² superoperator matrices in both vec conventions; J only on vectors or in the real
// 2n²-dimensional form. Complex Hermitian states of sizes 2–8, nearly singular ones included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CMatrix,
  cadd,
  cmatmul,
  conjTranspose,
  cscale,
  eighHermitian,
  frobeniusNorm,
  identity,
  kron,
  transpose,
} from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { cmat, condOf, dim, rel, stateOf } from "./arbitraries.js";

const caseArb = dim.chain((n) => fc.tuple(stateOf(n), cmat(n), cmat(n), fc.double({ min: -3, max: 3, noNaN: true })));

/** Plain transpose (no conjugation) of a complex matrix. */
function ctranspose(A: CMatrix): CMatrix {
  const n = A.rows;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    re[j * n + i] = A.re[i * n + j]!;
    im[j * n + i] = A.im[i * n + j]!;
  }
  return { rows: n, cols: n, re, im };
}

describe("Tomita–Takesaki identities on vectors (V18)", () => {
  it("S(xΩ) = x*Ω, ΔΩ = Ω, JΩ = Ω, J L_x J = R_{x*}, JΔJ = Δ⁻¹, JΔ^{it}J = Δ^{it}", () => {
    fc.assert(
      fc.property(caseArb, ([st, x, xi, t]) => {
        const d = M.tomitaDefects(M.densityMatrix(st.rho), x, xi, t);
        // N 1e-10, except where an unbounded power acts on a rounded vector: Δ on the computed
        // Ω = ρ^{1/2} amplifies its rounding by up to κ = λ_max/λ_min, Δ^{1/2} by κ^{1/2}
        // (κ = 5e9 for λ_min = 1e-10, giving ~1e-6 and ~1e-11)
        const k = condOf(st.p), eps = 2 ** -52;
        const tol: Record<string, number> = { deltaOmega: 1e-10 + 10 * eps * k, polar: 1e-10 + 10 * eps * Math.sqrt(k) };
        for (const [key, v] of Object.entries(d)) expect(v, key).toBeLessThan(tol[key] ?? 1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it("S = JΔ^{1/2} = ρ^{−1/2} ξ* ρ^{1/2}; S² = 1 on vectors; Δ = S*S in the real form", () => {
    fc.assert(
      fc.property(caseArb, ([st, , xi]) => {
        const rho = M.densityMatrix(st.rho);
        const n = st.rho.rows;
        const Sxi = M.tomitaS(rho, xi);
        expect(rel(Sxi, M.modularConjugation(M.modularOperator(rho, xi, 0.5)))).toBeLessThan(1e-12);
        // S is an involution (antilinear): S(Sξ) = ξ; error ~ ε·κ^{1/2}
        expect(rel(M.tomitaS(rho, Sxi), xi)).toBeLessThan(1e-12 * Math.max(1, Math.sqrt(condOf(st.p))));
        // S*S = Δ: in the real form, Sᵀ S (real transpose = adjoint for Re⟨·,·⟩) equals realForm(Δ)
        const Sr = M.tomitaSRealForm(rho);
        const StS = M.realMatmul(transpose(Sr), Sr);
        const D = M.realForm(M.modularOperatorMatrix(rho));
        expect(rel(StS, D)).toBeLessThan(1e-10);
        expect(Sr.rows).toBe(2 * n * n);
      }),
      { numRuns: 25 },
    );
  });

  it("relative objects: S_{σ,ρ}(xρ^{1/2}) = x*σ^{1/2}, Δ_{σ,ρ} = σ·ρ⁻¹, Δ_{ρ,ρ} = Δ, log Δ_{σ,ρ} generates Δ^{it}_{σ,ρ}", () => {
    fc.assert(
      fc.property(dim.chain((n) => fc.tuple(stateOf(n), stateOf(n), cmat(n), cmat(n))), ([a, b, x, xi]) => {
        const rho = M.densityMatrix(a.rho), sigma = M.densityMatrix(b.rho);
        const hr = M.omega(rho), hs = M.omega(sigma);
        const lhs = M.relativeTomitaS(sigma, rho, cmatmul(x, hr));
        expect(rel(lhs, cmatmul(conjTranspose(x), hs))).toBeLessThan(1e-10 * Math.max(1, condOf(a.p) * 1e-9));
        const D = M.relativeModularOperator(sigma, rho, xi);
        const direct = cmatmul(cmatmul(b.rho, xi), M.densityPower(rho, -1));
        expect(rel(D, direct)).toBeLessThan(1e-10 * Math.max(1, condOf(a.p) * 1e-7));
        expect(rel(M.relativeModularOperator(rho, rho, xi), M.modularOperator(rho, xi))).toBeLessThan(1e-12);
        // d/dt Δ^{it}_{σ,ρ} ξ |₀ = i log Δ_{σ,ρ} ξ (FD)
        const h = 1e-5;
        const fd = cscale(cadd(M.relativeModularOperator(sigma, rho, xi, { re: 0, im: h }), cscale(M.relativeModularOperator(sigma, rho, xi, { re: 0, im: -h }), -1)), 0, -1 / (2 * h));
        const k = Math.max(Math.log(condOf(a.p)), Math.log(condOf(b.p)), 1);
        expect(rel(fd, M.logRelativeModularOperator(sigma, rho, xi), 1)).toBeLessThan(1e-5 * Math.max(1, (k / 5) ** 2));
      }),
      { numRuns: 40 },
    );
  });
});

describe("superoperator matrices (V18, MATH §6.3)", () => {
  const conventions = ["column", "row"] as const;

  it("vec(AXB) = (Bᵀ⊗A) vec X and vec_r(AXB) = (A⊗Bᵀ) vec_r X; vec_r is NumPy's reshape", () => {
    fc.assert(
      fc.property(dim.chain((n) => fc.tuple(cmat(n), cmat(n), cmat(n))), ([A, X, B]) => {
        const AXB = cmatmul(cmatmul(A, X), B);
        for (const c of conventions) {
          const S = M.sandwichMatrix(A, B, c);
          expect(rel(cmatmul(S, M.vec(X, c)), M.vec(AXB, c))).toBeLessThan(1e-13);
          expect(rel(M.unvec(M.vec(X, c), c), X)).toBe(0);
          expect(rel(S, M.superoperatorMatrix((Y) => cmatmul(cmatmul(A, Y), B), X.rows, c))).toBeLessThan(1e-13);
        }
        // row-major vec_r: entry (i, j) at i·n + j, i.e. X's own storage order
        expect(Array.from(M.vec(X, "row").re)).toEqual(Array.from(X.re));
        // explicit Kronecker forms from linalg.kron for the real parts
        const n = X.rows;
        expect(M.sandwichMatrix(identity(n), identity(n), "column").re).toEqual(kron(identity(n), identity(n)).data);
      }),
      { numRuns: 30 },
    );
  });

  it("Δ = ρ^{−⊤}⊗ρ (column), ρ⊗ρ^{−⊤} (row); log Δ = I⊗log ρ − (log ρ)ᵀ⊗I (column), log ρ⊗I − I⊗(log ρ)ᵀ (row); both match the operators", () => {
    fc.assert(
      fc.property(caseArb, ([st, xi, , t]) => {
        const rho = M.densityMatrix(st.rho);
        const n = st.rho.rows;
        const rinv = M.densityPower(rho, -1) as CMatrix;
        const L = M.logDensity(rho) as CMatrix;
        const I = { rows: n, cols: n, re: identity(n).data, im: new Float64Array(n * n) };
        const ck = (A: CMatrix, B: CMatrix): CMatrix => {
          // complex Kronecker product through the sandwich identity: A ⊗ B = matrix of X ↦ B X Aᵀ (column)
          return M.sandwichMatrix(B, ctranspose(A), "column");
        };
        const expected = {
          column: { D: ck(ctranspose(rinv), st.rho), L: cadd(ck(I, L), cscale(ck(ctranspose(L), I), -1)) },
          row: { D: ck(st.rho, ctranspose(rinv)), L: cadd(ck(L, I), cscale(ck(I, ctranspose(L)), -1)) },
        };
        const tolD = 1e-12 * Math.max(1, condOf(st.p) * 1e-6);
        for (const c of conventions) {
          const D = M.modularOperatorMatrix(rho, { convention: c });
          expect(rel(D, expected[c].D)).toBeLessThan(tolD);
          const LD = M.liouvilleanMatrix(rho, c);
          expect(rel(LD, expected[c].L)).toBeLessThan(1e-12);
          // actions agree with the operators on vectors
          expect(rel(M.unvec(cmatmul(D, M.vec(xi, c)), c), M.modularOperator(rho, xi))).toBeLessThan(tolD);
          expect(rel(M.unvec(cmatmul(LD, M.vec(xi, c)), c), M.liouvillean(rho, xi))).toBeLessThan(1e-12);
          const Dt = M.modularOperatorMatrix(rho, { convention: c, z: { re: 0, im: t } });
          expect(rel(M.unvec(cmatmul(Dt, M.vec(xi, c)), c), M.modularFlow(rho, xi, t))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("the two conventions are conjugate by the commutation matrix: K (col matrix) K = row matrix", () => {
    fc.assert(
      fc.property(caseArb, ([st]) => {
        const rho = M.densityMatrix(st.rho);
        const n = st.rho.rows;
        const K = M.commutationMatrix(n);
        const col = M.liouvilleanMatrix(rho, "column"), row = M.liouvilleanMatrix(rho, "row");
        expect(rel(cmatmul(cmatmul(K, col), K), row)).toBeLessThan(1e-13);
        // K vec X = vec Xᵀ, K² = I
        expect(rel({ rows: n * n, cols: n * n, data: M.realMatmul(K, K).data }, identity(n * n))).toBe(0);
      }),
      { numRuns: 20 },
    );
  });

  it("spec log Δ = {log p_i − log p_j} (eigenvalues of the Hermitian n²×n² matrix); kernel dimension ≥ n", () => {
    fc.assert(
      fc.property(caseArb, ([st]) => {
        const rho = M.densityMatrix(st.rho);
        const n = st.rho.rows;
        const L = M.liouvilleanMatrix(rho, "column");
        const ev = eighHermitian(L, { symmetryTol: 1e-12 }).values;
        const expected = Array.from({ length: n * n }, (_, k) => Math.log(st.p[Math.floor(k / n)]!) - Math.log(st.p[k % n]!)).sort((a, b) => a - b);
        const scale = Math.max(1, Math.abs(expected[0]!));
        // eigenvalues of log ρ from the matrix carry abs error ~ε‖log ρ‖ per entry; plus log p_min to 1e-6 for λ_min = 1e-10 (ε‖ρ‖/λ_min)
        const tol = 1e-10 + 4 * 2 ** -52 * condOf(st.p);
        ev.forEach((v, k) => expect(Math.abs(v - expected[k]!) / scale).toBeLessThan(tol));
        const spec = M.liouvilleanSpectrum(rho);
        spec.forEach((v, k) => expect(Math.abs(v - expected[k]!) / scale).toBeLessThan(tol));
        expect(spec.filter((v) => Math.abs(v) < 1e-12).length).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 30 },
    );
  });
});

describe("J is antilinear: real 2n²-dimensional form", () => {
  it("J_real [Re vec ξ; Im vec ξ] = [Re vec ξ*; Im vec ξ*] in both conventions; J_real² = 1; J_real Δ J_real = Δ⁻¹; J_real Δ^{it} J_real = Δ^{it}", () => {
    fc.assert(
      fc.property(caseArb, ([st, xi, , t]) => {
        const rho = M.densityMatrix(st.rho);
        const n = st.rho.rows;
        const J = M.modularConjugationRealForm(n);
        for (const c of conventions()) {
          const v = M.toRealVector(xi, c);
          expect(rel(M.fromRealVector(M.applyReal(J, v), c), conjTranspose(xi))).toBe(0);
        }
        expect(rel(M.realMatmul(J, J), identity(2 * n * n))).toBe(0);
        const D = M.realForm(M.modularOperatorMatrix(rho));
        const Dinv = M.realForm(M.modularOperatorMatrix(rho, { z: -1 }));
        expect(rel(M.realMatmul(M.realMatmul(J, D), J), Dinv)).toBeLessThan(1e-12 * Math.max(1, condOf(st.p) * 1e-6));
        const Dt = M.realForm(M.modularOperatorMatrix(rho, { z: { re: 0, im: t } }));
        expect(rel(M.realMatmul(M.realMatmul(J, Dt), J), Dt)).toBeLessThan(1e-12);
        // no complex matrix represents J: J(iξ) = −i J(ξ)
        const ixi = cscale(xi, 0, 1);
        expect(rel(M.modularConjugation(ixi), cscale(M.modularConjugation(xi), 0, -1))).toBe(0);
        expect(frobeniusNorm(xi)).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });
});

function conventions(): readonly ("column" | "row")[] {
  return ["column", "row"];
}
