// `qgeom brenier --m1 [..] --S1 [[..]] --m2 [..] --S2 [[..]]`: the Brenier map between two Gaussians
// (MATH.md §3.6), T(x) = A x + b with b = m2 − A m1, and W₂².
import { QgeomError } from "../../core/index.js";
import { toArray } from "../../linalg/index.js";
import { gaussianBrenierMap } from "../../monge-ampere/index.js";
import { type ParsedArgs, flagMatrix, requireFlag } from "../args.js";
import type { Command } from "../command.js";

function flagVector(args: ParsedArgs, name: string): number[] {
  const v = requireFlag(args, name);
  let x: unknown;
  try {
    x = JSON.parse(v);
  } catch {
    throw new QgeomError("CLI_USAGE", `--${name} must be a JSON vector such as [0,1], got "${v.slice(0, 40)}"; quote the JSON in the shell`);
  }
  if (!Array.isArray(x) || x.length === 0 || !x.every((t) => typeof t === "number" && Number.isFinite(t)))
    throw new QgeomError("CLI_USAGE", `--${name} must be a non-empty JSON array of finite numbers, got "${v.slice(0, 40)}"; pass e.g. [0,1]`);
  return x as number[];
}

export const brenierCommand: Command = {
  name: "brenier",
  summary: "Brenier map N(m1,S1) -> N(m2,S2): T(x) = A x + b with b = m2 - A m1, and W2^2",
  usage: "qgeom brenier --m1 '[..]' --S1 '[[..]]' --m2 '[..]' --S2 '[[..]]' [--json]   (JSON: {A, b, w2sq}; T(x) = A x + b)",
  example: "qgeom brenier --m1 '[0,0]' --S1 '[[1,0],[0,1]]' --m2 '[1,2]' --S2 '[[2,1],[1,2]]'",
  options: ["m1", "S1", "m2", "S2"],
  run(args) {
    const m1 = flagVector(args, "m1");
    const S1 = flagMatrix(args, "S1");
    const m2 = flagVector(args, "m2");
    const S2 = flagMatrix(args, "S2");
    const g = gaussianBrenierMap(m1, S1, m2, S2);
    const A = toArray(g.A);
    const b = Array.from(g.b);
    const fmt = (x: number): string => x.toPrecision(12).replace(/\.?0+(e|$)/, "$1");
    const text = [
      "T(x) = A x + b   (b = m2 - A m1)",
      "A =",
      ...A.map((r) => "  [ " + r.map(fmt).join("  ") + " ]"),
      `b = [ ${b.map(fmt).join("  ")} ]`,
      `W2^2 = ${fmt(g.w2sq)}`,
    ].join("\n");
    return { json: { A, b, w2sq: g.w2sq }, text };
  },
};
