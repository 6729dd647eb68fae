#!/usr/bin/env bash
# README command 1: install what is missing, build, and parse the bulletins in samples/ with the
# built-in rules, printing the records.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target jianbao
./build/jianbao parse samples/*.txt
