#!/usr/bin/env bash
# Runs every test: codec, de-identification rules, Beam transforms and the whole pipeline.
# Needs Java 17 and Maven; the tests that compare with independent tools need Debian's dcmtk and
# python3-pydicom (apt-get install dcmtk python3-pydicom): without them those tests are skipped
# with a message, and in CI (CI=true) they fail.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify "$@"
