#!/bin/sh
# The benchmark: dossier on documents of growing size, then the bare Pango +
# Cairo floor, each with wall time and peak memory from /usr/bin/time -v.
# Usage: bench/run.sh [BUILD_DIR]   (default: build). Reports, asserts nothing.
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
measure () {  # label, command...
  label=$1; shift
  /usr/bin/time -v "$@" >"$T/out" 2>"$T/time" || { cat "$T/time"; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$T/time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
  echo "$label|$wall|$((rss / 1024)) MB"
}
echo "what|wall (m:ss)|peak RSS|pages"
for n in 5 20 80; do
  sh bench/gen-input.sh "$n" >"$T/in$n.xml"
  line=$(measure "dossier, $n sections" "$B/dossier" -s styles/handout.css -o "$T/out$n.pdf" "$T/in$n.xml")
  echo "$line|$(pdfinfo "$T/out$n.pdf" | sed -n 's/^Pages: *//p')"
done
for i in 1 2 3 4 5; do
  measure "example run $i" "$B/dossier" -o "$T/ex.pdf" input/nanjing-day-2026.xml
done
echo "example pages: $(pdfinfo "$T/ex.pdf" | sed -n 's/^Pages: *//p')"
if [ -x "$B/bench-floor" ]; then
  measure "bare Pango + Cairo, 400 paragraph pairs" "$B/bench-floor" 400 "$T/floor.pdf"
  echo "floor pages: $(pdfinfo "$T/floor.pdf" | sed -n 's/^Pages: *//p')"
fi
