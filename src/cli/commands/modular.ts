// `qgeom modular flow|generator|kms` and `qgeom relent`: the modular theory of a density matrix
// (MATH §6). Matrices are JSON: real ones as arrays of rows, complex ones as {"re": [[...]], "im": [[...]]}.
import { QgeomError } from "../../core/errors.js";
import { type CMatrix, type Matrix, cmatrix, matrix } from "../../linalg/index.js";
import {
  densityMatrix,
  kmsDefect,
  liouvilleanMatrix,
  liouvilleanSpectrum,
  modularFlow,
  modularFlowAt,
  modularHamiltonian,
  relativeEntropy,
} from "../../modular/index.js";
import { type ParsedArgs, flagBool, flagNumber, flagString, requireFlag } from "../args.js";
import type { Command } from "../command.js";

/** Parses a matrix flag: a JSON array of rows (real) or {"re": rows, "im": rows} (complex). */
function flagAnyMatrix(args: ParsedArgs, name: string): Matrix | CMatrix {
  const v = requireFlag(args, name);
  let m: unknown;
  try {
    m = JSON.parse(v);
  } catch {
    throw new QgeomError("CLI_USAGE", `--${name} must be JSON: an array of rows such as [[0.6,0.1],[0.1,0.4]] or {"re": [[...]], "im": [[...]]}, got "${v.slice(0, 40)}"; quote the JSON in the shell`);
  }
  if (Array.isArray(m)) return matrix(m as number[][], `--${name}`);
  if (typeof m === "object" && m !== null && Array.isArray((m as { re?: unknown }).re)) return cmatrix(m as { re: number[][]; im?: number[][] }, `--${name}`);
  throw new QgeomError("CLI_USAGE", `--${name} must be an array of rows or an object {"re", "im"} of rows; pass e.g. [[0.6,0.1],[0.1,0.4]]`);
}

function isReal(A: Matrix | CMatrix): A is Matrix {
  return (A as Matrix).data !== undefined;
}

function rowsOf(A: Matrix | CMatrix): number[][] | { re: number[][]; im: number[][] } {
  const rows = (d: Float64Array) => Array.from({ length: A.rows }, (_, i) => Array.from(d.subarray(i * A.cols, (i + 1) * A.cols)));
  return isReal(A) ? rows(A.data) : { re: rows(A.re), im: rows(A.im) };
}

function fmt(x: number): string {
  return Number(x.toPrecision(12)).toString();
}

function textOf(A: Matrix | CMatrix): string {
  const cells: string[][] = [];
  for (let i = 0; i < A.rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < A.cols; j++) {
      const k = i * A.cols + j;
      if (isReal(A)) row.push(fmt(A.data[k]!));
      else {
        const re = A.re[k]!, im = A.im[k]!;
        row.push(`${fmt(re)}${im < 0 ? "-" : "+"}${fmt(Math.abs(im))}i`);
      }
    }
    cells.push(row);
  }
  const w = Math.max(...cells.flat().map((s) => s.length));
  return cells.map((r) => "[ " + r.map((s) => s.padStart(w)).join("  ") + " ]").join("\n");
}

function stateFlag(args: ParsedArgs, name: string, faithful: boolean) {
  return densityMatrix(flagAnyMatrix(args, name), { name: `--${name}`, normalize: flagBool(args, "normalize"), requireFaithful: faithful });
}

/** `qgeom modular flow`: σ_t(x) = ρ^{it} x ρ^{−it}. */
export const modularFlowCommand: Command = {
  name: "modular flow",
  summary: "modular flow sigma_t(x) = rho^{it} x rho^{-it} of a density matrix (complex t = t + i s with --s)",
  usage: "qgeom modular flow --rho <matrix> --x <matrix> --t <number> [--s <number>] [--normalize] [--json]",
  example: 'qgeom modular flow --rho "[[0.7,0.1],[0.1,0.3]]" --x "[[0,1],[1,0]]" --t 0.3 --json',
  options: ["rho", "x", "t", "s"],
  booleans: ["normalize"],
  run(args) {
    const rho = stateFlag(args, "rho", true);
    const x = flagAnyMatrix(args, "x");
    const t = flagNumber(args, "t");
    if (t === undefined) throw new QgeomError("CLI_USAGE", `missing required flag --t (the flow time, a real number); pass e.g. --t 0.5`);
    const s = flagNumber(args, "s") ?? 0;
    const out = s === 0 ? modularFlow(rho, x, t) : modularFlowAt(rho, x, { re: t, im: s });
    return { json: rowsOf(out) as Record<string, unknown>, text: textOf(out) };
  },
};

