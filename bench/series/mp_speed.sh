#!/usr/bin/env sh
# Times the exact matrix profile self-join on random walks of N/8 .. N points (default N = 100000,
# window m = 100) and prints the time beside the O(n^2) pair count (io.argus.bench.series.MatrixProfileSpeed).
# Usage: bench/series/mp_speed.sh [N] [m] [threads]   (run from the repository root)
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./mvnw -o -q -B -pl argus-cli -am package -DskipTests
exec nice -n 10 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" io.argus.bench.series.MatrixProfileSpeed "$@"
