#!/usr/bin/env bash
# Re-measures the speed claims README makes, on this machine, with the Release tool (issue 14 D7).
# Prints one line per claim: wall seconds and peak RSS from /usr/bin/time, plus the CPU's vector features.
# Usage: scripts/speed-claims.sh [RUNS]   (from the repository root; ../shared beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
only=${2:-}   # a substring of the claim names to run only those
dotnet build -c Release src/Cch.Tool -v q -nologo >/dev/null
cch=(dotnet src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll)
data=../shared/data
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# vector features: $(grep -m1 -o 'avx512f\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')load before: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # NAME ARGS...
  local name=$1; shift
  [[ -z $only || $name == *"$only"* ]] || return 0
  for ((r = 1; r <= runs; r++)); do
    local rc=0
    /usr/bin/time -f '%e %M' -o "$out/time" "${cch[@]}" "$@" >"$out/stdout" 2>"$out/stderr" || rc=$?
    read -r wall kb < <(tail -n 1 "$out/time")
    printf '%-58s run %d: %6.1f s wall, %5d MB peak RSS, exit %d\n' "$name" "$r" "$wall" $((kb / 1024)) "$rc"
  done
}

mnist=(check --data $data/mnist.parquet --label label --teacher pixels --student pixels --student-blur 2 --image-shape 28,28)
measure "MNIST pixels, sigma=2 blurred student, auto"              "${mnist[@]}"
measure "MNIST pixels, sigma=2 blurred student, --no-self-check"   "${mnist[@]}" --no-self-check
measure "MNIST pixels, sigma=2 blurred student, --estimator ksg"   "${mnist[@]}" --estimator ksg --no-self-check
measure "MNIST through mnist-8.onnx both sides (README example)" check --data $data/mnist.parquet --label label \
  --teacher pixels --teacher-encoder ../shared/models/mnist-8.onnx --student pixels --student-blur 2 --image-shape 28,28 \
  --student-encoder ../shared/models/mnist-8.onnx --input-scale 1/255 --input-shape 1,28,28
measure "handwritten, 5 teachers -> mor6, split=train" check --data $data/handwritten.parquet \
  --teacher fac216 --teacher pix240 --teacher kar64 --teacher zer47 --teacher fou76 --student mor6 --label label --where split=train
measure "verify fac216 -> zer47 (README example)" verify --data $data/handwritten.parquet --teacher fac216 --student zer47 \
  --label label --where split=train --test-where split=test
measure "check --example gaussian (README command 1)" check --example gaussian
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
