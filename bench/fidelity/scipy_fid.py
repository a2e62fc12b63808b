#!/usr/bin/python3
"""pytorch-fid's calculate_frechet_distance (scipy.linalg.sqrtm) timed on the same 2048-d features as FrechetBench.

Run through bench/fidelity/run.sh; reuses make_reference.py's generator and formula."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "reference", "fidelity"))
from make_reference import features_2048, pytorch_fid_statistics, pytorch_fid_distance  # noqa: E402

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2100
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
r, f = features_2048(n)
m1, s1 = pytorch_fid_statistics(r)
m2, s2 = pytorch_fid_statistics(f)
times = []
for _ in range(reps):
    t = time.perf_counter()
    v, off = pytorch_fid_distance(m1, s1, m2, s2)
    times.append(time.perf_counter() - t)
times.sort()
try:
    from threadpoolctl import threadpool_info
    blas = ", ".join("%s %s %d threads, %s" % (i["internal_api"], i.get("version"), i["num_threads"], i.get("architecture"))
                     for i in threadpool_info() if i["user_api"] == "blas")
except ImportError:
    blas = "BLAS threads unknown (no threadpoolctl)"
print("pytorch-fid FID %.12f  distance best %.3f s  median %.3f s  (scipy sqrtm; %d runs; offset %s; %s)" % (v, times[0], times[len(times) // 2], reps, off, blas))
