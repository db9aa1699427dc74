#!/bin/sh
# Fonts as designers expect: a character none of its text's families has is
# named (U+XXXX, the character, the face it is set from, its place in the
# input), a warning and under --strict an error; Chinese text whose families
# lack a character is set from a Chinese (SC) face, never Noto Sans CJK JP,
# chart labels included. (Missing families and did-you-mean: test-cli.sh.)
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
status () { s=0; "$@" >"$TMP/out" 2>"$TMP/err" || s=$?; echo "$s"; }

# 1. a chess king (U+2654, in Noto Sans Symbols2 only) in a German paragraph
#    set in Noto Serif
sed 's|einen Absatz.|einen Absatz ♔.|' "$SRCDIR/tests/inputs/minimal.xml" >"$TMP/king.xml"
L=$(grep -n '♔' "$TMP/king.xml" | cut -d: -f1)
C=$(python3 -c "import sys; l=open(sys.argv[1], encoding='utf-8').read().split('\n')[int(sys.argv[2]) - 1]; print(l.index('♔') + 1)" "$TMP/king.xml" "$L")
[ "$(status "$DOSSIER" -o "$TMP/king.pdf" "$TMP/king.xml")" -eq 0 ] && pass || { cat "$TMP/err"; fail "a fallback character is not an error without --strict"; }
expect_contains "$TMP/err" "king.xml:$L:$C: warning: the character '♔' (U+2654) is in none of the families named for it (Noto Serif" "the warning with the character and its place"
expect_contains "$TMP/err" "it is set from Noto Sans Symbols2" "the face it is set from"
pdffonts "$TMP/king.pdf" | grep -q "NotoSansSymbols2" && pass || fail "the PDF does not use the face the warning names"
[ "$(status "$DOSSIER" --strict -o "$TMP/king2.pdf" "$TMP/king.xml")" -eq 65 ] && pass || fail "--strict: not 65"
expect_contains "$TMP/err" "king.xml:$L:$C: error (strict): the character '♔' (U+2654)" "the error under --strict"
[ ! -e "$TMP/king2.pdf" ] && pass || fail "--strict wrote the PDF"

# 2. no false alarm: the example names a family for every character it has
[ "$(status "$DOSSIER" -o "$TMP/ex.pdf" "$IN")" -eq 0 ] && pass || fail "the example"
if grep -q "is in none of the families" "$TMP/err"; then cat "$TMP/err"; fail "coverage warnings on the example"; else pass; fi

# 3. Chinese in Latin-only families (text and chart labels): the fallback is
#    a Simplified Chinese face, and the designer is told
cat >"$TMP/latin.css" <<CSS
@import "$SRCDIR/styles/handout.css";
:root, :lang(zh) { --serif: "Noto Serif"; --sans: "Noto Sans"; }
p:lang(zh) { font-family: "Noto Serif"; }
chart, chart * { font-family: "Noto Sans"; }
CSS
[ "$(status "$DOSSIER" -s "$TMP/latin.css" -o "$TMP/latin.pdf" "$IN")" -eq 0 ] && pass || { cat "$TMP/err"; fail "Latin-only families"; }
grep -q "warning: the character '.*' (U+[0-9A-F]*) is in none of the families named for it (Noto Serif).*set from Noto Serif CJK SC" "$TMP/err" \
  && pass || { head -3 "$TMP/err"; fail "no warning for Chinese in Noto Serif"; }
pdffonts "$TMP/latin.pdf" >"$TMP/fonts"
if grep -q "CJKjp\|CJKkr\|CJKtc\|CJKhk" "$TMP/fonts"; then cat "$TMP/fonts"; fail "Chinese set from a Japanese/Korean/traditional face"; else pass; fi
grep -q "CJKsc" "$TMP/fonts" && pass || fail "no SC face in the PDF"

# 4. a character in none of the fonts (U+E000, private use) is an error at
#    its place, once, wherever layout sets it: a tile's label (in <data>),
#    a heading that is also the running head, a contents entry
python3 - "$SRCDIR/tests/layout/tiles-contents.xml" "$TMP/pua.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("<t xml:lang=\"de\">Handelsvolumen</t>", "<t xml:lang=\"de\">Handels\ue000volumen</t>")
s = s.replace("<t xml:lang=\"de\">Strategie und Aktionsplan</t>", "<t xml:lang=\"de\">Strategie \ue001 Aktionsplan</t>")
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
where () {   # line:column of character $1 in $TMP/pua.xml
  python3 -c "import sys; ls=open(sys.argv[1], encoding='utf-8').read().split('\n'); c=chr(int(sys.argv[2], 16)); l=[i for i, x in enumerate(ls) if c in x][0]; print('%d:%d' % (l + 1, ls[l].index(c) + 1))" "$TMP/pua.xml" "$1"
}
[ "$(status "$DOSSIER" -s "$SRCDIR/tests/layout/tiles-contents.css" -o "$TMP/pua.pdf" "$TMP/pua.xml")" -eq 65 ] \
  && pass || { cat "$TMP/err"; fail "a character in no font is not an error"; }
grep -q "pua.xml:$(where e000): error: the character '.*' (U+E000) is in none of the fonts of this style" "$TMP/err" \
  && pass || { cat "$TMP/err"; fail "the tile label's character not reported at its place"; }
grep -q "pua.xml:$(where e001): error: the character '.*' (U+E001) is in none of the fonts of this style" "$TMP/err" \
  && pass || { cat "$TMP/err"; fail "the heading's character not reported at its place"; }
[ "$(grep -c "U+E001" "$TMP/err")" -eq 1 ] && pass || { cat "$TMP/err"; fail "the heading's character reported more than once (heading, contents, running head)"; }
# 5. the same in a chart's own text (its caption, set by the chart stage):
#    an error at its place, not the font's empty box drawn silently
python3 - "$SRCDIR/input/nanjing-day-2026.xml" "$TMP/chart.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("Bilaterales Handelsvolumen 2021", "Bilaterales \ue002Handelsvolumen 2021")
s = s.replace(' style="../styles/handout.css"', "")
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
cpos=$(python3 -c "import sys; ls=open(sys.argv[1], encoding='utf-8').read().split('\n'); l=[i for i, x in enumerate(ls) if '\ue002' in x][0]; print('%d:%d' % (l + 1, ls[l].index('\ue002') + 1))" "$TMP/chart.xml")
[ "$(status "$DOSSIER" -s "$SRCDIR/styles/handout.css" -o "$TMP/chart.pdf" "$TMP/chart.xml")" -eq 65 ] \
  && pass || { cat "$TMP/err"; fail "a chart caption's character in no font is not an error"; }
grep -q "chart.xml:$cpos: error: the character '.*' (U+E002) is in none of the fonts of this style" "$TMP/err" \
  && pass || { cat "$TMP/err"; fail "the chart caption's character not reported at its place ($cpos)"; }
[ ! -e "$TMP/chart.pdf" ] && pass || fail "a PDF was written despite the error"
finish
