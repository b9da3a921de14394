#!/usr/bin/env bash
# Sums the per-file test-part counts of one or more SkabDriver outputs (e.g. a run split by folders) and
# prints SKAB's outlier metrics over all files together: F1, FAR = FP / (FP + TN), MAR = FN / (FN + TP).
# Usage: argus-deep/scripts/skab-combine.sh LABEL out1.txt [out2.txt ...]
set -euo pipefail
label="$1"; shift
grep -h 'F1(test part)' "$@" | awk -v label="$label" '
  { for (i = 1; i <= NF; i++) { if ($i == "tp") tp += $(i+1); if ($i == "fp") fp += $(i+1); if ($i == "tn") tn += $(i+1);
      if ($i == "fn") { v = $(i+1); sub(",", "", v); fn += v } }
    files++ }
  END { f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        printf "%s test part (steps >= 400), %d files: F1 %.4f  FAR %.2f%%  MAR %.2f%%  (tp %d fp %d tn %d fn %d)\n",
          label, files, f1, 100 * fp / (fp + tn), 100 * fn / (fn + tp), tp, fp, tn, fn }'
