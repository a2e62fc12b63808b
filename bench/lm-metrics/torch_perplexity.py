#!/usr/bin/python3
"""PyTorch side of benchmark (a): scores the corpus with the same TorchScript model, the same windows (genaudit's
SlidingWindowPlan = the Hugging Face recipe, every target once) and the same batch size, and prints tokens/s.

usage: torch_perplexity.py MODEL.pt CORPUS_DIR MAX_LENGTH STRIDE BATCH
"""
import glob
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F


def windows(n, length, stride):
    out, prev_end, begin = [], 0, 0
    if n < 2:
        return out
    while True:
        end = min(begin + length, n)
        first = max(prev_end, begin + 1)
        if first < end:
            out.append((begin, end, first))
        prev_end = end
        if end == n:
            return out
        begin += stride


def score(model, docs, length, stride, batch):
    jobs = [(d, w) for d, ids in enumerate(docs) for w in windows(len(ids), length, stride)]
    nll, tokens = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(jobs), batch):
            chunk = jobs[i:i + batch]
            t = max(e - b for _, (b, e, _) in chunk)
            x = torch.zeros(len(chunk), t, dtype=torch.long)
            for r, (d, (b, e, _)) in enumerate(chunk):
                x[r, :e - b] = torch.tensor(docs[d][b:e])
            logp = F.log_softmax(model(x).float(), -1)
            for r, (d, (b, e, first)) in enumerate(chunk):
                pos = torch.arange(first - b - 1, e - b - 1)
                tgt = torch.tensor(docs[d][first:e])
                nll -= float(logp[r, pos, tgt].sum())
                tokens += e - first
    return nll, tokens


def main():
    model_path, corpus, length, stride, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", torch.get_num_threads())))
    model = torch.jit.load(model_path).eval()
    docs = []
    for f in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        with open(f, encoding="utf-8") as fh:
            docs.append(list(fh.read().encode("utf-8")))
    score(model, docs[:2], length, stride, batch)  # warm-up
    t0 = time.perf_counter()
    nll, tokens = score(model, docs, length, stride, batch)
    sec = time.perf_counter() - t0
    print(json.dumps({"engine": "pytorch " + torch.__version__, "threads": torch.get_num_threads(), "tokens": tokens,
                      "seconds": sec, "tokens_per_s": tokens / sec, "perplexity": math.exp(nll / tokens)}))


if __name__ == "__main__":
    main()
