// Issue 10, "errors that teach": every QgeomError says what was wrong (naming the argument), shows the
// offending value's shape or an excerpt, and says what to do instead.
//
// 1. A table of representative bad inputs across the public modules: each must throw a QgeomError with the
//    expected code, a message containing the specific excerpt/shape, and a remedy (REMEDY below).
// 2. A static scan of src/**/*.ts: every `new QgeomError(code, message)` whose message is a literal or
//    template must be at least MIN_LENGTH characters and contain a remedy word (ALLOW lists the exceptions).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  QgeomError,
  type QgeomErrorCode,
  compile,
  diff,
  div,
  evaluate,
  evaluateExact,
  expand,
  fn,
  matrix as symbolicMatrix,
  num,
  parse,
  parseDomain,
  pow,
  sym,
  toLatex,
  unvech,
  verify,
  Rational,
  add,
  det,
  closestName,
} from "../../src/index.js";
import * as linalg from "../../src/linalg/index.js";
import * as random from "../../src/random/index.js";
import * as wishart from "../../src/wishart/index.js";
import * as modular from "../../src/modular/index.js";
import * as mongeAmpere from "../../src/monge-ampere/index.js";
import * as boltzmann from "../../src/boltzmann/index.js";
import * as rg from "../../src/rg/index.js";
import * as cones from "../../src/cones/index.js";
import * as testing from "../../src/testing/index.js";
import { parseLatex } from "../../src/latex/index.js";
import { runCli } from "../helpers/cli.js";

/**
 * A message "says what to do" when it contains one of these instructions (imperatives, or "expected …" /
 * "did you mean …"). The list is the issue's, plus verbs the messages use for specific remedies.
 */
const REMEDY =
  /\b(pass|use|give|provide|call|choose|set|raise|increase|reduce|remove|rename|check|make|try|expected|declare|add|write|rewrite|rescale|report|keep|substitute|simplify|split|replace|omit|build|quote|escape|divide|differentiate|convert|run|did you mean)\b/i;

interface Case {
  /** What is wrong, as a test title. */
  what: string;
  run: () => unknown;
  code: QgeomErrorCode;
  /** Substrings (or patterns) the message must contain: the argument's name and the excerpt/shape. */
  has: (string | RegExp)[];
}

const m = (rows: number[][]): linalg.Matrix => linalg.matrix(rows);
const cm = (re: number[][], im: number[][]): linalg.CMatrix => linalg.cmatrix({ re, im });
const x = sym("x"), y = sym("y");

