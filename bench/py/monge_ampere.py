#!/usr/bin/env python3
"""SymPy/NumPy/SciPy peer for bench/monge-ampere.bench.ts. Reads JSON on stdin:
{"symbolic": [{"name", "potential" (SymPy syntax), "vars"}], "batch": {"det", "vars", "n"},
 "gaussian": {"d": {"m1", "S1", "m2", "S2"}}} and prints CPU seconds (time.process_time):
first-call seconds of SymPy's cancel(hessian(phi).det()); per-point seconds of a NumPy-vectorised
lambdify of the same det D^2 phi; per-call seconds of the Gaussian Brenier map with scipy.linalg.sqrtm
(Schur) and through eigh (qgeom's route). OpenBLAS single-threaded, as in bench/py/linalg.py."""
import json
import os
import sys
import time
import timeit

from peer import best  # noqa: E402  (sets OPENBLAS_NUM_THREADS first)
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg as sl  # noqa: E402
import sympy as sp  # noqa: E402




def brenier_schur(m1, S1, m2, S2):
    h = np.real(sl.sqrtm(S1))
    ih = np.linalg.inv(h)
    mid = np.real(sl.sqrtm(h @ S2 @ h))
    A = ih @ mid @ ih
    b = m2 - A @ m1
    return A, b, float(np.sum((m1 - m2) ** 2) + np.trace(S1) + np.trace(S2) - 2 * np.trace(mid))


def fun_eigh(a, f):
    w, v = sl.eigh(a)
    return (v * f(w)) @ v.T


def brenier_eigh(m1, S1, m2, S2):
    h = fun_eigh(S1, np.sqrt)
    ih = fun_eigh(S1, lambda w: 1 / np.sqrt(w))
    mid = fun_eigh(h @ S2 @ h, np.sqrt)
    A = ih @ mid @ ih
    b = m2 - A @ m1
    return A, b, float(np.sum((m1 - m2) ** 2) + np.trace(S1) + np.trace(S2) - 2 * np.trace(mid))


def main():
    req = json.load(sys.stdin)
    out = {"versions": {"sympy": sp.__version__, "numpy": np.__version__, "scipy": scipy.__version__}, "symbolic": {}, "gaussian": {}}
    ns = {"softplus": lambda t: sp.log(1 + sp.exp(t))}
    for c in req["symbolic"]:
        xs = sp.symbols(c["vars"])
        phi = sp.sympify(c["potential"], locals=ns)
        t0 = time.process_time()
        sp.cancel(sp.hessian(phi, xs).det())
        out["symbolic"][c["name"]] = time.process_time() - t0
    b = req["batch"]
    xs = sp.symbols(b["vars"])
    det = sp.sympify(b["det"])
    f = sp.lambdify(xs, det, "numpy")
    rng = np.random.default_rng(1)
    pts = [rng.uniform(-2, 2, b["n"]) for _ in xs]
    out["batch_per_point"] = best(lambda: f(*pts)) / b["n"]
    for d, g in req["gaussian"].items():
        m1, S1, m2, S2 = (np.array(g[k], dtype=float) for k in ("m1", "S1", "m2", "S2"))
        out["gaussian"][d] = {"schur": best(lambda: brenier_schur(m1, S1, m2, S2)), "eigh": best(lambda: brenier_eigh(m1, S1, m2, S2))}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
