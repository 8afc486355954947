// Legendre transform φ*(y) = sup_x (⟨x, y⟩ − φ(x)) in closed form where one is known (MATH.md §3.4),
// with the duality checks ∇φ* = (∇φ)⁻¹, det D²φ*(∇φ(x)) · det D²φ(x) = 1 and Fenchel–Young equality.
//
// Closed forms recognised (parameters allowed where the signs the rule needs can be decided):
//  1. quadratics ½xᵀAx + bᵀx + c with A ≻ 0 (cross terms allowed): φ* = ½(y−b)ᵀA⁻¹(y−b) − c;
//  2. sums over disjoint blocks of variables, plus an affine function, where each block is
//     (a) one variable x with c·g(λx + μ), c > 0, g from legendre-table.ts: e^u, u log u, −log u,
//         u log u + (1−u) log(1−u), softplus u (also written log(1 + e^u)), √(1+u²) and
//         −√(1−u²) (also any √ of a definite quadratic), log cosh u, u², s·u^p for rational p ∉ {0,1}
//         on u > 0, and c(x − r)^{2k};
//     (b) a log-sum-exp block c·log(a₀ + Σ_k a_k e^{λ_k x_k + μ_k}) over distinct variables: for a₀ > 0
//         the conjugate is the negative entropy Σ z log z + (1 − Σz) log(1 − Σz) on the open simplex
//         (strictly convex); for a₀ = 0 it is Σ z log z on the affine set Σz = 1, z > 0, where φ is not
//         strictly convex (D²φ is singular along (1/λ_k)_k, so the determinant identity does not apply).
// Not recognised (UNSUPPORTED): sums of two different non-linear terms in one variable (e.g. x² + e^x,
// whose conjugate needs the Lambert W function), non-quadratic cross terms, log-sum-exp plus a quadratic.
import {
  type Certificate,
  type Constraint,
  type Expr,
  ONE,
  QgeomError,
  Rational,
  ZERO,
  add,
  det,
  dependsOn,
  diff,
  div,
  expand,
  freeSymbols,
  gradient,
  hessian,
  inverse,
  isPositive,
  log,
  matrix,
  mul,
  neg,
  num,
  postOrder,
  pow,
  simplify,
  sqrt,
  sub,
  subs,
  sym,
  verify,
} from "../core/index.js";
import {
  BINARY_ENTROPY,
  EXP,
  type LegendrePair,
  LOG_COSH,
  NEGLOG,
  NEG_SQRT_ONE_MINUS_SQUARE,
  SOFTPLUS,
  SQRT_ONE_PLUS_SQUARE,
  SQUARE,
  XLOGX,
  evenPowerPair,
  powerPair,
} from "./legendre-table.js";
import { compilePotential, type CompilePotentialOptions, type InvertGradientOptions } from "./compiled-potential.js";
import { mongeAmpere } from "./operator.js";
import { type VariableList, checkExpr, excerpt, freshName, variableNames } from "./variables.js";

/** A Legendre transform in closed form. */
export interface LegendreTransform {
  /** φ*(y) in the dual variables. */
  conjugate: Expr;
  /** Primal variables x. */
  vars: string[];
  /** Dual variables y, in the order of `vars`. */
  dualVars: string[];
  /** The gradient map y = ∇φ(x). */
  gradient: Expr[];
  /** Its inverse x = ∇φ*(y) (for a not strictly convex φ: one preimage). */
  inverseGradient: Expr[];
  /** Where the closed form of φ is taken (constraints on x; includes points where D²φ is singular as ≠). */
  domain: Constraint[];
  /** The open set of y where the closed form of φ* holds (the image of ∇φ). */
  dualDomain: Constraint[];
  /** Expressions in y that vanish on dom φ* (log-sum-exp: Σ z − 1); empty when φ is strictly convex. */
  dualEqualities: Expr[];
  /** Conditions on parameters under which the result holds (e.g. leading minors of A positive). */
  assumptions: Constraint[];
  /** Whether D²φ ≻ 0 on the domain (then det D²φ*(∇φ(x)) · det D²φ(x) = 1). */
  strictlyConvex: boolean;
  /** The closed forms used, e.g. "quadratic" or "x: exp(u) <-> z*log(z) - z". */
  rule: string;
}

