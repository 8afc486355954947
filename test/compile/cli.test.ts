// `qgeom compile` and `qgeom eval` (which now runs through the compiler).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("qgeom compile", () => {
  it("prints a standalone module that evaluates the expression", async () => {
    const r = await runCli(["compile", "log(exp(x) + exp(y))", "--vars", "x,y"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("export default function evaluate(input, output)");
    const dir = mkdtempSync(path.join(tmpdir(), "qgeom-cli-"));
    try {
      const file = path.join(dir, "m.mjs");
      writeFileSync(file, r.out);
      const m = await import(pathToFileURL(file).href);
      const out = new Float64Array(1);
      m.default(Float64Array.from([1000, 1000]), out);
      expect(out[0]).toBe(1000 + Math.log(2));
      expect(m.inputs).toEqual(["x", "y"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("--json gives source, inputs and outputSize; --emit ts types the module", async () => {
    const r = await runCli(["compile", "x^2", "sin(y)", "--vars", "y,x", "--emit", "ts", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(["inputs", "outputSize", "source"]);
    expect(j.inputs).toEqual(["y", "x"]);
    expect(j.outputSize).toBe(2);
    expect(j.source).toContain("export default function evaluate(input: Float64Array, output: Float64Array): void");
  });
  it("reports errors as JSON with a code", async () => {
    const r = await runCli(["compile", "x + y", "--vars", "x", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe("UNKNOWN_VARIABLE");
    const r2 = await runCli(["compile", "x", "--emit", "py"]);
    expect(r2.code).toBe(2);
  });
});

describe("qgeom eval (compiled path)", () => {
  it("evaluates with the stable forms: log-sum-exp at 1000, log(1 + e^x) at 800", async () => {
    const r = await runCli(["eval", "log(exp(x) + exp(y))", "--at", "x=1000,y=1000", "--json"]);
    expect(JSON.parse(r.out)).toEqual({ value: 1000 + Math.log(2) });
    const r2 = await runCli(["eval", "log(1 + exp(x))", "--at", "x=800"]);
    expect(r2.out.trim()).toBe("800");
  });
  it("keeps its errors: missing values, no real value, overflow", async () => {
    expect(JSON.parse((await runCli(["eval", "x + y", "--at", "x=1", "--json"])).out).error.code).toBe("UNKNOWN_VARIABLE");
    expect(JSON.parse((await runCli(["eval", "constructor + 1", "--json"])).out).error.code).toBe("UNKNOWN_VARIABLE");
    expect(JSON.parse((await runCli(["eval", "log(x)", "--at", "x=-1", "--json"])).out).error.code).toBe("DOMAIN");
    expect(JSON.parse((await runCli(["eval", "exp(x)", "--at", "x=1000", "--json"])).out).error.code).toBe("NOT_FINITE");
  });
  it("prints complex values as re and im", async () => {
    const r = await runCli(["eval", "exp(i*x)", "--at", "x=0", "--json"]);
    expect(JSON.parse(r.out)).toEqual({ re: 1, im: 0 });
    expect((await runCli(["eval", "2 - 3*i"])).out.trim()).toBe("2 - 3i");
  });
});
