// parseLatex on notation from papers (not only what toLatex prints), its options and its errors; the
// name rule in both directions.
import { describe, expect, it } from "vitest";
import { type Expr, QgeomError, fn, nameToLatex, parse, parseLatex, parseLatexMatrix, pow, sym, num, toLatex } from "../../src/index.js";

const P = (s: string): Expr => parse(s, { functions: true });

describe("names", () => {
  it.each([
    ["x", "x"],
    ["x12", "x_{12}"],
    ["x1_2", "x_{1,2}"],
    ["S1_12", "S_{1,12}"],
    ["Sigma", "\\Sigma"],
    ["Sigma1", "\\Sigma_{1}"],
    ["rho_t", "\\rho_{t}"],
    ["w_ij", "w_{ij}"],
    ["T_eff", "T_{\\mathrm{eff}}"],
    ["x_alpha", "x_{\\alpha}"],
    ["ell", "\\ell"],
    ["df", "\\mathit{df}"],
    ["df1", "\\mathit{df}_{1}"],
    ["x_12", "\\mathit{x\\_12}"], // would read back as x12
    ["gamma", "\\mathit{gamma}"], // \gamma is Euler's constant
    ["x__1", "\\mathit{x\\_\\_1}"],
  ])("%s -> %s and back", (name, latex) => {
    expect(nameToLatex(name)).toBe(latex);
    expect(parseLatex(latex)).toBe(sym(name));
  });

  it("reads subscripts written by hand: x_1, x_{ij}, \\sigma_{\\max}", () => {
    expect(parseLatex("x_1")).toBe(sym("x1"));
    expect(parseLatex("x_{i j}")).toBe(sym("x_ij"));
    expect(parseLatex("\\sigma_{\\mathrm{max}}")).toBe(sym("sigma_max"));
  });
});

describe("paper notation", () => {
  it.each([
    ["\\ln x", "log(x)"],
    ["\\tfrac12 x", "x/2"],
    ["\\dfrac{a}{b}", "a/b"],
    ["|x - 1|", "abs(x - 1)"],
    ["\\mathrm{e}^{-x^2/2}", "exp(-x^2/2)"],
    ["e^{i\\pi x}", "exp(i*pi*x)"],
    ["\\left[ x + 1 \\right]^{2}", "(x + 1)^2"],
    ["\\bigl(x + 1\\bigr) y", "(x + 1)*y"],
    ["2 \\times 3", "6"],
    ["a \\cdot b", "a*b"],
    ["n p/2", "n*p/2"],
    ["\\sin^2 x + \\cos^2 x", "sin(x)^2 + cos(x)^2"],
    ["\\log\\Gamma(x)", "lgamma(x)"],
    ["\\log(\\Gamma(x))", "log(gamma(x))"],
    ["\\psi^{(1)}(x)", "polygamma(1, x)"],
    ["\\Gamma_3(a)", "multigamma(a, 3)"],
    ["\\tilde\\Gamma_2(a)", "cmultigamma(a, 2)"],
    ["\\operatorname{Tr}(A B)", "tr(matmul(A, B))"],
    ["\\det(\\Sigma_1 \\Sigma_2)", "det(matmul(Sigma1, Sigma2))"],
    ["(x - m)^\\top \\Sigma^{-1} (x - m)", "matmul(transpose(x - m), inv(Sigma), x - m)"],
    ["x^\\intercal y", "matmul(transpose(x), y)"],
    ["\\sqrt[3]{x}", "x^(1/3)"],
    ["0.25 x", "x/4"],
    ["f'(x) + g''(y)", "Derivative(f(x), [1]) + Derivative(g(y), [2])"],
    ["\\partial_1 \\partial_2 h(x, y)", "Derivative(h(x, y), [1, 1])"],
  ])("%s", (latex, mathjs) => {
    expect(parseLatex(latex, { functions: ["h"] })).toBe(P(mathjs));
  });

  it.each([
    ["3*multidigamma(eulergamma, 3)*(gamma + pi)/2", "a coefficient kept apart from a sum"],
    ["exp(-1/(12*(T_eff + 1)))", "a product in a slash denominator"],
    ["Gamma^(12/matmul(transpose(x - m), inv(Sigma2), x - m))", "a matrix product in a slash denominator"],
    ["(log(i) - 1/5)/(2*(eulergamma + log(i)))", "a sum over a product"],
    ["alpha/(F*log(Gamma3)*(T_eff + 1))", "a bare operator before a parenthesis"],
    ["log(Gamma3) + 2^(-p-1)", "\\log\\Gamma_{3} without an argument"],
    ["a*tr(inv(0))", "the inverse of a number"],
    ["0^(-exp(w_ij))", "zero to a negative power"],
  ])("round trip of %s (%s)", (mathjs) => {
    const e = P(mathjs);
    expect(parseLatex(toLatex(e))).toBe(e);
  });

  it("a spacing command makes a function letter a factor: F\\,(x + y)", () => {
    expect(parseLatex("F\\, (x + y)")).toBe(P("F*(x + y)"));
    expect(parseLatex("F(x + y)")).toBe(P("F(x + y)"));
  });

  it("options: functions, matrices, inverse, symbols, macros", () => {
    expect(parseLatex("u(x)", { functions: ["u"] })).toBe(P("u(x)"));
    expect(parseLatex("u(x)")).toBe(P("u*x"));
    expect(parseLatex("A B", { matrices: ["A"] })).toBe(fn("matmul", sym("A"), sym("B")));
    expect(parseLatex("x^{-1}", { inverse: "power" })).toBe(pow(sym("x"), num(-1)));
    expect(parseLatex("x^{-1}")).toBe(fn("inv", sym("x")));
    const symbols = { theta: "\\boldsymbol{\\theta}" };
    expect(parseLatex(toLatex(P("theta^2 + 1"), { symbols }), { symbols })).toBe(P("theta^2 + 1"));
    const macros = { det: "\\lvert #1\\rvert" };
    expect(parseLatex("\\lvert \\Sigma\\rvert^{n}", { macros })).toBe(P("det(Sigma)^n"));
  });

  it("reads matrices", () => {
    const rows = parseLatexMatrix("\\begin{bmatrix} a & \\frac{1}{2} \\\\ x^{2} & \\log y \\end{bmatrix}");
    expect(rows).toEqual([
      [P("a"), P("1/2")],
      [P("x^2"), P("log(y)")],
    ]);
  });

  it.each([
    ["", "empty"],
    ["x = y", "a relation"],
    ["\\foo x", "unsupported command \\foo"],
    ["(x + 1", 'expected ")"'],
    ["\\frac{1}{", "unclosed {"],
    ["x_{i+1}", "a subscript of a name"],
    ["\\Gamma_{n}(a)", "positive integer subscript"],
    ["\\begin{pmatrix} 1 \\end{pmatrix}", "use parseLatexMatrix"],
    ["x @ y", 'unexpected character "@"'],
  ])("rejects %j with a PARSE error naming the problem", (latex, message) => {
    let err: unknown;
    try {
      parseLatex(latex);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QgeomError);
    expect((err as QgeomError).code).toBe("PARSE");
    expect((err as Error).message).toContain(message);
  });

  it("limits the input length", () => {
    expect(() => parseLatex("x+".repeat(10) + "x", { maxLength: 5 })).toThrow(/over the limit/);
  });
});
