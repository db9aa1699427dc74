#!/bin/sh
# Print production: @page bleed and marks. The boxes read back with qpdf
# (TrimBox the A4 page, BleedBox 3 mm past it, MediaBox room for the marks
# too); pdftoppm shows the cover colour running into the bleed and no
# further, crop marks and crosses outside the bleed, nothing drawn between
# bleed and trim on a page without a background; no boxes without a bleed;
# bad values are errors at their place.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
style () {  # NAME DECLARATIONS…: a style importing the handout with more @page rules
  f="$TMP/$1.css"; shift
  printf '@import "%s";\n' "$SRCDIR/styles/handout.css" >"$f"
  printf '%s\n' "$@" >>"$f"
}
style print '@page { bleed: 3mm; marks: crop cross; }' '@page :first { background-color: #1d3557; }'
style bleedonly '@page { bleed: 3mm }'
style none '@page { bleed: 0; marks: none }'
for s in print bleedonly none; do
  "$DOSSIER" -s "$TMP/$s.css" -o "$TMP/$s.pdf" "$IN" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "$s: render"; }
  qpdf --check "$TMP/$s.pdf" >/dev/null 2>&1 && pass || fail "$s: qpdf --check"
  pdfinfo "$TMP/$s.pdf" | grep -q '^Tagged: *yes' && pass || fail "$s: not tagged"
  qpdf --json "$TMP/$s.pdf" >"$TMP/$s.json"
done
"$DOSSIER" -o "$TMP/plain.pdf" "$IN" && qpdf --json "$TMP/plain.pdf" >"$TMP/plain.json"

# the boxes of every page: (name, trim inset, bleed) in pt
python3 - "$TMP" <<'PY' && pass || fail "page boxes"
import json, sys
t = sys.argv[1]
A4 = (595.2756, 841.8898)
mm = 72 / 25.4
def pages(name):
    objs = json.load(open(f"{t}/{name}.json"))["qpdf"][1]
    return [o["value"] for o in objs.values()
            if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Page"]
def near(a, b):
    return all(abs(x - y) < 0.01 for x, y in zip(a, b))
for name, inset, bleed in (("print", 3 * mm + 18, 3 * mm), ("bleedonly", 3 * mm, 3 * mm)):
    ps = pages(name)
    assert len(ps) >= 6, (name, len(ps))
    for p in ps:
        m, tr, bl = p["/MediaBox"], p["/TrimBox"], p["/BleedBox"]
        assert near(m, (0, 0, A4[0] + 2 * inset, A4[1] + 2 * inset)), (name, m)
        assert near(tr, (inset, inset, m[2] - inset, m[3] - inset)), (name, tr)
        assert near((tr[2] - tr[0], tr[3] - tr[1]), A4), (name, tr)   # the trim is the page
        assert near(bl, (tr[0] - bleed, tr[1] - bleed, tr[2] + bleed, tr[3] + bleed)), (name, bl)
for name in ("plain", "none"):
    for p in pages(name):
        assert "/TrimBox" not in p and "/BleedBox" not in p, (name, p)
        assert near(p["/MediaBox"], (0, 0) + A4), (name, p["/MediaBox"])
PY

# what the pages show, at 144 dpi (2 px a pt)
pdftoppm -r 144 -gray -f 1 -l 2 "$TMP/print.pdf" "$TMP/pp"
python3 - "$TMP"/pp-1.pgm "$TMP"/pp-2.pgm <<'PY' && pass || fail "marks and bleed as drawn"
import sys
def pgm(path):
    b = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:
        while b[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not b[end:end + 1].isspace():
            end += 1
        parts.append(b[pos:end]); pos = end
    w, h = int(parts[1]), int(parts[2])
    return w, h, b[pos + 1:]
def band(img, a, b):  # pixels between a and b pt from the sheet's edge, all round
    w, h, px = img
    a, b = int(a * 2), int(b * 2)
    out = []
    for y in range(h):
        for x in range(w):
            d = min(x, y, w - 1 - x, h - 1 - y)
            if a <= d < b:
                out.append(px[y * w + x])
    return out
mm = 72 / 25.4
bleed, inset = 3 * mm, 3 * mm + 18
cover, page2 = pgm(sys.argv[1]), pgm(sys.argv[2])
# the cover colour fills the bleed up to its edge and stops there
ring = band(cover, inset - bleed + 0.5, inset + 2)
assert max(ring) < 100, f"the cover colour does not fill the bleed ({max(ring)})"
corner = [cover[2][y * cover[0] + x] for y in range(2, 8) for x in range(2, 8)]
assert min(corner) > 250, "colour past the bleed"
# marks outside the bleed: dark pixels on each of the four sides
for img in (cover, page2):
    w, h, px = img
    edge = int((inset - bleed) * 2)
    sides = {
        "top": [px[y * w + x] for y in range(0, edge) for x in range(w)],
        "bottom": [px[y * w + x] for y in range(h - edge, h) for x in range(w)],
        "left": [px[y * w + x] for y in range(h) for x in range(0, edge)],
        "right": [px[y * w + x] for y in range(h) for x in range(w - edge, w)],
    }
    for side, vals in sides.items():
        assert sum(v < 200 for v in vals) > 20, f"no marks on the {side}"
# a page without background: nothing between the marks and the trim
gap = band(page2, inset - bleed + 0.5, inset - 0.5)
assert min(gap) > 250, f"something drawn in the bleed of page 2 ({min(gap)})"
PY
pdftotext "$TMP/print.pdf" - | grep -q "Nanjing" && pass || fail "text lost"

# bad values: an error at the value, status 65
bad () {  # DECLARATION COLUMN TEXT
  printf '@page {\n  %s;\n}\n' "$1" >"$TMP/bad.css"
  st=0; "$DOSSIER" -s "$TMP/bad.css" -o "$TMP/bad.pdf" "$IN" 2>"$TMP/err" || st=$?
  [ "$st" -eq 65 ] && pass || fail "$1: status $st"
  grep -qF "bad.css:2:$2: error: $3" "$TMP/err" && pass || fail "$1: $(cat "$TMP/err")"
}
bad "bleed: -1mm" 10 "invalid value for 'bleed': '-1mm' (expected auto or a length of 0 to 72pt"
bad "bleed: 2in" 10 "invalid value for 'bleed': '2in'"
bad "bleed: 5%" 10 "invalid value for 'bleed': '5%'"
bad "marks: crop crop" 15 "invalid value for 'marks': 'crop crop' (expected none, crop, cross, or crop cross)"
bad "marks: trim" 10 "invalid value for 'marks': 'trim'"
bad "marks: none crop" 10 "invalid value for 'marks'"
printf 'p { bleed: 3mm }\n' >"$TMP/rule.css"
"$DOSSIER" -s "$TMP/rule.css" -o "$TMP/rule.pdf" "$IN" 2>"$TMP/err" || true
grep -qF "rule.css:1:5: warning: property 'bleed' does not apply in element rules" "$TMP/err" \
  && pass || fail "bleed in a rule: $(cat "$TMP/err")"
finish
