// Reports of a proof run: the terminal table, the JSON object, and the document (.tex and KaTeX .html).
import type { DocumentItem, QgeomDocument } from "../latex/document.js";
import type { ProofResult, StepCertificate } from "./types.js";

/** Unicode shorthand used in step titles, written as math so pdflatex and KaTeX set it. */
const UNICODE: Readonly<Record<string, string>> = {
  "²": "^{2}", "³": "^{3}", "⁴": "^{4}", "₀": "_{0}", "₁": "_{1}", "₂": "_{2}", "₃": "_{3}", "ᵢ": "_{i}", "ⱼ": "_{j}",
  "∘": "\\circ", "≫": "\\gg", "≪": "\\ll", "⋯": "\\cdots", "⁻": "^{-}", "ᵀ": "^{\\top}", "‖": "\\|", "⊗": "\\otimes",
  "†": "^{\\dagger}", "⟨": "\\langle", "⟩": "\\rangle", "ℝ": "\\mathbb{R}", "ℂ": "\\mathbb{C}", "≼": "\\preceq", "⪯": "\\preceq",
  "≻": "\\succ", "⪰": "\\succeq", "≺": "\\prec", "∫": "\\int", "∀": "\\forall", "⇒": "\\Rightarrow", "⇔": "\\Leftrightarrow",
  "♮": "\\natural", "∗": "*", "ℓ": "\\ell", "√": "\\sqrt{}", "∝": "\\propto", "≡": "\\equiv", "↦": "\\mapsto", "∉": "\\notin",
  "½": "\\tfrac{1}{2}", "′": "^{\\prime}", "″": "^{\\prime\\prime}", "⊆": "\\subseteq", "⊇": "\\supseteq", "∩": "\\cap", "∪": "\\cup", "∅": "\\emptyset", "ε": "\\varepsilon",
};

/** Plain text with Unicode shorthand outside $...$ rewritten as inline math. */
export function documentText(s: string): string {
  const parts = s.split("$");
  return parts
    .map((p, i) => {
      if (i % 2 === 1) return `$${p}$`;
      let out = "";
      for (const ch of p) {
        if (ch === "−") out += "-";
        else if (ch in UNICODE) out += `$${UNICODE[ch]}$`;
        else out += ch;
      }
      return out;
    })
    .join("")
    .replace(/\$\$/g, "") // adjacent inline math pieces merge
    .replace(/([_^])\{([^{}]*)\}\1\{([^{}]*)\}/g, "$1{$2$3}") // w₁₂ -> w_{12}, not w_{1}_{2}
    .replace(/([_^])\{([^{}]*)\}\1\{([^{}]*)\}/g, "$1{$2$3}");
}

/**
 * One line of text stating a certificate for reports: "Proved (exact): …", "Proved (probabilistic, error
 * probability at most …)", "Checked numerically (not a proof)", "Checked by Monte Carlo", "Fails as claimed,
 * counterexample … at x = …", "REFUTED: …" or "UNDECIDED: …", each followed by the certificate's detail.
 */
export function certificateLine(c: StepCertificate, assignment: (name: string, value: string) => string = exactAssignment): string {
  switch (c.kind) {
    case "proved/exact":
      return `Proved (exact): ${c.detail}`;
    case "proved/probabilistic":
      return `Proved (probabilistic, error probability at most ${c.errorBound.toExponential(2)}): ${c.detail}`;
    case "checked/numeric":
      return `Checked numerically (not a proof): ${c.detail}`;
    case "checked/monte-carlo":
      return `Checked by Monte Carlo: ${c.detail}`;
    case "counterexample": {
      const at = c.point ? ` at ${Object.entries(c.point).map(([k, v]) => assignment(k, v)).join(", ")}` : "";
      const vals = c.values ? ` (${Object.entries(c.values).map(([k, v]) => assignment(k, v)).join(", ")})` : "";
      return `Fails as claimed, counterexample (${c.method})${at}${vals}: ${c.detail}`;
    }
    case "refuted":
      return `REFUTED: ${c.detail}`;
    case "unknown":
      return `UNDECIDED: ${c.detail}`;
  }
}

function exactAssignment(name: string, value: string): string {
  return `${name} = ${value}`;
}

/** |p/q| ≥ 0 to 6 significant digits in scientific notation, e.g. 6.20678e-1 (exact BigInt scaling, then one rounding). */
function approximate(p: bigint, q: bigint): string {
  const negative = p < 0n !== q < 0n;
  const a = p < 0n ? -p : p;
  const b = q < 0n ? -q : q;
  if (a === 0n) return "0";
  const e = a.toString().length - b.toString().length;
  // m = a/b · 10^(20 − e) has about 20 digits, so m/10^20 ∈ (0.1, 10) is exact to double precision
  const m = e >= 0 ? (a * 10n ** 20n) / (b * 10n ** BigInt(e)) : (a * 10n ** BigInt(20 - e)) / b;
  const [mantissa, exp] = (Number(m) / 1e20).toExponential(5).split("e");
  const k = Number(exp) + e;
  return `${negative ? "-" : ""}${mantissa}${k === 0 ? "" : `e${k}`}`;
}

