// Boltzmann-machine potentials for the "Monge–Ampère domain" readings of MATH.md §8.6 (use them with
// cones.mongeAmpereReadings): rows R1 (categorical family), R5/R5′/R5″ (RBM free energies) and R6 (the
// fully visible log-partition).
import type { Potential } from "../cones/index.js";
import { categoricalHessian, categoricalLogPartition } from "./categorical.js";
import { expfamDimension, expfamLogPartition, fisherInformation } from "./expfam.js";
import { freeEnergy, freeEnergyHessian } from "./free-energy.js";
import { type RBM, checkRBM } from "./model.js";

/** ψ(θ) = log(1 + Σ e^{θ_i}) on ℝ^n: MA-elliptic, neither MA-const nor MA-exp (R1). */
export function categoricalPotential(n: number): Potential {
  return { name: `categorical log-partition (n = ${n})`, dim: n, value: (t) => categoricalLogPartition(t), hessian: (t) => categoricalHessian(t) };
}

/** The log-partition ψ(θ) of the fully visible n-unit Boltzmann machine (R6), Hessian = Fisher information. */
export function logPartitionPotential(n: number): Potential {
  return { name: `fully visible Boltzmann machine log Z (n = ${n})`, dim: expfamDimension(n), value: (t) => expfamLogPartition(n, t), hessian: (t) => fisherInformation(n, t) };
}

/**
 * The free energy v ↦ F(v) of an RBM on ℝ^d (Bernoulli visible units: the extension of MATH.md §2.2),
 * rows R5 (concave), R5′ (Gaussian–Bernoulli) and R5″ (Gaussian–Gaussian: D²F = I − WWᵀ constant).
 */
export function freeEnergyPotential(model: RBM, options: { T?: number } = {}): Potential {
  checkRBM(model);
  return {
    name: `${model.kind} RBM free energy (d = ${model.W.rows}, m = ${model.W.cols})`,
    dim: model.W.rows,
    value: (v) => freeEnergy(model, v, { T: options.T, extended: true }),
    hessian: (v) => freeEnergyHessian(model, v, options),
  };
}
