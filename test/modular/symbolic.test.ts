// Symbolic twins held to the numeric ones (compiled with compileComplex and compared at random
// points): spectral-data generators, the qubit closed forms of MATH §6.9 (V20b), Gibbs states of
// symbolic 2×2 and 3×3 Hamiltonians (§6.10), Peschel's spectral formulas (§6.11).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, compileComplex } from "../../src/compile/index.js";
import { type Expr, I, Matrix, add, dagSize, exp, fn, mul, neg, sub, sym, toMathjs } from "../../src/core/index.js";

const cos = (x: Expr) => fn("cos", x);
const sin = (x: Expr) => fn("sin", x);
import { type CMatrix, cmatmul, conjTranspose, eigvalsh } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { rel } from "./arbitraries.js";

/** Evaluates a symbolic matrix (complex entries) at a point through compileComplex. */
function evalMatrix(A: Matrix<Expr>, names: string[], values: number[]): CMatrix {
  const f = compileComplex(A.toArray().flat(), names);
  const out = new Float64Array(f.outputSize);
  f(Float64Array.from(values), out);
  const N = A.rows * A.cols;
  return { rows: A.rows, cols: A.cols, re: out.slice(0, N), im: out.slice(N) };
}

function evalReal(e: Expr[], names: string[], values: number[]): Float64Array {
  const f = compile(e, names);
  const out = new Float64Array(f.outputSize);
  f(Float64Array.from(values), out);
  return out;
}

const g = (k: number) => fc.integer({ min: -k * 1000, max: k * 1000 }).map((v) => v / 1000);