/** "x = v", or "x ≈ 6.20678e-1 (exact 35-digit/35-digit rational)" for an integer or fraction of more than 24 characters. */
function briefAssignment(name: string, value: string): string {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(value);
  if (m === null || value.length <= 24) return exactAssignment(name, value);
  const [, p, q] = m as unknown as [string, string, string | undefined];
  const digits = p.replace("-", "").length;
  const size = q === undefined ? `${digits}-digit integer` : `${digits}-digit/${q.length}-digit rational`;
  return `${name} ≈ ${approximate(BigInt(p), BigInt(q ?? "1"))} (exact ${size})`;
}

/**
 * A certificate line for the document: exact values longer than a line can hold (counterexample values
 * of 30+ digits) are shown to 6 significant digits with their size; the JSON report keeps them exact.
 */
export function documentCertificateLine(c: StepCertificate): string {
  return certificateLine(c, briefAssignment);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** The table printed by `qgeom prove`: id, title, strongest certificate, weakest, steps, time, status. */
export function resultsTable(results: readonly ProofResult[]): string {
  const rows = results.map((r) => [
    r.proof.id,
    r.proof.title.length > 52 ? r.proof.title.slice(0, 51) + "…" : r.proof.title,
    r.strongest ?? "—",
    r.weakest ?? "—",
    String(r.steps.filter((s) => s.certificate.detail !== "definition").length),
    seconds(r.ms),
    r.ok ? "ok" : "FAILED",
  ]);
  const header = ["id", "title", "strongest", "weakest", "steps", "time", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const failures = results
    .filter((r) => !r.ok)
    .flatMap((r) => [
      ...(r.error ? [`${r.proof.id}: ${r.error}`] : []),
      ...r.steps.filter((s) => s.certificate.kind === "refuted" || s.certificate.kind === "unknown").map((s) => `${r.proof.id} / ${s.title}: ${certificateLine(s.certificate)}`),
    ]);
  const ok = results.filter((r) => r.ok).length;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), "", `${ok} of ${results.length} statements established.`, ...failures].join("\n");
}

/** The JSON form of a run (for --json): one entry per proof with every step's certificate. */
export function resultsJson(results: readonly ProofResult[]): Record<string, unknown> {
  return {
    ok: results.every((r) => r.ok),
    proofs: results.map((r) => ({
      id: r.proof.id,
      title: r.proof.title,
      ok: r.ok,
      strongest: r.strongest,
      weakest: r.weakest,
      ms: Math.round(r.ms),
      ...(r.error ? { error: r.error } : {}),
      steps: r.steps.map((s) => ({ title: s.title, expect: s.expect, ms: Math.round(s.ms), certificate: s.certificate })),
    })),
  };
}

/** The document of a run: each statement with its hypotheses, steps and certificates. */
export function resultsDocument(results: readonly ProofResult[], title = "qgeom: the statements of MATH.md as executable derivations"): QgeomDocument {
  const items: DocumentItem[] = [
    {
      kind: "text",
      text:
        "Each statement below was run as a derivation by qgeom. Every step carries its certificate: proved exactly (canonical forms over exact rationals), " +
        "proved probabilistically (Schwartz–Zippel, with the error bound), checked numerically (float64, with the worst error) or by Monte Carlo (within 5 standard errors), " +
        "or a counterexample where a claim fails as literally stated.",
    },
    { kind: "section", title: "Summary" },
    ...results.map<DocumentItem>((r) => ({
      kind: "text",
      text: documentText(`${r.proof.id}. ${r.proof.title}: ${r.ok ? "established" : "FAILED"}; strongest certificate ${r.strongest ?? "none"}, weakest ${r.weakest ?? "none"}, ${r.steps.length} steps.`),
    })),
  ];
  for (const r of results) {
    const p = r.proof;
    items.push({ kind: "section", title: documentText(`${p.id}. ${p.title}`) });
    items.push({ kind: "text", text: documentText(`Statement. ${p.statement}`) });
    if (p.hypotheses.length) items.push({ kind: "text", text: documentText(`Hypotheses: ${p.hypotheses.join("; ")}.`) });
    if (p.informal) items.push({ kind: "text", text: documentText(`The paper's informal claim: "${p.informal.claim}" Verdict: ${p.informal.verdict}.`) });
    items.push({ kind: "text", text: documentText(`Source: ${p.source}. References: ${p.references.join("; ")}.`) });
    if (r.error) items.push({ kind: "text", text: documentText(`The derivation stopped with an error: ${r.error}`) });
    r.steps.forEach((s, i) => {
      const head = documentText(`Step ${i + 1}. ${s.title}.${s.justification ? " " + s.justification : ""}`);
      const d = s.display;
      if (d.kind === "identity") items.push({ kind: "statement", text: head, lhs: d.lhs, rhs: d.rhs, ...(d.relation ? { relation: d.relation } : {}) });
      else if (d.kind === "chain")
        items.push({ kind: "derivation", text: head, derivation: { start: d.start, steps: d.steps.map((l) => ({ expr: l.expr, ...(l.justification ? { justification: documentText(l.justification) } : {}) })) } });
      else if (d.kind === "formula") {
        items.push({ kind: "text", text: head });
        items.push({ kind: "formula", expr: d.expr, ...(d.lhs ? { lhs: d.lhs } : {}) });
      } else items.push({ kind: "text", text: head });
      if (s.certificate.detail !== "definition") items.push({ kind: "text", text: documentText(documentCertificateLine(s.certificate)) });
    });
  }
  return { title, author: "generated by qgeom prove", items };
}
