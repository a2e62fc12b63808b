"""PyTorch reference for bench/lm/generation: greedy generation on the GPT-2-architecture fixture
(fixtures/lm-models/gpt2), with and without the key/value cache, 1 intra-op thread, timed in wall-clock and in CPU seconds of the calling thread.

The weights are read from decoder_with_past_model.onnx itself (its initializers are the PyTorch module's parameters,
named lm.*), loaded into the fixture script's own Gpt2LM, so PyTorch runs the very export genaudit runs. The context
window follows genaudit's ContextWindow rule (when full, keep the last 32 of 64 tokens and re-read them from position
0), so the token ids can be compared with genaudit's. EOS is ignored so that every run makes exactly N tokens.

usage: /usr/bin/python3 torch_generation.py OUT.json [new_tokens=256] [repeats=3]
"""
import json
import os
import statistics
import sys
import time

import onnx
import torch
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(ROOT, "..", "..", "..", "fixtures", "lm-models", "gpt2")
sys.path.insert(0, FIXTURE)
import make_gpt2_fixture as fx  # noqa: E402  (the fixture's model definition; sets 1 thread)

torch.set_num_threads(1)


def load():
    lm = fx.Gpt2LM()
    m = onnx.load(os.path.join(FIXTURE, "decoder_with_past_model.onnx"))
    state = {i.name[len("lm."):]: torch.from_numpy(numpy_helper.to_array(i).copy())
             for i in m.graph.initializer if i.name.startswith("lm.")}
    missing, unexpected = lm.load_state_dict(state, strict=False)
    assert not missing and not unexpected, (missing, unexpected)
    return lm.eval()


def generate(lm, prompt, n, cached):
    ctx, keep = fx.CTX, fx.CTX // 2
    seq = list(prompt)
    start = max(0, len(seq) - ctx)
    past = None
    with torch.no_grad():
        def full(window):
            x = torch.tensor([window])
            return lm.run(x, torch.ones_like(x))

        logits, past = full(seq[start:])
        for i in range(n):
            tok = int(torch.argmax(logits[0, -1]))
            seq.append(tok)
            if i == n - 1:
                break
            if len(seq) - start > ctx:
                start = len(seq) - keep
                logits, past = full(seq[start:])
            elif cached:
                p = len(seq) - 1 - start
                logits, past = lm.run(torch.tensor([[tok]]), torch.ones(1, p + 1, dtype=torch.long),
                                      torch.tensor([[p]]), past)
            else:
                logits, past = full(seq[start:])
    return seq[len(prompt):]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    lm = load()
    with open(os.path.join(FIXTURE, "reference.json"), encoding="utf-8") as f:
        prompt = json.load(f)["greedy"]["generations"][0]["prompt_ids"]
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "new_tokens": n, "repeats": repeats,
              "prompt_ids": prompt}
    for cached in (True, False):
        generate(lm, prompt, 16, cached)  # warm-up
        times, cpu, tokens = [], [], None
        for _ in range(repeats):
            t0, c0 = time.perf_counter(), time.thread_time()
            tokens = generate(lm, prompt, n, cached)
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
        key = "cached" if cached else "uncached"
        result[key] = {"tokens_per_s": n / statistics.median(times), "tokens_per_cpu_s": n / statistics.median(cpu),
                       "seconds": times, "cpu_seconds": cpu, "ids": tokens}
        print(f"PyTorch {torch.__version__} {key:8s}: {n / statistics.median(times):8.1f} tokens/s, "
              f"{n / statistics.median(cpu):8.1f} per CPU s (median of {repeats}: {statistics.median(times):.3f} s)")
    assert result["cached"]["ids"] == result["uncached"]["ids"], "PyTorch cached and uncached greedy differ"
    print(f"PyTorch cached/uncached: {result['cached']['tokens_per_s'] / result['uncached']['tokens_per_s']:.1f}x wall, "
          f"{result['cached']['tokens_per_cpu_s'] / result['uncached']['tokens_per_cpu_s']:.1f}x CPU, "
          f"token-identical: True")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
