#!/usr/bin/python3
"""Inputs for the lm-metrics benchmarks, written to the work folder given as argv[1]:

  bench-lm.pt        a byte-level causal Transformer (4 layers, d=256, 4 heads, context 256; seeded random weights)
                     exported with torch.jit.trace: int64 ids [B, T] -> float32 logits [B, T, 256]
  corpus/            12 documents of 2,000 ASCII bytes (seeded random words), one .txt file each
  gen-1000.txt       1,000 "generations", one per line (seeded Zipf-distributed words, 10-30 words each)
  gen-10000.txt      10,000 of them
"""
import math
import os
import random
import sys

import torch
import torch.nn as nn

CTX, VOCAB = 256, 256


class Block(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        q, k, v = [z.view(b, t, self.h, d // self.h).transpose(1, 2) for z in (q, k, v)]
        att = q @ k.transpose(-1, -2) / math.sqrt(d // self.h)
        att = att.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)
        x = x + self.proj((att @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.mlp(self.ln2(x))


class BenchLM(nn.Module):
    def __init__(self, d=256, layers=4, heads=4):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, d)
        self.pos = nn.Parameter(torch.randn(CTX, d) * 0.02)
        self.blocks = nn.Sequential(*[Block(d, heads) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.out = nn.Linear(d, VOCAB)

    def forward(self, ids):
        x = self.tok(ids) + self.pos[: ids.shape[1]]
        return self.out(self.ln(self.blocks(x)))


def words(r, n, vocab):
    # Zipf-like: word k with weight 1/(k+1)
    weights = [1.0 / (k + 1) for k in range(len(vocab))]
    return r.choices(vocab, weights=weights, k=n)


def main():
    work = sys.argv[1]
    os.makedirs(os.path.join(work, "corpus"), exist_ok=True)
    torch.manual_seed(0)
    model = BenchLM().eval()
    with torch.no_grad():
        traced = torch.jit.trace(model, torch.zeros(2, CTX, dtype=torch.long))
        x = torch.randint(0, VOCAB, (3, 37))
        assert torch.allclose(traced(x), model(x), atol=1e-4)
    traced.save(os.path.join(work, "bench-lm.pt"))
    r = random.Random(7)
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do"]
    vocab = sorted({"".join(r.choice(syll) for _ in range(r.randint(1, 3))) for _ in range(3000)})
    r.shuffle(vocab)
    for i in range(12):
        text = " ".join(words(r, 600, vocab))[:2000]
        with open(os.path.join(work, "corpus", "doc-%02d.txt" % i), "w") as f:
            f.write(text)
    for n in (1000, 10000):
        with open(os.path.join(work, "gen-%d.txt" % n), "w") as f:
            for _ in range(n):
                f.write(" ".join(words(r, r.randint(10, 30), vocab[:2000])) + "\n")


if __name__ == "__main__":
    main()
