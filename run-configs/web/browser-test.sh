#!/usr/bin/env bash
# A real-browser test of the web page (issues #7, #15): headless Debian Chromium, driven by
# playwright-core, uploads a generated cohort folder on the English page, runs it, checks the counts
# shown against the report, downloads the zip and the mapping CSV and checks them with dcmdump,
# checks that a failed start clears the previous results; then on the Korean page uploads the same
# cohort as a .zip, runs it, switches language, and runs a .zip with no DICOM file (a failure).
#
#   run-configs/web/browser-test.sh       # last line: web-browser: 1 passed, 0 failed
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../common.sh"   # builds the jars if needed, sets CLI_CP and ROOT

result() {
  if [ "$1" = 0 ]; then echo "web-browser: 1 passed, 0 failed"; else echo "web-browser: 0 passed, 1 failed"; fi
}
need() { command -v "$1" >/dev/null || { echo "missing $1: $2" >&2; result 1; exit 1; }; }

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "missing /usr/bin/chromium: sudo apt-get install -y chromium" >&2; result 1; exit 1
  fi
fi
# A Korean font, so that the Korean page's screenshots show Hangul rather than empty boxes.
if ! fc-list :lang=ko 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum >/dev/null; } \
      || echo "could not install fonts-nanum: the Korean screenshots show boxes" >&2
  else
    echo "no Korean font: the Korean screenshots show boxes (sudo apt-get install -y fonts-nanum)" >&2
  fi
fi
need node "apt-get install -y nodejs npm"
need dcmdump "apt-get install -y dcmtk"
need unzip "apt-get install -y unzip"
need python3 "apt-get install -y python3"
need curl "apt-get install -y curl"
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund >&2)
fi

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$CLI_CP" org.dicomdeid.sample.CohortGenerator "$TMP/export" 3 7301 >&2
"$HERE/start.sh" --port="$PORT" --workDir="$TMP/work" --secretKeyFile="$TMP/key/deid.key" \
  >"$TMP/server.out" 2>"$TMP/server.log" &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT/"
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL" || true)" = 200 ] && break
  sleep 0.5
done

status=0
# The same cohort as a .zip, and a .zip of text files only (no DICOM in it).
(cd "$TMP" && python3 -m zipfile -c cohort.zip export)
mkdir -p "$TMP/notes" && printf 'not DICOM\n' >"$TMP/notes/a.txt" && printf 'nor this\n' >"$TMP/notes/b.txt"
(cd "$TMP" && python3 -m zipfile -c notes.zip notes)
# SHOTS_DIR=/some/folder: screenshots of the English and Korean pages (start, progress, done, error)
[ -n "${SHOTS_DIR:-}" ] && mkdir -p "$SHOTS_DIR"
node "$HERE/browser-test.mjs" "$URL" "$TMP/export" "$TMP/downloads" "$HERE/screenshot.png" \
  "$TMP/cohort.zip" "$TMP/notes.zip" "${SHOTS_DIR:-}" || status=$?
if grep -E -q "$(ls "$TMP/export" | grep _ | sed 's/_.*//' | paste -sd'|')" "$TMP/server.log" "$TMP/server.out"; then
  echo "FAIL: an MRN appears in the server's log" >&2; status=1
fi
sed "s/^/server: /" "$TMP/server.out" "$TMP/server.log" >&2
result "$status"
exit "$status"
