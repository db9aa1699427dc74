#!/bin/sh
# Runs the whole test suite: unit tests, end-to-end tests with real PDF
# readers, the same suite again built with ASan + UBSan, and a short run of
# the fuzz targets (libFuzzer, clang) from their corpora.
# Expects scripts/setup.sh to have run (it builds into build/).
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${DOSSIER_SKIP_SANITIZE:-0}" != 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDOSSIER_SANITIZE=ON ${DOSSIER_CMAKE_ARGS:-} >/dev/null
  cmake --build build-asan -j "$jobs"
  # the hyphenation agreement on every 25th word: the full list is the plain run's;
  # leak detection on, suppressing only leaks inside the libraries (tests/lsan.supp)
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    DOSSIER_WORD_STRIDE=25 ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi

if [ "${DOSSIER_SKIP_FUZZ:-0}" != 1 ] && command -v clang >/dev/null; then
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_FUZZ=ON \
    ${DOSSIER_CMAKE_ARGS:-} >/dev/null
  cmake --build build-fuzz -j "$jobs" --target fuzz-model fuzz-style fuzz-pipeline fuzz-font
  seconds=${DOSSIER_FUZZ_SECONDS:-30}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/model" "$work/style" "$work/pipeline" "$work/font"
  cp fuzz/corpus/model/* tests/bad/*.xml tests/inputs/*.xml input/*.xml "$work/model/"
  cp fuzz/corpus/style/* styles/*.css "$work/style/"
  cp fuzz/corpus/pipeline/* tests/inputs/*.xml input/*.xml "$work/pipeline/"
  cp fuzz/corpus/font/* "$work/font/"
  for target in model style pipeline font; do
    echo "fuzz-$target: $seconds s"
    ASAN_OPTIONS=detect_leaks=0 ./build-fuzz/fuzz/fuzz-$target -max_total_time="$seconds" \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/" "$work/$target" 2>"$work/log" || {
      tail -40 "$work/log"; echo "fuzz-$target found a crash"; exit 1; }
    tail -1 "$work/log"
  done
fi
