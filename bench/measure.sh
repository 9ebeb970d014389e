#!/usr/bin/env bash
# Whole-process timing: runs a command N times (default 5) after one warm-up and prints the
# median wall time, median CPU time (user + system) and median peak resident memory, measured
# with GNU time (/usr/bin/time -f). Output of the command goes to /dev/null.
# Usage: bench/measure.sh [-n N] LABEL -- COMMAND [ARGS...]
set -euo pipefail
n=5
if [[ "${1:-}" == "-n" ]]; then n="$2"; shift 2; fi
label="$1"; shift
[[ "${1:-}" == "--" ]] && shift
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
"$@" >/dev/null 2>&1 || true
for ((i = 0; i < n; i++)); do
    /usr/bin/time -f '%e %U %S %M %x' -a -o "$tmp" "$@" >/dev/null 2>/dev/null || true
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wall="$(awk '{print $1}' "$tmp" | median)"
cpu="$(awk '{print $2 + $3}' "$tmp" | median)"
rss="$(awk '{print $4 / 1024}' "$tmp" | median)"
codes="$(awk '{print $5}' "$tmp" | sort -u | tr '\n' ' ')"
load="$(cut -d' ' -f1 /proc/loadavg)"
printf '%-48s wall %6.2f s  cpu %6.2f s  rss %7.1f MB  exit %s load %s (n=%d)\n' "$label" "$wall" "$cpu" "$rss" "$codes" "$load" "$n"
