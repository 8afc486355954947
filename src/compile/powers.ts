// Integer powers by multiplication along shortest addition chains: x^15 as x², x³, x⁶, x¹², x¹⁵ (5
// products instead of Math.pow). A chain 1 = a₀ < a₁ < … < a_r = n with every a_k = a_i + a_j (i, j < k)
// gives x^n in r multiplications, each adding at most one rounding: the relative error of x^n is at most
// (n-1)·u beyond n times that of x. Chains are used up to MAX_CHAIN_POWER; larger powers call Math.pow
// (one correctly-rounded-ish operation, better than many products).

/** Largest |n| computed by multiplications; beyond it x^n uses Math.pow. */
export const MAX_CHAIN_POWER = 32;

/** One step of a chain: element k is element i plus element j. */
export interface ChainStep {
  readonly i: number;
  readonly j: number;
}

const memo = new Map<number, readonly number[]>();

/**
 * A shortest addition chain for n ≥ 1 (found by iterative deepening, memoised), as the list of its
 * elements starting with 1 and ending with n.
 */
export function additionChain(n: number): readonly number[] {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new RangeError(`addition chains are computed for 1 ≤ n ≤ 4096, got ${n}`);
  const hit = memo.get(n);
  if (hit) return hit;
  const chain = [1];
  const search = (limit: number): boolean => {
    const last = chain[chain.length - 1]!;
    if (last === n) return true;
    const remaining = limit - (chain.length - 1);
    if (remaining <= 0 || last * 2 ** remaining < n) return false;
    // try the largest sums first (they reach n soonest)
    const tried = new Set<number>();
    for (let i = chain.length - 1; i >= 0; i--)
      for (let j = i; j >= 0; j--) {
        const s = chain[i]! + chain[j]!;
        if (s <= last || s > n || tried.has(s)) continue;
        tried.add(s);
        chain.push(s);
        if (search(limit)) return true;
        chain.pop();
      }
    return false;
  };
  let limit = Math.ceil(Math.log2(n));
  while (!search(limit)) limit++;
  const out = Object.freeze([...chain]);
  memo.set(n, out);
  return out;
}

/** The steps of a chain: for each element after the first, which two earlier elements sum to it. */
export function chainSteps(chain: readonly number[]): ChainStep[] {
  const steps: ChainStep[] = [];
  for (let k = 1; k < chain.length; k++) {
    let found: ChainStep | null = null;
    for (let i = k - 1; i >= 0 && !found; i--)
      for (let j = i; j >= 0; j--)
        if (chain[i]! + chain[j]! === chain[k]) {
          found = { i, j };
          break;
        }
    if (!found) throw new Error(`internal: ${chain.join(",")} is not an addition chain`);
    steps.push(found);
  }
  return steps;
}

/**
 * x^n for 1 ≤ n ≤ MAX_CHAIN_POWER by multiplications, reusing powers of the same base already in
 * `cache` (exponent → value) and recording the new ones there.
 */
export function chainPower(n: number, cache: Map<number, number>, mul: (a: number, b: number) => number): number {
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const chain = additionChain(n);
  const steps = chainSteps(chain);
  const vals: number[] = [cache.get(1)!];
  for (let k = 1; k < chain.length; k++) {
    const e = chain[k]!;
    let v = cache.get(e);
    if (v === undefined) {
      const { i, j } = steps[k - 1]!;
      v = mul(vals[i]!, vals[j]!);
      cache.set(e, v);
    }
    vals.push(v);
  }
  return vals[vals.length - 1]!;
}
