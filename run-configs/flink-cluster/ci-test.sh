#!/usr/bin/env bash
# Acceptance test of the Flink cluster run config (issue #5), for .ci/run:
#  1. builds the jars (mvn -B -q -DskipTests package; paths and classpaths: run-configs/common.sh);
#  2. generates a cohort (org.dicomdeid.sample.CohortGenerator <dir> <patients> <seed>);
#  3. de-identifies it with run-configs/direct.sh (DirectRunner), which creates the secret key;
#  4. starts a local cluster (start.sh 2: one JobManager, two TaskManagers of 2 slots on
#     127.0.0.1) in a run folder of its own, so a developer's cluster in .run is left alone;
#  5. runs run-configs/flink-cluster/submit.sh on the same cohort with the same key, --parallelism=4;
#  6. checks through the REST API that the one new job FINISHED and that its subtasks ran on
#     both TaskManagers (/jobs/overview, /jobs/<id>, /jobs/<id>/vertices/<vid>/taskmanagers);
#  7. compares the de-identified tree and the mapping CSV byte for byte with the DirectRunner's,
#     the exit statuses, and the reports (output folder names aside);
#  8. stops the cluster (trap on EXIT, also when a step fails) and prints, as its last line,
#     "flink-cluster: 1 passed, 0 failed" or "flink-cluster: 0 passed, 1 failed".
# Needs Java 17, Maven, curl and python3 (JSON). Uses REST port ${FLINK_REST_PORT:-8081}.
# Environment: CI_FLINK_PATIENTS (default 4), CI_FLINK_SEED (default 20240501), KEEP_WORK=1
# keeps the work folder (it is kept anyway when the test fails).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PATIENTS=${CI_FLINK_PATIENTS:-4}
SEED=${CI_FLINK_SEED:-20240501}
TASKMANAGERS=2
PARALLELISM=4

work=$(mktemp -d "${TMPDIR:-/tmp}/flink-cluster-ci.XXXXXX")
export FLINK_RUN_DIR="$work/flink"
source "$HERE/env.sh"
rest="http://127.0.0.1:$FLINK_REST_PORT"
passed=0

finish() {
  local status=$?
  "$HERE/stop.sh" || true
  if [ "$passed" = 1 ]; then
    [ "${KEEP_WORK:-0}" = 1 ] && echo "work folder kept: $work" || rm -rf "$work"
    echo "flink-cluster: 1 passed, 0 failed"
    exit 0
  fi
  echo "work folder kept for inspection (cluster logs in $FLINK_RUN_DIR/log): $work"
  echo "flink-cluster: 0 passed, 1 failed"
  exit $((status == 0 ? 1 : status))
}
trap finish EXIT
trap 'exit 130' INT TERM

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in java mvn curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install openjdk-17-jdk-headless maven curl python3)"
done

step "build the jars"
(cd "$ROOT" && mvn -B -q -DskipTests package) || fail "mvn package failed"
source "$ROOT/run-configs/common.sh" # JOB_JAR, CLI_CP (fresh: no second build)
set +e # common.sh sets -e; this test checks every step's status itself
[ -f "$JOB_JAR" ] || fail "no job jar $JOB_JAR"
echo "job jar: $JOB_JAR ($(du -m "$JOB_JAR" | cut -f1) MB)"

step "generate a cohort of $PATIENTS patients (seed $SEED)"
java -cp "$CLI_CP" org.dicomdeid.sample.CohortGenerator "$work/export" "$PATIENTS" "$SEED" ||
  fail "the cohort generator failed"

common=(--input="$work/export" --secretKeyFile="$work/secret.key" --progress=false)

step "DirectRunner: run-configs/direct.sh"
"$ROOT/run-configs/direct.sh" "${common[@]}" --output="$work/direct/out" \
  --mappingCsv="$work/direct/mapping.csv" --reportCsv="$work/direct/report.csv"
direct_status=$?
echo "direct.sh exit status $direct_status"
[ "$direct_status" -le 1 ] || fail "direct.sh exit status $direct_status"
[ -s "$work/direct/mapping.csv" ] || fail "direct.sh wrote no mapping CSV"

step "start a local cluster: 1 JobManager, $TASKMANAGERS TaskManagers"
"$HERE/start.sh" "$TASKMANAGERS" || fail "start.sh failed"

json() { # json <url path> <python expression over j>
  curl -sf --max-time 10 "$rest$1" | python3 -c "import json,sys; j=json.load(sys.stdin); $2"
}
jobs_before=$(json /jobs/overview 'print(" ".join(x["jid"] for x in j["jobs"]))') ||
  fail "GET /jobs/overview failed"

