#!/bin/sh
# Installs what dossier needs (Debian 12), builds it and renders the bundled
# example into input/nanjing-day-2026.pdf. Run from the project's root, as
# root or with sudo available.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo ${DOSSIER_CMAKE_ARGS:-}
cmake --build build -j "$(nproc)"
./build/dossier input/nanjing-day-2026.xml
echo "setup: wrote input/nanjing-day-2026.pdf"
