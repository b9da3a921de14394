#!/usr/bin/env bash
# Backbone latency per image on 2 ONNX Runtime threads, batch 1 and 8, for the pulled nsfwjs backbones
# (MobileNetV2 at 224x224: the patch layers block_6/block_10 and the whole trunk out_relu; InceptionV3 at
# 299x299), plus decode + preprocessing of one magnetic-tile image. Prints wall and process-CPU time per
# image. Run on a quiet machine for wall times; on a busy one the CPU column is the steadier figure.
#
# usage: bench/vision/backbone-latency.sh [IMAGES]   (needs `argus models pull` first, or npm to pull)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-64}"
./mvnw -o -q -B -pl argus-cli -am package -DskipTests
run() { nice -n 10 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" io.argus.cli.ArgusCli "$@" 2>&1 | grep -v '^WARNING: Using incubator'; }
img=""
for d in "${ARGUS_DATA:-}" ../shared/data ../../shared/data; do
  if [ -n "$d" ] && [ -d "$d/magnetic_tile/MT_Fray/Imgs" ]; then img="$(ls "$d"/magnetic_tile/MT_Fray/Imgs/*.jpg | head -1)"; break; fi
done
run models bench mobilenet_v2 --threads 2 --batch 1,8 --images "$n" --layers block_6_expand_relu,block_10_expand_relu ${img:+--image "$img"}
run models bench mobilenet_v2 --threads 2 --batch 1,8 --images "$n" --layers out_relu
run models bench inception_v3 --threads 2 --batch 1,8 --images "$n" --layers mixed2,mixed7
