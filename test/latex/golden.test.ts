// Golden LaTeX of formulas from MATH.md. Each expected string was written by hand and reviewed for
// typography; each must also render under strict KaTeX and read back to the same expression.
import { describe, expect, it } from "vitest";
import {
  type Expr,
  det,
  hessian,
  matrix,
  parse,
  parseLatex,
  parseLatexMatrix,
  renderKatex,
  simplify,
  sym,
  toLatex,
  type LatexOptions,
} from "../../src/index.js";
import { expandMultigamma } from "../../src/core/build.js";

const P = (s: string): Expr => parse(s, { functions: ["f", "g", "phi"] });

interface Golden {
  /** Where the formula comes from. */
  what: string;
  expr: Expr;
  latex: string;
  options?: LatexOptions;
}

const goldens: Golden[] = [
  // §4 Wishart cone
  {
    what: "§4.1 Wishart density, p = 3",
    expr: P("det(S)^((n-3-1)/2)*exp(-tr(matmul(inv(Sigma),S))/2)/(2^(3*n/2)*det(Sigma)^(n/2)*multigamma(n/2,3))"),
    latex: String.raw`\frac{(\det S)^{(n - 4)/2} \exp\left(-\frac{1}{2} \operatorname{tr}(\Sigma^{-1} S)\right)}{2^{3 n/2} (\det\Sigma)^{n/2} \Gamma_{3}\left(\frac{n}{2}\right)}`,
  },
  {
    what: "§4.8 complex Wishart density, p = 2",
    expr: P("det(S)^(n-2)*exp(-tr(matmul(inv(Sigma),S)))/(cmultigamma(n,2)*det(Sigma)^n)"),
    latex: String.raw`\frac{(\det S)^{n - 2} \exp(-\operatorname{tr}(\Sigma^{-1} S))}{\tilde{\Gamma}_{2}(n) (\det\Sigma)^{n}}`,
  },
  {
    what: "§4.3 Wishart entropy, p = 2",
    expr: P("3/2*log(det(Sigma)) + 3*log(2) + lmultigamma(n/2,2) - (n-3)/2*multidigamma(n/2,2) + n"),
    latex: String.raw`n - \frac{n - 3}{2} \psi_{2}\left(\frac{n}{2}\right) + \log\Gamma_{2}\left(\frac{n}{2}\right) + 3 \log 2 + \frac{3}{2} \log\det\Sigma`,
  },
  {
    what: "§4.4 Wishart KL divergence, p = 3",
    expr: P(
      "(n1-n2)/2*multidigamma(n1/2,3) + lmultigamma(n2/2,3) - lmultigamma(n1/2,3) + n1/2*(tr(matmul(inv(Sigma2),Sigma1)) - 3) - n2/2*log(det(matmul(inv(Sigma2),Sigma1)))",
    ),
    latex: String.raw`\frac{n_{1} - n_{2}}{2} \psi_{3}\left(\frac{n_{1}}{2}\right) + \frac{n_{1}}{2} (\operatorname{tr}(\Sigma_{2}^{-1} \Sigma_{1}) - 3) - \frac{n_{2}}{2} \log\det(\Sigma_{2}^{-1} \Sigma_{1}) - \log\Gamma_{3}\left(\frac{n_{1}}{2}\right) + \log\Gamma_{3}\left(\frac{n_{2}}{2}\right)`,
  },
  {
    what: "§4.2 expected determinant, p = 3",
    expr: P("det(Sigma)*n*(n-1)*(n-2)"),
    latex: String.raw`n (n - 1) (n - 2) \det\Sigma`,
  },
  {
    what: "§4.2 E log det S, p = 3",
    expr: P("multidigamma(n/2,3) + 3*log(2) + log(det(Sigma))"),
    latex: String.raw`3 \log 2 + \log\det\Sigma + \psi_{3}\left(\frac{n}{2}\right)`,
  },
  {
    what: "§4.2 Laplace transform",
    expr: P("det(I + 2*matmul(Sigma,Theta))^(-n/2)"),
    latex: String.raw`\frac{1}{(\det(I + 2 \Sigma \Theta))^{n/2}}`,
  },
  {
    what: "§4.2 variance of an entry",
    expr: P("n*(Sigma_ij^2 + Sigma_ii*Sigma_jj)"),
    latex: String.raw`n (\Sigma_{ii} \Sigma_{jj} + \Sigma_{ij}^{2})`,
  },
  {
    what: "§1.7 inverse Wishart mean",
    expr: P("inv(Sigma)/(n-p-1)"),
    latex: String.raw`\frac{\Sigma^{-1}}{n - p - 1}`,
  },
  // §1.8 multivariate gamma
  { what: "§1.8 Γ_p(a)", expr: P("multigamma(a,3)"), latex: String.raw`\Gamma_{3}(a)` },
  {
    what: "§1.8 Γ_3 as a product",
    expr: expandMultigamma("multigamma", sym("a"), 3),
    latex: String.raw`\pi^{3/2} \Gamma(a - 1)\, \Gamma\left(a - \frac{1}{2}\right)\, \Gamma(a)`,
  },
  {
    what: "§1.8 ψ_2 as a sum",
    expr: expandMultigamma("multidigamma", sym("a"), 2),
    latex: String.raw`\psi\left(a - \frac{1}{2}\right) + \psi(a)`,
  },
  { what: "§1.8 complex Γ̃_p", expr: P("cmultigamma(a,2)"), latex: String.raw`\tilde{\Gamma}_{2}(a)` },
  { what: "§1.8 log Γ̃_p", expr: P("lcmultigamma(a,2)"), latex: String.raw`\log\tilde{\Gamma}_{2}(a)` },
  { what: "Γ(5/2) exactly", expr: P("gamma(5/2)"), latex: String.raw`\frac{3 \sqrt{\pi}}{4}` },
  { what: "trigamma from diff", expr: P("polygamma(1, x) + polygamma(2, x)^2"), latex: String.raw`\psi^{(1)}(x) + \psi^{(2)}(x)^{2}` },
  // §1.6, §2.6 Gaussians
  {
    what: "§1.6 univariate Gaussian density",
    expr: P("exp(-(x-m)^2/(2*sigma^2))/sqrt(2*pi*sigma^2)"),
    latex: String.raw`\frac{\sqrt{2} e^{-(x - m)^{2}/(2 \sigma^{2})}}{2 \sqrt{\pi} \lvert \sigma\rvert}`,
  },
  {
    what: "§1.6 multivariate Gaussian density",
    expr: P("(2*pi)^(-d/2)*det(Sigma)^(-1/2)*exp(-matmul(transpose(x-m),inv(Sigma),x-m)/2)"),
    latex: String.raw`\frac{e^{-\frac{1}{2} (x - m)^{\top} \Sigma^{-1} (x - m)}}{2^{d/2} \pi^{d/2} \sqrt{\det\Sigma}}`,
  },
  {
    what: "§2.6 Gaussian KL divergence",
    expr: P("(tr(matmul(inv(Sigma2),Sigma1)) - d - log(det(matmul(inv(Sigma2),Sigma1))))/2"),
    latex: String.raw`\frac{\operatorname{tr}(\Sigma_{2}^{-1} \Sigma_{1}) - d - \log\det(\Sigma_{2}^{-1} \Sigma_{1})}{2}`,
  },
  // §3 optimal transport
  {
    what: "§3.6 det of the Gaussian Brenier map",
    expr: P("sqrt(det(Sigma2)/det(Sigma1))"),
    latex: String.raw`\sqrt{\frac{\det\Sigma_{2}}{\det\Sigma_{1}}}`,
  },
  {
    what: "§3.6 Brenier potential",
    expr: P("matmul(transpose(x-m1), A, x-m1)/2 + matmul(transpose(m2), x)"),
    latex: String.raw`\frac{1}{2} (x - m_{1})^{\top} A (x - m_{1}) + m_{2}^{\top} x`,
  },
  {
    what: "§3.6 one-dimensional W2 cost",
    expr: P("(m1 - m2)^2 + s1^2 + s2^2 - 2*s1*s2"),
    latex: String.raw`(m_{1} - m_{2})^{2} - 2 s_{1} s_{2} + s_{1}^{2} + s_{2}^{2}`,
  },
  {
    what: "§3.5 Monge–Ampère operator in two variables (formal derivatives)",
    expr: P("Derivative(phi(x,y),[2,0])*Derivative(phi(x,y),[0,2]) - Derivative(phi(x,y),[1,1])^2"),
    latex: String.raw`\partial_{2}^{2} \phi(x, y)\, \partial_{1}^{2} \phi(x, y) - (\partial_{1}\partial_{2} \phi(x, y))^{2}`,
  },
  {
    what: "§3.6 Bures distance of density matrices",
    expr: P("2*(1 - sqrt(F))"),
    latex: String.raw`2 - 2 \sqrt{F}`,
  },
  // §2 Boltzmann machines
  {
    what: "§2.2 Bernoulli RBM free energy, two hidden units",
    expr: P("-a*v - T*(softplus((c1 + w1*v)/T) + softplus((c2 + w2*v)/T))"),
    latex: String.raw`-a v - T \left(\operatorname{softplus}\left(\frac{v w_{1} + c_{1}}{T}\right) + \operatorname{softplus}\left(\frac{v w_{2} + c_{2}}{T}\right)\right)`,
  },
  {
    what: "§2.2 conditional of a hidden unit",
    expr: P("sigmoid((c1 + w1*v)/T)"),
    latex: String.raw`\operatorname{sig}\left(\frac{v w_{1} + c_{1}}{T}\right)`,
  },
  {
    what: "§2.2 Gaussian–Bernoulli free energy, one visible and one hidden unit",
    expr: P("(v-a)^2/2 - softplus(c + w*v)"),
    latex: String.raw`\frac{(v - a)^{2}}{2} - \operatorname{softplus}(v w + c)`,
  },
  {
    what: "§1.4 derivative of the sigmoid",
    expr: P("sigmoid(x)*(1 - sigmoid(x))"),
    latex: String.raw`\operatorname{sig}(x) (1 - \operatorname{sig}(x))`,
  },
  { what: "§1.4 softplus", expr: P("log(1 + exp(x))"), latex: String.raw`\log(e^{x} + 1)` },
  {
    what: "§2.3 learning gradient",
    expr: P("(s_cl - s_fr)/T"),
    latex: String.raw`\frac{s_{cl} - s_{fr}}{T}`,
  },
  {
    what: "§2.4 Gibbs variational principle: KL through the free energy",
    expr: P("(F_q + T*log(Z))/T"),
    latex: String.raw`\frac{F_{q} + T \log Z}{T}`,
  },
  {
    what: "§2.5 categorical log-partition, n = 2",
    expr: P("log(1 + exp(theta1) + exp(theta2))"),
    latex: String.raw`\log(e^{\theta_{1}} + e^{\theta_{2}} + 1)`,
  },
  {
    what: "§2.5 categorical Monge–Ampère quantity p0 p1 p2",
    expr: P("exp(theta1)*exp(theta2)/(1 + exp(theta1) + exp(theta2))^3"),
    latex: String.raw`\frac{e^{\theta_{1} + \theta_{2}}}{(e^{\theta_{1}} + e^{\theta_{2}} + 1)^{3}}`,
  },
  {
    what: "binary entropy (§6.9 S(ρ) = h((1+r)/2))",
    expr: P("-(x*log(x) + (1-x)*log(1-x))"),
    latex: String.raw`-(1 - x) \log(1 - x) - x \log x`,
  },
  // §5 cones
  { what: "§5.4 constant c, Sym_2 UT", expr: P("27/pi^2"), latex: String.raw`\frac{27}{\pi^{2}}` },
  { what: "§5.4 constant c, Herm_3 orthonormal", expr: P("19683/(256*pi^6)"), latex: String.raw`\frac{19683}{256 \pi^{6}}` },
  {
    what: "§5.2 Koszul–Vinberg function of Sym_2 (UT)",
    expr: P("multigamma(3/2,2)*det(X)^(-3/2)"),
    latex: String.raw`\frac{\Gamma_{2}\left(\frac{3}{2}\right)}{(\det X)^{3/2}}`,
  },
  {
    what: "§5.3 canonical metric",
    expr: P("(p+1)/2*tr(matmul(inv(X),H,inv(X),K))"),
    latex: String.raw`\frac{p + 1}{2} \operatorname{tr}(X^{-1} H X^{-1} K)`,
  },
  {
    what: "§1.3 det Hess of -log(ac - b^2)",
    expr: simplify(det(matrix(hessian(P("-log(a*c-b^2)"), ["a", "b", "c"])))),
    latex: String.raw`\frac{2}{(a c - b^{2})^{3}}`,
  },
  // §6 modular theory
  {
    what: "§6.9 log ρ: coefficient of I",
    expr: P("log((1-r^2)/4)/2"),
    latex: String.raw`\frac{1}{2} \log\frac{1 - r^{2}}{4}`,
  },
  {
    what: "§6.9 ρ^{it}: eigenvalue factor",
    expr: P("((1-r^2)/4)^(i*t/2)*cos(t*atanh(r))"),
    latex: String.raw`\left(\frac{1 - r^{2}}{4}\right)^{i t/2} \cos(t \operatorname{artanh} r)`,
  },
  {
    what: "§6.9 rotation angle of the modular flow",
    expr: P("-t*log((1+r)/(1-r))"),
    latex: String.raw`-t \log\frac{r + 1}{1 - r}`,
  },
  {
    what: "§6.9 qubit relative entropy, r·s as a custom symbol",
    expr: P("log((1-r^2)/(1-s^2))/2 + r*atanh(r) - rs*atanh(s)/s"),
    options: { symbols: { rs: String.raw`(\vec{r} \cdot \vec{s})` } },
    latex: String.raw`r \operatorname{artanh} r + \frac{1}{2} \log\frac{1 - r^{2}}{1 - s^{2}} - \frac{(\vec{r} \cdot \vec{s}) \operatorname{artanh} s}{s}`,
  },
  {
    what: "§6.11 Peschel: log Z",
    expr: P("-tr(log(I - C))"),
    latex: String.raw`-\operatorname{tr}\log(I - C)`,
  },
  // §8 renormalisation
  { what: "§8.3 AR(1) innovation variance", expr: P("sigma^2*(1 + r^2)"), latex: String.raw`\sigma^{2} (r^{2} + 1)` },
  { what: "§8.3 AR(1) marginal variance", expr: P("sigma^2/(1 - r^2)"), latex: String.raw`\frac{\sigma^{2}}{1 - r^{2}}` },
  { what: "§8.3 correlation length", expr: P("-1/log(abs(r))"), latex: String.raw`-\frac{1}{\log\lvert r\rvert}` },
  // §9 V25 and §1.10
  {
    what: "V25 Kontsevich potential to degree 2",
    expr: P("t0^2*t2/2 + t0*t1^2/2 + t2^2*exp(t1)/2 + t2^5*exp(2*t1)/120"),
    latex: String.raw`\frac{t_{2}^{5}}{120} e^{2 t_{1}} + \frac{t_{0} t_{1}^{2}}{2} + \frac{t_{0}^{2} t_{2}}{2} + \frac{t_{2}^{2}}{2} e^{t_{1}}`,
  },
  { what: "§1.10 Fourier kernel on Z_L", expr: P("exp(-2*pi*i*q*n/L)"), latex: String.raw`e^{-2 i \pi n q/L}` },
  // names and options
  {
    what: "names: digits, Greek, underscores, words",
    expr: P("x12 + rho_t + x1_2 + Sigma + alpha + df + T_eff"),
    latex: String.raw`\Sigma + T_{\mathrm{eff}} + \alpha + \mathit{df} + \rho_{t} + x_{12} + x_{1,2}`,
  },
  {
    what: "det printed with bars (user macro)",
    expr: P("det(Sigma)^(-n/2)*exp(-tr(matmul(inv(Sigma),S))/2)"),
    options: { macros: { det: String.raw`\lvert #1\rvert` } },
    latex: String.raw`\frac{\exp\left(-\frac{1}{2} \operatorname{tr}(\Sigma^{-1} S)\right)}{\lvert \Sigma\rvert^{n/2}}`,
  },
  {
    what: "exp written \\exp by option",
    expr: P("exp(-x^2/2)"),
    options: { exp: "exp" },
    latex: String.raw`\exp\left(-\frac{x^{2}}{2}\right)`,
  },
];

