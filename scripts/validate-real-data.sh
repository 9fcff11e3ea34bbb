#!/usr/bin/env bash
# Runs `check` on every real dataset in ../shared/data and prints Markdown sections
# (the source of docs/validation.md). Usage: scripts/validate-real-data.sh [extra check options]
set -uo pipefail
cd "$(dirname "$0")/.."
D=$(cd ../shared/data && pwd)
dotnet build -c Release src/Cch.Tool -v quiet -nologo >/dev/null
cch() { dotnet src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll check --format markdown "$@" "${EXTRA[@]}"; echo "exit code: $?"; echo; }
EXTRA=("$@")

echo "### handwritten (UCI Multiple Features), student mor6, split=train"
cch --data "$D/handwritten.parquet" --student mor6 --label label --where split=train \
  --teacher fac216 --teacher pix240 --teacher kar64 --teacher zer47 --teacher fou76
echo "### handwritten, student zer47, split=train"
cch --data "$D/handwritten.parquet" --student zer47 --label label --where split=train --teacher fac216 --teacher pix240
echo "### handwritten, student fou76, split=train"
cch --data "$D/handwritten.parquet" --student fou76 --label label --where split=train --teacher fac216 --teacher pix240

for s in "miRNA184:mirna_*" "protein142:protein_*"; do
  echo "### breast_tcga, student ${s%%:*} (all 150 samples are split=train)"
  cch --data "$D/breast_tcga_labels.parquet" --label subtype --key sample_id \
    --teacher "$D/breast_tcga_mRNA200.parquet:mrna_*" --student "$D/breast_tcga_${s%%:*}.parquet:${s##*:}"
done

for s in "meth:meth_*" "miRNA:mirna_*"; do
  echo "### rosmap, student ${s%%:*}, split=train"
  cch --data "$D/rosmap_labels.parquet" --label diagnosis --key sample_id --where split=train \
    --teacher "$D/rosmap_mRNA.parquet:mrna_*" --student "$D/rosmap_${s%%:*}.parquet:${s##*:}"
done
