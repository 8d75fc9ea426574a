#!/usr/bin/env bash
# CI step: hostile input. Builds the libFuzzer targets of fuzz/ with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer, every finding fatal) in a temporary build directory, runs each for a bounded
# time from seeds (examples/ and ../shared's JSONTestSuite), and ends with "fuzz: N passed, N failed":
# a target passes when it ran and found nothing.
#
#   bash scripts/ci-fuzz.sh                   20 s per target, two targets at a time
#   ATLAS_FUZZ_SECONDS=300 bash scripts/ci-fuzz.sh
#
# Environment: ATLAS_FUZZ_SECONDS (per target, default 20), ATLAS_FUZZ_JOBS (targets at a time, default 2),
# ATLAS_FUZZ_DIR (work directory that keeps the corpora and findings; default a fresh temporary one),
# ATLAS_FUZZ_TARGETS (a subset, space-separated), ATLAS_SHARED_DIR (default ../shared).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${ATLAS_FUZZ_SECONDS:-20}
jobs=${ATLAS_FUZZ_JOBS:-2}
shared=${ATLAS_SHARED_DIR:-$root/../shared}
targets=(${ATLAS_FUZZ_TARGETS:-validate-text time-windows json-skim date-time time-zone report-writers})

summary() {
  echo "fuzz: $1 passed, $2 failed"
  [ "$2" -eq 0 ]
  exit
}

# clang brings libFuzzer; libclang-rt-14-dev has its runtime and the sanitizers' (Debian 12: clang 14).
bash scripts/install-deps.sh clang libclang-rt-14-dev || summary 0 "${#targets[@]}"

work=${ATLAS_FUZZ_DIR:-$(mktemp -d /tmp/atlas-fuzz.XXXXXX)}
mkdir -p "$work"
build=$work/build
echo "== fuzz: building in $build"
if [ ! -f "$build/build.ninja" ]; then
  CXX=clang++ meson setup "$build" -Dfuzz=true -Dtests=false -Dtools=false --buildtype=debugoptimized \
    >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; summary 0 "${#targets[@]}"; }
fi
# Only the targets: the rest of the project (tools, C ABI, benchmark) is built and tested by other steps.
ninja -C "$build" "${targets[@]/#/fuzz/fuzz-}" >"$work/build.log" 2>&1 ||
  { tail -n 60 "$work/build.log"; summary 0 "${#targets[@]}"; }

