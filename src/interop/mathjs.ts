// mathjs syntax <-> Expr. mathjs is our parser and node format; numbers are read exactly (0.1 = 1/10).
import { create, all, type MathNode } from "mathjs";
import { QgeomError, didYouMean, excerpt } from "../core/errors.js";
import {
  type Expr,
  add,
  div,
  fn,
  fnDerivative,
  isValidIdentifier,
  log,
  mul,
  neg,
  num,
  pow,
  sub,
  sym,
  exp,
  ONE,
  HALF,
  gamma,
} from "../core/build.js";
import { KERNELS, isKernel, KERNEL_ALIASES } from "../core/kernels.js";
import { Rational } from "../core/rational.js";
import { toMathjs } from "../core/print.js";
import type { Constraint, ConstraintOp } from "../core/verify.js";

// BigNumber mode keeps the literal digits of constants so they convert to exact rationals.
const math = create(all, { number: "BigNumber", precision: 64 });
// Plain number mode for the nodes we hand to users (so `node.compile().evaluate()` works on doubles).
const plainMath = create(all);

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * Names of opaque (user) functions allowed in the input, e.g. ["f", "g"], or `true` to accept any
   * unknown function name as opaque. Default: unknown function names are an error.
   */
  functions?: readonly string[] | true;
  /** Maximum input length in characters (default 100 000). */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 100_000;

/** Parses an expression in mathjs syntax (`x^2*exp(-y)`, `gamma(n/2)`, `sqrt(a*c - b^2)`). */
export function parse(text: string, options: ParseOptions = {}): Expr {
  if (typeof text !== "string") throw new QgeomError("PARSE", `expected an expression string, got ${typeof text}`);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength)
    throw new QgeomError("SIZE_LIMIT", `expression is ${text.length} characters, over the limit of ${maxLength}; pass a larger maxLength`);
  if (text.trim() === "") throw new QgeomError("PARSE", `empty expression; pass an expression such as "x^2 + 1"`);
  let node: MathNode;
  try {
    node = math.parse(text) as MathNode;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new QgeomError("PARSE", `cannot parse ${excerpt(text, 50)}: ${msg}; check the syntax (mathjs: * for products, ^ for powers, f(x) for calls)`);
  }
  return fromMathjsNode(node, options);
}

function unsupported(what: string, text: string): never {
  throw new QgeomError("PARSE", `unsupported syntax (${what}) in ${excerpt(text, 40)}; rewrite it with + - * / ^ and function calls`);
}

