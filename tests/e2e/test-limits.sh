#!/bin/sh
# Input limits (docs/limits.md, "Input limits") on inputs too big to keep
# in the repository, made here: a 100,000-letter word, 10,000 nested
# elements, files over --max-input-mb (the default one sparse, so nothing
# big is written). Each must be refused quickly, with the limit, the value
# and the option in the message, and leave an earlier output untouched.
. "$(dirname "$0")/lib.sh"

# doc BODY: a one-section dossier around BODY
doc () {
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<dossier version="1" languages="de">\n'
  printf '<meta><title><t xml:lang="de">Grenzen</t></title><date when="2026-01-15"/></meta>\n'
  printf '<section id="s">\n%s\n</section>\n</dossier>\n' "$1"
}

# refuse NAME SECONDS PATTERN ARGS...: status 65 within SECONDS, the
# message matching PATTERN, the earlier output untouched
refuse () {
  name=$1 secs=$2 pattern=$3
  shift 3
  echo "earlier" >"$TMP/out.pdf"
  start=$(date +%s)
  got=0
  timeout 60 "$DOSSIER" "$@" -o "$TMP/out.pdf" 2>"$TMP/err" || got=$?
  took=$(( $(date +%s) - start ))
  [ "$got" -eq 65 ] && pass || { cat "$TMP/err" >&2; fail "$name: status $got, not 65"; }
  grep -Eq -- "$pattern" "$TMP/err" && pass || { cat "$TMP/err" >&2; fail "$name: no /$pattern/"; }
  # a hang guard, not a timing assertion: the times are the benchmark's
  [ "$took" -le $((secs * 10 + 30)) ] && pass || fail "$name: took $took s: hung?"
  [ "$(cat "$TMP/out.pdf")" = "earlier" ] && pass || fail "$name: the earlier output changed"
}

word=$(head -c 100000 /dev/zero | tr '\0' 'a')
doc "<p><t xml:lang=\"de\">$word</t></p>" >"$TMP/word.xml"
refuse "100,000-letter word" 5 \
  'word\.xml:5:4: error: <t> holds a word of more than 1000 characters .*--max-word N raises it' \
  "$TMP/word.xml"
refuse "100,000-letter word, --max-word 50000" 5 \
  'more than 50000 characters.*the limit is 50000' "$TMP/word.xml" --max-word 50000

open=$(printf '<em>%.0s' $(seq 10000))
close=$(printf '</em>%.0s' $(seq 10000))
doc "<p><t xml:lang=\"de\">${open}x${close}</t></p>" >"$TMP/deep.xml"
refuse "10,000 nested elements" 5 \
  'deep\.xml:5:[0-9]+: error: elements are nested more than 256 deep here, more than the limit of 48' \
  "$TMP/deep.xml"

# 1.5 MB, nearly all of it a comment: cheap to read once allowed
{ doc "<p><t xml:lang=\"de\">klein</t></p>"; printf '<!-- '; head -c 1572864 /dev/zero | tr '\0' 'x'; printf ' -->\n'; } >"$TMP/big.xml"
refuse "1.5 MB over --max-input-mb 1" 5 \
  'big\.xml: error: the file is 1\.5 MB, more than the limit of 1 MB for an input \(--max-input-mb N raises it\)' \
  "$TMP/big.xml" --max-input-mb 1
"$DOSSIER" "$TMP/big.xml" -o "$TMP/big.pdf" --max-input-mb 2 2>"$TMP/err" && pass \
  || { cat "$TMP/err" >&2; fail "1.5 MB under --max-input-mb 2 is refused"; }

# over the default of 10 MB: a sparse file, refused before it is read
cp "$TMP/big.xml" "$TMP/huge.xml"
truncate -s 11M "$TMP/huge.xml"
refuse "11 MB over the default" 5 \
  'huge\.xml: error: the file is 11\.0 MB, more than the limit of 10 MB .*--max-input-mb' \
  "$TMP/huge.xml"

# a pack's include is held to the same limit
cp "$TMP/big.xml" "$TMP/inc.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<pack version="1" languages="de"><title><t xml:lang="de">P</t></title><include href="inc.xml"/></pack>\n' >"$TMP/pack.xml"
refuse "a pack's include over --max-input-mb 1" 5 \
  'inc\.xml: error: the file is 1\.5 MB, more than the limit of 1 MB' "$TMP/pack.xml" --max-input-mb 1

# --max-pages stops the layout early: 2 MB of paragraphs (about 570 pages,
# several seconds in full) refused at 5 pages within a second or two
para='<p><t xml:lang="de">Die Handelsförderungskonferenz wurde in Stuttgart erfolgreich ausgerichtet, und viele Unternehmen nahmen teil.</t></p>'
doc "$(yes "$para" | head -n 16000)" >"$TMP/long.xml"
refuse "570 pages over --max-pages 5" 3 \
  'long\.xml: error: the PDF would have more than 5 pages, the limit \(--max-pages N raises it\)' \
  "$TMP/long.xml" --max-pages 5

finish
