#!/bin/sh
# Batches: several inputs, each to its own PDF; one bad input among good
# ones (good PDFs written, the bad one not, its earlier PDF intact, the worst
# status); a worker killed mid-run touches no other input; -o DIR/;
# --manifest; the report's schema read back with python3's json; packs
# under --strict and their messages under each dossier's own file.
. "$(dirname "$0")/lib.sh"
W="$TMP/w"
mkdir -p "$W/sub" "$W/out"
cp "$SRCDIR/tests/inputs/minimal.xml" "$W/a.xml"
cp "$SRCDIR/tests/inputs/other-author.xml" "$W/b.xml"
cp "$SRCDIR/tests/inputs/figures-text.xml" "$W/sub/c.xml"
# a bad input: an element the format does not have, at a known place
printf '<?xml version="1.0"?>\n<dossier version="1" languages="de">\n  <oops/>\n</dossier>\n' >"$W/bad.xml"
echo "an earlier good file" >"$W/bad.pdf"
status () { s=0; "$@" >"$TMP/out" 2>"$TMP/err" || s=$?; echo "$s"; }

# ---- one bad input among good ones ------------------------------------------
st=$(status "$DOSSIER" -j 2 "$W/a.xml" "$W/bad.xml" "$W/b.xml" "$W/sub/c.xml" --report "$W/r.jsonl")
[ "$st" -eq 65 ] && pass || { cat "$TMP/err"; fail "one bad input: status $st, not 65"; }
for f in a b sub/c; do
  qpdf --check "$W/$f.pdf" >/dev/null 2>&1 && pass || fail "$f.pdf not written beside its input"
done
[ "$(cat "$W/bad.pdf")" = "an earlier good file" ] && pass || fail "bad.pdf: the earlier file was changed"
grep -q "bad.xml:3:3: error: <oops>" "$TMP/err" && pass || { cat "$TMP/err"; fail "the bad input's message"; }
for f in a b sub/c; do
  grep -Eq "^$W/$f.xml: ok, [0-9]+ pages?, [0-9.]+ s -> $W/$f.pdf$" "$TMP/err" && pass \
    || fail "no ok line for $f.xml"
done
grep -Eq "^$W/bad.xml: failed, 65 \(bad input or style\), [0-9.]+ s$" "$TMP/err" && pass \
  || fail "no failed line for bad.xml"
[ "$(grep -c ': ok, \|: failed, ' "$TMP/err")" -eq 4 ] && pass || fail "not one line per input"
# not a terminal: no progress count
grep -q '^\[[0-9]*/[0-9]*\]' "$TMP/err" && fail "a progress count on a file" || pass
# the same PDFs as one input at a time: a batch changes nothing in the output
"$DOSSIER" "$W/b.xml" -o "$TMP/b1.pdf"
cmp -s "$TMP/b1.pdf" "$W/b.pdf" && pass || fail "b.pdf differs from a single run's"

# ---- the report: JSON Lines, one object per input in the order given --------
python3 - "$W/r.jsonl" "$W" <<'EOF' && pass || fail "the report's schema"
import json, os, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
w = sys.argv[2]
assert len(lines) == 4, lines
rows = [json.loads(l) for l in lines]
keys = {"input", "output", "status", "pages", "seconds", "bytes", "messages"}
for r in rows:
    assert set(r) == keys, r.keys()
    assert isinstance(r["status"], int) and isinstance(r["pages"], int)
    assert isinstance(r["bytes"], int) and isinstance(r["seconds"], (int, float))
    for m in r["messages"]:
        assert set(m) == {"file", "line", "column", "severity", "text"}, m
        assert m["severity"] in ("error", "warning")
assert [os.path.basename(r["input"]) for r in rows] == ["a.xml", "bad.xml", "b.xml", "c.xml"]
a, bad, b, c = rows
for r in (a, b, c):
    assert r["status"] == 0 and r["pages"] >= 1, r
    assert r["bytes"] == os.path.getsize(r["output"]), r
