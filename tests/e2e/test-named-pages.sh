#!/bin/sh
# Named pages (CSS Paged Media `page` and `@page NAME`), `break-before:
# right` with the blank page it may take, and `@page :blank`: a section set
# on landscape pages of its own, at their text width, starting on a right
# page, and wrong values pointed out.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
cat >"$TMP/named.css" <<CSS
@import "$SRCDIR/styles/handout.css";
section#economy { page: wide; break-before: right; }
@page wide { size: A4 landscape; @top-right { content: "WIDE"; } }
@page :blank { @top-left { content: none; } @top-right { content: none; }
               @bottom-center { content: "Diese Seite bleibt leer"; } }
@page wide:blank { @top-right { content: none; } }
CSS
"$DOSSIER" --strict -s "$TMP/named.css" -o "$TMP/named.pdf" "$IN" 2>"$TMP/err" && pass \
  || { cat "$TMP/err"; fail "render"; }
qpdf --check "$TMP/named.pdf" >/dev/null && pass || fail "qpdf --check"
python3 - "$TMP/named.pdf" <<'PY' && pass || fail "named pages"
import re, subprocess, sys
pdf = sys.argv[1]
info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True).stdout
sizes = [tuple(float(v) for v in m) for m in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
text = lambda p: subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                                capture_output=True, text=True).stdout
pages = [text(p) for p in range(1, len(sizes) + 1)]
first = next(i for i, t in enumerate(pages) if "Wirtschaft und Investitionen" in t and "Deutschland ist nach wie vor" in t)
assert (first + 1) % 2 == 1, f"economy starts on page {first + 1}, a left page"
blank = pages[first - 1]
if first % 2 == 1:   # the page before would have been a right page: none inserted
    pass
assert "Diese Seite bleibt leer" in blank and "Deutschland" not in blank, blank[:200]
wide = [i for i, (w, h) in enumerate(sizes) if w > h]
assert first in wide and first - 1 in wide, (first, wide)   # the blank page takes the name of the next
assert all("WIDE" in pages[i] for i in wide if i != first - 1), "a wide page without its head"
assert not any("WIDE" in t for i, t in enumerate(pages) if i not in wide), "WIDE on a portrait page"
assert "WIDE" not in blank, "wide:blank does not win over wide"
assert wide == list(range(wide[0], wide[-1] + 1)), wide   # the section and its subsections, in a row
after = pages[wide[-1] + 1]
assert "NEV" in after or "新能源" in after or "Mobilität" in after, after[:200]
# set to the landscape text width: the Chinese column starts right of the portrait page's middle
bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(first + 1), "-l", str(first + 1), pdf, "-"],
                      capture_output=True, text=True).stdout
xs = [float(m) for m in re.findall(r'<word xMin="([\d.]+)"[^>]*>经贸与投资', bbox)]
assert xs and xs[0] > 420, xs
PY
# what a designer may get wrong: each at its place, with what would be right
cat >"$TMP/bad.css" <<CSS
@import "$SRCDIR/styles/handout.css";
@page :blnk { margin: 1cm; }
section { page: 12; }
@page wide narrow { margin: 1cm; }
CSS
s=0; "$DOSSIER" -s "$TMP/bad.css" -o "$TMP/bad.pdf" "$IN" 2>"$TMP/err" || s=$?
[ "$s" -eq 65 ] && pass || fail "bad named pages: not 65"
expect_contains "$TMP/err" "bad.css:2:7: error: unknown page selector ':blnk' (did you mean ':blank'?)" ":blnk"
expect_contains "$TMP/err" "bad.css:3:17: error:" "page: 12"
expect_contains "$TMP/err" "auto, or a page name" "page: 12: what would be right"
expect_contains "$TMP/err" "bad.css:4:12: error: 'narrow' after '@page wide': a rule names one page" "two names"
finish