/** Converts a mathjs node tree to an Expr. */
export function fromMathjsNode(node: MathNode, options: ParseOptions = {}): Expr {
  const allowed = options.functions;
  const conv = (n: MathNode): Expr => {
    const anyN = n as unknown as Record<string, unknown> & { type: string };
    switch (anyN.type) {
      case "ConstantNode": {
        const v = anyN.value as unknown;
        if (v !== null && typeof v === "object" && typeof (v as { toString: () => string }).toString === "function") {
          const r = Rational.parse((v as { toString: () => string }).toString());
          if (r !== null) return num(r);
        }
        if (typeof v === "number" && Number.isFinite(v)) return num(v);
        throw new QgeomError("PARSE", `${excerpt(String(v), 30, false)} is not an exact value; qgeom expressions hold finite exact numbers only; write it as a fraction or a decimal literal`);
      }
      case "SymbolNode": {
        const name = anyN.name as string;
        if (name === "E") return exp(ONE);
        if (name === "PI") return sym("pi");
        if (name === "Infinity" || name === "NaN")
          throw new QgeomError("PARSE", `${name} is not an exact value; qgeom expressions hold exact numbers only; write it as a fraction or a decimal literal`);
        if (!isValidIdentifier(name)) throw new QgeomError("PARSE", `invalid symbol name ${excerpt(name, 30)}; use a letter followed by letters, digits or _`);
        return sym(name);
      }
      case "ParenthesisNode":
        return conv(anyN.content as MathNode);
      case "OperatorNode": {
        const f = anyN.fn as string;
        // n-ary chains are built in one call, as the canonical n-ary nodes are (so printing round-trips)
        if (f === "multiply" || f === "divide") {
          const factors: Expr[] = [];
          const walk = (m: MathNode, inverse: boolean): void => {
            const o = m as unknown as { type: string; fn?: string; args?: MathNode[] };
            if (o.type === "OperatorNode" && (o.fn === "multiply" || o.fn === "divide") && o.args!.length === 2) {
              walk(o.args![0]!, inverse);
              walk(o.args![1]!, o.fn === "divide" ? !inverse : inverse);
              return;
            }
            const e = conv(m);
            if (inverse && e.kind === "num" && e.value.isZero())
              throw new QgeomError("DIVISION_BY_ZERO", `division by zero in ${excerpt(n.toString(), 40)}; check the denominator`);
            factors.push(inverse ? pow(e, num(-1)) : e);
          };
          walk(n, false);
          return mul(...factors);
        }
        if (f === "add" || f === "subtract") {
          const terms: Expr[] = [];
          const walk = (m: MathNode, negate: boolean): void => {
            const o = m as unknown as { type: string; fn?: string; args?: MathNode[] };
            if (o.type === "OperatorNode" && (o.fn === "add" || o.fn === "subtract") && o.args!.length === 2) {
              walk(o.args![0]!, negate);
              walk(o.args![1]!, o.fn === "subtract" ? !negate : negate);
              return;
            }
            const e = conv(m);
            terms.push(negate ? neg(e) : e);
          };
          walk(n, false);
          return add(...terms);
        }
        const args = (anyN.args as MathNode[]).map(conv);
        switch (f) {
          case "pow":
            return pow(args[0]!, args[1]!);
          case "unaryMinus":
            return neg(args[0]!);
          case "unaryPlus":
            return args[0]!;
          case "factorial":
            return gamma(add(args[0]!, ONE));
          default:
            return unsupported(`operator ${String(anyN.op)}`, n.toString());
        }
      }
      case "FunctionNode": {
        const fnNode = anyN.fn as { type?: string; name?: string };
        if (fnNode.type !== "SymbolNode" || typeof fnNode.name !== "string") return unsupported("computed function", n.toString());
        const raw = fnNode.name;
        const argsN = anyN.args as MathNode[];
        if (raw === "Derivative") return convDerivative(argsN, n);
        const args = argsN.map(conv);
        return applyFunction(raw, args, allowed);
      }
      default:
        return unsupported(anyN.type, n.toString());
    }
  };
  const convDerivative = (argsN: MathNode[], n: MathNode): Expr => {
    const [inner, orders] = argsN;
    if (argsN.length !== 2 || orders === undefined || (orders as unknown as { type: string }).type !== "ArrayNode")
      return unsupported("Derivative(f(args), [orders])", n.toString());
    const f = conv(inner!);
    const ords = ((orders as unknown as { items: MathNode[] }).items ?? []).map((it) => {
      const e = conv(it);
      if (e.kind !== "num" || !e.value.isInteger() || e.value.isNegative())
        throw new QgeomError("PARSE", `derivative orders must be non-negative integers; pass orders such as Derivative(f(x, y), 1, 0)`);
      return e.value.toInteger();
    });
    if (f.kind !== "fn" || isKernel(f.name) || f.dorders !== null)
      throw new QgeomError("PARSE", `Derivative(...) applies to an opaque function call such as f(x, y); use diff() for anything else`);
    return fnDerivative(f, ords);
  };
  return conv(node);
}

