#!/usr/bin/env bash
# The project's two jobs, each complete from a fresh Debian 12 machine:
#   scripts/dev.sh examples   install what is missing, build, validate the example payloads with the CLI
#   scripts/dev.sh test       install what is missing, build, run every test; ends with "N passed, N failed"
set -euo pipefail
cd "$(dirname "$0")/.."
job=${1:-}
build=${ATLAS_BUILD_DIR:-build}

bash scripts/install-deps.sh
[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=debugoptimized
ninja -C "$build"

case "$job" in
examples)
  # Valid examples must pass (exit 0) and invalid ones must fail (exit 1): anything else fails the job.
  validate="$build/tools/atlas-validate"
  status=0
  echo "== the four channels: valid requests"
  "$validate" examples/valid/*.json || status=1
  echo "== a valid response"
  "$validate" --response examples/response/*.json || status=1
  echo "== typical mistakes: each must be reported"
  # One file at a time: the CLI's exit status is 1 when any input is invalid, which would hide a
  # mistake that stopped being reported.
  for example in examples/invalid/*.json; do
    set +e
    "$validate" "$example"
    invalid_status=$?
    set -e
    if [ "$invalid_status" -ne 1 ]; then
      echo "== $example: exit status $invalid_status, expected 1 (invalid)"
      status=1
    fi
  done
  if [ "$status" -eq 0 ]; then echo "== examples: as expected"; else echo "== examples: NOT as expected"; fi
  exit $status
  ;;
test)
  set +e
  meson test -C "$build" --print-errorlogs
  meson_status=$?
  set -e
  # Count test cases from doctest's summaries; a test program that died without one counts as failed.
  log="$build/meson-logs/testlog.txt"
  passed=$(grep -Eo '\[doctest\] test cases: +[0-9]+ \| +[0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  failed=$(grep -Eo '\| +[0-9]+ failed \| +[0-9]+ skipped' "$log" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  if [ "$meson_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "$passed passed, $failed failed"
  [ "$meson_status" -eq 0 ] && [ "$failed" -eq 0 ]
  ;;
*)
  echo "usage: scripts/dev.sh examples|test" >&2
  exit 2
  ;;
esac