# Seeds, copied afresh on each run (shared/ is not part of this repository, and is read-only in CI).
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{validate-text,time-windows,json-skim,date-time,time-zone,report-writers}
cp examples/*/*.json "$seeds/validate-text/"
cp examples/*/*.json "$seeds/report-writers/"
if [ -d "$shared/testdata/JSONTestSuite/test_parsing" ]; then
  cp "$shared"/testdata/JSONTestSuite/test_parsing/*.json "$seeds/validate-text/"
  cp "$shared"/testdata/JSONTestSuite/test_parsing/*.json "$seeds/time-windows/"
  cp "$shared"/testdata/JSONTestSuite/test_parsing/*.json "$seeds/json-skim/"
else
  echo "note: $shared/testdata/JSONTestSuite not found: seeding from examples/ only"
fi
seed() { # seed TARGET NAME CONTENT
  printf '%s' "$3" >"$seeds/$1/$2"
}
seed time-windows day '[{"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}]'
seed time-windows night '[{"startHour":22,"startMinute":30,"endHour":6,"endMinute":0},{"startHour":5,"startMinute":0,"endHour":7,"endMinute":0}]'
seed time-windows mistakes '[{"startHour":9,"startMinute":0,"endHour":12,"endMinute":0},{"startHour":11,"startMinute":30,"endHour":13,"endMinute":0},{"startHour":14,"startMinute":0,"endHour":24,"endMinute":0},{"startHour":15,"startMinute":0,"endHour":18}]'
seed time-windows typographic '[{“startHour”:9,“startMinute”:0,“endHour”:17,“endMinute”:0}]'
seed time-windows shapes '[[1],{"startHour":"9","startMinute":0.5,"endHour":1e1,"endMinute":-1,"extra":{}},{"startHour":9,"startMinute":0,"endHour":9,"endMinute":0}]'
seed json-skim settings '{"fields": ["company", "city"], "timeoutMs": 800, "cache": true}'
seed json-skim redial '{"maxAttempts":3,"intervalMinutes":[15,60,240],"onBusy":true,"x":{"a":1,"b":[null,-0.5e2]}}'
seed json-skim messages '["Are you still there?","I\u0027ll wait \"a\" moment.","¿Sigue ahí? 🙂"]'
seed date-time offset '2026-03-02T09:00:00-05:00'
seed date-time leap '2024-02-29T23:59:60.123456Z'
seed date-time not-a-day '2026-02-30T09:00:00Z'
seed date-time date-only '2025-01-31'
seed date-time space '2025-01-31 10:00:00Z'
seed date-time local '2025-01-31t10:00:00'
seed time-zone exact 'America/New_York'
seed time-zone case 'europe/berlin'
seed time-zone city 'new york'
seed time-zone typo 'Europe/Berln'
seed time-zone etc 'Etc/GMT+5'
seed time-zone region 'America'

declare -A dict=([validate-text]=fuzz/payload.dict [time-windows]=fuzz/time_windows.dict)

run_target() { # run_target NAME: runs one target, writes its result line to $work/NAME.result
  local name=$1 corpus=$work/corpus/$1 findings=$work/findings/$1 log=$work/logs/$1.log
  mkdir -p "$corpus" "$findings" "$work/logs"
  local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len=8192 -print_final_stats=1
    -artifact_prefix="$findings/")
  [ -n "${dict[$name]:-}" ] && args+=(-dict="$root/${dict[$name]}")
  # stdin closed: libFuzzer does not need it, and CI has none.
  # Past findings (tests/regressions/TARGET/) are read first with the seeds, so a regression shows at once.
  local regressions=()
  [ -d "$root/tests/regressions/$name" ] && regressions=("$root/tests/regressions/$name")
  "$build/fuzz/fuzz-$name" "${args[@]}" "$corpus" "$seeds/$name" "${regressions[@]}" </dev/null >"$log" 2>&1
  local status=$?
  local execs
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
  local found # only this run's: a kept work directory may hold older findings
  found=$(find "$findings" -type f -newer "$work/started" | wc -l)
  echo "$name ${execs:-0} $found $status" >"$work/$name.result"
}

touch "$work/started"
echo "== fuzz: ${#targets[@]} targets, ${seconds}s each, $jobs at a time (work directory $work)"
running=0
for t in "${targets[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

passed=0
failed=0
for t in "${targets[@]}"; do
  read -r name execs found status <"$work/$t.result" 2>/dev/null || { name=$t execs=0 found=0 status=255; }
  if [ "$status" -eq 0 ] && [ "$found" -eq 0 ] && [ "$execs" -gt 0 ]; then
    passed=$((passed + 1))
    echo "fuzz-$t: $execs executions, no finding"
  else
    failed=$((failed + 1))
    echo "fuzz-$t: $execs executions, $found finding(s), exit status $status -- FAILED"
    # The sanitizer's or the invariant's report, and each finding as base64, so CI's log alone reproduces it.
    grep -E -A 40 '^==[0-9]+==ERROR|runtime error|fuzz invariant violated|ERROR: libFuzzer' "$work/logs/$t.log" |
      head -n 60 | sed 's/^/    /'
    for f in $(find "$work/findings/$t" -type f -newer "$work/started"); do
      echo "    finding $f ($(stat -c %s "$f") bytes), base64:"
      head -c 4096 "$f" | base64 -w 100 | sed 's/^/      /'
    done
  fi
done
# A temporary work directory goes when all passed; findings are kept for a look.
[ -z "${ATLAS_FUZZ_DIR:-}" ] && [ "$failed" -eq 0 ] && rm -rf "$work"
summary "$passed" "$failed"