const CASES: Case[] = [
  // --- parsing (interop) ---
  { what: "parse: syntax error", run: () => parse("x^^2 +"), code: "PARSE", has: ['"x^^2 +"'] },
  { what: "parse: empty input", run: () => parse("   "), code: "PARSE", has: ["empty expression"] },
  { what: "parse: unknown function with a close kernel name", run: () => parse("sinn(x)"), code: "UNKNOWN_FUNCTION", has: ['"sinn"', 'did you mean "sin"'] },
  { what: "parse: unknown function far from any kernel", run: () => parse("frobnicate(x)"), code: "UNKNOWN_FUNCTION", has: ['"frobnicate"', "functions:"] },
  { what: "parse: a non-finite literal", run: () => parse("Infinity * x"), code: "PARSE", has: ["Infinity"] },
  { what: "parse: division by a literal zero", run: () => parse("x / 0"), code: "DIVISION_BY_ZERO", has: ["x / 0"] },
  { what: "parseDomain: an equality is not a domain", run: () => parseDomain("x == 1"), code: "PARSE", has: ['"x == 1"'] },
  { what: "parseLatex: unbalanced braces", run: () => parseLatex("\\frac{x}{"), code: "PARSE", has: [/offset \d+/] },

  // --- iterative methods that stop short ---
  {
    what: "naturalFromMean: Newton stops before its tolerance",
    run: () => boltzmann.naturalFromMean(2, [0.3, 0.4, 0.1], { maxIter: 1, tol: 1e-300 }),
    code: "NO_CONVERGENCE",
    has: ["naturalFromMean", "1 Newton steps"],
  },

  // --- core: building, evaluating, exact arithmetic, limits ---
  { what: "sym: invalid name", run: () => sym("2x"), code: "INVALID_ARGUMENT", has: ['"2x"'] },
  { what: "sym: reserved name", run: () => sym("Infinity"), code: "INVALID_ARGUMENT", has: ['"Infinity" is reserved'] },
  { what: "num: non-finite number", run: () => num(NaN), code: "NOT_FINITE", has: ["NaN"] },
  { what: "num: malformed literal", run: () => num("1.2.3"), code: "PARSE", has: ['"1.2.3"'] },
  { what: "div: exact division by zero", run: () => div(x, num(0)), code: "DIVISION_BY_ZERO", has: ["x / 0"] },
  { what: "pow: 0 to a negative power", run: () => pow(num(0), num(-1)), code: "DIVISION_BY_ZERO", has: ["negative power"] },
  { what: "fn: wrong arity of a kernel", run: () => fn("exp", x, y), code: "INVALID_ARGUMENT", has: ["exp takes 1", "got 2"] },
  { what: "evaluate: unknown variable", run: () => evaluate(add(x, y), { x: 1 }), code: "UNKNOWN_VARIABLE", has: ['"y"'] },
  { what: "evaluate: outside the real domain", run: () => evaluate(parse("log(x)"), { x: -1 }), code: "DOMAIN", has: ['"log(x)"'] },
  { what: "evaluate: overflow", run: () => evaluate(parse("exp(x)"), { x: 1000 }), code: "NOT_FINITE", has: ['"exp(x)"', "Infinity"] },
  { what: "evaluate: opaque function without implementation, close to a kernel", run: () => evaluate(parse("lgama(x)", { functions: ["lgama"] }), { x: 1 }), code: "UNKNOWN_FUNCTION", has: ["lgama", 'did you mean "lgamma"'] },
  { what: "evaluateExact: a denominator vanishes", run: () => evaluateExact(parse("1/(x - 1)"), new Map([["x", Rational.int(1n)]])), code: "DIVISION_BY_ZERO", has: ["x - 1", "vanishes"] },
  { what: "evaluateExact: irrational value", run: () => evaluateExact(parse("exp(x)"), new Map([["x", Rational.int(1n)]])), code: "UNSUPPORTED", has: ["exp(x)"] },
  { what: "diff: order must be a natural number", run: () => diff(x, "x", -1), code: "INVALID_ARGUMENT", has: ["got -1"] },
  { what: "expand: over the term limit", run: () => expand(pow(parse("a+b+c+d+e+f+g+h"), num(12)), { maxTerms: 100 }), code: "SIZE_LIMIT", has: ["over the limit of 100", /\d\.\d+e\+\d+ terms/] },
  { what: "verify: unknown method", run: () => verify(x, x, { method: "magic" as never }), code: "INVALID_ARGUMENT", has: ['"magic"'] },
  { what: "symbolic matrix: ragged rows", run: () => symbolicMatrix([[x, y], [x]]), code: "SHAPE", has: ["(2, 1)"] },
  { what: "symbolic det: not square", run: () => det(symbolicMatrix([[x, y]])), code: "SHAPE", has: ["1×2"] },
  { what: "unvech: wrong number of entries", run: () => unvech([x, y]), code: "SHAPE", has: ["got 2", "p(p+1)/2"] },
  { what: "toLatex: unknown matrix environment", run: () => toLatex(symbolicMatrix([[x]]), { matrix: "vmatrix" as never }), code: "INVALID_ARGUMENT", has: ['"vmatrix"'] },

  // --- compile ---
  { what: "compile: invalid input name", run: () => compile(x, ["x-1"]), code: "INVALID_ARGUMENT", has: ["inputs[0]", '"x-1"'] },
  { what: "compile: duplicate input", run: () => compile(x, ["x", "x"]), code: "INVALID_ARGUMENT", has: ['"x" twice'] },
  { what: "compile: variable missing from inputs, with a typo suggestion", run: () => compile(parse("alpha + 1"), ["alpah"]), code: "UNKNOWN_VARIABLE", has: ['"alpha"', 'did you mean "alpah"'] },
  { what: "compile: a string instead of an Expr", run: () => compile("x^2" as never, ["x"]), code: "INVALID_ARGUMENT", has: ['"x^2"', "parse("] },
  { what: "compile: over the node limit", run: () => compile(parse("x + x^2 + x^3 + x^4 + x^5"), ["x"], { maxNodes: 3 }), code: "SIZE_LIMIT", has: ["more than 3"] },
  { what: "compiled fn: wrong input length", run: () => compile(add(x, y), ["x", "y"])(new Float64Array(1), new Float64Array(1)), code: "SHAPE", has: ["length 2 (x, y)", "Float64Array of length 1"] },
  { what: "compiled fn.batch: inputs of the wrong length", run: () => compile(add(x, y), ["x", "y"]).batch(new Float64Array(3), 2, new Float64Array(2)), code: "SHAPE", has: ["2·n = 4", "length 3"] },

  { what: "compiled fn (checkFinite): non-finite input", run: () => compile(add(x, y), ["x", "y"], { checkFinite: true })(Float64Array.of(1, NaN), new Float64Array(1)), code: "NOT_FINITE", has: ["input y (index 1)"] },

  // --- linalg ---
  { what: "linalg.matrix: ragged rows", run: () => linalg.matrix([[1, 2], [3]]), code: "SHAPE", has: ["row 1 has 1"] },
  { what: "linalg.matrix: non-finite entry", run: () => linalg.matrix([[1, Infinity]]), code: "NOT_FINITE", has: ["matrix[0][1] is Infinity"] },
  { what: "linalg.matmul: inner sizes differ", run: () => linalg.matmul(m([[1, 2], [3, 4], [5, 6]]), m([[1, 2, 3]])), code: "SHAPE", has: ["3×2", "1×3"] },
  { what: "linalg.cholesky: not square", run: () => linalg.cholesky(m([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]])), code: "SHAPE", has: ["3×4"] },
  { what: "linalg.cholesky: not symmetric", run: () => linalg.cholesky(m([[2, 1], [0, 2]])), code: "NOT_SYMMETRIC", has: ["2×2", "symmetrize"] },
  { what: "linalg.cholesky: not positive definite, names the pivot", run: () => linalg.cholesky(m([[1, 0, 0], [0, 1, 0], [0, 0, -0.02]]), { name: "scale" }), code: "NOT_POSITIVE_DEFINITE", has: ["scale (3×3)", "pivot 3 of 3", "value -0.02"] },
  { what: "linalg.eighHermitian: not Hermitian", run: () => linalg.eighHermitian(cm([[1, 0], [0, 1]], [[0, 1], [1, 0]])), code: "NOT_HERMITIAN", has: ["2×2", "hermitianPart"] },
  { what: "linalg.inverse: singular", run: () => linalg.inverse(m([[1, 2], [2, 4]])), code: "SINGULAR", has: ["2×2", "pivot 2"] },
  { what: "linalg.sqrtm: indefinite", run: () => linalg.sqrtm(m([[1, 0], [0, -1]])), code: "NOT_POSITIVE_DEFINITE", has: ["smallest eigenvalue -1.000e+0"] },
  { what: "linalg.schurComplement: bad block", run: () => linalg.schurComplement(m([[2, 1], [1, 2]]), [0, 5]), code: "INVALID_ARGUMENT", has: ["[0,5]"] },

  // --- random ---
  { what: "Rng: invalid seed", run: () => new random.Rng(-3), code: "INVALID_ARGUMENT", has: ["-3", "new Rng(42)"] },
  { what: "gamma: non-positive shape", run: () => random.gamma(new random.Rng(1), 0), code: "INVALID_ARGUMENT", has: ["shape", "got 0"] },
  { what: "dirichlet: too few concentrations", run: () => random.dirichlet(new random.Rng(1), [1]), code: "INVALID_ARGUMENT", has: ["[1]"] },

  // --- testing arbitraries ---
  { what: "spdMatrix: dimension out of range", run: () => testing.spdMatrix({ n: 0 }), code: "INVALID_ARGUMENT", has: ["got 0"] },

  // --- wishart ---
  { what: "wishart: degrees of freedom too small", run: () => wishart.logpdf([[1, 0], [0, 1]], 0.5, [[1, 0], [0, 1]]), code: "INVALID_ARGUMENT", has: ["df = 0.5", "p = 2", "df > 1"] },
  { what: "wishart: non-finite degrees of freedom", run: () => wishart.logpdf([[1]], NaN, [[1]]), code: "INVALID_ARGUMENT", has: ["degrees of freedom", "got NaN"] },
  { what: "wishart: scale not positive definite", run: () => wishart.logpdf([[1, 0], [0, 1]], 5, [[1, 2], [2, 1]]), code: "NOT_POSITIVE_DEFINITE", has: ["pivot 2", "2×2"] },
  { what: "wishart: S of the wrong shape", run: () => wishart.logpdf([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 5, [[1, 0], [0, 1]]), code: "SHAPE", has: ["3×3"] },
  { what: "wishart: unknown convention", run: () => wishart.fromConvention({ convention: "numpy" } as never), code: "INVALID_ARGUMENT", has: ['"numpy"', "scipy"] },
  { what: "wishart: sampler method", run: () => wishart.sample(new random.Rng(1), 5, [[1]], { method: "fast" as never }), code: "INVALID_ARGUMENT", has: ['"fast"', "bartlett"] },

  // --- modular ---
  { what: "densityMatrix: trace ≠ 1", run: () => modular.densityMatrix([[0.6, 0], [0, 0.6]]), code: "INVALID_ARGUMENT", has: ["trace 1.2", "normalize"] },
  { what: "densityMatrix: not PSD", run: () => modular.densityMatrix([[1.2, 0], [0, -0.2]]), code: "NOT_POSITIVE_DEFINITE", has: ["smallest eigenvalue -2.000e-1"] },
  { what: "densityMatrix: not Hermitian", run: () => modular.densityMatrix({ re: [[0.5, 0], [0, 0.5]], im: [[0, 0.1], [0.1, 0]] }), code: "NOT_HERMITIAN", has: ["2×2"] },
  { what: "densityMatrix: not square", run: () => modular.densityMatrix([[0.5, 0.5]]), code: "SHAPE", has: ["1×2"] },
  { what: "densityFromBloch: vector longer than 1", run: () => modular.densityFromBloch([1, 1, 0]), code: "NOT_POSITIVE_DEFINITE", has: ["length 1.41"] },
  { what: "partialTrace: dims do not match", run: () => modular.partialTrace(m([[1, 0], [0, 0]]), [2, 2], "A"), code: "SHAPE", has: ["2×2", "4×4"] },

  // --- monge-ampere ---
  { what: "mongeAmpere: invalid variable name", run: () => mongeAmpere.mongeAmpere(parse("x^2"), ["x", "1y"]), code: "INVALID_ARGUMENT", has: ["1y"] },
  { what: "mongeAmpereAt: missing coordinate", run: () => mongeAmpere.mongeAmpereAt(parse("x^2 + y^2"), ["x", "y"], { x: 1 }), code: "UNKNOWN_VARIABLE", has: ["y"] },
  { what: "legendre: non-convex quadratic", run: () => mongeAmpere.legendreTransform(parse("x^2 - 3*y^2 + x*y"), ["x", "y"]), code: "DOMAIN", has: ["leading principal minor 2", "D²φ"] },
  { what: "legendre: concave in one variable", run: () => mongeAmpere.legendreTransform(parse("-exp(x)"), ["x"]), code: "DOMAIN", has: ["concave in x"] },
  { what: "integrate: tolerance not reached (time limit)", run: () => mongeAmpere.integrate((t) => Math.sin(1 / t) / t, 1e-9, 1, { maxIntervals: 8 }), code: "TIME_LIMIT", has: ["8 subintervals"] },
  { what: "principalSqrt: not square", run: () => mongeAmpere.principalSqrt([[1, 2, 3], [4, 5, 6]]), code: "SHAPE", has: ["2×3"] },

  // --- boltzmann ---
  { what: "rbm: a and W disagree", run: () => boltzmann.rbm({ W: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], a: [0, 0], c: [0, 0] }), code: "SHAPE", has: ["length 3", "got 2"] },
  { what: "rbm: ragged W", run: () => boltzmann.rbm({ W: [[0.1, 0.2], [0.3]], a: [0, 0], c: [0, 0] }), code: "SHAPE", has: ["row 1 has 1"] },
  { what: "rbm: unknown kind", run: () => boltzmann.rbm({ W: [[0.1]], a: [0], c: [0], kind: "bb" as never }), code: "INVALID_ARGUMENT", has: ['"bb"', "bernoulli"] },
  { what: "boltzmannMachine: self-coupling", run: () => boltzmann.boltzmannMachine({ W: [[1, 0], [0, 0]], b: [0, 0] }), code: "INVALID_ARGUMENT", has: ["W[0][0] = 1"] },
  { what: "boltzmannMachine: asymmetric couplings", run: () => boltzmann.boltzmannMachine({ W: [[0, 1], [2, 0]], b: [0, 0] }), code: "NOT_SYMMETRIC", has: ["W[0][1] = 1", "W[1][0] = 2"] },

  // --- rg ---
  { what: "blockSpinMatrix1D: block size does not divide L", run: () => rg.blockSpinMatrix1D(6, 4), code: "INVALID_ARGUMENT", has: ["L = 6", "got 4", "such as 2"] },
  { what: "coarseGrain: R does not fit Sigma", run: () => rg.coarseGrain(m([[2, 0], [0, 2]]), m([[1, 0, 0]])), code: "SHAPE", has: ["1×3", "2×2"] },
  { what: "selectionMatrix: repeated index", run: () => rg.selectionMatrix(3, [1, 1]), code: "INVALID_ARGUMENT", has: ["[1,1]"] },
  { what: "ar1: non-stationary chain", run: () => rg.ar1Covariance(4, { r: 1.5, sigma2: 1 }), code: "DOMAIN", has: ["r = 1.5"] },

  // --- cones ---
  { what: "cones: cone dimension out of range", run: () => cones.coordinateDimension(0, "real"), code: "INVALID_ARGUMENT", has: ["got 0"] },
  { what: "cones: coordinate vector of the wrong length", run: () => cones.fromCoordinates([1, 2], 2, "real", "ut"), code: "SHAPE", has: ["length 3", "[1,2]"] },
  { what: "cones: unknown coordinates", run: () => cones.toCoordinates(m([[1]]), "vech" as never), code: "INVALID_ARGUMENT", has: ['"vech"'] },
  { what: "cones: distance between different sizes", run: () => cones.affineInvariantDistance(m([[1]]), m([[1, 0], [0, 1]])), code: "SHAPE", has: ["1×1", "2×2"] },
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("error messages name the argument, show the value and say what to do", () => {
  it("covers at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
  it.each(CASES.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const e = thrown(c.run);
    expect(e, "expected a QgeomError").toBeInstanceOf(QgeomError);
    const err = e as QgeomError;
    expect(err.code, err.message).toBe(c.code);
    for (const h of c.has) {
      if (typeof h === "string") expect(err.message).toContain(h);
      else expect(err.message).toMatch(h);
    }
    expect(err.message, "the message should say what to do").toMatch(REMEDY);
  });
});

