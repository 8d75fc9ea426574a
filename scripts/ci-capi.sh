#!/usr/bin/env bash
# CI step for the C ABI (capi/): builds libatlas_c in a temporary directory and checks it from C (also
# under valgrind), from Python ctypes (the test and the example), its exported symbols, the header as
# C and C++, and an installed copy. Works from a clean clone; the last line is "capi: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
passed=0
failed=0

finish() {
  echo "capi: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

# One check: a name and a command; its output is shown only when it fails.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
    printf '%s\n' "$out" | tail -n 40
  fi
}

# A test program that prints "<word>: N passed, N failed": its counts are added up; one that died
# without that line, or exited non-zero with no failure counted, counts as one failure.
run_counted() {
  local name=$1 out status line p f
  shift
  out=$("$@" 2>&1)
  status=$?
  printf '%s\n' "$out" | grep -E '^(FAILED|.*check failed|Traceback|AssertionError)' | head -n 40
  line=$(printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -n 40
    failed=$((failed + 1))
    echo "FAILED: $name (no summary)"
    return
  fi
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*, ([0-9]+) failed$/\1/' <<<"$line")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "$name: $p passed, $f failed"
}

# What the build needs (scripts/install-deps.sh), then valgrind and Debian's python3 for the checks.
if ! bash scripts/install-deps.sh valgrind python3; then
  failed=$((failed + 1))
  echo "FAILED: installing the build dependencies"
  finish
fi

work=$(mktemp -d /tmp/atlas-capi.XXXXXX)
trap 'rm -rf "$work"' EXIT
build=$work/build
# Only the C ABI's targets are built: the doctest suite and the CLI are other steps' work.
if ! { meson setup "$build" "$source_dir" --buildtype=debugoptimized -Dtools=false >"$work/setup.log" 2>&1 &&
       meson compile -C "$build" atlas_c test_capi >"$work/compile.log" 2>&1; }; then
  cat "$work/setup.log" "$work/compile.log" 2>/dev/null | tail -n 60
  failed=$((failed + 1))
  echo "FAILED: building libatlas_c"
  finish
fi
library=$(ls "$build"/capi/libatlas_c.so.*.*.* | head -n 1)

run_counted "C test" "$build/capi/test_capi" "$source_dir/examples"
# Leaks, double frees and invalid reads in the library or in how the test uses it fail this check.
check "C test under valgrind" valgrind -q --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
  "$build/capi/test_capi" "$source_dir/examples"
run_counted "Python test" python3 tests/capi/test_ctypes.py "$library"

example_runs() {
  local out
  out=$(ATLAS_C_LIBRARY="$library" python3 examples/python/atlas_ctypes.py) || return 1
  printf '%s\n' "$out"
  grep -q '^valid/outbound-phone.json: valid, 0 errors' <<<"$out" &&
    grep -q '^invalid/wrong-types.json: invalid, 3 errors' <<<"$out" &&
    grep -q '3:19: error: campaignType must be a string, not the number 1 \[field.type\]' <<<"$out"
}
check "Python example (ATLAS_C_LIBRARY)" example_runs

# The ABI is exactly the functions atlas.h declares: nothing C++ leaks into the dynamic symbol table.
exports_match_header() {
  local declared exported
  declared=$(grep -oE '^ATLAS_C_API [^(]*\b(atlas_[a-z_]+)\(' capi/atlas.h | grep -oE 'atlas_[a-z_]+\($' | tr -d '(' | sort)
  exported=$(nm -D --defined-only "$library" | awk '$2 == "T" {print $3}' | sed 's/@.*//' | sort)
  echo "declared: $declared"
  echo "exported: $exported"
  [ -n "$declared" ] && [ "$declared" = "$exported" ]
}
check "exported symbols are atlas.h's" exports_match_header

# The header is plain C (C99, pedantic) and also valid C++ (the extern "C" guard).
header_compiles() {
  printf '#include "atlas.h"\nint main(void) { atlas_free(atlas_rule_catalog()); return atlas_version()[0] ? 0 : 1; }\n' \
    >"$work/header.c"
  cc -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only -I capi "$work/header.c" &&
    c++ -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only -x c++ -I capi "$work/header.c"
}
check "atlas.h compiles as C99 and C++11" header_compiles

# Installed: the header, the library and atlas_c.pc are enough to build and run a C program.
installed_use() {
  local dest=$work/install pc_dir
  DESTDIR=$dest meson install -C "$build" --no-rebuild --only-changed >/dev/null || return 1
  pc_dir=$(dirname "$(find "$dest" -name atlas_c.pc | head -n 1)")
  [ -f "$pc_dir/atlas_c.pc" ] || { echo "atlas_c.pc not installed"; return 1; }
  printf '%s\n' '#include <atlas.h>' '#include <stdio.h>' '#include <string.h>' \
    'int main(void) { const char* t = "{\"name\":\"x\",\"campaignType\":\"0\",\"TemplateId\":\"t\",\"Position\":\"p\"}";' \
    '  char* r = atlas_validate_request(t, strlen(t), NULL); puts(r); int ok = strncmp(r, "{\"valid\":true", 13) == 0;' \
    '  atlas_free(r); return ok ? 0 : 1; }' >"$work/use.c"
  # The .pc file names the install prefix; PKG_CONFIG_SYSROOT_DIR maps it into DESTDIR.
  PKG_CONFIG_PATH=$pc_dir PKG_CONFIG_SYSROOT_DIR=$dest cc -std=c11 "$work/use.c" -o "$work/use" \
    $(PKG_CONFIG_PATH=$pc_dir PKG_CONFIG_SYSROOT_DIR=$dest pkg-config --cflags --libs atlas_c) || return 1
  LD_LIBRARY_PATH=$(dirname "$(find "$dest" -name 'libatlas_c.so' | head -n 1)") "$work/use"
}
check "installed header, library and atlas_c.pc" installed_use

finish
