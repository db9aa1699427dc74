#!/bin/sh
# Page images: PNG and SVG from the same display lists as the PDF. Each PNG
# page agrees with poppler's rendering of the PDF page (both at 72 ppi,
# compared at a quarter size so that antialiasing differences do not count
# but a missing paragraph or chart does); SVG is well-formed and page-sized;
# {p}, {0p} and {t} name the files; --pages chooses; bad values are refused.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
status () { s=0; "$@" >"$TMP/out" 2>"$TMP/err" || s=$?; echo "$s"; }
"$DOSSIER" -o "$TMP/doc.pdf" "$IN" && pass || fail "pdf"
n=$(pdfinfo "$TMP/doc.pdf" | sed -n 's/^Pages: *//p')
"$DOSSIER" --ppi 72 -o "$TMP/img-{p}-of-{t}.png" "$IN" && pass || fail "png"
[ "$(ls "$TMP"/img-*-of-"$n".png | wc -l)" -eq "$n" ] && pass || fail "png: not one file a page"
pdftoppm -r 72 -png "$TMP/doc.pdf" "$TMP/ref"
for p in $(seq 1 "$n"); do
  ref=$(ls "$TMP"/ref-*"$p".png | head -1)
  [ "$(identify -format %wx%h "$TMP/img-$p-of-$n.png")" = "$(identify -format %wx%h "$ref")" ] \
    && pass || fail "page $p: PNG and poppler sizes differ"
  convert "$TMP/img-$p-of-$n.png" -resize 25% "$TMP/a.png"
  convert "$ref" -resize 25% "$TMP/b.png"
  rmse=$(compare -metric RMSE "$TMP/a.png" "$TMP/b.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
  python3 -c "import sys; sys.exit(0 if float('$rmse') < 0.035 else 1)" && pass \
    || fail "page $p: PNG differs from the PDF as poppler draws it (RMSE $rmse)"
done
# the tolerance catches a page with a block of text gone
convert "$TMP/img-3-of-$n.png" -fill white -draw "rectangle 50,300 300,500" -resize 25% "$TMP/a.png"
convert "$(ls "$TMP"/ref-*3.png | head -1)" -resize 25% "$TMP/b.png"
rmse=$(compare -metric RMSE "$TMP/a.png" "$TMP/b.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
python3 -c "import sys; sys.exit(0 if float('$rmse') >= 0.035 else 1)" && pass \
  || fail "the comparison does not see a missing block (RMSE $rmse)"

# zero-padded numbers, a chosen set of pages, the default ppi
"$DOSSIER" --pages 2,4-5 -o "$TMP/sel-{0p}.png" "$IN" && pass || fail "--pages"
[ "$(cd "$TMP" && ls sel-*.png | tr '\n' ' ')" = "sel-2.png sel-4.png sel-5.png " ] && pass \
  || fail "--pages 2,4-5: $(cd "$TMP" && ls sel-*.png | tr '\n' ' ')"
[ "$(identify -format %w "$TMP/sel-2.png")" -eq 1191 ] && pass || fail "the default is not 144 ppi"
python3 "$SRCDIR/bench/repeat-input.py" "$IN" 2 >"$TMP/x2.xml"
"$DOSSIER" --pages 3 --ppi 10 -o "$TMP/pad-{0p}.png" "$TMP/x2.xml" && [ -f "$TMP/pad-03.png" ] && pass \
  || fail "{0p} is not padded to the page count's width: $(ls "$TMP" | grep pad)"

# SVG: one page, well-formed, the page's size in pt
"$DOSSIER" --pages 1 -o "$TMP/one.svg" "$IN" && pass || fail "svg"
xmllint --noout "$TMP/one.svg" && pass || fail "svg: not well-formed"
grep -q 'width="595.27[0-9]*pt" height="841.88[0-9]*pt"' "$TMP/one.svg" && pass || fail "svg: not A4 in pt"
grep -c '<use xlink:href="#glyph' "$TMP/one.svg" | python3 -c "import sys; sys.exit(0 if int(sys.stdin.read()) > 200 else 1)" \
  && pass || fail "svg: the page's glyphs are missing"
"$DOSSIER" --format svg --pages 2 -o "$TMP/fmt-{p}" "$IN" && xmllint --noout "$TMP/fmt-2" && pass \
  || fail "--format svg with a name that does not say"
# the default name beside the input
cp "$IN" "$TMP/beside.xml"
"$DOSSIER" --format png --ppi 10 "$TMP/beside.xml" && [ -f "$TMP/beside-1.png" ] && pass \
  || fail "default image names: $(ls "$TMP" | grep beside)"

# refused, with a message saying what would be right, before anything is written
for args in "--pages 0 -o $TMP/x-{p}.png" "--pages 2-1 -o $TMP/x-{p}.png" "--pages a -o $TMP/x-{p}.png" \
            "--pages 2 -o $TMP/x.pdf" "--format tiff -o $TMP/x.tiff" "--format svg -o $TMP/x.png" \
            "--ppi 0.5 -o $TMP/x.png"; do
  # shellcheck disable=SC2086
  [ "$(status "$DOSSIER" $args "$IN")" -eq 64 ] && pass || fail "$args: not 64"
  grep -q -- "--pages\|--format\|--ppi" "$TMP/err" && pass || fail "$args: $(cat "$TMP/err")"
done
[ "$(status "$DOSSIER" -o "$TMP/all.png" "$IN")" -eq 64 ] && pass || fail "many pages to one name: not 64"
grep -q "{p}" "$TMP/err" && pass || fail "many pages to one name: no hint: $(cat "$TMP/err")"
[ "$(status "$DOSSIER" --pages 1,99 -o "$TMP/far-{p}.png" "$IN")" -eq 64 ] && pass || fail "page 99: not 64"
grep -q "no page 99" "$TMP/err" && pass || fail "page 99: $(cat "$TMP/err")"
[ -z "$(ls "$TMP" | grep -E '^(x-|x\.|all|far)')" ] && pass || fail "a refused run left files: $(ls "$TMP" | grep -E '^(x-|x\.|all|far)')"
finish
