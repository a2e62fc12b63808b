#!/usr/bin/env bash
# Peak memory of FID on an image folder against the folder's size: one JVM per N with a fixed -Xmx, a fixed 1,000-image
# real folder, a fake folder of N seeded 32x32 PNGs (written once under $HEAP_DIR), the TorchScript extractor
# fixtures/image-models/features.pt. Flat in N = the folder is streamed (only one batch of pixels is ever in memory).
# Usage: bench/fidelity/heap.sh [N ...]   (default 1000 5000 20000 50000; env HEAP_DIR, XMX (default 128m), BATCH,
#        MODE = loader | streamed | materialised (the fid metric fed batch by batch / after extracting every row), WIDTH)
# Needs a packaged build: ./mvnw -B -q -o -Dgenaudit.buildDir=$GENAUDIT_BUILD_DIR -pl audits -am package -DskipTests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BD="${GENAUDIT_BUILD_DIR:-target}"
source "$ROOT/.ci/jdk.sh"
DIR="${HEAP_DIR:-/tmp/genaudit-heap-bench}"; XMX="${XMX:-128m}"; BATCH="${BATCH:-64}"; MODE="${MODE:-loader}"; WIDTH="${WIDTH:-0}"
mkdir -p "$DIR"
CP="$ROOT/audits/$BD/genaudit-audits-0.1.0.jar:$(ls "$ROOT/audits/$BD/lib/"*.jar | tr '\n' ':')"
NS=("$@"); [ ${#NS[@]} -eq 0 ] && NS=(1000 5000 20000 50000)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); -Xmx$XMX, batch $BATCH, mode $MODE, width $WIDTH"
OUT=()
for n in "${NS[@]}"; do
  L=$("$JAVA_HOME/bin/java" -Xmx"$XMX" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
      -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" \
      "$ROOT/bench/fidelity/FolderHeapBench.java" "$DIR" "$n" "$ROOT/fixtures/image-models/features.pt" "$BATCH" "$MODE" "$WIDTH" 2>/dev/null | tail -1)
  echo "$L"; OUT+=("$L")
done
printf '%s\n' "${OUT[@]}" | python3 -c "
import re, sys
rows = [re.search(r'N (\d+):.*peak live heap after GC ([0-9.]+) MiB.*peak RSS ([0-9.]+) MiB', l).groups() for l in sys.stdin if 'peak live' in l]
n0, h0, r0 = map(float, rows[0])
for n, h, r in rows[1:]:
    print('N %s vs %d: images x%.0f, peak live heap x%.2f, peak RSS x%.2f' % (n, n0, float(n) / n0, float(h) / h0, float(r) / r0))
"
