#!/usr/bin/env bash
# The local web page of the de-identification (issue #7): upload or name a DICOM folder, choose
# the options, watch the progress, download the de-identified files, the report and the mapping.
#
#   run-configs/web/start.sh                    # http://127.0.0.1:8080/
#   run-configs/web/start.sh --port=9090 [--workDir=/secure/deid-runs] [--secretKeyFile=/secure/deid.key]
#
# Listens on 127.0.0.1 only. --port=0 takes any free port (the URL printed says which).
#   --workDir        where each run's de-identified tree, mapping CSV and report go
#                    (default a new folder under ~/.dicom-deid/web, owner-only)
#   --secretKeyFile  the key (default ~/.dicom-deid/deid.key, created 0600 on first use)
# Stop with Ctrl-C: uploads still staged are deleted.
source "$(dirname "$0")/../common.sh"
jvm_opts "$@"
# shellcheck disable=SC2086
exec "${BYTES_ENV[@]}" java $JAVA_OPTS $JAVA_TEXT_OPTS -cp "$WEB_CP" "$WEB_MAIN" "$@"
