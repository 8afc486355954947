import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("cli contract", () => {
  it("lists commands on --help", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("batch");
  });
  it("suggests the closest command and exits non-zero", async () => {
    const r = await runCli(["bach", "--json"]);
    expect(r.code).not.toBe(0);
    const j = JSON.parse(r.out);
    expect(j.error.code).toBe("CLI_USAGE");
    expect(j.error.message).toContain('did you mean "batch"');
  });
});
