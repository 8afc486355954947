// The proof format and runner (public: users state and check their own identities the same way).
export type { Proof, ProofResult, StepResult, StepCertificate, StepKind, StepDisplay } from "./types.js";
export { STRENGTH, isSuccess } from "./types.js";
export { ProofContext, type StepOptions } from "./context.js";
export { runProof, runProofs, normaliseId, type RunOptions } from "./run.js";
export { resultsTable, resultsJson, resultsDocument, certificateLine, documentText } from "./report.js";
