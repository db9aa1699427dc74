#!/bin/sh
# Charts in the PDF: every kind of other-author.xml (bar, column, line,
# donut) is drawn as vectors, never a raster image, and its labels are real
# text in both languages: the donut's shares, scale words on the axes.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/tests/inputs/other-author.xml"
OUT="$TMP/charts.pdf"
"$DOSSIER" -o "$OUT" "$IN" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "render failed"; finish; }

# pdfimages -list prints two header lines; any further line is an image
pdfimages -list "$OUT" >"$TMP/images" 2>&1 || fail "pdfimages failed"
n=$(tail -n +3 "$TMP/images" | grep -c . || true)
[ "$n" -eq 0 ] && pass || fail "the PDF holds $n raster image(s)"

pdftotext "$OUT" "$TMP/plain.txt"
# the donut: shares in German and Chinese forms, legend in both languages
expect_text "$TMP/plain.txt" "37,5 %" "donut share (de)"
expect_text "$TMP/plain.txt" "62,5 %" "donut share (de)"
expect_contains "$TMP/plain.txt" "37.5%" "donut share (zh)"
expect_contains "$TMP/plain.txt" "62.5%" "donut share (zh)"
expect_contains "$TMP/plain.txt" "其他专业" "donut legend (zh)"
expect_text "$TMP/plain.txt" "Übrige Studiengänge" "donut legend (de)"
# the bar chart: scale words on the axis and the labels, both languages
expect_text "$TMP/plain.txt" "30 Mio." "bar label (de)"
# spaced as a figure in running text is (3000 万: a quarter em, read as a space)
expect_text "$TMP/plain.txt" "3000 万" "bar label (zh)"
grep -q "3000万" "$TMP/plain.txt" && fail "a Chinese figure in a chart without the quarter em between digits and 万" || pass
# the column chart: its legend and caption in both languages
expect_text "$TMP/plain.txt" "Austauschteilnehmende aus Shanghai" "column legend (de)"
expect_contains "$TMP/plain.txt" "上海交流学员" "column legend (zh)"
expect_contains "$TMP/plain.txt" "每年交流学员人数" "column caption (zh)"
# the line chart: its categories and caption
expect_text "$TMP/plain.txt" "3. Jahrgang" "line category (de)"
expect_contains "$TMP/plain.txt" "各届满意度" "line caption (zh)"
# the illustrative series says so in each language
expect_text "$TMP/plain.txt" "Illustrative Werte, keine amtlichen Daten." "illustrative note (de)"
expect_contains "$TMP/plain.txt" "示意数据" "illustrative note (zh)"
# a source written with its label is labelled once; one without gets the label
"$DOSSIER" -o "$TMP/source.pdf" "$SRCDIR/tests/inputs/source-label.xml"
pdftotext "$TMP/source.pdf" "$TMP/source.txt"
grep -q "Quelle: Quelle" "$TMP/source.txt" && fail "source label twice (de)" || pass
grep -q "资料来源：数据来源" "$TMP/source.txt" && fail "source label twice (zh)" || pass
expect_contains "$TMP/source.txt" "Quelle: Statistikamt Nord" "source (de)"
expect_contains "$TMP/source.txt" "数据来源：北方统计局" "source (zh)"
finish