/** Options of {@link legendreTransform}. */
export interface LegendreOptions {
  /** Names of the dual variables (default `y_<name>` for each variable, made fresh). */
  dualVars?: VariableList;
  /** Simplify the conjugate and inverse gradient (default true). */
  simplify?: boolean;
}

function unsupported(msg: string): never {
  throw new QgeomError(
    "UNSUPPORTED",
    `${msg}. qgeom knows closed-form Legendre transforms of quadratics, of sums c·g(λx+μ) of one-variable terms (g = exp, u·log u, −log u, binary entropy, softplus, sqrt(1+u²), −sqrt(1−u²), log cosh, u², u^p on u > 0, even powers) over distinct variables, and of log-sum-exp blocks, each plus an affine function; use legendreNumeric for others`,
  );
}

/** +1 or −1 for an expression whose sign can be decided (numbers, or isPositive); throws otherwise. */
function signOf(e: Expr, what: string): 1 | -1 {
  if (e.kind === "num") {
    if (e.value.isZero()) unsupported(`${what} is zero`);
    return e.value.isNegative() ? -1 : 1;
  }
  if (isPositive(e)) return 1;
  if (isPositive(neg(e))) return -1;
  throw new QgeomError("UNSUPPORTED", `cannot decide the sign of ${what} = ${excerpt(e.toString())}; substitute numeric values for its parameters`);
}

/** v = λx + μ with λ, μ free of x, or null. */
function affine(v: Expr, x: string): { lambda: Expr; mu: Expr } | null {
  const d = simplify(diff(v, x));
  if (dependsOn(d, x)) return null;
  if (d.kind === "num" && d.value.isZero()) return null;
  return { lambda: d, mu: simplify(subs(v, { [x]: ZERO })) };
}

/** Whether e is built from numbers, symbols, sums, products and natural powers only. */
function isPolynomial(e: Expr): boolean {
  return postOrder([e]).every(
    (n) => n.kind === "num" || n.kind === "sym" || n.kind === "add" || n.kind === "mul" || (n.kind === "pow" && n.exp.kind === "num" && n.exp.value.isInteger() && n.exp.value.isPositive()),
  );
}

/** A polynomial in x as coefficients p_k (k = 0..deg) (Taylor coefficients at 0), or null if not polynomial. */
function polyCoeffs(e: Expr, x: string): Expr[] | null {
  if (!isPolynomial(e)) return null;
  const out: Expr[] = [];
  let cur = e;
  let fact = 1;
  for (let k = 0; k < 64; k++) {
    if (k > 0) fact *= k;
    out.push(simplify(div(subs(cur, { [x]: ZERO }), num(fact))));
    cur = simplify(diff(cur, x));
    if (cur.kind === "num" && cur.value.isZero()) {
      while (out.length > 1 && out[out.length - 1]!.kind === "num" && (out[out.length - 1] as { value: { isZero(): boolean } }).value.isZero()) out.pop();
      return out;
    }
  }
  return null;
}

/** One expanded term: coefficient (free of vars) · monomial in vars · at most one non-polynomial atom. */
interface Piece {
  coef: Expr;
  mono: Expr;
  atom: Expr | null;
  vars: Set<string>;
}

