#!/usr/bin/env bash
# Queues an EduFunds study on Slurm: a job array of SHARDS shards and a merge job that starts
# only when every shard succeeded (--dependency=afterok). Prints the two job ids.
#
# Usage: deploy/slurm/submit.sh STUDY_DIR SHARDS SIMULATE_ARGS...
#   STUDY_DIR      folder on a shared file system: shards/, logs/, report.* (created)
#   SHARDS         M, the number of array tasks (1-M)
#   SIMULATE_ARGS  what `edufunds simulate` takes: WORKBOOK or --workbooks LIST.txt, --runs,
#                  --seed, --scenario, --policy, --trend (not --shard, --save or --threads)
# Environment: EDUFUNDS (the edufunds program; default "edufunds" on PATH), SBATCH_OPTIONS
# (extra sbatch options for both jobs, e.g. "--partition=compute --account=edu"),
# SHARD_OPTIONS / MERGE_OPTIONS (extra options for one of them, e.g. "--cpus-per-task=8
# --mem=4G" or "--array=1-64%16" to run at most 16 shards at once), FORMATS (merge: "json csv").
#
# Example: deploy/slurm/submit.sh /scratch/$USER/district 64 /data/district --runs 100000 --seed 1
set -euo pipefail

if [[ $# -lt 3 ]]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
study="$1"
shards="$2"
shift 2
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
    echo "submit: SHARDS must be a whole number >= 1; got '$shards'" >&2
    exit 1
fi

mkdir -p "$study/shards" "$study/logs"
study="$(cd "$study" && pwd)"
edufunds="${EDUFUNDS:-edufunds}"

# Paths become absolute: the jobs start in the logs folder, not here. Any argument that names
# an existing file or folder (the workbook, the --workbooks list) is a path.
absolute() { printf '%s/%s' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")"; }
if [[ "$edufunds" == */* ]]; then
    edufunds="$(absolute "$edufunds")"
fi
args=()
reports=""
for arg in "$@"; do
    if [[ "$arg" == "--workbooks" ]]; then
        reports="$study/reports"
    elif [[ "$arg" != -* && -e "$arg" ]]; then
        arg="$(absolute "$arg")"
    fi
    args+=("$arg")
done

# shellcheck disable=SC2086 # the option variables hold several words on purpose
array_job="$(sbatch --parsable ${SBATCH_OPTIONS:-} --array="1-$shards" ${SHARD_OPTIONS:-} \
    --chdir="$study/logs" \
    --export="ALL,SHARDS=$shards,STUDY=$study,EDUFUNDS=$edufunds" \
    "$here/simulate-array.sbatch" "${args[@]}")"
array_job="${array_job%%;*}"

# shellcheck disable=SC2086
merge_job="$(sbatch --parsable ${SBATCH_OPTIONS:-} ${MERGE_OPTIONS:-} \
    --dependency="afterok:$array_job" --kill-on-invalid-dep=yes \
    --chdir="$study/logs" \
    --export="ALL,STUDY=$study,EDUFUNDS=$edufunds,REPORTS=$reports,FORMATS=${FORMATS:-json csv}" \
    "$here/merge.sbatch")"
merge_job="${merge_job%%;*}"

echo "array $array_job"
echo "merge $merge_job"
