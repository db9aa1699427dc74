#!/bin/sh
# The hostile corpus: tests/hostile/CATEGORY/cases.tsv, one case a line,
# tab-separated:
#   FILE  STATUS  PATTERN  [ARGS]
# FILE is the input inside the category's folder ("-" for none); STATUS the
# exit status it must give; PATTERN an extended regular expression that
# standard error must match ("-" for none: then nothing may be printed);
# ARGS extra arguments, where {in} is the input, {out} the output path and
# {dir} the category's folder (default: "{in} -o {out}").
# Every failing case must leave an earlier output untouched and no
# temporary file behind; every passing one must write a PDF qpdf accepts.
# Lines starting with # are comments.
. "$(dirname "$0")/lib.sh"
HOSTILE="$SRCDIR/tests/hostile"
tab=$(printf '\t')
cases=0
for manifest in "$HOSTILE"/*/cases.tsv; do
  [ -f "$manifest" ] || continue
  dir=$(dirname "$manifest")
  cat=$(basename "$dir")
  while IFS="$tab" read -r file status pattern args; do
    case "$file" in ''|'#'*) continue ;; esac
    cases=$((cases + 1))
    name="$cat/$file"
    work="$TMP/run"
    rm -rf "$work"; mkdir -p "$work"
    out="$work/out.pdf"
    echo "an earlier good file" >"$out"
    in="$dir/$file"
    [ -n "${args:-}" ] || args="{in} -o {out}"
    # the arguments as words, placeholders filled in (no spaces in paths here)
    set --
    for a in $args; do
      a=$(printf '%s' "$a" | sed "s|{in}|$in|g; s|{out}|$out|g; s|{dir}|$dir|g")
      set -- "$@" "$a"
    done
    got=0
    (cd "$work" && timeout 60 "$DOSSIER" "$@") >"$TMP/stdout" 2>"$TMP/err" </dev/null || got=$?
    if [ "$got" -ne "$status" ]; then
      sed 's/^/    /' "$TMP/err" | head -20 >&2
      fail "$name: status $got, not $status"
      continue
    fi
    pass
    if [ "$pattern" = "-" ]; then
      [ -s "$TMP/err" ] && { cat "$TMP/err" >&2; fail "$name: printed messages"; } || pass
    else
      grep -Eq -- "$pattern" "$TMP/err" && pass \
        || { sed 's/^/    /' "$TMP/err" | head -20 >&2; fail "$name: no message matching /$pattern/"; }
    fi
    if [ "$status" -ne 0 ]; then
      [ "$(cat "$out")" = "an earlier good file" ] && pass || fail "$name: the earlier output was changed"
    elif head -c 5 "$out" | grep -q '%PDF-'; then
      qpdf --check "$out" >/dev/null 2>&1 && pass || fail "$name: qpdf --check fails"
    fi
    leftover=$(ls -A "$work" | grep -v '^out\.pdf$' || true)
    [ -z "$leftover" ] && pass || fail "$name: left behind: $leftover"
  done <"$manifest"
done
echo "hostile: $cases cases"
finish
