#!/bin/sh
# The three arrangements of the two languages, each on the example and on an
# input written elsewhere: parallel (handout.css), interleaved
# (briefing.css) and sequential (a style that imports handout.css).
. "$(dirname "$0")/lib.sh"
printf '@import "%s/styles/handout.css";\ndossier { layout: sequential; }\n' "$SRCDIR" >"$TMP/sequential.css"
for input in "$SRCDIR/input/nanjing-day-2026.xml" "$SRCDIR/tests/inputs/other-author.xml"; do
  for style in "$SRCDIR/styles/handout.css" "$SRCDIR/styles/briefing.css" "$TMP/sequential.css"; do
    name=$(basename "$input" .xml)-$(basename "$style" .css)
    "$DOSSIER" --strict -s "$style" -o "$TMP/$name.pdf" "$input" 2>"$TMP/err" && pass \
      || { cat "$TMP/err"; fail "$name: render"; continue; }
    qpdf --check "$TMP/$name.pdf" >/dev/null 2>&1 && pass || fail "$name: qpdf --check"
  done
done

# parallel: German and Chinese side by side on the same page
pdftotext -layout -f 3 -l 3 "$TMP/nanjing-day-2026-handout.pdf" "$TMP/par.txt"
grep -q 'Wirtschaft.*经' "$TMP/par.txt" || grep -q 'Konferenz.*会' "$TMP/par.txt" \
  || grep -q '[a-z].*[一-龥]' "$TMP/par.txt" && pass || fail "parallel: no line with both languages"

# interleaved: a German paragraph, then its translation, in one column
pdftotext "$TMP/nanjing-day-2026-briefing.pdf" "$TMP/int.txt"
python3 - "$TMP/int.txt" <<'PY' && pass || fail "interleaved: order"
import sys
t = open(sys.argv[1], encoding="utf-8").read().replace("\n", "")
de, zh = t.find("Deutschland ist nach wie vor"), t.find("德国始终是")

assert 0 <= de < zh, (de, zh)
PY
pdfinfo "$TMP/nanjing-day-2026-briefing.pdf" | grep -q 'Page size: *419.* x 595.*' && pass || fail "briefing is not A5"

# sequential: all of the German before any of the Chinese
python3 - "$TMP/nanjing-day-2026-sequential.pdf" <<'PY' && pass || fail "sequential: order"
import subprocess, sys
pdf = sys.argv[1]
n = int([l.split()[-1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0])
han = lambda s: sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
kinds = []
for p in range(1, n + 1):
    t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
    kinds.append("zh" if han(t) > len(t) * 0.2 else "de")
first_zh = kinds.index("zh")
assert all(k == "zh" for k in kinds[first_zh:]) and first_zh > 0, kinds
PY
qpdf --json --json-key=outlines "$TMP/nanjing-day-2026-sequential.pdf" | python3 -c '
import json, sys
o = json.load(sys.stdin)["outlines"]
assert len(o) == 2 and all(e["kids"] for e in o), [e["title"] for e in o]
' && pass || fail "sequential: one outline subtree per language"
# each part's cover takes @page :first: no running head, and never the
# German part's last section title on the Chinese cover
python3 - "$TMP/nanjing-day-2026-sequential.pdf" <<'PY' && pass || fail "sequential: a part's cover carries a running head"
import subprocess, sys
pdf = sys.argv[1]
n = int([l.split()[-1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0])
pages = [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout for p in range(1, n + 1)]
covers = [i for i, t in enumerate(pages) if "斯图加特经贸促进会" in t]
assert covers, "no Chinese cover"
cover = pages[covers[0]]
titles = ["Veranstalter und Ziel", "Die Konferenz", "Wirtschaft und Investitionen"]
assert not any(t in cover for t in titles), cover[:300]
assert "2026“南京日”" in cover
# the head's title is there once, as the cover's title, not twice
assert cover.count("2026“南京日”") == 1, cover[:300]
PY
finish
