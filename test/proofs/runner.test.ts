// The proof runner: the catalogue runs clean, a broken proof is reported with its counterexample, the
// document compiles with pdflatex, and the CLI contract holds.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../proofs/index.js";
import { Rational, add, det, hessian, log, matrix, mul, num, pow, sym } from "../../src/core/index.js";
import { writeDocument } from "../../src/latex/index.js";
import { type Proof, type ProofResult, resultsDocument, resultsTable, runProof, runProofs } from "../../src/proofs/index.js";
import { runCli } from "../helpers/cli.js";

/** MATH.md §1.3 with a deliberately wrong constant: det Hess_u(-log(ac - b^2)) = 3/(ac - b^2)^3 (the truth is 2). */
const broken: Proof = {
  id: "X01",
  title: "A wrong Hessian constant",
  source: "test fixture",
  statement: "$\\det\\mathrm{Hess}(-\\log(ac-b^2)) = 3/(ac-b^2)^3$ (false: the constant is 2)",
  hypotheses: ["$ac-b^2>0$"],
  references: [],
  run(ctx) {
    const [a, b, c] = [sym("a"), sym("b"), sym("c")];
    const D = add(mul(a, c), mul(num(-1), pow(b, num(2))));
    const d = det(matrix(hessian(mul(num(-1), log(D)), ["a", "b", "c"])));
    ctx.identity("det of the Hessian", d, mul(num(3), pow(D, num(-3))));
  },
};

describe("proof runner", () => {
  /** The run of the whole catalogue, kept for the document test below. */
  let full: ProofResult[] = [];

  it("runs the whole catalogue with every step established", { timeout: 240_000 }, async () => {
    const results = await runProofs(catalogue);
    full = results;
    const failures = results.filter((r) => !r.ok).map((r) => resultsTable([r]));
    expect(failures).toEqual([]);
    expect(results.length).toBe(catalogue.length);
  });

  it("reports a broken proof as refuted with its counterexample", async () => {
    const r = await runProof(broken);
    expect(r.ok).toBe(false);
    const step = r.steps[0]!;
    expect(step.certificate.kind).toBe("refuted");
    if (step.certificate.kind === "refuted") {
      expect(Object.keys(step.certificate.point ?? {}).sort()).toEqual(["a", "b", "c"]);
      const { a, b, c } = Object.fromEntries(Object.entries(step.certificate.point!).map(([k, v]) => [k, Rational.parse(v)!.toNumber()])) as Record<string, number>;
      const D = a! * c! - b! * b!;
      expect(Rational.parse(step.certificate.values!.lhs!)!.toNumber()).toBeCloseTo(2 / D ** 3, 8);
    }
    expect(resultsTable([r])).toMatch(/FAILED[\s\S]*REFUTED/);
  });

  it("writes the whole document (docs/proofs.tex of `npm start`), which pdflatex compiles with no formula in the margin", { timeout: 240_000 }, async (t) => {
    const hasPdflatex = spawnSync("pdflatex", ["--version"]).status === 0;
    if (!hasPdflatex && !process.env.CI) return t.skip("pdflatex is not installed here (.ci/run installs it)");
    const dir = mkdtempSync(join(tmpdir(), "qgeom-proofs-"));
    const results = full.length === catalogue.length ? full : await runProofs(catalogue);
    const w = writeDocument(resultsDocument([...results, await runProof(broken)]), dir, "proofs", { assets: "inline" });
    execFileSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "proofs.tex"], { cwd: dir, stdio: "pipe" });
    expect(existsSync(join(dir, "proofs.pdf"))).toBe(true);
    const log = readFileSync(join(dir, "proofs.log"), "latin1");
    expect(log).not.toMatch(/^! /m);
    // long canonical forms are broken over lines; what remains are text lines with unbreakable inline math
    const overfull = [...log.matchAll(/Overfull \\hbox \(([0-9.]+)pt too wide\)/g)].map((m) => Number(m[1]));
    expect(overfull.filter((pt) => pt > 100)).toEqual([]);
    expect(w.formulas).toBeGreaterThan(500);
    expect(readFileSync(w.htmlPath, "utf8")).not.toContain("katex-error");
  });

  it("qgeom prove --only --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qgeom-prove-"));
    const r = await runCli(["prove", "--only", "V5", "--out", dir, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.proofs.map((p: { id: string }) => p.id)).toEqual(["V05"]);
    expect(j.written).toHaveLength(2);
    // paper-claim ids are matched case-insensitively, like V ids ("v5" = "V05")
    const claim = await runCli(["prove", "--only", "c9-CONVENTIONS,v5", "--no-docs", "--json"]);
    expect(claim.code).toBe(0);
    expect(JSON.parse(claim.out).proofs.map((p: { id: string }) => p.id)).toEqual(["V05", "C9-conventions"]);
    const bad = await runCli(["prove", "--only", "V99", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.message).toMatch(/unknown proof/);
  });

  it("qgeom prove --pdf runs pdflatex on the document", async (t) => {
    const noDocs = await runCli(["prove", "--only", "V5", "--no-docs", "--pdf", "--json"]);
    expect(JSON.parse(noDocs.out).error.code).toBe("CLI_USAGE");
    if (spawnSync("pdflatex", ["--version"]).status !== 0 && !process.env.CI) return t.skip("pdflatex is not installed here (.ci/run installs it)");
    const dir = mkdtempSync(join(tmpdir(), "qgeom-prove-pdf-"));
    const r = await runCli(["prove", "--only", "V5", "--out", dir, "--pdf", "--json"]);
    expect(r.code).toBe(0);
    const written: string[] = JSON.parse(r.out).written;
    expect(written).toEqual([join(dir, "proofs.tex"), join(dir, "proofs.html"), join(dir, "proofs.pdf")]);
    expect(readFileSync(join(dir, "proofs.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

