#!/usr/bin/env bash
# One-image-at-a-time latency on the magnetic tile test split (decode, backbone, scoring, map), with the
# backbone's share, after fitting on the training split (fit time and memory bank printed), on 2 cores.
# Build first: ./mvnw -o -q -B -pl argus-cli -am package -DskipTests
# Usage: bench/vision/latency.sh [METHOD] [IMAGES]
set -euo pipefail
cd "$(dirname "$0")/../.."
METHOD=${1:-"patchcore[coreset=0.01;target_embed_dimension=256]"}
IMAGES=${2:-50}
DATA=${ARGUS_DATA:-}
if [ -z "$DATA" ]; then for d in ../shared/data ../../shared/data; do [ -d "$d" ] && DATA=$d && break; done; fi
mkdir -p target/latency-jars target/featcache
cp argus-cli/target/argus-cli.jar target/latency-jars/ && cp -r argus-cli/target/lib target/latency-jars/
exec nice -n 10 taskset -c 0,1 java -Xmx8g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Dargus.models="${ARGUS_MODELS:-$HOME/.cache/argus/models}" -Dargus.featureCache=target/featcache \
  -cp "target/latency-jars/argus-cli.jar:target/latency-jars/lib/*" io.argus.bench.vision.ImageLatency "$DATA" \
  "$METHOD" "$IMAGES" 2
