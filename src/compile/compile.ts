// The public compiler: validates expressions and inputs, lowers them to the IR, schedules it, and
// produces the evaluator either as generated JavaScript (`new Function`) or as a closure tree.
import { QgeomError, didYouMean, excerpt } from "../core/errors.js";
import { type Expr, isValidIdentifier, log } from "../core/build.js";
import { FLAG_I, FLAG_MATRIX, freeSymbols, dagSize, postOrder } from "../core/expr.js";
import { Matrix, type SymbolicMatrix } from "../core/matrix.js";
import type { FunctionTable } from "../core/eval.js";
import { buildClosures, type ErrorThrower } from "./closure.js";
import { assertSafeSource, emitBatchFunction, emitScalarFunction } from "./emit-js.js";
import type { Program } from "./ir.js";
import { type ResolvedSpdBlock, type SpdBlock, resolveSpdBlock } from "./logdet.js";
import { Lowerer } from "./lower.js";
import { RUNTIME } from "./runtime.js";
import { type Schedule, schedule } from "./schedule.js";

/** One expression, a vector, a matrix (rows) or a `Matrix<Expr>` of expressions. */
export type CompileTarget = Expr | readonly Expr[] | readonly (readonly Expr[])[] | SymbolicMatrix;

/** Options of compile, compileComplex and compileLogDetSPD. */
export interface CompileOptions {
  /**
   * "function": generated JavaScript through `new Function`; "closure": a closure tree (no generated
   * code, for pages whose Content Security Policy forbids it; bit-identical results, slower);
   * "auto" (default): "function" where permitted, else "closure".
   */
  mode?: "auto" | "function" | "closure";
  /** Reject inputs that are NaN or ±Infinity with a QgeomError (default false). */
  checkFinite?: boolean;
  /** Implementations of the opaque functions used by the expressions, by name. */
  functions?: FunctionTable;
  /**
   * Symmetric positive-definite blocks: wherever det(M) occurs as a node of the expressions (as
   * produced by core `det(M)`), log det(M) is computed as Σ log d_j and det(M) as Π d_j from the LDLᵀ
   * factorisation of M's entries (NaN outside the SPD cone). A block may carry its precomputed `det`.
   */
  spd?: readonly (SymbolicMatrix | SpdBlock)[];
  /** Apply the stable rewrites (log-sum-exp, shifted softmax products, log1p, expm1). Default true. */
  stable?: boolean;
  /** Compile complex-valued expressions (see compileComplex). Default false. */
  complex?: boolean;
  /** Largest number of distinct expression nodes accepted (default 1 000 000). */
  maxNodes?: number;
}

/**
 * A compiled evaluator. `fn(input, output)` reads `input[k]` as the value of `inputs[k]` and writes the
 * outputs row-major into `output` (real parts first, then imaginary parts, when `complex`); it
 * allocates nothing. Not reentrant in closure mode (one register file per compiled function).
 */
export interface CompiledFunction {
  (input: Float64Array, output: Float64Array): void;
  /**
   * Evaluates n points stored as structure of arrays: input k of point i is `inputs[k*n + i]`, output
   * j of point i is written to `outputs[j*n + i]`.
   */
  batch(inputs: Float64Array, n: number, outputs: Float64Array): void;
  /** The generated JavaScript (scalar and batch functions; identical to what runs in "function" mode). */
  readonly source: string;
  /** Input variable names, in input order. */
  readonly inputs: readonly string[];
  /** Length of the output array: the number of expressions, twice that when complex. */
  readonly outputSize: number;
  /** Shape of the compiled expressions: [] scalar, [n] vector, [rows, cols] matrix. */
  readonly shape: readonly number[];
  /** Whether outputs are split complex values (re block, then im block). */
  readonly complex: boolean;
  /** The back end in use. */
  readonly mode: "function" | "closure";
}

/** What emitModule needs from a compiled function. */
export interface CompiledInternals {
  readonly schedule: Schedule;
  readonly checkFinite: boolean;
}

const internals = new WeakMap<object, CompiledInternals>();

/** The program behind a compiled function (for emitModule); throws for anything else. */
export function compiledInternals(f: CompiledFunction): CompiledInternals {
  const info = typeof f === "function" ? internals.get(f) : undefined;
  if (info === undefined) throw new QgeomError("INVALID_ARGUMENT", `expected a function returned by compile, compileComplex or compileLogDetSPD, got ${typeof f === "function" ? "a plain function" : excerpt(f)}`);
  return info;
}

