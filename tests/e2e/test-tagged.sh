#!/bin/sh
# The tagged PDF: a structure tree in reading order, read back with qpdf's
# JSON: the document's /Lang, /Lang on every element in the other language,
# figures with their caption as /Alt, the element kinds of the content.
. "$(dirname "$0")/lib.sh"
for input in "$SRCDIR/input/nanjing-day-2026.xml" "$SRCDIR/tests/inputs/other-author.xml"; do
  name=$(basename "$input" .xml)
  "$DOSSIER" -o "$TMP/$name.pdf" "$input" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "$name: render"; continue; }
  qpdf --check "$TMP/$name.pdf" >/dev/null 2>&1 && pass || fail "$name: qpdf --check"
  pdfinfo "$TMP/$name.pdf" | grep -q '^Tagged: *yes' && pass || fail "$name: not tagged"
  qpdf --json "$TMP/$name.pdf" >"$TMP/$name.json"
  python3 - "$TMP/$name.json" "$name" <<'PY' && pass || fail "$name: structure tree"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
get = lambda ref: objs.get("obj:" + ref, {}).get("value")
root = next(v["value"] for v in objs.values()
            if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
assert root.get("/Lang") == "u:de", root.get("/Lang")
elems = []
def walk(ref, depth):
    e = get(ref)
    if not isinstance(e, dict) or "/S" not in e:
        return
    elems.append((depth, e["/S"], e.get("/Lang"), e.get("/Alt")))
    kids = e.get("/K")
    for k in kids if isinstance(kids, list) else [kids]:
        if isinstance(k, str) and k.endswith(" R"):
            walk(k, depth + 1)
tree = get(root["/StructTreeRoot"])
top = tree["/K"]
for t in top if isinstance(top, list) else [top]:
    walk(t, 0)
kinds = {s for _, s, _, _ in elems}
need = {"/Document", "/Sect", "/H1", "/P", "/Figure", "/Quote", "/TOC", "/TOCI"}
if sys.argv[2] == "other-author":
    need |= {"/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/H2", "/H3"}
missing = need - kinds
assert not missing, f"missing kinds {missing}"
assert elems[0][1] == "/Document" and elems[0][0] == 0
zh = [e for e in elems if e[2] == "u:zh"]
assert len(zh) > 10, "few Chinese elements"
assert all(e[2] in (None, "u:zh") for e in elems), "an unexpected /Lang"
figs = [e for e in elems if e[1] == "/Figure"]
assert figs and all(e[3] and len(e[3]) > 4 for e in figs), f"a figure without /Alt: {figs}"
# reading order: each German heading is followed by its Chinese translation
heads = [e for e in elems if e[1] in ("/H1", "/H2", "/H3")]
for a, b in zip(heads[0::2], heads[1::2]):
    assert a[2] is None and b[2] == "u:zh", (a, b)
print(f"{len(elems)} elements, {len(zh)} in Chinese, {len(figs)} figures", file=sys.stderr)
PY
done
# one revision: cairo's dictionaries (with /Lang and /Alt) in compressed
# object streams, an xref stream; mutool reads it without repairing anything
f="$TMP/nanjing-day-2026.pdf"
[ "$(grep -ac '%%EOF' "$f")" -eq 1 ] && pass || fail "not one revision"
grep -aq '/Type /XRef' "$f" && grep -aq '/Type /ObjStm' "$f" && pass || fail "no object streams"
grep -aq '/Type /StructElem' "$f" && fail "uncompressed structure elements" || pass
mutool draw -F txt -o /dev/null "$f" >/dev/null 2>"$TMP/mutool" || fail "mutool cannot draw it"
grep -qi "repair\|error" "$TMP/mutool" && fail "mutool: $(cat "$TMP/mutool")" || pass
# still the same bytes twice
"$DOSSIER" -o "$TMP/again.pdf" "$SRCDIR/input/nanjing-day-2026.xml" 2>/dev/null
cmp -s "$TMP/again.pdf" "$TMP/nanjing-day-2026.pdf" && pass || fail "tagged output differs between runs"
finish
