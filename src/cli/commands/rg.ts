// `qgeom rg decimate`: Schur-complement decimation of a Gaussian precision matrix (MATH.md §8.2).
import { QgeomError } from "../../core/errors.js";
import { matrix, toArray } from "../../linalg/index.js";
import { decimate } from "../../rg/index.js";
import { flagMatrix, requireFlag } from "../args.js";
import type { Command } from "../command.js";

/** `qgeom rg decimate --K '[[..]]' --keep 0,2`: K′ = K/K_ff and the free-energy constant. */
export const rgDecimateCommand: Command = {
  name: "rg decimate",
  summary: "integrate out Gaussian sites: K′ = K/K_ff = (Σ_cc)⁻¹ and the constant ½ log det K_ff − (|f|/2) log 2π (MATH.md §8.2)",
  usage: "qgeom rg decimate --K '[[..]]' --keep 0,2 [--json]",
  example: "qgeom rg decimate --K '[[2,-1,0],[-1,2,-1],[0,-1,2]]' --keep 0,2",
  options: ["K", "keep"],
  run(args) {
    const K = matrix(flagMatrix(args, "K"), "K");
    const text = requireFlag(args, "keep");
    const keep = text.split(",").map((s) => s.trim());
    if (keep.some((s) => !/^\d+$/.test(s))) throw new QgeomError("CLI_USAGE", `--keep must list site indices such as 0,2 (0-based), got "${text}"; pass e.g. --keep 0,2`);
    const d = decimate(K, keep.map(Number));
    const Kp = toArray(d.K);
    return {
      json: { K: Kp, constant: d.constant, keep: d.keep, integrated: d.integrated },
      text: [`K' (sites ${d.keep.join(", ")}):`, ...Kp.map((r) => "  [ " + r.join("  ") + " ]"), `constant: ${d.constant}`].join("\n"),
    };
  },
};
