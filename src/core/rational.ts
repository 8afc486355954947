// Exact rationals p/q (q > 0, gcd(p, q) = 1). Small values (|p|, q < 2^26) are held as JS numbers so
// that sums and products of two of them stay below 2^53 and need no BigInt; larger ones use BigInt.
import { QgeomError } from "./errors.js";

const SMALL = 1 << 26;

function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/**
 * An exact rational number p/q in lowest terms with q > 0. Immutable; every operation returns a new
 * (reduced) value. Values with |p|, q < 2^26 are held as JS numbers (fast path), larger ones as BigInt.
 */
export class Rational {
  /** Numerator and denominator when small (sd > 0); otherwise sd === 0 and the BigInt fields hold the value. */
  private constructor(
    /** Numerator p as a number when the value is small (|p| < 2^26); meaningless when `sd` is 0. */
    readonly sn: number,
    /** Denominator q as a number when the value is small (0 < q < 2^26); 0 marks a large value held in BigInts. */
    readonly sd: number,
    private readonly bn: bigint,
    private readonly bd: bigint,
  ) {}

  /** 0. */
  static readonly ZERO = new Rational(0, 1, 0n, 1n);
  /** 1. */
  static readonly ONE = new Rational(1, 1, 1n, 1n);
  /** −1. */
  static readonly MINUS_ONE = new Rational(-1, 1, -1n, 1n);
  /** 2. */
  static readonly TWO = new Rational(2, 1, 2n, 1n);
  /** 1/2. */
  static readonly HALF = new Rational(1, 2, 1n, 2n);

  /** From a reduced small pair (internal). */
  private static small(n: number, d: number): Rational {
    if (d === 1) {
      if (n === 0) return Rational.ZERO;
      if (n === 1) return Rational.ONE;
      if (n === -1) return Rational.MINUS_ONE;
    }
    return new Rational(n, d, 0n, 0n);
  }

  /** Builds n/d from numbers that are exact integers with |n|, |d| < 2^53 (reduces; d != 0). */
  private static fromNums(n: number, d: number): Rational {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const g = gcdNum(n, d);
    if (g !== 1) {
      n /= g;
      d /= g;
    }
    if (Math.abs(n) < SMALL && d < SMALL) return Rational.small(n, d);
    return Rational.fromBig(BigInt(n), BigInt(d));
  }