describe("golden LaTeX of MATH.md formulas", () => {
  it.each(goldens.map((g) => [g.what, g] as const))("%s", (_what, g) => {
    const latex = toLatex(g.expr, g.options);
    expect(latex).toBe(g.latex);
    expect(() => renderKatex(latex, { display: true })).not.toThrow();
    const parseOptions = g.options ? { symbols: g.options.symbols, macros: g.options.macros } : {};
    expect(parseLatex(latex, parseOptions)).toBe(g.expr);
  });

  it("has about forty formulas", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(40);
  });
});

describe("golden matrices", () => {
  const H = hessian(P("-log(a*c-b^2)"), ["a", "b", "c"]).map((r) => r.map((x) => simplify(x)));
  const expected = String.raw`\begin{pmatrix} \frac{c^{2}}{(a c - b^{2})^{2}} & -\frac{2 b c}{(a c - b^{2})^{2}} & \frac{b^{2}}{(a c - b^{2})^{2}} \\ -\frac{2 b c}{(a c - b^{2})^{2}} & \frac{2 (a c + b^{2})}{(a c - b^{2})^{2}} & -\frac{2 a b}{(a c - b^{2})^{2}} \\ \frac{b^{2}}{(a c - b^{2})^{2}} & -\frac{2 a b}{(a c - b^{2})^{2}} & \frac{a^{2}}{(a c - b^{2})^{2}} \end{pmatrix}`;

  it("§1.3 Hessian of -log(ac - b^2) in UT coordinates as a pmatrix", () => {
    const latex = toLatex(H);
    expect(latex).toBe(expected);
    expect(() => renderKatex(latex, { display: true })).not.toThrow();
    const back = parseLatexMatrix(latex);
    expect(back.every((row, i) => row.every((x, j) => x === H[i]![j]))).toBe(true);
  });

  it("§2.2 Gaussian–Bernoulli Hessian I - w w^T sig'(c + w^T v) as a bmatrix", () => {
    const F = P("(v1-a1)^2/2 + (v2-a2)^2/2 - softplus(c + w1*v1 + w2*v2)");
    const Hf = hessian(F, ["v1", "v2"]).map((r) => r.map((x) => simplify(x)));
    const latex = toLatex(Hf, { matrix: "bmatrix" });
    const s = String.raw`\operatorname{sig}(v_{1} w_{1} + v_{2} w_{2} + c)`;
    expect(latex).toBe(
      String.raw`\begin{bmatrix} 1 - w_{1}^{2} ${s} (1 - ${s}) & -w_{1} w_{2} ${s} (1 - ${s}) \\ -w_{1} w_{2} ${s} (1 - ${s}) & 1 - w_{2}^{2} ${s} (1 - ${s}) \end{bmatrix}`,
    );
    expect(() => renderKatex(latex, { display: true })).not.toThrow();
  });
});
