#!/bin/sh
# Long fuzz runs: each libFuzzer target (model, style, pipeline, font) for SECONDS
# (default 600), one after the other, from its corpus and the project's test
# inputs. New inputs are kept in fuzz/work/TARGET (not in git: copy the
# interesting ones into fuzz/corpus/TARGET), crashes in fuzz/work/crashes/.
# Prints a line per target: runs, exec/s, coverage (cov, ft), crashes.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-model style pipeline font}
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_FUZZ=ON >/dev/null
for t in $targets; do cmake --build build-fuzz -j "$(nproc)" --target "fuzz-$t" >/dev/null; done
mkdir -p fuzz/work/crashes
for t in $targets; do
  work="fuzz/work/$t"
  mkdir -p "$work"
  case $t in
    model)    seeds="fuzz/corpus/model tests/bad tests/inputs input tests/hostile/*/"; max=65536 ;;
    style)    seeds="fuzz/corpus/style styles tests/hostile/styles tests/hostile/files"; max=65536 ;;
    pipeline) seeds="fuzz/corpus/pipeline tests/inputs input tests/hostile/*/"; max=16384 ;;
    font)     seeds="fuzz/corpus/font"; max=16384 ;;
  esac
  for d in $seeds; do
    [ -d "$d" ] && find "$d" -maxdepth 1 -type f \( -name '*.xml' -o -name '*.css' -o -name '*.tt[fc]' \
      -o -name '*.otf' -o ! -name '*.*' \) \
      -exec cp {} "$work/" \; 2>/dev/null || true
  done
  log="fuzz/work/$t.log"
  status=0
  ASAN_OPTIONS=detect_leaks=0 "./build-fuzz/fuzz/fuzz-$t" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=30 -max_len="$max" -print_final_stats=1 \
    -artifact_prefix="fuzz/work/crashes/$t-" "$work" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  crashes=$(ls fuzz/work/crashes | grep -c "^$t-" || true)
  echo "fuzz-$t: ${seconds} s, runs ${runs:-?}, ${rate:-?} exec/s, ${cov:-cov ?}, crashes $crashes (exit $status)"
done
