#!/usr/bin/env bash
# Starts a Flink 1.19.0 standalone session cluster on this machine: one JobManager and N
# TaskManagers (default 2), each its own JVM, everything on 127.0.0.1, REST and web UI on
# http://127.0.0.1:${FLINK_REST_PORT:-8081}. Waits until all N TaskManagers have registered.
#
#   run-configs/flink-cluster/start.sh [N]
#   run-configs/flink-cluster/stop.sh
#
# No Flink download is needed: the cluster's classpath (flink-runtime, flink-clients,
# flink-streaming-java, flink-java, flink-runtime-web and log4j2, as in Flink's distribution) is
# copied from Maven Central by pom.xml beside this script into $FLINK_LIB_DIR
# (default ~/.cache/dicom-deid/flink-1.19.0). The run folder (default
# run-configs/flink-cluster/.run) holds conf/config.yaml, log/, pids/ and tmp/.
# Settings (environment): FLINK_REST_PORT, FLINK_RPC_PORT, FLINK_TM_RPC_PORTS, FLINK_JM_MEMORY,
# FLINK_TM_MEMORY, FLINK_TM_SLOTS, FLINK_START_TIMEOUT, FLINK_LIB_DIR, FLINK_RUN_DIR (env.sh).
# Exit status: 0 started, 1 failed to start (the logs' tails are printed), 2 bad arguments.
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Task managers open input files by name: the same byte-preserving locale as the other scripts.
source "$(dirname "$0")/../bytes-locale.sh"

