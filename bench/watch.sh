#!/bin/sh
# The watch loop's benchmark: `dossier --watch` on the example, a one-line
# style edit saved as editors save (a temporary file renamed over the
# style), again and again. For each save: the latency from the save (the
# clock read just before the rename) to the new PDF (its modification time:
# written into an unnamed temporary file and renamed in place at once); the
# watcher's RSS after renders 1, 100 and the last (from /proc); the phases
# of the last render (DOSSIER_TIMING=1). Reports, asserts nothing.
# Usage: bench/watch.sh [BUILD_DIR] [SAVES]   (default: build 1000)
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
N=${2:-1000}
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$T"' EXIT
cp input/nanjing-day-2026.xml "$T/in.xml"
cp styles/handout.css "$T/a.css"
cp styles/handout.css "$T/b.css"
echo 'p { color: #101010; }' >>"$T/a.css"
echo 'p { color: #202020; }' >>"$T/b.css"
cp "$T/a.css" "$T/style.css"
cd "$T"
DOSSIER_TIMING=1 "$OLDPWD/$B/dossier" --watch -s style.css -o out.pdf in.xml 2>log &
pid=$!
renders () { grep -c '^dossier: wrote' log || true; }
wait_renders () {
  while [ "$(renders)" -lt "$1" ]; do
    kill -0 $pid 2>/dev/null || { cat log; exit 1; }
    sleep 0.01
  done
}
rss () { sed -n 's/^VmRSS: *//p' /proc/$pid/status; }
wait_renders 1
echo "RSS after render 1: $(rss)"
: >lat
i=1
while [ $i -le "$N" ]; do
  if [ $((i % 2)) -eq 1 ]; then v=b; else v=a; fi
  cp "$v.css" s.tmp
  t0=$(date +%s.%N)
  mv s.tmp style.css
  wait_renders $((i + 1))
  t1=$(stat -c %.9Y out.pdf)
  echo "$t0 $t1" >>lat
  [ $((i + 1)) -eq 100 ] && echo "RSS after render 100: $(rss)"
  i=$((i + 1))
done
echo "RSS after render $((N + 1)): $(rss)"
awk '{ d = ($2 - $1) * 1000; print d }' lat | sort -n | awk '
  { v[NR] = $1; s += $1 }
  END { printf "save to new PDF (ms), %d saves: min %.0f, median %.0f, p90 %.0f, max %.0f, mean %.0f\n",
        NR, v[1], v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR], s / NR }'
sed -n 's/^dossier: wrote .* in \([0-9]*\) ms$/\1/p' log | tail -n "$N" | awk '
  { s += $1 } END { printf "of which the job (load, style, layout, render, rename): mean %.0f ms\n", s / NR }'
sed -n 's/^timing: watch: first event to render \([0-9.]*\) ms$/\1/p' log | awk '
  { s += $1 } END { if (NR) printf "of which the first event to the job (debounce, event delivery): mean %.1f ms\n", s / NR }'
echo "the last render's phases (timing: PHASE CPU_MS WALL_MS; start is the wait before it):"
tac log | awk '/^timing: total/ { if (seen++) exit } seen' | tac
kill -INT $pid
wait $pid || true
pid=
