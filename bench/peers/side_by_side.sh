#!/usr/bin/env bash
# Times Argus, scikit-learn and ELKI side by side: for each data set and method, one tool right after
# the other on the same cores, so the ratio survives a noisy machine. Then prints the comparisons.
#
#   bench/peers/side_by_side.sh [DATASETS] [METHODS] [SEEDS] [OUT]
#   defaults: 10_cover,8_celeba,32_shuttle  iforest,lof  3  target/side-by-side
#   methods: iforest, lof, knn (all three tools), ocsvm, mcd (scikit-learn's OneClassSVM and
#   EllipticEnvelope; ELKI 0.8 has neither)
#
# Needs Debian's python3-sklearn (/usr/bin/python3) and the ADBench files under the data root
# ($ARGUS_DATA, else ../shared/data). Every tool gets --threads 2 (ELKI's parallel LOF and kNN use
# every processor). PEERS=sklearn or PEERS=elki runs one peer only.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATASETS=${1:-10_cover,8_celeba,32_shuttle}
METHODS=${2:-iforest,lof}
SEEDS=${3:-3}
OUT=${4:-target/side-by-side}
THREADS=${THREADS:-2}
PEERS=${PEERS:-sklearn,elki}
PY=/usr/bin/python3

./argus --version >/dev/null  # build first, so no build time lands in a measurement
for d in ${DATASETS//,/ }; do
  for m in ${METHODS//,/ }; do
    echo "== $d $m" >&2
    ./argus bench --suite adbench --datasets "$d" --methods "$m" --seeds "$SEEDS" --threads "$THREADS" --quiet \
      --out "$OUT/argus" | grep -E '^\[' >&2 || true
    if [[ ",$PEERS," == *",sklearn,"* ]]; then
      "$PY" bench/peers/sklearn_bench.py --suite adbench --datasets "$d" --methods "$m" --seeds "$SEEDS" \
        --threads "$THREADS" --out "$OUT/sklearn" >&2
    fi
    if [[ ",$PEERS," == *",elki,"* && ",iforest,lof,knn," == *",$m,"* ]]; then
      bench/peers/elki_bench.sh --datasets "$d" --methods "$m" --seeds "$SEEDS" --threads "$THREADS" --out "$OUT/elki" 2>&1 \
        | grep -E '^adbench' >&2 || true
    fi
  done
done
if [[ ",$PEERS," == *",sklearn,"* ]]; then
  echo "# Argus vs scikit-learn"
  "$PY" bench/peers/compare.py "$OUT/argus" "$OUT/sklearn" --methods "$METHODS" --datasets "$DATASETS"
fi
ELKI_METHODS=$(echo "$METHODS" | tr ',' '\n' | grep -xE 'iforest|lof|knn' | paste -sd, - || true)
if [[ ",$PEERS," == *",elki,"* && -n "$ELKI_METHODS" ]]; then
  echo "# Argus vs ELKI 0.8"
  "$PY" bench/peers/compare.py "$OUT/argus" "$OUT/elki" --peer-name elki --methods "$ELKI_METHODS" --datasets "$DATASETS"
fi
