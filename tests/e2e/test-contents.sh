#!/bin/sh
# A contents list over several pages (the example ×10 in the briefing style):
# a page never ends on a group's title with its entries overleaf, never
# starts with a group's last entry alone, and an entry's two languages are
# never parted.
. "$(dirname "$0")/lib.sh"
python3 "$SRCDIR/bench/repeat-input.py" "$SRCDIR/input/nanjing-day-2026.xml" 10 >"$TMP/x10.xml"
"$DOSSIER" -s briefing -o "$TMP/x10.pdf" "$TMP/x10.xml" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "render"; }
python3 - "$TMP/x10.pdf" <<'PY' && pass || fail "contents: a group or an entry parted over a page"
import re, subprocess, sys
pdf = sys.argv[1]
han = lambda s: any("\u4e00" <= c <= "\u9fff" for c in s)
def lines_of(p):
    t = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                       capture_output=True, text=True).stdout
    # entries only: a title, then its page number flush right; not the foot
    return [l for l in t.splitlines()
            if re.search(r"\S\s{2,}\d+$", l) and not re.search(r"\d+ / \d+$", l.strip())]
entries, p = [], 1     # (page, level) of each entry, from its German line
while True:
    lines = lines_of(p)
    if not lines:
        break
    de = [l for l in lines if not han(l)]
    zh = [l for l in lines if han(l)]
    assert len(de) == len(zh), f"page {p}: an entry's languages parted: {lines[:1]} {lines[-1:]}"
    left = min(len(l) - len(l.lstrip()) for l in de)
    entries += [(p, 1 if len(l) - len(l.lstrip()) == left else 2) for l in de]
    p += 1
assert p > 3, f"contents on {p - 1} pages: expected several"
for i, (page, level) in enumerate(entries):
    nxt = entries[i + 1] if i + 1 < len(entries) else None
    if level == 1 and nxt and nxt[1] == 2:
        assert nxt[0] == page, f"entry {i}: a group's title on page {page}, its first entry on {nxt[0]}"
    if level == 2 and (not nxt or nxt[1] == 1) and entries[i - 1][1] == 2:
        assert entries[i - 1][0] == page, f"entry {i}: a group's last entry alone on page {page}"
print(len(entries), "entries on", p - 1, "pages")
PY
finish