describe("CLI errors", () => {
  const cli: [string, string[], QgeomErrorCode, string[]][] = [
    ["unknown command with a suggestion", ["simplfy", "x", "--json"], "CLI_USAGE", ['"simplfy"', 'did you mean "simplify"']],
    ["unknown flag with a suggestion", ["simplify", "x", "--jsn", "--json"], "CLI_USAGE", ["--jsn", 'did you mean "json"']],
    ["flag without a value", ["eval", "x", "--json", "--at"], "CLI_USAGE", ["--at needs a value"]],
    ["malformed point", ["eval", "x", "--at", "x:1", "--json"], "CLI_USAGE", ['"x:1"', "x=1"]],
    ["missing point coordinate", ["eval", "x + y", "--at", "x=1", "--json"], "UNKNOWN_VARIABLE", ["y", "--at y=..."]],
    ["matrix flag that is not JSON", ["wishart", "logpdf", "--X", "[[1,0],[0,1]", "--df", "3", "--scale", "[[1,0],[0,1]]", "--json"], "CLI_USAGE", ["--X", '"[[1,0],[0,1]"']],
    ["wishart df too small", ["wishart", "logpdf", "--X", "[[1,0],[0,1]]", "--df", "0.5", "--scale", "[[1,0],[0,1]]", "--json"], "INVALID_ARGUMENT", ["df = 0.5"]],
  ];
  it.each(cli)("%s", async (_what, argv, code, has) => {
    const r = await runCli(argv);
    expect(r.code).not.toBe(0);
    const { error } = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(error.code, error.message).toBe(code);
    for (const h of has) expect(error.message).toContain(h);
    expect(error.message).toMatch(REMEDY);
  });
});

