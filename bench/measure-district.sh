#!/usr/bin/env bash
# Whole-process figures of issue 13's first row: `simulate` of the district workbook (500
# programs, 800 streams, 15 years; tests/golden/district, the same as `generate district`),
# 10,000 runs on 2 threads, CSV to /dev/null. Median of N runs (default 5) after one warm-up:
# wall time, CPU time (user + system) and peak RSS, by GNU time through bench/measure.sh. Also
# prints this machine's load, and the simulation loop's CPU per active program-year from
# `bench ... parts` (one thread, inside one process, no start-up).
#
# Usage: bench/measure-district.sh [-n N] [--aot] [--no-build] [--before DIR]
#   --aot        also time the Native AOT build (dotnet publish -r linux-x64; needs clang, zlib1g-dev)
#   --no-build   use the builds that are there
#   --before DIR also time the framework-dependent CLI built in another checkout DIR (for a before/after),
#                and its AOT build (DIR/artifacts/aot/edufunds) with --aot when it is there
# On a shared machine compare CPU times; wall time is only meaningful on a quiet one (load < 2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n=5; aot=0; build=1; before=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) n="$2"; shift 2 ;;
        --aot) aot=1; shift ;;
        --no-build) build=0; shift ;;
        --before) before="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 1 ;;
    esac
done

workbook="$root/tests/golden/district"
args=(simulate "$workbook" --runs 10000 --threads 2 --format csv)
if [[ $build == 1 ]]; then
    dotnet build src/EduFunds.Cli -c Release -v q -nologo 2>&1 | tail -n 2
    dotnet build bench/EduFunds.Benchmarks -c Release -v q -nologo 2>&1 | tail -n 2
    if [[ $aot == 1 ]]; then
        dotnet publish src/EduFunds.Cli -c Release -r linux-x64 -o artifacts/aot -v q -nologo 2>&1 | tail -n 2
    fi
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$before" ]]; then
    bench/measure.sh -n "$n" "before: JIT simulate district 10k x2" -- dotnet "$before/src/EduFunds.Cli/bin/Release/net10.0/edufunds.dll" "${args[@]}"
fi
bench/measure.sh -n "$n" "JIT simulate district 10k x2" -- dotnet src/EduFunds.Cli/bin/Release/net10.0/edufunds.dll "${args[@]}"
if [[ $aot == 1 && -n "$before" && -x "$before/artifacts/aot/edufunds" ]]; then
    bench/measure.sh -n "$n" "before: AOT simulate district 10k x2" -- "$before/artifacts/aot/edufunds" "${args[@]}"
fi
if [[ $aot == 1 && -x artifacts/aot/edufunds ]]; then
    bench/measure.sh -n "$n" "AOT simulate district 10k x2" -- artifacts/aot/edufunds "${args[@]}"
fi
bench/measure.sh -n "$n" "JIT start-up only (--version)" -- dotnet src/EduFunds.Cli/bin/Release/net10.0/edufunds.dll --version
if [[ -n "$before" && -f "$before/bench/EduFunds.Benchmarks/bin/Release/net10.0/EduFunds.Benchmarks.dll" ]]; then
    echo -n "before: "
    dotnet "$before/bench/EduFunds.Benchmarks/bin/Release/net10.0/EduFunds.Benchmarks.dll" parts 2000
fi
dotnet bench/EduFunds.Benchmarks/bin/Release/net10.0/EduFunds.Benchmarks.dll parts 2000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
