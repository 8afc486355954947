// `qgeom prove`: runs the catalogue of proofs (MATH.md §9), prints the table and writes the documents.
import { QgeomError, didYouMean } from "../../core/errors.js";
import { writeDocument } from "../../latex/document.js";
import { compilePdf } from "../../latex/pdf.js";
import { normaliseId, resultsDocument, resultsJson, resultsTable, runProofs } from "../../proofs/index.js";
import { catalogue } from "../../../proofs/index.js";
import { flagBool, flagString } from "../args.js";
import type { Command } from "../command.js";

export const proveCommand: Command = {
  name: "prove",
  summary: "run the executable proofs of MATH.md (V1–V25 and the paper's claims), print the table, write docs/proofs.{tex,html}",
  usage: "qgeom prove [--only V09,V13] [--out docs/] [--no-docs] [--pdf] [--json]   (--pdf also runs pdflatex: docs/proofs.pdf)",
  example: "qgeom prove --only V05,V25",
  options: ["only", "out"],
  booleans: ["no-docs", "pdf"],
  async run(args, ctx) {
    const only = flagString(args, "only")?.split(",").map((s) => s.trim()).filter(Boolean);
    // ids compare as runProofs does (case-insensitive, "V9" = "V09"), so "c5-ma-domain" finds "C5-ma-domain"
    const known = new Set(catalogue.map((p) => normaliseId(p.id)));
    for (const id of only ?? [])
      if (!known.has(normaliseId(id)))
        throw new QgeomError("CLI_USAGE", `unknown proof "${id}"; ${didYouMean(id, catalogue.map((p) => p.id))}use one of ${catalogue.map((p) => p.id).join(", ")}`);
    const width = 30;
    const results = await runProofs(catalogue, {
      ...(only ? { only } : {}),
      onProgress: (done, total, id) => {
        const filled = total === 0 ? width : Math.round((done / total) * width);
        ctx.progress(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${id.padEnd(8)}${done === total ? "\n" : ""}`);
      },
    });
    let written: string[] = [];
    if (!flagBool(args, "no-docs")) {
      const out = flagString(args, "out") ?? "docs";
      const w = writeDocument(resultsDocument(results), out, "proofs", { assets: "inline" });
      written = [w.texPath, w.htmlPath];
      if (flagBool(args, "pdf")) written.push(compilePdf(w.texPath));
    } else if (flagBool(args, "pdf")) throw new QgeomError("CLI_USAGE", "--pdf typesets the documents, which --no-docs turns off; remove one of the two flags");
    const ok = results.every((r) => r.ok);
    return {
      json: { ...resultsJson(results), written },
      text: resultsTable(results) + (written.length ? `\nwrote ${written.slice(0, -1).join(", ")} and ${written.at(-1)}` : ""),
      exitCode: ok ? 0 : 1,
    };
  },
};