assert bad["status"] == 65 and bad["pages"] == 0 and bad["bytes"] == 0, bad
m = bad["messages"][0]
assert (m["file"], m["line"], m["column"], m["severity"]) == (w + "/bad.xml", 3, 3, "error"), m
assert "<oops>" in m["text"], m
EOF

# ---- several inputs into -o DIR/; -o FILE refused ---------------------------
st=$(status "$DOSSIER" -j 1 -o "$W/out/" "$W/a.xml" "$W/sub/c.xml")
[ "$st" -eq 0 ] && pass || { cat "$TMP/err"; fail "-o DIR/: status $st"; }
[ -s "$W/out/a.pdf" ] && [ -s "$W/out/c.pdf" ] && pass || fail "-o DIR/: $(ls "$W/out")"
cmp -s "$W/out/a.pdf" "$W/a.pdf" && pass || fail "-o DIR/: a.pdf differs"
st=$(status "$DOSSIER" -o "$W/x.pdf" "$W/a.xml" "$W/b.xml")
[ "$st" -eq 64 ] && pass || fail "-o FILE with two inputs: status $st, not 64"
[ ! -e "$W/x.pdf" ] && pass || fail "-o FILE with two inputs: written"

# ---- --manifest: comments, blank lines, paths from the manifest's folder ----
rm -f "$W/out/"*
printf '# tonight\n\na.xml\n  sub/c.xml  \n# b.xml\n' >"$W/list.txt"
st=$(cd "$TMP" && status "$DOSSIER" --manifest "$W/list.txt" -o "$W/out/" --report "$W/m.jsonl")
[ "$st" -eq 0 ] && pass || { cat "$TMP/err"; fail "--manifest: status $st"; }
[ "$(ls "$W/out" | tr '\n' ' ')" = "a.pdf c.pdf " ] && pass || fail "--manifest wrote: $(ls "$W/out")"
[ "$(wc -l <"$W/m.jsonl")" -eq 2 ] && pass || fail "--manifest: report of $(wc -l <"$W/m.jsonl") lines"
st=$(status "$DOSSIER" --manifest "$W/none.txt")
[ "$st" -eq 66 ] && pass || fail "missing manifest: status $st, not 66"

# ---- isolation: a worker killed mid-run touches no other input --------------
# large enough that drawing its pages (while the PDF's temporary file is
# open) lasts long enough to be seen between two polls
sh "$SRCDIR/bench/gen-input.sh" 240 >"$W/big.xml"
rm -f "$W/a.pdf" "$W/big.pdf"
"$DOSSIER" -j 2 "$W/big.xml" "$W/a.xml" --report "$W/k.jsonl" 2>"$TMP/err" &
parent=$!
worker=""
i=0
while [ $i -lt 500 ] && [ -z "$worker" ]; do
  # the first worker (big.xml's, started first), once it has the PDF's
  # temporary file open: while it draws the pages
  p=$(pgrep -o -P $parent || true)
  [ -n "$p" ] && ls -l "/proc/$p/fd" 2>/dev/null | grep -q "$W/" && worker=$p
  [ -n "$worker" ] || sleep 0.02
  i=$((i + 1))
done
[ -n "$worker" ] && kill -KILL "$worker"
st=0; wait $parent || st=$?
if [ -n "$worker" ]; then
  [ "$st" -eq 70 ] && pass || { cat "$TMP/err"; fail "a killed worker: status $st, not 70"; }
  grep -q "big.xml: error: the worker rendering this input died of signal 9" "$TMP/err" && pass \
    || { cat "$TMP/err"; fail "a killed worker: no message"; }
  [ ! -e "$W/big.pdf" ] && pass || fail "a killed worker: big.pdf written"
  qpdf --check "$W/a.pdf" >/dev/null 2>&1 && pass || fail "a killed worker: a.pdf not written"
  python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert [x["status"] for x in r]==[70,0], r' \
    "$W/k.jsonl" && pass || fail "a killed worker: the report"
  ls -A "$W" | grep -q '^\.big' && fail "a killed worker left a temporary file" || pass
else
  fail "no worker with big.xml's PDF open was seen"
fi

