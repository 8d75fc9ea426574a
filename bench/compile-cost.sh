#!/usr/bin/env bash
# Compile cost (issue #4): the time and peak memory of g++ -O2 -c on a translation unit that calls
# atlas::validate_request, next to one that includes <boost/json.hpp> and calls boost::json::parse.
# Best of N runs each (default 3), in CPU time (user + system: steadier than wall time on a shared
# machine). Prints a Markdown table.
#
#   bash bench/compile-cost.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cxx=${CXX:-g++}
work=$(mktemp -d /tmp/atlas-compile-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT

cat >"$work/boost_json.cpp" <<'CPP'
#include <boost/json.hpp>
int main(int argc, char** argv)
{
    boost::json::error_code ec;
    const boost::json::value v = boost::json::parse(argc > 1 ? argv[1] : "{}", ec);
    return ec ? 1 : v.is_object() ? 0 : 2;
}
CPP
for header in atlas/atlas.hpp atlas/validate.hpp; do
  name=$(basename "$header" .hpp)
  cat >"$work/$name.cpp" <<CPP
#include <$header>
int main(int argc, char** argv) { return atlas::validate_request(argc > 1 ? argv[1] : "{}").valid() ? 0 : 1; }
CPP
done

measure() { # measure FILE FLAGS... -> "seconds kilobytes", best of $runs
  local file=$1 best_s="" best_kb=""
  shift
  for _ in $(seq "$runs"); do
    read -r user system kb < <({ /usr/bin/time -f "%U %S %M" "$cxx" -std=c++20 -O2 -Iinclude "$@" -c "$work/$file" -o /dev/null; } 2>&1 >/dev/null | tail -n 1)
    s=$(awk -v u="$user" -v y="$system" 'BEGIN { print u + y }')
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    if [ -z "$best_kb" ] || [ "$kb" -lt "$best_kb" ]; then best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}

read -r base_s base_kb < <(measure boost_json.cpp)
echo "| translation unit (g++ -O2 -c, best of $runs) | CPU time | peak memory | vs \`<boost/json.hpp>\` |"
echo "|---|---:|---:|---|"
row() { # row LABEL FILE FLAGS...
  local label=$1 file=$2
  shift 2
  read -r s kb < <(measure "$file" "$@")
  printf '| %s | %.2f s | %d MB | %.2f× time, %.2f× memory |\n' "$label" "$s" $((kb / 1024)) \
    "$(awk -v a="$s" -v b="$base_s" 'BEGIN { print a / b }')" "$(awk -v a="$kb" -v b="$base_kb" 'BEGIN { print a / b }')"
}
printf '| %s | %.2f s | %d MB | 1.00× time, 1.00× memory |\n' '`<boost/json.hpp>` + `parse`' "$base_s" $((base_kb / 1024))
row '`<atlas/validate.hpp>`, separate compilation' validate.cpp -DATLAS_SEPARATE_COMPILATION
row '`<atlas/atlas.hpp>`, separate compilation' atlas.cpp -DATLAS_SEPARATE_COMPILATION
row '`<atlas/validate.hpp>`, header-only' validate.cpp
row '`<atlas/atlas.hpp>`, header-only' atlas.cpp
