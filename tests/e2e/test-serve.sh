#!/bin/sh
# --serve over HTTP (curl): bound to 127.0.0.1 only; the page, the state,
# page images (PNG at the width asked, SVG); an SSE event after a style
# edit with the changed pages' new versions; a broken edit's message with
# file:line:column in the next event; 404 for every other path (no file is
# served, no path traversal); SIGTERM ends it.
. "$(dirname "$0")/lib.sh"
cp "$SRCDIR/input/nanjing-day-2026.xml" "$TMP/in.xml"
cp "$SRCDIR/styles/handout.css" "$TMP/style.css"
cd "$TMP"
pid=; epid=
trap '[ -n "$epid" ] && kill $epid 2>/dev/null || true; [ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$TMP"' EXIT
wait_grep () {
  i=0
  while ! grep -qF -- "$2" "$1" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
  grep -qF -- "$2" "$1"
}

"$DOSSIER" --serve --port 0 -s style.css -o out.pdf in.xml 2>log &
pid=$!
wait_grep log "watching" || { fail "did not start: $(cat log)"; exit 1; }
url=$(sed -n 's/^dossier: serving the preview at //p' log | head -1)
case "$url" in http://127.0.0.1:[0-9]*/) pass ;; *) fail "no 127.0.0.1 URL: $url"; exit 1 ;; esac
port=$(echo "$url" | sed 's/.*:\([0-9]*\)\/$/\1/')
code () { curl -s --path-as-is -o "$TMP/body" -w '%{http_code} %{content_type}' "$@"; }

# bound to the loopback address only
if command -v ss >/dev/null; then
  ss -ltn | grep ":$port " | grep -qv "127.0.0.1:$port" && fail "listens beyond 127.0.0.1" || pass
fi
other=$(hostname -I 2>/dev/null | awk '{print $1}')
if [ -n "$other" ] && [ "$other" != 127.0.0.1 ]; then
  curl -s -m 3 -o /dev/null "http://$other:$port/" && fail "answers on $other" || pass
fi

[ "$(code "$url")" = "200 text/html; charset=utf-8" ] && pass || fail "the page"
expect_contains body "new EventSource('/events')" "the page listens for renders"
[ "$(code "${url}state")" = "200 application/json" ] && pass || fail "the state"
n=$(pdfinfo out.pdf | sed -n 's/^Pages: *//p')
python3 -c "import json,sys; s=json.load(open('body')); sys.exit(0 if len(s['pages'])==$n and s['ok'] else 1)" \
  && pass || fail "the state does not list the PDF's $n pages: $(cat body)"
[ "$(code "${url}page/2.png?w=500")" = "200 image/png" ] && pass || fail "a PNG page"
[ "$(identify -format %w body)" = 500 ] && pass || fail "the PNG is not 500 pixels wide"
# drawn from the pages as laid out, not a blank sheet (the PDF's drawing
# once emptied the pages the preview keeps)
[ "$(convert body -format '%[fx:mean<0.999]' info:)" = 1 ] && pass || fail "the PNG page is blank"
[ "$(code "${url}page/$n.svg")" = "200 image/svg+xml" ] && pass || fail "an SVG page"
xmllint --noout body && pass || fail "the SVG is not well-formed"
for p in /page/0.png "/page/$((n + 1)).png" /page/1.pdf /page/x.png /page/1.png/.. /style.css \
         /in.xml /out.pdf /../in.xml /%2e%2e/in.xml "/page/../in.xml" /favicon.ico /events/x; do
  [ "$(code "$url${p#/}" | cut -d' ' -f1)" = 404 ] && pass || fail "$p is not a 404"
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "${url}state")" = 405 ] && pass || fail "POST"

# the events: the state at once, then after each render
curl -sN "${url}events" >events &
epid=$!
wait_grep events '"render":1' && pass || fail "no first event"
cp style.css style.tmp && printf 'p { color: #400000; }\n' >>style.tmp && mv style.tmp style.css
wait_grep events '"render":2' && pass || fail "no event after a style edit: $(cat log)"
python3 - <<'PY' && pass || fail "the second event does not give the changed pages new versions"
import json
ev = [json.loads(l[6:]) for l in open('events') if l.startswith('data: ')]
two = [e for e in ev if e['render'] == 2][0]
assert two['ok'] and any(p['v'] == 2 for p in two['pages']), two
# the pages the edit did not touch keep their version (no paragraph there)
one = [e for e in ev if e['render'] == 1][0]
assert len(one['pages']) == len(two['pages'])
PY
printf 'p { font-size: banana; }\n' >>style.css
wait_grep events '"render":3' && pass || fail "no event after a broken edit"
line=$(wc -l <style.css)
python3 - "$line" <<'PY' && pass || fail "the broken edit's event lacks style.css:$line:16 and its message: $(grep '"render":3' events)"
import json, sys
ev = [json.loads(l[6:]) for l in open('events') if l.startswith('data: ')]
three = [e for e in ev if e['render'] == 3][0]
m = three['messages'][0]
assert (m['file'], m['line'], m['column'], m['level']) == ('style.css', int(sys.argv[1]), 16, 'error'), m
assert m['text'].startswith('style.css:%s:16: invalid value' % sys.argv[1]), m
assert not three['ok'] and three['pages'], three
PY
[ "$(code "${url}page/1.png?w=200" | cut -d' ' -f1)" = 200 ] && pass || fail "the last good pages are gone"

kill -TERM $pid
s=0; wait $pid || s=$?; pid=
[ "$s" -eq 143 ] && pass || fail "SIGTERM: exit status $s"
finish
