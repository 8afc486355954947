// qgeom wishart density|logpdf|entropy|sample|convert: the --json contract, values equal to the library,
// reproducible seeds, errors as {"error": {code, message}} naming the argument.
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/index.js";
import * as W from "../../src/wishart/index.js";
import { runCli } from "../helpers/cli.js";

const X = "[[2,0.5],[0.5,1]]", SC = "[[1,0.2],[0.2,2]]";

describe("qgeom wishart", () => {
  it("logpdf --json prints {value} equal to wishart.logpdf (real, inverse, complex)", async () => {
    const r = await runCli(["wishart", "logpdf", "--X", X, "--df", "5", "--scale", SC, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ value: W.logpdf(JSON.parse(X), 5, JSON.parse(SC)) });
    const inv = JSON.parse((await runCli(["wishart", "logpdf", "--X", X, "--df", "5", "--scale", SC, "--inverse", "--json"])).out);
    expect(inv.value).toBe(W.inverseLogpdf(JSON.parse(X), 5, JSON.parse(SC)));
    const H = '{"re": [[2,0.5],[0.5,1]], "im": [[0,0.3],[-0.3,0]]}';
    const c = JSON.parse((await runCli(["wishart", "logpdf", "--X", H, "--df", "3.5", "--scale", SC, "--json"])).out);
    expect(c.value).toBe(W.complexLogpdf(JSON.parse(H), 3.5, JSON.parse(SC)));
    const s = JSON.parse((await runCli(["wishart", "logpdf", "--X", X, "--df", "5", "--scale", SC, "--coordinates", "s", "--json"])).out);
    expect(s.value).toBeCloseTo(W.logpdf(JSON.parse(X), 5, JSON.parse(SC)) - Math.LN2 / 2, 14);
  });
  it("entropy --p --df --scale", async () => {
    const r = await runCli(["wishart", "entropy", "--p", "2", "--df", "5", "--scale", SC, "--json"]);
    expect(JSON.parse(r.out).value).toBe(W.entropy(5, JSON.parse(SC)));
    const bad = await runCli(["wishart", "entropy", "--p", "3", "--df", "5", "--scale", SC, "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe("SHAPE");
  });
  it("sample --seed is reproducible and equals the library's draws with new Rng(seed)", async () => {
    const argv = ["wishart", "sample", "--df", "5", "--scale", SC, "--seed", "7", "--n", "3", "--json"];
    const a = JSON.parse((await runCli(argv)).out), b = JSON.parse((await runCli(argv)).out);
    expect(a).toEqual(b);
    expect(a.samples).toHaveLength(3);
    const lib = W.sampleMany(new Rng(7), 5, JSON.parse(SC), 3);
    expect(a.samples[2]).toEqual([Array.from(lib[2]!.data.slice(0, 2)), Array.from(lib[2]!.data.slice(2, 4))]);
    const outer = JSON.parse((await runCli(["wishart", "sample", "--df", "1", "--scale", SC, "--seed", "1", "--method", "outer", "--json"])).out);
    const [[a11, a12], [, a22]] = outer.samples[0];
    expect(Math.abs(a11 * a22 - a12 * a12)).toBeLessThan(1e-12 * a11 * a22); // rank 1
    const text = await runCli(["wishart", "sample", "--df", "5", "--scale", SC, "--seed", "7"]);
    expect(text.out.trim().split("\n")).toHaveLength(2);
  });
  it("density --p 2 prints the closed form; --json has expr, law, variables", async () => {
    const r = await runCli(["wishart", "density", "--p", "2", "--json"]);
    const j = JSON.parse(r.out);
    expect(j.law).toBe("wishart");
    expect(j.expr).toBe(
      "2^(-n)*exp(-(S11*Sigma22 - 2*S12*Sigma12 + S22*Sigma11)/2/(Sigma11*Sigma22 - Sigma12^2))*(S11*S22 - S12^2)^(n/2 - 3/2)*(Sigma11*Sigma22 - Sigma12^2)^(-n/2)/multigamma(n/2, 2)",
    );
    expect(j.variables).toEqual(["S11", "S12", "S22", "Sigma11", "Sigma12", "Sigma22", "n"]);
    const c = JSON.parse((await runCli(["wishart", "density", "--p", "2", "--complex", "--log", "--json"])).out);
    expect(c.expr).toBe(
      "log(S11*S22 - S12_im^2 - S12_re^2)*(n - 2) - n*log(Sigma11*Sigma22 - Sigma12_im^2 - Sigma12_re^2) - (S11*Sigma22 - 2*S12_im*Sigma12_im - 2*S12_re*Sigma12_re + S22*Sigma11)/(Sigma11*Sigma22 - Sigma12_im^2 - Sigma12_re^2) - lcmultigamma(n, 2)",
    );
    const m = await runCli(["wishart", "density", "--p", "6", "--latex"]);
    expect(m.code).toBe(0);
    expect(m.out).toContain("\\det S");
  });
  it("convert --to prints the call with the library's argument order", async () => {
    const r = JSON.parse((await runCli(["wishart", "convert", "--to", "mathematica-legacy", "--df", "5", "--scale", SC, "--json"])).out);
    expect(r.code).toBe("WishartDistribution[{{1,0.2},{0.2,2}}, 5]");
    expect(r.remarks[0]).toMatch(/reverse|scale first/);
  });
  it("errors: one JSON object naming the argument, non-zero exit", async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [["wishart", "logpdf", "--X", X, "--df", "1", "--scale", SC], "INVALID_ARGUMENT", /df = 1 is too small for p = 2/],
      [["wishart", "logpdf", "--X", "[[1,2],[2,1]]", "--df", "5", "--scale", SC], "NOT_POSITIVE_DEFINITE", /^S \(2×2\) is not positive definite/],
      [["wishart", "logpdf", "--X", "[[1,2],[0,1]]", "--df", "5", "--scale", SC], "NOT_SYMMETRIC", /^S /],
      [["wishart", "logpdf", "--X", X, "--df", "5", "--scale", "[[1,0,0],[0,1,0],[0,0,1]]"], "SHAPE", /S is 2×2 but scale is 3×3/],
      [["wishart", "logpdf", "--X", X, "--df", "5", "--scale", "[[1,2],[2,1]]"], "NOT_POSITIVE_DEFINITE", /^scale/],
      [["wishart", "logpdf", "--X", "nope", "--df", "5", "--scale", SC], "CLI_USAGE", /--X must be a JSON matrix/],
      [["wishart", "sample", "--df", "5", "--scale", SC, "--seed", "-1"], "CLI_USAGE", /--seed/],
      [["wishart", "density"], "CLI_USAGE", /--p/],
    ];
    for (const [argv, code, re] of cases) {
      const r = await runCli([...argv, "--json"]);
      expect(r.code, argv.join(" ")).not.toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j)).toEqual(["error"]);
      expect(j.error.code).toBe(code);
      expect(j.error.message).toMatch(re);
    }
  });
});
