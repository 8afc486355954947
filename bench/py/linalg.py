#!/usr/bin/env python3
"""SciPy peer for bench/linalg.bench.ts: reads {"matrices": {"n": [[...]]}} on stdin and prints
CPU seconds per call for eigh, cholesky, logm, sqrtm (SciPy's general Schur-based logm/sqrtm, and
the eigh route V diag(f(λ)) Vᵀ that qgeom uses, for a like-for-like comparison).

OpenBLAS runs single-threaded (OPENBLAS_NUM_THREADS=1 unless set): qgeom is single-threaded, and on
the project's 2-core machines OpenBLAS's default threading makes n = 128 calls 100-250x slower
(thread contention), which would flatter qgeom."""
import json
import sys
import os
import time
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # see the note in the docstring
from peer import best  # noqa: E402  (sets OPENBLAS_NUM_THREADS first)
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg as sl  # noqa: E402




def eig_route(a, f):
    w, v = sl.eigh(a)
    return (v * f(w)) @ v.T


def main():
    req = json.load(sys.stdin)
    out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}, "times": {}}
    for n, rows in req["matrices"].items():
        a = np.array(rows, dtype=float)
        out["times"][n] = {
            "eigh": best(lambda: sl.eigh(a)),
            "cholesky": best(lambda: sl.cholesky(a, lower=True)),
            "logm": best(lambda: sl.logm(a)),
            "sqrtm": best(lambda: sl.sqrtm(a)),
            "logm_eigh": best(lambda: eig_route(a, np.log)),
            "sqrtm_eigh": best(lambda: eig_route(a, np.sqrt)),
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
