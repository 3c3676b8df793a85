#!/usr/bin/env bash
# Turns report cells (the `input` column, one a line on standard input, or the arguments) back
# into the real paths, written as raw bytes each followed by a NUL byte (names may hold
# newlines): the inverse of the report's form (UTF-8 text, other bytes, controls and % as %XX).
#   run-configs/report-path.sh '/data/export/%C8%AB%B1%E6_KU1_20220505/IM1' | xargs -0 ls -l
#   cut ... report.csv | run-configs/report-path.sh | xargs -0 ...
source "$(dirname "$0")/common.sh"
if [ "$#" -gt 0 ]; then
  printf '%s\n' "$@"
else
  cat
fi | java -Dfile.encoding=UTF-8 -cp "$CLI_CP" org.dicomdeid.transforms.FileNames
