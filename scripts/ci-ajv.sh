#!/usr/bin/env bash
# CI step: the exported JSON Schemas (schemas/*.schema.json) against ajv. From a clean clone on
# Debian 12: installs what is missing (the build's packages; Debian's nodejs and npm when there is
# no node), builds atlas-validate, installs ajv and ajv-formats with `npm ci` into
# tools/ajv/node_modules, and runs the differential test, whose last line is
# "ajv: N passed, N failed". Exit status 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${ATLAS_BUILD_DIR:-build}

give_up() {
  echo "ci-ajv: $1" >&2
  echo "ajv: 0 passed, 1 failed"
  exit 1
}

bash scripts/install-deps.sh || give_up "cannot install the build's packages"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing: nodejs npm"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm; } ||
    give_up "cannot install nodejs and npm"
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized >/dev/null || give_up "meson setup failed"
fi
ninja -C "$build" tools/atlas-validate || give_up "cannot build atlas-validate"

# The lock file pins ajv and its dependencies; npm ci installs exactly those.
(cd tools/ajv && npm ci --no-audit --no-fund --loglevel=error) || give_up "npm ci failed in tools/ajv"

node tools/ajv/differential.mjs --atlas-validate "$build/tools/atlas-validate"
