#!/usr/bin/env bash
# Summarises SkabDriver outputs of one method over several seeds (one complete 34-file run per file): the
# pooled test-part F1, FAR and MAR of each run, then their mean and sample standard deviation.
# Usage: argus-deep/scripts/skab-seeds.sh LABEL run-seed1.txt run-seed2.txt ...
set -euo pipefail
label="$1"; shift
for f in "$@"; do
  line=$(grep 'test part (steps >= 400), all files' "$f") || { echo "$f: no summary line (run incomplete?)" >&2; exit 1; }
  echo "$f $line"
done | awk -v label="$label" '
  { for (i = 1; i <= NF; i++) { if ($i == "F1") f1 = $(i+1); if ($i == "FAR") far = $(i+1); if ($i == "MAR") mar = $(i+1) }
    sub("%", "", far); sub("%", "", mar)
    printf "%s: F1 %.4f  FAR %.2f%%  MAR %.2f%%\n", $1, f1, far, mar
    n++; s1 += f1; q1 += f1 * f1; s2 += far; q2 += far * far; s3 += mar; q3 += mar * mar }
  function sd(s, q) { return n > 1 ? sqrt((q - s * s / n) / (n - 1)) : 0 }
  END { printf "%s, %d runs: F1 %.4f +- %.4f  FAR %.2f%% +- %.2f  MAR %.2f%% +- %.2f (mean +- sample sd)\n",
          label, n, s1 / n, sd(s1, q1), s2 / n, sd(s2, q2), s3 / n, sd(s3, q3) }'
