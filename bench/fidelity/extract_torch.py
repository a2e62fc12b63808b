#!/usr/bin/python3
"""Extraction-throughput bench, PyTorch side: writes a small seeded CNN feature extractor as TorchScript
(3x32x32 in [0,1] -> 128-d, conv-relu x3 + global average pool) to the given path, then times it on N seeded images in
batches, single process, like ExtractBench.java does through DJL. Usage: extract_torch.py MODEL.pt N BATCH"""
import sys
import time

import numpy as np
import torch

path, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(int(__import__("os").environ.get("EXTRACT_THREADS", "1")))
torch.manual_seed(0)
net = torch.nn.Sequential(
    torch.nn.Conv2d(3, 32, 3, padding=1), torch.nn.ReLU(),
    torch.nn.Conv2d(32, 64, 3, stride=2, padding=1), torch.nn.ReLU(),
    torch.nn.Conv2d(64, 128, 3, stride=2, padding=1), torch.nn.ReLU(),
    torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()).eval()
with torch.no_grad():
    traced = torch.jit.trace(net, torch.rand(2, 3, 32, 32))
traced.save(path)
model = torch.jit.load(path).eval()
x = np.random.default_rng(1).random((n, 3, 32, 32), dtype=np.float32)
with torch.no_grad():
    for _ in range(3):
        model(torch.from_numpy(x[:batch]))  # warm-up (profiling executor runs)
    t = time.perf_counter()
    s = 0.0
    for i in range(0, n, batch):
        s += float(model(torch.from_numpy(x[i:i + batch])).sum())
    dt = time.perf_counter() - t
print("pytorch   %d images in %.3f s: %.1f images/s (torch %s, %d threads; checksum %.6f)" % (n, dt, n / dt, torch.__version__, torch.get_num_threads(), s))
