// `qgeom --help` lists every command with a one-line summary; `qgeom <cmd> --help` shows its usage and an
// example; every example in the help runs and succeeds (so the help cannot advertise a broken command line).
import { describe, expect, it } from "vitest";
import { qgeomCommand } from "../../docs/guide/build.js";
import { suggest } from "../../src/cli/main.js";
import { commands } from "../../src/cli/registry.js";
import { runCli } from "../helpers/cli.js";

describe("qgeom --help", () => {
  it("lists every registered command with a one-line summary", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of commands) {
      const line = r.out.split("\n").find((l) => l.trimStart().startsWith(c.name + " "));
      expect(line, c.name).toBeDefined();
      expect(line).toContain(c.summary);
      expect(c.summary.length, c.name).toBeGreaterThan(10);
      expect(c.summary, c.name).not.toContain("\n");
    }
  });
});

describe.each(commands.map((c) => [c.name, c] as const))("qgeom %s", (name, c) => {
  it("--help shows the usage and an example of this very command", async () => {
    const r = await runCli([...name.split(" "), "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`usage: ${c.usage}`);
    expect(r.out).toContain("example:");
    expect(c.example).toContain(`qgeom ${name}`);
  });
  it("its example runs and exits 0", async () => {
    const { argv, stdin } = qgeomCommand(c.example, `help example of ${name}`);
    const r = await runCli(argv, stdin);
    expect(r.err, c.example).toBe("");
    expect(r.code, c.example).toBe(0);
    expect(r.out.length).toBeGreaterThan(0);
  });
});

describe("unknown commands", () => {
  it.each([
    ["hesian", "hessian"],
    ["simplfy", "simplify"],
    ["wish", "wishart"],
    ["modular flo", "modular flow"],
  ])("%s suggests %s", (typo, want) => {
    expect(suggest(typo)).toBe(want);
  });
  it("a word far from every command gets no suggestion, only the pointer to --help", async () => {
    expect(suggest("photosynthesis")).toBeNull();
    const r = await runCli(["photosynthesis"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("qgeom --help");
    expect(r.err).not.toContain("did you mean");
  });
});
