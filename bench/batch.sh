#!/bin/sh
# Dossiers per hour for a nightly batch: N generated inputs (gen-input.sh
# SECTIONS each, about SECTIONS + 2 pages, the title numbered so no two are
# the same) rendered by one `dossier -j J -o DIR/` run per J, and for
# comparison by N separate runs one after another (fonts loaded each time).
# Wall time and the largest process's peak RSS from /usr/bin/time. Reports,
# asserts nothing.
# Usage: bench/batch.sh [BUILD_DIR]   (env: N=200, SECTIONS=8, JOBS="1 2", SEPARATE=1)
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
N=${N:-200}
SECTIONS=${SECTIONS:-8}
JOBS=${JOBS:-1 2}
SEPARATE=${SEPARATE:-1}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/in"
i=0
while [ "$i" -lt "$N" ]; do
  sh bench/gen-input.sh "$SECTIONS" | sed "s/>Benchmark</>Benchmark $i</" >"$T/in/d$i.xml"
  i=$((i + 1))
done
echo "dossier $("$B/dossier" --version | head -1), $(nproc) cores, $N inputs of $SECTIONS sections"
report () {  # WHAT: the figures of the last run, from $T/time
  read -r wall rss <"$T/time"
  pages=$(pdfinfo "$T/out/d0.pdf" | sed -n 's/^Pages: *//p')
  awk -v what="$1" -v n="$N" -v w="$wall" -v rss="$rss" -v p="$pages" 'BEGIN {
    printf "%-24s %4d inputs (%d pages each): %7.1f s wall, %6.0f dossiers/hour, peak RSS %d MB\n",
           what, n, p, w, n * 3600 / w, rss / 1024 }'
}
for j in $JOBS; do
  rm -rf "$T/out" && mkdir "$T/out"
  /usr/bin/time -f "%e %M" -o "$T/time" "$B/dossier" -j "$j" -o "$T/out/" "$T"/in/*.xml \
    2>"$T/log" || { tail "$T/log"; exit 1; }
  report "dossier -j $j"
done
if [ "$SEPARATE" = 1 ]; then
  rm -rf "$T/out" && mkdir "$T/out"
  cat >"$T/each.sh" <<EOF
for f in "$T"/in/*.xml; do
  b=\$(basename "\$f" .xml)
  "$B/dossier" -o "$T/out/\$b.pdf" "\$f" || exit 1
done
EOF
  /usr/bin/time -f "%e %M" -o "$T/time" sh "$T/each.sh"
  report "$N separate runs"
fi
