#!/usr/bin/env bash
# Installs the Debian 12 packages jianbao needs to build and test, if any is missing.
# --test adds what only the test suite needs: Chromium (the trend report opened in a browser) and
# Dask distributed (scripts/dask_parse.py on a scheduler and two workers).
set -euo pipefail
packages=(cmake ninja-build g++ clang clang-format libclang-rt-14-dev pkg-config libicu-dev libyaml-cpp-dev
          libfmt-dev libcli11-dev nlohmann-json3-dev libssl-dev doctest-dev python3 python3-jsonschema
          python3-yaml jq groff-base man-db bsdutils
          libpoppler-dev libpoppler-private-dev libzip-dev libpugixml-dev)
[[ "${1:-}" == --test ]] && packages+=(chromium python3-distributed)
# Hyperscan (an optional speed-up) is packaged for amd64 only.
[[ $(dpkg --print-architecture) == amd64 ]] && packages+=(libhyperscan-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
