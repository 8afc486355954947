// The catalogue of MATH.md §9 as executable proofs, in order.
import type { Proof } from "../src/proofs/index.js";
import { v05 } from "./v05-categorical-monge-ampere.js";
import { v08 } from "./v08-change-of-variables.js";
import { v09 } from "./v09-gaussian-brenier.js";
import { v10 } from "./v10-latent-generator.js";
import { v11 } from "./v11-moment-measure.js";
import { v12 } from "./v12-bures.js";
import { v13 } from "./v13-wishart-normalisation.js";
import { v14 } from "./v14-support-rank.js";
import { v15 } from "./v15-congruence-closure.js";
import { v16 } from "./v16-complex-wishart.js";
import { v25 } from "./v25-wdvv.js";
import { c2 } from "./c2-free-energy-transport.js";
import { c3a } from "./c3a-monge-ampere-generators.js";

export const catalogue: readonly Proof[] = [v05, v08, v09, v10, v11, v12, v13, v14, v15, v16, v25, c2, c3a];
