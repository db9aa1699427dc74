#!/bin/sh
# Links in the PDF: "#id" becomes a GoTo to that section's destination (no
# URI), https stays a URI action; the schemes refused are in tests/hostile/links.
. "$(dirname "$0")/lib.sh"
L="$SRCDIR/tests/hostile/links"
"$DOSSIER" -o "$TMP/internal.pdf" "$L/internal.xml"
qpdf --qdf --object-streams=disable "$TMP/internal.pdf" "$TMP/internal-q.pdf"
# the link annotation's destination, and no URI action at all
python3 - "$TMP/internal-q.pdf" <<'PY' && pass || fail "#ende is not an internal link to de-sec-ende"
import re, sys
pdf = open(sys.argv[1], 'rb').read()
annots = re.findall(rb'/Subtype /Link.*?>>', pdf, re.S) or re.findall(rb'<<[^<>]*/Link[^<>]*>>', pdf)
links = [a for a in re.split(rb'\d+ 0 obj', pdf) if b'/Subtype /Link' in a]
assert links, "no link annotation"
assert all(b'/URI' not in a for a in links), "a URI action"
assert any(b'(de-sec-ende)' in a for a in links), "no destination de-sec-ende"
PY
"$DOSSIER" -o "$TMP/https.pdf" "$L/https.xml"
qpdf --qdf --object-streams=disable "$TMP/https.pdf" "$TMP/https-q.pdf"
grep -aq "/URI (https://example.org/a?b=c&d=e)" "$TMP/https-q.pdf" && pass || fail "https link not a URI action"
finish