function flattenTarget(target: CompileTarget): { flat: Expr[]; shape: number[] } {
  if (target instanceof Matrix) return { flat: target.toArray().flat(), shape: [target.rows, target.cols] };
  if (!Array.isArray(target)) {
    if (target === null || typeof target !== "object" || !("kind" in target))
      throw new QgeomError("INVALID_ARGUMENT", `exprs must be an Expr, an array of Expr, an array of rows of Expr, or a Matrix<Expr>, got ${excerpt(target)}; call parse() on strings first`);
    return { flat: [target as Expr], shape: [] };
  }
  const arr = target as readonly unknown[];
  if (arr.length === 0) throw new QgeomError("SHAPE", "exprs is empty; give at least one expression");
  if (Array.isArray(arr[0])) {
    const rows = arr as readonly (readonly Expr[])[];
    const cols = rows[0]!.length;
    if (cols === 0 || !rows.every((r) => Array.isArray(r) && r.length === cols))
      throw new QgeomError("SHAPE", `exprs rows must be non-empty and of equal length (got ${rows.map((r) => (Array.isArray(r) ? r.length : "?")).join(", ")}); pass rows of equal, non-zero length`);
    const flat = rows.flat();
    checkExprs(flat);
    return { flat, shape: [rows.length, cols] };
  }
  const flat = arr as Expr[];
  checkExprs(flat);
  return { flat: [...flat], shape: [flat.length] };
}

function checkExprs(xs: readonly unknown[]): void {
  xs.forEach((x, k) => {
    if (x === null || typeof x !== "object" || !("kind" in x) || !("id" in x))
      throw new QgeomError("INVALID_ARGUMENT", `exprs entry ${k} is not an Expr, got ${excerpt(x)}; call parse() on strings first`);
  });
}

/** Free symbols of all expressions (caches warmed children-first: deep DAGs need no deep recursion). */
function freeSymbolsOf(exprs: readonly Expr[]): string[] {
  for (const node of postOrder(exprs)) freeSymbols(node);
  return [...new Set(exprs.flatMap((e) => freeSymbols(e)))];
}

function normalizeInputs(inputs: readonly (string | Expr)[]): string[] {
  if (!Array.isArray(inputs)) throw new QgeomError("INVALID_ARGUMENT", `inputs must be an array of variable names (or symbols), got ${excerpt(inputs)}; pass e.g. ["x", "y"]`);
  const names = inputs.map((x, k) => {
    const name = typeof x === "string" ? x : x !== null && typeof x === "object" && x.kind === "sym" ? x.name : undefined;
    if (name === undefined || !isValidIdentifier(name))
      throw new QgeomError("INVALID_ARGUMENT", `inputs[${k}] is not a valid variable name: ${excerpt(typeof x === "string" ? x : String(x), 30)}; use a letter followed by letters, digits or _`);
    return name;
  });
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new QgeomError("INVALID_ARGUMENT", `inputs lists "${n}" twice; remove the duplicate`);
    seen.add(n);
  }
  return names;
}

/** The in-process error reporter: every message names the offending argument and the expectation. */
function errorThrower(names: readonly string[], nOut: number): ErrorThrower {
  const describe = (x: unknown): string =>
    x instanceof Float64Array ? `a Float64Array of length ${x.length}` : Array.isArray(x) ? `an Array of length ${x.length}` : x === null ? "null" : typeof x;
  const nIn = names.length;
  return (kind, a, b) => {
    switch (kind) {
      case 0:
        throw new QgeomError("SHAPE", `input must be a Float64Array of length ${nIn} (${names.join(", ") || "no variables"}), got ${describe(a)}; pass new Float64Array(${nIn})`);
      case 1:
        throw new QgeomError("SHAPE", `output must be a Float64Array of length ${nOut}, got ${describe(a)}; pass new Float64Array(${nOut})`);
      case 2:
        throw new QgeomError("NOT_FINITE", `input ${names[a as number]} (index ${a}) is not a finite number; pass finite values`);
      case 3:
        throw new QgeomError("INVALID_ARGUMENT", `batch: n must be a non-negative integer, got ${excerpt(a)}; pass the number of points`);
      case 4:
        throw new QgeomError("SHAPE", `batch: inputs must be a Float64Array of length ${nIn}·n = ${nIn * (b as number)}, got ${describe(a)}; pass one array per input of length n (structure of arrays)`);
      case 5:
        throw new QgeomError("SHAPE", `batch: outputs must be a Float64Array of length ${nOut}·n = ${nOut * (b as number)}, got ${describe(a)}; pass room for ${nOut}·n values`);
      default:
        throw new QgeomError("NOT_FINITE", `batch: input ${names[a as number]} (index ${a}) of point ${b} is not a finite number; pass finite values`);
    }
  };
}