  /** n/d for BigInts (reduces; throws on d = 0). */
  static fromBig(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new QgeomError("DIVISION_BY_ZERO", `division by zero in an exact rational; check the denominator is non-zero`);
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcdBig(n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
    const an = absBig(n);
    if (an < BigInt(SMALL) && d < BigInt(SMALL)) return Rational.small(Number(n), Number(d));
    return new Rational(0, 0, n, d);
  }

  /** An integer. */
  static int(n: number | bigint): Rational {
    if (typeof n === "bigint") return Rational.fromBig(n, 1n);
    if (!Number.isSafeInteger(n)) {
      if (Number.isInteger(n)) return Rational.fromBig(BigInt(n), 1n);
      throw new QgeomError("INVALID_ARGUMENT", `not an integer: ${n}; pass an integer (a whole number)`);
    }
    return Rational.fromNums(n, 1);
  }

  /** n/d for integers given as numbers or BigInts. */
  static of(n: number | bigint, d: number | bigint = 1): Rational {
    if (typeof n === "number" && typeof d === "number" && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
      if (d === 0) throw new QgeomError("DIVISION_BY_ZERO", `division by zero in an exact rational; check the denominator is non-zero`);
      return Rational.fromNums(n, d);
    }
    return Rational.fromBig(BigInt(n), BigInt(d));
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromDouble(x: number): Rational {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `not a finite number: ${x}; pass a finite number`);
    if (Number.isInteger(x)) return Rational.int(x);
    let d = 1n;
    let m = x;
    while (!Number.isInteger(m)) {
      m *= 2;
      d *= 2n;
    }
    return Rational.fromBig(BigInt(m), d);
  }

  /**
   * Parses a decimal or fraction literal exactly: "3", "-0.125", "1e-3", "2.5E+4", "7/3".
   * Returns null when the text is not such a literal.
   */
  static parse(text: string): Rational | null {
    const t = text.trim();
    const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(t);
    if (frac) return frac[2] === "0" || /^0+$/.test(frac[2]!) ? null : Rational.fromBig(BigInt(frac[1]!), BigInt(frac[2]!));
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
    const sign = m[1] === "-" ? -1n : 1n;
    const intPart = m[2] || "0";
    const fracPart = m[3] ?? "";
    const exp = m[4] !== undefined ? Number(m[4]) : 0;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 100000) return null;
    let num = BigInt(intPart + fracPart) * sign;
    let den = 10n ** BigInt(fracPart.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.fromBig(num, den);
  }

  /** The numerator p (sign carrier) of p/q in lowest terms. */
  get num(): bigint {
    return this.sd !== 0 ? BigInt(this.sn) : this.bn;
  }
  /** The denominator q > 0 of p/q in lowest terms. */
  get den(): bigint {
    return this.sd !== 0 ? BigInt(this.sd) : this.bd;
  }
  /** True if |p|, q < 2^26 (held as numbers: sums and products of two such values are exact in float64). */
  get isSmall(): boolean {
    return this.sd !== 0;
  }
  /** True if this = 0. */
  isZero(): boolean {
    return this.sd !== 0 && this.sn === 0;
  }
  /** True if this = 1. */
  isOne(): boolean {
    return this.sd === 1 && this.sn === 1;
  }
  /** True if this = −1. */
  isMinusOne(): boolean {
    return this.sd === 1 && this.sn === -1;
  }
  /** True if q = 1. */
  isInteger(): boolean {
    return this.sd !== 0 ? this.sd === 1 : this.bd === 1n;
  }
  /** −1, 0 or 1. */
  sign(): number {
    return this.sd !== 0 ? Math.sign(this.sn) : this.bn < 0n ? -1 : 1;
  }
  /** True if this < 0. */
  isNegative(): boolean {
    return this.sign() < 0;
  }
  /** True if this > 0. */
  isPositive(): boolean {
    return this.sign() > 0;
  }

  /** this + o. */
  add(o: Rational): Rational {
    if (this.sd !== 0 && o.sd !== 0) {
      if (this.sd === o.sd) return Rational.fromNums(this.sn + o.sn, this.sd);
      return Rational.fromNums(this.sn * o.sd + o.sn * this.sd, this.sd * o.sd);
    }
    return Rational.fromBig(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  /** this − o. */
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  /** this · o. */
  mul(o: Rational): Rational {
    if (this.sd !== 0 && o.sd !== 0) return Rational.fromNums(this.sn * o.sn, this.sd * o.sd);
    return Rational.fromBig(this.num * o.num, this.den * o.den);
  }
  /** this / o; throws DIVISION_BY_ZERO when o = 0. */
  div(o: Rational): Rational {
    if (o.isZero()) throw new QgeomError("DIVISION_BY_ZERO", `division by zero in an exact rational; check the divisor is non-zero`);
    return this.mul(o.inv());
  }
  /** −this. */
  neg(): Rational {
    if (this.sd !== 0) return Rational.small(-this.sn, this.sd);
    return new Rational(0, 0, -this.bn, this.bd);
  }
  /** 1/this; throws DIVISION_BY_ZERO when this = 0. */
  inv(): Rational {
    if (this.isZero()) throw new QgeomError("DIVISION_BY_ZERO", `division by zero: 1/0; check the value is non-zero before inverting`);
    if (this.sd !== 0) return this.sn < 0 ? Rational.small(-this.sd, -this.sn) : Rational.small(this.sd, this.sn);
    return this.bn < 0n ? new Rational(0, 0, -this.bd, -this.bn) : new Rational(0, 0, this.bd, this.bn);
  }
  /** |this|. */
  abs(): Rational {
    return this.isNegative() ? this.neg() : this;
  }
  /** this^k for an integer k (k < 0 needs this != 0). */
  pow(k: number): Rational {
    if (!Number.isSafeInteger(k)) throw new QgeomError("INVALID_ARGUMENT", `exponent must be an integer, got ${k}; use an integer exponent`);
    if (k === 0) return Rational.ONE;
    if (k < 0) return this.inv().pow(-k);
    if (this.sd !== 0 && k <= 3) {
      const n = this.sn ** k;
      const d = this.sd ** k;
      if (Math.abs(n) < 2 ** 53 && d < 2 ** 53) return Rational.fromNums(n, d);
    }
    const K = BigInt(k);
    return Rational.fromBig(this.num ** K, this.den ** K);
  }
  /** Sign of this − o: −1, 0 or 1 (a comparator for sorting). */
  cmp(o: Rational): number {
    if (this.sd !== 0 && o.sd !== 0) {
      const l = this.sn * o.sd;
      const r = o.sn * this.sd;
      return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  /** Exact equality of values. */
  equals(o: Rational): boolean {
    if (this.sd !== 0 && o.sd !== 0) return this.sn === o.sn && this.sd === o.sd;
    return this.num === o.num && this.den === o.den;
  }
  /** Nearest double (correctly rounded for small values, within an ulp otherwise). */
  toNumber(): number {
    if (this.sd !== 0) return this.sn / this.sd;
    return bigRatioToNumber(this.bn, this.bd);
  }
  /** Integer part of an integer rational as number (throws if not an integer). */
  toInteger(): number {
    if (!this.isInteger()) throw new QgeomError("INVALID_ARGUMENT", `${this.toString()} is not an integer; use floor() or check isInteger first`);
    return this.sd !== 0 ? this.sn : Number(this.bn);
  }
  /** ⌊this⌋, the greatest integer ≤ this (rounds towards −∞ for negative values). */
  floor(): bigint {
    const n = this.num;
    const d = this.den;
    const q = n / d;
    return n < 0n && q * d !== n ? q - 1n : q;
  }
  /** "p" or "p/q". */
  toString(): string {
    if (this.sd !== 0) return this.sd === 1 ? String(this.sn) : `${this.sn}/${this.sd}`;
    return this.bd === 1n ? this.bn.toString() : `${this.bn}/${this.bd}`;
  }
  /** A stable hash-consing key. */
  key(): string {
    return this.toString();
  }
}

/** n/d as a double without overflow for huge BigInts. */
export function bigRatioToNumber(n: bigint, d: bigint): number {
  const neg = n < 0n;
  if (neg) n = -n;
  const nb = n.toString(2).length;
  const db = d.toString(2).length;
  // scale so that the quotient has ~64 significant bits
  const shift = nb - db - 64;
  let q: bigint;
  if (shift > 0) q = n / (d << BigInt(shift));
  else q = (n << BigInt(-shift)) / d;
  const half = Math.trunc(shift / 2);
  const v = Number(q) * 2 ** half * 2 ** (shift - half);
  return neg ? -v : v;
}

export function gcdBigint(a: bigint, b: bigint): bigint {
  return gcdBig(a, b);
}

/** Integer k-th root of a non-negative BigInt if exact, else null. */
export function exactRoot(n: bigint, k: number): bigint | null {
  if (n < 0n) return null;
  if (n < 2n) return n;
  const K = BigInt(k);
  // Newton iteration on integers
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / k));
  for (;;) {
    const y = ((K - 1n) * x + n / x ** (K - 1n)) / K;
    if (y >= x) break;
    x = y;
  }
  while (x ** K > n) x--;
  while ((x + 1n) ** K <= n) x++;
  return x ** K === n ? x : null;
}
