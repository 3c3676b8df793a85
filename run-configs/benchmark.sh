#!/usr/bin/env bash
# Pipeline benchmark: wall time, throughput and peak memory of the whole pipeline as users run it
# (run-configs/direct.sh and flink-local.sh: JVM start included), beside a plain `cp -r` of the
# same tree measured in the same run.
#
#   run-configs/benchmark.sh [bytes=4200000000] [workdir]
#
# Two generated cohorts of 512x512 16-bit CT slices in series of 100, each of about `bytes`
# (the default: about 8,100 slices, some 30 CT studies' worth; `bytes` of 1400000000 shows the
# fixed start-up cost of about 2 s weighing on a smaller run):
#   mixed    the series take five transfer syntaxes in turn: explicit LE, implicit LE,
#            explicit BE, deflated, RLE (a fifth of the bytes deflated);
#   native   the same without deflated: explicit LE, implicit LE, explicit BE, RLE.
# A deflated file's data set is one deflate stream and the header in it changes: the engine
# inflates it, deflates anew only the changed head and splices the input's own compressed blocks
# of the rest behind it (DataSetEncoder.splicing(), README: Benchmarks); the second cohort shows
# what deflated files still cost.
# Every timed run starts with the files in the page cache (the generator just wrote them, and a
# warm-up read follows) and with no earlier output, and ends with `sync`: a copy is done when its
# bytes are on disk. Each figure is the median of REPS runs (default 3): on a shared machine a
# single `cp -r` of the same tree was seen to take from 1.1 s to 3.7 s. Peak memory is the
# maximum resident set size from /usr/bin/time (the JVM's own peak, the largest of the runs).
# JAVA_OPTS, when set in the environment, is passed on to the scripts (their default: see
# run-configs/common.sh: the heap, and the JIT compilers by the input's size).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"
BYTES=${1:-4200000000}
REPS=${REPS:-3}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/dicom-deid-bench.XXXXXX")}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
mkdir -p "$WORK"
trap 'rm -rf "$WORK/export" "$WORK/copy" "$WORK/deid" "$WORK/deid-flink"' EXIT

# label, cleanup command, command...: runs the command REPS times (each after the cleanup and a
# sync) and prints "median-seconds peakKB" (peak: the largest of the runs).
measure() {
  local label=$1 cleanup=$2; shift 2
  local i
  for ((i = 1; i <= REPS; i++)); do
    sh -c "$cleanup"
    sync
    /usr/bin/time -f "%e %M" -o "$WORK/time.$label.$i" "$@" >"$WORK/out.$label" 2>&1 \
      || { echo "$label failed:" >&2; tail -20 "$WORK/out.$label" >&2; exit 1; }
  done
  cat "$WORK"/time."$label".* | sort -n | awk '{ s[NR] = $1; if ($2 > k) k = $2 }
    END { printf "%s %s\n", s[int((NR + 1) / 2)], k }'
  rm -f "$WORK"/time."$label".*
}

# The pipeline as users run it: script, output name (under the work folder).
RUN_PIPELINE='"$1" --input="$2/export" --output="$2/$3" --mappingCsv="$2/mapping-$3.csv" \
  --reportCsv="$2/report-$3.csv" --secretKeyFile="$2/secret.key" --progress=false && sync'

bench() { # name, syntaxes
  local name=$1 syntaxes=$2
  rm -rf "$WORK/export" "$WORK/copy" "$WORK/deid" "$WORK/deid-flink" "$WORK"/mapping-*.csv
  echo "generating the $name cohort ($syntaxes), about $((BYTES / 1000000)) MB ..." >&2
  java -cp "$CLI_CP" org.dicomdeid.sample.CohortGenerator "$WORK/export" "--bytes=$BYTES" \
    "--syntaxes=$syntaxes" >/dev/null
  local files size mb
  files=$(find "$WORK/export" -type f | wc -l)
  size=$(du -sb "$WORK/export" | cut -f1)
  mb=$(awk -v b="$size" 'BEGIN { printf "%.0f", b / 1e6 }')
  find "$WORK/export" -type f -exec cat {} + >/dev/null   # warm the page cache for every run
  local cp_s cp_kb p_s p_kb f_s f_kb
  read -r cp_s cp_kb < <(measure cp "rm -rf '$WORK/copy'" \
    sh -c 'cp -r "$1" "$2" && sync' sh "$WORK/export" "$WORK/copy")
  rm -rf "$WORK/copy"
  read -r p_s p_kb < <(measure direct "rm -rf '$WORK/deid' '$WORK'/*-deid.csv" \
    sh -c "$RUN_PIPELINE" sh "$HERE/direct.sh" "$WORK" deid)
  local written
  written=$(grep -c ',written,' "$WORK/report-deid.csv")
  read -r f_s f_kb < <(measure flink "rm -rf '$WORK/deid-flink' '$WORK'/*-deid-flink.csv" \
    sh -c "$RUN_PIPELINE" sh "$HERE/flink-local.sh" "$WORK" deid-flink)
  awk -v name="$name" -v syn="$syntaxes" -v files="$files" -v mb="$mb" -v cs="$cp_s" \
      -v ck="$cp_kb" -v ps="$p_s" -v pk="$p_kb" -v fs="$f_s" -v fk="$f_kb" -v w="$written" -v reps="$REPS" 'BEGIN {
    printf "\n%s cohort: %d files, %d MB of 512x512 16-bit CT slices (%s)\n", name, files, mb, syn
    printf "median of %d runs each\n", reps
    printf "%-34s %9s %9s %14s\n", "", "wall s", "MB/s", "peak RSS MB"
    printf "%-34s %9.1f %9.0f %14.0f\n", "cp -r (baseline)", cs, mb / cs, ck / 1024
    printf "%-34s %9.1f %9.0f %14.0f\n", "run-configs/direct.sh", ps, mb / ps, pk / 1024
    printf "%-34s %9.1f %9.0f %14.0f\n", "run-configs/flink-local.sh", fs, mb / fs, fk / 1024
    printf "pipeline / cp -r: %.2fx wall time (DirectRunner), %.2fx (Flink embedded);" \
      " %d of %d files written\n", ps / cs, fs / cs, w, files
  }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "java: $(java -version 2>&1 | head -1)"
bench mixed explicit-le,implicit-le,explicit-be,deflated,rle
bench native explicit-le,implicit-le,explicit-be,rle
