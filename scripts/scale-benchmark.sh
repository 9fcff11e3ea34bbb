#!/usr/bin/env bash
# Scale benchmark (docs/benchmarks.md, "Scale"): writes 10^5 and 10^6 rows × 768 + 768 float32 dims as Parquet
# (benchmarks/Cch.Benchmarks write-scale), then times `dotnet cch check` on them with the default estimators,
# whole process: wall seconds and peak resident memory (/usr/bin/time), plus the report's phase timings.
# Usage: scripts/scale-benchmark.sh [FOLDER]   (FOLDER holds the generated files: ~6.8 GB; default /tmp/cch-scale)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
folder="${1:-/tmp/cch-scale}"
mkdir -p "$folder"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

dotnet build "$root/benchmarks/Cch.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/src/Cch.Tool" -c Release -v quiet -nologo >/dev/null
bench="$root/benchmarks/Cch.Benchmarks/bin/Release/net10.0/Cch.Benchmarks.dll"
tool="$root/src/Cch.Tool/bin/Release/net10.0/dotnet-cch.dll"

for rows in 100000 1000000; do
  file="$folder/scale-$rows.parquet"
  [ -f "$file" ] || dotnet "$bench" write-scale "$rows" 768 "$file"
done

run() { # label, file, extra args…
  local label="$1" file="$2"; shift 2
  local report="$folder/report.json"
  /usr/bin/time -f "%e %M" -o "$folder/time.txt" dotnet "$tool" check --data "$file" --teacher teacher --student student --label label \
    --report "$report" "$@" >/dev/null 2>"$folder/stderr.txt" || true
  read -r wall kb < "$folder/time.txt"
  local timings
  timings=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); t=r['timings']; s=r['sample']; print(f\"N={s['rowsUsed']}/{s['totalRows']} read={t['readSeconds']:.1f}s estimates={t['estimateSeconds']:.1f}s intervals={t['intervalSeconds']:.1f}s delta={r['teachers'][0]['delta']['estimate']:.3f}\")" "$report")
  printf '%-44s wall %6.1f s  peak %5.0f MB  %s\n' "$label" "$wall" "$((kb / 1024))" "$timings"
}

echo "$(date -u +%F) $(git -C "$root" rev-parse --short HEAD) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run "10^5 rows, default (--max-rows 20,000)" "$folder/scale-100000.parquet"
run "10^5 rows, --max-rows all" "$folder/scale-100000.parquet" --max-rows all
run "10^6 rows, default (--max-rows 20,000)" "$folder/scale-1000000.parquet"
run "10^6 rows, --max-rows 5,000" "$folder/scale-1000000.parquet" --max-rows 5000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
