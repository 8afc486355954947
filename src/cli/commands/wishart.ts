// `qgeom wishart density|logpdf|entropy|sample|convert` (MATH §4, §1.7). Matrices are JSON arrays of
// rows; complex (Hermitian) matrices are {"re": [[...]], "im": [[...]]}.
import { QgeomError } from "../../core/errors.js";
import { type CMatrix, type Matrix, toArray, toComplexArray } from "../../linalg/index.js";
import { Rng } from "../../random/index.js";
import * as W from "../../wishart/index.js";
import { type ParsedArgs, flagBool, flagNumber, flagString, requireFlag } from "../args.js";
import type { Command } from "../command.js";
import { exprResult } from "../output.js";

type JsonMatrix = number[][] | { re: number[][]; im?: number[][] };

/** A JSON matrix flag: rows of numbers, or {"re", "im"} rows for a complex matrix. */
function matrixFlag(args: ParsedArgs, name: string): JsonMatrix {
  const text = requireFlag(args, name);
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new QgeomError("CLI_USAGE", `--${name} must be a JSON matrix such as [[2,1],[1,2]] or {"re": [[2,0],[0,2]], "im": [[0,1],[-1,0]]}, got "${text.slice(0, 40)}"; quote the JSON in the shell`);
  }
  const rows = (x: unknown): x is number[][] => Array.isArray(x) && x.length > 0 && x.every((r) => Array.isArray(r) && r.length > 0 && r.every((v) => typeof v === "number" && Number.isFinite(v)));
  if (rows(m)) return m;
  if (typeof m === "object" && m !== null && rows((m as { re: unknown }).re) && ((m as { im?: unknown }).im === undefined || rows((m as { im: unknown }).im)))
    return m as { re: number[][]; im?: number[][] };
  throw new QgeomError("CLI_USAGE", `--${name} must be a non-empty JSON array of rows of finite numbers, or {"re": rows, "im": rows}; pass e.g. [[2,1],[1,2]]`);
}

const isComplexJson = (m: JsonMatrix): m is { re: number[][]; im?: number[][] } => !Array.isArray(m);

function coordinatesFlag(args: ParsedArgs): W.Coordinates | undefined {
  const c = flagString(args, "coordinates");
  if (c === undefined) return undefined;
  if (c !== "u" && c !== "s") throw new QgeomError("CLI_USAGE", `--coordinates must be u or s (MATH §1.3), got "${c.slice(0, 20)}"; pass --coordinates u or --coordinates s`);
  return c;
}

function dfFlag(args: ParsedArgs): number {
  const df = flagNumber(args, "df");
  if (df === undefined) throw new QgeomError("CLI_USAGE", `missing required flag --df (degrees of freedom); pass e.g. --df 5`);
  return df;
}

function pFlagMatches(args: ParsedArgs, p: number): void {
  const given = flagNumber(args, "p");
  if (given !== undefined && given !== p) throw new QgeomError("SHAPE", `--p ${given} does not match the ${p}×${p} --scale; omit --p or make it match the scale`);
}

function printMatrix(M: Matrix | CMatrix): string {
  if ("data" in M) return toArray(M).map((r) => "[ " + r.map((x) => x.toPrecision(8).padStart(16)).join(" ") + " ]").join("\n");
  const c = toComplexArray(M);
  return c.re.map((r, i) => "[ " + r.map((x, j) => `${x.toPrecision(6)}${c.im[i]![j]! < 0 ? "-" : "+"}${Math.abs(c.im[i]![j]!).toPrecision(6)}i`.padStart(26)).join(" ") + " ]").join("\n");
}

