#!/usr/bin/env bash
# The main job on the bundled forms: build Jixiao and score every form under Forms/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product jixiao
.build/release/jixiao score Forms "$@"
