// The `latex` command and the "latex" field of the expression commands.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("qgeom latex", () => {
  it("prints LaTeX, and a display block with --display", async () => {
    const r = await runCli(["latex", "det(Sigma)^(-n/2)*x12"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("\\frac{x_{12}}{(\\det\\Sigma)^{n/2}}\n");
    const d = await runCli(["latex", "x^2", "--display", "--json"]);
    expect(JSON.parse(d.out)).toEqual({ expr: "x^2", latex: "x^{2}", display: "\\[\nx^{2}\n\\]" });
  });

  it("writes exp as \\exp with --exp exp and rejects other values", async () => {
    expect((await runCli(["latex", "exp(x)", "--exp", "exp"])).out).toBe("\\exp(x)\n");
    const bad = await runCli(["latex", "exp(x)", "--exp", "big", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.message).toContain("--exp must be auto or e or exp");
  });

  it("reads LaTeX with --parse", async () => {
    const r = await runCli(["latex", "--parse", "\\frac{p + 1}{2} \\log\\det\\Sigma", "--json"]);
    expect(JSON.parse(r.out)).toEqual({ expr: "log(det(Sigma))*(p + 1)/2", latex: "\\frac{p + 1}{2} \\log\\det\\Sigma" });
    const bad = await runCli(["latex", "--parse", "\\frac{1}{", "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe("PARSE");
  });
});

describe("--json and --latex of the expression commands", () => {
  it("diff carries latex, and --latex prints it", async () => {
    const j = JSON.parse((await runCli(["diff", "log(1+exp(x))", "--vars", "x", "--json"])).out);
    expect(j.latex).toBe("\\frac{e^{x}}{e^{x} + 1}");
    expect((await runCli(["diff", "log(1+exp(x))", "--vars", "x", "--latex"])).out).toBe("\\frac{e^{x}}{e^{x} + 1}\n");
  });

  it("hessian prints a pmatrix, and its determinant with --det", async () => {
    const m = JSON.parse((await runCli(["hessian", "x^2*y", "--vars", "x,y", "--json"])).out);
    expect(m.latex).toBe("\\begin{pmatrix} 2 y & 2 x \\\\ 2 x & 0 \\end{pmatrix}");
    const d = JSON.parse((await runCli(["hessian", "-log(a*c-b^2)", "--vars", "a,b,c", "--det", "--json"])).out);
    expect(d.latex).toBe("\\frac{2}{(a c - b^{2})^{3}}");
  });

  it("simplify, expand and batch carry latex", async () => {
    expect(JSON.parse((await runCli(["expand", "(x+y)^2", "--json"])).out).latex).toBe("2 x y + x^{2} + y^{2}");
    const b = await runCli(["batch"], JSON.stringify({ argv: ["simplify", "(x^2-1)/(x-1)"] }) + "\n");
    expect(JSON.parse(b.out).latex).toBe("x + 1");
  });
});
