#!/usr/bin/python3
"""Extraction-throughput bench on a realistic feature extractor, PyTorch side: torchvision's InceptionV3 architecture
(randomly initialised from seed 0 -- no pretrained weights can be downloaded here; throughput does not depend on the
weights) with the classifier replaced by the identity, so it maps [B,3,299,299] in [0,1] to the 2048-d pool3 features
FID uses. Traces it to TorchScript at the given path, then times it on N seeded images in batches, like
ExtractBench.java does through DJL. Usage: extract_inception.py MODEL.pt N BATCH  (env EXTRACT_THREADS, default 1)"""
import os
import sys
import time

import numpy as np
import torch
import torchvision

path, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(int(os.environ.get("EXTRACT_THREADS", "1")))
if not os.path.exists(path):
    torch.manual_seed(0)
    net = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=True, transform_input=False)
    net.fc = torch.nn.Identity()
    net.eval()
    with torch.no_grad():
        torch.jit.trace(net, torch.rand(2, 3, 299, 299)).save(path)
model = torch.jit.load(path).eval()
x = np.random.default_rng(1).random((n, 3, 299, 299), dtype=np.float32)
with torch.no_grad():
    for _ in range(3):
        model(torch.from_numpy(x[:batch]))  # warm-up (profiling executor runs)
    t = time.perf_counter()
    s = 0.0
    for i in range(0, n, batch):
        s += float(model(torch.from_numpy(x[i:i + batch])).sum())
    dt = time.perf_counter() - t
print("pytorch   %d images in %.3f s: %.1f images/s (InceptionV3 pool3, torch %s, %d threads; checksum %.6f)"
      % (n, dt, n / dt, torch.__version__, torch.get_num_threads(), s))
