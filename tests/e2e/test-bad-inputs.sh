#!/bin/sh
# Each bad input gives status 65 and a file:line:column message with the
# words tests/bad/EXPECTED names, and leaves an existing output untouched.
. "$(dirname "$0")/lib.sh"
BAD="$SRCDIR/tests/bad"
tab=$(printf '\t')
while IFS="$tab" read -r file line words mode; do
  [ -n "$file" ] || continue
  out="$TMP/$file.pdf"
  echo "an earlier good file" >"$out"
  set -- -o "$out"
  [ "${mode:-}" = strict ] && set -- "$@" --strict
  status=0
  "$DOSSIER" "$@" "$BAD/$file" 2>"$TMP/err" || status=$?
  [ "$status" -eq 65 ] && pass || { cat "$TMP/err"; fail "$file: status $status, not 65"; }
  grep -q "$file:$line:[0-9][0-9]*: " "$TMP/err" && pass \
    || { cat "$TMP/err"; fail "$file: no message at line $line with a column"; }
  for w in $words; do
    grep -qi -- "$w" "$TMP/err" && pass || { cat "$TMP/err"; fail "$file: message lacks '$w'"; }
  done
  [ "$(cat "$out")" = "an earlier good file" ] && pass || fail "$file: the existing output was changed"
  ls -a "$TMP" | grep -q "^\.$file.pdf\." && fail "$file: a temporary file was left" || pass
  if [ "${mode:-}" = strict ]; then
    # without --strict the same file renders, with a warning
    "$DOSSIER" -o "$TMP/lenient.pdf" "$BAD/$file" 2>"$TMP/err" && pass || fail "$file: fails without --strict"
    grep -q "warning" "$TMP/err" && pass || fail "$file: no warning without --strict"
  fi
done <"$BAD/EXPECTED"
finish
