#!/usr/bin/env bash
# Scale benchmark (issue 12): many tiny files, as a retrospective cohort export looks to the
# pipeline. Generates cohorts of tiny CT files (8x8 pixels, about 2 KB, 100 per series, 1,000
# patients) in the export layout <MRN>_<date>/S<k>/ (org.dicomdeid.sample.ScaleCohort),
# then prints in one run, for each:
#   cp -r of the same tree (then sync)            at SMALL, MEDIUM and N files
#   run-configs/direct.sh (DirectRunner)          at SMALL and MEDIUM files
#   run-configs/flink-local.sh (embedded Flink)   at N files
#   the local cluster: flink-cluster/start.sh 2, flink-cluster/submit.sh --parallelism=4, at N files
# wall time, files/s, ms per file, wall time / cp -r, and the peak RSS of every JVM (the
# client's from /usr/bin/time, the JobManager's and TaskManagers' from /proc/<pid>/status
# VmHWM just before the cluster stops). Checks that every file was written (report rows).
#
#   run-configs/scale-benchmark.sh [N=1000000] [workdir]
#
# Environment: SMALL (default 20000), MEDIUM (default 300000), PATIENTS (default 1000),
# SKIP_CLUSTER=1 / SKIP_FLINK_LOCAL=1 to leave a path out. Needs about 5 KB of disk per file
# and cohort (input + output), /usr/bin/time, curl. Uses REST port ${FLINK_REST_PORT:-8081}.
# The progress lines of every run are kept in <workdir>/log/. A benchmark, not a test: the
# figures depend on the machine and on what else runs on it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"
N=${1:-1000000}
SMALL=${SMALL:-20000}
MEDIUM=${MEDIUM:-300000}
PATIENTS=${PATIENTS:-1000}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/dicom-deid-scale.XXXXXX")}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
mkdir -p "$WORK/log"
WORK=$(cd "$WORK" && pwd)
RESULTS="$WORK/results.txt"
: > "$RESULTS"
export FLINK_RUN_DIR="$WORK/flink-run"
cluster_up=0
cleanup() {
  [ "$cluster_up" = 1 ] && "$HERE/flink-cluster/stop.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "load average now $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
echo "work folder: $WORK (progress lines of every run in $WORK/log/)"

cohort() { # files -> folder
  local n=$1 dir="$WORK/export-$1"
  if [ ! -f "$dir.complete" ]; then
    rm -rf "$dir"
    echo "generating $n files for $PATIENTS patients in $dir ..." >&2
    java -cp "$CLI_CP" org.dicomdeid.sample.ScaleCohort "$dir" "$n" "$PATIENTS" >&2
    touch "$dir.complete"
  fi
  echo "$dir"
}

# label files command...: runs it under /usr/bin/time, prints "wall_s peak_kb" into a file
timed() {
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/log/$label.time" "$@" > "$WORK/log/$label.out" 2>&1 || {
    echo "$label failed; last lines of $WORK/log/$label.out:" >&2
    tail -20 "$WORK/log/$label.out" >&2
    return 1
  }
}

row() { # label files cp_seconds extra-rss-text
  local label=$1 files=$2 cp=$3 rss=$4 s kb written
  read -r s kb < "$WORK/log/$label.time"
  written=""
  [ -f "$WORK/$label/report.csv" ] && written=$(grep -c ',written,' "$WORK/$label/report.csv" || true)
  awk -v l="$label" -v n="$files" -v s="$s" -v kb="$kb" -v cp="$cp" -v w="$written" -v rss="$rss" 'BEGIN {
    if (s < 0.01) s = 0.01;
    x = cp > 0 ? sprintf("%.1fx", s / cp) : "";
    printf "%-22s %9d %8.1f %9.0f %8.3f %7s %9s  %s%s\n", l, n, s, n / s, 1000 * s / n, x,
      (w == "" ? "-" : w), (rss == "" ? sprintf("JVM %.0f MB", kb / 1024) : rss), ""
  }' >> "$RESULTS"
}