/** `qgeom wishart density --p 2 [--complex | --inverse] [--log] [--notation entries|matrix] [--df n]`. */
export const wishartDensityCommand: Command = {
  name: "wishart density",
  summary: "the Wishart density (real, complex or inverse) for symbolic p×p S and Σ, entries or det/tr notation",
  usage: "qgeom wishart density --p <p> [--complex | --inverse] [--log] [--notation entries|matrix] [--df n] [--coordinates u|s] [--latex] [--json]",
  example: "qgeom wishart density --p 2 --log",
  options: ["p", "notation", "df", "coordinates"],
  booleans: ["complex", "inverse", "log", "latex"],
  run(args) {
    const p = flagNumber(args, "p");
    if (p === undefined) throw new QgeomError("CLI_USAGE", `missing required flag --p (the dimension); pass e.g. --p 2`);
    if (!Number.isInteger(p) || p < 1 || p > 64) throw new QgeomError("CLI_USAGE", `--p must be an integer in [1, 64], got ${p}; pass e.g. --p 2`);
    const notation = flagString(args, "notation");
    if (notation !== undefined && notation !== "entries" && notation !== "matrix") throw new QgeomError("CLI_USAGE", `--notation must be entries or matrix, got "${notation.slice(0, 20)}"; pass --notation entries or --notation matrix`);
    const dfText = flagString(args, "df");
    const df = dfText === undefined ? undefined : Number.isFinite(Number(dfText)) && dfText.trim() !== "" ? Number(dfText) : dfText;
    if (flagBool(args, "complex") && flagBool(args, "inverse")) throw new QgeomError("CLI_USAGE", `--complex and --inverse cannot be combined (the complex inverse Wishart is not implemented); remove one of the two flags`);
    const opts: W.SymbolicDensityOptions = { notation, df, coordinates: coordinatesFlag(args) };
    const d = flagBool(args, "complex") ? W.complexWishartDensity(p, opts) : flagBool(args, "inverse") ? W.inverseWishartDensity(p, opts) : W.wishartDensity(p, opts);
    const e = flagBool(args, "log") ? d.logDensity : d.density;
    return exprResult(e, args, { law: d.law, p, notation: d.notation, log: flagBool(args, "log"), variables: d.inputs });
  },
};

/** `qgeom wishart logpdf --X '[[...]]' --df 5 --scale '[[...]]'`. */
export const wishartLogpdfCommand: Command = {
  name: "wishart logpdf",
  summary: "log-density of W_p(df, scale) at X (real; complex Hermitian with {re, im}; --inverse for W_p⁻¹)",
  usage: "qgeom wishart logpdf --X <matrix> --df <n> --scale <matrix> [--inverse] [--coordinates u|s] [--json]",
  example: "qgeom wishart logpdf --X '[[2,0.5],[0.5,1]]' --df 5 --scale '[[1,0.2],[0.2,2]]' --json",
  options: ["X", "df", "scale", "coordinates"],
  booleans: ["inverse"],
  run(args) {
    const X = matrixFlag(args, "X"), scale = matrixFlag(args, "scale");
    const df = dfFlag(args);
    const coordinates = coordinatesFlag(args);
    let value: number;
    if (isComplexJson(X) || isComplexJson(scale)) {
      if (flagBool(args, "inverse")) throw new QgeomError("CLI_USAGE", `--inverse is for the real inverse Wishart; complex input is not supported there; pass a real --scale or remove --inverse`);
      value = W.complexLogpdf(X, df, scale, { coordinates });
    } else value = flagBool(args, "inverse") ? W.inverseLogpdf(X, df, scale, { coordinates }) : W.logpdf(X, df, scale, { coordinates });
    return { json: { value }, text: String(value) };
  },
};

/** `qgeom wishart entropy --df 5 --scale '[[...]]'`. */
export const wishartEntropyCommand: Command = {
  name: "wishart entropy",
  summary: "differential entropy (nats) of W_p(df, scale), du by default (= scipy.stats.wishart.entropy)",
  usage: "qgeom wishart entropy --df <n> --scale <matrix> [--p <p>] [--inverse] [--coordinates u|s] [--json]",
  example: "qgeom wishart entropy --p 2 --df 5 --scale '[[1,0.2],[0.2,2]]' --json",
  options: ["p", "df", "scale", "coordinates"],
  booleans: ["inverse"],
  run(args) {
    const scale = matrixFlag(args, "scale");
    const df = dfFlag(args);
    const coordinates = coordinatesFlag(args);
    pFlagMatches(args, isComplexJson(scale) ? scale.re.length : scale.length);
    let value: number;
    if (isComplexJson(scale)) {
      if (flagBool(args, "inverse")) throw new QgeomError("CLI_USAGE", `--inverse is for the real inverse Wishart; remove --complex, or remove --inverse`);
      value = W.complexEntropy(df, scale, { coordinates });
    } else value = flagBool(args, "inverse") ? W.inverseEntropy(df, scale, { coordinates }) : W.entropy(df, scale, { coordinates });
    return { json: { value }, text: String(value) };
  },
};

