#!/bin/sh
# Installed like a tool: `cmake --install` into a scratch prefix, then the
# installed binary run from an unrelated folder renders a copy of the
# example, finds the built-in styles by name, never opens anything in the
# source or build tree (strace), reports its versions; --serve runs the
# installed preview server (libexec), which dossier itself does not link;
# the man page renders and names every option of --help.
. "$(dirname "$0")/lib.sh"
: "${BUILDDIR:?}"
P="$TMP/p"
cmake --install "$BUILDDIR" --prefix "$P" >"$TMP/install.log" 2>&1 \
  && pass || { cat "$TMP/install.log"; fail "cmake --install"; finish; }
D="$P/bin/dossier"
for f in bin/dossier libexec/dossier/dossier-serve share/dossier/styles/handout.css share/dossier/styles/briefing.css \
         share/dossier/fonts/fonts.conf share/dossier/examples/nanjing-day-2026.xml \
         share/man/man1/dossier.1; do
  [ -e "$P/$f" ] && pass || fail "not installed: $f"
done

# an unrelated folder, a copy of the example (its style="handout" is a name)
W="$TMP/work"
mkdir "$W"
cp "$P/share/dossier/examples/nanjing-day-2026.xml" "$W/event.xml"
(cd "$W" && "$D" event.xml) 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "installed run"; }
[ -s "$W/event.pdf" ] && qpdf --check "$W/event.pdf" >/dev/null 2>&1 && pass || fail "no good PDF"
pdfinfo "$W/event.pdf" | grep -q 'Page size: *595.* x 841' && pass || fail "handout is not A4"
(cd "$W" && "$D" -s briefing -o brief.pdf event.xml) 2>"$TMP/err" && pass || { cat "$TMP/err"; fail "-s briefing"; }
pdfinfo "$W/brief.pdf" 2>/dev/null | grep -q 'Page size: *419.* x 595' && pass || fail "-s briefing is not A5"
# the same bytes as the build tree's binary
SOURCE_DATE_EPOCH=0 "$DOSSIER" -o "$TMP/tree.pdf" "$W/event.xml" 2>/dev/null
(cd "$W" && SOURCE_DATE_EPOCH=0 "$D" -o inst.pdf event.xml) 2>/dev/null
cmp -s "$TMP/tree.pdf" "$W/inst.pdf" && pass || fail "installed and build-tree output differ"
# an unknown name: 66, naming the value and the built-in styles
set +e
(cd "$W" && "$D" -s nosuch event.xml) 2>"$TMP/err"; st=$?
set -e
[ "$st" -eq 66 ] && pass || fail "unknown style name: status $st, not 66"
grep -q "'nosuch' is no built-in style (built-in: briefing, handout" "$TMP/err" && pass \
  || { cat "$TMP/err"; fail "unknown style name: message"; }

# DOSSIER_DATADIR overrides the folder beside the binary
cp -r "$P/share/dossier" "$TMP/other"
printf 'body { font-size: 30pt }\n' >>"$TMP/other/styles/handout.css"
(cd "$W" && DOSSIER_DATADIR="$TMP/other" "$D" --version) | grep -qx "data $TMP/other" && pass \
  || fail "DOSSIER_DATADIR not used"

# the source tree is never opened (build dir included when it is inside)
src=$(cd "$SRCDIR" && pwd -P)
bld=$(cd "$BUILDDIR" && pwd -P)
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  # LeakSanitizer cannot run under ptrace: off for this one run (a sanitizer build)
  (cd "$W" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
     strace -f -qq -e trace=%file -o "$TMP/trace" "$D" -s briefing -o t.pdf event.xml) 2>/dev/null \
    && pass || fail "run under strace"
  grep -q 'openat(.*styles/briefing.css' "$TMP/trace" && pass || fail "strace saw no style opened"
  if grep -F -e "\"$src/" -e "\"$bld/" "$TMP/trace" >"$TMP/hits"; then
    head -5 "$TMP/hits"; fail "the installed binary touched the source or build tree"
  else pass; fi
else
  echo "skip: strace missing or not permitted"
fi

