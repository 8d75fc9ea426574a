#!/usr/bin/env bash
# Times the working tree's headers against a git revision's (default HEAD), in one process: see ab.cpp.
#
#   bash bench/ab/ab.sh [REVISION] [ROUNDS]
#
# Prints a Markdown table: best and median MB/s of each side over ROUNDS (default 25) alternating rounds, and the
# best time's ratio. Exits 1 when the sides find different numbers of valid payloads.
set -euo pipefail
cd "$(dirname "$0")/../.."
revision=${1:-HEAD}
rounds=${2:-25}
cxx=${CXX:-g++}
work=$(mktemp -d /tmp/atlas-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/base"
git archive "$revision" include | tar -x -C "$work/base"
flags=(-std=c++20 -O3 -DNDEBUG -DATLAS_HEADER_ONLY -fPIC -shared -fvisibility=hidden -fvisibility-inlines-hidden
       -Wl,-Bsymbolic)
side_base="$work/$(git rev-parse --short "$revision").so"
pids=()
"$cxx" "${flags[@]}" -I"$work/base/include" bench/ab/candidate.cpp -o "$side_base" -lboost_json & pids+=($!)
"$cxx" "${flags[@]}" -Iinclude bench/ab/candidate.cpp -o "$work/worktree.so" -lboost_json & pids+=($!)
"$cxx" -std=c++20 -O2 -Iinclude -Ibench bench/ab/ab.cpp -o "$work/ab" -ldl & pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done
"$work/ab" "$rounds" "$side_base" "$work/worktree.so"
