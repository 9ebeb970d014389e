#!/usr/bin/env bash
# Builds edufunds for cluster nodes that have no .NET SDK or runtime: a self-contained
# linux-x64 single-file program (about 70 MB, the .NET runtime inside). Copy the output folder
# to a file system the nodes see and point EDUFUNDS at the program:
#
#   deploy/slurm/publish.sh /shared/apps/edufunds
#   EDUFUNDS=/shared/apps/edufunds/edufunds deploy/slurm/submit.sh /scratch/study 64 /data/district --runs 100000
#
# Usage: deploy/slurm/publish.sh [OUTPUT_DIR] [RUNTIME]   (defaults: artifacts/edufunds-linux-x64, linux-x64;
# linux-arm64 for ARM nodes). Needs the .NET SDK on the machine that builds, not on the nodes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runtime="${2:-linux-x64}"
out="${1:-$root/artifacts/edufunds-$runtime}"

dotnet publish "$root/src/EduFunds.Cli/EduFunds.Cli.csproj" -c Release -r "$runtime" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
    -o "$out"
"$out/edufunds" --version
echo "publish: $out/edufunds"
