// Paper-claim entries have mixed-case ids ("C3b-real"): `qgeom prove --only` finds them in any case.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("qgeom prove --only with paper-claim ids", () => {
  it("accepts C3b-flow in any case and reports it under its own id", async () => {
    const r = await runCli(["prove", "--only", "c3b-FLOW", "--no-docs", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.proofs.map((p: { id: string }) => p.id)).toEqual(["C3b-flow"]);
    const bad = await runCli(["prove", "--only", "C9-none", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.message).toMatch(/unknown proof "C9-none".*C3b-real/);
  });
});
