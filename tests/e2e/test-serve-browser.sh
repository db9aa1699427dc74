#!/bin/sh
# --serve in headless Chromium: load the preview, edit the style, see the
# changed page images reloaded (the rest not), the scroll position kept, a
# broken edit's message with file:line:column above the pages
# (cdp-preview.py drives the browser over the DevTools protocol).
. "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || { echo "chromium missing: scripts/install-deps.sh installs it" >&2; exit 1; }
cp "$SRCDIR/input/nanjing-day-2026.xml" "$TMP/in.xml"
cp "$SRCDIR/styles/handout.css" "$TMP/style.css"
cd "$TMP"
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$TMP"' EXIT
"$DOSSIER" --serve -s style.css -o out.pdf in.xml 2>log &
pid=$!
i=0
while ! grep -q watching log && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
url=$(sed -n 's/^dossier: serving the preview at //p' log | head -1)
[ -n "$url" ] || { fail "no URL: $(cat log)"; exit 1; }
edit="cp style.css s.tmp && printf 'p { color: #800000; }\n' >>s.tmp && mv s.tmp style.css"
broken="cp style.css s.tmp && printf 'p { font-size: banana; }\n' >>s.tmp && mv s.tmp style.css"
python3 "$SRCDIR/tests/e2e/cdp-preview.py" "$url" "$TMP/profile" "$edit" "$broken" && pass \
  || fail "the browser did not see the preview follow the edits: $(tail -5 log)"
kill -TERM $pid
s=0; wait $pid || s=$?; pid=
[ "$s" -eq 143 ] && pass || fail "SIGTERM: exit status $s"
finish
