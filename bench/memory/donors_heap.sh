#!/usr/bin/env bash
# Heap used by fitting and scoring each table method on ADBench 11_donors (619,326 x 10) under a 4 GiB
# heap: one JVM per method (io.argus.bench.memory.HeapProbe), one method at a time, niced. Each line of
# the output gives status (ok | oom), fit and score seconds, the polled heap peak, the sum of heap-pool
# peaks, the live heap with the fitted model after a full GC (MiB), then the process's maximum RSS from
# /usr/bin/time -v (KiB, an upper bound that includes the JVM itself).
#   usage: bench/memory/donors_heap.sh [METHODS]    (comma-separated, parameters as in argus bench)
#   env:   XMX (default 4g), THREADS (default 2), TIMEOUT seconds per method (default 3600),
#          FILE (default $ARGUS_DATA or ../shared/data, adbench_classical/11_donors.npz),
#          OUT (default target/donors-heap.txt, appended to)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${ARGUS_DATA:-$ROOT/../shared/data}
[ -d "$DATA" ] || DATA=$ROOT/../../shared/data
FILE=${FILE:-$DATA/adbench_classical/11_donors.npz}
XMX=${XMX:-4g}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-3600}
OUT=${OUT:-$ROOT/target/donors-heap.txt}
METHODS=${1:-iforest,lof,knn,cblof,cof,copod,ecod,eif,hbos,inne,loda,mahalanobis,mcd,ocsvm,pca}
[ -f "$FILE" ] || { echo "donors_heap: $FILE not found (set ARGUS_DATA or FILE)" >&2; exit 1; }

(cd "$ROOT" && ./mvnw -o -q -B -pl argus-cli -am package -DskipTests) || exit 1
# Run from a copy so that later builds of the worktree do not disturb a long run.
RUN=$(mktemp -d /tmp/argus-heap-XXXXXX)
trap 'rm -rf "$RUN"' EXIT
cp -r "$ROOT/argus-cli/target/argus-cli.jar" "$ROOT/argus-cli/target/lib" "$RUN"/
mkdir -p "$(dirname "$OUT")"
for m in ${METHODS//,/ }; do
  nice -n 10 timeout "$TIMEOUT" /usr/bin/time -v -o "$RUN/time.txt" \
    java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx"$XMX" \
    -cp "$RUN/argus-cli.jar:$RUN/lib/*" io.argus.bench.memory.HeapProbe "$FILE" "$m" "$THREADS" 0 >"$RUN/out.txt" 2>"$RUN/err.txt"
  rc=$?
  line=$(grep '^method=' "$RUN/out.txt")
  rss=$(grep 'Maximum resident' "$RUN/time.txt" 2>/dev/null | awk '{print $NF}')
  if [ -z "$line" ]; then
    line="method=$m status=$([ $rc = 124 ] && echo timeout || echo "failed: $(grep -v '^WARNING' "$RUN/err.txt" | head -n 1)")"
  fi
  echo "$line max_rss_kib=${rss:--} exit=$rc" | tee -a "$OUT"
done