usage() { echo "usage: $0 [number of TaskManagers, default 2]" >&2; exit 2; }
[ $# -le 1 ] || usage
n=${1:-2}
[[ "$n" =~ ^[1-9][0-9]*$ ]] || usage
[[ "$FLINK_REST_PORT" =~ ^[0-9]+$ ]] || { echo "FLINK_REST_PORT must be a port number" >&2; exit 2; }

for tool in curl mvn "$FLINK_JAVA"; do
  command -v "$tool" >/dev/null || { echo "start.sh needs $tool (apt-get install curl maven openjdk-17-jdk-headless)" >&2; exit 1; }
done

run=$FLINK_RUN_DIR
rest=http://127.0.0.1:$FLINK_REST_PORT

for f in "$run"/pids/*.pid; do
  if flink_live_pid "$f" >/dev/null; then
    echo "a cluster from $run is already running ($(basename "$f" .pid) is PID $(cat "$f"));" \
      "stop it first: $FLINK_CLUSTER_HOME/stop.sh" >&2
    exit 1
  fi
done
if curl -s -o /dev/null --max-time 2 "$rest/config"; then
  echo "something already answers on $rest; stop it or choose FLINK_REST_PORT" >&2
  exit 1
fi

# --- the classpath, once per pom.xml version -----------------------------------------------
stamp="$FLINK_LIB_DIR/.complete"
want=$(cksum < "$FLINK_CLUSTER_HOME/pom.xml")
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "copying the Flink $FLINK_VERSION cluster classpath from Maven Central into $FLINK_LIB_DIR"
  mkdir -p "$FLINK_LIB_DIR"
  rm -f "$FLINK_LIB_DIR"/*.jar "$stamp"
  mvn -B -q -Dstyle.color=never -f "$FLINK_CLUSTER_HOME/pom.xml" dependency:copy-dependencies \
    -Dflink.lib.dir="$FLINK_LIB_DIR"
  echo "$want" > "$stamp"
fi
classpath="$FLINK_LIB_DIR/*"

# --- the run folder -------------------------------------------------------------------------
rm -rf "$run/conf" "$run/pids" "$run/tmp"
mkdir -p "$run/conf" "$run/log" "$run/pids" "$run/tmp"
rm -f "$run"/log/*
cat > "$run/conf/config.yaml" <<YAML
# Written by run-configs/flink-cluster/start.sh: a local standalone session cluster.
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: $FLINK_JM_MEMORY
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.rpc.port: $FLINK_TM_RPC_PORTS
taskmanager.memory.process.size: $FLINK_TM_MEMORY
taskmanager.numberOfTaskSlots: $FLINK_TM_SLOTS
# Beam runs batch on the DataSet API, whose blocking exchanges use Flink's sort-shuffle: each
# result partition reserves taskmanager.network.sort-shuffle.min-buffers network buffers, 512 x
# 32 KiB by default, and the pipeline's ~50 vertices exhaust a TaskManager's network memory
# ("Insufficient number of network buffers: required 512"). Only small header records cross
# a shuffle here, so 64 buffers (2 MiB) per partition are plenty.
taskmanager.network.sort-shuffle.min-buffers: $FLINK_SORT_SHUFFLE_MIN_BUFFERS
parallelism.default: 1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $FLINK_REST_PORT
io.tmp.dirs: $run/tmp
web.tmpdir: $run/tmp/web
YAML
cp "$FLINK_CLUSTER_HOME/log4j.properties" "$run/conf/log4j.properties"

# Flink's memory model turned into JVM flags (line 1) and -D dynamic properties (line 2), as
# Flink's own scripts do it.
resource_params() {
  local out
  out=$("$FLINK_JAVA" -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
    --configDir "$run/conf" 2>&1) || { echo "$out" >&2; return 1; }
  out=$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
  [ "$(wc -l <<<"$out")" -eq 2 ] || { echo "unexpected BashJavaUtils $1 output: $out" >&2; return 1; }
  echo "$out"
}
jm_params=$(resource_params GET_JM_RESOURCE_PARAMS)
tm_params=$(resource_params GET_TM_RESOURCE_PARAMS)
read -r -a jm_jvm <<<"$(sed -n 1p <<<"$jm_params")"
read -r -a jm_dyn <<<"$(sed -n 2p <<<"$jm_params")"
read -r -a tm_jvm <<<"$(sed -n 1p <<<"$tm_params")"
read -r -a tm_dyn <<<"$(sed -n 2p <<<"$tm_params")"

# Starts one daemon JVM in the background, its output in log/<name>.out, its PID in pids/.
launch() {
  local name=$1 main=$2; shift 2
  local -a jvm=() args=()
  while [ "$1" != -- ]; do jvm+=("$1"); shift; done; shift
  args=("$@")
  nohup "${BYTES_ENV[@]}" "$FLINK_JAVA" "${jvm[@]}" "${FLINK_JAVA_OPENS[@]}" $JAVA_TEXT_OPTS \
    -Dlog.file="$run/log/$name.log" \
    -Dlog4j.configurationFile="file:$run/conf/log4j.properties" \
    -classpath "$classpath" "$main" --configDir "$run/conf" "${args[@]}" \
    > "$run/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$run/pids/$name.pid"
}

fail() {
  echo "flink cluster did not start: $1" >&2
  for f in "$run"/log/*.log "$run"/log/*.out; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 25 "$f" >&2
  done
  "$FLINK_CLUSTER_HOME/stop.sh" >&2 || true
  exit 1
}

echo "starting the JobManager and $n TaskManager(s) of $FLINK_TM_MEMORY, $FLINK_TM_SLOTS slot(s) each; logs in $run/log"
launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
  "${jm_jvm[@]}" -- --executionMode cluster "${jm_dyn[@]}"
for i in $(seq 1 "$n"); do
  launch "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    "${tm_jvm[@]}" -- "${tm_dyn[@]}"
done

# --- wait until every TaskManager has registered --------------------------------------------
deadline=$((SECONDS + FLINK_START_TIMEOUT))
registered=0
while :; do
  for f in "$run"/pids/*.pid; do
    flink_live_pid "$f" >/dev/null || fail "$(basename "$f" .pid) exited"
  done
  registered=$(curl -s --max-time 2 "$rest/taskmanagers" 2>/dev/null | grep -o '"id":"' | wc -l || true)
  [ "$registered" -ge "$n" ] && break
  [ "$SECONDS" -lt "$deadline" ] ||
    fail "only $registered of $n TaskManager(s) registered at $rest after ${FLINK_START_TIMEOUT}s"
  sleep 1
done

echo "flink cluster up: $registered TaskManager(s) registered; web UI and REST at $rest"
curl -s --max-time 5 "$rest/overview"
echo
echo "submit:  run-configs/flink-cluster/submit.sh --input=... --output=... (FLINK_MASTER=127.0.0.1:$FLINK_REST_PORT)"
echo "stop:    $FLINK_CLUSTER_HOME/stop.sh"
