// CLI: qgeom rbm free-energy / rbm logz, qgeom rg decimate, qgeom cone ma.
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { runCli } from "../helpers/cli.js";

const W = "[[1,-1],[0.5,2]]", a = "[0.1,0.2]", c = "[0,-0.3]";
const model = bz.rbm({ W: [[1, -1], [0.5, 2]], a: [0.1, 0.2], c: [0, -0.3] });

describe("qgeom rbm", () => {
  it("free-energy --json prints {value} equal to the library", async () => {
    const r = await runCli(["rbm", "free-energy", "--W", W, "--a", a, "--c", c, "--v", "[1,0]", "--T", "0.5", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ value: bz.freeEnergy(model, [1, 0], { T: 0.5 }) });
  });
  it("free-energy accepts several vectors and Gaussian kinds", async () => {
    const r = await runCli(["rbm", "free-energy", "--W", W, "--a", a, "--c", c, "--v", "[[1,0],[0,1]]", "--json"]);
    expect(JSON.parse(r.out).values).toEqual([bz.freeEnergy(model, [1, 0]), bz.freeEnergy(model, [0, 1])]);
    const g = await runCli(["rbm", "free-energy", "--W", W, "--a", a, "--c", c, "--v", "[0.3,-1.2]", "--kind", "gb"]);
    expect(Number(g.out)).toBe(bz.freeEnergy(bz.rbm({ W: [[1, -1], [0.5, 2]], a: [0.1, 0.2], c: [0, -0.3], kind: "gaussian-bernoulli" }), [0.3, -1.2]));
  });
  it("logz --json prints {value}", async () => {
    const r = await runCli(["rbm", "logz", "--W", W, "--a", a, "--c", c, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ value: bz.logPartition(model) });
  });
  it("bad input: non-binary v, wrong shapes, too large, ‖W‖₂ ≥ 1 for gg", async () => {
    const nb = await runCli(["rbm", "free-energy", "--W", W, "--a", a, "--c", c, "--v", "[1,0.5]", "--json"]);
    expect(nb.code).toBe(1);
    expect(JSON.parse(nb.out).error).toMatchObject({ code: "DOMAIN" });
    expect(JSON.parse(nb.out).error.message).toMatch(/not binary/);
    const sh = await runCli(["rbm", "logz", "--W", W, "--a", "[1,2,3]", "--c", c, "--json"]);
    expect(JSON.parse(sh.out).error.code).toBe("SHAPE");
    const big = JSON.stringify(Array.from({ length: 15 }, () => new Array(6).fill(0.1)));
    const tl = await runCli(["rbm", "logz", "--W", big, "--a", JSON.stringify(new Array(15).fill(0)), "--c", JSON.stringify(new Array(6).fill(0)), "--json"]);
    expect(JSON.parse(tl.out).error.code).toBe("SIZE_LIMIT");
    expect(JSON.parse(tl.out).error.message).toMatch(/≤ 20/);
    const gg = await runCli(["rbm", "logz", "--W", "[[1.5]]", "--a", "[0]", "--c", "[0]", "--kind", "gg", "--json"]);
    expect(JSON.parse(gg.out).error.message).toMatch(/not normalisable/);
    const kind = await runCli(["rbm", "logz", "--W", W, "--a", a, "--c", c, "--kind", "xx"]);
    expect(kind.code).toBe(2);
  });
});

describe("qgeom rg decimate", () => {
  it("returns K/K_ff, the constant and the index sets", async () => {
    const r = await runCli(["rg", "decimate", "--K", "[[2,-1,0],[-1,2,-1],[0,-1,2]]", "--keep", "0,2", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.keep).toEqual([0, 2]);
    expect(j.integrated).toEqual([1]);
    expect(j.K[0][0]).toBeCloseTo(1.5, 14);
    expect(j.K[0][1]).toBeCloseTo(-0.5, 14);
    expect(j.constant).toBeCloseTo(0.5 * Math.log(2) - 0.5 * Math.log(2 * Math.PI), 14);
    const t = await runCli(["rg", "decimate", "--K", "[[2,-1,0],[-1,2,-1],[0,-1,2]]", "--keep", "0,2"]);
    expect(t.out).toContain("constant:");
  });
  it("rejects bad --keep and non-positive-definite K", async () => {
    expect((await runCli(["rg", "decimate", "--K", "[[2,0],[0,2]]", "--keep", "a"])).code).toBe(2);
    const r = await runCli(["rg", "decimate", "--K", "[[1,2],[2,1]]", "--keep", "0", "--json"]);
    expect(JSON.parse(r.out).error.code).toBe("NOT_POSITIVE_DEFINITE");
  });
});

describe("qgeom cone ma", () => {
  it("p = 2 real UT: c = 27/pi^2, proved symbolically", async () => {
    const r = await runCli(["cone", "ma", "--p", "2", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.constant.expr).toBe("27/pi^2");
    expect(j.value).toBeCloseTo(27 / Math.PI ** 2, 14);
    expect(j.method).toBe("symbolic");
    expect(j.certificate.verdict).toBe("proved");
  });
  it("complex and F coordinates; larger p checked exactly at rational points and numerically", async () => {
    const c = JSON.parse((await runCli(["cone", "ma", "--p", "2", "--complex", "--coords", "f", "--json"])).out);
    expect(c.constant.expr).toBe("4/pi^2");
    const f3 = JSON.parse((await runCli(["cone", "ma", "--p", "3", "--coords", "f", "--json"])).out);
    expect(f3.constant.expr).toBe("32/pi^4");
    expect(f3.route).toBe("chain-rule");
    const big = JSON.parse((await runCli(["cone", "ma", "--p", "4", "--json"])).out);
    expect(big.method).toBe("numeric");
    expect(big.exactAtRationalPoints).toBe(true);
    expect(big.relativeError).toBeLessThan(1e-10);
    const text = await runCli(["cone", "ma", "--p", "3", "--complex"]);
    expect(text.out).toContain("314928/pi^6");
    expect((await runCli(["cone", "ma", "--p", "2", "--coords", "vech"])).code).toBe(2);
  });
});
