#!/usr/bin/env bash
# Compile cost (issue #4): the time and peak memory of g++ -O2 -c on a translation unit that calls
# atlas::validate_request, next to one that includes <boost/json.hpp> and calls boost::json::parse.
# Best of N runs each (default 3), in CPU time (user + system: steadier than wall time on a shared
# machine), the translation units taking turns in every run so that a slow minute of a shared machine
# hits them all alike. Prints a Markdown table. With --instructions, also the instructions the compiler
# proper (cc1plus) executes for the two separate-compilation rows and the Boost.JSON one, counted by
# valgrind: they do not swing with the machine (a few minutes more).
#
#   bash bench/compile-cost.sh [--instructions] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
instructions=false
if [ "${1:-}" = --instructions ]; then instructions=true; shift; fi
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

# The translation units: label, file, flags.
labels=('`<boost/json.hpp>` + `parse`' '`<atlas/validate.hpp>`, separate compilation'
  '`<atlas/atlas.hpp>`, separate compilation' '`<atlas/validate.hpp>`, header-only' '`<atlas/atlas.hpp>`, header-only')
files=(boost_json.cpp validate.cpp atlas.cpp validate.cpp atlas.cpp)
flags=('' -DATLAS_SEPARATE_COMPILATION -DATLAS_SEPARATE_COMPILATION '' '')
best_s=() best_kb=()
for _ in $(seq "$runs"); do
  for i in "${!files[@]}"; do
    # shellcheck disable=SC2086 # flags[i] is one word or none
    read -r user system kb < <({ /usr/bin/time -f "%U %S %M" "$cxx" -std=c++20 -O2 -Iinclude ${flags[i]} -c "$work/${files[i]}" -o /dev/null; } 2>&1 >/dev/null | tail -n 1)
    s=$(awk -v u="$user" -v y="$system" 'BEGIN { print u + y }')
    if [ -z "${best_s[i]:-}" ] || awk -v a="$s" -v b="${best_s[i]}" 'BEGIN { exit !(a < b) }'; then best_s[i]=$s; fi
    if [ -z "${best_kb[i]:-}" ] || [ "$kb" -lt "${best_kb[i]}" ]; then best_kb[i]=$kb; fi
  done
done

count_instructions() { # count_instructions FILE FLAGS... -> instructions of cc1plus
  local file=$1 cc1plus
  shift
  cc1plus=$("$cxx" -print-prog-name=cc1plus)
  # The compiler proper, as the driver runs it (-### prints the command line), under callgrind.
  local command
  command=$("$cxx" -std=c++20 -O2 -Iinclude "$@" -c "$work/$file" -o /dev/null -### 2>&1 | grep -F "$cc1plus" | head -n 1)
  eval "set -- $command"
  shift
  local args=() out_next=false arg
  for arg in "$@"; do # its assembly output (a temporary file the driver would delete) goes nowhere
    if $out_next; then arg=/dev/null; fi
    out_next=false
    [ "$arg" = -o ] && out_next=true
    args+=("$arg")
  done
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$cc1plus" "${args[@]}" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "| translation unit (g++ -O2 -c, best of $runs) | CPU time | peak memory | vs \`<boost/json.hpp>\` |"
echo "|---|---:|---:|---|"
for i in "${!files[@]}"; do
  printf '| %s | %.2f s | %d MB | %.2f× time, %.2f× memory |\n' "${labels[i]}" "${best_s[i]}" $((best_kb[i] / 1024)) \
    "$(awk -v a="${best_s[i]}" -v b="${best_s[0]}" 'BEGIN { print a / b }')" \
    "$(awk -v a="${best_kb[i]}" -v b="${best_kb[0]}" 'BEGIN { print a / b }')"
done

if $instructions; then
  command -v valgrind >/dev/null || { echo "--instructions needs valgrind" >&2; exit 1; }
  echo
  echo "| translation unit (cc1plus under callgrind) | instructions | vs \`<boost/json.hpp>\` |"
  echo "|---|---:|---|"
  base=""
  for i in 0 1 2; do
    # shellcheck disable=SC2086
    n=$(count_instructions "${files[i]}" ${flags[i]})
    [ -n "$base" ] || base=$n
    printf '| %s | %s | %.3f× |\n' "${labels[i]}" "$(awk -v n="$n" 'BEGIN { printf "%.2fG", n / 1e9 }')" \
      "$(awk -v a="$n" -v b="$base" 'BEGIN { print a / b }')"
  done
fi
