#!/usr/bin/env bash
# Builds every bench and runs each in a short smoke mode, so that a benchmark cannot rot unnoticed.
# Numbers printed here mean nothing (tiny sizes, shared CI machine); docs/benchmarks.md holds the real runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build DanVan.Web -c Release -v q -nologo
for bench in Reports Dashboard Burst Signing; do dotnet build "bench/DanVan.Bench.$bench" -c Release -v q -nologo; done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "== bench smoke: Reports"
dotnet run -c Release --no-build --project bench/DanVan.Bench.Reports -- --loop 2
echo "== bench smoke: Dashboard"
dotnet run -c Release --no-build --project bench/DanVan.Bench.Dashboard -- --smoke --folder "$scratch/dashboard"
echo "== bench smoke: Burst"
dotnet run -c Release --no-build --project bench/DanVan.Bench.Burst -- \
  --units 3 --batches 1 --baseline-requests 20 --stream-max 20 --timeout 300 --out "$scratch/burst.md"
echo "== bench smoke: Signing"
dotnet run -c Release --no-build --project bench/DanVan.Bench.Signing -- 3
echo "bench smoke: all benches ran"
