#!/bin/sh
# --watch: renders, then again on each save of the style (saved as editors
# do: a temporary file renamed over it) and of an @import; a broken edit
# prints file:line:column and keeps the last good PDF byte for byte; SIGINT
# and SIGTERM end it with 130 and 143, leaving no temporary file.
. "$(dirname "$0")/lib.sh"
cp "$SRCDIR/input/nanjing-day-2026.xml" "$TMP/in.xml"
mkdir "$TMP/css"
cp "$SRCDIR/styles/handout.css" "$TMP/css/base.css"
printf '@import "base.css";\n@import "extra.css";\n' >"$TMP/css/style.css"
printf 'p { color: #000000; }\n' >"$TMP/css/extra.css"
cd "$TMP"
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$TMP"' EXIT

# renders: the number of "wrote" lines in the log (0 before the log exists:
# the background job may not have opened it yet)
renders () { cat "$1" 2>/dev/null | grep -c '^dossier: wrote' || true; }
# wait_for LOG N: until N renders are logged (30 s at most: the machine may be busy)
wait_for () {
  i=0
  while [ "$(renders "$1")" -lt "$2" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
  [ "$(renders "$1")" -ge "$2" ] || { echo "after $i tries: $(cat "$1")" >&2; false; }
}
# wait_grep LOG TEXT
wait_grep () {
  i=0
  while ! grep -qF -- "$2" "$1" && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
  grep -qF -- "$2" "$1"
}
# save FILE CONTENT: as an editor does, a temporary file renamed over FILE
save () { printf '%s' "$2" >"$1.tmp~" && mv "$1.tmp~" "$1"; }

"$DOSSIER" --watch -s css/style.css -o out.pdf in.xml 2>log &
pid=$!
wait_for log 1 && pass || { fail "no first render"; exit 1; }
wait_grep log "watching" && pass || fail "does not say it is watching"
cp out.pdf first.pdf
pdftotext out.pdf - >/dev/null && pass || fail "the first PDF does not read"

# a style edit (an @import's: the top style is unchanged) renders again
save css/extra.css 'p { color: #ff0000; }
'
wait_for log 2 && pass || fail "an @import edit did not render again: $(cat log)"
cmp -s first.pdf out.pdf && fail "the @import edit did not change the PDF" || pass
cp out.pdf second.pdf

# the top style, edited in place (truncate and write, as some editors do)
cat css/style.css >css/style.tmp && printf 'p { font-size: 12pt; }\n' >>css/style.tmp
cat css/style.tmp >css/style.css
wait_for log 3 && pass || fail "an in-place style edit did not render again"
cmp -s second.pdf out.pdf && fail "the style edit did not change the PDF" || pass
cp out.pdf good.pdf

# a broken edit: its message with file:line:column, the last good PDF kept
save css/extra.css 'p { color: #ff0000; }
p { font-size: banana; }
'
wait_grep log "extra.css:2:16: error" && pass || fail "no file:line:column for the broken edit: $(cat log)"
wait_grep log "the last good out.pdf kept" && pass || fail "does not say the last good PDF is kept"
cmp -s good.pdf out.pdf && pass || fail "the broken edit changed the PDF"

# fixed again: renders (the monitors still see the file replaced by rename)
save css/extra.css 'p { color: #0000ff; }
'
wait_for log 4 && pass || fail "the fixed edit did not render again"
[ "$(renders log)" -eq 4 ] && pass || fail "one save rendered more than once: $(renders log) renders"

# the input itself
sed 's/<title/<title/' in.xml >in.tmp && mv in.tmp in.xml
wait_for log 5 && pass || fail "an input edit did not render again"

kill -INT $pid
s=0; wait $pid || s=$?
[ "$s" -eq 130 ] && pass || fail "SIGINT: exit status $s, not 130"
grep -q "stopped after 6 renders" log && pass || fail "SIGINT: no clean stop: $(tail -3 log)"

# SIGTERM, sent during the first render: that render finishes or vanishes
"$DOSSIER" --watch -s css/style.css -o term.pdf in.xml 2>log2 &
pid=$!
sleep 0.2
kill -TERM $pid
s=0; wait $pid || s=$?
[ "$s" -eq 143 ] && pass || fail "SIGTERM: exit status $s, not 143"
if [ -e term.pdf ]; then pdfinfo term.pdf >/dev/null 2>&1 && pass || fail "SIGTERM left a broken PDF"; fi
leftover=$(ls -A | grep -v -e '^css$' -e '^log2\?$' -e '\.pdf$' -e '^in\.xml$' || true)
[ -z "$leftover" ] && pass || fail "files left behind: $leftover"
ls -A css | grep -qv -e '\.css$' -e '^style\.tmp$' && fail "files left in css: $(ls -A css)" || pass
# options that make no sense with a loop are refused before anything runs
for args in "--watch -o - in.xml" "--port 8000 in.xml" "--serve --port 70000 in.xml"; do
  s=0; "$DOSSIER" $args >/dev/null 2>err || s=$?
  [ "$s" -eq 64 ] && pass || fail "$args: exit $s, not 64"
done
finish
