// `qgeom eval <expr> --at x=1,y=2`: numeric value in float64, through the compiled path (stable forms).
import { FLAG_I, freeSymbols } from "../../core/expr.js";
import { QgeomError, excerpt } from "../../core/errors.js";
import { compile } from "../../compile/compile.js";
import type { Command } from "../command.js";
import { EXPR_OPTIONS, exprArg, pointArg } from "../expr-args.js";

/** `qgeom eval`: the value of an expression at a point, through the compiler. */
export const evalCommand: Command = {
  name: "eval",
  summary: "evaluate an expression at a point in float64 (compiled: stable log-sum-exp, softplus, ...); complex values as re, im",
  usage: "qgeom eval <expr> --at x=1,y=2 [--json]",
  example: 'qgeom eval "softplus(x) - log(1+exp(x))" --at x=3',
  options: [...EXPR_OPTIONS, "at"],
  run(args) {
    const e = exprArg(args, 0);
    const env = pointArg(args);
    const names = freeSymbols(e);
    const missing = names.filter((s) => !Object.prototype.hasOwnProperty.call(env, s));
    if (missing.length) throw new QgeomError("UNKNOWN_VARIABLE", `no value for ${missing.join(", ")}; pass --at ${missing.map((m) => m + "=...").join(",")}`);
    const complex = (e.flags & FLAG_I) !== 0;
    const f = compile(e, names, { complex });
    const out = new Float64Array(f.outputSize);
    f(Float64Array.from(names, (n) => env[n]!), out);
    if (out.some(Number.isNaN))
      throw new QgeomError("DOMAIN", `${excerpt(e.toString())} has no ${complex ? "" : "real "}value at this point (outside the domain of a function, or a pole); check the point against the expression's domain`);
    if (!out.every(Number.isFinite)) throw new QgeomError("NOT_FINITE", `${excerpt(e.toString())} overflows to ${out.find((v) => !Number.isFinite(v))} at this point; rescale the inputs or use a log-domain form`);
    if (!complex) return { json: { value: out[0]! }, text: String(out[0]!) };
    const [re, im] = [out[0]!, out[1]!];
    return { json: { re, im }, text: `${re} ${im < 0 || Object.is(im, -0) ? "-" : "+"} ${Math.abs(im)}i` };
  },
};