function splitTerm(t: Expr, vars: readonly string[]): Piece {
  const factors = t.kind === "mul" ? t.factors : [t];
  const coef: Expr[] = [];
  const mono: Expr[] = [];
  let atom: Expr | null = null;
  const dep = (e: Expr): string[] => vars.filter((v) => dependsOn(e, v));
  for (const f of factors) {
    if (dep(f).length === 0) coef.push(f);
    else if ((f.kind === "sym" && vars.includes(f.name)) || (f.kind === "pow" && f.base.kind === "sym" && vars.includes(f.base.name) && f.exp.kind === "num" && f.exp.value.isInteger() && f.exp.value.isPositive()))
      mono.push(f);
    else if (atom === null) atom = f;
    else unsupported(`the term ${excerpt(t.toString())} is a product of two non-polynomial factors`);
  }
  const m = mul(...mono);
  return { coef: mul(...coef), mono: m, atom, vars: new Set([...dep(m), ...(atom ? dep(atom) : [])]) };
}

/** c·g(λx + μ) + dβ·x + dγ, the result of matching one variable's non-linear part. */
interface Match1D {
  pair: LegendrePair;
  c: Expr;
  lambda: Expr;
  mu: Expr;
  dBeta: Expr;
  dGamma: Expr;
}

function match1D(x: string, poly: Expr[], groups: Map<Expr, Expr>): Match1D {
  const what = `the part of φ in ${x}`;
  if (groups.size === 0) {
    const P = add(...poly);
    const cs = polyCoeffs(P, x);
    if (cs === null) unsupported(`${what} is not a polynomial of finite degree`);
    const d = cs.length - 1;
    if (d === 2) {
      if (signOf(cs[2]!, `the coefficient of ${x}^2`) < 0) throw new QgeomError("DOMAIN", `φ is not convex in ${x} (the coefficient of ${x}^2 is ${cs[2]}); pass a strictly convex φ (the Legendre transform needs one)`);
      return { pair: SQUARE, c: cs[2]!, lambda: ONE, mu: ZERO, dBeta: ZERO, dGamma: ZERO };
    }
    if (d >= 4 && d % 2 === 0) {
      const c = cs[d]!;
      if (signOf(c, `the leading coefficient of ${what}`) < 0) throw new QgeomError("DOMAIN", `φ is not convex in ${x} (leading coefficient ${c}); pass a strictly convex φ (the Legendre transform needs one)`);
      const r = simplify(neg(div(cs[d - 1] ?? ZERO, mul(num(d), c))));
      const X = sym(x);
      // c(x − r)^d − P must be affine: P = c(x − r)^d − e1·x − e0
      const rest = polyCoeffs(expand(sub(mul(c, pow(sub(X, r), num(d))), P)), x);
      if (rest === null || rest.length > 2) unsupported(`${what} is a polynomial of degree ${d} that is not c·(${x} − r)^${d} plus an affine function`);
      return { pair: evenPowerPair(d), c, lambda: ONE, mu: neg(r), dBeta: neg(rest[1] ?? ZERO), dGamma: neg(rest[0] ?? ZERO) };
    }
    if (d <= 1) throw new QgeomError("DOMAIN", `φ is affine in ${x}, so it is not strictly convex and φ* is +∞ except on a hyperplane; add a strictly convex term in ${x}`);
    throw new QgeomError("DOMAIN", `φ is not convex in ${x} (a polynomial of odd degree ${d}); pass a strictly convex φ (the Legendre transform needs one)`);
  }
  if (poly.length > 0) unsupported(`${what} mixes a polynomial of degree >= 2 with other non-linear terms (no closed form)`);
  const entries = [...groups.entries()];
  if (entries.length === 1) {
    const [atom, Q] = entries[0]!;
    const Qs = simplify(Q);
    const constQ = !dependsOn(Qs, x);
    if (atom.kind === "fn" && atom.name === "exp" && constQ) {
      const a = affine(atom.args[0]!, x);
      if (a && signOf(Qs, `the coefficient of ${atom}`) > 0) return { pair: EXP, c: Qs, ...a, dBeta: ZERO, dGamma: ZERO };
      if (a) throw new QgeomError("DOMAIN", `φ is concave in ${x} (negative multiple of ${atom}); pass a strictly convex φ (the Legendre transform needs one)`);
    }
    if (atom.kind === "fn" && atom.name === "softplus" && constQ) {
      const a = affine(atom.args[0]!, x);
      if (a && signOf(Qs, `the coefficient of ${atom}`) > 0) return { pair: SOFTPLUS, c: Qs, ...a, dBeta: ZERO, dGamma: ZERO };
    }
    if (atom.kind === "fn" && atom.name === "log") {
      const v = atom.args[0]!;
      if (v.kind === "fn" && v.name === "cosh" && constQ) {
        const a = affine(v.args[0]!, x);
        if (a && signOf(Qs, `the coefficient of ${atom}`) > 0) return { pair: LOG_COSH, c: Qs, ...a, dBeta: ZERO, dGamma: ZERO };
      }
      const a = affine(v, x);
      if (a && constQ) {
        if (signOf(Qs, `the coefficient of ${atom}`) < 0) return { pair: NEGLOG, c: neg(Qs), ...a, dBeta: ZERO, dGamma: ZERO };
        throw new QgeomError("DOMAIN", `φ is concave in ${x} (positive multiple of ${atom}); pass a strictly convex φ (the Legendre transform needs one)`);
      }
      if (a) {
        const q = polyCoeffs(Qs, x);
        if (q && q.length === 2) {
          const k = simplify(div(q[1]!, a.lambda)); // Q = k·v ?
          if (simplify(sub(q[0]!, mul(k, a.mu))) === ZERO && signOf(k, `the coefficient of ${v}*log(${v})`) > 0)
            return { pair: XLOGX, c: k, ...a, dBeta: ZERO, dGamma: ZERO };
        }
      }
    }
    if (atom.kind === "pow" && atom.exp.kind === "num" && !(atom.exp.value.isInteger() && atom.exp.value.isPositive()) && constQ) {
      const p = atom.exp.value;
      const a = affine(atom.base, x);
      if (a) {
        const pair = powerPair(p);
        const s = p.toNumber() > 1 || p.isNegative() ? 1 : -1;
        const c = simplify(mul(num(s), Qs));
        if (signOf(c, `the coefficient of ${atom}`) > 0) return { pair, c, ...a, dBeta: ZERO, dGamma: ZERO };
        throw new QgeomError("DOMAIN", `φ is not convex in ${x} (${Qs}·${atom}); pass a strictly convex φ (the Legendre transform needs one)`);
      }
      const q = polyCoeffs(atom.base, x);
      if (q && q.length === 3 && p.equals(Rational.HALF)) {
        // √(a x² + b x + d) = √m · √(1 ± u²), u = (x − x0)/r, with m the value at the vertex x0
        const [d0, b, a2] = q as [Expr, Expr, Expr];
        const x0 = simplify(neg(div(b, mul(num(2), a2))));
        const m = simplify(sub(d0, div(pow(b, num(2)), mul(num(4), a2))));
        if (signOf(m, `the value of ${atom.base} at its vertex`) < 0) unsupported(`${atom} is not the square root of a quadratic that is positive at its vertex`);
        const up = signOf(a2, `the coefficient of ${x}^2 in ${atom.base}`) > 0;
        const r = sqrt(div(m, up ? a2 : neg(a2)));
        const lambda = simplify(div(ONE, r));
        const mu = simplify(neg(div(x0, r)));
        const c = simplify(mul(up ? Qs : neg(Qs), sqrt(m)));
        if (signOf(c, `the coefficient of ${atom}`) > 0)
          return { pair: up ? SQRT_ONE_PLUS_SQUARE : NEG_SQRT_ONE_MINUS_SQUARE, c, lambda, mu, dBeta: ZERO, dGamma: ZERO };
        throw new QgeomError("DOMAIN", `φ is not convex in ${x} (${Qs}·${atom}); pass a strictly convex φ (the Legendre transform needs one)`);
      }
    }
  }
  if (entries.length === 2) {
    // a·(v1 log v1 + v2 log v2) with v1 + v2 = k > 0: a·k·H(v1/k) + a·k·log k, H the binary entropy
    const [[A1, Q1], [A2, Q2]] = entries as [[Expr, Expr], [Expr, Expr]];
    if (A1.kind === "fn" && A1.name === "log" && A2.kind === "fn" && A2.name === "log") {
      const v1 = A1.args[0]!, v2 = A2.args[0]!;
      const a1 = affine(v1, x), a2 = affine(v2, x);
      const k = simplify(add(v1, v2));
      if (a1 && a2 && !dependsOn(k, x)) {
        const c1 = simplify(div(Q1, v1)), c2 = simplify(div(Q2, v2));
        if (c1 === c2 && !dependsOn(c1, x) && signOf(c1, "the coefficient of the entropy terms") > 0 && signOf(k, `${v1} + ${v2}`) > 0)
          return {
            pair: BINARY_ENTROPY,
            c: simplify(mul(c1, k)),
            lambda: simplify(div(a1.lambda, k)),
            mu: simplify(div(a1.mu, k)),
            dBeta: ZERO,
            dGamma: simplify(mul(c1, k, log(k))),
          };
      }
    }
  }
  unsupported(`no closed form is known for the Legendre transform of ${excerpt(add(...[...groups].map(([a, q]) => mul(q, a))).toString(), 80)} in ${x}`);
}

