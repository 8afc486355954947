// emitModule: standalone modules that import nothing, run bit-identically to the compiled function,
// and type-check under strict TypeScript (the TS variant and the .d.ts of the JS variant).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { I, add, div, exp, fn, hessian, log, mul, num, pow, sub, syms } from "../../src/core/index.js";
import { compile, compileComplex, emitDeclaration, emitModule, type CompiledFunction } from "../../src/compile/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "qgeom-emit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Mod = {
  default: (i: Float64Array, o: Float64Array) => void;
  batch: (i: Float64Array, n: number, o: Float64Array) => void;
  inputs: readonly string[];
  outputSize: number;
  shape: readonly number[];
  complex: boolean;
};
let counter = 0;
async function load(source: string): Promise<Mod> {
  const file = path.join(dir, `m${counter++}.mjs`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as Mod;
}

const vars = ["x", "y", "z"];
const [x, y, z] = syms(vars);
const cases: Array<[string, CompiledFunction]> = [
  ["special functions", compile([
    add(fn("lgamma", x), mul(fn("digamma", y), fn("polygamma", num(2), z)), fn("gamma", div(x, num(3)))),
    sub(add(fn("lmultigamma", add(x, num(2)), num(3)), fn("lcmultigamma", add(z, num(3)), num(2))), fn("multidigamma", add(y, num(1)), num(2))),
    mul(fn("multigamma", add(x, num(1)), num(2)), fn("cmultigamma", add(y, num(2)), num(2))),
  ], vars)],
  ["stable forms and powers", compile(hessian(add(log(add(exp(x), exp(y), exp(z))), mul(pow(x, num(7)), pow(y, num(-3))), pow(z, num("5/2")), fn("softplus", sub(x, y)), fn("sigmoid", z)), vars), vars, { checkFinite: true })],
  ["complex", compileComplex([mul(exp(mul(I, x)), pow(add(y, mul(I, z)), num("1/2"))), log(add(sub(x, y), I))], vars)],
];
const points = [
  [0.5, 1.5, 2.5], [3, -2, 0.25], [-1.5, 7, 11], [1e-8, 40, 0.001], [700, 700, -700], [-0, 0, 1],
].map((p) => Float64Array.from(p));

/** The emitted module's evaluate equals the compiled function bit for bit at every point. */
function expectSameAtPoints(f: CompiledFunction, m: Mod): void {
  const a = new Float64Array(f.outputSize);
  const b = new Float64Array(f.outputSize);
  for (const p of points) {
    f(p, a);
    m.default(p, b);
    a.forEach((v, k) => expect(Object.is(v, b[k])).toBe(true));
  }
}

describe("emitModule (js)", () => {
  for (const [name, f] of cases) {
    it(`${name}: imports nothing and equals the compiled function bit for bit`, async () => {
      const src = emitModule(f);
      expect(src).not.toMatch(/\bimport\b|\brequire\(/);
      const m = await load(src);
      expect([...m.inputs]).toEqual(vars);
      expect(m.outputSize).toBe(f.outputSize);
      expect([...m.shape]).toEqual([...f.shape]);
      expect(m.complex).toBe(f.complex);
      expectSameAtPoints(f, m);
      const n = points.length;
      const I = new Float64Array(3 * n);
      points.forEach((p, i) => p.forEach((v, k) => (I[k * n + i] = v)));
      const O1 = new Float64Array(f.outputSize * n);
      const O2 = new Float64Array(f.outputSize * n);
      f.batch(I, n, O1);
      m.batch(I, n, O2);
      O1.forEach((v, k) => expect(Object.is(v, O2[k])).toBe(true));
      expect(() => m.default(new Float64Array(2), new Float64Array(f.outputSize))).toThrow(RangeError);
    });
  }

  it("reports non-finite inputs by name when compiled with checkFinite", async () => {
    const m = await load(emitModule(cases[1]![1]));
    expect(() => m.default(Float64Array.from([1, NaN, 2]), new Float64Array(9))).toThrow(/input y is not a finite number/);
  });
});

describe("emitModule (ts) and emitDeclaration", () => {
  it("type-check under strict TypeScript with noUncheckedIndexedAccess, and the TS variant runs identically", async () => {
    const f = cases[0]![1];
    const tsDir = path.join(dir, "ts");
    const jsDir = path.join(dir, "js");
    for (const d of [tsDir, jsDir]) rmSync(d, { recursive: true, force: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(tsDir);
    mkdirSync(jsDir);
    const consumer = [
      'import evaluate, { batch, inputs, outputSize, shape } from "./gen.js";',
      "const out = new Float64Array(outputSize);",
      "evaluate(new Float64Array(inputs.length), out);",
      "batch(new Float64Array(0), 0, new Float64Array(0));",
      "const first: string | undefined = inputs[0];",
      "const dims: number = shape.length;",
      "export { first, dims };",
    ].join("\n");
    writeFileSync(path.join(tsDir, "gen.ts"), emitModule(f, { format: "ts" }));
    writeFileSync(path.join(tsDir, "use.ts"), consumer);
    writeFileSync(path.join(jsDir, "gen.js"), emitModule(f));
    writeFileSync(path.join(jsDir, "gen.d.ts"), emitDeclaration(f));
    writeFileSync(path.join(jsDir, "use.ts"), consumer + '\nconst exact: "x" = inputs[0];\nexport { exact };');
    const program = ts.createProgram([path.join(tsDir, "use.ts"), path.join(jsDir, "use.ts")], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitReturns: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts"],
      types: [],
      noEmit: true,
      skipLibCheck: true,
    });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diags).toEqual([]);
    const js = ts.transpileModule(emitModule(f, { format: "ts" }), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const m = await load(js);
    expectSameAtPoints(f, m);
  });
});
