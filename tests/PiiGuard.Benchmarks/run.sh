#!/usr/bin/env bash
# Reruns every PiiGuard benchmark; results land in artifacts/bench (not committed) and are copied by hand
# into docs/benchmarks.md. Usage: bash tests/PiiGuard.Benchmarks/run.sh [sizes] [repetitions]
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-200,1000,3000}"
reps="${2:-3}"
dotnet build tests/PiiGuard.Benchmarks -c Release -nologo -v:q
# Run time and IDE cost: BenchmarkDotNet, with allocations.
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- --filter '*' --artifacts artifacts/bench/bdn
# Whole-build timings: no analyzers / PiiGuard / NetAnalyzers (AnalysisMode All) / SecurityCodeScan, interleaved.
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- compile "$sizes" "$reps"
