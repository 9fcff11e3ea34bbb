#!/usr/bin/env bash
# The CCH paper's MNIST experiment: the teacher sees clean digits, the student the same digits
# after a Gaussian blur of σ ∈ {0, 1, 2, 3} pixels (Cch.Data.GaussianBlur; deterministic).
# For each σ: the criterion and the measured effect of distillation (--verify, default settings,
# a seeded stratified 20 % test split of the 10,000 digits). Prints Markdown sections.
# The same setting with CNNs trained end to end: dotnet cch reproduce mnist-student-blur (docs/reproduction.md).
# Usage: scripts/mnist-blur.sh [extra options, e.g. --threads 2]
set -uo pipefail
cd "$(dirname "$0")/.."
D=$(cd ../shared/data && pwd)
dotnet build -c Release src/Cch.Tool -v quiet -nologo >/dev/null
for sigma in 0 1 2 3; do
  echo "### σ = $sigma"
  dotnet src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll verify --format markdown \
    --data "$D/mnist.parquet" --teacher pixels --student pixels --student-blur "$sigma" --image-shape 28,28 \
    --label label "$@" 2>/dev/null
  echo "exit code: $?"; echo
done
