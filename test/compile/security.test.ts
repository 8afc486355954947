// User strings never become code: adversarial names and expressions through parse -> compile yield a
// QgeomError or a correct number, and the generated source is the same whatever the variables are called.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, QgeomError, compile, emitModule, evaluate, freeSymbols, isValidIdentifier, parse, postOrder } from "../../src/index.js";

const ADVERSARIAL = [
  '"', "'", "`", "\\", "${x}", "constructor", "__proto__", "prototype", "process", "globalThis", "eval", "Function",
  "); fetch(", "`); fetch(`", "x); process.exit(1); (", "x0", "t0", "input", "output", "Math", "E", "H", "F", "I", "O", "n",
  "\\u0061", "\u0061\u0301", "\u202e", "\u0000", "💥", "</script>", "/*", "*/", "//", "\n", "a.b", "a[0]", "toString",
  "1e309", "0x10", "NaN", "Infinity", "-0", "a".repeat(65), "b".repeat(5000), "return", "function", "h_gamma", "u0", "compiled",
];

/** parse -> compile -> evaluate at 1/2 for every variable; returns what happened. */
function attempt(text: string): "error" | "number" {
  let e: Expr;
  try {
    e = parse(text, { functions: true });
  } catch (err) {
    expect(err).toBeInstanceOf(QgeomError);
    return "error";
  }
  const names = [...freeSymbols(e)];
  const opaque = [...new Set(postOrder([e]).flatMap((x) => (x.kind === "fn" && !isKernelLike(x.name) ? [x.name] : [])))];
  const functions = Object.fromEntries(opaque.map((n) => [n, (...a: number[]) => a.length + 0.25]));
  let f;
  try {
    f = compile(e, names, { functions });
  } catch (err) {
    expect(err).toBeInstanceOf(QgeomError);
    return "error";
  }
  for (const n of names) expect(isValidIdentifier(n)).toBe(true);
  const out = new Float64Array(1);
  f(new Float64Array(names.length).fill(0.5), out);
  let want: number;
  try {
    want = evaluate(e, new Map(names.map((n) => [n, 0.5])), { functions, allowInfinite: true });
  } catch (err) {
    expect(err).toBeInstanceOf(QgeomError);
    want = NaN;
  }
  if (!Number.isFinite(want)) expect(out[0]).toBe(want);
  else expect(Math.abs(out[0]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
  return "number";
}
const isKernelLike = (name: string): boolean => ["exp", "log", "sin", "cos", "abs", "gamma", "lgamma", "sqrt"].includes(name) || /^(softplus|sigmoid|digamma|polygamma|tan|atan|sinh|cosh|tanh|atanh|sign|conj|re|im|det|tr|inv|transpose|matmul|.*multi.*gamma)$/.test(name);

describe("adversarial strings through parse -> compile", () => {
  it("give a QgeomError or a correct number (fixed list, in several positions)", () => {
    const seen = { error: 0, number: 0 };
    for (const s of ADVERSARIAL)
      for (const text of [s, `x + ${s}`, `${s}(x)`, `f(${s}) * 2`, `${s}^2 + ${s}`, `exp(${s}) - 1`])
        seen[attempt(text)]++;
    // both outcomes occur: the fuzz really reaches the compiler
    expect(seen.number).toBeGreaterThan(40);
    expect(seen.error).toBeGreaterThan(40);
  });

  it("give a QgeomError or a correct number (random strings and fragments)", () => {
    const fragment = fc.oneof(fc.constantFrom(...ADVERSARIAL), fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("x", "y", "+", "*", "(", ")", ",", "^", "2", "log", "exp"));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (parts) => {
        attempt(parts.join(""));
      }),
      { numRuns: 400 },
    );
  });
});

describe("variable names never reach the generated source", () => {
  const names = ["x0", "t0", "t1", "input", "output", "Math", "constructor", "process", "H", "F", "I", "O", "n", "compiled", "h_gamma", "u0", "globalThis", "eval", "a".repeat(64)];
  it("the source is identical whatever the variable is called", () => {
    // (one expression per output, so the canonical order of sibling terms, which hashes names, plays no role)
    const template = (v: string): Expr[] => [`log(1 + exp(${v}))`, `${v}^3 / (${v}^2 + 1)`, `lgamma(${v} + 2)`, `${v} * sigmoid(${v})`].map((t) => parse(t));
    const reference = compile(template("q"), ["q"]);
    const refModule = emitModule(reference, { format: "ts" });
    for (const v of names) {
      const f = compile(template(v), [v]);
      expect(f.source).toBe(reference.source);
      expect(emitModule(f, { format: "ts" })).toBe(refModule.replace('["q"]', JSON.stringify([v])));
      const out = new Float64Array(4);
      f(Float64Array.from([0.75]), out);
      const want = [Math.log1p(Math.exp(0.75)), 0.75 ** 3 / (0.75 ** 2 + 1), 0.4752146669149373 /* log Γ(2.75), Python math.lgamma */, 0.75 / (1 + Math.exp(-0.75))];
      out.forEach((o, k) => expect(o).toBeCloseTo(want[k]!, 12));
    }
  });
  it("a long unique name appears in emitted modules only as JSON data of `inputs`", () => {
    const name = "zzSecretName" + "q".repeat(40);
    const f = compile(parse(`${name} * 2`), [name]);
    expect(f.source).not.toContain(name);
    const mod = emitModule(f);
    expect(mod.split(name).length - 1).toBe(1);
    expect(mod).toContain(`export const inputs = Object.freeze(["${name}"]);`);
  });
});
