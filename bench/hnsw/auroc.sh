#!/usr/bin/env bash
# k-NN, LOF and COF with exact and with HNSW neighbours on the large ADBench tables: AUROC, AP and
# fit + score time side by side (argus bench, ADBench protocol), from a copy of the built CLI so that
# later builds do not disturb the run.
#   usage: bench/hnsw/auroc.sh [OUT_DIR]   (default target/bench-hnsw; resumable)
#   env:   DATASETS (default 11_donors,16_http,10_cover,33_skin,8_celeba), THREADS (default 2),
#          METHODS (default knn, lof, cof, each with neighbors=hnsw and neighbors=exact)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/target/bench-hnsw}
DATASETS=${DATASETS:-11_donors,16_http,10_cover,33_skin,8_celeba}
THREADS=${THREADS:-2}
METHODS=${METHODS:-knn[neighbors=hnsw],knn[neighbors=exact],lof[neighbors=hnsw],lof[neighbors=exact],cof[neighbors=hnsw],cof[neighbors=exact]}
(cd "$ROOT" && ./mvnw -o -q -B -pl argus-cli -am package -DskipTests)
RUN=$(mktemp -d /tmp/argus-hnsw-cli-XXXXXX)
trap 'rm -rf "$RUN"' EXIT
cp -r "$ROOT/argus-cli/target/argus-cli.jar" "$ROOT/argus-cli/target/lib" "$RUN"/
cd "$ROOT"
nice -n 10 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx8g \
  -cp "$RUN/argus-cli.jar:$RUN/lib/*" io.argus.cli.ArgusCli bench --suite adbench --quiet \
  --methods "$METHODS" --datasets "$DATASETS" --seeds 1 --threads "$THREADS" --out "$OUT"
cat "$OUT/summary.md"