run_pipeline() { # label script input [args...]
  local label=$1 script=$2 input=$3; shift 3
  rm -rf "${WORK:?}/$label"
  timed "$label" "$script" --input="$input" --output="$WORK/$label/out" \
    --mappingCsv="$WORK/$label/mapping.csv" --reportCsv="$WORK/$label/report.csv" \
    --secretKeyFile="$WORK/secret.key" "$@" || return 1
  sync
}

# A first run after a build records the class-data-sharing archive (run-configs/common.sh,
# some seconds): done here, untimed, so the first timed run does not pay it.
"$HERE/direct.sh" --help > "$WORK/log/warm-up.out" 2>&1 || true

declare -A CP
for n in "$SMALL" "$MEDIUM" "$N"; do
  [ -n "${CP[$n]:-}" ] && continue
  dir=$(cohort "$n")
  rm -rf "$WORK/copy"
  timed "cp-$n" sh -c 'cp -r "$1" "$2" && sync' sh "$dir" "$WORK/copy"
  rm -rf "$WORK/copy"
  read -r CP[$n] _ < "$WORK/log/cp-$n.time"
  row "cp-$n" "$n" 0 "-"
done

failed() { echo "$1: FAILED, see $WORK/log/$1.out" >> "$RESULTS"; }

for n in "$SMALL" "$MEDIUM"; do
  if run_pipeline "direct-$n" "$HERE/direct.sh" "$(cohort "$n")"; then
    row "direct-$n" "$n" "${CP[$n]}" ""
  else
    failed "direct-$n"
  fi
  rm -rf "$WORK/direct-$n/out"
done

if [ "${SKIP_FLINK_LOCAL:-0}" != 1 ]; then
  if run_pipeline "flink-local-$N" "$HERE/flink-local.sh" "$(cohort "$N")"; then
    row "flink-local-$N" "$N" "${CP[$N]}" ""
  else
    failed "flink-local-$N"
  fi
  rm -rf "$WORK/flink-local-$N/out"
fi

if [ "${SKIP_CLUSTER:-0}" != 1 ]; then
  "$HERE/flink-cluster/start.sh" 2 > "$WORK/log/cluster-start.out" 2>&1 ||
    { cat "$WORK/log/cluster-start.out" >&2; exit 1; }
  cluster_up=1
  ok=1
  run_pipeline "cluster-$N" "$HERE/flink-cluster/submit.sh" "$(cohort "$N")" --parallelism=4 || ok=0
  # the job's vertices with their records and bytes in and out (what crossed the shuffles)
  rest="http://127.0.0.1:${FLINK_REST_PORT:-8081}"
  for jid in $(curl -s --max-time 10 "$rest/jobs/overview" | grep -o '"jid":"[0-9a-f]*"' | cut -d'"' -f4); do
    curl -s --max-time 10 "$rest/jobs/$jid" > "$WORK/log/cluster-job-$jid.json" || true
  done
  rss=""
  for f in "$FLINK_RUN_DIR"/pids/*.pid; do
    pid=$(cat "$f")
    kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    rss="$rss$(basename "$f" .pid) $((kb / 1024)) MB, "
  done
  if [ "$ok" = 1 ]; then
    read -r _ ckb < "$WORK/log/cluster-$N.time"
    row "cluster-$N" "$N" "${CP[$N]}" "client $((ckb / 1024)) MB, ${rss%, }"
  else
    failed "cluster-$N"
    echo "  cluster JVMs: ${rss%, }" >> "$RESULTS"
  fi
  "$HERE/flink-cluster/stop.sh" >/dev/null 2>&1 || true
  cluster_up=0
  rm -rf "$WORK/cluster-$N/out"
fi

echo
echo "scale benchmark: tiny CT files (8x8, about 2 KB), $PATIENTS patients, 100 files per series"
printf "%-22s %9s %8s %9s %8s %7s %9s  %s\n" "run" "files" "wall s" "files/s" "ms/file" \
  "/cp -r" "written" "peak RSS"
cat "$RESULTS"
echo "(wall time includes JVM start and, on the cluster, the job upload; other work on this" \
  "machine shares its cores: load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
