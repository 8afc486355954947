// The core CLI commands: output contract, --json shapes and error handling.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("qgeom verify", () => {
  it("proves (x+y)^2 = x^2+2xy+y^2", async () => {
    const r = await runCli(["verify", "(x+y)^2", "x^2+2*x*y+y^2", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ verdict: "proved", method: "exact" });
  });
  it("refutes with a counterexample and exits 1", async () => {
    const r = await runCli(["verify", "(x+y)^2", "x^2+y^2", "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.verdict).toBe("refuted");
    expect(Object.keys(j.counterexample.point).sort()).toEqual(["x", "y"]);
  });
  it("uses the domain", async () => {
    const r = await runCli(["verify", "sqrt(x^2)", "x", "--domain", "x > 0", "--json"]);
    expect(JSON.parse(r.out).verdict).toBe("proved");
    const r2 = await runCli(["verify", "sqrt(x^2)", "x", "--json"]);
    expect(JSON.parse(r2.out).verdict).toBe("refuted");
  });
});

describe("qgeom hessian / simplify / diff / eval", () => {
  it("hessian --det gives 2/(a*c-b^2)^3 in closed form", async () => {
    const r = await runCli(["hessian", "-log(a*c-b^2)", "--vars", "a,b,c", "--det", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).expr).toBe("2/(a*c - b^2)^3");
  });
  it("hessian prints the matrix", async () => {
    const r = await runCli(["hessian", "x^2*y", "--vars", "x,y", "--json"]);
    expect(JSON.parse(r.out).matrix).toEqual([["2*y", "2*x"], ["2*x", "0"]]);
  });
  it("simplify, expand, diff", async () => {
    expect(JSON.parse((await runCli(["simplify", "(x^2-1)/(x-1)", "--json"])).out).expr).toBe("x + 1");
    expect(JSON.parse((await runCli(["expand", "(x+1)^2", "--json"])).out).expr).toBe("x^2 + 2*x + 1");
    expect(JSON.parse((await runCli(["diff", "log(exp(x)+exp(y))", "--vars", "x", "--json"])).out).expr).toBe("exp(x)/(exp(x) + exp(y))");
  });
  it("simplify --positive applies rules valid for positive symbols", async () => {
    expect(JSON.parse((await runCli(["simplify", "sqrt(x^2)*abs(y)", "--positive", "x,y", "--json"])).out).expr).toBe("x*y");
    expect(JSON.parse((await runCli(["simplify", "sqrt(x^2)", "--json"])).out).expr).toBe("abs(x)");
  });
  it("eval", async () => {
    const r = await runCli(["eval", "x^2+y", "--at", "x=3,y=0.5", "--json"]);
    expect(JSON.parse(r.out)).toEqual({ value: 9.5 });
  });
});

describe("bad input", () => {
  const bad: Array<[string[], string, RegExp]> = [
    [["simplify", "(x+1"], "PARSE", /cannot parse/],
    [["diff", "foo(x)", "--vars", "x"], "UNKNOWN_FUNCTION", /unknown function "foo"/],
    [["diff", "det(x)", "--vars", "x"], "NO_DERIVATIVE_RULE", /no derivative rule/],
    [["simplify", "x/(y-y)"], "DIVISION_BY_ZERO", /division by zero/],
    [["expand", "(a+b+c+d+e+f+g+h+i2+j)^40"], "SIZE_LIMIT", /terms/],
    [["eval", "log(x)", "--at", "x=-1"], "DOMAIN", /no real value/],
    [["eval", "x+y", "--at", "x=1"], "UNKNOWN_VARIABLE", /y/],
    [["verify", "x"], "CLI_USAGE", /missing right-hand side/],
  ];
  for (const [argv, code, msg] of bad)
    it(`${argv.join(" ")} -> ${code}`, async () => {
      const r = await runCli([...argv, "--json"]);
      expect(r.code).not.toBe(0);
      const j = JSON.parse(r.out);
      expect(j.error.code).toBe(code);
      expect(j.error.message).toMatch(msg);
      expect(r.err).toMatch(/^qgeom: /);
    });
});

describe("qgeom batch", () => {
  it("answers one JSON line per request", async () => {
    const input = [
      JSON.stringify({ argv: ["eval", "x^2", "--at", "x=3"] }),
      JSON.stringify({ argv: ["verify", "x+x", "2*x"] }),
      JSON.stringify({ argv: ["nope"] }),
      "not json",
    ].join("\n");
    const r = await runCli(["batch"], input);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ value: 9 });
    expect(lines[1].verdict).toBe("proved");
    expect(lines[2].error.code).toBe("CLI_USAGE");
    expect(lines[3].error.code).toBe("CLI_USAGE");
  });
});
