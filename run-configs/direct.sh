#!/usr/bin/env bash
# De-identifies DICOM on this machine with Beam's DirectRunner.
#
#   run-configs/direct.sh                 # no --input: a generated sample cohort with planted PHI
#   run-configs/direct.sh --input=/data/export --output=/data/deid \
#       --mappingCsv=/secure/mapping.csv --reportCsv=/secure/report.csv \
#       --secretKeyFile=/secure/deid.key [--options=retainDeviceIdentity,...] [--allowBurnedIn]
#
# Options (Beam style, --name=value):
#   --input          folders (recursive, any file name) or glob patterns, comma separated
#   --output         the de-identified tree: <subject>/<CT date>/<study>/<series>/<instance>.dcm
#   --mappingCsv     the key file (PHI, 0600); read and merged if it exists
#   --reportCsv      one row per input: input,status,reason,output (PHI, 0600);
#                    status written | unchanged (identical output already there) |
#                    skipped (not DICOM) | quarantined | failed; an existing report is kept
#                    beside it as report.<time written>.csv
#   --secretKeyFile  the secret key, created 0600 if absent; keep it with the mapping
#   --subjectPrefix  default SUBJ       --subjectDigits  default 6
#   --options        PS3.15 options by name, comma separated (one flag, not one per option):
#                    retainSafePrivate retainDeviceIdentity retainInstitutionIdentity
#                    retainPatientCharacteristics retainLongFullDates (default)
#                    retainLongModifiedDates (shift dates) cleanDescriptors
#                    cleanStructuredContent cleanGraphics
#   --allowBurnedIn  write files that may carry burned-in text instead of quarantining them
#   --overwrite      replace an existing output file whose bytes differ (default: leave it and
#                    report its input failed; identical files are always left alone)
#   --progress=false no progress line
# Duplicate SOP Instance UIDs within a series: the file with the smallest path is written, the others are
# reported failed with the reason "duplicate SOP Instance UID".
# --help (or -h): every option by group, with its default and an example.
# Exit status: 0 every input written, unchanged, skipped or quarantined; 1 some failed (see the
# report) or the pipeline failed; 2 bad options (one message names every problem and the fix).
# 1 GB of heap: a 300,000-file cohort peaks at about 600 MB live (README, Large cohorts).
DEFAULT_HEAP=1g
source "$(dirname "$0")/common.sh"
local_run_opts "$@"
# shellcheck disable=SC2086
exec "${BYTES_ENV[@]}" java $CDS_OPTS $JAVA_OPTS $JAVA_TEXT_OPTS -cp "$CLI_CP" "$CLI_MAIN" \
  --runner=DirectRunner "$@"
