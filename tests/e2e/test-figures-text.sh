#!/bin/sh
# Figures in running text read right in every column: a qualified figure
# that opens a sentence starts with a capital, a variant shown in another
# language's column keeps its own number format, and Chinese counts of ten
# thousand and more are written in 万 (typography.md).
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/tests/inputs/figures-text.xml"
"$DOSSIER" "$IN" -o "$TMP/out.pdf" 2>"$TMP/err" && pass || fail "render"
pdftotext "$TMP/out.pdf" "$TMP/out.txt"
expect_text "$TMP/out.txt" "Die Messe war voll. Mehr als 47.000 Gäste kamen." "capital at a sentence's start"
expect_text "$TMP/out.txt" "逾4.7万人次" "a Chinese count in 万"
n=$(tr '\n' ' ' <"$TMP/out.txt" | sed 's/\xc2\xa0/ /g; s/  */ /g' | grep -o "2,22 Mrd. US-Dollar" | wc -l)
[ "$n" -eq 2 ] && pass || fail "the German-only paragraph in both columns with German figures: $n of 2"
if grep -q "亿" "$TMP/out.txt"; then fail "a German text formatted as Chinese"; else pass; fi
expect_contains "$TMP/err" "figures-text.xml:19:5: warning: <p> has no 'zh' variant" "the missing variant's warning"
finish
