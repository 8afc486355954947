"""SymPy peer for bench/core.bench.ts: times the same symbolic tasks, one case at a time.

stdin: {"cases": [{"id", "kind": "hessdet"|"verify", ...}], "timeout": seconds}
stdout: {"results": {id: {"seconds": float | null, "timeout": bool, "value": str}}}
"""
import json
import signal
import sys
import time

import sympy as sp


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def hessdet(case):
    vs = sp.symbols(case["vars"])
    f = sp.sympify(case["potential"].replace("^", "**"))
    H = sp.hessian(f, vs)
    d = sp.cancel(sp.together(H.det(method="bareiss")))
    return str(d)


def verify(case):
    lhs = sp.sympify(case["lhs"].replace("^", "**"))
    rhs = sp.sympify(case["rhs"].replace("^", "**"))
    return str(sp.expand(lhs - rhs) == 0)


def main():
    req = json.load(sys.stdin)
    timeout = int(req.get("timeout", 120))
    signal.signal(signal.SIGALRM, on_alarm)
    out = {}
    for case in req["cases"]:
        sp.core.cache.clear_cache()
        signal.alarm(timeout)
        t0 = time.perf_counter()
        try:
            value = (hessdet if case["kind"] == "hessdet" else verify)(case)
            out[case["id"]] = {"seconds": time.perf_counter() - t0, "timeout": False, "value": value[:200]}
        except Timeout:
            out[case["id"]] = {"seconds": None, "timeout": True, "value": ""}
        finally:
            signal.alarm(0)
    json.dump({"results": out, "sympy": sp.__version__}, sys.stdout)


main()
