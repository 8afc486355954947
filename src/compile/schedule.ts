// Scheduling shared by both back ends: which values get their own variable (a `const` in generated code,
// a register in the closure interpreter) and which are inlined into their single consumer. A value is
// materialised when it is used more than once (every shared node becomes one const), when it calls a
// user function (so calls happen once, in program order), or when inlining would nest expressions
// deeper than MAX_INLINE_DEPTH (keeps generated lines readable and closure recursion shallow).
// Inlining moves a pure computation to its consumer without changing its operands or operations, so
// the results are the same bits either way.
import { liveValues } from "./cse.js";
import { type HelperName, type Instr, type Program, operands } from "./ir.js";

/** Deepest nesting of inlined operations in one expression of the generated code. */
export const MAX_INLINE_DEPTH = 12;

/** A program with its variables decided: what is materialised, in which order, and what it calls. */
export interface Schedule {
  readonly program: Program;
  /** 1 where a value has its own variable / register. */
  readonly materialized: Uint8Array;
  /** Materialised computed values (not inputs or literals), in evaluation order. */
  readonly order: readonly number[];
  /** Input indices to load (all of them when checking finiteness), ascending. */
  readonly loadedInputs: readonly number[];
  /** Value id of each loaded input, by input index (-1 where unused). */
  readonly inputValue: readonly number[];
  /** Helpers called, sorted. */
  readonly helpers: readonly HelperName[];
  /** User functions called (indices), ascending. */
  readonly users: readonly number[];
}

/** Schedules a program (dead code removed); `loadAllInputs` loads unused inputs too (for finiteness checks). */
export function schedule(program: Program, loadAllInputs: boolean): Schedule {
  const { instrs, outputs } = program;
  const live = liveValues(instrs, outputs);
  const uses = new Uint32Array(instrs.length);
  for (let v = 0; v < instrs.length; v++) if (live[v]) for (const o of operands(instrs[v]!)) uses[o]!++;
  for (const o of outputs) uses[o]!++;
  const materialized = new Uint8Array(instrs.length);
  const depth = new Uint16Array(instrs.length);
  const order: number[] = [];
  const inputValue: number[] = new Array<number>(program.nInputs).fill(-1);
  const helpers = new Set<HelperName>();
  const users = new Set<number>();
  for (let v = 0; v < instrs.length; v++) {
    if (!live[v]) continue;
    const ins: Instr = instrs[v]!;
    if (ins.op === "lit") continue;
    if (ins.op === "input") {
      materialized[v] = 1;
      inputValue[ins.index] = v;
      continue;
    }
    if (ins.op === "helper") helpers.add(ins.fn);
    if (ins.op === "user") users.add(ins.fn);
    let d = 1;
    for (const o of operands(ins)) if (!materialized[o]) d = Math.max(d, depth[o]! + 1);
    if (uses[v]! > 1 || ins.op === "user" || d > MAX_INLINE_DEPTH) {
      materialized[v] = 1;
      order.push(v);
    } else depth[v] = d;
  }
  const loadedInputs: number[] = [];
  for (let k = 0; k < program.nInputs; k++) if (loadAllInputs || inputValue[k]! >= 0) loadedInputs.push(k);
  return {
    program,
    materialized,
    order,
    loadedInputs,
    inputValue,
    helpers: [...helpers].sort(),
    users: [...users].sort((a, b) => a - b),
  };
}
