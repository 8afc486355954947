// Symmetric cones (MATH.md §5): the Monge–Ampère identity det D² log φ = c φ² derived symbolically for
// p = 1..3 in both coordinate systems and both fields, checked exactly at rational points and numerically,
// and its congruence invariance; the Wishart log-partition's exponent κ = 2(p + 1)/n.
//   npx tsx examples/cones.ts
import { cones, linalg } from "qgeom";

for (const field of ["real", "complex"] as const) {
  for (const coords of ["ut", "f"] as const) {
    const row: string[] = [];
    for (let p = 1; p <= (field === "real" ? 3 : 2); p++) {
      const d = cones.maIdentitySymbolic(p, field, coords);
      if (d.certificate.verdict !== "proved" || d.constantCertificate.verdict !== "proved") throw new Error(`MA identity p = ${p} ${field} ${coords}`);
      row.push(`p=${p}: c = ${d.ratio}`);
    }
    console.log(`${field.padEnd(7)} ${coords.padEnd(2)}  ${row.join("   ")}`);
  }
}
console.log(`exact at rational points (p = 2, real): ${cones.maIdentityAtRationalPoints(2, "real", { samples: 4 }).allEqual}`);

// Numeric check and congruence invariance on a random-looking SPD matrix.
const X = linalg.matrix([[3, 1, 0.5], [1, 2, -0.3], [0.5, -0.3, 1]]);
const A = linalg.matrix([[1, 2, 0], [0, 1, -1], [1, 0, 1]]);   // det A = −1
const before = cones.maIdentityNumeric(X, "ut"), after = cones.maIdentityNumeric(cones.congruence(X, A) as linalg.Matrix, "ut");
console.log(`log c at X: ${before.logC.toFixed(10)}, at AXAᵀ: ${after.logC.toFixed(10)}, table: ${before.expectedLogC.toFixed(10)}`);
if (Math.abs(before.logC - after.logC) > 1e-8) throw new Error("congruence invariance failed");

for (const n of [3, 4, 6]) console.log(`Wishart ψ_n on Sym_2, n = ${n}: κ = ${cones.wishartMaExpSymbolic(2, n).kappa}`);
