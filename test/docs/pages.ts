// Registers one test per runnable block of a documentation page (the convention is described at the top
// of docs/guide/build.ts): a ts block must print exactly the text block that follows it, a console
// transcript must show exactly what the CLI prints, and `ts test` blocks run as tests of their own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, normalise, runConsole, runTs, runnables, writeBlock } from "../../docs/guide/build.js";

const HINT = "the page shows a different output than the code prints; review, then run `npx tsx docs/guide/build.ts` to regenerate";

export async function describePage(file: string): Promise<void> {
  const rel = path.relative(ROOT, file);
  const label = path.basename(file, ".md");
  const markdown = readFileSync(file, "utf8");
  const blocks = runnables(markdown);
  for (const b of blocks) {
    const line = b.fence.open + 1;
    if (b.kind === "test") {
      // imported while collecting, so the block's describe/it register as tests of this file
      const url = pathToFileURL(writeBlock(b.fence.body, `${label}-${line}`)).href;
      await describe(`${rel}:${line} (ts test block)`, async () => {
        await import(url);
      });
    } else if (b.kind === "ts") {
      it(`${rel}:${line} prints what the page shows`, async () => {
        const printed = normalise(await runTs(b.fence.body, `${label}-${line}`));
        const shown = b.output ? normalise(b.output.body) : "";
        expect(printed, `${rel}:${line}: ${HINT}`).toBe(shown);
      });
    } else {
      for (const c of b.commands) {
        it(`${rel}:${c.line} $ ${c.source.slice(0, 60)}`, async () => {
          const { text } = await runConsole(c);
          expect(normalise(text), `${rel}:${c.line}: ${HINT}`).toBe(normalise(c.expected));
        });
      }
    }
  }
}

export function runnableCount(file: string): number {
  return runnables(readFileSync(file, "utf8")).length;
}
