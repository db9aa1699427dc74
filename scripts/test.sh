#!/bin/sh
# Runs the whole test suite: unit tests, end-to-end tests with real PDF
# readers, and the sanitizer build (ASan + UBSan) of the same suite.
# Expects scripts/setup.sh to have run (it builds into build/).
set -eu
cd "$(dirname "$0")/.."
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [ "${DOSSIER_SKIP_SANITIZE:-0}" != 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDOSSIER_SANITIZE=ON ${DOSSIER_CMAKE_ARGS:-} >/dev/null
  cmake --build build-asan -j "$(nproc)"
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
