// `qgeom verify <lhs> <rhs>`: prints the certificate of an identity.
import { QgeomError } from "../../core/errors.js";
import { type Certificate, verify } from "../../core/verify.js";
import { freeSymbols } from "../../core/expr.js";
import { parseDomain } from "../../interop/mathjs.js";
import { flagNumber, flagString } from "../args.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, parseOptions, varsArg } from "../expr-args.js";

function describe(c: Certificate): string {
  switch (c.verdict) {
    case "proved":
      return c.method === "exact"
        ? `proved (exact): ${c.detail}`
        : `proved (probabilistic, error probability <= ${c.errorBound.toExponential(2)}): ${c.detail}`;
    case "checked":
      return `checked (numeric, not a proof): ${c.detail}`;
    case "refuted": {
      const pt = Object.entries(c.counterexample.point).map(([k, v]) => `${k}=${v}`).join(", ");
      return `refuted (${c.method}): at ${pt}: lhs = ${c.counterexample.lhs}, rhs = ${c.counterexample.rhs}`;
    }
    case "unknown":
      return `unknown: ${c.reason}`;
  }
}

export const verifyCommand: Command = {
  name: "verify",
  summary: "decide an identity lhs = rhs and print its certificate (proved / checked / refuted / unknown)",
  usage: 'qgeom verify <lhs> <rhs> [--vars x,y] [--domain "x>0, a*c-b^2>0"] [--method auto|exact|probabilistic|numeric] [--seed N] [--json]',
  example: 'qgeom verify "(x+y)^2" "x^2+2*x*y+y^2"',
  options: [...EXPR_OPTIONS, "domain", "method", "seed", "samples", "tolerance"],
  run(args) {
    const lhs = exprArg(args, 0, "left-hand side");
    const rhs = exprArg(args, 1, "right-hand side");
    const domainText = flagString(args, "domain");
    const domain = domainText ? parseDomain(domainText, parseOptions(args)) : [];
    const vars = varsArg(args, [...new Set([...freeSymbols(lhs), ...freeSymbols(rhs), ...domain.flatMap((c) => freeSymbols(c.expr))])].sort());
    const method = flagString(args, "method") as "auto" | "exact" | "probabilistic" | "numeric" | undefined;
    if (method !== undefined && !["auto", "exact", "probabilistic", "numeric"].includes(method))
      throw new QgeomError("CLI_USAGE", `--method must be auto, exact, probabilistic or numeric, got "${method}"; pass one of these`);
    const c = verify(lhs, rhs, {
      vars,
      domain,
      ...(method ? { method } : {}),
      ...(flagNumber(args, "seed") !== undefined ? { seed: flagNumber(args, "seed")! } : {}),
      ...(flagNumber(args, "samples") !== undefined ? { samples: flagNumber(args, "samples")! } : {}),
      ...(flagNumber(args, "tolerance") !== undefined ? { tolerance: flagNumber(args, "tolerance")! } : {}),
    });
    return { json: { ...c }, text: describe(c), exitCode: c.verdict === "refuted" ? 1 : 0 };
  },
};
