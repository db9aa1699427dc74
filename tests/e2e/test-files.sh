#!/bin/sh
# Files that are no files: a FIFO as the input, as the style an input names,
# as an @import and as a pack include never hangs (each run has 20 s, where
# a blocking read would wait forever); each is an error naming it.
. "$(dirname "$0")/lib.sh"
F="$SRCDIR/tests/hostile/files"
W="$TMP/w"
mkdir -p "$W"
cp "$F/ok.xml" "$W/ok.xml"
mkfifo "$W/fifo.css" "$W/fifo.xml" "$W/imported.css"
sed 's|languages="de"|languages="de" style="fifo.css"|' "$F/ok.xml" >"$W/style-fifo.xml"
printf '@import "imported.css";\n' >"$W/imports-fifo.css"
sed 's|languages="de"|languages="de" style="imports-fifo.css"|' "$F/ok.xml" >"$W/import-fifo.xml"
sed 's|href="adir"|href="fifo.xml"|' "$F/pack-include-dir.xml" >"$W/pack-fifo.xml"
check () {  # STATUS PATTERN ARGS...
  want=$1 pattern=$2; shift 2
  st=0
  (cd "$W" && timeout 20 "$DOSSIER" "$@") 2>"$TMP/err" || st=$?
  [ "$st" -eq "$want" ] && pass || fail "$*: status $st, not $want ($(head -2 "$TMP/err"))"
  grep -Eq -- "$pattern" "$TMP/err" && pass || fail "$*: no /$pattern/ in: $(cat "$TMP/err")"
}
check 66 "fifo.xml: is a FIFO, not an input file" fifo.xml -o out.pdf
check 65 'style-fifo.xml:2:[0-9]+: error: style="fifo.css" is not a regular file' style-fifo.xml -o out.pdf
check 65 "imports-fifo.css:1:1: error: cannot read imported file '.*imported.css': is a FIFO" import-fifo.xml -o out.pdf
check 65 'pack-fifo.xml:4:12: error: include href="fifo.xml" is not a regular file' pack-fifo.xml -o out.pdf
check 65 "fifo.css: error: cannot read style file: is a FIFO" ok.xml -s fifo.css -o out.pdf
[ ! -e "$W/out.pdf" ] && pass || fail "an output was written"
finish