/** c·log(a₀ + Σ a_k e^{λ_k x_k + μ_k}) as data, or null if the atom is not of that form. */
interface LseBlock {
  c: Expr;
  a0: Expr;
  vars: string[];
  lambda: Expr[];
  mu: Expr[]; // μ_k + log a_k
}

function matchLse(atom: Expr, coef: Expr, vars: readonly string[]): LseBlock | null {
  if (atom.kind !== "fn" || atom.name !== "log") return null;
  const S = atom.args[0]!;
  const terms = S.kind === "add" ? S.terms : [S];
  let a0: Expr = ZERO;
  const bv: string[] = [], lambda: Expr[] = [], mu: Expr[] = [];
  for (const t of terms) {
    const dep = vars.filter((v) => dependsOn(t, v));
    if (dep.length === 0) {
      a0 = add(a0, t);
      continue;
    }
    if (dep.length !== 1) return null;
    const fs = t.kind === "mul" ? t.factors : [t];
    const e = fs.filter((f) => dependsOn(f, dep[0]!));
    if (e.length !== 1 || e[0]!.kind !== "fn" || (e[0] as { name: string }).name !== "exp") return null;
    const a = affine((e[0] as { args: readonly Expr[] }).args[0]!, dep[0]!);
    if (!a) return null;
    const ak = mul(...fs.filter((f) => f !== e[0]));
    if (bv.includes(dep[0]!)) return null;
    if (signOf(ak, `the coefficient of ${e[0]} in the log-sum-exp`) < 0) return null;
    bv.push(dep[0]!);
    lambda.push(a.lambda);
    mu.push(simplify(add(a.mu, log(ak))));
  }
  if (bv.length === 0) return null;
  if (a0 !== ZERO && signOf(a0, "the constant inside the log-sum-exp") < 0) return null;
  if (signOf(coef, `the coefficient of ${excerpt(atom.toString())}`) < 0) throw new QgeomError("DOMAIN", `φ is concave in ${bv.join(", ")} (negative multiple of a log-sum-exp); pass a strictly convex φ (the Legendre transform needs one)`);
  return { c: coef, a0, vars: bv, lambda, mu };
}

