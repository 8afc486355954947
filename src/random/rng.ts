// Seeded generator: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47 (2021)), state seeded by SplitMix64 (Steele, Lea & Flood, OOPSLA 2014)
// as its authors recommend. 64-bit words are held as (hi, lo) uint32 pairs so the hot path uses
// only 32-bit integer arithmetic; BigInt appears only in seeding and state import/export.
import { QgeomError, excerpt } from "../core/errors.js";

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 step: returns [next state, output]. */
function splitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [s, z ^ (z >> 31n)];
}

function toSeed(seed: number | bigint): bigint {
  if (typeof seed === "bigint") {
    if (seed < 0n) throw new QgeomError("INVALID_ARGUMENT", `seed must be a non-negative integer, got ${seed}; pass e.g. new Rng(42)`);
    return seed & MASK64;
  }
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `seed must be a non-negative safe integer or a bigint, got ${excerpt(seed)}; pass e.g. new Rng(42)`,
    );
  }
  return BigInt(seed);
}

/**
 * Seeded pseudo-random generator (xoshiro256**, period 2²⁵⁶ − 1). The same seed always gives the
 * same stream. Every sampler of `qgeom/random` takes an `Rng` explicitly.
 */
export class Rng {
  /** s0..s3 as [hi, lo] pairs. */
  private readonly s = new Uint32Array(8);

  /** Seeds the four state words with SplitMix64 applied to `seed` (a non-negative integer). */
  constructor(seed: number | bigint) {
    let st = toSeed(seed);
    const words: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix64(st);
      st = next;
      words.push(out);
    }
    this.setState(words);
  }

  /** A generator with the given raw 64-bit state words (not all zero). */
  static fromState(state: readonly bigint[]): Rng {
    const r = new Rng(0);
    r.setState(state);
    return r;
  }

  private setState(words: readonly bigint[]): void {
    if (words.length !== 4 || words.some((w) => typeof w !== "bigint" || w < 0n || w > MASK64) || words.every((w) => w === 0n)) {
      throw new QgeomError("INVALID_ARGUMENT", `Rng state must be four 64-bit unsigned bigints, not all zero; pass a state taken from rng.state()`);
    }
    for (let i = 0; i < 4; i++) {
      this.s[2 * i] = Number(words[i]! >> 32n);
      this.s[2 * i + 1] = Number(words[i]! & 0xffffffffn);
    }
  }

  /** The current state as four 64-bit words (for checkpointing with {@link Rng.fromState}). */
  state(): bigint[] {
    const out: bigint[] = [];
    for (let i = 0; i < 4; i++) out.push((BigInt(this.s[2 * i]!) << 32n) | BigInt(this.s[2 * i + 1]!));
    return out;
  }

  /** An independent copy that continues the same stream. */
  clone(): Rng {
    return Rng.fromState(this.state());
  }

  /**
   * A new generator for a sub-task, seeded by SplitMix64 from the next 64-bit output of this one
   * (advances this stream by one step). Repeated splits give distinct, reproducible streams.
   */
  split(): Rng {
    return new Rng(this.nextUint64());
  }

  // Advances the state; leaves the 64-bit output in outHi/outLo.
  private outHi = 0;
  private outLo = 0;
  private step(): void {
    const s = this.s;
    const s1h = s[2]!, s1l = s[3]!;
    // result = rotl(s1 * 5, 7) * 9
    let lo = s1l * 5;
    let hi = (s1h * 5 + Math.floor(lo / 4294967296)) >>> 0;
    lo = lo >>> 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    lo = rl * 9;
    hi = (rh * 9 + Math.floor(lo / 4294967296)) >>> 0;
    this.outHi = hi;
    this.outLo = lo >>> 0;
    // t = s1 << 17
    const th = ((s1h << 17) | (s1l >>> 15)) >>> 0;
    const tl = (s1l << 17) >>> 0;
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    s[4] = s[4]! ^ s[0]!; s[5] = s[5]! ^ s[1]!;
    s[6] = s[6]! ^ s1h; s[7] = s[7]! ^ s1l;
    s[2] = s1h ^ s[4]!; s[3] = s1l ^ s[5]!;
    s[0] = s[0]! ^ s[6]!; s[1] = s[1]! ^ s[7]!;
    s[4] = s[4]! ^ th; s[5] = s[5]! ^ tl;
    // rotl 45 = swap halves, then rotl 13
    const h3 = s[7]!, l3 = s[6]!;
    s[6] = ((h3 << 13) | (l3 >>> 19)) >>> 0;
    s[7] = ((l3 << 13) | (h3 >>> 19)) >>> 0;
  }

  /** Next raw 64-bit output as a bigint. */
  nextUint64(): bigint {
    this.step();
    return (BigInt(this.outHi) << 32n) | BigInt(this.outLo);
  }

  /** Next 32-bit unsigned integer (the high half of the 64-bit output). */
  nextUint32(): number {
    this.step();
    return this.outHi;
  }

  /** Uniform double in [0, 1) with 53 random bits: (x >> 11) · 2⁻⁵³. */
  random(): number {
    this.step();
    return (this.outHi * 2097152 + (this.outLo >>> 11)) * 1.1102230246251565e-16;
  }

  /** Uniform double in (0, 1]: 1 − random(); safe as an argument of log. */
  randomOpen0(): number {
    return 1 - this.random();
  }

  /** Uniform integer in [0, n) without modulo bias (n ≤ 2³²). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new QgeomError("INVALID_ARGUMENT", `Rng.int: n must be an integer in [1, 2^32], got ${excerpt(n)}; pass a whole number in that range`);
    }
    // rejection sampling: accept x < the largest multiple of n below 2³², then x mod n
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}
