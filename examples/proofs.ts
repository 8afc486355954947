// Write, run and typeset your own proofs the way qgeom's catalogue (proofs/, `qgeom prove`) does.
//   npx tsx examples/proofs.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { det, diff, evaluate, hessian, matrix, parse, parseDomain, proofs, writeDocument } from "qgeom";

const koszulVinberg: proofs.Proof = {
  id: "KV2",
  title: "Koszul–Vinberg potential on $\\mathrm{Sym}_2^{++}$",
  source: "MATH.md §1.3, §5",
  statement: "For $\\phi(X) = -\\log\\det X$ on $\\mathrm{Sym}_2^{++}$: $\\det\\mathrm{Hess}_u\\,\\phi = 2/(\\det X)^3$ in UT coordinates.",
  hypotheses: ["$X = \\begin{pmatrix} a & b \\\\ b & c\\end{pmatrix}$, $a > 0$, $ac - b^2 > 0$"],
  references: ["Vinberg (1963)", "MATH.md §1.3 reference constant"],
  run(ctx) {
    const phi = parse("-log(a*c - b^2)");
    const H = matrix(hessian(phi, ["a", "b", "c"]));
    ctx.show("The Hessian in UT coordinates (a, b, c)", H, "\\mathrm{Hess}_u\\,\\phi");
    ctx.identity("its determinant", det(H), parse("2/(a*c - b^2)^3"), { verify: { domain: parseDomain("a > 0, a*c - b^2 > 0") } });
    ctx.refutes("the F-coordinate value does not hold in UT coordinates", det(H), parse("1/(a*c - b^2)^3"), {
      verify: { domain: parseDomain("a > 0, a*c - b^2 > 0") },
      justification: "the two systems differ by $2^{p(p-1)/2}$",
    });
    ctx.numeric("value at X = I", evaluate(det(H), { a: 1, b: 0, c: 1 }), 2, 1e-14);
    ctx.identity("gradient in UT coordinates: $\\partial\\phi/\\partial b = 2G_{12}$ with $G = -X^{-1}$", diff(phi, "b"), parse("-2*(-b/(a*c - b^2))"));
  },
};

const [result] = await proofs.runProofs([koszulVinberg]);
for (const s of result!.steps) console.log(`  ${s.title}: ${s.certificate.kind}`);
console.log(`${result!.proof.id} ${result!.ok ? "established" : "FAILED"}; strongest ${result!.strongest}, weakest ${result!.weakest}`);
if (!result!.ok) throw new Error("proof failed");

const dir = mkdtempSync(path.join(tmpdir(), "qgeom-proofs-"));
const w = writeDocument(proofs.resultsDocument([result!], "My proofs"), dir, "my-proofs", { assets: "inline" });
console.log(`wrote ${path.basename(w.texPath)} and ${path.basename(w.htmlPath)} (${w.formulas} formulas)`);
