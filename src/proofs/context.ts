// The step API a proof runs against. Every step records its certificate; nothing is asserted by hand.
import type { Expr } from "../core/expr.js";
import type { Matrix } from "../core/matrix.js";
import { type Certificate, type VerifyOptions, verify } from "../core/verify.js";
import { QgeomError } from "../core/errors.js";
import type { StepCertificate, StepDisplay, StepResult } from "./types.js";

/** Options common to every step of {@link ProofContext}. */
export interface StepOptions {
  /** Why the step holds (plain text, inline math between $...$; default ""). */
  justification?: string;
  /** Show the step as this identity/chain/formula in the document (default: from the step's inputs). */
  display?: StepDisplay;
}

function fromCertificate(c: Certificate, expect: "holds" | "fails"): StepCertificate {
  if (expect === "fails") {
    if (c.verdict === "refuted")
      return {
        kind: "counterexample",
        method: c.method,
        detail: c.detail,
        point: c.counterexample.point,
        values: { lhs: c.counterexample.lhs, rhs: c.counterexample.rhs },
      };
    if (c.verdict === "unknown") return { kind: "unknown", detail: c.reason };
    return { kind: "refuted", detail: `expected to fail, but it is ${c.verdict} (${c.method}): ${c.detail}` };
  }
  switch (c.verdict) {
    case "proved":
      return c.method === "exact"
        ? { kind: "proved/exact", detail: c.detail }
        : { kind: "proved/probabilistic", errorBound: c.errorBound, detail: c.detail };
    case "checked":
      return { kind: "checked/numeric", error: c.maxRelError, tolerance: c.tolerance, detail: c.detail };
    case "refuted":
      return { kind: "refuted", detail: c.detail, point: c.counterexample.point, values: { lhs: c.counterexample.lhs, rhs: c.counterexample.rhs } };
    case "unknown":
      return { kind: "unknown", detail: c.reason };
  }
}

/**
 * The step API a {@link Proof} runs against. Each method decides one step, records a {@link StepResult}
 * (title, justification, display, certificate, time) and returns the certificate. A step whose decision
 * throws is recorded as `refuted` with the error message rather than aborting the proof.
 */
export class ProofContext {
  /** The steps recorded so far, in order. */
  readonly steps: StepResult[] = [];

  private record(title: string, expect: "holds" | "fails", display: StepDisplay, options: StepOptions, decide: () => StepCertificate): StepCertificate {
    const t0 = performance.now();
    let certificate: StepCertificate;
    try {
      certificate = decide();
    } catch (e) {
      certificate = { kind: "refuted", detail: `the step threw: ${e instanceof Error ? e.message : String(e)}` };
    }
    this.steps.push({ title, justification: options.justification ?? "", display: options.display ?? display, certificate, expect, ms: performance.now() - t0 });
    return certificate;
  }

  /** lhs = rhs, decided by verify (exact, else probabilistic, else numeric on the domain). */
  identity(title: string, lhs: Expr, rhs: Expr, options: StepOptions & { verify?: VerifyOptions } = {}): StepCertificate {
    return this.record(title, "holds", { kind: "identity", lhs, rhs }, options, () => fromCertificate(verify(lhs, rhs, options.verify), "holds"));
  }

  /**
   * A step decided by a `Certificate` that a module's own check returns (e.g. `verifyLinearization`,
   * `verifyGaussianMomentMeasure`): proved/checked succeed, refuted and unknown break the proof; with
   * `expect: "fails"` a refutation is the counterexample the step asserts.
   */
  certificate(title: string, decide: () => Certificate, options: StepOptions & { expect?: "holds" | "fails" } = {}): StepCertificate {
    const expect = options.expect ?? "holds";
    return this.record(title, expect, { kind: "none" }, options, () => fromCertificate(decide(), expect));
  }

  /** A literal claim lhs = rhs that is false: the step succeeds with the counterexample verify finds. */
  refutes(title: string, lhs: Expr, rhs: Expr, options: StepOptions & { verify?: VerifyOptions } = {}): StepCertificate {
    return this.record(title, "fails", { kind: "identity", lhs, rhs }, options, () => fromCertificate(verify(lhs, rhs, options.verify), "fails"));
  }

  /** A chain start = e1 = e2 = ... : every link verified; the weakest link is the step's certificate. */
  chain(title: string, start: Expr, links: Array<{ expr: Expr; justification?: string }>, options: StepOptions & { verify?: VerifyOptions } = {}): StepCertificate {
    return this.record(title, "holds", { kind: "chain", start, steps: links }, options, () => {
      let prev = start;
      let weakest: StepCertificate | null = null;
      const order = ["proved/exact", "proved/probabilistic", "checked/numeric"];
      for (const l of links) {
        const c = fromCertificate(verify(prev, l.expr, options.verify), "holds");
        if (c.kind === "refuted" || c.kind === "unknown") return { ...c, detail: `link "${l.justification ?? ""}": ${c.detail}` };
        if (weakest === null || order.indexOf(c.kind) > order.indexOf(weakest.kind)) weakest = c;
        prev = l.expr;
      }
      if (weakest === null) throw new QgeomError("INVALID_ARGUMENT", `a chain needs at least one link; pass at least one step`);
      return weakest;
    });
  }

