"""Shared timing for the Python peers: CPU seconds per call (time.process_time), the minimum over
repeats of batches lasting at least 10 ms, as bench/util.ts's cpuTime does. OpenBLAS is pinned to one
thread before NumPy loads (qgeom is single-threaded; threaded OpenBLAS made SciPy 100-250x slower at
n = 128 on these shared 2-core machines)."""
import os
import time
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def best(fn, min_time=0.3):
    t = timeit.Timer(fn, timer=time.process_time)
    number = 1
    while t.timeit(number) < 0.01:
        number *= 2
    reps = max(3, min(30, int(min_time / max(t.timeit(number), 1e-9))))
    return min(t.repeat(reps, number)) / number
