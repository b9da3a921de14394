#!/usr/bin/env bash
# recall@k of the HNSW index against exact search, with build and query times of both, on the large
# ADBench tables (HnswRecallBenchmark). Runs from a copy of the compiled classes, so later builds of
# the worktree do not disturb a long run. Settings through the environment:
#   ARGUS_HNSW_BENCH   all, or file stems: 11_donors,16_http,10_cover,33_skin,8_celeba,34_smtp,32_shuttle
#   ARGUS_HNSW_EF      efSearch values to try on one graph (default: the default efSearch)
#   ARGUS_HNSW_K       k values (default 10)
#   ARGUS_HNSW_THREADS query threads (default 2)
#   ARGUS_HNSW_OUT     output file, appended to (default target/hnsw-bench.txt)
# Example: ARGUS_HNSW_BENCH=all ARGUS_HNSW_K=10,20 nice -n 10 bench/hnsw/recall.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./mvnw -o -q -B -pl argus-core test-compile
./mvnw -o -q -B -pl argus-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/hnsw-cp.txt >/dev/null
RUN=$(mktemp -d /tmp/argus-hnsw-XXXXXX)
trap 'rm -rf "$RUN"' EXIT
cp -r argus-core/target/classes argus-core/target/test-classes "$RUN"/
mkdir -p target
export ARGUS_HNSW_BENCH=${ARGUS_HNSW_BENCH:-all}
export ARGUS_HNSW_OUT=${ARGUS_HNSW_OUT:-$ROOT/target/hnsw-bench.txt}
java --add-modules jdk.incubator.vector -Xmx8g -cp "$RUN/test-classes:$RUN/classes:$(cat argus-core/target/hnsw-cp.txt)" \
  io.argus.core.neighbors.HnswRecallBenchmark
cat "$ARGUS_HNSW_OUT"
