#!/usr/bin/env bash
# The scaling table of docs/performance.md: `simulate` on one thread, whole process (median of N,
# default 3), for 10x steps of programs x years x runs on generated district workbooks.
# Usage: bench/measure-scaling.sh [-n N] [EDUFUNDS...]   (default: the JIT build, dotnet .../edufunds.dll)
# Run bench/measure-district.sh first (it builds the CLI and the bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n=3
if [[ "${1:-}" == "-n" ]]; then n="$2"; shift 2; fi
cli=("$@")
[[ ${#cli[@]} -eq 0 ]] && cli=(dotnet "$root/src/EduFunds.Cli/bin/Release/net10.0/edufunds.dll")
bench=(dotnet "$root/bench/EduFunds.Benchmarks/bin/Release/net10.0/EduFunds.Benchmarks.dll")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for size in "50 80 15" "500 800 15" "5000 8000 15" "500 800 150"; do
    read -r p s y <<<"$size"
    "${bench[@]}" generate district "$work/d-$p-$s-$y" "$p" "$s" "$y" >/dev/null
done
for case in "50 80 15 1000" "500 800 15 1000" "5000 8000 15 1000" "500 800 150 1000" "500 800 15 10000"; do
    read -r p s y r <<<"$case"
    bench/measure.sh -n "$n" "$p programs x $s streams x $y years, $r runs" -- "${cli[@]}" simulate "$work/d-$p-$s-$y" --runs "$r" --threads 1 --format csv
done