step "FlinkRunner on the cluster: run-configs/flink-cluster/submit.sh --parallelism=$PARALLELISM"
FLINK_MASTER="127.0.0.1:$FLINK_REST_PORT" "$ROOT/run-configs/flink-cluster/submit.sh" "${common[@]}" \
  --output="$work/flink/out" --mappingCsv="$work/flink/mapping.csv" \
  --reportCsv="$work/flink/report.csv" --parallelism="$PARALLELISM"
flink_status=$?
echo "flink-cluster/submit.sh exit status $flink_status"
[ "$flink_status" = "$direct_status" ] ||
  fail "flink-cluster/submit.sh exit status $flink_status, direct.sh $direct_status"

step "REST API: the job finished and ran on all $TASKMANAGERS TaskManagers"
curl -sf --max-time 10 "$rest/jobs/overview" > "$work/jobs-overview.json" ||
  fail "GET /jobs/overview failed"
python3 - "$rest" "$jobs_before" "$TASKMANAGERS" "$PARALLELISM" "$work/jobs-overview.json" <<'PY' ||
import json, sys, urllib.request
rest, before, want_tms, parallelism = sys.argv[1], set(sys.argv[2].split()), int(sys.argv[3]), int(sys.argv[4])
get = lambda path: json.load(urllib.request.urlopen(rest + path, timeout=10))
with open(sys.argv[5]) as f:
    jobs = [j for j in json.load(f)["jobs"] if j["jid"] not in before]
if len(jobs) != 1:
    sys.exit(f"expected 1 new job on the cluster, found {len(jobs)}: {jobs}")
job = get("/jobs/" + jobs[0]["jid"])
print(f"job {job['jid']} '{job['name']}': {job['state']}, {len(job['vertices'])} vertices")
if job["state"] != "FINISHED":
    sys.exit(f"job state {job['state']}, expected FINISHED")
registered = {tm["id"] for tm in get("/taskmanagers")["taskmanagers"]}
subtasks, max_parallelism = {}, 0
for v in job["vertices"]:
    if v["status"] != "FINISHED":
        sys.exit(f"vertex {v['name']} is {v['status']}")
    max_parallelism = max(max_parallelism, v["parallelism"])
    for tm in get(f"/jobs/{job['jid']}/vertices/{v['id']}/taskmanagers")["taskmanagers"]:
        done = tm["status-counts"].get("FINISHED", 0)
        subtasks[tm["taskmanager-id"]] = subtasks.get(tm["taskmanager-id"], 0) + done
for tm in sorted(subtasks):
    print(f"  TaskManager {tm}: {subtasks[tm]} finished subtasks")
if max_parallelism != parallelism:
    sys.exit(f"highest vertex parallelism {max_parallelism}, expected {parallelism}")
used = {tm for tm, n in subtasks.items() if n > 0}
if len(registered) != want_tms or used != registered:
    sys.exit(f"subtasks ran on {sorted(used)}; registered TaskManagers {sorted(registered)}")
print(f"subtasks ran on all {want_tms} TaskManagers")
PY
  fail "the REST API does not show a finished job spread over both TaskManagers"

step "outputs: the FlinkRunner's bytes are the DirectRunner's"
(cd "$work/direct/out" && find . -type f | sort) > "$work/direct-files.txt"
(cd "$work/flink/out" && find . -type f | sort) > "$work/flink-files.txt"
[ -s "$work/direct-files.txt" ] || fail "the DirectRunner wrote no files"
diff "$work/direct-files.txt" "$work/flink-files.txt" > /dev/null ||
  fail "the two output trees hold different files: diff $work/direct-files.txt $work/flink-files.txt"
diff -r "$work/direct/out" "$work/flink/out" || fail "output files differ"
cmp "$work/direct/mapping.csv" "$work/flink/mapping.csv" || fail "the mapping CSVs differ"
sed "s#$work/direct/out#OUT#g" "$work/direct/report.csv" > "$work/direct-report.txt"
sed "s#$work/flink/out#OUT#g" "$work/flink/report.csv" > "$work/flink-report.txt"
diff "$work/direct-report.txt" "$work/flink-report.txt" || fail "the reports differ"
echo "$(wc -l < "$work/flink-files.txt") files and $(($(wc -l < "$work/flink/mapping.csv") - 1))" \
  "mapping rows identical; reports identical but for the output folder"

passed=1
