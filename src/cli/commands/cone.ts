// `qgeom cone ma --p 2 [--complex] [--coords ut|f]`: the Monge–Ampère identity det D² log φ = c φ² of the
// cone Sym_p^{++} (or Herm_p^{++}) with its constant (MATH.md §5.4).
import { QgeomError } from "../../core/errors.js";
import { toMathjs } from "../../core/print.js";
import { type Coords, maConstant, maIdentityAtRationalPoints, maIdentityNumeric, maIdentitySymbolic } from "../../cones/index.js";
import { flagBool, flagNumber, flagString } from "../args.js";
import type { Command } from "../command.js";
import { latexOf } from "../latex-hook.js";

/** `qgeom cone ma`: the constant c, derived symbolically where feasible, else checked exactly/numerically. */
export const coneMaCommand: Command = {
  name: "cone ma",
  summary: "Monge–Ampère identity det D² log φ = c φ² of Sym_p^{++} (--complex: Herm_p^{++}) with the constant c in UT or F coordinates (MATH.md §5.4)",
  usage: "qgeom cone ma --p 2 [--complex] [--coords ut|f] [--json]",
  example: "qgeom cone ma --p 3 --coords f",
  options: ["p", "coords"],
  booleans: ["complex"],
  run(args) {
    const p = flagNumber(args, "p");
    if (p === undefined || !Number.isInteger(p) || p < 1 || p > 64) throw new QgeomError("CLI_USAGE", `--p must be an integer in 1..64, got ${p ?? "nothing"}; pass e.g. --p 2`);
    const coords = (flagString(args, "coords") ?? "ut") as Coords;
    if (coords !== "ut" && coords !== "f") throw new QgeomError("CLI_USAGE", `--coords must be ut or f, got "${coords}"; pass --coords ut or --coords f`);
    const field = flagBool(args, "complex") ? "complex" : "real";
    const c = maConstant(p, field, coords);
    const latex = latexOf(c.expr);
    const base = { p, field, coords, constant: { expr: toMathjs(c.expr), ...(latex !== undefined ? { latex } : {}) }, value: c.value };
    const symbolic = p <= (field === "real" ? 3 : 2);
    if (symbolic) {
      const d = maIdentitySymbolic(p, field, coords);
      const verdict = d.certificate.verdict;
      return {
        json: { ...base, method: "symbolic", route: d.route, detHessian: toMathjs(d.detHessian), certificate: d.certificate },
        text: `det D² log φ = c φ² on ${field === "real" ? "Sym" : "Herm"}_${p}^{++} (${coords}): c = ${toMathjs(c.expr)} ≈ ${c.value}\ndet D² log φ = ${toMathjs(d.detHessian)}\n${verdict} (${d.certificate.method}${d.route === "chain-rule" ? ", F from UT by the chain rule" : ""})`,
        exitCode: verdict === "proved" ? 0 : 1,
      };
    }
    // larger p: exact at rational points (UT Hessian determinant) where cheap, and numeric in the chosen coordinates
    const exact = p <= 5 ? maIdentityAtRationalPoints(p, field, { samples: 2 }).allEqual : null;
    // X = I + 0.3 J/p (+ 0.1 i·sign(j − i)/p): positive definite (perturbation norm < 1), not diagonal
    const re = Float64Array.from({ length: p * p }, (_, k) => (k % (p + 1) === 0 ? 1 : 0) + 0.3 / p);
    const im = Float64Array.from({ length: p * p }, (_, k) => (0.1 * Math.sign((k % p) - Math.floor(k / p))) / p);
    const X = field === "real" ? { rows: p, cols: p, data: re } : { rows: p, cols: p, re, im };
    const num = maIdentityNumeric(X, coords);
    const ok = num.relativeError < 1e-10 && exact !== false;
    return {
      json: { ...base, method: "numeric", relativeError: num.relativeError, exactAtRationalPoints: exact },
      text: `det D² log φ = c φ² on ${field === "real" ? "Sym" : "Herm"}_${p}^{++} (${coords}): c = ${toMathjs(c.expr)} ≈ ${c.value}\nchecked numerically (relative error ${num.relativeError.toExponential(2)})${exact === null ? "" : exact ? "; exact at rational points (UT)" : "; FAILED at rational points"}`,
      exitCode: ok ? 0 : 1,
    };
  },
};
