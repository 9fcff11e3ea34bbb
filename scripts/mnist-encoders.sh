#!/usr/bin/env bash
# Issue 5's acceptance run: check from raw MNIST pixels through the two pretrained CNNs in
# ../shared/models. The teacher is the encoder on clean digits, the student the same encoder on
# digits blurred with σ ∈ {0, 1, 2, 3} pixels; pixels are scaled by 1/255 and reshaped to
# 1×28×28 by options, not code. Prints Markdown sections (the report's summary lines include
# each encoder's argmax accuracy against the label, a sanity figure).
# Usage: scripts/mnist-encoders.sh [extra options, e.g. --threads 2]
set -uo pipefail
cd "$(dirname "$0")/.."
D=$(cd ../shared/data && pwd)
M=$(cd ../shared/models && pwd)
dotnet build -c Release src/Cch.Tool -v quiet -nologo >/dev/null
for model in mnist-8.onnx mnist-cnn-ruiyangju.onnx; do
  for sigma in 0 1 2 3; do
    echo "### $model, σ = $sigma"
    dotnet src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll check --format markdown \
      --data "$D/mnist.parquet" --label label \
      --teacher pixels --teacher-encoder "$M/$model" \
      --student pixels --student-blur "$sigma" --image-shape 28,28 --student-encoder "$M/$model" \
      --input-scale 1/255 --input-shape 1,28,28 "$@" 2>/dev/null
    echo "exit code: $?"; echo
  done
done
