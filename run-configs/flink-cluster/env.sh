# Settings shared by start.sh, stop.sh, ci-test.sh and submit.sh (sourced, not run).
# Every one can be overridden from the environment.

FLINK_CLUSTER_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FLINK_VERSION=1.19.0

# Where the cluster's jars are copied from ~/.m2 (about 70 MB, shared by every checkout).
FLINK_LIB_DIR=${FLINK_LIB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dicom-deid/flink-$FLINK_VERSION}
# The running cluster's state: conf/ (config.yaml, log4j.properties), log/, pids/, tmp/.
FLINK_RUN_DIR=${FLINK_RUN_DIR:-$FLINK_CLUSTER_HOME/.run}

FLINK_REST_PORT=${FLINK_REST_PORT:-8081}
FLINK_RPC_PORT=${FLINK_RPC_PORT:-6123}
# One port per TaskManager is taken from this range.
FLINK_TM_RPC_PORTS=${FLINK_TM_RPC_PORTS:-50100-50199}
FLINK_JM_MEMORY=${FLINK_JM_MEMORY:-1024m}
# A TaskManager's whole process. 1600m gives 320 MiB of task heap and 460 MiB of managed memory
# (sorting for grouping); the default 1 GiB would leave about 26 MiB of task heap.
FLINK_TM_MEMORY=${FLINK_TM_MEMORY:-1600m}
FLINK_TM_SLOTS=${FLINK_TM_SLOTS:-2}
# Network buffers each blocking result partition reserves (start.sh's config.yaml says why).
FLINK_SORT_SHUFFLE_MIN_BUFFERS=${FLINK_SORT_SHUFFLE_MIN_BUFFERS:-64}
FLINK_START_TIMEOUT=${FLINK_START_TIMEOUT:-120}

FLINK_JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# What Flink 1.19's distribution passes to every JVM on Java 17 (env.java.opts.all in its
# config.yaml): Flink and Kryo reach into these JDK packages.
FLINK_JAVA_OPENS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# Prints the PID recorded in a pid file if that process is still one of this cluster's JVMs
# (its command line names this run folder's conf/), so a recycled PID is never signalled.
flink_live_pid() {
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  local args
  if [ -r "/proc/$pid/cmdline" ]; then
    args=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  else
    args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  fi
  [[ "$args" == *"--configDir $FLINK_RUN_DIR/conf "* ]] || return 1
  echo "$pid"
}
