#!/bin/sh
# The PDF in Chromium's own viewer (PDFium): it opens the example, reads the
# title from the metadata, the number of pages pdfinfo reads and one
# bookmark per top-level outline entry, and the first page is drawn (the
# screenshot's page area is not blank). cdp-pdf.py drives the browser.
. "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || { echo "chromium missing: scripts/install-deps.sh installs it" >&2; exit 1; }
"$DOSSIER" -o "$TMP/ex.pdf" "$SRCDIR/input/nanjing-day-2026.xml"
python3 "$SRCDIR/tests/e2e/cdp-pdf.py" "$TMP/ex.pdf" "$TMP/shot.png" "$TMP/profile" >"$TMP/viewer.json" \
  || { fail "Chromium's viewer: $(cat "$TMP/viewer.json")"; finish; }
pages=$(pdfinfo "$TMP/ex.pdf" | sed -n 's/^Pages: *//p')
title=$(pdfinfo "$TMP/ex.pdf" | sed -n 's/^Title: *//p')
top=$(qpdf --json --json-key=outlines "$TMP/ex.pdf" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["outlines"]))')
python3 - "$TMP/viewer.json" "$pages" "$title" "$top" <<'PY' && pass || fail "the viewer read: $(cat "$TMP/viewer.json"), pdfinfo: $pages pages, '$title', $top outline entries"
import json, sys
v = json.load(open(sys.argv[1]))
ok = v["pages"] == int(sys.argv[2]) and v["title"] == sys.argv[3] and v["bookmarks"] == int(sys.argv[4])
sys.exit(0 if ok else 1)
PY
# the page area (right of the thumbnails, below the toolbar): dark text on white
dark=$(convert "$TMP/shot.png" -crop 560x560+310+80 -colorspace gray -threshold 50% -format '%[fx:int(w*h*(1-mean))]' info:)
[ "$dark" -gt 500 ] && pass || fail "the first page looks blank in the viewer ($dark dark pixels)"
finish
