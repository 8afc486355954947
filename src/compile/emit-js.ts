// JavaScript emission of a scheduled program. The source contains nothing but generated names (x0 for
// input 0, t0, t1, … for shared values, h_<helper> and u<k> for functions), whitelisted Math functions,
// and numeric literals that are validated to round-trip; user strings never reach it. assertSafeSource
// re-checks the finished text against that grammar before anything runs it.
import { QgeomError } from "../core/errors.js";
import { HELPERS, type Instr, MATH1, MATH2 } from "./ir.js";
import type { Schedule } from "./schedule.js";

/** A numeric literal as JavaScript source that evaluates to exactly `v` (negative values parenthesised). */
export function formatLiteral(v: number): string {
  if (typeof v !== "number") throw new QgeomError("INTERNAL", `internal: literal is not a number; this is a bug in qgeom, please report it with the expression`);
  if (Number.isNaN(v)) return "(0 / 0)";
  if (v === Infinity) return "(1 / 0)";
  if (v === -Infinity) return "(-1 / 0)";
  if (Object.is(v, -0)) return "(-0)";
  const s = String(v);
  if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(s) || Number(s) !== v)
    throw new QgeomError("INTERNAL", `internal: the number ${s} has no safe literal form; this is a bug in qgeom, please report it with the expression`);
  return v < 0 ? `(${s})` : s;
}

// JavaScript precedences used to print the IR tree with the fewest parentheses that keep its exact
// shape: a left operand needs precedence ≥ the operator's, a right operand > (floating-point sums are
// not associative, so a + (b + c) keeps its parentheses).
const PREC_ATOM = 20;
const PREC_UNARY = 14;
const PREC_MUL = 13;
const PREC_ADD = 12;
const PREC_REL = 10;
const PREC_COND = 2;

const BIN: Record<"add" | "sub" | "mul" | "div", [string, number]> = {
  add: ["+", PREC_ADD],
  sub: ["-", PREC_ADD],
  mul: ["*", PREC_MUL],
  div: ["/", PREC_MUL],
};

/** How values are named in one emitted function. */
interface Naming {
  /** Source of input k in the current layout (e.g. `input[2]` or `I[2 * n + i]`). */
  readonly name: (v: number) => string;
}

/** Emits the expression of value v (inlining unmaterialised operands). */
function exprOf(sched: Schedule, naming: Naming, v: number): string {
  const { instrs } = sched.program;
  const go = (x: number, minPrec: number): string => {
    const ins = instrs[x]!;
    if (ins.op === "lit") return formatLiteral(ins.value);
    if (sched.materialized[x]) return naming.name(x);
    const [s, p] = print(ins);
    return p < minPrec ? `(${s})` : s;
  };
  const print = (ins: Instr): [string, number] => {
    switch (ins.op) {
      case "add":
      case "sub":
      case "mul":
      case "div": {
        const [sym, p] = BIN[ins.op];
        return [`${go(ins.a, p)} ${sym} ${go(ins.b, p + 1)}`, p];
      }
      case "neg":
        return [`-${go(ins.a, PREC_ATOM)}`, PREC_UNARY];
      case "math1":
        return [`Math.${ins.fn}(${go(ins.a, 0)})`, PREC_ATOM];
      case "math2":
        return [`Math.${ins.fn}(${go(ins.a, 0)}, ${go(ins.b, 0)})`, PREC_ATOM];
      case "max":
      case "min":
        return [`Math.${ins.op}(${ins.args.map((a) => go(a, 0)).join(", ")})`, PREC_ATOM];
      case "helper":
        return [`h_${ins.fn}(${ins.args.map((a) => go(a, 0)).join(", ")})`, PREC_ATOM];
      case "user":
        return [`u${ins.fn}(${ins.args.map((a) => go(a, 0)).join(", ")})`, PREC_ATOM];
      case "select":
        return [`${go(ins.a, PREC_REL + 1)} < ${go(ins.b, PREC_REL + 1)} ? ${go(ins.x, PREC_COND + 1)} : ${go(ins.y, PREC_COND + 1)}`, PREC_COND];
      default:
        throw new QgeomError("INTERNAL", `internal: cannot print ${ins.op}; this is a bug in qgeom, please report it with the expression`);
    }
  };
  const ins = instrs[v]!;
  if (ins.op === "lit" || sched.materialized[v] && ins.op === "input") return go(v, 0);
  return print(ins)[0];
}

/** Generated names: inputs x<k>, materialised values t0, t1, … in evaluation order. */
function namesOf(sched: Schedule): (v: number) => string {
  const temp = new Map<number, string>();
  sched.order.forEach((v, k) => temp.set(v, `t${k}`));
  return (v) => {
    const ins = sched.program.instrs[v]!;
    if (ins.op === "input") return `x${ins.index}`;
    const t = temp.get(v);
    if (t === undefined) throw new QgeomError("INTERNAL", `internal: value has no name; this is a bug in qgeom, please report it with the expression`);
    return t;
  };
}

/** Options of the emitted functions. */
export interface EmitOptions {
  readonly checkFinite: boolean;
}

