// The closure-tree back end: runs a scheduled program without `new Function` (for pages whose Content
// Security Policy forbids generated code). Each inlined value becomes a closure over its operands'
// closures, each materialised value a register in one Float64Array, and every closure performs exactly
// the operation the generated code performs, on the same operands in the same order, calling the same
// Math functions and helpers. Doubles survive a Float64Array store unchanged, so the results are
// bit-for-bit those of the generated code. (Math.max over several operands is applied pairwise, which
// has the same result: NaN if any operand is NaN, and +0 above -0; likewise Math.min.)
import type { Instr } from "./ir.js";
import { RUNTIME } from "./runtime.js";
import type { Schedule } from "./schedule.js";

type Thunk = () => number;

/** Error reporter with the codes of emit-js.ts (it always throws). */
export type ErrorThrower = (kind: number, a?: unknown, b?: unknown) => never;

/** The scalar and batch evaluators built by buildClosures. */
export interface ClosurePair {
  scalar: (input: Float64Array, output: Float64Array) => void;
  batch: (inputs: Float64Array, n: number, outputs: Float64Array) => void;
}

/** Builds the scalar and batch evaluators of a scheduled program as closure trees. */
export function buildClosures(sched: Schedule, users: readonly ((...args: number[]) => number)[], E: ErrorThrower, checkFinite: boolean): ClosurePair {
  const { instrs, outputs, nInputs } = sched.program;
  const r = new Float64Array(instrs.length);
  const thunks: Array<Thunk | undefined> = new Array(instrs.length);

  const ref = (v: number): Thunk => {
    const ins = instrs[v]!;
    if (ins.op === "lit") {
      const c = ins.value;
      return () => c;
    }
    if (sched.materialized[v]) return () => r[v]!;
    return thunks[v] ?? (thunks[v] = build(ins));
  };

  const build = (ins: Instr): Thunk => {
    switch (ins.op) {
      case "lit":
      case "input":
        throw new Error("internal: literals and inputs are referenced, not built");
      case "add": {
        const a = ref(ins.a), b = ref(ins.b);
        return () => a() + b();
      }
      case "sub": {
        const a = ref(ins.a), b = ref(ins.b);
        return () => a() - b();
      }
      case "mul": {
        const a = ref(ins.a), b = ref(ins.b);
        return () => a() * b();
      }
      case "div": {
        const a = ref(ins.a), b = ref(ins.b);
        return () => a() / b();
      }
      case "neg": {
        const a = ref(ins.a);
        return () => -a();
      }
      case "math1": {
        const f = Math[ins.fn];
        const a = ref(ins.a);
        return () => f(a());
      }
      case "math2": {
        const f = Math[ins.fn];
        const a = ref(ins.a), b = ref(ins.b);
        return () => f(a(), b());
      }
      case "max":
      case "min": {
        const f = Math[ins.op];
        const args = ins.args.map(ref);
        return args.reduce((acc, b) => () => f(acc(), b()));
      }
      case "select": {
        const a = ref(ins.a), b = ref(ins.b), x = ref(ins.x), y = ref(ins.y);
        return () => (a() < b() ? x() : y());
      }
      case "helper":
        return call(RUNTIME[ins.fn], ins.args.map(ref));
      case "user":
        return call(users[ins.fn]!, ins.args.map(ref));
    }
  };

  const steps: Array<() => void> = sched.order.map((v) => {
    const f = build(instrs[v]!);
    return () => {
      r[v] = f();
    };
  });
  const outs = outputs.map(ref);
  const loads = sched.loadedInputs.map((k) => [k, sched.inputValue[k]!] as const);
  const nOut = outputs.length;

  const scalar = (input: Float64Array, output: Float64Array): void => {
    if (!(input instanceof Float64Array) || input.length !== nInputs) E(0, input);
    if (!(output instanceof Float64Array) || output.length !== nOut) E(1, output);
    if (checkFinite) for (const [k] of loads) if (!(input[k]! - input[k]! === 0)) E(2, k);
    for (const [k, v] of loads) if (v >= 0) r[v] = input[k]!;
    for (const s of steps) s();
    for (let j = 0; j < nOut; j++) output[j] = outs[j]!();
  };
  const batch = (I: Float64Array, n: number, O: Float64Array): void => {
    if (!(n >= 0 && n <= 4294967295 && n === Math.floor(n))) E(3, n);
    if (!(I instanceof Float64Array) || I.length !== nInputs * n) E(4, I, n);
    if (!(O instanceof Float64Array) || O.length !== nOut * n) E(5, O, n);
    for (let i = 0; i < n; i++) {
      if (checkFinite) for (const [k] of loads) if (!(I[k * n + i]! - I[k * n + i]! === 0)) E(6, k, i);
      for (const [k, v] of loads) if (v >= 0) r[v] = I[k * n + i]!;
      for (const s of steps) s();
      for (let j = 0; j < nOut; j++) O[j * n + i] = outs[j]!();
    }
  };
  return { scalar, batch };
}

/** A call with fixed arity (no argument array is allocated per call for up to three operands). */
function call(f: (...args: number[]) => number, args: Thunk[]): Thunk {
  switch (args.length) {
    case 0:
      return () => f();
    case 1: {
      const [a] = args as [Thunk];
      return () => f(a());
    }
    case 2: {
      const [a, b] = args as [Thunk, Thunk];
      return () => f(a(), b());
    }
    case 3: {
      const [a, b, c] = args as [Thunk, Thunk, Thunk];
      return () => f(a(), b(), c());
    }
    default: {
      const buf: number[] = new Array<number>(args.length).fill(0);
      return () => {
        for (let k = 0; k < args.length; k++) buf[k] = args[k]!();
        return f(...buf);
      };
    }
  }
}

