#!/usr/bin/env bash
# De-identifies DICOM on a Flink 1.19 cluster (Beam's FlinkRunner): the local one from
# run-configs/flink-cluster/start.sh, or any standalone/session cluster given by FLINK_MASTER.
#
#   run-configs/flink-cluster/start.sh                 # local cluster: 1 JobManager, 2 TaskManagers
#   run-configs/flink-cluster/submit.sh --input=/data/export --output=/data/deid \
#       --mappingCsv=/secure/mapping.csv --reportCsv=/secure/report.csv \
#       --secretKeyFile=/secure/deid.key [--parallelism=4] [--options=...] [--allowBurnedIn]
#   run-configs/flink-cluster/stop.sh
#   FLINK_MASTER=flink-jm.example.org:8081 run-configs/flink-cluster/submit.sh ...   # another cluster
#
# The same options as direct.sh (see there), plus any of Beam's FlinkRunner options such as
# --parallelism=N. Without --input a small generated sample cohort is used, as with direct.sh.
# Runs `java -cp <CLI_CP> org.dicomdeid.cli.Main --runner=FlinkRunner
# --flinkMaster=$FLINK_MASTER --filesToStage=<job jar>` (run-configs/common.sh): the job jar alone
# is uploaded to the cluster with the job (about 160 MB). The jars are built first
# (mvn -B -q -DskipTests package) when missing or older than a source or pom. Every path must mean the same file on the client and on every
# TaskManager (on one machine it does; on a real cluster use a shared mount).
# Environment: FLINK_MASTER (default 127.0.0.1:${FLINK_REST_PORT:-8081}), JAVA_OPTS for the
# client JVM (default -Xmx1g; the work happens on the TaskManagers).
# Before submitting, --parallelism (default 1) is checked against the cluster's free task slots:
# more than are free exits 2 with both numbers. While the job runs a progress line reads its
# state from the cluster's REST API; Ctrl-C on this client cancels the job on the cluster.
# Exit status: 0 every input written, skipped or quarantined; 1 some failed (see the report), the
# pipeline failed or the cluster could not be reached; 2 bad options (or too few free slots).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
FLINK_MASTER=${FLINK_MASTER:-127.0.0.1:${FLINK_REST_PORT:-8081}}

# A --flinkMaster or --filesToStage on the command line wins over ours.
extra=()
has_opt() { local a; for a in "${@:2}"; do [[ "$a" == "--$1="* || "$a" == "--$1" ]] && return 0; done; return 1; }
if ! has_opt flinkMaster "$@"; then
  extra+=("--flinkMaster=$FLINK_MASTER")
  master=$FLINK_MASTER
else
  master=$(printf '%s\n' "$@" | sed -n 's/^--flinkMaster=//p' | tail -1)
fi
has_opt filesToStage "$@" || extra+=("--filesToStage=$JOB_JAR")

# A cluster address (host:port, not [local] or [auto]) must answer before a 160 MB upload.
if [[ "$master" =~ ^(https?://)?[A-Za-z0-9._-]+:[0-9]+$ ]]; then
  url=$master; [[ "$url" == http* ]] || url="http://$url"
  command -v curl >/dev/null || { echo "flink-cluster/submit.sh needs curl (apt-get install curl)" >&2; exit 1; }
  if ! curl -s -o /dev/null --max-time 10 "$url/config"; then
    echo "no Flink cluster answers at $url: start the local one with" \
      "run-configs/flink-cluster/start.sh or set FLINK_MASTER=host:port" >&2
    exit 1
  fi
  # A job needs --parallelism free task slots (Flink's default: 1); with fewer it waits for
  # slots that never come and fails minutes later. Check first (GET /overview).
  parallelism=$(printf '%s\n' "$@" | sed -n 's/^--parallelism=//p' | tail -1)
  parallelism=${parallelism:-1}
  [[ "$parallelism" =~ ^[1-9][0-9]*$ ]] ||
    { echo "bad options: --parallelism must be a positive number, got '$parallelism'" >&2; exit 2; }
  overview=$(curl -s --max-time 10 "$url/overview" || true)
  free=$(grep -o '"slots-available":[0-9]*' <<<"$overview" | cut -d: -f2)
  total=$(grep -o '"slots-total":[0-9]*' <<<"$overview" | cut -d: -f2)
  if [ -n "$free" ] && [ "$parallelism" -gt "$free" ]; then
    echo "bad options: --parallelism=$parallelism needs $parallelism free task slots, but the" \
      "cluster at $url has $free free (of $total): use --parallelism=$free or less, or start" \
      "more TaskManagers (run-configs/flink-cluster/start.sh N gives 2N slots)" >&2
    exit 2
  fi
fi

# shellcheck disable=SC2086
exec "${BYTES_ENV[@]}" java ${JAVA_OPTS:--Xmx1g} $JAVA_TEXT_OPTS -cp "$CLI_CP" "$CLI_MAIN" \
  --runner=FlinkRunner "${extra[@]}" "$@"
