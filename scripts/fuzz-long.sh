#!/usr/bin/env bash
# A longer local fuzz campaign: every target of fuzz/ for MINUTES minutes (two targets at a time), with the
# corpora kept between runs, so each campaign goes on from the last. Prints each target's executions and
# findings, and ends like scripts/ci-fuzz.sh with "fuzz: N passed, N failed".
#
#   bash scripts/fuzz-long.sh 6                       6 minutes per target: 15 minutes of wall time for five
#   ATLAS_FUZZ_DIR=/tmp/my-fuzz bash scripts/fuzz-long.sh 30
#
# Findings are left in $ATLAS_FUZZ_DIR/findings/TARGET/ (default /tmp/atlas-fuzz-long); minimise one with
#   $ATLAS_FUZZ_DIR/build/fuzz/fuzz-TARGET -minimize_crash=1 -runs=100000 FINDING
# and keep it in tests/regressions/ with a test in tests/regression.cpp.
set -euo pipefail
minutes=${1:-}
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -eq 0 ]; then
  echo "usage: scripts/fuzz-long.sh MINUTES   (minutes per target)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
ATLAS_FUZZ_SECONDS=$((minutes * 60)) ATLAS_FUZZ_DIR=${ATLAS_FUZZ_DIR:-/tmp/atlas-fuzz-long} exec bash scripts/ci-fuzz.sh
