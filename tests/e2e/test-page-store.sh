#!/bin/sh
# The page store (src/layout/store.c) from outside: the pages wait in a
# temporary file that has no name, so $TMPDIR stays empty during a run, after
# it and after a SIGKILL in the middle of one; where no temporary file can be
# made ($TMPDIR gone) they wait in memory and the PDF is the same, byte for
# byte; a batch's workers each have their own store.
. "$(dirname "$0")/lib.sh"
IN="$SRCDIR/input/nanjing-day-2026.xml"
python3 "$SRCDIR/bench/repeat-input.py" "$IN" 30 >"$TMP/long.xml"
mkdir "$TMP/t"

TMPDIR="$TMP/t" "$DOSSIER" -o "$TMP/file.pdf" "$IN" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "render with a store file"; }
[ -z "$(ls -A "$TMP/t")" ] && pass || fail "files left in TMPDIR: $(ls -A "$TMP/t")"
TMPDIR="$TMP/none/such" "$DOSSIER" -o "$TMP/memory.pdf" "$IN" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "render with no TMPDIR"; }
cmp -s "$TMP/file.pdf" "$TMP/memory.pdf" && pass || fail "the PDF differs when the pages wait in memory"
qpdf --check "$TMP/memory.pdf" >/dev/null 2>&1 && pass || fail "qpdf --check"

# killed while laying out or drawing: nothing left behind
TMPDIR="$TMP/t" "$DOSSIER" -o "$TMP/long.pdf" "$TMP/long.xml" 2>/dev/null &
pid=$!
sleep 1
[ -z "$(ls -A "$TMP/t")" ] && pass || fail "a named file in TMPDIR while rendering: $(ls -A "$TMP/t")"
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ -z "$(ls -A "$TMP/t")" ] && pass || fail "files left in TMPDIR after SIGKILL: $(ls -A "$TMP/t")"

# a batch: forked workers, each with its own store, the same PDFs as alone
mkdir "$TMP/b"
python3 "$SRCDIR/bench/repeat-input.py" "$IN" 2 >"$TMP/b/one.xml"
cp "$TMP/long.xml" "$TMP/b/two.xml"
TMPDIR="$TMP/t" "$DOSSIER" -j 2 -o "$TMP/b/" "$TMP/b/one.xml" "$TMP/b/two.xml" 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "batch"; }
for n in one two; do
  TMPDIR="$TMP/t" "$DOSSIER" -o "$TMP/$n.pdf" "$TMP/b/$n.xml" 2>/dev/null
  cmp -s "$TMP/b/$n.pdf" "$TMP/$n.pdf" && pass || fail "the batch worker's $n.pdf differs from one rendered alone"
done
[ -z "$(ls -A "$TMP/t")" ] && pass || fail "files left in TMPDIR after a batch"
finish
