// The catalogue of MATH.md §9 as executable proofs, in order; the paper's informal claims (§10) follow V25.
import type { Proof } from "../src/proofs/index.js";
import { v01 } from "./v01-partition-function.js";
import { v02 } from "./v02-learning-gradient.js";
import { v03 } from "./v03-gibbs-variational.js";
import { v04 } from "./v04-exponential-family.js";
import { v05 } from "./v05-categorical-monge-ampere.js";
import { v06 } from "./v06-rbm-convexity.js";
import { v07 } from "./v07-gaussian-gaussian-rbm.js";
import { v17 } from "./v17-psd-self-duality.js";
import { v18 } from "./v18-tomita-objects.js";
import { v19 } from "./v19-natural-cone.js";
import { v20 } from "./v20-modular-flow-kms.js";
import { v21 } from "./v21-relative-entropy.js";
import { v22 } from "./v22-koszul-vinberg-monge-ampere.js";
import { v23 } from "./v23-rg-gaussian.js";
import { v24 } from "./v24-mehta-schwab.js";
import { v25 } from "./v25-wdvv.js";
import { c3bComplex } from "./c3b-complex-wishart-cone.js";
import { c3bFlow } from "./c3b-flow-isospectral.js";
import { c3bReal } from "./c3b-real-symmetric-cone.js";
import { c4Jordan } from "./c4-jordan-types.js";
import { c5 } from "./c5-ma-domain.js";
import { c6 } from "./c6-rg.js";
import { c9 } from "./c9-conventions.js";

export const catalogue: readonly Proof[] = [
  v01, v02, v03, v04, v05, v06, v07,
  v17, v18, v19, v20, v21, v22, v23, v24, v25,
  c3bComplex, c3bReal, c4Jordan, c3bFlow, c5, c6, c9,
];
