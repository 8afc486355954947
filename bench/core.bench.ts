// Core benchmark (issue 2): Hessian + determinant + cancellation, and verify on polynomial identities,
// against SymPy (python3) and mathjs in one run. Each measurement uses fresh symbol names, so no cache
// of ours (hash-consing, derivative cache) carries over between repetitions.
import { spawnSync } from "node:child_process";
import { det, hessian, matrix, verify } from "../src/core/index.js";
import { parse } from "../src/interop/index.js";
import { fmtRatio, fmtTime, printTable, runPython } from "./util.js";

interface HessCase {
  id: string;
  kind: "hessdet";
  potential: (prefix: string) => string;
  vars: (prefix: string) => string[];
}
interface VerifyCase {
  id: string;
  kind: "verify";
  lhs: (prefix: string) => string;
  rhs: (prefix: string) => string;
}

const detX = (p: string) => `${p}a*${p}c - ${p}b^2`;
const det3 = (p: string) =>
  `${p}x11*${p}x22*${p}x33 - ${p}x11*${p}x23^2 - ${p}x12^2*${p}x33 + 2*${p}x12*${p}x13*${p}x23 - ${p}x13^2*${p}x22`;

const hessCases: HessCase[] = [
  { id: "-log det X, p=2", kind: "hessdet", potential: (p) => `-log(${detX(p)})`, vars: (p) => [`${p}a`, `${p}b`, `${p}c`] },
  {
    id: "-log det X, p=3",
    kind: "hessdet",
    potential: (p) => `-log(${det3(p)})`,
    vars: (p) => ["x11", "x12", "x13", "x22", "x23", "x33"].map((v) => p + v),
  },
  ...[3, 4, 5, 6].map<HessCase>((n) => ({
    id: `log-sum-exp, n=${n}`,
    kind: "hessdet",
    potential: (p) => `log(${Array.from({ length: n }, (_, i) => `exp(${p}x${i + 1})`).join(" + ")})`,
    vars: (p) => Array.from({ length: n }, (_, i) => `${p}x${i + 1}`),
  })),
];

const sum = (p: string, names: string[]) => names.map((n) => p + n).join(" + ");
const verifyCases: VerifyCase[] = [
  {
    id: "deg 20, 4 vars: ((x1+x2)^2-(x3+x4)^2)^10",
    kind: "verify",
    lhs: (p) => `((${p}x1 + ${p}x2)^2 - (${p}x3 + ${p}x4)^2)^10`,
    rhs: (p) => `((${p}x1 + ${p}x2 - ${p}x3 - ${p}x4)*(${p}x1 + ${p}x2 + ${p}x3 + ${p}x4))^10`,
  },
  {
    id: "deg 12, 6 vars: Lagrange identity cubed",
    kind: "verify",
    lhs: (p) => `((${p}a1^2 + ${p}a2^2 + ${p}a3^2)*(${p}b1^2 + ${p}b2^2 + ${p}b3^2) - (${p}a1*${p}b1 + ${p}a2*${p}b2 + ${p}a3*${p}b3)^2)^3`,
    rhs: (p) =>
      `((${p}a1*${p}b2 - ${p}a2*${p}b1)^2 + (${p}a1*${p}b3 - ${p}a3*${p}b1)^2 + (${p}a2*${p}b3 - ${p}a3*${p}b2)^2)^3`,
  },
  {
    id: "deg 15, 5 vars: (s^3 - t^3)^5 factored",
    kind: "verify",
    lhs: (p) => `((${sum(p, ["x1", "x2", "x3"])})^3 - (${sum(p, ["x4", "x5"])})^3)^5`,
    rhs: (p) =>
      `((${sum(p, ["x1", "x2", "x3"])} - ${p}x4 - ${p}x5)*((${sum(p, ["x1", "x2", "x3"])})^2 + (${sum(p, ["x1", "x2", "x3"])})*(${sum(p, ["x4", "x5"])}) + (${sum(p, ["x4", "x5"])})^2))^5`,
  },
  {
    id: "deg 20, 6 vars: (s+t)^10 (s-t)^10 = (s^2-t^2)^10",
    kind: "verify",
    lhs: (p) => `(${sum(p, ["x1", "x2", "x3", "x4", "x5", "x6"])})^10*(${p}x1 - ${p}x2 + ${p}x3 - ${p}x4 + ${p}x5 - ${p}x6)^10`,
    rhs: (p) => `((${sum(p, ["x1", "x3", "x5"])})^2 - (${sum(p, ["x2", "x4", "x6"])})^2)^10`,
  },
];

