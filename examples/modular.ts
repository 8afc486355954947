// Modular theory of a two-qubit Gibbs state (MATH.md §6): the modular Hamiltonian is βH up to a constant,
// the state is KMS for its modular flow (and a perturbed generator is not, V20), relative entropy is
// Araki's and decreases under a partial trace (V21).
//   npx tsx examples/modular.ts
import { linalg, modular } from "qgeom";

// H = Z⊗Z + 0.5 (X⊗I + I⊗X) on C², β = 0.8
const Z = [[1, 0], [0, -1]], X = [[0, 1], [1, 0]], I = [[1, 0], [0, 1]];
const kron = (A: number[][], B: number[][]) => linalg.toArray(linalg.kron(linalg.matrix(A), linalg.matrix(B)));
const add = (...Ms: number[][][]) => Ms[0]!.map((r, i) => r.map((_, j) => Ms.reduce((s, M) => s + M[i]![j]!, 0)));
const scale = (c: number, M: number[][]) => M.map((r) => r.map((v) => c * v));
const H = add(kron(Z, Z), scale(0.5, kron(X, I)), scale(0.5, kron(I, X)));
const beta = 0.8;
const rho = modular.gibbsState(H, beta);
console.log(`eigenvalues of ρ: ${Array.from(rho.eigenvalues, (v) => v.toFixed(6)).join(" ")}`);

// K = −log ρ = βH + log Z
const K = linalg.toArray(modular.modularHamiltonian(rho) as linalg.Matrix);
const logZ = modular.gibbsLogPartition(H, beta);
const dev = Math.max(...K.flatMap((r, i) => r.map((v, j) => Math.abs(v - beta * H[i]![j]! - (i === j ? logZ : 0)))));
console.log(`max |K − (βH + log Z)| = ${dev.toExponential(1)}`);

// KMS: for the Gibbs state at β, in the physics form, and failing for a wrong β.
const x = kron(X, Z), y = kron(Z, I);
console.log(`KMS defect at β = 0.8: ${modular.gibbsKmsDefect(H, x, y, { beta }).toExponential(1)}`);
console.log(`with the state of β = 0.9 instead: ${modular.gibbsKmsDefect(H, x, y, { beta, state: modular.gibbsState(H, 0.9) }).toExponential(1)}`);

// Relative entropy against the maximally mixed state, and monotonicity under tracing out qubit B.
const sigma = modular.gibbsState(add(kron(X, X), scale(0.3, kron(Z, I))), 0.5);
const S = modular.relativeEntropy(rho, sigma), Sa = modular.arakiRelativeEntropy(rho, sigma);
const rA = modular.partialTrace(rho.matrix, [2, 2], "A"), sA = modular.partialTrace(sigma.matrix, [2, 2], "A");
const SA = modular.relativeEntropy(rA, sA);
console.log(`S(ρ‖σ) = ${S.toFixed(9)} (Araki ${Sa.toFixed(9)}), after tracing out B ${SA.toFixed(9)}`);
if (!(SA <= S + 1e-12) || Math.abs(S - Sa) > 1e-10) throw new Error("relative entropy checks failed");