# ---- a batch stopped by SIGTERM stops its workers ---------------------------
cp "$W/big.xml" "$W/big2.xml"
"$DOSSIER" -j 2 "$W/big.xml" "$W/big2.xml" 2>/dev/null &
parent=$!
i=0
while [ $i -lt 500 ] && [ "$(pgrep -P $parent | wc -l)" -lt 2 ]; do sleep 0.02; i=$((i + 1)); done
workers=$(pgrep -P $parent | tr '\n' ' ')
kill -TERM $parent
st=0; wait $parent || st=$?
[ "$st" -eq 143 ] && pass || fail "SIGTERM: status $st, not 143"
sleep 0.3
for p in $workers; do
  # gone, or a zombie waiting for a reaper (the parent died first)
  state=$(ps -o stat= -p "$p" 2>/dev/null || true)
  case "$state" in ''|Z*) pass ;; *) fail "SIGTERM: worker $p still runs ($state)" ;; esac
done

# ---- packs: --strict fails one including a dossier lacking a language --------
mkdir -p "$W/pack"
cp "$SRCDIR/tests/inputs/pack.xml" "$SRCDIR/tests/inputs/minimal.xml" \
   "$SRCDIR/tests/inputs/other-author.xml" "$W/pack/"
grep -q 'languages="de"' "$W/pack/minimal.xml" && pass || fail "minimal.xml is no longer German only"
line=$(grep -n 'href="minimal.xml"' "$W/pack/pack.xml" | cut -d: -f1)
st=$(status "$DOSSIER" "$W/pack/pack.xml")
[ "$st" -eq 0 ] && pass || fail "pack without --strict: status $st"
grep -q "pack.xml:$line:[0-9]*: warning: include href=\"minimal.xml\": the dossier is in de only.*'zh'" \
  "$TMP/err" && pass || { cat "$TMP/err"; fail "pack: no warning at the include"; }
rm -f "$W/pack/pack.pdf"
st=$(status "$DOSSIER" --strict "$W/pack/pack.xml")
[ "$st" -eq 65 ] && pass || fail "pack under --strict: status $st, not 65"
grep -q "pack.xml:$line:[0-9]*: error: include href=\"minimal.xml\"" "$TMP/err" && pass \
  || { cat "$TMP/err"; fail "pack under --strict: no error at the include"; }
[ ! -e "$W/pack/pack.pdf" ] && pass || fail "pack under --strict: written"
# a pack of one language takes the German-only dossier without a word
sed 's/languages="de zh"/languages="de"/' "$W/pack/pack.xml" >"$W/pack/de.xml"
st=$(status "$DOSSIER" --strict "$W/pack/de.xml" -o "$W/pack/de.pdf")
grep -q "include href=\"minimal.xml\"" "$TMP/err" && fail "a de pack: $(cat "$TMP/err")" || pass

# ---- a pack's report: each dossier's messages under its own file ------------
# a missing translation in the included dossier: a warning in other-author.xml
python3 - "$W/pack/other-author.xml" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# drop the first Chinese variant of a paragraph
s2 = re.sub(r'(<p>\s*<t xml:lang="de">.*?</t>)\s*<t xml:lang="zh">.*?</t>', r'\1', s, count=1, flags=re.S)
assert s2 != s
open(p, "w", encoding="utf-8").write(s2)
EOF
st=$(status "$DOSSIER" "$W/pack/pack.xml" -o "$W/pack/p.pdf" --report "$W/pack/r.jsonl")
[ "$st" -eq 0 ] && pass || { cat "$TMP/err"; fail "pack report run: status $st"; }
python3 - "$W/pack/r.jsonl" "$W/pack" <<'EOF' && pass || fail "a pack's report: messages under each file"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
d = sys.argv[2]
assert len(rows) == 1
files = {m["file"] for m in rows[0]["messages"]}
assert d + "/other-author.xml" in files, files      # the missing translation
assert d + "/pack.xml" in files, files              # the include lacking zh
for m in rows[0]["messages"]:
    assert m["severity"] == "warning" and m["line"] > 0 and m["column"] > 0, m
EOF
finish
