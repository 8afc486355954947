// Step helpers shared by the proofs of V8–V16: matrix identities decided entrywise by `verify`, and
// Monte Carlo summaries over several statistics (the worst z-score is the step's certificate).
import { type Certificate, type Expr, type SymbolicMatrix, type VerifyOptions, verify } from "../../src/core/index.js";
import type { ProofContext, StepCertificate, StepDisplay, StepOptions } from "../../src/proofs/index.js";

function rank(c: Certificate): number {
  if (c.verdict === "proved") return c.method === "exact" ? 0 : 1;
  return c.verdict === "checked" ? 2 : 3;
}

/** The weakest of several certificates (a refutation or an undecided entry wins, naming the entry). */
export function weakest(certs: ReadonlyArray<{ label: string; cert: Certificate }>): Certificate {
  for (const { label, cert } of certs)
    if (cert.verdict === "refuted") return { ...cert, detail: `entry ${label}: ${cert.detail}` };
  for (const { label, cert } of certs)
    if (cert.verdict === "unknown") return { ...cert, reason: `entry ${label}: ${cert.reason}` };
  let w = certs[0]!.cert;
  for (const { cert } of certs) if (rank(cert) > rank(w)) w = cert;
  return w.verdict === "unknown" ? w : { ...w, detail: `all ${certs.length} entries: ${w.detail}` };
}

/**
 * L = R for matrices of expressions, every entry decided by `verify` (the weakest entry is the step's
 * certificate); the document shows R under the name `lhsLatex`.
 */
export function matrixIdentity(
  ctx: ProofContext,
  title: string,
  L: SymbolicMatrix,
  R: SymbolicMatrix,
  lhsLatex: string,
  options: StepOptions & { verify?: VerifyOptions; symmetric?: boolean } = {},
): StepCertificate {
  return ctx.certificate(
    title,
    () => {
      if (L.rows !== R.rows || L.cols !== R.cols) throw new Error(`shapes ${L.rows}x${L.cols} and ${R.rows}x${R.cols} differ`);
      const certs: Array<{ label: string; cert: Certificate }> = [];
      for (let i = 0; i < L.rows; i++)
        for (let j = options.symmetric ? i : 0; j < L.cols; j++)
          certs.push({ label: `(${i + 1},${j + 1})`, cert: verify(L.get(i, j), R.get(i, j), options.verify) });
      return weakest(certs);
    },
    { display: { kind: "formula", expr: R, lhs: lhsLatex }, ...options },
  );
}

/** A list of expressions that must all vanish (e.g. the columns of a divergence). */
export function allZero(ctx: ProofContext, title: string, exprs: readonly Expr[], zero: Expr, options: StepOptions & { verify?: VerifyOptions } = {}): StepCertificate {
  return ctx.certificate(title, () => weakest(exprs.map((e, k) => ({ label: String(k + 1), cert: verify(e, zero, options.verify) }))), options);
}

/** One Monte Carlo statistic: its estimate, standard error and exact value. */
export interface McStatistic {
  label: string;
  estimate: number;
  se: number;
  expected: number;
}

/**
 * Several Monte Carlo statistics in one step: each must be within `sigmas` (default 5) standard errors;
 * the step's certificate is the worst one, and the detail lists the largest z-scores.
 */
export function monteCarloAll(ctx: ProofContext, title: string, stats: () => readonly McStatistic[], options: StepOptions & { sigmas?: number } = {}): StepCertificate {
  const k = options.sigmas ?? 5;
  return ctx.custom(
    title,
    (): StepCertificate => {
      const all = stats();
      if (all.length === 0) return { kind: "refuted", detail: "no statistics" };
      let worst = all[0]!, wz = -1;
      for (const s of all) {
        if (!(s.se > 0) || !Number.isFinite(s.estimate)) return { kind: "refuted", detail: `${s.label}: invalid estimate ${s.estimate} ± ${s.se}` };
        const z = Math.abs(s.estimate - s.expected) / s.se;
        if (z > wz) [worst, wz] = [s, z];
      }
      const detail = `${all.length} statistics within ${k} SE; worst ${worst.label}: estimate ${worst.estimate.toPrecision(6)} ± ${worst.se.toPrecision(3)} (SE) vs ${worst.expected.toPrecision(6)}, ${wz.toFixed(2)} SE`;
      return wz <= k
        ? { kind: "checked/monte-carlo", estimate: worst.estimate, expected: worst.expected, standardError: worst.se, sigmas: wz, detail }
        : { kind: "refuted", detail: `${detail} > ${k} SE` };
    },
    options,
  );
}

/**
 * A Kolmogorov–Smirnov step at level α (MATH §9: 10⁻³): succeeds when the p-value exceeds α. Recorded
 * as a Monte Carlo certificate with estimate D, expected 0, standard error 1/√m (m the effective sample
 * size, the natural scale of D) and sigmas √m·D; the detail gives D and the p-value.
 */
export function ksStep(
  ctx: ProofContext,
  title: string,
  test: () => { statistic: number; pValue: number; m: number },
  options: StepOptions & { level?: number } = {},
): StepCertificate {
  const level = options.level ?? 1e-3;
  return ctx.custom(
    title,
    (): StepCertificate => {
      const r = test();
      const se = 1 / Math.sqrt(r.m);
      const detail = `KS statistic D = ${r.statistic.toPrecision(4)} (effective size ${Math.round(r.m)}), p-value ${r.pValue.toPrecision(3)} ${r.pValue > level ? ">" : "<="} level ${level}`;
      return r.pValue > level
        ? { kind: "checked/monte-carlo", estimate: r.statistic, expected: 0, standardError: se, sigmas: r.statistic / se, detail }
        : { kind: "refuted", detail };
    },
    options,
  );
}

/** Display of a step as an identity written in matrix notation (print-only kernels det, tr, inv, matmul). */
export function shown(lhs: Expr, rhs: Expr): StepDisplay {
  return { kind: "identity", lhs, rhs };
}

/** No display: the title states the identity (used where the canonical forms are too wide to print). */
export const TITLE_ONLY: StepDisplay = { kind: "none" };
