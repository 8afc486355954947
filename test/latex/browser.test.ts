// The HTML page in headless Chromium, offline: every formula is laid out by the browser with KaTeX's
// local fonts, none is a KaTeX error; the page's screenshot is docs/latex-sample.png (README).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeDocument } from "../../src/index.js";
import { sampleDocument } from "./sample-document.js";
import { assertFound, findProgram, skipWithout } from "./tools.js";

const chromium = findProgram("chromium", "chromium-browser", "google-chrome");
const skip = skipWithout("headless Chromium", chromium, "chromium");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs Chromium headless and offline on a page, with a fresh profile. */
function headless(page: string, extra: string[]): string {
  assertFound(chromium, "chromium");
  const profile = mkdtempSync(join(tmpdir(), "qgeom-chromium-"));
  dirs.push(profile);
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${profile}`,
    "--host-resolver-rules=MAP * ~NOTFOUND", // no network, even by mistake
    "--virtual-time-budget=5000",
    ...extra,
    pathToFileURL(page).href,
  ];
  const r = spawnSync(chromium, args, { encoding: "utf8", timeout: 90_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`chromium exited with ${r.status}: ${r.stderr.slice(-500)}`);
  return r.stdout;
}

// Appended to a copy of the page: counts what the browser laid out once the fonts are ready.
const CHECK = `<script>
addEventListener("load", () => document.fonts.ready.then(() => {
  const ks = [...document.querySelectorAll(".katex")];
  const out = {
    katex: ks.length,
    laidOut: ks.filter((k) => k.getBoundingClientRect().width > 0 && k.getBoundingClientRect().height > 0).length,
    errors: document.querySelectorAll(".katex-error").length,
    fonts: [...document.fonts].filter((f) => f.status === "loaded" && f.family.startsWith("KaTeX")).map((f) => f.family),
  };
  const pre = document.createElement("pre");
  pre.id = "qgeom-check";
  pre.textContent = JSON.stringify(out);
  document.body.append(pre);
}));
</script>`;

describe("HTML in headless Chromium", () => {
  it.skipIf(skip)("shows every formula rendered with KaTeX's local fonts, and takes a screenshot (docs/latex-sample.png with QGEOM_UPDATE_SCREENSHOT=1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "qgeom-html-"));
    dirs.push(dir);
    const w = writeDocument(sampleDocument(), dir, "sample");
    const check = join(dir, "sample-check.html");
    writeFileSync(check, readFileSync(w.htmlPath, "utf8").replace("</body>", `${CHECK}</body>`));

    const dom = headless(check, ["--dump-dom"]);
    const m = /<pre id="qgeom-check">([^<]*)<\/pre>/.exec(dom);
    expect(m, "the check script did not run").not.toBeNull();
    const result = JSON.parse(m![1]!.replace(/&quot;/g, '"')) as { katex: number; laidOut: number; errors: number; fonts: string[] };
    expect(result.errors).toBe(0);
    expect(result.katex).toBe(w.formulas);
    expect(result.laidOut).toBe(w.formulas);
    expect(result.fonts).toContain("KaTeX_Main");
    expect(result.fonts).toContain("KaTeX_Math");

    // the README's screenshot is refreshed only on request (QGEOM_UPDATE_SCREENSHOT=1), so tests leave the tree clean
    const docs = process.env.QGEOM_UPDATE_SCREENSHOT ? fileURLToPath(new URL("../../docs/", import.meta.url)) : dir;
    mkdirSync(docs, { recursive: true });
    const png = join(docs, "latex-sample.png");
    headless(w.htmlPath, ["--hide-scrollbars", "--window-size=900,1700", `--screenshot=${png}`]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(statSync(png).size).toBeGreaterThan(30_000);
  });
});
