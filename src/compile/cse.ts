// Common-subexpression elimination by value numbering: every instruction is hash-consed on its
// operation and operands, so a value is computed once however often it is requested. Together with the
// hash-consed Expr DAG (equal sub-expressions are one node, lowered once) this gives full CSE of the
// expressions and of the derived values the lowering introduces (shifted exponentials, reciprocals,
// powers, Cholesky pivots). Constant operands are folded with the very functions the runtime calls, and
// only exact identities are applied (x·1 = x, a + (-b) = a - b, -(-x) = x), so folding never changes a bit.
import { type HelperName, type Instr, type MathFn1, type MathFn2, operands } from "./ir.js";
import { RUNTIME } from "./runtime.js";

/** A stable key of a double that distinguishes -0 and +0. */
function numKey(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

/** Builds a program instruction by instruction with value numbering and exact constant folding. */
export class ValueTable {
  readonly instrs: Instr[] = [];
  private readonly index = new Map<string, number>();

  private intern(key: string, ins: Instr): number {
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    const id = this.instrs.length;
    this.instrs.push(ins);
    this.index.set(key, id);
    return id;
  }

  /** The literal value of v, or undefined when v is not a constant. */
  literal(v: number): number | undefined {
    const ins = this.instrs[v]!;
    return ins.op === "lit" ? ins.value : undefined;
  }

  lit(value: number): number {
    return this.intern("l" + numKey(value), { op: "lit", value });
  }

  input(index: number): number {
    return this.intern("i" + index, { op: "input", index });
  }

  add(a: number, b: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return this.lit(la + lb);
    const ia = this.instrs[a]!;
    const ib = this.instrs[b]!;
    if (ib.op === "neg") return this.sub(a, ib.a); // a + (-b) = a - b exactly
    if (ia.op === "neg") return this.sub(b, ia.a);
    // commutative: one key for both operand orders (the first request fixes the printed order)
    return this.intern(`+${Math.min(a, b)},${Math.max(a, b)}`, { op: "add", a, b });
  }

  sub(a: number, b: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return this.lit(la - lb);
    if (lb !== undefined && Object.is(lb, 0)) return a; // x - 0 = x (also for x = -0)
    const ib = this.instrs[b]!;
    if (ib.op === "neg") return this.add(a, ib.a);
    return this.intern(`-${a},${b}`, { op: "sub", a, b });
  }

  mul(a: number, b: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return this.lit(la * lb);
    if (la === 1) return b;
    if (lb === 1) return a;
    if (la === -1) return this.neg(b);
    if (lb === -1) return this.neg(a);
    return this.intern(`*${Math.min(a, b)},${Math.max(a, b)}`, { op: "mul", a, b });
  }

  div(a: number, b: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return this.lit(la / lb);
    if (lb === 1) return a;
    return this.intern(`/${a},${b}`, { op: "div", a, b });
  }

  neg(a: number): number {
    const la = this.literal(a);
    if (la !== undefined) return this.lit(-la);
    const ia = this.instrs[a]!;
    if (ia.op === "neg") return ia.a;
    return this.intern(`n${a}`, { op: "neg", a });
  }

  math1(fn: MathFn1, a: number): number {
    const la = this.literal(a);
    if (la !== undefined) return this.lit(Math[fn](la));
    return this.intern(`${fn}(${a})`, { op: "math1", fn, a });
  }

  math2(fn: MathFn2, a: number, b: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return this.lit(Math[fn](la, lb));
    return this.intern(`${fn}(${a},${b})`, { op: "math2", fn, a, b });
  }

  max(args: readonly number[]): number {
    return this.extremum("max", args);
  }

  min(args: readonly number[]): number {
    return this.extremum("min", args);
  }

  private extremum(op: "max" | "min", args: readonly number[]): number {
    if (args.length === 1) return args[0]!;
    const lits = args.map((a) => this.literal(a));
    if (lits.every((l) => l !== undefined)) return this.lit(Math[op](...(lits as number[])));
    return this.intern(`${op}(${args.join(",")})`, { op, args: [...args] });
  }

  helper(fn: HelperName, args: readonly number[]): number {
    const lits = args.map((a) => this.literal(a));
    if (lits.every((l) => l !== undefined)) return this.lit((RUNTIME[fn] as (...xs: number[]) => number)(...(lits as number[])));
    return this.intern(`${fn}[${args.join(",")}]`, { op: "helper", fn, args: [...args] });
  }

  /** A call of user function `fn` (never folded or merged with another call: it may not be pure). */
  user(fn: number, args: readonly number[]): number {
    const id = this.instrs.length;
    this.instrs.push({ op: "user", fn, args: [...args] });
    return id;
  }

  /** `a < b ? x : y`. */
  select(a: number, b: number, x: number, y: number): number {
    const la = this.literal(a);
    const lb = this.literal(b);
    if (la !== undefined && lb !== undefined) return la < lb ? x : y;
    if (x === y) return x;
    return this.intern(`?${a},${b},${x},${y}`, { op: "select", a, b, x, y });
  }
}

/** Values reachable from the outputs, as a boolean mask over instructions (dead-code elimination). */
export function liveValues(instrs: readonly Instr[], outputs: readonly number[]): Uint8Array {
  const live = new Uint8Array(instrs.length);
  const stack = [...outputs];
  while (stack.length) {
    const v = stack.pop()!;
    if (live[v]) continue;
    live[v] = 1;
    for (const o of operands(instrs[v]!)) if (!live[o]) stack.push(o);
  }
  return live;
}
