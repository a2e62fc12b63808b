#!/usr/bin/python3
"""NLTK side of benchmark (b): self-BLEU-4 the Texygen way (each line against all others, sentence_bleu, method1
smoothing). NLTK is quadratic, so only the first SUBSET hypotheses are timed (each still against all N-1 others)
and the full time is extrapolated linearly in the number of hypotheses: full = per-hypothesis time * N.
Prints the per-hypothesis BLEU of the subset so the Java numbers can be checked against it.

usage: nltk_self_bleu.py GENERATIONS.txt SUBSET
"""
import json
import sys
import time

from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu


def main():
    path, subset = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        toks = [l.split() for l in f if l.strip()]
    smooth = SmoothingFunction().method1
    w = (0.25, 0.25, 0.25, 0.25)
    t0 = time.perf_counter()
    per = [sentence_bleu(toks[:i] + toks[i + 1:], toks[i], w, smoothing_function=smooth) for i in range(subset)]
    sec = time.perf_counter() - t0
    print(json.dumps({"texts": len(toks), "timed_hypotheses": subset, "seconds_timed": sec,
                      "seconds_extrapolated": sec / subset * len(toks), "bleu4_subset": per}))


if __name__ == "__main__":
    main()