/** The closed-form Legendre transform of φ (see the module comment for the recognised families). */
export function legendreTransform(phi: Expr, vars: VariableList, options: LegendreOptions = {}): LegendreTransform {
  checkExpr(phi, "phi");
  const names = variableNames(vars);
  const n = names.length;
  const ys = options.dualVars === undefined ? names.map((x) => freshName(`y_${x}`, [phi], names)) : variableNames(options.dualVars, "options.dualVars");
  if (ys.length !== n) throw new QgeomError("SHAPE", `options.dualVars has ${ys.length} names for ${n} variables; pass one name per variable`);
  const clash = ys.filter((y) => names.includes(y) || freeSymbols(phi).includes(y));
  if (clash.length) throw new QgeomError("INVALID_ARGUMENT", `dual variable ${clash[0]} already occurs in φ or in vars; choose other names`);
  const Y = ys.map(sym);
  const simp = options.simplify === false ? (e: Expr) => e : (e: Expr) => simplify(e);
  const grad = gradient(phi, names).map(simp);
  const zeroAt = Object.fromEntries(names.map((x) => [x, ZERO]));

  // 1. quadratic: constant Hessian
  const H = hessian(phi, names).map((r) => r.map((e) => simplify(e)));
  if (H.every((r) => r.every((e) => names.every((x) => !dependsOn(e, x))))) {
    const A = matrix(H);
    const assumptions: Constraint[] = [];
    for (let k = 1; k <= n; k++) {
      const m = det(matrix(H.slice(0, k).map((r) => r.slice(0, k))));
      if (m.kind === "num") {
        if (!m.value.isPositive())
          throw new QgeomError("DOMAIN", `φ is not strictly convex: the leading principal minor ${k} of D²φ is ${m}; the Legendre transform of a quadratic needs D²φ ≻ 0; pass a quadratic with a positive-definite Hessian`);
      } else if (!isPositive(m)) assumptions.push({ expr: m, op: ">" });
    }
    const Ainv = inverse(A);
    const b = names.map((x) => simplify(subs(diff(phi, x), zeroAt)));
    const c0 = simplify(subs(phi, zeroAt));
    const r = Y.map((y, i) => sub(y, b[i]!));
    const Ar = Ainv.toArray().map((row) => add(...row.map((a, j) => mul(a, r[j]!))));
    const conj = sub(mul(num("1/2"), add(...r.map((ri, i) => mul(ri, Ar[i]!)))), c0);
    return {
      conjugate: simp(conj),
      vars: names,
      dualVars: ys,
      gradient: grad,
      inverseGradient: Ar.map(simp),
      domain: [],
      dualDomain: [],
      dualEqualities: [],
      assumptions,
      strictlyConvex: true,
      rule: "quadratic",
    };
  }

  // 2. blocks: split the expanded φ into affine part, log-sum-exp blocks and one-variable parts
  const ex = expand(phi);
  const pieces = (ex.kind === "add" ? ex.terms : [ex]).map((t) => splitTerm(t, names));
  const beta = new Map<string, Expr[]>(names.map((x) => [x, []]));
  const gamma: Expr[] = [];
  const polys = new Map<string, Expr[]>(names.map((x) => [x, []]));
  const groups = new Map<string, Map<Expr, Expr>>(names.map((x) => [x, new Map()]));
  const lse: LseBlock[] = [];
  for (const p of pieces) {
    const term = mul(p.coef, p.mono);
    if (p.atom === null) {
      if (p.vars.size === 0) gamma.push(term);
      else if (p.vars.size > 1) unsupported(`φ is not quadratic and has the cross term ${excerpt(term.toString())}`);
      else {
        const x = [...p.vars][0]!;
        const deg = p.mono.kind === "sym" ? 1 : (p.mono as { exp: { value: { toNumber(): number } } }).exp.value.toNumber();
        if (deg === 1) beta.get(x)!.push(p.coef);
        else polys.get(x)!.push(term);
      }
      continue;
    }
    const block = p.mono === ONE ? matchLse(p.atom, p.coef, names) : null;
    if (block && (block.vars.length > 1 || block.a0 !== ZERO)) {
      lse.push(block);
      continue;
    }
    if (p.vars.size !== 1) unsupported(`the term ${excerpt(mul(term, p.atom).toString())} couples several variables`);
    const x = [...p.vars][0]!;
    const g = groups.get(x)!;
    g.set(p.atom, add(g.get(p.atom) ?? ZERO, term));
  }
  const owner = new Map<string, string>();
  lse.forEach((b, k) => {
    for (const x of b.vars) {
      if (owner.has(x) || groups.get(x)!.size > 0 || polys.get(x)!.length > 0)
        unsupported(`the variable ${x} occurs in a log-sum-exp and in another non-linear term`);
      owner.set(x, `lse${k}`);
    }
  });

  const conjTerms: Expr[] = [neg(add(...gamma))];
  const inv = new Map<string, Expr>();
  const domain: Constraint[] = [];
  const dualDomain: Constraint[] = [];
  const dualEqualities: Expr[] = [];
  const rules: string[] = [];
  let strict = true;
  const betaOf = (x: string): Expr => simplify(add(...beta.get(x)!));
  const yOf = (x: string): Expr => Y[names.indexOf(x)]!;

  for (const x of names) {
    if (owner.has(x)) continue;
    const m = match1D(x, polys.get(x)!, groups.get(x)!);
    const b = simplify(add(betaOf(x), m.dBeta));
    const yb = sub(yOf(x), b);
    const z = simp(div(yb, mul(m.c, m.lambda)));
    conjTerms.push(mul(m.c, m.pair.conj(z)), neg(div(mul(m.mu, yb), m.lambda)), neg(m.dGamma));
    inv.set(x, div(sub(m.pair.dconj(z), m.mu), m.lambda));
    const u = simplify(add(mul(m.lambda, sym(x)), m.mu));
    domain.push(...m.pair.domain(u), ...m.pair.regular(u));
    dualDomain.push(...m.pair.dualDomain(z));
    rules.push(`${x}: ${m.pair.name}`);
  }
  for (const bl of lse) {
    const reduced = bl.a0 !== ZERO;
    const shift = reduced ? log(bl.a0) : ZERO; // log(a0 + Σe^u) = log a0 + log(1 + Σ e^{u − log a0})
    const mu = bl.mu.map((m) => simplify(sub(m, shift)));
    const ybs = bl.vars.map((x) => sub(yOf(x), betaOf(x)));
    const zs = bl.vars.map((_, k) => simp(div(ybs[k]!, mul(bl.c, bl.lambda[k]!))));
    const sz = add(...zs);
    const ent = add(...zs.map((z) => mul(z, log(z))));
    conjTerms.push(mul(bl.c, reduced ? add(ent, mul(sub(ONE, sz), log(sub(ONE, sz)))) : ent));
    conjTerms.push(...bl.vars.map((_, k) => neg(div(mul(mu[k]!, ybs[k]!), bl.lambda[k]!))));
    if (reduced) conjTerms.push(neg(mul(bl.c, log(bl.a0))));
    // reduced: ∇ of the closed form; full: log z_k + 1 is the preimage on which Σe^{u} = e (any shift along
    // (1/λ_k) is another), chosen to equal the gradient of the closed form Σ z log z
    bl.vars.forEach((x, k) => inv.set(x, div(sub(reduced ? sub(log(zs[k]!), log(sub(ONE, sz))) : add(log(zs[k]!), ONE), mu[k]!), bl.lambda[k]!)));
    dualDomain.push(...zs.map((z) => ({ expr: z, op: ">" as const })));
    if (reduced) dualDomain.push({ expr: sub(ONE, sz), op: ">" });
    else {
      dualEqualities.push(sub(sz, ONE));
      strict = false;
    }
    rules.push(`${bl.vars.join(", ")}: ${reduced ? "log(1 + sum exp) <-> negative entropy on the open simplex" : "log-sum-exp <-> negative entropy on {sum z = 1} (not strictly convex)"}`);
  }
  return {
    conjugate: simp(add(...conjTerms)),
    vars: names,
    dualVars: ys,
    gradient: grad,
    inverseGradient: names.map((x) => simp(inv.get(x)!)),
    domain,
    dualDomain,
    dualEqualities,
    assumptions: [],
    strictlyConvex: strict,
    rule: rules.join("; "),
  };
}

