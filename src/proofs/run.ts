// Running proofs: each in isolation, timed, with failures (refuted or undecided steps, exceptions) reported.
import { ProofContext } from "./context.js";
import { type Proof, type ProofResult, STRENGTH, type StepKind, isSuccess } from "./types.js";

/**
 * Runs one proof in a fresh {@link ProofContext} and summarises it: an exception from `run()` is caught
 * into `error`; `ok`, `strongest` and `weakest` are computed over the decided steps (shown formulas,
 * certificate detail "definition", excluded) by {@link STRENGTH}. Never rejects.
 */
export async function runProof(proof: Proof): Promise<ProofResult> {
  const ctx = new ProofContext();
  const t0 = performance.now();
  let error: string | undefined;
  try {
    await proof.run(ctx);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ms = performance.now() - t0;
  const counted = ctx.steps.filter((s) => s.certificate.detail !== "definition");
  const kinds = counted.map((s) => s.certificate.kind);
  const by = (sign: number): StepKind | null =>
    kinds.length === 0 ? null : kinds.reduce((a, b) => (sign * (STRENGTH[b] - STRENGTH[a]) > 0 ? b : a));
  const ok = error === undefined && counted.length > 0 && counted.every((s) => isSuccess(s.certificate));
  return { proof, steps: ctx.steps, ms, ...(error !== undefined ? { error } : {}), ok, strongest: by(1), weakest: by(-1) };
}

/** Options of {@link runProofs}. */
export interface RunOptions {
  /** Only these ids (case-insensitive, "V9" = "V09"). */
  only?: readonly string[];
  /** Called before each proof (for progress bars). */
  onProgress?: (done: number, total: number, id: string) => void;
}

/**
 * Canonical proof id: a bare or V-prefixed number becomes `V` plus at least two digits ("9", "v9", "V9" →
 * "V09"; numbers are padded, never shortened); any other id is trimmed and upper-cased ("c3a" → "C3A").
 */
export function normaliseId(id: string): string {
  const m = /^v?(\d+)$/i.exec(id.trim());
  return m ? `V${m[1]!.padStart(2, "0")}` : id.trim().toUpperCase();
}

/**
 * Runs the proofs one after another (in the given order, optionally filtered by `only`, compared through
 * {@link normaliseId}), each by {@link runProof}. Unknown ids in `only` are silently skipped.
 */
export async function runProofs(proofs: readonly Proof[], options: RunOptions = {}): Promise<ProofResult[]> {
  const wanted = options.only?.map(normaliseId);
  const list = wanted ? proofs.filter((p) => wanted.includes(normaliseId(p.id))) : [...proofs];
  const out: ProofResult[] = [];
  for (let i = 0; i < list.length; i++) {
    options.onProgress?.(i, list.length, list[i]!.id);
    out.push(await runProof(list[i]!));
  }
  options.onProgress?.(list.length, list.length, "");
  return out;
}
