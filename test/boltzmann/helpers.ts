// Test helpers for the Boltzmann-machine suites: random models and tolerance checks.
import fc from "fast-check";
import * as boltzmann from "../../src/boltzmann/index.js";

/** |a − b| ≤ rel·max(|a|, |b|) + abs. */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

export function expectClose(a: number, b: number, rel: number, abs = 0, what = ""): void {
  if (!close(a, b, rel, abs)) throw new Error(`${what}: ${a} vs ${b} (rel ${rel}, abs ${abs}; diff ${Math.abs(a - b)})`);
}

const entry = (s: number) => fc.double({ min: -s, max: s, noNaN: true, noDefaultInfinity: true });

/** A random RBM of the given kind with d, m in the given ranges and entries in [−scale, scale]. */
export function rbmArb(kind: boltzmann.RbmKind = "bernoulli", dims: { d?: [number, number]; m?: [number, number]; scale?: number } = {}): fc.Arbitrary<boltzmann.RBM> {
  const [d0, d1] = dims.d ?? [1, 4];
  const [m0, m1] = dims.m ?? [1, 4];
  const s = dims.scale ?? 1.5;
  return fc
    .tuple(fc.integer({ min: d0, max: d1 }), fc.integer({ min: m0, max: m1 }))
    .chain(([d, m]) =>
      fc.record({
        W: fc.array(fc.array(entry(s), { minLength: m, maxLength: m }), { minLength: d, maxLength: d }),
        a: fc.array(entry(1), { minLength: d, maxLength: d }),
        c: fc.array(entry(1), { minLength: m, maxLength: m }),
      }),
    )
    .map((p) => boltzmann.rbm({ ...p, kind }));
}

/** A random Boltzmann machine with n units (the first `visible` visible; default all). */
export function bmArb(n: [number, number] = [2, 5], hidden: [number, number] = [0, 0], scale = 1.5): fc.Arbitrary<boltzmann.BoltzmannMachine> {
  return fc
    .tuple(fc.integer({ min: n[0], max: n[1] }), fc.integer({ min: hidden[0], max: hidden[1] }))
    .chain(([nv, nh]) => {
      const N = nv + nh;
      return fc.record({
        w: fc.array(entry(scale), { minLength: (N * (N - 1)) / 2, maxLength: (N * (N - 1)) / 2 }),
        b: fc.array(entry(1), { minLength: N, maxLength: N }),
        nv: fc.constant(nv),
      });
    })
    .map(({ w, b, nv }) => {
      const N = b.length;
      const W = Array.from({ length: N }, () => new Array<number>(N).fill(0));
      let k = 0;
      for (let i = 0; i < N; i++)
        for (let j = i + 1; j < N; j++) {
          W[i]![j] = w[k]!;
          W[j]![i] = w[k++]!;
        }
      return boltzmann.boltzmannMachine({ W, b, visible: nv });
    });
}

/** All binary vectors of length n, in state-index order (bit i = unit i). */
export function allStates(n: number): number[][] {
  return Array.from({ length: 2 ** n }, (_, k) => Array.from({ length: n }, (_, i) => (k >>> i) & 1));
}
