// `qgeom rbm free-energy` and `qgeom rbm logz`: F_T(v) and exact log Z_T of an RBM (MATH.md §2.1–2.2).
import { QgeomError } from "../../core/errors.js";
import { type RbmKind, freeEnergy, logPartition, rbm } from "../../boltzmann/index.js";
import { type ParsedArgs, flagMatrix, flagNumber, flagString, requireFlag } from "../args.js";
import type { Command } from "../command.js";

const KINDS: Record<string, RbmKind> = { bb: "bernoulli", gb: "gaussian-bernoulli", gg: "gaussian-gaussian" };

/** A JSON array of finite numbers from --name. */
export function flagVector(args: ParsedArgs, name: string): number[] {
  const v = requireFlag(args, name);
  let x: unknown;
  try {
    x = JSON.parse(v);
  } catch {
    throw new QgeomError("CLI_USAGE", `--${name} must be a JSON array such as [0.5,-1], got "${v.slice(0, 40)}"; quote the JSON in the shell`);
  }
  if (!Array.isArray(x) || x.length === 0 || !x.every((e) => typeof e === "number" && Number.isFinite(e)))
    throw new QgeomError("CLI_USAGE", `--${name} must be a non-empty JSON array of finite numbers, got "${v.slice(0, 40)}"; pass e.g. [0.5,-1]`);
  return x as number[];
}

function modelFromFlags(args: ParsedArgs) {
  const kindFlag = flagString(args, "kind") ?? "bb";
  const kind = KINDS[kindFlag];
  if (kind === undefined) throw new QgeomError("CLI_USAGE", `--kind must be bb (Bernoulli–Bernoulli), gb (Gaussian–Bernoulli) or gg (Gaussian–Gaussian), got "${kindFlag}"; pass one of these`);
  return rbm({ W: flagMatrix(args, "W"), a: flagVector(args, "a"), c: flagVector(args, "c"), kind });
}

function temperatureFlag(args: ParsedArgs): number | undefined {
  return flagNumber(args, "T");
}

const MODEL_FLAGS = ["W", "a", "c", "kind", "T"];

/** `qgeom rbm free-energy`: F_T(v) = −T log Σ_h e^{−E(v,h)/T}; --v may be one vector or a matrix of rows. */
export const rbmFreeEnergyCommand: Command = {
  name: "rbm free-energy",
  summary: "free energy F_T(v) of an RBM (kinds bb, gb, gg; MATH.md §2.2); --v one vector or rows of vectors",
  usage: "qgeom rbm free-energy --W '[[..]]' --a '[..]' --c '[..]' --v '[..]' [--kind bb|gb|gg] [--T 1] [--json]",
  example: "qgeom rbm free-energy --W '[[1,-1],[0.5,2]]' --a '[0.1,0.2]' --c '[0,-0.3]' --v '[1,0]'",
  options: [...MODEL_FLAGS, "v"],
  run(args) {
    const model = modelFromFlags(args);
    const T = temperatureFlag(args);
    if (requireFlag(args, "v").trim().startsWith("[[")) {
      const rows = flagMatrix(args, "v");
      const values = rows.map((v) => freeEnergy(model, v, { T }));
      return { json: { values }, text: values.join("\n") };
    }
    const value = freeEnergy(model, flagVector(args, "v"), { T });
    return { json: { value }, text: String(value) };
  },
};

/** `qgeom rbm logz`: exact log Z_T by enumeration (binary units ≤ 20) or closed form (Gaussian–Gaussian). */
export const rbmLogZCommand: Command = {
  name: "rbm logz",
  summary: "exact log partition function log Z_T of an RBM (enumeration, visible + hidden ≤ 20 binary units; closed form for gg)",
  usage: "qgeom rbm logz --W '[[..]]' --a '[..]' --c '[..]' [--kind bb|gb|gg] [--T 1] [--json]",
  example: "qgeom rbm logz --W '[[1,-1],[0.5,2]]' --a '[0.1,0.2]' --c '[0,-0.3]'",
  options: MODEL_FLAGS,
  run(args) {
    const value = logPartition(modelFromFlags(args), { T: temperatureFlag(args) });
    return { json: { value }, text: String(value) };
  },
};
