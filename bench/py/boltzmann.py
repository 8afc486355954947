#!/usr/bin/env python3
"""NumPy peer for bench/boltzmann.bench.ts. Reads {"W", "a", "c", "n", "seed"} on stdin; prints values
(for a correctness cross-check) and CPU seconds per call (time.process_time, minimum over repeats) for
  * exact log Z of a Bernoulli–Bernoulli RBM: summed over the hidden layer (2^m states), over the visible
    layer (2^d states, vectorised), and by brute force over all 2^(d+m) joint states;
  * the free energy F(v) = −aᵀv − Σ_j softplus(c_j + (Wᵀv)_j) of a batch of n visible vectors.
Single-threaded OpenBLAS (OPENBLAS_NUM_THREADS=1), like qgeom."""
import json
import os
import sys
import time
import timeit

from peer import best  # noqa: E402  (sets OPENBLAS_NUM_THREADS first)
import numpy as np  # noqa: E402
from scipy.special import logsumexp  # noqa: E402




def states(n):
    k = np.arange(2 ** n)
    return ((k[:, None] >> np.arange(n)[None, :]) & 1).astype(float)


def main():
    req = json.load(sys.stdin)
    W = np.array(req["W"]); a = np.array(req["a"]); c = np.array(req["c"])
    d, m = W.shape
    V = states(d); H = states(m)

    def logz_hidden():
        return logsumexp(H @ c + np.logaddexp(0, H @ W.T + a).sum(1))

    def logz_visible():
        return logsumexp(V @ a + np.logaddexp(0, V @ W + c).sum(1))

    def logz_joint():
        E = -(V @ a)[:, None] - (H @ c)[None, :] - (V @ W) @ H.T
        return logsumexp(-E)

    rng = np.random.default_rng(req["seed"])
    X = (rng.random((req["n"], d)) < 0.5).astype(float)

    def free_energy():
        return -X @ a - np.logaddexp(0, X @ W + c).sum(1)

    F = free_energy()
    out = {
        "versions": {"numpy": np.__version__},
        "values": {"hidden": float(logz_hidden()), "visible": float(logz_visible()), "joint": float(logz_joint()),
                   "F_first": F[:5].tolist(), "F_sum": float(F.sum())},
        "X": None,
        "times": {"hidden": best(logz_hidden), "visible": best(logz_visible), "joint": best(logz_joint), "free_energy": best(free_energy)},
    }
    if req.get("returnData"):
        out["X"] = X.astype(int).tolist()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
