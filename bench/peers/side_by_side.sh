#!/usr/bin/env bash
# Times Argus and scikit-learn side by side: for each data set and method, one tool right after
# the other on the same cores, so the ratio survives a noisy machine. Then prints the comparison.
#
#   bench/peers/side_by_side.sh [DATASETS] [METHODS] [SEEDS] [OUT]
#   defaults: 10_cover,8_celeba,32_shuttle  iforest,lof  3  target/side-by-side
#
# Needs Debian's python3-sklearn (/usr/bin/python3) and the ADBench files under the data root
# ($ARGUS_DATA, else ../shared/data). Both sides get --threads 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATASETS=${1:-10_cover,8_celeba,32_shuttle}
METHODS=${2:-iforest,lof}
SEEDS=${3:-3}
OUT=${4:-target/side-by-side}
THREADS=${THREADS:-2}
PY=/usr/bin/python3

./argus --version >/dev/null  # build first, so no build time lands in a measurement
for d in ${DATASETS//,/ }; do
  for m in ${METHODS//,/ }; do
    echo "== $d $m" >&2
    ./argus bench --suite adbench --datasets "$d" --methods "$m" --seeds "$SEEDS" --threads "$THREADS" --quiet \
      --out "$OUT/argus" | grep -E '^\[' >&2 || true
    "$PY" bench/peers/sklearn_bench.py --suite adbench --datasets "$d" --methods "$m" --seeds "$SEEDS" \
      --threads "$THREADS" --out "$OUT/sklearn" >&2
  done
done
"$PY" bench/peers/compare.py "$OUT/argus" "$OUT/sklearn" --methods "$METHODS" --datasets "$DATASETS"
