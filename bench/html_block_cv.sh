#!/bin/sh
# Cross-validation of the block classifier within the tuning part of
# ../shared/html, by site: for each of K folds, html_block_train on the
# other folds' sites, html_quality on this fold's; P, R, F over all folds.
# Held-out pages are never read.
#   bench/html_block_cv.sh BUILD DATA K [html_block_train flags...]
set -eu
build=$1 data=$2 k=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
while [ "$i" -lt "$k" ]; do
  "$build/bin/html_block_train" --data "$data" --folds "$k" --fold "$i" \
    --out "$work/model$i" "$@" >/dev/null 2>&1
  "$build/bin/html_quality" --data "$data" --folds "$k" --fold "$i" \
    --model "$work/model$i" --dump "$work/dump$i" >/dev/null
  i=$((i + 1))
done
cat "$work"/dump* | awk -F'\t' '{tp += $3; fn += $4; fp += $5; n++;
  if ($6 == 0) e++}
  END {p = tp / (tp + fp); r = tp / (tp + fn);
  printf "cv %d pages  P %.3f  R %.3f  F %.3f  empty %d\n", n, p, r,
  2 * p * r / (p + r), e}'