/** Certificates of the Legendre duality (MATH §3.4) for a closed-form transform. */
export interface LegendreDualityCertificates {
  /** det D²φ*(∇φ(x)) · det D²φ(x) = 1 (null when φ is not strictly convex). */
  determinantProduct: Certificate | null;
  /** ∇φ*(∇φ(x)) = x, per coordinate (null when φ is not strictly convex). */
  gradientInverse: Certificate[] | null;
  /** Fenchel–Young equality φ(x) + φ*(∇φ(x)) = ⟨x, ∇φ(x)⟩. */
  fenchelYoung: Certificate;
  /** ∇φ* equals the gradient of the closed-form φ* (consistency of the two closed forms). */
  conjugateGradient: Certificate[];
}

/**
 * Decides the duality identities for φ and its closed-form transform with `verify`, on the domain of
 * the closed form (symbolic where the algebra of the atoms decides, else a numeric check on the domain).
 */
export function verifyLegendreDuality(phi: Expr, vars: VariableList, transform?: LegendreTransform): LegendreDualityCertificates {
  const names = variableNames(vars);
  const lt = transform ?? legendreTransform(phi, names);
  const toImage = new Map(lt.dualVars.map((y, i) => [y, lt.gradient[i]!] as [string, Expr]));
  const at = (e: Expr): Expr => subs(e, toImage);
  const primal = [...lt.domain, ...lt.assumptions];
  const dual = [...lt.dualDomain, ...lt.assumptions];
  const fy = verifyOn(add(phi, at(lt.conjugate)), add(...names.map((x, i) => mul(sym(x), lt.gradient[i]!))), primal);
  const dGrad = lt.dualVars.map((y, i) => verifyOn(diff(lt.conjugate, y), lt.inverseGradient[i]!, dual));
  if (!lt.strictlyConvex) return { determinantProduct: null, gradientInverse: null, fenchelYoung: fy, conjugateGradient: dGrad };
  const detStar = mongeAmpere(lt.conjugate, lt.dualVars, { raw: true });
  const detPhi = mongeAmpere(phi, names, { raw: true });
  return {
    determinantProduct: verifyOn(mul(at(detStar), detPhi), ONE, primal),
    gradientInverse: names.map((x, i) => verifyOn(at(lt.inverseGradient[i]!), sym(x), primal)),
    fenchelYoung: fy,
    conjugateGradient: dGrad,
  };
}

