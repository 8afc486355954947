// The catalogue of MATH.md §9 as executable proofs, in order.
import type { Proof } from "../src/proofs/index.js";
import { v05 } from "./v05-categorical-monge-ampere.js";
import { v25 } from "./v25-wdvv.js";

export const catalogue: readonly Proof[] = [v05, v25];
