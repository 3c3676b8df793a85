#!/usr/bin/env bash
# The same pipeline on an embedded Flink (FlinkRunner, --flinkMaster=[local]) in this JVM:
# the same options as direct.sh, and byte-identical outputs. No progress line (the embedded
# FlinkRunner returns when the job is done); the summary is printed at the end.
source "$(dirname "$0")/common.sh"
# shellcheck disable=SC2086
exec "${BYTES_ENV[@]}" java $CDS_OPTS $JAVA_OPTS $JAVA_TEXT_OPTS -jar "$JAR" --runner=FlinkRunner --flinkMaster='[local]' "$@"
