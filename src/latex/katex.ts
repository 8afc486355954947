// KaTeX rendering, strict: every string qgeom prints must render with strict "error" and throwOnError,
// so a formula that KaTeX would only warn about (or render in red) is a bug here, not in the page.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import katex from "katex";
import { QgeomError, excerpt } from "../core/errors.js";

/** Options of renderKatex. */
export interface KatexRenderOptions {
  /** Display mode (a centred block; needed for align* and other environments). Default false. */
  display?: boolean;
  /** "html" (default, smaller) or "htmlAndMathml" (adds MathML for screen readers). */
  output?: "html" | "htmlAndMathml";
}

/**
 * Renders LaTeX to HTML with KaTeX (server side), strict: throws a QgeomError (code PARSE) with
 * KaTeX's message for anything KaTeX rejects or would warn about.
 */
export function renderKatex(latex: string, options: KatexRenderOptions = {}): string {
  try {
    return katex.renderToString(latex, {
      displayMode: options.display ?? false,
      output: options.output ?? "htmlAndMathml",
      strict: "error",
      throwOnError: true,
      trust: false,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new QgeomError("PARSE", `KaTeX rejects ${excerpt(latex, 60)}: ${msg}; check the LaTeX (balanced braces, known macros)`);
  }
}

/** Throws (like renderKatex) unless the LaTeX renders under KaTeX with strict "error". */
export function assertKatex(latex: string, options: KatexRenderOptions = {}): void {
  renderKatex(latex, options);
}

/** The directory of the installed KaTeX distribution (katex.min.css and fonts/). */
export function katexDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("katex/package.json")), "dist");
}
