#!/usr/bin/env bash
# CI step: the test suite under AddressSanitizer and UndefinedBehaviorSanitizer (g++, every finding fatal),
# then the CLI under valgrind on every example payload. Ends with "sanitize: N passed, N failed": the doctest
# test cases of the sanitizer run plus one per valgrind run.
#
#   bash scripts/ci-sanitize.sh
#
# Environment: ATLAS_SANITIZE_DIR (work directory for the two builds; default a fresh temporary one).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

summary() {
  echo "sanitize: $1 passed, $2 failed"
  [ "$2" -eq 0 ]
  exit
}

bash scripts/install-deps.sh valgrind || summary 0 1

work=${ATLAS_SANITIZE_DIR:-$(mktemp -d /tmp/atlas-sanitize.XXXXXX)}
mkdir -p "$work"

# 1. The doctest suite with ASan and UBSan. -O0 (buildtype debug): the sanitizers find the same there, and g++
# compiles the suite four times faster than at -O2 with them; -g1 keeps the reports' file:line for a quarter less
# compile time than -g. The tools and the benchmark are left out (the CLI is checked under valgrind below).
# b_lundef=false: sanitized shared libraries leave the runtime's symbols to the executable.
asan=$work/asan
echo "== sanitize: building the tests with -fsanitize=address,undefined in $asan"
if [ ! -f "$asan/build.ninja" ]; then
  options=(-Dtools=false)
  grep -q "option('bench'" meson_options.txt && options+=(-Dbench=false)
  CXX=g++ meson setup "$asan" --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false \
    -Dcpp_args="['-fno-sanitize-recover=all', '-g1']" "${options[@]}" >"$work/asan-setup.log" 2>&1 ||
    { cat "$work/asan-setup.log"; summary 0 1; }
fi
ninja -C "$asan" >"$work/asan-build.log" 2>&1 || { tail -n 60 "$work/asan-build.log"; summary 0 1; }

# Test programs built here run with every check; a test whose program is an interpreter (the C ABI's Python
# test) cannot have the ASan runtime first, so it gets it preloaded, without leak checks (the interpreter's
# allocations are not ours) and without quarantine (its test measures peak memory).
mapfile -t native < <(meson introspect "$asan" --tests | python3 -c '
import json, sys
build = sys.argv[1]
for t in json.load(sys.stdin):
    if t["cmd"] and t["cmd"][0].startswith(build): print(t["name"])' "$(cd "$asan" && pwd)")
mapfile -t foreign < <(meson introspect "$asan" --tests | python3 -c '
import json, sys
build = sys.argv[1]
for t in json.load(sys.stdin):
    if not (t["cmd"] and t["cmd"][0].startswith(build)): print(t["name"])' "$(cd "$asan" && pwd)")
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
test_status=0
logs=()
rm -f "$asan"/meson-logs/native*.json "$asan"/meson-logs/foreign*.json
if ((${#native[@]})); then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
    meson test -C "$asan" --print-errorlogs --logbase native "${native[@]}" >"$work/asan-test.log" 2>&1 ||
    test_status=1
  logs+=("$asan/meson-logs/native.json")
fi
if ((${#foreign[@]})); then
  ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=0:abort_on_error=1 \
    meson test -C "$asan" --print-errorlogs --logbase foreign \
    --wrapper "env LD_PRELOAD=$(g++ -print-file-name=libasan.so)" "${foreign[@]}" >>"$work/asan-test.log" 2>&1 ||
    test_status=1
  logs+=("$asan"/meson-logs/foreign*.json) # meson names it after the wrapper too
fi
unset UBSAN_OPTIONS

((${#logs[@]})) || { echo "no test registered"; summary 0 1; }
# Count test cases from doctest's summaries (the Python test prints one too); a test program without one
# counts as one, and one that failed without a failed case (a sanitizer stopped it) as one failure.
read -r passed failed < <(cat "${logs[@]}" | python3 -c '
import json, re, sys
passed = failed = 0
for line in sys.stdin:
    t = json.loads(line)
    m = re.findall(r"\[doctest\] test cases: *\d+ \| *(\d+) passed \| *(\d+) failed", t.get("stdout", ""))
    p, f = (sum(int(a) for a, _ in m), sum(int(b) for _, b in m)) if m else (1 if t["result"] == "OK" else 0, 0)
    if t["result"] != "OK" and f == 0:
        f = 1
    passed += p
    failed += f
print(passed, failed)')
echo "sanitizer run: $passed test cases passed, $failed failed"
if [ "$test_status" -ne 0 ]; then
  grep -E -B 2 -A 30 'ERROR: (Address|Leak)Sanitizer|runtime error' "$work/asan-test.log" | head -n 80 | sed 's/^/    /'
  grep -E -A 12 '^Summary of Failures' "$work/asan-test.log" | sed 's/^/    /'
fi

# 2. The CLI under valgrind (a build without sanitizers: the two do not mix). Exit 99 is valgrind's finding;
# otherwise the CLI must exit as documented: 0 for the valid examples and the response, 1 for the invalid ones.
plain=$work/plain
echo "== sanitize: building atlas-validate for valgrind in $plain"
if [ ! -f "$plain/build.ninja" ]; then
  meson setup "$plain" --buildtype=debug -Dtests=false >"$work/plain-setup.log" 2>&1 ||
    { cat "$work/plain-setup.log"; summary "$passed" $((failed + 1)); }
fi
ninja -C "$plain" tools/atlas-validate >"$work/plain-build.log" 2>&1 ||
  { tail -n 60 "$work/plain-build.log"; summary "$passed" $((failed + 1)); }
validate=$plain/tools/atlas-validate

run_valgrind() { # run_valgrind EXPECTED_EXIT ARGS...
  local expected=$1
  shift
  local out=$work/valgrind.log
  valgrind -q --error-exitcode=99 --leak-check=full --track-origins=yes \
    "$validate" "$@" >"$out.stdout" 2>"$out"
  local status=$?
  if [ "$status" -eq "$expected" ]; then
    passed=$((passed + 1))
    echo "valgrind ok: atlas-validate $* (exit $status)"
  else
    failed=$((failed + 1))
    echo "valgrind FAILED: atlas-validate $* exited $status, expected $expected"
    head -n 60 "$out" | sed 's/^/    /'
  fi
}

for f in examples/valid/*.json; do
  run_valgrind 0 "$f"
  run_valgrind 0 --format json "$f"
done
for f in examples/response/*.json; do
  run_valgrind 0 --response "$f"
  run_valgrind 0 --response --format json "$f"
done
for f in examples/invalid/*.json; do
  run_valgrind 1 "$f"
  run_valgrind 1 --format json "$f"
done

[ -z "${ATLAS_SANITIZE_DIR:-}" ] && [ "$failed" -eq 0 ] && rm -rf "$work"
summary "$passed" "$failed"