  /**
   * A numeric check: |value - expected| <= tol · max(1, |expected|) (relative, with an absolute floor of tol
   * at scale 1 unless `absolute` is set). Arrays are compared entrywise (worst error reported).
   */
  numeric(
    title: string,
    value: number | readonly number[],
    expected: number | readonly number[],
    tol: number,
    options: StepOptions & { absolute?: boolean } = {},
  ): StepCertificate {
    return this.record(title, "holds", { kind: "none" }, options, () => {
      const a = typeof value === "number" ? [value] : value;
      const b = typeof expected === "number" ? [expected] : expected;
      if (a.length !== b.length) return { kind: "refuted", detail: `length ${a.length} versus expected ${b.length}` };
      let worst = 0;
      let at = -1;
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) return { kind: "refuted", detail: `non-finite value at index ${i}: ${a[i]} vs ${b[i]}` };
        const scale = options.absolute ? 1 : Math.max(1, Math.abs(b[i]!));
        const err = Math.abs(a[i]! - b[i]!) / scale;
        if (err > worst) [worst, at] = [err, i];
      }
      if (worst <= tol) return { kind: "checked/numeric", error: worst, tolerance: tol, detail: `${a.length} value(s), worst ${options.absolute ? "absolute" : "relative"} error ${worst.toExponential(2)} <= ${tol}` };
      return { kind: "refuted", detail: `error ${worst.toExponential(3)} > ${tol} at index ${at}: ${a[at]} vs expected ${b[at]}` };
    });
  }

  /** A numeric claim that must NOT hold (e.g. "the swapped order fails"): succeeds when the error exceeds `gap`. */
  numericFails(title: string, value: number, wrongly: number, gap: number, options: StepOptions = {}): StepCertificate {
    return this.record(title, "fails", { kind: "none" }, options, () => {
      const err = Math.abs(value - wrongly) / Math.max(1, Math.abs(wrongly));
      if (err > gap) return { kind: "counterexample", method: "numeric", detail: `differs by ${err.toExponential(3)} (> ${gap}): ${value} vs ${wrongly}` };
      return { kind: "refuted", detail: `expected a difference > ${gap}, got ${err.toExponential(3)}` };
    });
  }

  /** A Monte Carlo check: |estimate - expected| <= sigmas · standardError (MATH.md §9: 5 SE). */
  monteCarlo(title: string, estimate: number, standardError: number, expected: number, options: StepOptions & { sigmas?: number } = {}): StepCertificate {
    const k = options.sigmas ?? 5;
    return this.record(title, "holds", { kind: "none" }, options, () => {
      if (!(standardError > 0) || !Number.isFinite(estimate)) return { kind: "refuted", detail: `invalid Monte Carlo estimate ${estimate} ± ${standardError}` };
      const z = Math.abs(estimate - expected) / standardError;
      const detail = `estimate ${estimate.toPrecision(6)} ± ${standardError.toPrecision(3)} (SE) vs ${expected.toPrecision(6)}: ${z.toFixed(2)} SE`;
      return z <= k ? { kind: "checked/monte-carlo", estimate, expected, standardError, sigmas: z, detail } : { kind: "refuted", detail: `${detail} > ${k} SE` };
    });
  }

  /** A boolean fact established by computation (e.g. "λ_min > 0 on every sample"), with what was checked. */
  fact(title: string, holds: boolean, detail: string, options: StepOptions & { expect?: "holds" | "fails" } = {}): StepCertificate {
    const expect = options.expect ?? "holds";
    return this.record(title, expect, { kind: "none" }, options, () => {
      if (expect === "fails") return holds ? { kind: "refuted", detail: `expected to fail: ${detail}` } : { kind: "counterexample", method: "numeric", detail };
      return holds ? { kind: "checked/numeric", error: 0, tolerance: 0, detail } : { kind: "refuted", detail };
    });
  }

  /** A step decided by a custom computation returning its certificate (exact algebra done by hand in code). */
  custom(title: string, decide: () => StepCertificate, options: StepOptions & { expect?: "holds" | "fails" } = {}): StepCertificate {
    return this.record(title, options.expect ?? "holds", { kind: "none" }, options, decide);
  }

  /** Shows a formula in the document (no certificate of its own). */
  show(title: string, expr: Expr | Matrix<Expr>, lhs?: string, justification = ""): void {
    this.steps.push({
      title,
      justification,
      display: { kind: "formula", expr, ...(lhs !== undefined ? { lhs } : {}) },
      certificate: { kind: "proved/exact", detail: "definition" },
      expect: "holds",
      ms: 0,
    });
  }
}
