// `qgeom batch`: JSON Lines in ({"argv": [...]}), one JSON result line out per input line; one process for many requests.
import type { Command } from "../command.js";

export const batchCommand: Command = {
  name: "batch",
  summary: "run many commands in one process: JSON Lines {\"argv\": [...]} on stdin, one JSON line out each",
  usage: "qgeom batch < requests.jsonl",
  example: `echo '{"argv": ["eval", "x^2", "--at", "x=3"]}' | qgeom batch`,
  async run(_args, ctx) {
    const { main } = await import("../main.js");
    const input = await ctx.readStdin();
    const out: string[] = [];
    for (const line of input.split("\n")) {
      if (line.trim() === "") continue;
      let argv: unknown;
      try {
        argv = (JSON.parse(line) as { argv?: unknown }).argv;
      } catch {
        out.push(JSON.stringify({ error: { code: "CLI_USAGE", message: `not a JSON object: ${line.slice(0, 60)}` } }));
        continue;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string")) {
        out.push(JSON.stringify({ error: { code: "CLI_USAGE", message: `"argv" must be an array of strings` } }));
        continue;
      }
      if (argv[0] === "batch") {
        out.push(JSON.stringify({ error: { code: "CLI_USAGE", message: "batch cannot be nested" } }));
        continue;
      }
      let captured = "";
      const args = argv.includes("--json") ? argv : [...argv, "--json"];
      await main(args, { stdout: (s) => (captured += s), stderr: () => {}, readStdin: async () => "" });
      out.push(captured.trim().split("\n").pop() ?? "{}");
    }
    return { json: {}, text: "", raw: out.join("\n") };
  },
};
