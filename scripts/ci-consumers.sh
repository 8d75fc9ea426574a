#!/usr/bin/env bash
# CI step "consumers": install atlas into a temporary prefix, then build three projects outside the
# tree against it, as users would, and check what they print:
#   tests/consumers/cmake  find_package(atlas CONFIG REQUIRED) + atlas::atlas
#   tests/consumers/make   a Makefile with pkg-config --cflags --libs atlas
#   tests/consumers/meson  atlas as a subproject (subprojects/atlas -> this checkout); its set-up
#                          is also run against the installed atlas.pc
# Each consumer must exit 0 on a valid payload and 1 on an invalid one, printing exactly the JSON
# report of the installed atlas-validate. Nothing is installed outside the temporary directory.
# Ends with "consumers: N passed, N failed"; exits 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

bash scripts/install-deps.sh || { echo "consumers: 0 passed, 1 failed"; exit 1; }
# make is the one tool of this step that the base set does not bring.
if ! command -v make >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends make
fi

tmp=$(mktemp -d /tmp/atlas-consumers.XXXXXX)
[ -n "${ATLAS_KEEP_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
valid=$repo/examples/valid/outbound-phone.json
invalid=$repo/examples/invalid/wrong-types.json
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; }
# Runs a command with its output in $tmp/NAME.log; on failure shows the log's end.
run() {
  local name=$1; shift
  if timeout 300 "$@" >"$tmp/$name.log" 2>&1; then return 0; fi
  echo "---- $name failed: $*"; tail -n 30 "$tmp/$name.log"; echo "----"
  return 1
}
finish() {
  if [ -n "${ATLAS_KEEP_TMP:-}" ]; then echo "(${SECONDS}s; logs kept in $tmp)"
  else echo "(${SECONDS}s; ATLAS_KEEP_TMP=1 keeps the logs)"; fi
  echo "consumers: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

# Everything is built at -O0: what is checked is how atlas is found and what it prints, and
# optimising the large header-only translation units would double this step's time.

# ---- the Meson consumer does not need the install: its build runs beside the install's.
# Its subprojects/atlas is this checkout, linked in a copy (a committed link could not point here).
msrc=$tmp/meson-src
cp -r "$repo/tests/consumers/meson" "$msrc"
mkdir -p "$msrc/subprojects"
ln -s "$repo" "$msrc/subprojects/atlas"
(
  run meson-sub-setup env -u PKG_CONFIG_PATH meson setup "$tmp/meson-sub" "$msrc" --buildtype=plain \
    --force-fallback-for=atlas && run meson-sub-build ninja -C "$tmp/meson-sub"
  echo $? >"$tmp/meson-sub.status"
) &
meson_sub_job=$!

# ---- install into the temporary prefix, building only what is installed: the options for
# tests, benchmarks and fuzzers are turned off where the project has them.
off=()
for o in tests bench fuzz; do
  grep -q "option('$o'" meson_options.txt && off+=("-D$o=false")
done
if run install-setup meson setup "$tmp/build" "$repo" --prefix "$prefix" --buildtype=plain "${off[@]}" \
  && run install-build ninja -C "$tmp/build" \
  && run install meson install -C "$tmp/build"; then
  ok "meson install into a temporary prefix"
else
  fail "meson install into a temporary prefix"
  wait "$meson_sub_job"
  finish
fi
version=$(meson introspect --projectinfo "$tmp/build" | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
libdir=$(meson introspect --buildoptions "$tmp/build" \
  | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"))')
pcdir=$prefix/$libdir/pkgconfig

missing=()
for f in bin/atlas-validate include/atlas.hpp include/atlas/atlas.hpp include/atlas/validate.hpp \
  include/atlas/detail/json_reader.hpp include/atlas/impl/validate.hpp \
  "$libdir/pkgconfig/atlas.pc" "$libdir/cmake/atlas/atlasConfig.cmake" "$libdir/cmake/atlas/atlasConfigVersion.cmake"; do
  [ -f "$prefix/$f" ] || missing+=("$f")
done
if ((${#missing[@]} == 0)); then ok "installed: the CLI, the headers, atlas.pc, the CMake package"
else fail "installed: missing ${missing[*]}"; fi

# The installed CLI gives the reference reports every consumer must reproduce.
cli=$prefix/bin/atlas-validate
"$cli" --format json "$valid" >"$tmp/expected-valid.json" 2>/dev/null; cli_valid=$?
"$cli" --format json "$invalid" >"$tmp/expected-invalid.json" 2>/dev/null; cli_invalid=$?
if [ "$cli_valid" -eq 0 ] && [ "$cli_invalid" -eq 1 ] && grep -q '"rule":"field.type"' "$tmp/expected-invalid.json"; then
  ok "installed atlas-validate: valid exits 0, invalid exits 1"
else
  fail "installed atlas-validate: valid exited $cli_valid, invalid $cli_invalid (want 0 and 1)"
fi

# check_consumer NAME BINARY: the valid payload gives exit 0, the invalid one exit 1, and both print
# the CLI's report byte for byte (the same library, whichever way it was found).
check_consumer() {
  local name=$1 bin=$2 status
  "$bin" "$valid" >"$tmp/$name-valid.json" 2>"$tmp/$name-valid.err"; status=$?
  if [ "$status" -eq 0 ] && cmp -s "$tmp/$name-valid.json" "$tmp/expected-valid.json"; then
    ok "$name: valid payload -> exit 0, report as the CLI's"
  else
    fail "$name: valid payload -> exit $status (want 0), report $(cmp -s "$tmp/$name-valid.json" "$tmp/expected-valid.json" && echo same || echo differs)"
  fi
  "$bin" "$invalid" >"$tmp/$name-invalid.json" 2>"$tmp/$name-invalid.err"; status=$?
  if [ "$status" -eq 1 ] && cmp -s "$tmp/$name-invalid.json" "$tmp/expected-invalid.json" \
    && grep -q 'error: campaignType must be a string' "$tmp/$name-invalid.err"; then
    ok "$name: invalid payload -> exit 1, report as the CLI's"
  else
    fail "$name: invalid payload -> exit $status (want 1), report $(cmp -s "$tmp/$name-invalid.json" "$tmp/expected-invalid.json" && echo same || echo differs)"
  fi
}

# ---- the make and CMake consumers build side by side (one translation unit each, two cores)
mkdir -p "$tmp/make"
(
  run make-build env PKG_CONFIG_PATH="$pcdir" make -C "$tmp/make" -f "$repo/tests/consumers/make/Makefile" \
    CXXFLAGS="-O0 -Wall -Wextra"
  echo $? >"$tmp/make.status"
) &
make_job=$!
# The compiler's default standard is left alone, so the build also proves atlas::atlas carries C++20.
(
  run cmake-setup cmake -S "$repo/tests/consumers/cmake" -B "$tmp/cmake" \
    -DCMAKE_PREFIX_PATH="$prefix" -DATLAS_VERSION="$version" \
    && run cmake-build cmake --build "$tmp/cmake"
  echo $? >"$tmp/cmake.status"
) &
cmake_job=$!
wait "$make_job" "$cmake_job" "$meson_sub_job"

# ---- pkg-config + make
pc_version=$(PKG_CONFIG_PATH=$pcdir pkg-config --modversion atlas 2>/dev/null)
if [ "$(cat "$tmp/make.status" 2>/dev/null)" = 0 ]; then
  ok "make: builds with pkg-config --cflags --libs atlas"
  check_consumer make "$tmp/make/consumer"
  header_version=$("$tmp/make/consumer" --version)
else
  fail "make: builds with pkg-config --cflags --libs atlas"
  header_version=""
fi

# ---- CMake: find_package(atlas <this version> CONFIG REQUIRED)
if [ "$(cat "$tmp/cmake.status" 2>/dev/null)" = 0 ]; then
  ok "cmake: find_package(atlas $version CONFIG REQUIRED) and atlas::atlas build"
  check_consumer cmake "$tmp/cmake/consumer"
  cmake_version=$(sed -n 's/^-- atlas \([^ ]*\) from .*/\1/p' "$tmp/cmake-setup.log")
else
  fail "cmake: find_package(atlas $version CONFIG REQUIRED) and atlas::atlas build"
  cmake_version=""
fi

# Code written for an older breaking series (semver: the previous major, or before 1.0 the
# previous minor) must not get this one: find_package(atlas 0.0) refuses atlas 0.1.x.
IFS=. read -r major minor _ <<<"$version"
if [ "$major" -gt 0 ]; then older="$((major - 1)).0"; else older="0.$((minor - 1))"; fi
if [ "$major" -eq 0 ] && [ "$minor" -eq 0 ]; then
  echo "skip  cmake: no older series than $version to refuse"
elif cmake -S "$repo/tests/consumers/cmake" -B "$tmp/cmake-refuse" \
    -DCMAKE_PREFIX_PATH="$prefix" -DATLAS_VERSION="$older" >"$tmp/cmake-refuse.log" 2>&1; then
  fail "cmake: find_package(atlas $older) must refuse atlas $version, but it was accepted"
elif grep -q "requested version \"$older\"" "$tmp/cmake-refuse.log"; then
  ok "cmake: find_package(atlas $older) refuses atlas $version"
else
  fail "cmake: find_package(atlas $older) failed, but not on the version"
fi

# ---- the versions of atlas.pc, the CMake package and <atlas/version.hpp> are the project's
if [ "$pc_version" = "$version" ] && [ "$cmake_version" = "$version" ] && [ "$header_version" = "$version" ]; then
  ok "version $version in atlas.pc, atlasConfigVersion.cmake and atlas::version"
else
  fail "versions: meson.build '$version', atlas.pc '$pc_version', CMake '$cmake_version', atlas::version '$header_version'"
fi

# ---- Meson, atlas as a subproject (built above)
if [ "$(cat "$tmp/meson-sub.status" 2>/dev/null)" = 0 ]; then
  ok "meson: builds with atlas as a subproject"
  check_consumer meson-subproject "$tmp/meson-sub/consumer"
  # As a subproject atlas must add nothing to build: no tests, no tools, no C API. (The separately
  # compiled library is offered as dependency('atlas-compiled') but is built only when linked.)
  targets=$(meson introspect --targets "$tmp/meson-sub" | python3 -c 'import json, sys; print(" ".join(sorted(t["name"] for t in json.load(sys.stdin) if t.get("build_by_default", True))))')
  if [ "$targets" = "consumer" ]; then ok "meson: the subproject builds no tests or tools"
  else fail "meson: the subproject adds targets: $targets"; fi
else
  fail "meson: builds with atlas as a subproject"
fi

# The same project finds the installed atlas.pc first when it is on PKG_CONFIG_PATH (nofallback
# keeps the subproject out). Set-up only: make has already built against those flags.
if run meson-pc-setup env PKG_CONFIG_PATH="$pcdir" meson setup "$tmp/meson-pc" "$msrc" --wrap-mode=nofallback \
  && grep -q "Run-time dependency atlas found: YES $version" "$tmp/meson-pc-setup.log"; then
  ok "meson: dependency('atlas') finds the installed atlas.pc"
else
  fail "meson: dependency('atlas') finds the installed atlas.pc"
fi

# ---- a moved prefix (packagers stage installs with DESTDIR): the CMake package finds its headers
# relative to itself, so it still configures once the original prefix is gone.
mv "$prefix" "$tmp/moved"
if run cmake-moved cmake -S "$repo/tests/consumers/cmake" -B "$tmp/cmake-moved" -DCMAKE_PREFIX_PATH="$tmp/moved" \
  && grep -q "atlas $version from $tmp/moved/" "$tmp/cmake-moved.log"; then
  ok "cmake: the package still works after its prefix is moved"
else
  fail "cmake: the package still works after its prefix is moved"
fi

finish
