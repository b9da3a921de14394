#!/usr/bin/env bash
# The NAB suite (58 files, NAB's probation, score-then-learn; NAB score in three profiles, label-free and
# NAB-optimised, on the row ALL) from this checkout's CLI jar, without installing anything. Build first:
#   ./mvnw -o -q -B -pl argus-cli -am package -DskipTests
# Usage: bench/stream/nab.sh [METHODS=cad-ose,knn-cad] [OUT=target/nab-stream]
# Results: OUT/results.csv (row ALL: nab_standard, nab_low_fp, nab_low_fn, nab_opt_*) and OUT/summary.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
methods="${1:-cad-ose,knn-cad}"
out="${2:-target/nab-stream}"
exec nice -n 10 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" io.argus.cli.ArgusCli \
  bench --suite nab --methods "$methods" --seeds 1 --threads 1 --quiet --out "$out"
