#!/usr/bin/env bash
# Runs `check --verify` on the real datasets in ../shared/data with the default training settings
# and prints Markdown sections (the source of the verification tables in docs/validation.md).
# Usage: scripts/verify-real-data.sh [extra options]
set -uo pipefail
cd "$(dirname "$0")/.."
D=$(cd ../shared/data && pwd)
dotnet build -c Release src/Cch.Tool -v quiet -nologo >/dev/null
cch() { dotnet src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll check --verify --format markdown "$@" "${EXTRA[@]}" 2>/dev/null; echo "exit code: $?"; echo; }
EXTRA=("$@")

echo "### gaussian example (regression; seeded 20 % test split)"
cch --example gaussian
for s in mor6 zer47 fou76; do
  echo "### handwritten, student $s, train on split=train, test on split=test"
  cch --data "$D/handwritten.parquet" --student "$s" --label label --where split=train --test-where split=test --teacher fac216 --teacher pix240
done
for s in "miRNA184:mirna_*" "protein142:protein_*"; do
  echo "### breast_tcga, student ${s%%:*} (seeded 20 % test split: every sample is split=train)"
  cch --data "$D/breast_tcga_labels.parquet" --label subtype --key sample_id \
    --teacher "$D/breast_tcga_mRNA200.parquet:mrna_*" --student "$D/breast_tcga_${s%%:*}.parquet:${s##*:}"
done
