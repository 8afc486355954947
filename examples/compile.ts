// Compile the Hessian of a log-sum-exp potential, evaluate it over 100 000 points in one batch, compare
// the generated-code and closure back ends, and ship it as a standalone ES module.
//   npx tsx examples/compile.ts
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compile, emitModule, hessian, parse } from "qgeom";

const vars = ["x", "y", "z"];
const phi = parse("log(exp(x) + exp(y) + exp(z)) + (x^2 + y^2 + z^2)/2");
const H = hessian(phi, vars);
const fast = compile(H, vars);
const closure = compile(H, vars, { mode: "closure" });
console.log(`outputs ${fast.outputSize} (shape ${fast.shape.join("×")}), generated source ${fast.source.split("\n").length} lines`);

// 100 000 points as structure of arrays (all x, then all y, then all z), including huge arguments.
const n = 100_000;
const I = new Float64Array(3 * n);
for (let i = 0; i < 3 * n; i++) I[i] = 800 * Math.sin(i * 0.731);
const O1 = new Float64Array(9 * n), O2 = new Float64Array(9 * n);
const t0 = performance.now();
fast.batch(I, n, O1);
const ms = performance.now() - t0;
closure.batch(I, n, O2);
let finite = true, same = true;
for (let k = 0; k < O1.length; k++) {
  finite &&= Number.isFinite(O1[k]!);
  same &&= O1[k] === O2[k];
}
console.log(`batch of ${n} points: all finite ${finite}, closure back end bit-identical ${same}`);
console.log(`(${(ms * 1e6 / n).toFixed(0)} ns per point on this machine)`);
if (!finite || !same) throw new Error("unexpected batch result");

// The trace of the Hessian is 3 + (softmax variance terms) = 3 + 1 − Σ p_i² ∈ [3, 4).
let okTrace = true;
for (let i = 0; i < n; i++) {
  const tr = O1[0 * n + i]! + O1[4 * n + i]! + O1[8 * n + i]!;
  okTrace &&= tr >= 3 - 1e-12 && tr < 4;
}
console.log(`tr D²φ ∈ [3, 4) at every point: ${okTrace}`);

// A standalone module: no imports, usable without qgeom.
const dir = mkdtempSync(path.join(tmpdir(), "qgeom-example-"));
const file = path.join(dir, "hessian.mjs");
writeFileSync(file, emitModule(fast));
const mod = await import(pathToFileURL(file).href);
const out = new Float64Array(9);
mod.default(Float64Array.of(0, 0, 0), out);
console.log(`emitted module at x = 0: diagonal ${out[0]!.toFixed(6)}, off-diagonal ${out[1]!.toFixed(6)} (inputs ${mod.inputs.join(",")})`);
