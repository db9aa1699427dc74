#!/bin/sh
# The command line: options and exit statuses of architecture.md.
. "$(dirname "$0")/lib.sh"
MIN="$SRCDIR/tests/inputs/minimal.xml"
status () { s=0; "$@" >"$TMP/out" 2>"$TMP/err" || s=$?; echo "$s"; }

[ "$(status "$DOSSIER" --version)" -eq 0 ] && pass || fail "--version"
expect_contains "$TMP/out" "dossier " "--version output"
[ "$(status "$DOSSIER" --help)" -eq 0 ] && pass || fail "--help"
expect_contains "$TMP/out" "--strict" "--help lists options"
[ "$(status "$DOSSIER")" -eq 64 ] && pass || fail "no input: not 64"
[ "$(status "$DOSSIER" --no-such-option x.xml)" -eq 64 ] && pass || fail "bad option: not 64"
[ "$(status "$DOSSIER" "$TMP/missing.xml")" -eq 66 ] && pass || fail "missing input: not 66"
[ "$(status "$DOSSIER" -s "$TMP/missing.css" "$MIN")" -eq 66 ] && pass || fail "missing style: not 66"
[ "$(status "$DOSSIER" -o "$TMP/no/such/dir/x.pdf" "$MIN")" -eq 73 ] && pass || fail "unwritable output: not 73"
[ "$(status "$DOSSIER" -o "$TMP/m.pdf" "$MIN")" -eq 0 ] && pass || { cat "$TMP/err"; fail "minimal input"; }
qpdf --check "$TMP/m.pdf" >/dev/null 2>&1 && pass || fail "minimal PDF fails qpdf --check"

# default output: the input's name with .pdf, beside it
cp "$MIN" "$TMP/copy.xml"
[ "$(status "$DOSSIER" "$TMP/copy.xml")" -eq 0 ] && pass || fail "default output"
[ -s "$TMP/copy.pdf" ] && pass || fail "copy.pdf not written beside the input"

# a bad style: 65, every mistake with its place, no output
printf 'p { colr: red; font-size: big; }\nfoo { color: blue; }\n' >"$TMP/bad.css"
[ "$(status "$DOSSIER" -s "$TMP/bad.css" -o "$TMP/bs.pdf" "$MIN")" -eq 65 ] && pass || fail "bad style: not 65"
grep -q "bad.css:1:[0-9]*: .*colr" "$TMP/err" && pass || { cat "$TMP/err"; fail "unknown property not reported"; }
grep -q "bad.css:1:[0-9]*: .*font-size" "$TMP/err" && pass || fail "bad value not reported"
grep -q "bad.css:2:[0-9]*: " "$TMP/err" && pass || fail "unknown element not reported"
[ ! -e "$TMP/bs.pdf" ] && pass || fail "output written despite a bad style"

# a family the fonts do not have: an error at the place that names it, with
# the nearest family there is, in the same run as the style's other mistakes
# (and then no output)
printf 'p {\n  font-family: "Noto Srif", "No Such Font";\n  colr: red;\n}\n' >"$TMP/fam.css"
[ "$(status "$DOSSIER" -s "$TMP/fam.css" -o "$TMP/fam.pdf" "$MIN")" -eq 65 ] && pass || fail "missing family: not 65"
grep -q "fam.css:2:16: error: font family 'Noto Srif' is not available (did you mean 'Noto Serif'?" "$TMP/err" && pass \
  || { cat "$TMP/err"; fail "missing family: no error with its place and did-you-mean"; }
grep -q "fam.css:2:29: error: font family 'No Such Font' is not available" "$TMP/err" && pass \
  || fail "the second missing family not reported"
grep -q "fam.css:3:[0-9]*: error: unknown property 'colr'" "$TMP/err" && pass \
  || fail "the family errors and the other style errors not in one run"
[ ! -e "$TMP/fam.pdf" ] && pass || fail "output written despite a missing family"

# a keyword misspelt: did you mean, among the property's keywords
printf 'dossier { layout: paralel; }\np { text-align: centre; }\n' >"$TMP/kw.css"
[ "$(status "$DOSSIER" -s "$TMP/kw.css" -o "$TMP/kw.pdf" "$MIN")" -eq 65 ] && pass || fail "bad keyword: not 65"
grep -q "kw.css:1:19: error: invalid value for 'layout': 'paralel' (did you mean 'parallel'?" "$TMP/err" && pass \
  || { cat "$TMP/err"; fail "layout: paralel without did-you-mean"; }
grep -q "kw.css:2:17: error: invalid value for 'text-align': 'centre' (did you mean 'center'?" "$TMP/err" && pass \
  || fail "text-align: centre without did-you-mean"

# --list-fonts: the project's families, and only those fonts.conf names
[ "$(status "$DOSSIER" --list-fonts)" -eq 0 ] && pass || fail "--list-fonts"
for f in "Noto Serif" "Noto Sans" "Noto Serif CJK SC" "Noto Sans CJK SC"; do
  grep -qx "$f" "$TMP/out" && pass || fail "--list-fonts lacks $f"
done
# a font the machine has outside those folders must not be seen
if command -v fc-list >/dev/null; then
  other=$(fc-list -f '%{file}|%{family[0]}\n' | grep -v '/noto/' | head -n 1 | cut -d'|' -f2)
  if [ -n "$other" ]; then
    grep -qx "$other" "$TMP/out" && fail "--list-fonts shows '$other', a font outside fonts.conf" || pass
  fi
fi
finish