/** `qgeom wishart sample --df 5 --scale '[[...]]' --seed 7 [--n 3]`. */
export const wishartSampleCommand: Command = {
  name: "wishart sample",
  summary: "seeded draws of W_p(df, scale) (Bartlett, or --method outer for integer df; complex scale → CW_p; --inverse → W_p⁻¹)",
  usage: "qgeom wishart sample --df <n> --scale <matrix> --seed <int> [--n <count>] [--method bartlett|outer] [--inverse] [--json]",
  example: "qgeom wishart sample --df 5 --scale '[[1,0.2],[0.2,2]]' --seed 7 --n 3 --json",
  options: ["df", "scale", "seed", "n", "method"],
  booleans: ["inverse"],
  run(args) {
    const scale = matrixFlag(args, "scale");
    const df = dfFlag(args);
    const seed = flagNumber(args, "seed") ?? 0;
    if (!Number.isSafeInteger(seed) || seed < 0) throw new QgeomError("CLI_USAGE", `--seed must be a non-negative integer, got ${seed}; pass e.g. --seed 42`);
    const count = flagNumber(args, "n") ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 100000) throw new QgeomError("CLI_USAGE", `--n must be an integer in [1, 100000], got ${count}; pass e.g. --n 1000`);
    const method = flagString(args, "method");
    if (method !== undefined && method !== "bartlett" && method !== "outer") throw new QgeomError("CLI_USAGE", `--method must be bartlett or outer, got "${method.slice(0, 20)}"; pass --method bartlett or --method outer`);
    const rng = new Rng(seed);
    let draws: Array<Matrix | CMatrix>;
    if (isComplexJson(scale)) {
      if (flagBool(args, "inverse")) throw new QgeomError("CLI_USAGE", `--inverse is for the real inverse Wishart; remove --complex, or remove --inverse`);
      draws = W.complexSampleMany(rng, df, scale, count, { method });
    } else if (flagBool(args, "inverse")) {
      if (method !== undefined) throw new QgeomError("CLI_USAGE", `--method does not apply to --inverse (it inverts a Bartlett draw); remove --method`);
      const s = W.inverseWishartSampler(df, scale);
      draws = Array.from({ length: count }, () => s.sample(rng));
    } else draws = W.sampleMany(rng, df, scale, count, { method });
    const samples = draws.map((M) => ("data" in M ? toArray(M) : toComplexArray(M)));
    return { json: { samples }, text: draws.map(printMatrix).join("\n\n") };
  },
};

/** `qgeom wishart convert --to tfp --df 5 --scale '[[...]]'`. */
export const wishartConvertCommand: Command = {
  name: "wishart convert",
  summary: `write W_p(df, scale) in another library's parametrisation (${W.CONVENTIONS.join(", ")})`,
  usage: "qgeom wishart convert --to <convention> --df <n> --scale <matrix> [--json]",
  example: "qgeom wishart convert --to torch-precision --df 5 --scale '[[1,0.2],[0.2,2]]'",
  options: ["to", "df", "scale"],
  run(args) {
    const to = requireFlag(args, "to");
    if (!(W.CONVENTIONS as readonly string[]).includes(to)) throw new QgeomError("CLI_USAGE", `--to must be one of ${W.CONVENTIONS.join(", ")}; got "${to.slice(0, 30)}"; pass one of these`);
    const scale = matrixFlag(args, "scale");
    if (isComplexJson(scale)) throw new QgeomError("CLI_USAGE", `convert takes a real symmetric --scale; pass a real symmetric matrix such as [[2,1],[1,2]]`);
    const r = W.toConvention(to as W.ConventionName, dfFlag(args), scale);
    return { json: { convention: r.convention, parameters: r.parameters, code: r.code, remarks: r.remarks }, text: [r.code, ...r.remarks.map((x) => `# ${x}`)].join("\n") };
  },
};

export const wishartCommands: Command[] = [wishartDensityCommand, wishartLogpdfCommand, wishartEntropyCommand, wishartSampleCommand, wishartConvertCommand];
