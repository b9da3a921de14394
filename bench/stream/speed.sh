#!/usr/bin/env bash
# Streaming detectors' throughput and memory after N points, and RCF through Argus' wrapper side by side
# with RCF used directly (io.argus.bench.stream.StreamSpeed). Build first:
#   ./mvnw -o -q -B -pl argus-cli -am package -DskipTests
# Usage: bench/stream/speed.sh [N=1000000] [rounds=3] [rcf-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec nice -n 10 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx2g \
  -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" io.argus.bench.stream.StreamSpeed "$@"
