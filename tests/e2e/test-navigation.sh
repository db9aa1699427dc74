#!/bin/sh
# Contents, outline and links: the page numbers printed in the table of
# contents are the pages where the headings stand; every outline entry and
# every internal link leads to the page of its heading; packs nest each
# dossier's sections under its entry.
. "$(dirname "$0")/lib.sh"
check () {  # input, pdf
  "$DOSSIER" -o "$2" "$1" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "$1: render"; return; }
  qpdf --check "$2" >/dev/null 2>&1 && pass || fail "$1: qpdf --check"
  qpdf --json "$2" >"$TMP/json"
  python3 - "$2" "$TMP/json" <<'PY' && pass || fail "$1: navigation"
import json, re, subprocess, sys
pdf, js = sys.argv[1], json.load(open(sys.argv[2]))
def page_text(n):
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                          capture_output=True, text=True).stdout
squeeze = lambda s: re.sub(r"[\s\u00a0\u00ad\u2005-]", "", s)
bad = []
entries = []
def walk(items):
    for e in items:
        entries.append(e)
        walk(e["kids"])
walk(js["outlines"])
if not entries:
    bad.append("no outline")
for e in entries:
    page = e["destpageposfrom1"]
    first = e["title"].split(" · ")[0]
    if squeeze(first) not in squeeze(page_text(page)):
        bad.append(f"outline '{first}' → page {page}, heading not there")
# the contents: "title .... N" on one line of the page's layout text
contents = ""
for n in range(1, 4):
    contents += subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                               capture_output=True, text=True).stdout
contents = contents.replace("\u00a0", " ")
checked = 0
for e in entries:
    first = e["title"].split(" · ")[0]
    m = re.search(re.escape(first) + r" +(\d+)\b", contents)
    if m:
        checked += 1
        if int(m.group(1)) != e["destpageposfrom1"]:
            bad.append(f"contents say {first} on {m.group(1)}, it is on {e['destpageposfrom1']}")
if checked == 0:
    bad.append("no contents line matched an outline entry")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
print(f"{len(entries)} outline entries, {checked} contents lines checked", file=sys.stderr)
PY
}
check "$SRCDIR/input/nanjing-day-2026.xml" "$TMP/example.pdf"
check "$SRCDIR/tests/inputs/other-author.xml" "$TMP/other.pdf"
check "$SRCDIR/tests/inputs/pack.xml" "$TMP/pack.pdf"

# internal links: every /Link with a /Dest names a destination that exists
python3 - "$TMP/example.pdf" <<'PY' && pass || fail "internal links"
import subprocess, sys, json
js = json.loads(subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True, text=True).stdout)
objs = js["qpdf"][1] if "qpdf" in js else {}
dests, links = set(), []
for k, v in objs.items():
    val = v.get("value") if isinstance(v, dict) else None
    if isinstance(val, dict):
        if val.get("/Subtype") == "/Link" and "/Dest" in val:
            links.append(val["/Dest"])
        if "/Names" in val and isinstance(val["/Names"], list):
            dests.update(n for n in val["/Names"][::2] if isinstance(n, str))
if not links:
    print("no internal links", file=sys.stderr); sys.exit(1)
missing = [d for d in links if isinstance(d, str) and d not in dests]
if missing:
    print("links to unknown destinations:", missing[:5], file=sys.stderr); sys.exit(1)
print(f"{len(links)} internal links, {len(dests)} destinations", file=sys.stderr)
PY

# page furniture: running heads from string-set, page numbers, :left/:right
pdftotext -f 2 -l 2 "$TMP/example.pdf" "$TMP/p2.txt"
expect_contains "$TMP/p2.txt" "Seite 2 · 第 2 页" "page number in both languages"
expect_contains "$TMP/p2.txt" "Nanjing Day" "running head: string(dossier-title)"
pdftotext -f 1 -l 1 "$TMP/example.pdf" "$TMP/p1.txt"
grep -q "Die Konferenz · 会议概况" "$TMP/p1.txt" && fail "running head on the cover (@page :first has none)" || pass
cat >"$TMP/sides.css" <<CSS
@import "$SRCDIR/styles/handout.css";
@page :left { @bottom-left { content: "L" counter(page) "/" counter(pages); } }
@page :right { @bottom-right { content: "R" counter(page) "/" counter(pages); } }
CSS
"$DOSSIER" -s "$TMP/sides.css" -o "$TMP/sides.pdf" "$SRCDIR/input/nanjing-day-2026.xml" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "sides style"; }
n=$(pdfinfo "$TMP/sides.pdf" | sed -n 's/^Pages: *//p')
pdftotext -f 2 -l 2 "$TMP/sides.pdf" - | grep -q "L2/$n" && pass || fail ":left page 2 has no L2/$n"
pdftotext -f 3 -l 3 "$TMP/sides.pdf" - | grep -q "R3/$n" && pass || fail ":right page 3 has no R3/$n"
pdftotext -f 3 -l 3 "$TMP/sides.pdf" - | grep -q "L3/" && fail ":left box on a right page" || pass

# the pack: each dossier an outline entry with its sections below it
qpdf --json --json-key=outlines "$TMP/pack.pdf" | python3 -c '
import json, sys
o = json.load(sys.stdin)["outlines"]
assert len(o) >= 2, o
assert any(e["kids"] for e in o), "no dossier has its sections nested"
' && pass || fail "pack outline nesting"
finish
