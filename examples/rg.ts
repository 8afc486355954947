// Renormalisation of Gaussian models (MATH.md §8): repeated decimation of a long AR(1) chain compared with
// the predicted flow r ↦ r², free-energy bookkeeping, a 2-D block-spin step against its aliasing formula,
// and the Mehta–Schwab exactness test.
//   npx tsx examples/rg.ts
import { boltzmann, linalg, rg } from "qgeom";

// 33 sites, decimate three times (33 → 17 → 9 → 5), reading r from the middle of the chain.
let K = rg.ar1Precision(33, { r: 0.8, sigma2: 0.5 });
let F = rg.gaussianFreeEnergy(K);
let predicted = { r: 0.8, sigma2: 0.5 };
for (let step = 1; step <= 3; step++) {
  const n = K.rows;
  const keep = Array.from({ length: (n + 1) / 2 }, (_, i) => 2 * i);
  const d = rg.decimate(K, keep);
  const Fafter = rg.decimatedFreeEnergy(d);
  K = d.K;
  predicted = rg.ar1Decimate(predicted);
  const m = Math.floor(K.rows / 2);
  const r = -K.data[m * K.rows + m + 1]! / (K.data[0]!);   // −K_{m,m+1}/K_{00} = r′ for an AR(1) precision
  console.log(`step ${step}: ${n} → ${K.rows} sites, r = ${r.toFixed(12)} (predicted ${predicted.r.toFixed(12)}), free energy ${F.toFixed(9)} → ${Fafter.toFixed(9)}`);
  if (Math.abs(r - predicted.r) > 1e-10 || Math.abs(F - Fafter) > 1e-9 * Math.abs(F)) throw new Error("decimation check failed");
  F = rg.gaussianFreeEnergy(K);
}

// 2-D block spins on an 8×8 torus with 2×2 blocks: direct congruence against the aliasing formula.
const L = 8;
const C = Array.from({ length: L }, (_, i) => Array.from({ length: L }, (_, j) => Math.exp(-0.7 * (Math.min(i, L - i) + Math.min(j, L - j)))));
const coarse = rg.blockSpin2D(C, 2, 2);
const viaSpectrum = rg.circulantSpectrum2D(coarse);
const aliasing = rg.blockSpinSpectrum2D(C, 2, 2);
let diff = 0;
for (let k = 0; k < viaSpectrum.data.length; k++) diff = Math.max(diff, Math.abs(viaSpectrum.data[k]! - aliasing.data[k]!));
console.log(`2-D block spin: coarse covariance ${coarse.rows}×${coarse.cols}, spectrum vs aliasing formula max difference ${diff.toExponential(1)}`);
if (diff > 1e-12) throw new Error("aliasing formula failed");

// Mehta–Schwab: exact iff H equals the RBM's visible free energy.
const m = boltzmann.rbm({ W: [[0.5, -1, 0.2], [1, 0.3, -0.4], [-0.2, 0.6, 0.9]], a: [0.1, 0, -0.1], c: [0.2, -0.3, 0] });
const Fl = rg.rbmVisibleFreeEnergies(m);
console.log(`Mehta–Schwab with H = F_λ: exact ${rg.mehtaSchwab(m, Fl).exact}; with H = F_λ + 1: exact ${rg.mehtaSchwab(m, Array.from(Fl, (v) => v + 1)).exact}`);
void linalg;
