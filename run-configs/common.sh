# Sourced by direct.sh and flink-local.sh: builds the shaded jar when it is missing or older than
# any source or pom (a fresh clone needs only the run command), then sets JAR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# BYTES_ENV (env settings) and JAVA_TEXT_OPTS: Java runs under a locale that can name any file.
source "$ROOT/run-configs/bytes-locale.sh"
JAR="$ROOT/pipeline/target/dicom-deid-pipeline-0.1.0-SNAPSHOT-shaded.jar"

needs_build() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/dicom" "$ROOT/sample" "$ROOT/transforms" "$ROOT/pipeline" \
      \( -path '*/target' -prune \) -o \( -type f \( -name '*.java' -o -name 'pom.xml' \
      -o -path '*/src/main/resources/*' \) -newer "$JAR" -print \) | head -1)" ]
}

if needs_build; then
  echo "building the pipeline jar (first use or sources changed): mvn -B -q -DskipTests package" >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
fi

# Start-up: a class-data-sharing archive (JDK CDS) of the classes a run loads, recorded once per
# jar and JDK by a run on a tiny generated cohort, saves about a second per start. It is only an
# optimisation: without it (not writable, recording failed) runs start as before.
JAVA_VERSION_ID=$(java -version 2>&1 | cksum | cut -d' ' -f1)
CDS="$ROOT/pipeline/target/dicom-deid-$JAVA_VERSION_ID.jsa"
if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then
  echo "recording the classes a run loads, for faster starts (once per build) ..." >&2
  cds_tmp=$(mktemp -d "${TMPDIR:-/tmp}/dicom-deid-cds.XXXXXX")
  rm -f "$ROOT"/pipeline/target/dicom-deid-*.jsa
  if java -cp "$JAR" org.dicomdeid.sample.CohortGenerator "$cds_tmp/in" >/dev/null 2>&1; then
    # Recorded under a temporary name and moved into place: a run starting meanwhile never
    # sees half an archive.
    # JDK 17 has crashed once here (SIGSEGV in SystemDictionaryShared, while dumping at exit):
    # then no archive is kept (the sample run itself exits 0 or 1), and the crash log stays out
    # of the user's folder.
    cds_rc=0
    "${BYTES_ENV[@]}" java $JAVA_TEXT_OPTS -XX:ErrorFile="$cds_tmp/hs_err.log" \
      -XX:ArchiveClassesAtExit="$cds_tmp/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar "$JAR" --runner=DirectRunner --input="$cds_tmp/in" --output="$cds_tmp/out" \
      --mappingCsv="$cds_tmp/mapping.csv" --reportCsv="$cds_tmp/report.csv" \
      --secretKeyFile="$cds_tmp/key" --progress=false >/dev/null 2>&1 || cds_rc=$?
    [ "$cds_rc" -le 1 ] && [ -s "$cds_tmp/classes.jsa" ] && mv -f "$cds_tmp/classes.jsa" "$CDS" || true
  fi
  rm -rf "$cds_tmp"
fi
CDS_OPTS=""
[ -f "$CDS" ] && CDS_OPTS="-XX:SharedArchiveFile=$CDS -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"

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
if [ -z "${JAVA_OPTS:-}" ]; then
  JAVA_OPTS="-Xmx${DEFAULT_HEAP:-2g} $(jit_for_input "$@")"
fi
