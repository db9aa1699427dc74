#!/bin/sh
# --explain SELECTOR: each property's computed value and where it came from.
# The issue's own case first: a designer changes --serif on :root and the
# German paragraphs stay in Noto Serif, because p:lang(de) names the family
# itself; --explain must show that declaration winning, with its place, and
# the var(--serif) one it overrode. Places are found in the style here, not
# written into the test.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
HANDOUT="$SRCDIR/styles/handout.css"
status () { s=0; "$@" >"$TMP/out" 2>"$TMP/err" || s=$?; echo "$s"; }
# line_of FILE TEXT: the first line holding TEXT; col_of FILE LINE TEXT: its column
line_of () { grep -nF -- "$2" "$1" | head -1 | cut -d: -f1; }
col_of () { awk -v n="$2" -v t="$3" 'NR == n { print index($0, t) }' "$1"; }

# 1. the issue: :root { --serif: sans } in a style importing the handout
printf '@import "%s";\n:root { --serif: "Noto Sans", "Noto Sans CJK SC"; }\n' "$HANDOUT" >"$TMP/sans.css"
[ "$(status "$DOSSIER" -s "$TMP/sans.css" -o "$TMP/none.pdf" --explain 'section > p:lang(de)' "$IN")" -eq 0 ] \
  && pass || { cat "$TMP/err"; fail "--explain on the example"; }
[ ! -e "$TMP/none.pdf" ] && pass || fail "--explain wrote a PDF"
L=$(line_of "$HANDOUT" 'p:lang(de) { font-family:')
C=$(col_of "$HANDOUT" "$L" '"Noto Serif"')
sed -n '/^  font-family:/,/^  font-size:/p' "$TMP/out" | head -4 >"$TMP/ff"
expect_contains "$TMP/ff" "font-family: Noto Serif, Noto Serif CJK SC" "the computed family"
expect_contains "$TMP/ff" "from      p:lang(de) (0,1,1) at $HANDOUT:$L:$C:" "p:lang(de) winning at its line:column"
LV=$(grep -nF '  font-family: var(--serif);' "$HANDOUT" | sed -n 2p | cut -d: -f1)
CV=$(col_of "$HANDOUT" "$LV" 'var(--serif)')
expect_contains "$TMP/ff" "overrides p (0,0,1) at $HANDOUT:$LV:$CV: var(--serif)" "the overridden var(--serif) declaration"
head -1 "$TMP/out" | grep -q "elements match; the first 3:" && pass || fail "the count line"
grep -q "^… and [0-9]* more element" "$TMP/out" && pass || fail "the rest counted"

# 2. var(), inheritance and initial values on a small style of our own
cat >"$TMP/t.css" <<'CSS'
:root { --serif: "Noto Sans"; --ink: #123456; }
dossier { widows: 3; }
p { font-family: var(--serif); color: var(--ink); }
p:lang(de) { font-family: "Noto Serif"; }
CSS
[ "$(status "$DOSSIER" -s "$TMP/t.css" --explain 'p:lang(de)' "$IN")" -eq 0 ] && pass || { cat "$TMP/err"; fail "--explain t.css"; }
T="$TMP/t.css"
expect_contains "$TMP/out" "var(--ink) from :root ($T:1:$(col_of "$T" 1 '#123456')): #123456" "var() from :root"
expect_contains "$TMP/out" "from      p (0,0,1) at $T:3:$(col_of "$T" 3 'var(--ink)'): var(--ink)" "the declaration using var()"
expect_contains "$TMP/out" "inherited from dossier:lang(de) ($T:2:$(col_of "$T" 2 '3;')): dossier (0,0,1) { widows: 3 }" "inherited from the root"
expect_contains "$TMP/out" "text-indent: 0pt  (initial)" "an initial value"
expect_contains "$TMP/out" "display: block  (initial)" "a non-inherited initial value"
# the renderer agrees: the German paragraphs are set in Noto Serif
"$DOSSIER" -s "$TMP/t.css" -o "$TMP/t.pdf" "$IN" 2>/dev/null
pdffonts "$TMP/t.pdf" | grep -q "NotoSerif-" && pass || fail "p:lang(de) not in Noto Serif in the PDF"

# 3. JSON for tools: parses, and says the same
[ "$(status "$DOSSIER" -s "$TMP/t.css" --explain 'p:lang(de)' --format json "$IN")" -eq 0 ] && pass || fail "--format json"
python3 - "$TMP/out" "$T" <<'PY' && pass || fail "the JSON answer"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["matched"] >= 1 and len(d["elements"]) == min(3, d["matched"]), d["matched"]
assert d["more"] == d["matched"] - len(d["elements"])
props = {p["property"]: p for p in d["elements"][0]["properties"]}
ff = props["font-family"]
assert ff["from"] == "declared" and ff["value"] == "Noto Serif", ff
assert ff["declaration"]["file"] == sys.argv[2] and ff["declaration"]["line"] == 4
assert ff["declaration"]["specificity"] == [0, 1, 1]
assert [o["selector"] for o in ff["overridden"]] == ["p"], ff["overridden"]
col = props["color"]
assert col["var"]["name"] == "--ink" and col["var"]["declaration"]["selector"] == ":root", col
assert props["widows"]["from"] == "inherited" and props["widows"]["value"] == "3"
assert props["text-indent"]["from"] == "initial" and "declaration" not in props["text-indent"]
PY

# 4. @page :first
[ "$(status "$DOSSIER" --explain '@page :first' "$IN")" -eq 0 ] && pass || fail "--explain @page :first"
expect_contains "$TMP/out" "@page :first" "the page query's heading"
grep -q "^  size: " "$TMP/out" && pass || fail "@page: size explained"

# 5. mistakes: a bad selector at its column; --format json is --explain's only
[ "$(status "$DOSSIER" --explain 'section >> p' "$IN")" -eq 64 ] && pass || fail "a bad selector: not 64"
expect_contains "$TMP/err" "--explain:1:10: error: unexpected '>'" "the bad selector's column"
[ "$(status "$DOSSIER" --explain 'sectoin p' "$IN")" -eq 64 ] && pass || fail "an unknown element: not 64"
expect_contains "$TMP/err" "did you mean 'section'?" "did you mean for the selector"
[ "$(status "$DOSSIER" --format json -o "$TMP/j.pdf" "$IN")" -eq 64 ] && pass || fail "--format json without --explain: not 64"
[ "$(status "$DOSSIER" --explain p --format png "$IN")" -eq 64 ] && pass || fail "--explain --format png: not 64"
finish
