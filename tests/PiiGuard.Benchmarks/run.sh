#!/usr/bin/env bash
# Reruns every PiiGuard benchmark; results land in artifacts/bench (not committed) and are copied by hand
# into docs/benchmarks.md. Usage: bash tests/PiiGuard.Benchmarks/run.sh [sizes] [repetitions]
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-200,1000,3000}"
reps="${2:-3}"
dotnet build tests/PiiGuard.Benchmarks -c Release -nologo -v:q
# Run time and IDE cost: BenchmarkDotNet, with allocations.
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- --filter "*MaskBenchmarks*" "*RecordBenchmarks*" "*AnalyzerBenchmarks*" --artifacts artifacts/bench/bdn
# The runtime companions (Serilog policy, Compliance redactors, OpenTelemetry processor) against the unmasked paths.
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- --filter "*RuntimeCompanionBenchmarks*" --job short --buildTimeout 900 --artifacts artifacts/bench/bdn
# The analyzers' CPU in-process against an empty IOperation analyzer (add a baseline PiiGuard.Analyzers.dll as a
# fourth argument to compare two builds side by side; docs/benchmarks.md shows how).
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- profile "$sizes" "$reps"
# Whole-build timings: no analyzers / PiiGuard / NetAnalyzers (AnalysisMode All) / SecurityCodeScan, interleaved.
dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- compile "$sizes" "$reps"
# Real code: set PIIGUARD_BENCH_REAL_PROJECT to a checkout's project (docs/benchmarks.md names the one measured).
if [ -n "${PIIGUARD_BENCH_REAL_PROJECT:-}" ]; then
  dotnet run -c Release --no-build --project tests/PiiGuard.Benchmarks -- real "$PIIGUARD_BENCH_REAL_PROJECT" "$reps" \
    -f net8.0 "-p:NoWarn=NU1605%3BNU1603%3BNU1608" -p:TreatWarningsAsErrors=false -p:EnablePackageValidation=false
fi