# --version: ours from CMakeLists.txt, the libraries', the data folder
"$D" --version >"$TMP/version"
want=$(sed -n 's/^project(dossier VERSION \([0-9.]*\).*/\1/p' "$SRCDIR/CMakeLists.txt")
[ "$(head -1 "$TMP/version")" = "dossier $want" ] && pass || fail "first line: $(head -1 "$TMP/version")"
for lib in glib:glib-2.0 cairo:cairo pango:pango harfbuzz:harfbuzz fontconfig:fontconfig \
           libxml2:libxml-2.0; do
  name=${lib%%:*}
  got=$(sed -n "s/^  $name //p" "$TMP/version")
  case "$got" in [0-9]*.[0-9]*) pass ;; *) fail "--version: no $name line" ;; esac
  if command -v pkg-config >/dev/null; then
    exp=$(pkg-config --modversion "${lib#*:}")
    [ "$got" = "$exp" ] && pass || fail "--version: $name $got, pkg-config says $exp"
  fi
done
grep -qx "data $P/share/dossier" "$TMP/version" && pass || fail "--version: data folder"

# --serve: the installed binary runs the installed server (its own
# program, so that dossier starts without libsoup and what that loads)
if command -v ldd >/dev/null; then
  ldd "$D" | grep -q libsoup && fail "dossier links libsoup" || pass
  ldd "$P/libexec/dossier/dossier-serve" | grep -q libsoup && pass || fail "dossier-serve without libsoup?"
fi
(cd "$W" && exec "$D" --serve --port 0 -o served.pdf event.xml) 2>"$TMP/serve.log" &
spid=$!
i=0
while ! grep -q "watching" "$TMP/serve.log" && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
url=$(sed -n 's/^dossier: serving the preview at //p' "$TMP/serve.log" | head -1)
if command -v curl >/dev/null && [ -n "$url" ]; then
  curl -s "${url}state" | grep -q '"ok":true' && pass || fail "installed --serve: no good state"
fi
[ -s "$W/served.pdf" ] && pass || { cat "$TMP/serve.log"; fail "installed --serve rendered nothing"; }
kill "$spid" 2>/dev/null || true
set +e
wait "$spid"; st=$?
set -e
[ "$st" -eq 143 ] && pass || fail "installed --serve: SIGTERM gave status $st, not 143"
# a binary without its server says so: 70, naming where it looked
mkdir "$TMP/lone"
cp "$D" "$TMP/lone/dossier"
set +e
(cd "$W" && "$TMP/lone/dossier" --serve event.xml) 2>"$TMP/err"; st=$?
set -e
[ "$st" -eq 70 ] && pass || fail "--serve without dossier-serve: status $st, not 70"
grep -q "preview server (dossier-serve) is not installed: looked for $TMP/lone/dossier-serve" \
  "$TMP/err" && pass || { cat "$TMP/err"; fail "--serve without dossier-serve: message"; }

# --help: INPUT.xml… on the usage line (one or several)
"$D" --help >"$TMP/help"
grep -qx '  dossier \[OPTION…\] INPUT.xml…' "$TMP/help" && pass || { head -3 "$TMP/help"; fail "usage line"; }

# the man page: renders, carries the version, every option and exit status of --help
MAN="$SRCDIR/docs/dossier.1"
grep -q "^\.TH DOSSIER 1 .*\"dossier $want\"" "$MAN" && pass || fail "man page: version is not $want"
if command -v man >/dev/null; then
  MANWIDTH=200 man -l "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err" && [ -s "$TMP/man.txt" ] \
    && pass || { cat "$TMP/man.err"; fail "man -l"; }
  MANWIDTH=200 man -l "$P/share/man/man1/dossier.1" >/dev/null 2>&1 && pass || fail "man -l installed"
  for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
    grep -qF -- "$opt" "$TMP/man.txt" && pass || fail "man page lacks $opt (in --help)"
  done
  for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMP/man.txt" | sort -u); do
    grep -qF -- "$opt" "$TMP/help" && pass || fail "man page has $opt, --help does not"
  done
  for st in $(sed -n '/^Exit status/,/^$/p' "$TMP/help" | grep -o '[0-9][0-9]*'); do
    grep -qE "^ *([0-9]+, )?$st(,| |$)" "$TMP/man.txt" && pass || fail "man page lacks exit status $st"
  done
else
  echo "skip: man missing"
fi
finish
