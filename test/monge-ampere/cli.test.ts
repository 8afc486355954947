// qgeom ma and qgeom brenier: output contract, --json shapes, errors.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("qgeom ma", () => {
  it("prints det D²φ in closed form", async () => {
    const r = await runCli(["ma", "-log(a*c-b^2)", "--vars", "a,b,c", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.expr).toBe("2/(a*c - b^2)^3");
    expect(j.value).toBeUndefined();
  });
  it("--at adds the value; text mode prints expression and value", async () => {
    const r = await runCli(["ma", "x^2 + x*y + exp(y)", "--vars", "x,y", "--at", "x=1,y=0", "--json"]);
    const j = JSON.parse(r.out);
    expect(j.expr).toBe("2*exp(y) - 1");
    expect(j.value).toBeCloseTo(1, 14);
    const t = await runCli(["ma", "x^2 + x*y + exp(y)", "--vars", "x,y", "--at", "x=1,y=0"]);
    expect(t.out.trim().split("\n")).toEqual(["2*exp(y) - 1", "1"]);
  });
  it("defaults --vars to the free symbols in sorted order", async () => {
    const r = await runCli(["ma", "exp(y) + x^4", "--json"]);
    expect(JSON.parse(r.out).expr).toBe("12*x^2*exp(y)");
  });
  it("a Hessian singular at the requested point is a SINGULAR error (exit 1), not NaN", async () => {
    const r = await runCli(["ma", "log(exp(x)+exp(y))", "--vars", "x,y", "--at", "x=0,y=1", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe("SINGULAR");
    expect(r.err).toMatch(/singular at \(x=0, y=1\)/);
  });
  it("outside the domain, missing coordinates, usage errors", async () => {
    expect(JSON.parse((await runCli(["ma", "-log(x)", "--at", "x=-2", "--json"])).out).error.code).toBe("DOMAIN");
    expect(JSON.parse((await runCli(["ma", "x^2+y^2", "--at", "x=1", "--json"])).out).error.code).toBe("UNKNOWN_VARIABLE");
    const u = await runCli(["ma", "--json"]);
    expect(u.code).toBe(2);
  });
});

describe("qgeom brenier", () => {
  const base = ["brenier", "--m1", "[0,0]", "--S1", "[[1,0],[0,1]]", "--m2", "[1,2]", "--S2", "[[2,1],[1,2]]"];
  it("prints {A, b, w2sq} with T(x) = A x + b, b = m2 − A m1", async () => {
    const r = await runCli([...base, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(["A", "b", "w2sq"]);
    // A = sqrt([[2,1],[1,2]]) = [[(√3+1)/2, (√3−1)/2], ...]
    expect(j.A[0][0]).toBeCloseTo((Math.sqrt(3) + 1) / 2, 12);
    expect(j.A[0][1]).toBeCloseTo((Math.sqrt(3) - 1) / 2, 12);
    expect(j.b).toEqual([1, 2]);
    expect(j.w2sq).toBeCloseTo(5 + 2 + 4 - 2 * (Math.sqrt(3) + 1), 12);
    const t = await runCli(base);
    expect(t.out).toMatch(/T\(x\) = A x \+ b {3}\(b = m2 - A m1\)/);
  });
  it("b = m2 − A m1 for a non-zero source mean", async () => {
    const r = await runCli(["brenier", "--m1", "[1]", "--S1", "[[4]]", "--m2", "[3]", "--S2", "[[9]]", "--json"]);
    expect(JSON.parse(r.out)).toEqual({ A: [[1.5]], b: [1.5], w2sq: 5 });
  });
  it("bad input: non-SPD, mismatched dimensions, malformed JSON, missing flags", async () => {
    const nonSpd = JSON.parse((await runCli(["brenier", "--m1", "[0,0]", "--S1", "[[1,2],[2,1]]", "--m2", "[0,0]", "--S2", "[[1,0],[0,1]]", "--json"])).out);
    expect(nonSpd.error.code).toBe("NOT_POSITIVE_DEFINITE");
    expect(nonSpd.error.message).toMatch(/^S1 .*pivot 2/);
    const dims = JSON.parse((await runCli(["brenier", "--m1", "[0,0,0]", "--S1", "[[1,0],[0,1]]", "--m2", "[0,0]", "--S2", "[[1,0],[0,1]]", "--json"])).out);
    expect(dims.error.code).toBe("SHAPE");
    const bad = await runCli(["brenier", "--m1", "[0,", "--S1", "[[1]]", "--m2", "[0]", "--S2", "[[1]]", "--json"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.message).toMatch(/--m1 must be a JSON vector/);
    expect((await runCli(["brenier", "--m1", "[0]", "--json"])).code).toBe(2);
  });
});
