# Shared by the end-to-end tests: set -e, a scratch folder, and checks that
# say what failed. DOSSIER, SRCDIR and BUILDDIR come from ctest.
set -eu
: "${DOSSIER:?}" "${SRCDIR:?}"
# Under LeakSanitizer, leaks suppressed in the libraries (tests/lsan.supp)
# would be listed on stderr at exit; tests that expect a quiet run must not
# see that list.
if [ -n "${LSAN_OPTIONS:-}" ]; then
  export LSAN_OPTIONS="$LSAN_OPTIONS:print_suppressions=0"
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
passes=0

pass () { passes=$((passes + 1)); }
fail () { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_contains FILE TEXT WHAT
expect_contains () {
  if grep -qF -- "$2" "$1"; then pass; else fail "$3: '$2' not found in $1"; fi
}

# expect_text FILE TEXT WHAT: TEXT in the extracted text, ignoring white
# space, no-break spaces and hyphens (a line may end at "US-|Dollar", and
# pdftotext joins such lines without the hyphen)
expect_text () {
  squeeze='s/\xc2\xa0//g; s/[[:space:]-]//g'
  if tr '\n' ' ' <"$1" | sed "$squeeze" | grep -qF -- "$(printf '%s' "$2" | sed "$squeeze")"; then
    pass
  else
    fail "$3: '$2' not found in $1"
  fi
}

finish () {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
