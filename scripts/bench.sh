#!/usr/bin/env bash
# The benchmark of bench/README.md: installs what is missing (the project's dependencies, plus
# RapidJSON and valijson to compare with), builds in release mode in a temporary directory, runs
# bench/bench.cpp on the full corpus, then the size ramp, then ajv when tools/ajv/ is installed.
# Arguments go to the throughput run (e.g. --rounds 3, --payloads 5000).
# ATLAS_BENCH_BUILD_DIR=DIR keeps the build in DIR between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh rapidjson-dev libvalijson-dev

build=${ATLAS_BENCH_BUILD_DIR:-}
if [ -z "$build" ]; then
  build=$(mktemp -d /tmp/atlas-bench.XXXXXX)
  trap 'rm -rf "$build"' EXIT
fi
# Only the benchmark is built: no tests, no tools.
[ -f "$build/build.ninja" ] || meson setup "$build" . --buildtype=release -Dtests=false -Dtools=false -Dbench=true >/dev/null
ninja -C "$build" bench/atlas-bench >/dev/null
bench="$build/bench/atlas-bench"

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "compiler: $(c++ --version | head -n1)"
# The compile command of bench.cpp, without its -I and -D noise.
echo "flags: $(ninja -C "$build" -t commands bench/atlas-bench | grep -m1 'bench.cpp' | tr ' ' '\n' | grep -E '^-(O|g|std|f|W|m)' | grep -v diagnostics-color | tr '\n' ' ')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

ajv=""
if [ -d tools/ajv/node_modules/ajv ] && [ -f schemas/request.schema.json ] && command -v node >/dev/null; then
  ajv="$build/corpus.jsonl"
fi

echo "== throughput"
status=0
"$bench" ${ajv:+--dump "$ajv"} "$@" || status=1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== size ramp"
"$bench" --ramp || status=1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "$ajv" ]; then
  echo "== ajv"
  node bench/ajv-bench.mjs "$ajv" || status=1
else
  echo "== ajv: skipped (needs node, tools/ajv/node_modules and schemas/request.schema.json)"
fi
exit $status
