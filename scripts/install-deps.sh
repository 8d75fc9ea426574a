#!/usr/bin/env bash
# Installs what building and testing atlas needs on Debian 12, with apt; does nothing when all is there.
# Extra packages a script needs (the benchmark's RapidJSON, valgrind, ...) can be named as arguments.
# Boost.JSON needs libboost-json1.81-dev (Debian's default Boost 1.74 has none, and its -dev conflicts);
# doctest-dev ships only a CMake package, so Meson needs cmake to find it.
set -euo pipefail
packages=(g++ meson ninja-build pkg-config cmake libboost1.81-dev libboost-json1.81-dev doctest-dev tzdata "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