describe("closestName", () => {
  it("suggests only plausible typos", () => {
    expect(closestName("sinn", ["sin", "cos", "exp"])).toBe("sin");
    expect(closestName("digama", ["gamma", "digamma"])).toBe("digamma");
    expect(closestName("frobnicate", ["sin", "cos", "exp"])).toBeNull();
    expect(closestName("x", ["x"])).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Static scan of src: every literal QgeomError message is long enough and contains a remedy.

const MIN_LENGTH = 25;

/** Sites whose message is built elsewhere, with the reason (file:first-words). */
const ALLOW: Record<string, string> = {};

interface Site {
  where: string;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The message argument's literal text with `${…}` placeholders; every branch of a conditional. */
function messageTexts(e: ts.Expression, sf: ts.SourceFile): string[] | null {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text + e.templateSpans.map((s) => "${…}" + s.literal.text).join("")];
  if (ts.isParenthesizedExpression(e)) return messageTexts(e.expression, sf);
  if (ts.isConditionalExpression(e)) {
    const a = messageTexts(e.whenTrue, sf), b = messageTexts(e.whenFalse, sf);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = messageTexts(e.left, sf), b = messageTexts(e.right, sf);
    return [(a ?? ["${…}"]).join(" | ") + (b ?? ["${…}"]).join(" | ")];
  }
  return null; // built elsewhere: must be on the allow-list
}

function scanSites(): { sites: Site[]; opaque: string[] } {
  const root = join(import.meta.dirname, "..", "..");
  const sites: Site[] = [];
  const opaque: string[] = [];
  for (const file of sourceFiles(join(root, "src"))) {
    const src = readFileSync(file, "utf8");
    if (!src.includes("new QgeomError(")) continue;
    const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText(sf) === "QgeomError" && n.arguments && n.arguments.length >= 2) {
        const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
        const where = `${relative(root, file)}:${line}`;
        const texts = messageTexts(n.arguments[1]!, sf);
        if (texts === null) opaque.push(where);
        else for (const text of texts) sites.push({ where, text });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { sites, opaque };
}

describe("every QgeomError site in src", () => {
  const { sites, opaque } = scanSites();
  it("finds the sites", () => {
    expect(sites.length).toBeGreaterThan(600);
  });
  it(`has a message of at least ${MIN_LENGTH} characters with a remedy`, () => {
    const bad = sites
      .filter((s) => !(s.where in ALLOW))
      .filter((s) => s.text.length < MIN_LENGTH || !REMEDY.test(s.text))
      .map((s) => `${s.where}: ${s.text}`);
    expect(bad).toEqual([]);
  });
  it("builds messages in place (or the site is allow-listed with a reason)", () => {
    expect(opaque.filter((w) => !(w in ALLOW))).toEqual([]);
  });
});
