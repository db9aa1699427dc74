#!/bin/sh
# dossier alone at about 10, 100 and 1,000 pages (the example repeated by
# bench/repeat-input.py ×2, ×23, ×240): per phase, the CPU and wall ms the
# program itself reports with DOSSIER_TIMING=1 (src/common/timing.h), then
# the whole run's wall time and peak RSS from /usr/bin/time -v, and the
# time per page. Medians of RUNS runs (default 3). Reports, asserts nothing.
# Usage: bench/phases.sh [BUILD_DIR]   (env: RUNS, SIZES="2 23 240")
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
RUNS=${RUNS:-3}
SIZES=${SIZES:-2 23 240}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for k in $SIZES; do
  python3 bench/repeat-input.py input/nanjing-day-2026.xml "$k" >"$T/in$k.xml"
  r=0
  while [ "$r" -lt "$RUNS" ]; do
    DOSSIER_TIMING=1 /usr/bin/time -v "$B/dossier" -o "$T/out$k.pdf" "$T/in$k.xml" \
      2>"$T/log$k.$r" || { cat "$T/log$k.$r"; exit 1; }
    r=$((r + 1))
  done
  pages=$(pdfinfo "$T/out$k.pdf" | sed -n 's/^Pages: *//p')
  python3 - "$k" "$pages" "$T"/log"$k".* <<'PY'
import re, statistics, sys
k, pages, logs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
phases, order, walls, rss = {}, [], [], []
for log in logs:
    for line in open(log, encoding="utf-8"):
        m = re.match(r"timing: (.+) (\S+) (\S+)$", line.strip())
        if m:
            name = m.group(1)
            if name not in phases:
                phases[name] = ([], [])
                order.append(name)
            phases[name][0].append(float(m.group(2)))
            phases[name][1].append(float(m.group(3)))
        m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+(?:\.\d+)?)$", line.strip())
        if m:
            walls.append(60 * int(m.group(1) or 0) + float(m.group(2)))
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
        if m:
            rss.append(int(m.group(1)) / 1024)
med = statistics.median
print(f"## example ×{k}: {pages} pages, {len(logs)} runs")
print("| phase | CPU ms | wall ms |")
print("|---|---|---|")
for name in order:
    cpu, wall = phases[name]
    print(f"| {name} | {med(cpu):.1f} | {med(wall):.1f} |")
w = med(walls)
print(f"\nwhole run: {w:.2f} s wall, {med(rss):.0f} MB peak RSS, {1000 * w / pages:.2f} ms a page\n")
PY
done
