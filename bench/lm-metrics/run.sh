#!/usr/bin/env bash
# lm-metrics benchmarks: (a) perplexity tokens/s, DJL vs PyTorch on the same TorchScript model and windows;
# (b) self-BLEU-4 on 1,000 and 10,000 generations, genaudit vs NLTK (NLTK timed on a subset and extrapolated).
# usage: bench/lm-metrics/run.sh [ppl|bleu]   (default both; env: GENAUDIT_BUILD_DIR, default target;
#        BENCH_WORK, default /tmp/genaudit-bench-lm-metrics; BENCH_THREADS, default 1: intra-op threads of both engines;
#        BENCH_REPS, default 1: (a) runs DJL and PyTorch alternately this many times and reports the median ratio;
#        BENCH_JAVA_OPTS: extra JVM options, e.g. -Dgenaudit.malloc.retain=false to switch NativeHeapRetention off)
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
WORK="${BENCH_WORK:-/tmp/genaudit-bench-lm-metrics}"
HERE="$ROOT/bench/lm-metrics"
CP="$(bench_app_classpath)"
THREADS="${BENCH_THREADS:-1}"
export OMP_NUM_THREADS="$THREADS" BENCH_THREADS="$THREADS"
read -r -a EXTRA <<< "${BENCH_JAVA_OPTS:-}"
JAVA=("$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED -Dai.djl.pytorch.num_threads="$THREADS"
      -Dai.djl.pytorch.num_interop_threads=1 ${EXTRA[@]+"${EXTRA[@]}"} -cp "$CP" "$HERE/LmMetricsBench.java")
WHAT="${1:-all}"
mkdir -p "$WORK"
[ -f "$WORK/gen-10000.txt" ] || /usr/bin/python3 "$HERE/make_inputs.py" "$WORK"

if [ "$WHAT" != bleu ]; then
echo "== (a) perplexity scoring, window 256, stride 128, batch 16, byte tokens, $THREADS intra-op thread(s) each"
echo "load before: $(uptime)"
RUNS=()
for _ in $(seq "${BENCH_REPS:-1}"); do
  J=$("${JAVA[@]}" ppl "$WORK/bench-lm.pt" "$WORK/corpus" 256 128 16)
  P=$(/usr/bin/python3 "$HERE/torch_perplexity.py" "$WORK/bench-lm.pt" "$WORK/corpus" 256 128 16)
  echo "genaudit/DJL: $J"
  echo "PyTorch:      $P"
  RUNS+=("$J" "$P")
done
echo "load after:  $(uptime)"
/usr/bin/python3 - "${RUNS[@]}" <<'PY'
import json, statistics, sys
runs = [json.loads(a) for a in sys.argv[1:]]
pairs = list(zip(runs[0::2], runs[1::2]))
for j, p in pairs:
    assert j["tokens"] == p["tokens"], "token counts differ"
ratios = [j["tokens_per_s"] / p["tokens_per_s"] for j, p in pairs]
j, p = pairs[0]
print("tokens/s: genaudit/DJL %s, PyTorch %s" % (
    ", ".join("%.0f" % j["tokens_per_s"] for j, _ in pairs), ", ".join("%.0f" % p["tokens_per_s"] for _, p in pairs)))
print("tokens/s ratio DJL / PyTorch = %s (median %.2f); perplexity relative difference %.2e"
      % (", ".join("%.2f" % r for r in ratios), statistics.median(ratios),
         abs(j["perplexity"] - p["perplexity"]) / p["perplexity"]))
PY
fi

[ "$WHAT" = ppl ] && exit 0
for N in 1000 10000; do
  SUB=$([ "$N" = 1000 ] && echo 200 || echo 40)
  echo "== (b) self-BLEU-4 on $N generations (NLTK: first $SUB hypotheses timed, extrapolated to $N)"
  J=$("${JAVA[@]}" bleu "$WORK/gen-$N.txt" "$SUB")
  P=$(/usr/bin/python3 "$HERE/nltk_self_bleu.py" "$WORK/gen-$N.txt" "$SUB")
  /usr/bin/python3 - "$J" "$P" <<'PY'
import json, sys
j, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
diff = max(abs(a - b) for a, b in zip(j["bleu4_first"], p["bleu4_subset"]))
print("genaudit %.3f s (self-BLEU-4 %.6f); NLTK %.2f s for %d hypotheses -> %.1f s extrapolated; speed-up %.0fx; "
      "max |BLEU difference| on the timed subset %.1e"
      % (j["seconds"], j["self_bleu_4"], p["seconds_timed"], p["timed_hypotheses"], p["seconds_extrapolated"],
         p["seconds_extrapolated"] / j["seconds"], diff))
PY
done