/** verify on a domain, over all symbols of both sides and of the constraints. */
function verifyOn(lhs: Expr, rhs: Expr, domain: readonly Constraint[]): Certificate {
  const vars = [...new Set([...freeSymbols(lhs), ...freeSymbols(rhs), ...domain.flatMap((c) => freeSymbols(c.expr))])].sort();
  return verify(lhs, rhs, { vars, domain, maxTerms: 200_000 });
}

/** The numeric Legendre transform at one point. */
export interface NumericLegendre {
  /** φ*(y) = ⟨x*, y⟩ − φ(x*). */
  value: number;
  /** The maximiser x* = ∇φ*(y), solving ∇φ(x*) = y. */
  argmax: Float64Array;
}

/**
 * Numeric twin of {@link legendreTransform}: φ*(y) by solving ∇φ(x) = y with damped Newton on the
 * convex φ(x) − ⟨y, x⟩ (valid for strictly convex φ and y in the image of ∇φ; throws SINGULAR otherwise).
 */
export function legendreNumeric(
  phi: Expr,
  vars: VariableList,
  y: ArrayLike<number>,
  options: CompilePotentialOptions & InvertGradientOptions = {},
): NumericLegendre {
  const pot = compilePotential(phi, vars, options);
  const x = pot.invertGradient(y, options);
  const v = pot.evaluate(x).value;
  let s = -v;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return { value: s, argmax: x };
}
