#!/usr/bin/env bash
# Runs the ELKI 0.8 peer (argus-peers, test scope, never shipped: ELKI is AGPL-3.0) on ADBench files
# and writes OUT/results.csv in `argus bench`'s format. Arguments are passed to io.argus.peers.ElkiBench:
#
#   bench/peers/elki_bench.sh --datasets 10_cover,8_celeba,32_shuttle --methods iforest,lof,knn --seeds 3 --threads 2 --out DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=argus-peers/target/test-classpath.txt
if [ ! -f "$CP_FILE" ] || [ -n "$(find argus-peers/src argus-core/src argus-tabular/src argus-metrics/src -newer "$CP_FILE" -name '*.java' -print -quit)" ]; then
  ./mvnw -q -B -pl argus-peers -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$CP_FILE" >&2
fi
CP="argus-peers/target/test-classes:argus-core/target/classes:argus-metrics/target/classes:argus-tabular/target/classes:$(cat "$CP_FILE")"
exec java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx8g -cp "$CP" io.argus.peers.ElkiBench "$@"
