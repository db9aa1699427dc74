#!/bin/sh
# dossier beside Typst 0.14.2 on the same content: the bundled example and its
# x10 version (bench/repeat-input.py), each rendered by dossier and, through
# bench/typst/to-typst.py, by Typst (its Node binding from the npm registry,
# installed into a scratch folder). Runs alternate, RUNS of each (default 5);
# prints the medians of wall time and peak RSS from /usr/bin/time -v and the
# ratio dossier / Typst with node's own start-up (node -e 0) subtracted from
# Typst's time. Reports, asserts nothing.
# Usage: bench/vs-typst.sh [BUILD_DIR]   (env: RUNS, TYPST_DIR to reuse an install)
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
RUNS=${RUNS:-5}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TYPST_DIR=${TYPST_DIR:-$T/typst}
if [ ! -d "$TYPST_DIR/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
  mkdir -p "$TYPST_DIR"
  (cd "$TYPST_DIR" && npm install --silent --ignore-scripts --no-audit --no-fund \
    @myriaddreamin/typst-ts-node-compiler@0.7.0 \
    @myriaddreamin/typst-ts-node-compiler-linux-x64-gnu@0.7.0 >/dev/null)
fi
cp bench/typst/compile.mjs "$TYPST_DIR/"
FONTS="/usr/share/fonts/truetype/noto /usr/share/fonts/opentype/noto"

# time_one OUTFILE command...: appends "seconds kbytes" to OUTFILE
time_one () {
  out=$1; shift
  /usr/bin/time -f '%e %M' -o "$T/t" "$@" >/dev/null 2>"$T/err" || { cat "$T/err"; exit 1; }
  cat "$T/t" >>"$out"
}
median () {  # column of a file of "seconds kbytes" lines
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

cp input/nanjing-day-2026.xml "$T/example.xml"
python3 bench/repeat-input.py input/nanjing-day-2026.xml 10 >"$T/x10.xml"
for i in $(seq "$RUNS"); do time_one "$T/node" node -e 0; done
node0=$(median "$T/node" 1)
echo "node -e 0: median ${node0} s (subtracted from Typst's wall time)"
echo "input|dossier pages|Typst pages|dossier wall s|Typst wall s (- node)|ratio|dossier RSS MB|Typst RSS MB"
for name in example x10; do
  python3 bench/typst/to-typst.py "$T/$name.xml" >"$TYPST_DIR/$name.typ"
  : >"$T/d.$name"; : >"$T/y.$name"
  for i in $(seq "$RUNS"); do
    time_one "$T/d.$name" "$B/dossier" -s styles/handout.css -o "$T/$name.pdf" "$T/$name.xml"
    # shellcheck disable=SC2086
    time_one "$T/y.$name" node "$TYPST_DIR/compile.mjs" "$TYPST_DIR/$name.typ" "$T/$name-typst.pdf" $FONTS
  done
  dw=$(median "$T/d.$name" 1); yw=$(median "$T/y.$name" 1)
  dm=$(median "$T/d.$name" 2); ym=$(median "$T/y.$name" 2)
  dp=$(pdfinfo "$T/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  yp=$(pdfinfo "$T/$name-typst.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  awk -v n="$name" -v dp="$dp" -v yp="$yp" -v dw="$dw" -v yw="$yw" -v z="$node0" \
      -v dm="$dm" -v ym="$ym" 'BEGIN {
    y = yw - z; printf "%s|%s|%s|%.3f|%.3f|%.2f|%d|%d\n", n, dp, yp, dw, y, dw / y, dm / 1024, ym / 1024 }'
done
