#!/bin/sh
# Damaged font files in a --font-dir (tests/hostile/fonts):
#   good/test-serif.ttf  Noto Serif cut with hb-subset to the letters the
#                        input needs, "Noto" in its name table made "Test":
#                        a family no other font has
#   bad/truncated.ttf    its first 4000 of 7668 bytes (the glyf table cut)
#   bad/random.otf       2048 random bytes
#   garbled/garbled.ttf  found by fuzz/fuzz-font.c: a Noto Serif subset with
#                        its name table (65449 records in 520 bytes) and
#                        layout tables overwritten; fontconfig takes it
#                        (family "garbled", from the file name), HarfBuzz's
#                        subsetter refuses it, and cairo 1.16, handed it
#                        whole, read past the end of its name table
# A style naming the cut family is an error naming the file, with no PDF
# written (it would show the paragraph with most of its letters missing),
# and so is one naming the garbled family;
# a file that is no font is passed over by fontconfig, and a family only it
# was to give is the usual error at the style; the whole font is used as it is.
. "$(dirname "$0")/lib.sh"
F="$SRCDIR/tests/hostile/fonts"
cp "$SRCDIR/styles/handout.css" "$SRCDIR/tests/hostile/files/ok.xml" "$TMP/"
printf '@import "handout.css";\np:lang(de) { font-family: "Test Serif"; }\n' >"$TMP/test-serif.css"
printf '@import "handout.css";\np:lang(de) { font-family: "Zufall Serif"; }\n' >"$TMP/zufall.css"
mkdir "$TMP/random"
cp "$F/bad/random.otf" "$TMP/random/"
run () {  # STATUS ARGS...: runs dossier in TMP, standard error in TMP/err
  want=$1; shift
  st=0
  (cd "$TMP" && timeout 60 "$DOSSIER" "$@") 2>"$TMP/err" || st=$?
  [ "$st" -eq "$want" ] && pass || fail "$*: status $st, not $want ($(head -3 "$TMP/err"))"
}
fonts_of () { pdffonts "$1" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//'; }

# the cut font named: an error at the file, the earlier output kept, no temporary file
echo "an earlier good file" >"$TMP/out.pdf"
run 65 --font-dir "$F/bad" -s test-serif.css ok.xml -o out.pdf
expect_contains "$TMP/err" "$F/bad/truncated.ttf: error: the font file is damaged: its table 'glyf' ends at byte 7668, past the end of the file (4000 bytes)" "cut font"
[ "$(cat "$TMP/out.pdf")" = "an earlier good file" ] && pass || fail "the earlier output was replaced"
[ "$(ls -A "$TMP" | grep -c '^\.')" -eq 0 ] && pass || fail "a temporary file was left: $(ls -A "$TMP")"
grep -q "random.otf" "$TMP/err" && fail "random.otf reported: $(cat "$TMP/err")" || pass

# the garbled font: an error at the file, no PDF (not a crash in cairo)
printf '@import "handout.css";\np:lang(de) { font-family: "garbled"; }\n' >"$TMP/garbled.css"
run 65 --font-dir "$F/garbled" -s garbled.css ok.xml -o garbled.pdf
expect_contains "$TMP/err" "$F/garbled/garbled.ttf: the font file is damaged: HarfBuzz cannot cut the glyphs" "garbled font"
[ ! -e "$TMP/garbled.pdf" ] && pass || fail "a PDF was written with the garbled font"

# the whole font: used, embedded, the paragraph reads
run 0 --font-dir "$F/good" -s test-serif.css ok.xml -o good.pdf
[ ! -s "$TMP/err" ] && pass || fail "the whole font gave messages: $(cat "$TMP/err")"
fonts_of "$TMP/good.pdf" | grep -qx "TestSerif-Regular" && pass || fail "TestSerif not embedded: $(fonts_of "$TMP/good.pdf")"
pdftotext "$TMP/good.pdf" "$TMP/good.txt"
expect_text "$TMP/good.txt" "Ein Absatz." "the whole font's text"

# no font at all in the folder: the family named is missing, an error at the style
run 65 --font-dir random -s zufall.css ok.xml -o fallback.pdf
expect_contains "$TMP/err" "zufall.css:2:27: error: font family 'Zufall Serif' is not available" "missing family"
grep -q "random.otf" "$TMP/err" && fail "random.otf reported: $(cat "$TMP/err")" || pass
[ ! -e "$TMP/fallback.pdf" ] && pass || fail "a PDF was written without the family"
finish
