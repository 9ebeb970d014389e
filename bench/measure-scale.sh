#!/usr/bin/env bash
# Whole-process figures of issue 13's scale rows: the 50,000 programs x 2,000 streams risk
# report and the 1,000,000-entry ledger (export, track, validate). Medians of N runs of wall
# time, CPU time (user + system) and peak resident memory (GNU time's %M, the same figure as
# /usr/bin/time -v's "Maximum resident set size"), the exit codes and the load average, via
# bench/measure.sh. Run it on a quiet machine; compare CPU times when it is not quiet.
#
# Usage: bench/measure-scale.sh [-n N] [--aot] [--quick] [WORKDIR]
#   -n N     runs per figure (default 3; the big risk report runs min(N, 3) times)
#   --aot    measure the Native AOT build (dotnet publish -r linux-x64) instead of the JIT build
#   --quick  leave out the two big risk runs (minutes each)
#   WORKDIR  where the generated workloads go (default /tmp/edufunds-scale); kept between runs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
n=3; aot=0; quick=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) n="$2"; shift 2 ;;
        --aot) aot=1; shift ;;
        --quick) quick=1; shift ;;
        *) break ;;
    esac
done
work="${1:-/tmp/edufunds-scale}"
mkdir -p "$work"

echo "== building (Release)"
dotnet build "$repo/bench/EduFunds.Benchmarks" -c Release -v q -nologo | tail -n 2
if [[ $aot == 1 ]]; then
    dotnet publish "$repo/src/EduFunds.Cli" -c Release -r linux-x64 -o "$work/aot" -v q -nologo | tail -n 2
    edufunds=("$work/aot/edufunds")
else
    dotnet build "$repo/src/EduFunds.Cli" -c Release -v q -nologo | tail -n 2
    edufunds=(dotnet "$repo/src/EduFunds.Cli/bin/Release/net10.0/edufunds.dll")
fi
bench=(dotnet "$repo/bench/EduFunds.Benchmarks/bin/Release/net10.0/EduFunds.Benchmarks.dll")

echo "== workloads in $work"
[[ -f "$work/big/programs.csv" ]] || "${bench[@]}" generate district "$work/big" 50000 2000 15
[[ -f "$work/ledger/ledger.csv" ]] || "${bench[@]}" generate ledger "$work/ledger" 1000000

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
m() { "$here/measure.sh" "$@"; }
limit=0x80000000 # DOTNET_GCHeapHardLimit: 2 GiB of managed heap

m -n "$n" "export --format hledger (1M entries)" -- "${edufunds[@]}" export "$work/ledger" -f hledger -o "$work/ledger.journal"
m -n "$n" "track --year 2027 (1M entries)" -- "${edufunds[@]}" track "$work/ledger" --year 2027
m -n "$n" "validate (1M entries)" -- "${edufunds[@]}" validate "$work/ledger"
if [[ $quick == 0 ]]; then
    big=$(( n < 3 ? n : 3 ))
    m -n "$big" "simulate --runs 200 (50k x 2k)" -- "${edufunds[@]}" simulate "$work/big" --runs 200 -f csv -o "$work/simulate.csv"
    m -n "$big" "risk --runs 200 --tornado-runs 0 (50k x 2k, 2 GiB)" -- env DOTNET_GCHeapHardLimit=$limit "${edufunds[@]}" risk "$work/big" --runs 200 --tornado-runs 0
    m -n "$big" "risk --runs 200 (50k x 2k, 2 GiB heap)" -- env DOTNET_GCHeapHardLimit=$limit "${edufunds[@]}" risk "$work/big" --runs 200
fi
echo "== load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