/** The source run in "function" mode: helper and user-function bindings, then both functions. */
function factorySource(sched: Schedule, checkFinite: boolean): string {
  const lines = ['"use strict";'];
  for (const h of sched.helpers) lines.push(`const h_${h} = H.${h};`);
  for (const k of sched.users) lines.push(`const u${k} = F[${k}];`);
  lines.push(emitScalarFunction(sched, { checkFinite }));
  lines.push(emitBatchFunction(sched, { checkFinite }));
  lines.push("return [compiled, compiledBatch];");
  return lines.join("\n");
}

let generationAllowed: boolean | undefined;

/** Whether `new Function` is permitted here (false under a CSP without 'unsafe-eval'); probed once. */
function canGenerate(): boolean {
  if (generationAllowed === undefined) {
    try {
      generationAllowed = new Function("return 1")() === 1;
    } catch {
      generationAllowed = false;
    }
  }
  return generationAllowed;
}

interface Built {
  readonly program: Program;
  readonly shape: number[];
  readonly complex: boolean;
}

function finish(built: Built, names: readonly string[], options: CompileOptions): CompiledFunction {
  const checkFinite = options.checkFinite === true;
  const sched = schedule(built.program, checkFinite);
  const source = factorySource(sched, checkFinite);
  assertSafeSource(source.replace('"use strict";', ""));
  const E = errorThrower(names, built.program.outputs.length);
  const users = built.program.userFunctions.map((n) => options.functions![n]!);
  const requested = options.mode ?? "auto";
  if (!["auto", "function", "closure"].includes(requested))
    throw new QgeomError("INVALID_ARGUMENT", `options.mode must be "auto", "function" or "closure", got ${excerpt(requested)}; pass one of these`);
  const mode = requested === "closure" || (requested === "auto" && !canGenerate()) ? "closure" : "function";
  let scalar: (input: Float64Array, output: Float64Array) => void;
  let batch: (inputs: Float64Array, n: number, outputs: Float64Array) => void;
  if (mode === "function") {
    let pair: [typeof scalar, typeof batch];
    try {
      pair = new Function("H", "F", "E", source)(RUNTIME, users, E) as [typeof scalar, typeof batch];
    } catch (e) {
      throw new QgeomError("UNSUPPORTED", `generated code cannot run here (${e instanceof Error ? e.message : String(e)}); use { mode: "closure" }`);
    }
    [scalar, batch] = pair;
  } else ({ scalar, batch } = buildClosures(sched, users, E, checkFinite));
  const f = scalar as CompiledFunction;
  Object.defineProperties(f, {
    batch: { value: batch, enumerable: true },
    source: { value: source, enumerable: true },
    inputs: { value: Object.freeze([...names]), enumerable: true },
    outputSize: { value: built.program.outputs.length, enumerable: true },
    shape: { value: Object.freeze([...built.shape]), enumerable: true },
    complex: { value: built.complex, enumerable: true },
    mode: { value: mode, enumerable: true },
  });
  internals.set(f, { schedule: sched, checkFinite });
  return f;
}

function checkOptions(options: CompileOptions): void {
  if (options === null || typeof options !== "object") throw new QgeomError("INVALID_ARGUMENT", `options must be an object; pass e.g. { mode: "auto" }`);
  const fns = options.functions;
  if (fns !== undefined && (fns === null || typeof fns !== "object"))
    throw new QgeomError("INVALID_ARGUMENT", `options.functions must be an object mapping function names to implementations; pass e.g. { functions: { f: (x) => x * x } }`);
  if (options.spd !== undefined && !Array.isArray(options.spd)) throw new QgeomError("INVALID_ARGUMENT", `options.spd must be an array of matrices; pass e.g. { spd: [M] } with M a Matrix<Expr>`);
  const max = options.maxNodes;
  if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new QgeomError("INVALID_ARGUMENT", `options.maxNodes must be a positive integer, got ${max}; pass a larger positive integer`);
}

/**
 * Compiles one expression, a vector or a matrix of expressions (e.g. a whole Hessian) into an
 * allocation-free evaluator over Float64Arrays. Common subexpressions are computed once, integer
 * powers by multiplication, log-sum-exp, log1p, expm1, softplus and sigmoid in overflow-free forms,
 * special functions through the runtime helpers, and log det of declared SPD blocks by Cholesky (LDLᵀ).
 * Throws UNKNOWN_VARIABLE for a free symbol not in `inputs`, UNKNOWN_FUNCTION for an opaque function
 * without implementation, UNSUPPORTED for matrix notation or (in real mode) the imaginary unit.
 */