/** Body lines computing all materialised values (after inputs are loaded). */
function bodyLines(sched: Schedule, name: (v: number) => string, indent: string): string[] {
  const naming: Naming = { name };
  return sched.order.map((v) => `${indent}const ${name(v)} = ${exprOf(sched, naming, v)};`);
}

function outputExpr(sched: Schedule, name: (v: number) => string, v: number): string {
  const ins = sched.program.instrs[v]!;
  if (ins.op === "lit") return formatLiteral(ins.value);
  if (sched.materialized[v]) return name(v);
  return exprOf(sched, { name }, v);
}

/**
 * The scalar function `(input, output) => void` as source text. Errors go through `E(kind, a, b)`:
 * 0 bad input array, 1 bad output array, 2 non-finite input a.
 */
export function emitScalarFunction(sched: Schedule, options: EmitOptions, fname = "compiled"): string {
  const { nInputs, outputs } = sched.program;
  const name = namesOf(sched);
  const lines: string[] = [];
  lines.push(`function ${fname}(input, output) {`);
  lines.push(`  if (!(input instanceof Float64Array) || input.length !== ${nInputs}) E(0, input);`);
  lines.push(`  if (!(output instanceof Float64Array) || output.length !== ${outputs.length}) E(1, output);`);
  for (const k of sched.loadedInputs) lines.push(`  const x${k} = input[${k}];`);
  if (options.checkFinite) for (const k of sched.loadedInputs) lines.push(`  if (!(x${k} - x${k} === 0)) E(2, ${k});`);
  lines.push(...bodyLines(sched, name, "  "));
  outputs.forEach((v, j) => lines.push(`  output[${j}] = ${outputExpr(sched, name, v)};`));
  lines.push("}");
  return lines.join("\n");
}

/**
 * The batch function `(I, n, O) => void` over structure-of-arrays data: input k of point i is
 * I[k*n + i], output j of point i is O[j*n + i]. Errors: 3 bad n, 4 bad I, 5 bad O, 6 non-finite input
 * a at point b.
 */
export function emitBatchFunction(sched: Schedule, options: EmitOptions, fname = "compiledBatch"): string {
  const { nInputs, outputs } = sched.program;
  const name = namesOf(sched);
  const at = (k: number): string => (k === 0 ? "i" : k === 1 ? "n + i" : `${k} * n + i`);
  const lines: string[] = [];
  lines.push(`function ${fname}(I, n, O) {`);
  lines.push(`  if (!(n >= 0 && n <= 4294967295 && n === Math.floor(n))) E(3, n);`);
  lines.push(`  if (!(I instanceof Float64Array) || I.length !== ${nInputs} * n) E(4, I, n);`);
  lines.push(`  if (!(O instanceof Float64Array) || O.length !== ${outputs.length} * n) E(5, O, n);`);
  lines.push(`  for (let i = 0; i < n; i++) {`);
  for (const k of sched.loadedInputs) lines.push(`    const x${k} = I[${at(k)}];`);
  if (options.checkFinite) for (const k of sched.loadedInputs) lines.push(`    if (!(x${k} - x${k} === 0)) E(6, ${k}, i);`);
  lines.push(...bodyLines(sched, name, "    "));
  outputs.forEach((v, j) => lines.push(`    O[${at(j)}] = ${outputExpr(sched, name, v)};`));
  lines.push("  }");
  lines.push("}");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The grammar check.

const KEYWORDS = ["function", "const", "let", "for", "if", "return", "instanceof", "Float64Array", "length", "Math", "floor", "max", "min", "use", "strict"];
const FIXED = ["input", "output", "I", "n", "O", "i", "E", "H", "F", "compiled", "compiledBatch", "evaluate", "batch"];
const ALLOWED = new Set<string>([...KEYWORDS, ...FIXED, ...MATH1, ...MATH2, ...HELPERS, ...HELPERS.map((h) => "h_" + h)]);
const GENERATED = /^(x|t|u)\d+$/;
/** Characters the generated code may contain: no quotes, backticks, backslashes, `$`, `#`, `@`. */
const CHARSET = /^[A-Za-z0-9_ \n.,;:?<>=!+\-*/()[\]{}|&]*$/;

/**
 * Throws unless `code` consists only of whitelisted identifiers, generated names, numbers and operators
 * (no string, template or regular-expression literal can occur without a quote, backtick or backslash).
 */
export function assertSafeSource(code: string): void {
  if (!CHARSET.test(code)) throw new QgeomError("INTERNAL", `internal: generated code contains a character outside its grammar; this is a bug in qgeom, please report it with the expression`);
  const tokens = code.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?(e[+-]?\d+)?/g) ?? [];
  for (const tok of tokens) {
    if (/^\d/.test(tok)) continue;
    if (ALLOWED.has(tok) || GENERATED.test(tok)) continue;
    throw new QgeomError("INTERNAL", `internal: generated code contains the identifier ${tok.slice(0, 20)}, which is not whitelisted; this is a bug in qgeom, please report it with the expression`);
  }
}