/** Applies a function by name, with mathjs/nerdamer aliases; unknown names are opaque only if allowed. */
export function applyFunction(raw: string, args: Expr[], allowed?: readonly string[] | true): Expr {
  const arity = (k: number): void => {
    if (args.length !== k) throw new QgeomError("PARSE", `${raw} takes ${k} argument(s), got ${args.length}; pass ${k} argument(s)`);
  };
  switch (raw) {
    case "sqrt":
      arity(1);
      return pow(args[0]!, HALF);
    case "cbrt":
      arity(1);
      return pow(args[0]!, num(Rational.of(1, 3)));
    case "nthRoot":
      arity(2);
      return pow(args[0]!, div(ONE, args[1]!));
    case "log":
      if (args.length === 2) return div(log(args[0]!), log(args[1]!));
      break;
    case "log10":
      arity(1);
      return div(log(args[0]!), log(num(10)));
    case "log2":
      arity(1);
      return div(log(args[0]!), log(num(2)));
    case "log1p":
      arity(1);
      return log(add(ONE, args[0]!));
    case "expm1":
      arity(1);
      return sub(exp(args[0]!), ONE);
    case "square":
      arity(1);
      return pow(args[0]!, num(2));
    case "cube":
      arity(1);
      return pow(args[0]!, num(3));
    case "factorial":
      arity(1);
      return gamma(add(args[0]!, ONE));
  }
  const name = KERNEL_ALIASES[raw] ?? raw;
  if (isKernel(name)) return fn(name, ...args);
  const ok = allowed === true || (Array.isArray(allowed) && allowed.includes(raw));
  if (!ok)
    throw new QgeomError(
      "UNKNOWN_FUNCTION",
      `unknown function ${excerpt(raw, 30)}; ${didYouMean(raw, [...Object.keys(KERNELS), ...Object.keys(KERNEL_ALIASES)])}known functions are exp, log, sqrt, gamma, lgamma, digamma, polygamma, softplus, sigmoid, abs, sin, cos, ... ` +
        `To use it as an opaque function, pass { functions: [${excerpt(raw, 30)}] }`,
    );
  if (!isValidIdentifier(raw)) throw new QgeomError("UNKNOWN_FUNCTION", `invalid function name ${excerpt(raw, 30)}; use a letter followed by letters, digits or _`);
  return fn(raw, ...args);
}

/** The mathjs node of an expression (through its mathjs-syntax string, which mathjs parses exactly). */
export function toMathjsNode(e: Expr): MathNode {
  return plainMath.parse(toMathjs(e)) as MathNode;
}

export { toMathjs };

const CONSTRAINT_OPS: Record<string, ConstraintOp> = { larger: ">", largerEq: ">=", smaller: "<", smallerEq: "<=", unequal: "!=" };

/** Splits a comma-separated list at top level (commas inside parentheses or brackets are kept). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((s) => s.trim()).filter((s) => s !== "");
}

/** Parses a domain such as "x > 0, a*c - b^2 > 0" into constraints `expr op 0`. */
export function parseDomain(text: string, options: ParseOptions = {}): Constraint[] {
  return splitTopLevel(text).map((part) => {
    let node: MathNode;
    try {
      node = math.parse(part) as MathNode;
    } catch (e) {
      throw new QgeomError("PARSE", `cannot parse the constraint ${excerpt(part, 40)}: ${e instanceof Error ? e.message : String(e)}; check the syntax (e.g. "x > 0, a*c - b^2 > 0")`);
    }
    const n = node as unknown as { type: string; fn?: string; args?: MathNode[] };
    const op = n.type === "OperatorNode" ? CONSTRAINT_OPS[n.fn ?? ""] : undefined;
    if (op === undefined || !n.args || n.args.length !== 2)
      throw new QgeomError(
        "PARSE",
        `a constraint must be an inequality like "x > 0" or "a*c - b^2 > 0", got ${excerpt(part, 40)} (equalities are not domains: substitute instead)`,
      );
    return { expr: sub(fromMathjsNode(n.args[0]!, options), fromMathjsNode(n.args[1]!, options)), op };
  });
}
