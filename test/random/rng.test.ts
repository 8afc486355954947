import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/index.js";
import { fixture, qgeomError } from "../helpers/matrix.js";

const ref = fixture("random/xoshiro256.json").cases as { seed?: string; state: string[]; outputs: string[] }[];

describe("Rng = xoshiro256** seeded by SplitMix64", () => {
  it("matches the reference algorithm from state (1, 2, 3, 4) (first outputs 11520, 0, 1509978240, …)", () => {
    const r = Rng.fromState([1n, 2n, 3n, 4n]);
    const out = ref[0]!.outputs.map(() => r.nextUint64().toString());
    expect(out).toEqual(ref[0]!.outputs);
    expect(out.slice(0, 3)).toEqual(["11520", "0", "1509978240"]);
  });

  for (const c of ref.slice(1)) {
    it(`seed ${c.seed}: SplitMix64 state and first outputs match the Python reference`, () => {
      const r = new Rng(BigInt(c.seed!));
      expect(r.state().map(String)).toEqual(c.state);
      expect(c.outputs.map(() => r.nextUint64().toString())).toEqual(c.outputs);
      if (BigInt(c.seed!) <= BigInt(Number.MAX_SAFE_INTEGER)) {
        expect(new Rng(Number(c.seed)).state().map(String)).toEqual(c.state);
      }
    });
  }

  it("random() = (x >> 11) · 2⁻⁵³ of the 64-bit output, in [0, 1); nextUint32 is the high half", () => {
    const a = new Rng(7), b = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const x = b.nextUint64();
      const u = a.random();
      expect(u).toBe(Number(x >> 11n) / 2 ** 53);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
    const c = new Rng(9), d = new Rng(9);
    for (let i = 0; i < 100; i++) expect(c.nextUint32()).toBe(Number(d.nextUint64() >> 32n));
  });

  it("same seed gives the same stream; clone continues it; split gives distinct reproducible streams", () => {
    const s1 = Array.from({ length: 5 }, ((r) => () => r.random())(new Rng(123)));
    const s2 = Array.from({ length: 5 }, ((r) => () => r.random())(new Rng(123)));
    expect(s1).toEqual(s2);
    expect(new Rng(124).random()).not.toBe(s1[0]);
    const r = new Rng(5);
    r.random();
    const c = r.clone();
    expect(c.random()).toBe(r.random());
    const p1 = new Rng(11), p2 = new Rng(11);
    const c1 = p1.split(), c2 = p2.split();
    const x1 = [c1.random(), c1.random()], x2 = [c2.random(), c2.random()];
    expect(x1).toEqual(x2);
    expect(p1.random()).toBe(p2.random());
    const sib = p1.split();
    expect(sib.random()).not.toBe(x1[0]);
    // state round trip
    const st = r.state();
    expect(Rng.fromState(st).random()).toBe(r.random());
  });

  it("int(n) is in range and uniform (counts within 5 standard errors)", () => {
    const r = new Rng(2026);
    const n = 7, N = 70_000;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < N; i++) {
      const k = r.int(n);
      expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      counts[k]!++;
    }
    const p = 1 / n, se = Math.sqrt((N * p * (1 - p)));
    for (const c of counts) expect(Math.abs(c - N * p)).toBeLessThan(5 * se);
  });

  it("rejects bad seeds and states", () => {
    for (const s of [-1, 1.5, NaN, 2 ** 60, "1" as unknown as number, -1n]) {
      expect(qgeomError(() => new Rng(s as number)).code).toBe("INVALID_ARGUMENT");
    }
    expect(qgeomError(() => Rng.fromState([0n, 0n, 0n, 0n])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => Rng.fromState([1n, 2n])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => new Rng(1).int(0)).code).toBe("INVALID_ARGUMENT");
  });
});