describe("qubit closed forms (MATH §6.9, V20b)", () => {
  const q = M.qubitModular();
  const names = ["rx", "ry", "rz", "t"];
  const blochArb = fc.tuple(g(1), g(1), g(1)).filter(([x, y, z]) => {
    const r = Math.hypot(x, y, z);
    return r > 1e-3 && r < 0.999;
  });
  const logRho = compileComplex(q.logDensity.toArray().flat(), names);
  const unitary = compileComplex(q.modularUnitary("t").toArray().flat(), names);

  it("log ρ, ρ^{it}, spec log Δ, entropy and the rotation of Bloch vectors agree with the numeric modular theory", () => {
    fc.assert(
      fc.property(blochArb, g(3), fc.tuple(g(1), g(1), g(1)), (r, t, m) => {
        const st = M.densityFromBloch(r);
        const pt = Float64Array.from([...r, t]);
        const out = new Float64Array(8);
        logRho(pt, out);
        expect(rel({ rows: 2, cols: 2, re: out.slice(0, 4), im: out.slice(4) }, M.logDensity(st))).toBeLessThan(1e-10);
        unitary(pt, out);
        expect(rel({ rows: 2, cols: 2, re: out.slice(0, 4), im: out.slice(4) }, M.modularUnitary(st, t))).toBeLessThan(1e-10);
        const spec = evalReal([...q.logDeltaSpectrum], ["rx", "ry", "rz"], r).sort();
        const num = M.liouvilleanSpectrum(st);
        spec.forEach((v, k) => expect(Math.abs(v - num[k]!)).toBeLessThan(1e-10));
        expect(Math.abs(evalReal([q.entropy], ["rx", "ry", "rz"], r)[0]! - M.vonNeumannEntropy(st))).toBeLessThan(1e-12);
        // σ_t((I + m·σ)/2) = (I + m'·σ)/2 with m' the rotation by θ_t = −2t artanh r about r̂
        const mm = evalReal(q.flowBloch(["mx", "my", "mz"], "t"), ["rx", "ry", "rz", "mx", "my", "mz", "t"], [...r, ...m, t]);
        const x = { re: [[(1 + m[2]) / 2, m[0] / 2], [m[0] / 2, (1 - m[2]) / 2]], im: [[0, -m[1] / 2], [m[1] / 2, 0]] };
        const F = M.modularFlow(st, x, t);
        const mf = [2 * F.re[1]!, -2 * F.im[1]!, F.re[0]! - F.re[3]!];
        mf.forEach((v, k) => expect(Math.abs(v - mm[k]!)).toBeLessThan(1e-10));
        const th = evalReal([q.rotationAngle("t")], names, [...r, t])[0]!;
        expect(Math.abs(th + t * Math.log((1 + Math.hypot(...r)) / (1 - Math.hypot(...r))))).toBeLessThan(1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it("the relative-entropy closed form equals the numeric S(ρ‖σ)", () => {
    const f = compile(q.relativeEntropy(["sx", "sy", "sz"]), ["rx", "ry", "rz", "sx", "sy", "sz"]);
    fc.assert(
      fc.property(blochArb, blochArb, (r, s) => {
        const out = new Float64Array(1);
        f(Float64Array.from([...r, ...s]), out);
        const v = M.relativeEntropy(M.densityFromBloch(r), M.densityFromBloch(s));
        expect(Math.abs(out[0]! - v)).toBeLessThan(1e-10 * Math.max(1, v));
      }),
      { numRuns: 60 },
    );
  });

  it("prints in mathjs syntax with atanh, cos, sin, sqrt and i", () => {
    const s = toMathjs(q.modularUnitary("t").get(0, 1));
    expect(s).toContain("atanh");
    expect(s).toContain("sin");
    expect(s).toMatch(/\bi\b/);
    expect(toMathjs(q.relativeEntropy(["sx", "sy", "sz"]))).toContain("atanh");
  });
});

describe("spectral-data generator (MATH §6.3)", () => {
  // U = [[cos θ, −e^{−iφ} sin θ], [e^{iφ} sin θ, cos θ]] is unitary for real θ, φ
  const th = sym("theta"), ph = sym("phi");
  const U = new Matrix<Expr>([
    [cos(th), neg(mul(exp(neg(mul(I, ph))), sin(th)))],
    [mul(exp(mul(I, ph)), sin(th)), cos(th)],
  ]);
  const G = M.spectralGenerator(["p1", "p2"], U);
  const names = ["p1", "p2", "theta", "phi", "t"];
  it("K_ρ, ρ^{it}, σ_t(x), log Δ (both vec conventions) and its spectrum log p_i − log p_j match the numerics", () => {
    const x = new Matrix<Expr>([[sym("x11"), sym("x12")], [sym("x21"), sym("x22")]]);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 995 }), g(3), g(3), g(3), fc.tuple(g(1), g(1), g(1), g(1)), (k, theta, phi, t, xs) => {
        const p1 = k / 1000, p2 = 1 - p1;
        const pt = [p1, p2, theta, phi, t];
        const Un = evalMatrix(U, names, pt);
        const rhoM = cmatmul(cmatmul(Un, { rows: 2, cols: 2, re: Float64Array.of(p1, 0, 0, p2), im: new Float64Array(4) }), conjTranspose(Un));
        const st = M.densityMatrix(rhoM, { normalize: true });
        expect(rel(evalMatrix(G.modularHamiltonian, names, pt), M.modularHamiltonian(st))).toBeLessThan(1e-10);
        expect(rel(evalMatrix(G.modularUnitary("t"), names, pt), M.modularUnitary(st, t))).toBeLessThan(1e-10);
        for (const c of ["column", "row"] as const) {
          expect(rel(evalMatrix(G.liouvilleanMatrix(c), names, pt), M.liouvilleanMatrix(st, c))).toBeLessThan(1e-10);
        }
        const xn = { rows: 2, cols: 2, re: Float64Array.from(xs), im: new Float64Array(4) };
        const flowE = evalMatrix(G.flow(x, "t"), [...names, "x11", "x12", "x21", "x22"], [...pt, ...xs]);
        expect(rel(flowE, M.modularFlow(st, xn, t))).toBeLessThan(1e-10);
        const spec = evalReal(G.logDeltaSpectrum.flat(), names, pt).sort();
        M.liouvilleanSpectrum(st).forEach((v, i) => expect(Math.abs(v - spec[i]!)).toBeLessThan(1e-10));
      }),
      { numRuns: 40 },
    );
  });

  it("without a basis: diagonal forms; flow phases (p_i/p_j)^{it}", () => {
    const D = M.spectralGenerator(["a", "b", "c"]);
    expect(toMathjs(D.logDeltaSpectrum[0]![1]!)).toBe("log(a) - log(b)");
    const ph3 = evalMatrix(new Matrix(D.flowPhases("t")), ["a", "b", "c", "t"], [0.2, 0.3, 0.5, 0.7]);
    expect(Math.abs(ph3.re[1]! - Math.cos(0.7 * Math.log(0.2 / 0.3)))).toBeLessThan(1e-15);
    expect(Math.abs(ph3.im[1]! - Math.sin(0.7 * Math.log(0.2 / 0.3)))).toBeLessThan(1e-15);
  });
});

describe("Gibbs states of symbolic Hamiltonians (MATH §6.10)", () => {
  const s = (n: string) => sym(n);
  const H2 = new Matrix<Expr>([
    [s("h11"), add(s("a12"), mul(I, s("b12")))],
    [sub(s("a12"), mul(I, s("b12"))), s("h22")],
  ]);
  const H3 = new Matrix<Expr>([
    [s("h11"), add(s("a12"), mul(I, s("b12"))), add(s("a13"), mul(I, s("b13")))],
    [sub(s("a12"), mul(I, s("b12"))), s("h22"), add(s("a23"), mul(I, s("b23")))],
    [sub(s("a13"), mul(I, s("b13"))), sub(s("a23"), mul(I, s("b23"))), s("h33")],
  ]);
  const g2 = M.gibbsSymbolic(H2, "beta");
  const g3 = M.gibbsSymbolic(H3, "beta");
  const n2 = ["h11", "h22", "a12", "b12", "beta", "t"];
  const n3 = ["h11", "h22", "h33", "a12", "b12", "a13", "b13", "a23", "b23", "beta", "t"];
  function numericH(v: number[], n: 2 | 3): CMatrix {
    if (n === 2) {
      const [h11, h22, a, b] = v as [number, number, number, number];
      return { rows: 2, cols: 2, re: Float64Array.of(h11, a, a, h22), im: Float64Array.of(0, b, -b, 0) };
    }
    const [h11, h22, h33, a12, b12, a13, b13, a23, b23] = v as number[] as [number, number, number, number, number, number, number, number, number];
    return {
      rows: 3,
      cols: 3,
      re: Float64Array.of(h11, a12, a13, a12, h22, a23, a13, a23, h33),
      im: Float64Array.of(0, b12, b13, -b12, 0, b23, -b13, -b23, 0),
    };
  }
  for (const [n, gs, names] of [[2, g2, n2], [3, g3, n3]] as const) {
    it(`${n}×${n}: ρ, log Z, K_ρ = βH + log Z, spec log Δ = −β(E_i − E_j), e^{−iβtH} match the numerics`, () => {
      const rhoF = compileComplex(gs.rho.toArray().flat(), names);
      const logZF = compile([gs.logZ], names);
      const KF = compileComplex(gs.modularHamiltonian.toArray().flat(), names);
      const UF = compileComplex(gs.flowUnitary("t").toArray().flat(), names);
      const specF = compile(gs.logDeltaSpectrum.flat(), names);
      const entries = n === 2 ? 4 : 9;
      fc.assert(
        fc.property(fc.array(g(1), { minLength: names.length - 2, maxLength: names.length - 2 }), fc.integer({ min: 100, max: 3000 }), g(2), (hv, bk, t) => {
          const beta = bk / 1000;
          const H = numericH(hv, n);
          const pt = Float64Array.from([...hv, beta, t]);
          const get = (f: typeof rhoF, size: number, complex = true): CMatrix | Float64Array => {
            const out = new Float64Array(f.outputSize);
            f(pt, out);
            return complex ? { rows: size, cols: size, re: out.slice(0, size * size), im: out.slice(size * size) } : out;
          };
          // Sylvester's formula divides by E_k − E_j: keep the spectrum of H separated (gap > 0.05)
          const E = eigvalsh(H);
          for (let k = 1; k < E.length; k++) fc.pre(E[k]! - E[k - 1]! > 0.05);
          const st = M.gibbsState(H, beta);
          expect(rel(get(rhoF, n) as CMatrix, st.matrix)).toBeLessThan(1e-9);
          expect(Math.abs((get(logZF, 1, false) as Float64Array)[0]! - M.gibbsLogPartition(H, beta))).toBeLessThan(1e-10);
          expect(rel(get(KF, n) as CMatrix, M.modularHamiltonian(st))).toBeLessThan(1e-9);
          // the flow: e^{−iβtH} x e^{iβtH} = σ_t(x)
          const Ut = get(UF, n) as CMatrix;
          const x: CMatrix = { rows: n, cols: n, re: Float64Array.from({ length: entries }, (_, k) => Math.sin(k + 1)), im: Float64Array.from({ length: entries }, (_, k) => Math.cos(k)) };
          expect(rel(cmatmul(cmatmul(Ut, x), conjTranspose(Ut)), M.modularFlow(st, x, t))).toBeLessThan(1e-9);
          const spec = (get(specF, 1, false) as Float64Array).slice().sort();
          M.liouvilleanSpectrum(st).forEach((v, k) => expect(Math.abs(v - spec[k]!)).toBeLessThan(1e-9));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("rejects a non-Hermitian H and other sizes, naming H", () => {
    const bad = new Matrix<Expr>([[s("a"), s("b")], [s("c"), s("d")]]);
    expect(() => M.gibbsSymbolic(bad)).toThrow(/H is not Hermitian/);
    expect(() => M.gibbsSymbolic(new Matrix<Expr>([[s("a")]]))).toThrow(/2×2 or 3×3/);
    expect(dagSize(g3.rho.get(0, 1))).toBeLessThan(5000);
  });
});

describe("Peschel (MATH §6.11, V20c)", () => {
  const hArb = (L: number) =>
    fc.tuple(fc.array(g(1), { minLength: L * L, maxLength: L * L }), fc.array(g(1), { minLength: L * L, maxLength: L * L })).map(([a, b]) => {
      const re = new Float64Array(L * L), im = new Float64Array(L * L);
      for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) {
        re[i * L + j] = (a[i * L + j]! + a[j * L + i]!) / 2;
        im[i * L + j] = (b[i * L + j]! - b[j * L + i]!) / 2;
      }
      return { rows: L, cols: L, re, im } as CMatrix;
    });

  it("Jordan–Wigner, L = 1..4, complex h: the transposed formula holds (h, log Z, S, K_ρ); the untransposed one fails with O(1) error", () => {
    for (let L = 1; L <= 4; L++) {
      fc.assert(
        fc.property(hArb(L), (h) => {
          const c = M.peschelJordanWignerCheck(h);
          expect(c.transposed).toBeLessThan(1e-10);
          expect(c.logPartition).toBeLessThan(1e-12);
          expect(c.entropy).toBeLessThan(1e-10);
          expect(c.modularHamiltonian).toBeLessThan(1e-10);
          // ‖h − h̄‖ = 2‖Im h‖: the untransposed reconstruction is h̄
          let imNorm = 0, norm = 0;
          for (let k = 0; k < L * L; k++) {
            imNorm += h.im[k]! ** 2;
            norm += h.re[k]! ** 2 + h.im[k]! ** 2;
          }
          const expected = (2 * Math.sqrt(imNorm)) / Math.sqrt(norm);
          expect(Math.abs(c.untransposed - expected)).toBeLessThan(1e-9);
          if (L >= 2 && imNorm > 0.01 * norm) expect(c.untransposed).toBeGreaterThan(0.1);
        }),
        { numRuns: L === 4 ? 8 : 20 },
      );
    }
  });

  it("C = ((I + e^h)⁻¹)ᵀ inverts h = [log((I − C)C⁻¹)]ᵀ; CAR relations of the Jordan–Wigner modes", () => {
    fc.assert(
      fc.property(hArb(3), (h) => {
        const C = M.peschelCorrelation(h);
        expect(rel(M.peschelHamiltonian(C), h)).toBeLessThan(1e-10);
      }),
      { numRuns: 30 },
    );
    const c = M.jordanWignerModes(3);
    const D = 8;
    const re = (A: CMatrix | { data: Float64Array }) => ("data" in A ? A.data : A.re);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const ci = { rows: D, cols: D, re: c[i]!.data, im: new Float64Array(D * D) };
      const cj = { rows: D, cols: D, re: c[j]!.data, im: new Float64Array(D * D) };
      const anti = cmatmul(ci, conjTranspose(cj));
      const anti2 = cmatmul(conjTranspose(cj), ci);
      const a2 = cmatmul(ci, cj), b2 = cmatmul(cj, ci);
      for (let k = 0; k < D * D; k++) {
        expect(re(anti)[k]! + re(anti2)[k]!).toBe(i === j && k % (D + 1) === 0 ? 1 : 0);
        expect(re(a2)[k]! + re(b2)[k]!).toBe(0);
      }
    }
  });

  it("symbolic spectral form: h = Ū diag(log((1−n)/n)) Uᵀ, log Z, S match the numerics", () => {
    const th = sym("theta"), phi = sym("phi");
    const U = new Matrix<Expr>([
      [cos(th), neg(mul(exp(neg(mul(I, phi))), sin(th)))],
      [mul(exp(mul(I, phi)), sin(th)), cos(th)],
    ]);
    const P = M.peschelSymbolic(["n1", "n2"], U);
    const names = ["n1", "n2", "theta", "phi"];
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 990 }), fc.integer({ min: 10, max: 990 }), g(3), g(3), (a, b, theta, ph) => {
        const pt = [a / 1000, b / 1000, theta, ph];
        const Un = evalMatrix(U, names, pt);
        const C = cmatmul(cmatmul(Un, { rows: 2, cols: 2, re: Float64Array.of(pt[0]!, 0, 0, pt[1]!), im: new Float64Array(4) }), conjTranspose(Un));
        expect(rel(evalMatrix(P.hamiltonian, names, pt), M.peschelHamiltonian(C))).toBeLessThan(1e-10);
        const [lz, ent] = evalReal([P.logZ, P.entropy], names, pt);
        expect(Math.abs(lz! - M.peschelLogPartition(C))).toBeLessThan(1e-12);
        expect(Math.abs(ent! - M.peschelEntropy(C))).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
    expect(toMathjs(P.modularEnergies[0]!)).toContain("log");
    expect(String(fn("atanh", sym("r")))).toBe("atanh(r)");
  });
});
