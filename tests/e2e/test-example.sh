#!/bin/sh
# Renders the bundled example and reads the PDF back with qpdf and poppler.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
OUT="$TMP/example.pdf"

"$DOSSIER" -o "$OUT" "$IN" 2>"$TMP/stderr" || { cat "$TMP/stderr"; fail "render exited $?"; finish; }
[ -s "$OUT" ] && pass || fail "no PDF written"

qpdf --check "$OUT" >"$TMP/qpdf" 2>&1 && pass || { cat "$TMP/qpdf"; fail "qpdf --check"; }

pdfinfo "$OUT" >"$TMP/info"
pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
[ "${pages:-0}" -ge 6 ] && pass || fail "only ${pages:-0} pages (at least 6 expected)"
grep -q '^Page size: *595.* x 841.* pts (A4)' "$TMP/info" && pass || fail "pages are not A4"
expect_contains "$TMP/info" "Nanjing Day" "title metadata"
expect_contains "$TMP/info" "南京日" "Chinese title metadata"
expect_contains "$TMP/info" "dossier" "creator"
grep -q '^CreationDate' "$TMP/info" && fail "a creation date without SOURCE_DATE_EPOCH" || pass

# every font embedded (a subset), Chinese in an SC face, never JP
pdffonts "$OUT" >"$TMP/fonts"
tail -n +3 "$TMP/fonts" | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' \
  && pass || { cat "$TMP/fonts"; fail "a font is not embedded"; }
grep -q 'CJKsc\|CJK SC\|CJKSC' "$TMP/fonts" && pass || { cat "$TMP/fonts"; fail "no Chinese SC font"; }
grep -q 'CJKjp\|CJK JP' "$TMP/fonts" && fail "a Japanese CJK face is used" || pass

# text of both languages from several sections, figures formatted per language
pdftotext -layout "$OUT" "$TMP/text.txt"
pdftotext "$OUT" "$TMP/raw.txt"
# no-break spaces (between number and unit) read as plain spaces here
sed 's/\xc2\xa0/ /g' "$TMP/raw.txt" >"$TMP/plain.txt"
tr -d ' \n' <"$TMP/plain.txt" >"$TMP/squeezed.txt"
expect_contains "$TMP/plain.txt" "Stuttgart" "German text"
expect_contains "$TMP/plain.txt" "Thyssenkrupp" "company"
expect_contains "$TMP/plain.txt" "Bürgermeister" "German role"
expect_contains "$TMP/squeezed.txt" "斯图加特" "Chinese text"
expect_contains "$TMP/squeezed.txt" "蒂森克虏伯" "Chinese company name"
expect_contains "$TMP/squeezed.txt" "新能源汽车" "Chinese NEV section"
expect_text "$TMP/plain.txt" "2,22 Mrd. US-Dollar" "German figure"
expect_text "$TMP/plain.txt" "mehr als 730 Mio. US-Dollar" "German qualified figure"
expect_contains "$TMP/squeezed.txt" "22.2亿美元" "Chinese figure"
expect_contains "$TMP/squeezed.txt" "逾7.3亿美元" "Chinese qualified figure"
expect_text "$TMP/plain.txt" "2. März 2026" "German date"
expect_contains "$TMP/squeezed.txt" "2026年3月2日" "Chinese date"
expect_contains "$TMP/plain.txt" "„" "German quotation marks"
grep -q "$(printf '\302\255')" "$TMP/plain.txt" && fail "soft hyphens in the extracted text" || pass

# the same input gives the same bytes
"$DOSSIER" -o "$TMP/again.pdf" "$IN" 2>/dev/null
cmp -s "$OUT" "$TMP/again.pdf" && pass || fail "a second render differs"
# on one processor too, where no second thread loads the glyphs (render/warm.c)
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
  taskset -c 0 "$DOSSIER" -o "$TMP/one.pdf" "$IN" 2>/dev/null
  cmp -s "$OUT" "$TMP/one.pdf" && pass || fail "a render on one processor differs"
fi

# SOURCE_DATE_EPOCH sets the dates, and still the same bytes twice
SOURCE_DATE_EPOCH=1772409600 "$DOSSIER" -o "$TMP/dated.pdf" "$IN" 2>/dev/null
SOURCE_DATE_EPOCH=1772409600 "$DOSSIER" -o "$TMP/dated2.pdf" "$IN" 2>/dev/null
pdfinfo "$TMP/dated.pdf" | grep -q '^CreationDate:.*2026' && pass || fail "SOURCE_DATE_EPOCH not used"
cmp -s "$TMP/dated.pdf" "$TMP/dated2.pdf" && pass || fail "dated renders differ"

# charts are vectors: no raster image in the file
[ "$(pdfimages -list "$OUT" | tail -n +3 | wc -l)" -eq 0 ] && pass || fail "raster images in the PDF"
finish
