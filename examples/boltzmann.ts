// A Boltzmann machine end to end (MATH.md §2): exact enumeration, the clamped − free learning gradient
// against finite differences of the exact log-likelihood (V2, at T ≠ 1), contrastive divergence training
// with a seeded chain, and the categorical Monge–Ampère identity (V5).
//   npx tsx examples/boltzmann.ts
import { boltzmann as B, random } from "qgeom";

const T = 1.5;
const bm = B.boltzmannMachine({ W: [[0, 0.8, -0.4, 0.2], [0.8, 0, 0.3, 0], [-0.4, 0.3, 0, -0.6], [0.2, 0, -0.6, 0]], b: [0.1, -0.3, 0.2, 0], visible: 4 });
const data = [[1, 1, 0, 0], [1, 1, 1, 0], [0, 1, 1, 1], [1, 0, 0, 1], [1, 1, 0, 0]];

// ∂ℓ/∂w_ij by the formula and by central differences (perturbing the free parameter w_ij, i < j)
const g = B.learningGradient(bm, data, { T });
let worst = 0;
for (const [i, j] of B.unitPairs(4)) {
  const h = 1e-5;
  const w = bm.W.data[i * 4 + j]!;
  const up = B.logLikelihood(B.withCoupling(bm, i, j, w + h), data, { T });
  const down = B.logLikelihood(B.withCoupling(bm, i, j, w - h), data, { T });
  const fd = (up - down) / (2 * h);
  worst = Math.max(worst, Math.abs(fd - g.W.data[i * 4 + j]!) / Math.max(1, Math.abs(fd)));
}
console.log(`learning gradient vs finite differences at T = ${T}: worst relative error ${worst.toExponential(1)}`);
if (worst > 1e-5) throw new Error("gradient check failed");

// An RBM trained by CD-1 on the same data: the exact log-likelihood improves.
const rbm = B.rbm({ W: [[0.01, -0.02], [0.02, 0.01], [0, 0.01], [-0.01, 0]], a: [0, 0, 0, 0], c: [0, 0] });
const run = B.trainCD(rbm, data, { rng: new random.Rng(5), epochs: 300, learningRate: 0.2 });
const ll = run.logLikelihood;
console.log(`CD-1, 300 epochs: average log-likelihood ${ll[0]!.toFixed(4)} → ${ll[ll.length - 1]!.toFixed(4)}`);
if (!(ll[ll.length - 1]! > ll[0]!)) throw new Error("training did not improve the likelihood");

// det ∇²ψ = p₀p₁⋯pₙ for the categorical family, symbolically for n = 1..3 and numerically.
for (let n = 1; n <= 3; n++) console.log(`categorical n = ${n}: det ∇²ψ = Π p_i  [${B.categoricalMongeAmpereSymbolic(n).certificate.verdict}]`);
const theta = [0.3, -1, 2];
const p = B.categoricalProbabilities(theta);
console.log(`at θ = (${theta}): det ${B.categoricalMongeAmpere(theta).det.toExponential(6)}, Π p_i ${Array.from(p).reduce((a, b) => a * b, 1).toExponential(6)}`);
