# Sourced by every script that starts Java: the jars and the classpaths that run them (defined
# here only), and a build when a jar is missing or older than any source or pom (a fresh clone
# needs only the run command). Then local_run_opts sets the JVM options of a run on this machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# BYTES_ENV (env settings) and JAVA_TEXT_OPTS: Java runs under a locale that can name any file.
source "$ROOT/run-configs/bytes-locale.sh"
VERSION=0.1.0-SNAPSHOT
# The job jar: the pipeline with both runners, what the FlinkRunner stages to a cluster
# (--filesToStage). The thin jars beside it: the sample cohorts, the command line, the web page.
JOB_JAR="$ROOT/pipeline/target/dicom-deid-pipeline-$VERSION-shaded.jar"
SAMPLE_JAR="$ROOT/sample/target/dicom-deid-sample-$VERSION.jar"
CLI_JAR="$ROOT/cli/target/dicom-deid-cli-$VERSION.jar"
WEB_JAR="$ROOT/web/target/dicom-deid-web-$VERSION.jar"
# The classpaths: the command line (and the tools: cohort generators, FileNames), the web page.
CLI_CP="$JOB_JAR:$SAMPLE_JAR:$CLI_JAR"
CLI_MAIN=org.dicomdeid.cli.Main
WEB_CP="$JOB_JAR:$SAMPLE_JAR:$WEB_JAR"
WEB_MAIN=org.dicomdeid.web.WebServer

# The one staleness check: a jar missing, or a source, resource or pom of any module (the
# reactor's <module> list) newer than the job jar, which every build writes anew (the shade).
needs_build() {
  local jar module
  local sources=("$ROOT/pom.xml")
  for jar in "$JOB_JAR" "$SAMPLE_JAR" "$CLI_JAR" "$WEB_JAR"; do
    [ -f "$jar" ] || return 0
  done
  for module in $(sed -n 's|^ *<module>\(.*\)</module>.*|\1|p' "$ROOT/pom.xml"); do
    sources+=("$ROOT/$module")
  done
  [ -n "$(find "${sources[@]}" \( -path '*/target' -prune \) -o \( -type f \( -name '*.java' \
      -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JOB_JAR" -print \) \
      | head -1)" ]
}

if needs_build; then
  echo "building the jars (first use or sources changed): mvn -B -q -DskipTests package" >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package) >&2 || { echo "the build failed" >&2; exit 1; }
fi

# local_run_opts "$@" (the script's arguments): sets CDS_OPTS and JAVA_OPTS for a run of the
# command line on this machine (direct.sh, flink-local.sh); the web page takes jvm_opts alone.
local_run_opts() {
  record_cds
  jvm_opts "$@"
}

# Start-up: a class-data-sharing archive (JDK CDS) of the classes a run loads, recorded once per
# build and JDK by a run on a tiny generated cohort, saves about a second per start. It is only an
# optimisation: without it (not writable, recording failed) runs start as before. A dynamic
# archive serves only runs of the classpath it was recorded with: CLI_CP's (the web page, on
# WEB_CP, starts once and goes without).
record_cds() {
  local java_version_id cds cds_tmp cds_rc jar stale=0
  java_version_id=$(java -version 2>&1 | cksum | cut -d' ' -f1)
  cds="$ROOT/pipeline/target/dicom-deid-$java_version_id.jsa"
  for jar in "$JOB_JAR" "$SAMPLE_JAR" "$CLI_JAR"; do
    if [ "$jar" -nt "$cds" ]; then stale=1; fi
  done
  if [ ! -f "$cds" ] || [ "$stale" = 1 ]; then
    echo "recording the classes a run loads, for faster starts (once per build) ..." >&2
    cds_tmp=$(mktemp -d "${TMPDIR:-/tmp}/dicom-deid-cds.XXXXXX")
    rm -f "$ROOT"/pipeline/target/dicom-deid-*.jsa
    if java -cp "$CLI_CP" org.dicomdeid.sample.CohortGenerator "$cds_tmp/in" >/dev/null 2>&1; then
      # Recorded under a temporary name and moved into place: a run starting meanwhile never
      # sees half an archive.
      # JDK 17 has crashed once here (SIGSEGV in SystemDictionaryShared, while dumping at exit):
      # then no archive is kept (the sample run itself exits 0 or 1), and the crash log stays out
      # of the user's folder.
      cds_rc=0
      "${BYTES_ENV[@]}" java $JAVA_TEXT_OPTS -XX:ErrorFile="$cds_tmp/hs_err.log" \
        -XX:ArchiveClassesAtExit="$cds_tmp/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp "$CLI_CP" "$CLI_MAIN" --runner=DirectRunner --input="$cds_tmp/in" \
        --output="$cds_tmp/out" --mappingCsv="$cds_tmp/mapping.csv" \
        --reportCsv="$cds_tmp/report.csv" --secretKeyFile="$cds_tmp/key" --progress=false \
        >/dev/null 2>&1 || cds_rc=$?
      [ "$cds_rc" -le 1 ] && [ -s "$cds_tmp/classes.jsa" ] && mv -f "$cds_tmp/classes.jsa" "$cds" || true
    fi
    rm -rf "$cds_tmp"
  fi
  CDS_OPTS=""
  [ -f "$cds" ] && CDS_OPTS="-XX:SharedArchiveFile=$cds -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  return 0
}

# A run of the DirectRunner or the embedded FlinkRunner is a batch job of seconds to hours on
# a few cores, and which JIT compilers pay depends on its size. On a small input the quick
# compiler alone (-XX:TieredStopAtLevel=1) wins: the optimising compiler (C2) spent about 7 s
# of CPU compiling Beam, more than it saved (run-configs/benchmark.sh: 14 s -> 9 s). On a large
# one C2 wins: with C1 alone a 300,000-file run took 185 s instead of 121 s, the codec's loops
# running unoptimised (run-configs/scale-benchmark.sh). So the scripts count the files of the
# --input folders, up to 20,000, before starting Java (a second at most): C1 alone below that,
# both compilers from there, and both when an input is not a local folder (a glob, gs://...).
# The heap: DEFAULT_HEAP, set by the script before it sources this file (direct.sh: 1 GB,
# enough for 300,000 files with 4% of the time in GC pauses; see the README, Large cohorts),
# else 2 GB. JAVA_OPTS, when set, replaces both choices.
LARGE_INPUT_FILES=20000
jit_for_input() { # the scripts' arguments -> "-XX:TieredStopAtLevel=1" or ""
  local arg inputs="" dir count=0 n
  for arg in "$@"; do
    case "$arg" in --input=*) inputs=${arg#--input=} ;; esac
  done
  [ -z "$inputs" ] && { echo "-XX:TieredStopAtLevel=1"; return; } # the sample cohort
  local IFS=,
  for dir in $inputs; do
    [ -d "$dir" ] || return 0
    # find ends on SIGPIPE once head has enough: not an error here
    n=$(find "$dir" -type f 2>/dev/null | head -n "$LARGE_INPUT_FILES" | wc -l || true)
    count=$((count + n))
    [ "$count" -ge "$LARGE_INPUT_FILES" ] && return 0
  done
  echo "-XX:TieredStopAtLevel=1"
}
jvm_opts() { # the script's arguments: sets JAVA_OPTS unless the environment gave it
  if [ -z "${JAVA_OPTS:-}" ]; then
    JAVA_OPTS="-Xmx${DEFAULT_HEAP:-2g} $(jit_for_input "$@")"
  fi
}
