#!/usr/bin/env bash
# Pipeline benchmark: wall time, throughput and peak memory of the whole pipeline (JVM start
# included; DirectRunner, then the FlinkRunner embedded in the process) beside a plain `cp -r`
# of the same tree, measured in the same run.
#
#   run-configs/benchmark.sh [bytes=1400000000] [workdir]
#
# The cohort is generated: 512x512 16-bit CT slices in series of 100, the transfer syntaxes
# in turn (explicit LE, implicit LE, explicit BE, deflated, RLE). Both runs start with the
# files in the page cache (the generator just wrote them, and a warm-up read follows), so the
# comparison is CPU and write cost, not disk reads. Peak memory is the maximum resident set
# size from /usr/bin/time (of sh and its children: the JVM's own peak). JAVA_OPTS (default -Xmx512m) sets the pipeline JVM's heap.
source "$(dirname "$0")/common.sh"
BYTES=${1:-1400000000}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/dicom-deid-bench.XXXXXX")}
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx512m"}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
mkdir -p "$WORK"
trap 'rm -rf "$WORK/export" "$WORK/copy" "$WORK/deid" "$WORK/deid-flink"' EXIT

echo "generating a cohort of about $((BYTES / 1000000)) MB in $WORK/export ..."
java -cp "$JAR" org.dicomdeid.dicom.sample.CohortGenerator "$WORK/export" "--bytes=$BYTES" >/dev/null
files=$(find "$WORK/export" -type f | wc -l)
size=$(du -sb "$WORK/export" | cut -f1)
mb=$(awk -v b="$size" 'BEGIN { printf "%.0f", b / 1e6 }')
find "$WORK/export" -type f -exec cat {} + >/dev/null   # warm the page cache for both runs
sync

measure() { # label, command...: prints "seconds peakKB"
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/time.$label" "$@" >"$WORK/out.$label" 2>&1 \
    || { echo "$label failed:"; tail -20 "$WORK/out.$label"; exit 1; }
  cat "$WORK/time.$label"
}

# Both timings end with sync: a copy is done when its bytes are on disk.
read -r cp_s cp_kb < <(measure cp sh -c 'cp -r "$1" "$2" && sync' sh "$WORK/export" "$WORK/copy")
read -r p_s p_kb < <(measure pipeline sh -c 'java "$@" && sync' sh $JAVA_OPTS -jar "$JAR" \
  --runner=DirectRunner --input="$WORK/export" --output="$WORK/deid" \
  --mappingCsv="$WORK/mapping.csv" --reportCsv="$WORK/report.csv" \
  --secretKeyFile="$WORK/secret.key" --progress=false)
written=$(grep -c ',written,' "$WORK/report.csv")
# The same pipeline on the FlinkRunner embedded in the process, for comparison.
read -r f_s f_kb < <(measure flink sh -c 'java "$@" && sync' sh $JAVA_OPTS -jar "$JAR" \
  --runner=FlinkRunner --flinkMaster=[local] --input="$WORK/export" --output="$WORK/deid-flink" \
  --mappingCsv="$WORK/mapping-flink.csv" --reportCsv="$WORK/report-flink.csv" \
  --secretKeyFile="$WORK/secret.key" --progress=false)

awk -v files="$files" -v mb="$mb" -v cs="$cp_s" -v ck="$cp_kb" -v ps="$p_s" -v pk="$p_kb" \
    -v fs="$f_s" -v fk="$f_kb" -v w="$written" 'BEGIN {
  printf "\ncohort: %d files, %d MB (512x512 16-bit CT slices, 5 transfer syntaxes)\n", files, mb
  printf "%-28s %9s %9s %14s\n", "", "wall s", "MB/s", "peak RSS MB"
  printf "%-28s %9.1f %9.0f %14.0f\n", "cp -r (baseline)", cs, mb / cs, ck / 1024
  printf "%-28s %9.1f %9.0f %14.0f\n", "pipeline, DirectRunner", ps, mb / ps, pk / 1024
  printf "%-28s %9.1f %9.0f %14.0f\n", "pipeline, Flink embedded", fs, mb / fs, fk / 1024
  printf "pipeline / cp -r: %.2fx wall time (DirectRunner), %.2fx (Flink embedded);" \
    " %d of %d files written\n", ps / cs, fs / cs, w, files
}'
