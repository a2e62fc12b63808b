#!/usr/bin/python3
"""Extraction-throughput bench, PyTorch side: writes a seeded feature extractor as TorchScript to the given path (if it
is not there yet), then times it on N seeded images in batches, single process, like ExtractBench.java does through DJL.
  cnn (default): a small CNN, 3x32x32 in [0,1] -> 128-d (conv-relu x3 + global average pool);
  inception: torchvision's InceptionV3 architecture (random weights from seed 0 -- no pretrained weights can be
             downloaded here, and throughput does not depend on them; needs python3-torchvision), classifier replaced
             by the identity: 3x299x299 -> the 2048-d pool3 features FID uses.
Usage: extract_torch.py MODEL.pt N BATCH [cnn|inception]   (env EXTRACT_THREADS, default 1)"""
import os
import sys
import time

import numpy as np
import torch

path, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
kind = sys.argv[4] if len(sys.argv) > 4 else "cnn"
torch.set_num_threads(int(os.environ.get("EXTRACT_THREADS", "1")))


def build(kind):
    torch.manual_seed(0)
    if kind == "inception":
        import torchvision
        net = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=True, transform_input=False)
        net.fc = torch.nn.Identity()
        return net.eval(), 299, "InceptionV3 pool3, "
    net = torch.nn.Sequential(
        torch.nn.Conv2d(3, 32, 3, padding=1), torch.nn.ReLU(),
        torch.nn.Conv2d(32, 64, 3, stride=2, padding=1), torch.nn.ReLU(),
        torch.nn.Conv2d(64, 128, 3, stride=2, padding=1), torch.nn.ReLU(),
        torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()).eval()
    return net, 32, ""


net, size, label = build(kind)
if not os.path.exists(path):
    with torch.no_grad():
        torch.jit.trace(net, torch.rand(2, 3, size, size)).save(path)
model = torch.jit.load(path).eval()
x = np.random.default_rng(1).random((n, 3, size, size), dtype=np.float32)
with torch.no_grad():
    for _ in range(3):
        model(torch.from_numpy(x[:batch]))  # warm-up (profiling executor runs)
    t = time.perf_counter()
    s = 0.0
    for i in range(0, n, batch):
        s += float(model(torch.from_numpy(x[i:i + batch])).sum())
    dt = time.perf_counter() - t
print("pytorch   %d images in %.3f s: %.1f images/s (%storch %s, %d threads; checksum %.6f)"
      % (n, dt, n / dt, label, torch.__version__, torch.get_num_threads(), s))
