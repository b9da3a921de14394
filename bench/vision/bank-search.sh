#!/usr/bin/env bash
# PatchCore's per-image nearest-neighbour search: the core's exact brute force against BankSearch,
# alternated in one JVM (same load), results checked identical; plus map upsampling and blur. 2 cores.
# Build first: ./mvnw -o -q -B -pl argus-cli -am package -DskipTests
# Usage: bench/vision/bank-search.sh [BANK] [DIM] [QUERIES] [K] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
exec nice -n 10 taskset -c 0,1 java -Xmx2g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" io.argus.bench.vision.BankSearchLatency \
  "${1:-5966}" "${2:-256}" "${3:-784}" "${4:-1}" 2 "${5:-20}"
