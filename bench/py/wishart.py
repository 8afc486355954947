#!/usr/bin/env python3
"""SciPy peer for bench/wishart.bench.ts: reads {"cases": [{"p", "df", "scale", "X" (flat, N·p·p row-major)}]}
on stdin and prints CPU seconds per call of scipy.stats.wishart.logpdf on the whole stack (X of shape
(p, p, N), SciPy's vectorised form), plus the values for a cross-check. OpenBLAS single-threaded."""
import json
import os
import sys
import time
import timeit

from peer import best  # noqa: E402  (sets OPENBLAS_NUM_THREADS first)
import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.stats import wishart  # noqa: E402




def main():
    req = json.load(sys.stdin)
    out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}, "cases": []}
    for c in req["cases"]:
        p, df = c["p"], c["df"]
        scale = np.array(c["scale"], dtype=float)
        X = np.array(c["X"], dtype=float).reshape(-1, p, p)
        stack = np.ascontiguousarray(np.moveaxis(X, 0, -1))  # (p, p, N)
        values = wishart.logpdf(stack, df=df, scale=scale)
        t = best(lambda: wishart.logpdf(stack, df=df, scale=scale))
        out["cases"].append({"p": p, "n": X.shape[0], "time": t, "values": np.atleast_1d(values).tolist()})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