function oursHess(c: HessCase, rep: number): { t: number; value: string } {
  const p = `r${rep}_`;
  const t0 = performance.now();
  const d = det(matrix(hessian(parse(c.potential(p)), c.vars(p))));
  return { t: (performance.now() - t0) / 1000, value: d.toString().replaceAll(p, "") };
}
function oursVerify(c: VerifyCase, rep: number): { t: number; value: string } {
  const p = `r${rep}_`;
  const t0 = performance.now();
  const cert = verify(parse(c.lhs(p)), parse(c.rhs(p)));
  const t = (performance.now() - t0) / 1000;
  return { t, value: cert.verdict + "/" + cert.method };
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** mathjs in a child process with a time limit (its simplify/rationalize can run for very long). */
function mathjsAttempt(kind: "hessdet" | "verify", a: string, b?: string): string {
  // mathjs has derivative but no symbolic determinant: the Hessian is as far as it goes
  if (kind === "hessdet") return "no symbolic det";
  const script = `import("mathjs").then(({create, all}) => { const m = create(all); const t0 = performance.now();
    const r = m.symbolicEqual(${JSON.stringify(a)}, ${JSON.stringify(b)});
    console.log(JSON.stringify({ r, t: (performance.now() - t0) / 1000 })); })`;
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000, cwd: process.cwd() });
  if (res.error || res.status !== 0) return res.signal ? "> 30 s (stopped)" : "error";
  const j = JSON.parse(res.stdout) as { r: boolean; t: number };
  return `${j.r ? "true" : "false (wrong)"} in ${fmtTime(j.t)}`;
}

const reps = 5;
const py = runPython("core.py", {
  timeout: 120,
  cases: [
    ...hessCases.map((c) => ({ id: c.id, kind: c.kind, potential: c.potential(""), vars: c.vars("") })),
    ...verifyCases.map((c) => ({ id: c.id, kind: c.kind, lhs: c.lhs(""), rhs: c.rhs("") })),
  ],
}, 3600);

oursHess(hessCases[0]!, 99); // JIT warm-up on unrelated names
const rowsH: string[][] = [];
for (const c of hessCases) {
  const runs = Array.from({ length: reps }, (_, k) => oursHess(c, k));
  const t = median(runs.map((r) => r.t));
  const s = py?.results[c.id];
  const sympyT = s ? (s.timeout ? null : s.seconds) : undefined;
  rowsH.push([
    c.id,
    runs[0]!.value.length > 48 ? runs[0]!.value.slice(0, 45) + "…" : runs[0]!.value,
    fmtTime(t),
    s ? (s.timeout ? "> 120 s" : fmtTime(s.seconds)) : "—",
    s?.timeout ? "> " + fmtRatio(120, t) : fmtRatio(sympyT, t),
    mathjsAttempt("hessdet", c.potential("")),
  ]);
}
printTable("Hessian + det + cancellation (median of 5, fresh symbols each)", ["case", "our result", "qgeom", "SymPy", "SymPy / qgeom", "mathjs"], rowsH);

const rowsV: string[][] = [];
for (const c of verifyCases) {
  const runs = Array.from({ length: reps }, (_, k) => oursVerify(c, k));
  const t = median(runs.map((r) => r.t));
  const s = py?.results[c.id];
  rowsV.push([
    c.id,
    runs[0]!.value,
    fmtTime(t),
    s ? (s.timeout ? "> 120 s" : fmtTime(s.seconds)) : "—",
    s?.timeout ? "> " + fmtRatio(120, t) : fmtRatio(s?.seconds, t),
    mathjsAttempt("verify", c.lhs(""), c.rhs("")),
  ]);
}
printTable("verify on polynomial identities (median of 5)", ["identity", "our certificate", "qgeom", "SymPy expand(l-r)==0", "SymPy / qgeom", "mathjs symbolicEqual"], rowsV);
if (py) console.log(`\nSymPy ${py.sympy}; ratios > 1 mean qgeom is faster.`);
