#!/usr/bin/env python3
"""SciPy peer for bench/modular.bench.ts: reads {"cases": {"n": {"rho", "sigma", "x"}}} (complex
matrices as {"re", "im"}) and a time t on stdin; prints CPU seconds per call of
  flow:         U = expm(1j t logm(rho)); U @ x @ U^*          (the expm/logm route)
  flow_eigh:    w, V = eigh(rho); U = (V * w^{it}) V^*; U @ x @ U^*
  relent:       tr rho (logm rho - logm sigma)                  (Schur-based logm)
  relent_eigh:  the same through eigh (V diag(log w) V^*)
OpenBLAS single-threaded (qgeom is single-threaded; see bench/py/linalg.py)."""
import json
import os
import sys
import time
import timeit

from peer import best  # noqa: E402  (sets OPENBLAS_NUM_THREADS first)
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg as sl  # noqa: E402




def cm(d):
    return np.array(d["re"]) + 1j * np.array(d["im"])


def main():
    req = json.load(sys.stdin)
    t = req["t"]
    out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}, "times": {}}
    for n, c in req["cases"].items():
        rho, sigma, x = cm(c["rho"]), cm(c["sigma"]), cm(c["x"])

        def flow():
            U = sl.expm(1j * t * sl.logm(rho))
            return U @ x @ U.conj().T

        def flow_eigh():
            w, V = sl.eigh(rho)
            U = (V * np.exp(1j * t * np.log(w))) @ V.conj().T
            return U @ x @ U.conj().T

        def relent():
            return np.trace(rho @ (sl.logm(rho) - sl.logm(sigma))).real

        def logh(a):
            w, V = sl.eigh(a)
            return (V * np.log(w)) @ V.conj().T

        def relent_eigh():
            return np.trace(rho @ (logh(rho) - logh(sigma))).real

        out["times"][n] = {"flow": best(flow), "flow_eigh": best(flow_eigh), "relent": best(relent), "relent_eigh": best(relent_eigh)}
        out.setdefault("values", {})[n] = {"relent": float(relent())}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
