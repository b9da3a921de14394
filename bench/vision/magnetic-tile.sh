#!/usr/bin/env bash
# Runs the magnetic-tile suite for the five image methods with the MobileNetV2 backbone, nice'd (the
# machine is shared). Build first: ./mvnw -o -q -B -pl argus-cli -am package -DskipTests
# The jars are copied so that a rebuild during the run cannot swap them under the JVM.
# Usage: bench/vision/magnetic-tile.sh [OUT] [METHODS]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-target/bench-mt}
METHODS=${2:-"padim,gaussian-ad,patchcore[coreset=0.01;target_embed_dimension=256],visionad,musc[subsets=36]"}
mkdir -p "$OUT/jars" target/featcache
cp argus-cli/target/argus-cli.jar "$OUT/jars/" && cp -r argus-cli/target/lib "$OUT/jars/"
exec nice -n 10 java -Xmx10g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Dargus.models="${ARGUS_MODELS:-$HOME/.cache/argus/models}" -Dargus.featureCache=target/featcache \
  -cp "$OUT/jars/argus-cli.jar:$OUT/jars/lib/*" io.argus.cli.ArgusCli bench --suite magnetic-tile \
  --methods "$METHODS" --seeds 1 --threads 2 --time-limit 3600 --out "$OUT"
