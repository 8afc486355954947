// The sample document of the LaTeX tests (pdflatex, browser) and of docs/latex-sample.png: statements,
// a derivation with justifications, certificates of every verdict, a matrix and inline math.
import { type QgeomDocument, det, hessian, matrix, parse, simplify, verify } from "../../src/index.js";

export function sampleDocument(): QgeomDocument {
  const P = (s: string) => parse(s);
  const f = P("-log(a*c - b^2)");
  const H = hessian(f, ["a", "b", "c"]).map((r) => r.map((x) => simplify(x)));
  const dH = det(matrix(H));
  const wishart = P("det(S)^((n-3-1)/2)*exp(-tr(matmul(inv(Sigma),S))/2)/(2^(3*n/2)*det(Sigma)^(n/2)*multigamma(n/2,3))");
  const kl = P("(tr(matmul(inv(Sigma2),Sigma1)) - d - log(det(matmul(inv(Sigma2),Sigma1))))/2");
  const sig = P("sigmoid(x)*(1 - sigmoid(x))");
  return {
    title: "qgeom: LaTeX sample",
    author: "Formulas of MATH.md printed by toLatex, certificates by verify",
    items: [
      { kind: "section", title: "Wishart cone (§4)" },
      { kind: "text", text: "The density of $W_3(n,\\Sigma)$ with respect to $du$ (§4.1), with $\\Gamma_3$ the multivariate gamma function:" },
      { kind: "formula", lhs: "f(S)", expr: wishart },
      { kind: "text", text: "Gaussian relative entropy (§2.6), the arguments in the order of §1.9:" },
      { kind: "formula", lhs: "\\mathrm{KL}", expr: kl },
      { kind: "section", title: "Monge–Ampère reference constant (§1.3)" },
      { kind: "text", text: "For $p = 2$ with $X_{11} = a$, $X_{12} = b$, $X_{22} = c$, the Hessian of $-\\log\\det X$ in UT coordinates is" },
      { kind: "formula", lhs: "\\mathrm{Hess}_u", expr: H },
      {
        kind: "derivation",
        title: "Its determinant",
        text: "With $\\det X = ac - b^2$, and the general formula of §1.3 at $p = 2$ as the last line:",
        derivation: {
          start: P("det(H)"),
          steps: [
            { expr: dH, justification: "Bareiss elimination, cancellation" },
            { expr: P("2*det(X)^(-3)"), justification: "$ac - b^2 = \\det X$" },
            { expr: P("2^(p*(p-1)/2)*det(X)^(-(p+1))"), relation: "=", justification: "at $p = 2$" },
          ],
        },
        certificate: verify(dH, P("2/(a*c - b^2)^3")),
      },
      { kind: "section", title: "Certificates" },
      {
        kind: "statement",
        title: "Derivative of the sigmoid (§1.4)",
        lhs: P("sigmoid(x) - sigmoid(x)^2"),
        rhs: sig,
        certificate: verify(P("sigmoid(x) - sigmoid(x)^2"), sig),
      },
      {
        kind: "statement",
        title: "Softplus and the logarithm",
        text: "A numeric check only, with $x \\in [-3, 3]$:",
        lhs: P("softplus(x)"),
        rhs: P("log(1 + exp(x))"),
        certificate: verify(P("softplus(x)"), P("log(1 + exp(x))"), { method: "numeric" }),
      },
      {
        kind: "statement",
        title: "A false identity is refuted",
        lhs: P("(x + y)^2"),
        rhs: P("x^2 + y^2"),
        certificate: verify(P("(x + y)^2"), P("x^2 + y^2")),
      },
    ],
  };
}
