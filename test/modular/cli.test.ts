// The modular CLI commands: output contract (--json gives exactly one object), complex matrices as
// {"re","im"}, values against the library, and errors naming the flag.
import { describe, expect, it } from "vitest";
import { cmatrix } from "../../src/linalg/index.js";
import * as M from "../../src/modular/index.js";
import { runCli } from "../helpers/cli.js";
import { rel } from "./arbitraries.js";

const rho = '{"re":[[0.6,0.1],[0.1,0.4]],"im":[[0,0.2],[-0.2,0]]}';
const rhoR = "[[0.7,0.1],[0.1,0.3]]";

describe("qgeom modular flow", () => {
  it("prints σ_t(x) as {re, im} under --json, equal to modularFlow", async () => {
    const r = await runCli(["modular", "flow", "--rho", rho, "--x", "[[0,1],[1,0]]", "--t", "0.3", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(["im", "re"]);
    const ref = M.modularFlow(cmatrix(JSON.parse(rho)), [[0, 1], [1, 0]], 0.3);
    expect(rel(cmatrix(j), ref)).toBeLessThan(1e-15);
    const text = await runCli(["modular", "flow", "--rho", rhoR, "--x", "[[0,1],[1,0]]", "--t", "0.3"]);
    expect(text.out).toMatch(/^\[ .*i .*\]\n\[ .*\]\n$/);
  });
  it("complex time with --s: σ_{t+is}", async () => {
    const r = await runCli(["modular", "flow", "--rho", rhoR, "--x", "[[0,1],[0,0]]", "--t", "0", "--s", "-1", "--json"]);
    const ref = M.modularOperator([[0.7, 0.1], [0.1, 0.3]], [[0, 1], [0, 0]]);
    expect(rel(cmatrix(JSON.parse(r.out)), ref)).toBeLessThan(1e-14);
  });
  it("errors: non-Hermitian, indefinite, trace, singular, missing --t; --normalize", async () => {
    const cases: [string[], string, RegExp][] = [
      [["--rho", "[[0.7,0.1],[0.2,0.3]]"], "NOT_SYMMETRIC", /--rho .*not symmetric/],
      [["--rho", "[[1.2,0],[0,-0.2]]"], "NOT_POSITIVE_DEFINITE", /--rho .*indefinite/],
      [["--rho", "[[1.7,0],[0,0.3]]"], "INVALID_ARGUMENT", /--rho .*trace 2.*--normalize/],
      [["--rho", "[[1,0],[0,0]]"], "SINGULAR", /--rho is singular/],
      [["--rho", "[[0.7,0.1],[0.1"], "CLI_USAGE", /--rho must be JSON/],
    ];
    for (const [flags, code, msg] of cases) {
      const r = await runCli(["modular", "flow", ...flags, "--x", "[[0,1],[1,0]]", "--t", "0.3", "--json"]);
      expect(r.code).not.toBe(0);
      const j = JSON.parse(r.out);
      expect(j.error.code).toBe(code);
      expect(j.error.message).toMatch(msg);
    }
    const missing = await runCli(["modular", "flow", "--rho", rhoR, "--x", "[[0,1],[1,0]]", "--json"]);
    expect(JSON.parse(missing.out).error.code).toBe("CLI_USAGE");
    const norm = await runCli(["modular", "flow", "--rho", "[[1.4,0.2],[0.2,0.6]]", "--x", "[[0,1],[1,0]]", "--t", "0.3", "--normalize", "--json"]);
    expect(norm.code).toBe(0);
  });
});

describe("qgeom modular generator / kms, qgeom relent", () => {
  it("generator: K = −log ρ (array for real ρ), spectrum of log Δ, optional superoperator", async () => {
    const r = await runCli(["modular", "generator", "--rho", rhoR, "--convention", "row", "--json"]);
    const j = JSON.parse(r.out);
    expect(Array.isArray(j.hamiltonian)).toBe(true);
    const K = M.modularHamiltonian([[0.7, 0.1], [0.1, 0.3]]) as { data: Float64Array };
    expect(j.hamiltonian.flat()).toEqual(Array.from(K.data));
    expect(j.logDeltaSpectrum).toHaveLength(4);
    expect(j.logDeltaSpectrum[1]).toBeCloseTo(0, 15);
    expect(j.liouvillean.re).toHaveLength(4);
    const c = JSON.parse((await runCli(["modular", "generator", "--rho", rho, "--json"])).out);
    expect(Object.keys(c.hamiltonian).sort()).toEqual(["im", "re"]);
  });
  it("kms: defects at rounding level", async () => {
    const r = await runCli(["modular", "kms", "--rho", rho, "--x", "[[0,1],[0,0]]", "--y", '{"re":[[0,0],[1,0]],"im":[[0,0.5],[0,0]]}', "--t", "0,0.5,-2", "--json"]);
    const j = JSON.parse(r.out);
    expect(j.t).toEqual([0, 0.5, -2]);
    expect(j.max).toBeLessThan(1e-14);
    const bad = await runCli(["modular", "kms", "--rho", rho, "--x", "[[0,1],[0,0]]", "--y", "[[0,0],[1,0]]", "--t", "0,x", "--json"]);
    expect(JSON.parse(bad.out).error.code).toBe("CLI_USAGE");
  });
  it("relent: {value}; +∞ as {value: null, infinite: true}; singular states accepted", async () => {
    const r = await runCli(["relent", "--rho", rho, "--sigma", "[[0.5,0],[0,0.5]]", "--json"]);
    const v = JSON.parse(r.out).value;
    expect(Math.abs(v - M.relativeEntropy(cmatrix(JSON.parse(rho)), M.maximallyMixed(2)))).toBe(0);
    const inf = JSON.parse((await runCli(["relent", "--rho", "[[0.5,0],[0,0.5]]", "--sigma", "[[1,0],[0,0]]", "--json"])).out);
    expect(inf).toEqual({ value: null, infinite: true });
    expect((await runCli(["relent", "--rho", "[[0.5,0],[0,0.5]]", "--sigma", "[[1,0],[0,0]]"])).out.trim()).toBe("Infinity");
    const zero = JSON.parse((await runCli(["relent", "--rho", "[[1,0],[0,0]]", "--sigma", "[[1,0],[0,0]]", "--json"])).out);
    expect(zero.value).toBe(0);
  });
});
