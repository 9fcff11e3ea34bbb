#!/usr/bin/env bash
# Runs a sharded check on this machine the way docs/recipes/ run it on many (docs/scale.md): COUNT shards
# in parallel, each writing PARTS/part-i.json, then one merge writing REPORT. Exit code: merge's (0 pass,
# 1 fail, 2 bad input); a failing shard stops the script before the merge with its exit code.
#
#   scripts/shard-local.sh COUNT PARTS REPORT CHECK-OPTIONS…
#   scripts/shard-local.sh 4 parts cch-report.json --config cch.json
#
# CCH overrides the command (default "dotnet cch"; e.g. CCH="dotnet exec path/to/dotnet-cch.dll").
set -euo pipefail
if [ "$#" -lt 3 ]; then
  echo "usage: $0 COUNT PARTS REPORT CHECK-OPTIONS…" >&2
  exit 2
fi
count=$1 parts=$2 report=$3
shift 3
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "error: COUNT '$count': expected a whole number of shards, at least 1" >&2
  exit 2
fi
mkdir -p "$parts"
read -r -a cch <<< "${CCH:-dotnet cch}"

pids=()
for ((i = 0; i < count; i++)); do
  "${cch[@]}" check "$@" --shard "$i/$count" --report "$parts/part-$i.json" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do
  wait "$pid"
done
# Exactly this run's parts (an earlier run with more shards may have left part-5.json and so on).
merge_parts=()
for ((i = 0; i < count; i++)); do merge_parts+=("$parts/part-$i.json"); done
"${cch[@]}" merge "${merge_parts[@]}" --report "$report"
