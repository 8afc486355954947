// A .tex document to PDF with the pdflatex on PATH (two passes, no shell escape). qgeom documents use only
// amsmath and amssymb, so texlive-latex-base with texlive-latex-extra's fonts is enough.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { QgeomError, excerpt } from "../core/errors.js";

/**
 * Runs pdflatex twice on `texPath` in its own directory and returns the path of the PDF next to it.
 * Throws `UNSUPPORTED` when pdflatex is not installed and `INVALID_ARGUMENT` (with the first TeX error
 * line of the log) when the document does not compile.
 */
export function compilePdf(texPath: string, pdflatex = "pdflatex"): string {
  if (!texPath.endsWith(".tex") || !existsSync(texPath))
    throw new QgeomError("INVALID_ARGUMENT", `compilePdf: ${excerpt(texPath)} is not an existing .tex file; pass the texPath that writeDocument returned`);
  const cwd = dirname(texPath);
  const name = basename(texPath);
  for (let pass = 0; pass < 2; pass++) {
    const r = spawnSync(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", name], { cwd, encoding: "utf8", timeout: 120_000 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
      throw new QgeomError(
        "UNSUPPORTED",
        `pdflatex was not found on PATH (${excerpt(pdflatex)}); install TeX Live (e.g. apt-get install texlive-latex-base texlive-latex-extra) or remove --pdf`,
      );
    if (r.status !== 0) {
      const logPath = join(cwd, name.replace(/\.tex$/, ".log"));
      const log = existsSync(logPath) ? readFileSync(logPath, "latin1") : `${r.stdout ?? ""}${r.stderr ?? ""}`;
      const first = log.split("\n").find((l) => l.startsWith("!")) ?? `exit status ${r.status}`;
      throw new QgeomError("INVALID_ARGUMENT", `pdflatex failed on ${name}: ${excerpt(first, 120)}; see ${logPath} and check the document's custom macros`);
    }
  }
  return texPath.replace(/\.tex$/, ".pdf");
}