export function compile(exprs: CompileTarget, inputs: readonly (string | Expr)[], options: CompileOptions = {}): CompiledFunction {
  checkOptions(options);
  const { flat, shape } = flattenTarget(exprs);
  const names = normalizeInputs(inputs);
  const complex = options.complex === true;
  const maxNodes = options.maxNodes ?? 1_000_000;
  let size = 0;
  for (const e of flat) {
    size = Math.max(size, dagSize(e, maxNodes));
    if (size > maxNodes) throw new QgeomError("SIZE_LIMIT", `an expression has more than ${maxNodes} distinct nodes; raise options.maxNodes`);
  }
  const known = new Set(names);
  const missing = freeSymbolsOf(flat).filter((s) => !known.has(s)).sort();
  if (missing.length)
    throw new QgeomError("UNKNOWN_VARIABLE", `${missing.length === 1 ? "variable" : "variables"} ${missing.map((m) => `"${m}"`).join(", ")} not among the inputs (${names.join(", ") || "none"}); ${missing.length === 1 ? didYouMean(missing[0]!, names) : ""}add ${missing.length === 1 ? "it" : "them"} to inputs`);
  for (const e of flat) {
    if (!complex && e.flags & FLAG_I)
      throw new QgeomError("UNSUPPORTED", `${excerpt(e.toString(), 40)} is complex-valued (contains i); use compileComplex for split real/imaginary outputs`);
    if (e.flags & FLAG_MATRIX) {
      const node = postOrder([e]).find((x) => x.flags & FLAG_MATRIX && x.kind === "fn");
      throw new QgeomError("UNSUPPORTED", `${node && node.kind === "fn" ? node.name : "matrix notation"}(...) is matrix notation and cannot be compiled; build the matrix with explicit entries and use det/trace of it`);
    }
  }
  const spd: ResolvedSpdBlock[] = (options.spd ?? []).map((b, k) => resolveSpdBlock(b, k, true));
  const lw = new Lowerer(names, { complex, stable: options.stable !== false, functions: options.functions, spd });
  const vals = lw.lowerAll(flat);
  const outputs = complex ? [...vals.map((v) => lw.cx.reOf(v)), ...vals.map((v) => lw.cx.imOf(v))] : vals.map((v) => lw.cx.reOf(v));
  return finish({ program: { instrs: lw.vt.instrs, outputs, nInputs: names.length, userFunctions: lw.userFunctions }, shape, complex }, names, options);
}

/**
 * Compiles complex-valued expressions (containing i, conj, re, im; principal branches as in
 * `evaluateComplex`) into split outputs: the real parts of all entries first (row-major), then their
 * imaginary parts, so `outputSize` is twice the number of entries.
 */
export function compileComplex(exprs: CompileTarget, inputs: readonly (string | Expr)[], options: CompileOptions = {}): CompiledFunction {
  return compile(exprs, inputs, { ...options, complex: true });
}

/**
 * Compiles log det M for a symmetric positive-definite matrix of expressions through its LDLᵀ
 * factorisation (Σ log d_j), without forming the determinant symbolically; NaN outside the SPD cone.
 */
export function compileLogDetSPD(entries: SymbolicMatrix, inputs: readonly (string | Expr)[], options: CompileOptions = {}): CompiledFunction {
  checkOptions(options);
  const names = normalizeInputs(inputs);
  const block = resolveSpdBlock(entries, 0, false);
  const known = new Set(names);
  const missing = freeSymbolsOf(block.entries.flat()).filter((s) => !known.has(s)).sort();
  if (missing.length) throw new QgeomError("UNKNOWN_VARIABLE", `variables ${missing.map((m) => `"${m}"`).join(", ")} of the matrix are not among the inputs; add them`);
  const lw = new Lowerer(names, { complex: false, stable: options.stable !== false, functions: options.functions, spd: [block] });
  const out = block.entries.length === 1 ? lw.cx.reOf(lw.lowerAll([log(block.entries[0]![0]!)])[0]!) : lw.logDetOfBlock(0);
  return finish({ program: { instrs: lw.vt.instrs, outputs: [out], nInputs: names.length, userFunctions: lw.userFunctions }, shape: [], complex: false }, names, options);
}
