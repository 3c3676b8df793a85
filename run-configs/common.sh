# Sourced by direct.sh and flink-local.sh: builds the shaded jar when it is missing or older than
# any source or pom (a fresh clone needs only the run command), then sets JAR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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

JAVA_OPTS=${JAVA_OPTS:-"-Xmx2g"}
