# Sourced by direct.sh and flink-local.sh: builds the shaded jar when it is missing or older than
# any source or pom (a fresh clone needs only the run command), then sets JAR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# BYTES_ENV (env settings) and JAVA_TEXT_OPTS: Java runs under a locale that can name any file.
source "$ROOT/run-configs/bytes-locale.sh"
JAR="$ROOT/pipeline/target/dicom-deid-pipeline-0.1.0-SNAPSHOT-shaded.jar"

needs_build() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/dicom" "$ROOT/transforms" "$ROOT/pipeline" \
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
  if java -cp "$JAR" org.dicomdeid.dicom.sample.CohortGenerator "$cds_tmp/in" >/dev/null 2>&1; then
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
# a few cores. The JVM's default compilers (C1, then C2 for hot code) are kept: the quick
# compiler alone saved a second or two on the sample cohort, but made a 300,000-file run 50%
# slower (185 s against 121 s, run-configs/scale-benchmark.sh), the codec's loops running
# unoptimised. Set JAVA_OPTS to choose otherwise (the heap: see the README, Large cohorts).
JAVA_OPTS=${JAVA_OPTS:-"-Xmx2g"}
