// The catalogue of MATH.md §9 as executable proofs, in order.
import type { Proof } from "../src/proofs/index.js";
import { v05 } from "./v05-categorical-monge-ampere.js";
import { v17 } from "./v17-psd-self-duality.js";
import { v18 } from "./v18-tomita-objects.js";
import { v19 } from "./v19-natural-cone.js";
import { v20 } from "./v20-modular-flow-kms.js";
import { v21 } from "./v21-relative-entropy.js";
import { v25 } from "./v25-wdvv.js";
import { c3bComplex } from "./c3b-complex-wishart-cone.js";
import { c3bFlow } from "./c3b-flow-isospectral.js";
import { c3bReal } from "./c3b-real-symmetric-cone.js";
import { c4Jordan } from "./c4-jordan-types.js";

export const catalogue: readonly Proof[] = [v05, v17, v18, v19, v20, v21, v25, c3bComplex, c3bReal, c4Jordan, c3bFlow];
