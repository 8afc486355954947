// C4-jordan (MATH §10 item 4): symmetric cones correspond to Euclidean (formally real) Jordan algebras,
// five simple types; natural cones of von Neumann algebras are only the "orientable" subclass
// ⊕ Herm_m(ℂ)⁺. Computed: N = r + d r(r−1)/2 and the invariants of each type, exactly.
import { add, mul, num, sub, sym } from "../src/core/index.js";
import type { Proof, StepCertificate } from "../src/proofs/index.js";
import { type JordanAlgebra, centreDimension, checkMatrixAlgebra, hermitianAlgebra, jordanRank, spinFactor } from "./support/jordan.js";

interface Row {
  alg: JordanAlgebra;
  type: string;
  r: number;
  d: number;
}

export const c4Jordan: Proof = {
  id: "C4-jordan",
  title: "Five Jordan types versus natural cones (the orientable subclass)",
  source: "MATH.md §10 item 4, §7 P7.2",
  statement:
    "Symmetric cones correspond to Euclidean (formally real) Jordan algebras, whose simple types are $\\mathrm{Sym}_r(\\mathbb R)$, $\\mathrm{Herm}_r(\\mathbb C)$, $\\mathrm{Herm}_r(\\mathbb H)$ ($d=1,2,4$), $\\mathrm{Herm}_3(\\mathbb O)$ ($d=8$) and the spin factors (rank 2, Lorentz cones), with dimension $N=r+d\\,r(r-1)/2$. " +
    "Natural cones of finite-dimensional von Neumann algebras are $\\bigoplus_k\\mathrm{Herm}_{m_k}(\\mathbb C)^+$. A simple symmetric cone is linearly isomorphic to a natural cone iff $d=2$ or $r=1$ (so $N=r^2$): $\\mathrm{Sym}_r^+$ and $\\mathrm{Herm}_r(\\mathbb H)^+$ for $r\\ge2$, the Albert cone and the Lorentz cones of dimension $\\ne4$ are symmetric but not natural. " +
    "The two classes differ; the natural cones are the orientable subclass (Connes; Alfsen–Shultz).",
  hypotheses: [
    "Jordan–von Neumann–Wigner: formally real = Euclidean Jordan algebras; the classification of the simple ones (Faraut–Korányi, Ch. V)",
    "a simple Jordan algebra has centre $\\mathbb Re$ and an irreducible cone; a natural cone $\\bigoplus_k\\mathrm{Herm}_{m_k}^+$ has rank $\\sum m_k$, dimension $\\sum m_k^2$ and $\\#k$ irreducible components",
    "$\\mathrm{Herm}_3(\\mathbb O)$ ($N=27$, $r=3$) is not realised by matrices here: its dimension is the formula; the other types are computed from explicit bases ($\\mathbb C$, $\\mathbb H$ through real representations)",
  ],
  informal: { claim: "Finite-dimensional CAH cones correspond to formally real Jordan algebras (five types) (companion paper, arXiv:2412.12289).", verdict: "fails as stated" },
  references: ["Jordan–von Neumann–Wigner, Ann. Math. 35 (1934) 29–64", "Faraut–Korányi, Analysis on Symmetric Cones (1994)", "Connes, Ann. Inst. Fourier 24 (1974) 121–155", "Alfsen–Shultz, Geometry of State Spaces of Operator Algebras (2003)"],
  run(ctx) {
    const rows: Row[] = [
      ...[1, 2, 3, 4].map((r) => ({ alg: hermitianAlgebra(r, 1), type: "Sym_r(R)", r, d: 1 })),
      ...[1, 2, 3].map((r) => ({ alg: hermitianAlgebra(r, 2), type: "Herm_r(C)", r, d: 2 })),
      ...[1, 2, 3].map((r) => ({ alg: hermitianAlgebra(r, 4), type: "Herm_r(H)", r, d: 4 })),
      ...[2, 3, 4, 5, 6, 8].map((k) => ({ alg: spinFactor(k), type: "spin factor", r: 2, d: k - 1 })),
    ];
    ctx.custom("Exact invariants of the simple types from explicit bases: closed under $\\circ$, dimension $N=r+d\\,r(r-1)/2$, rank $r$, centre of dimension 1 (simple); $\\mathbb R$, $\\mathbb C$, $\\mathbb H$ with $r\\le4,3,3$ and spin factors of dimension 3 to 9", (): StepCertificate => {
      const out: string[] = [];
      for (const { alg, r, d } of rows) {
        const chk = checkMatrixAlgebra(alg);
        const N = r + (d * r * (r - 1)) / 2;
        const got = [alg.N, jordanRank(alg), centreDimension(alg)];
        if (!chk.independent || !chk.closed || got[0] !== N || got[1] !== r || got[2] !== 1)
          return { kind: "refuted", detail: `${alg.name}: (N, r, centre) = (${got.join(", ")}), expected (${N}, ${r}, 1)` };
        out.push(`${alg.name} (${got.join(", ")})`);
      }
      return { kind: "proved/exact", detail: `rational arithmetic: ${out.join("; ")}` };
    }, { justification: "A spin factor $\\mathbb R\\oplus\\mathbb R^k$ has rank 2 and $N=k+1=2+d$ with $d=k-1$: for $r=2$ every $d\\ge1$ occurs" });
    const [r, d] = [sym("r"), sym("d")];
    ctx.identity("$r+d\\,\\frac{r(r-1)}2-r^2=(d-2)\\,\\frac{r(r-1)}2$: a single $\\mathrm{Herm}_m^+$ with $m=r$ has the dimension $N$ iff $d=2$ or $r\\le1$", sub(add(r, mul(d, r, sub(r, num(1)), num("1/2"))), mul(r, r)), mul(sub(d, num(2)), r, sub(r, num(1)), num("1/2")), {
      display: { kind: "identity", lhs: sub(add(r, mul(d, r, sub(r, num(1)), num("1/2"))), mul(r, r)), rhs: mul(sub(d, num(2)), r, sub(r, num(1)), num("1/2")) },
      justification: "A simple cone can only be isomorphic to a natural cone with one summand (one irreducible component), of the same rank $m=r$",
    });
    ctx.custom("Classification of the computed types (and $\\mathrm{Herm}_3(\\mathbb O)$, $N=27$, $r=3$): symmetric and natural only for $d=2$ or $r=1$", (): StepCertificate => {
      const natural: string[] = [], notNatural: string[] = [];
      for (const { alg, r: rr } of rows) (alg.N === rr * rr ? natural : notNatural).push(alg.name);
      const albert = { N: 3 + (8 * 3 * 2) / 2, r: 3 };
      if (albert.N !== 27) return { kind: "refuted", detail: "Albert dimension" };
      notNatural.push("Herm_3(O)");
      const bad = rows.filter(({ alg, r: rr, d: dd }) => (alg.N === rr * rr) !== (dd === 2 || rr === 1));
      if (bad.length) return { kind: "refuted", detail: `mismatch for ${bad.map((b) => b.alg.name).join(", ")}` };
      return { kind: "proved/exact", detail: `natural (isomorphic to Herm_r(C)^+): ${natural.join(", ")}; symmetric but not natural: ${notNatural.join(", ")}` };
    }, { justification: "Rank $r$, dimension $N$ and the number of irreducible components are invariants of linear isomorphisms of cones; $\\mathrm{Spin}(4)\\cong\\mathrm{Herm}_2(\\mathbb C)$ is the one spin factor that is natural" });
    ctx.custom("The paper's identification of CAH (natural) cones with the five Jordan types fails: $\\mathrm{Sym}_2(\\mathbb R)^+$, $\\mathrm{Herm}_2(\\mathbb H)^+$ and the Lorentz cone of dimension 5 are symmetric (self-dual, homogeneous) cones that are not natural cones", (): StepCertificate => {
      const ex = rows.filter((x) => ["Herm_2(R)", "Herm_2(H)", "Spin(5)"].includes(x.alg.name));
      if (ex.length !== 3) return { kind: "refuted", detail: "examples missing" };
      const wrong = ex.filter((x) => x.alg.N === x.r * x.r);
      if (wrong.length) return { kind: "refuted", detail: `${wrong.map((w) => w.alg.name).join(", ")} would be natural` };
      return { kind: "counterexample", method: "exact", detail: ex.map((x) => `${x.alg.name}: rank ${x.r}, dimension ${x.alg.N} != ${x.r * x.r}, one irreducible component`).join("; ") };
    }, { expect: "fails", justification: "Natural cones are the self-dual, facially homogeneous and orientable cones (Connes); symmetric cones need not be orientable" });
  },
};
