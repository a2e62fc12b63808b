#!/usr/bin/env bash
# Fidelity benchmark: genaudit's Fréchet distance vs pytorch-fid's scipy-sqrtm computation on identical 2048-d
# statistics (N=2100 per set), both on this machine's cores. Usage: bench/fidelity/run.sh [N] [JAVA_REPS] [PY_REPS]
# Needs a compiled build (./mvnw -o -Dgenaudit.buildDir=$GENAUDIT_BUILD_DIR -pl metrics -am compile) and /usr/bin/python3
# with numpy+scipy. EXTRACT_INCEPTION=1 adds InceptionV3 (299x299 -> 2048-d, python3-torchvision) extraction. Extraction throughput (DJL vs PyTorch) is measured only when engine.image.FileFeatureExtractor exists.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BD="${GENAUDIT_BUILD_DIR:-target}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
N="${1:-2100}"; JREPS="${2:-3}"; PREPS="${3:-1}"
CPFILE="$ROOT/metrics/$BD/bench-classpath.txt"
# regenerated when missing or written before the values module existed (it lacks values/classes)
if [ ! -f "$CPFILE" ] || ! grep -q "/values/$BD/classes" "$CPFILE"; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl metrics -am compile dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null)
fi
CP="$ROOT/metrics/$BD/classes:$ROOT/engine/$BD/classes:$(cat "$CPFILE")"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
J=$("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/fidelity/FrechetBench.java" "$N" "$JREPS" 2>/dev/null | tail -1)
echo "$J"
P=$(/usr/bin/python3 "$ROOT/bench/fidelity/scipy_fid.py" "$N" "$PREPS" | tail -1)
echo "$P"
jb=$(echo "$J" | sed -E 's/.*best ([0-9.]+) s.*/\1/'); pb=$(echo "$P" | sed -E 's/.*best ([0-9.]+) s.*/\1/')
jv=$(echo "$J" | sed -E 's/.*FID ([0-9.]+) .*/\1/'); pv=$(echo "$P" | sed -E 's/.*FID ([0-9.]+) .*/\1/')
python3 -c "print('speed-up (scipy best / genaudit best): %.1fx; relative difference of the values: %.2e' % ($pb/$jb, abs($jv-$pv)/abs($pv)))"
if [ -f "$ROOT/engine/$BD/classes/io/genaudit/engine.image.FileFeatureExtractor.class" ]; then
  TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
  NI="${EXTRACT_IMAGES:-8192}"; B="${EXTRACT_BATCH:-64}"; REPS="${EXTRACT_REPS:-3}"
  # alternating runs, so both sides see the same machine state; the ratio is of the median throughputs
  PT=(); DJ=()
  for r in $(seq "$REPS"); do
    L=$(/usr/bin/python3 "$ROOT/bench/fidelity/extract_torch.py" "$TMP/cnn.pt" "$NI" "$B" | tail -1); echo "$L"
    PT+=("$(echo "$L" | sed -E 's/.*: ([0-9.]+) images\/s.*/\1/')")
    L=$("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${EXTRACT_THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" "$ROOT/bench/fidelity/ExtractBench.java" "$TMP/cnn.pt" "$NI" "$B" 2>/dev/null | tail -1); echo "$L"
    DJ+=("$(echo "$L" | sed -E 's/.*: ([0-9.]+) images\/s.*/\1/')")
  done
  python3 -c "import statistics,sys; p=[float(x) for x in sys.argv[1].split()]; d=[float(x) for x in sys.argv[2].split()]; print('extraction, median of %d: genaudit %.0f images/s, pytorch %.0f images/s, ratio genaudit/pytorch %.2f' % (len(p), statistics.median(d), statistics.median(p), statistics.median(d)/statistics.median(p)))" "${PT[*]}" "${DJ[*]}"
  if [ "${EXTRACT_INCEPTION:-0}" = 1 ]; then
    # the realistic FID extractor: torchvision's InceptionV3 (random weights; needs python3-torchvision), 299x299 -> 2048-d
    IN="${INCEPTION_IMAGES:-64}"; IB="${INCEPTION_BATCH:-16}"
    for r in $(seq "${INCEPTION_REPS:-2}"); do
      /usr/bin/python3 "$ROOT/bench/fidelity/extract_torch.py" "$TMP/inception.pt" "$IN" "$IB" inception | tail -1
      "$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${EXTRACT_THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" "$ROOT/bench/fidelity/ExtractBench.java" "$TMP/inception.pt" "$IN" "$IB" 299 2>/dev/null | tail -1
    done
  fi
else
  echo "extraction throughput: skipped (engine.image.FileFeatureExtractor not in this build)"
fi
