#!/usr/bin/env bash
# The same pipeline on an embedded Flink (FlinkRunner, --flinkMaster=[local]) in this JVM:
# the same options as direct.sh, and byte-identical outputs. A progress line every 2 s (the
# counts are kept in this JVM as the files go by), the summary at the end.
# --parallelism defaults to this machine's processors: the embedded Flink's own default is 1,
# which left every stage, the rewriting too, on one core.
source "$(dirname "$0")/common.sh"
local_run_opts "$@"
parallelism=()
printf '%s\n' "$@" | grep -q '^--parallelism=' || parallelism=("--parallelism=$(nproc)")
# shellcheck disable=SC2086
exec "${BYTES_ENV[@]}" java $CDS_OPTS $JAVA_OPTS $JAVA_TEXT_OPTS -cp "$CLI_CP" "$CLI_MAIN" \
  --runner=FlinkRunner --flinkMaster='[local]' "${parallelism[@]}" "$@"
