// The straight-line intermediate representation shared by the JavaScript emitter and the closure
// interpreter. A program is a list of instructions in topological order; a value is the index of the
// instruction that computes it. Every operation is one IEEE-754 double operation or one call of a
// whitelisted function, so two back ends that perform the same instructions in the same order produce
// bit-identical results.

/** One-argument `Math` functions the compiled code may call (the only `Math` names that reach source). */
export const MATH1 = [
  "exp", "log", "log1p", "expm1", "sqrt", "abs", "sign",
  "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "atanh",
] as const;
/** A whitelisted one-argument Math function. */
export type MathFn1 = (typeof MATH1)[number];

/** Two-argument `Math` functions the compiled code may call. */
export const MATH2 = ["pow", "atan2", "hypot"] as const;
/** A whitelisted two-argument Math function. */
export type MathFn2 = (typeof MATH2)[number];

/** Runtime helpers (special functions) the compiled code may call, by whitelisted name. */
export const HELPERS = [
  "gamma", "lgamma", "digamma", "polygamma",
  "multigamma", "lmultigamma", "multidigamma", "cmultigamma", "lcmultigamma",
] as const;
/** A whitelisted runtime helper. */
export type HelperName = (typeof HELPERS)[number];

/** The four arithmetic operations. */
export type BinaryOp = "add" | "sub" | "mul" | "div";

/** One instruction; its value is a double computed from earlier values. */
export type Instr =
  | { readonly op: "lit"; readonly value: number }
  | { readonly op: "input"; readonly index: number }
  | { readonly op: BinaryOp; readonly a: number; readonly b: number }
  | { readonly op: "neg"; readonly a: number }
  | { readonly op: "math1"; readonly fn: MathFn1; readonly a: number }
  | { readonly op: "math2"; readonly fn: MathFn2; readonly a: number; readonly b: number }
  | { readonly op: "max" | "min"; readonly args: readonly number[] }
  | { readonly op: "helper"; readonly fn: HelperName; readonly args: readonly number[] }
  /** Call of the `fn`-th user-supplied implementation of an opaque function. */
  | { readonly op: "user"; readonly fn: number; readonly args: readonly number[] }
  /** `a < b ? x : y` (all four operands already computed; no short-circuit side effects exist). */
  | { readonly op: "select"; readonly a: number; readonly b: number; readonly x: number; readonly y: number };

/** A compiled straight-line program: instructions, output values, and the user functions it calls. */
export interface Program {
  readonly instrs: readonly Instr[];
  /** Value computed into output slot k. */
  readonly outputs: readonly number[];
  /** Number of inputs (input k is read from `input[k]`). */
  readonly nInputs: number;
  /** Names of the opaque functions called by `user` instructions, by index (for errors and emitModule). */
  readonly userFunctions: readonly string[];
}

/** Operand values of an instruction. */
export function operands(ins: Instr): readonly number[] {
  switch (ins.op) {
    case "lit":
    case "input":
      return [];
    case "neg":
    case "math1":
      return [ins.a];
    case "add":
    case "sub":
    case "mul":
    case "div":
    case "math2":
      return [ins.a, ins.b];
    case "max":
    case "min":
    case "helper":
    case "user":
      return ins.args;
    case "select":
      return [ins.a, ins.b, ins.x, ins.y];
  }
}
