// Source text of the runtime helpers, inlined by emitModule so that an emitted module has no imports.
// Each is a line-by-line transliteration of src/core/special.ts (and runtime.ts for the domain rules)
// performing the same operations in the same order; test/compile/helpers.test.ts holds them
// bit-identical to the functions the in-process code calls. `${N}` marks a TypeScript `: number`
// annotation and `${B}` a non-null assertion on an array read (empty in the JavaScript variant).
import type { HelperName } from "./ir.js";

type Source = (N: string, B: string) => string;

interface Unit {
  readonly deps: readonly string[];
  readonly code: Source;
}

const UNITS: Readonly<Record<string, Unit>> = {
  q_LANCZOS: {
    deps: [],
    code: () => `const q_LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];`,
  },
  q_STIRLING: {
    deps: [],
    code: () => `const q_STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];`,
  },
  q_BERNOULLI: {
    deps: [],
    code: () => `const q_BERNOULLI = [
  1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798, -174611 / 330,
];`,
  },
  q_factorial: {
    deps: [],
    code: (N) => `function q_factorial(n${N})${N} {
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}`,
  },
  h_gamma: {
    deps: ["q_LANCZOS"],
    code: (N, B) => `/** Γ(x) (Lanczos, g = 7); NaN at poles. */
function h_gamma(x${N})${N} {
  if (Number.isInteger(x) && x <= 0) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * h_gamma(1 - x));
  if (Number.isInteger(x) && x <= 171) {
    let r = 1;
    for (let k = 2; k < x; k++) r *= k;
    return r;
  }
  if (x > 171.7) return Infinity;
  const y = x - 1;
  let a = q_LANCZOS[0]${B};
  const t = y + 7 + 0.5;
  for (let i = 1; i < 9; i++) a += q_LANCZOS[i]${B} / (y + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, (y + 0.5) / 2) * Math.exp(-t) * Math.pow(t, (y + 0.5) / 2) * a;
}`,
  },
  h_lgamma: {
    deps: ["q_STIRLING"],
    code: (N) => `/** log |Γ(x)| (Stirling series after upward recurrence); NaN at poles. */
function h_lgamma(x${N})${N} {
  if (Number.isNaN(x)) return NaN;
  if (Number.isInteger(x) && x <= 0) return NaN;
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - h_lgamma(1 - x);
  let shift = 0;
  let prod = 1;
  while (x < 15) {
    prod *= x;
    x += 1;
    shift++;
    if (prod > 1e280) break;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let s = 0;
  let p = inv;
  for (const c of q_STIRLING) {
    s += c * p;
    p *= inv2;
  }
  const val = (x - 0.5) * Math.log(x) - x + 0.9189385332046727418 + s;
  return shift > 0 ? val - Math.log(prod) : val;
}`,
  },
  h_digamma: {
    deps: ["q_BERNOULLI"],
    code: (N, B) => `/** ψ(x) = Γ'(x)/Γ(x); NaN at poles. */
function h_digamma(x${N})${N} {
  if (Number.isNaN(x)) return NaN;
  if (Number.isInteger(x) && x <= 0) return NaN;
  if (x < 0) return h_digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let acc = 0;
  while (x < 12) {
    acc -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  let s = 0;
  let p = inv2;
  for (let k = 1; k <= 8; k++) {
    s += (q_BERNOULLI[k - 1]${B} / (2 * k)) * p;
    p *= inv2;
  }
  return acc + Math.log(x) - 0.5 / x - s;
}`,
  },
  h_polygamma: {
    deps: ["h_digamma", "q_factorial", "q_BERNOULLI"],
    code: (N, B) => `/** ψ^(n)(x) for integer n ≥ 0; NaN at poles or for invalid n. */
function h_polygamma(n${N}, x${N})${N} {
  if (!Number.isInteger(n) || n < 0) return NaN;
  if (n === 0) return h_digamma(x);
  if (Number.isNaN(x) || (Number.isInteger(x) && x <= 0)) return NaN;
  const sgn = n % 2 === 0 ? -1 : 1;
  const nf = q_factorial(n);
  let acc = 0;
  let steps = 0;
  while (x < 12 + n) {
    acc += sgn * nf / Math.pow(x, n + 1);
    x += 1;
    if (++steps > 1e6) return NaN;
  }
  let s = q_factorial(n - 1) / Math.pow(x, n) + nf / (2 * Math.pow(x, n + 1));
  for (let k = 1; k <= 10; k++) {
    const term = (q_BERNOULLI[k - 1]${B} * q_factorial(2 * k + n - 1)) / (q_factorial(2 * k) * Math.pow(x, 2 * k + n));
    s += term;
    if (Math.abs(term) < 1e-17 * Math.abs(s)) break;
  }
  return acc + sgn * s;
}`,
  },
  q_mgammaln: {
    deps: ["h_lgamma"],
    code: (N) => `function q_mgammaln(a${N}, p${N})${N} {
  let s = ((p * (p - 1)) / 4) * Math.log(Math.PI);
  for (let j = 1; j <= p; j++) s += h_lgamma(a - (j - 1) / 2);
  return s;
}`,
  },
  q_cmgammaln: {
    deps: ["h_lgamma"],
    code: (N) => `function q_cmgammaln(a${N}, p${N})${N} {
  let s = ((p * (p - 1)) / 2) * Math.log(Math.PI);
  for (let j = 1; j <= p; j++) s += h_lgamma(a - j + 1);
  return s;
}`,
  },
  h_multigamma: {
    deps: ["q_mgammaln"],
    code: (N) => `/** Γ_p(a) for a > (p-1)/2, else NaN. */
function h_multigamma(a${N}, p${N})${N} {
  return Number.isInteger(p) && p >= 1 && a > (p - 1) / 2 ? Math.exp(q_mgammaln(a, p)) : NaN;
}`,
  },
  h_lmultigamma: {
    deps: ["q_mgammaln"],
    code: (N) => `/** log Γ_p(a) for a > (p-1)/2, else NaN. */
function h_lmultigamma(a${N}, p${N})${N} {
  return Number.isInteger(p) && p >= 1 && a > (p - 1) / 2 ? q_mgammaln(a, p) : NaN;
}`,
  },
  h_multidigamma: {
    deps: ["h_digamma"],
    code: (N) => `/** ψ_p(a) = Σ_j ψ(a - (j-1)/2) for a > (p-1)/2, else NaN. */
function h_multidigamma(a${N}, p${N})${N} {
  if (!(Number.isInteger(p) && p >= 1 && a > (p - 1) / 2)) return NaN;
  let s = 0;
  for (let j = 1; j <= p; j++) s += h_digamma(a - (j - 1) / 2);
  return s;
}`,
  },
  h_cmultigamma: {
    deps: ["q_cmgammaln"],
    code: (N) => `/** Γ̃_p(a) for a > p - 1, else NaN. */
function h_cmultigamma(a${N}, p${N})${N} {
  return Number.isInteger(p) && p >= 1 && a > p - 1 ? Math.exp(q_cmgammaln(a, p)) : NaN;
}`,
  },
  h_lcmultigamma: {
    deps: ["q_cmgammaln"],
    code: (N) => `/** log Γ̃_p(a) for a > p - 1, else NaN. */
function h_lcmultigamma(a${N}, p${N})${N} {
  return Number.isInteger(p) && p >= 1 && a > p - 1 ? q_cmgammaln(a, p) : NaN;
}`,
  },
};

/**
 * Source of the given helpers and everything they depend on (dependencies first), as JavaScript or
 * as TypeScript with annotations.
 */
export function helperSource(helpers: readonly HelperName[], format: "js" | "ts"): string {
  const N = format === "ts" ? ": number" : "";
  const B = format === "ts" ? "!" : "";
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name)) return;
    done.add(name);
    const unit = UNITS[name];
    if (unit === undefined) throw new Error(`internal: no helper source for ${name}`);
    for (const d of unit.deps) visit(d);
    out.push(unit.code(N, B));
  };
  for (const h of helpers) visit("h_" + h);
  return out.join("\n\n");
}