/** `qgeom modular generator`: the modular Hamiltonian −log ρ and the spectrum of log Δ. */
export const modularGeneratorCommand: Command = {
  name: "modular generator",
  summary: "modular Hamiltonian K = -log rho, the spectrum {log p_i - log p_j} of log Delta, and (with --convention) log Delta as an n^2 x n^2 matrix",
  usage: "qgeom modular generator --rho <matrix> [--convention column|row] [--normalize] [--json]",
  example: 'qgeom modular generator --rho "[[0.7,0.1],[0.1,0.3]]" --json',
  options: ["rho", "convention"],
  booleans: ["normalize"],
  run(args) {
    const rho = stateFlag(args, "rho", true);
    const K = modularHamiltonian(rho);
    const spectrum = Array.from(liouvilleanSpectrum(rho));
    const conv = flagString(args, "convention");
    if (conv !== undefined && conv !== "column" && conv !== "row") throw new QgeomError("CLI_USAGE", `--convention must be column or row, got "${conv.slice(0, 20)}"; pass --convention column or --convention row`);
    const json: Record<string, unknown> = { hamiltonian: rowsOf(K), eigenvalues: Array.from(rho.eigenvalues), logDeltaSpectrum: spectrum };
    let text = `K = -log rho =\n${textOf(K)}\nspec log Delta = {${spectrum.map(fmt).join(", ")}}`;
    if (conv !== undefined) {
      const L = liouvilleanMatrix(rho, conv);
      json.liouvillean = rowsOf(L);
      json.convention = conv;
      text += `\nlog Delta (${conv} vec) =\n${textOf(L)}`;
    }
    return { json, text };
  },
};

/** `qgeom modular kms`: KMS defects of the modular group. */
export const modularKmsCommand: Command = {
  name: "modular kms",
  summary: "KMS defects |F(t+i) - omega(y sigma_t(x))| and |G(t-i) - omega(sigma_t(y) x)| relative to |x||y| (0 up to rounding)",
  usage: "qgeom modular kms --rho <matrix> --x <matrix> --y <matrix> [--t 0,0.5,-1] [--normalize] [--json]",
  example: 'qgeom modular kms --rho "[[0.7,0.1],[0.1,0.3]]" --x "[[0,1],[0,0]]" --y "[[0,0],[1,0]]" --json',
  options: ["rho", "x", "y", "t"],
  booleans: ["normalize"],
  run(args) {
    const rho = stateFlag(args, "rho", true);
    const x = flagAnyMatrix(args, "x"), y = flagAnyMatrix(args, "y");
    const tv = flagString(args, "t");
    let t: number[] | undefined;
    if (tv !== undefined) {
      t = tv.split(",").map((s) => Number(s.trim()));
      if (tv.trim() === "" || t.some((v) => !Number.isFinite(v))) throw new QgeomError("CLI_USAGE", `--t must be a number or a comma-separated list of numbers, got "${tv.slice(0, 40)}"; pass e.g. --t 0.5 or --t 0,0.5,1`);
    }
    const r = kmsDefect(rho, x, y, t === undefined ? {} : { t });
    return {
      json: { takesaki: r.takesaki, g: r.g, max: r.max, t: r.t },
      text: `Takesaki form F(t+i): ${r.takesaki.toExponential(3)}\nG(t-i) form:         ${r.g.toExponential(3)}\n(t = ${r.t.join(", ")})`,
    };
  },
};

/** `qgeom relent`: Umegaki relative entropy S(ρ‖σ). */
export const relentCommand: Command = {
  name: "relent",
  summary: "quantum relative entropy S(rho||sigma) = tr rho (log rho - log sigma) in nats (+Infinity if supp rho is not in supp sigma)",
  usage: "qgeom relent --rho <matrix> --sigma <matrix> [--normalize] [--json]",
  example: 'qgeom relent --rho "[[0.7,0.1],[0.1,0.3]]" --sigma "[[0.5,0],[0,0.5]]" --json',
  options: ["rho", "sigma"],
  booleans: ["normalize"],
  run(args) {
    const rho = stateFlag(args, "rho", false), sigma = stateFlag(args, "sigma", false);
    const v = relativeEntropy(rho, sigma);
    // JSON has no Infinity: the infinite case is {"value": null, "infinite": true}
    if (v === Infinity) return { json: { value: null, infinite: true }, text: "Infinity" };
    return { json: { value: v }, text: String(v) };
  },
};
