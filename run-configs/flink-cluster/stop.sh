#!/usr/bin/env bash
# Stops the local Flink cluster that start.sh started, by the PIDs it recorded in
# $FLINK_RUN_DIR/pids (default run-configs/flink-cluster/.run/pids): TERM, wait up to
# ${FLINK_STOP_TIMEOUT:-30} s, then KILL. A PID is signalled only while its command line still
# names this run folder's conf/, so a recycled PID is left alone. Safe to run when nothing is
# running. Logs stay in $FLINK_RUN_DIR/log.
set -euo pipefail
source "$(dirname "$0")/env.sh"

piddir=$FLINK_RUN_DIR/pids
timeout=${FLINK_STOP_TIMEOUT:-30}

declare -A live=()
for f in "$piddir"/taskmanager-*.pid "$piddir"/jobmanager.pid; do
  [ -e "$f" ] || continue
  if pid=$(flink_live_pid "$f"); then
    live[$(basename "$f" .pid)]=$pid
  else
    rm -f "$f"
  fi
done

if [ "${#live[@]}" -eq 0 ]; then
  echo "no local flink cluster running (no live PIDs in $piddir)"
  exit 0
fi

# TaskManagers first, so the JobManager does not log them as lost while it shuts down.
for name in $(printf '%s\n' "${!live[@]}" | sort -r); do
  echo "stopping $name (PID ${live[$name]})"
  kill -TERM "${live[$name]}" 2>/dev/null || true
done

deadline=$((SECONDS + timeout))
while :; do
  left=()
  for name in "${!live[@]}"; do
    if flink_live_pid "$piddir/$name.pid" >/dev/null; then left+=("$name"); else rm -f "$piddir/$name.pid"; fi
  done
  [ "${#left[@]}" -eq 0 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    for name in "${left[@]}"; do
      echo "$name (PID ${live[$name]}) still running after ${timeout}s: KILL"
      kill -KILL "${live[$name]}" 2>/dev/null || true
      rm -f "$piddir/$name.pid"
    done
    break
  fi
  sleep 0.5
done
echo "local flink cluster stopped"
