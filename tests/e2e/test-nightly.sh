#!/bin/sh
# docs/nightly.md's recipes as they stand, on a folder of generated
# dossiers: make and ninja with depfiles (touching an imported style rebuilds
# exactly the PDFs that use it, touching nothing rebuilds nothing), and GNU
# parallel over a manifest with local slots, --joblog and --retries,
# including a bad input and a first attempt that fails with 75 because the
# output's file system is full.
. "$(dirname "$0")/lib.sh"
DOC="$SRCDIR/docs/nightly.md"
# the recipes call `dossier`: this build's
mkdir -p "$TMP/bin"
ln -s "$DOSSIER" "$TMP/bin/dossier"
PATH="$TMP/bin:$PATH"
export PATH

# recipe NAME: the code block after "<!-- test: NAME -->" in nightly.md
recipe () {
  awk -v name="<!-- test: $1 -->" '
    $0 == name { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```/ { exit }
    found == 2 { print }' "$DOC"
}
for r in Makefile build.ninja gen-ninja.sh parallel.sh; do
  [ -n "$(recipe "$r")" ] && pass || fail "nightly.md has no '$r' recipe"
done

# ---- a folder of dossiers: four in a.css (which imports common.css), two
# in b.css, and a pack of two of them -------------------------------------
make_folder () {  # DIR
  mkdir -p "$1"
  printf '@import "common.css";\np { color: #202020; }\n' >"$1/a.css"
  printf 'section { color: #303030; }\n' >"$1/common.css"
  printf 'p { color: #404040; }\n' >"$1/b.css"
  for n in x1 x2 x3 x4 y1 y2; do
    case $n in x*) style=a.css ;; *) style=b.css ;; esac
    sh "$SRCDIR/bench/gen-input.sh" 1 \
      | sed "s|<dossier version=\"1\" languages=\"de zh\">|<dossier version=\"1\" languages=\"de zh\" style=\"$style\">|; s|>Benchmark<|>Benchmark $n<|" \
      >"$1/$n.xml"
  done
  grep -q 'style="a.css"' "$1/x1.xml" && pass || fail "the generated input names no style"
}
# rebuilt DIR STAMP: the PDFs newer than STAMP, by name, one line
rebuilt () {
  (cd "$1/out" && find . -name '*.pdf' -newer "$2" | sed 's|^\./||; s|\.pdf$||' | sort | tr '\n' ' ')
}
# step DIR TOOL WHAT WANT FILE...: touch FILEs, run TOOL, expect WANT rebuilt
step () {
  dir=$1 tool=$2 what=$3 want=$4
  shift 4
  sleep 0.05
  for f in "$@"; do touch "$dir/$f"; done
  touch "$TMP/stamp"
  sleep 0.05
  (cd "$dir" && $tool) >"$TMP/log" 2>&1 || { cat "$TMP/log"; fail "$what: $tool failed"; }
  got=$(rebuilt "$dir" "$TMP/stamp")
  [ "$got" = "$want" ] && pass || { cat "$TMP/log"; fail "$what: rebuilt '$got', not '$want'"; }
}

# ---- ninja ------------------------------------------------------------------
N="$TMP/ninja"
make_folder "$N"
recipe build.ninja >"$N/build.ninja"
(cd "$N" && sh -c "$(recipe gen-ninja.sh)")
step "$N" ninja "ninja, first build" "x1 x2 x3 x4 y1 y2 "
for n in x1 y2; do
  qpdf --check "$N/out/$n.pdf" >/dev/null 2>&1 && pass || fail "ninja: $n.pdf"
done
(cd "$N" && ninja -t deps out/x1.pdf) >"$TMP/deps"
for dep in x1.xml a.css common.css fonts.conf .ttf; do
  grep -q "$dep" "$TMP/deps" && pass || { cat "$TMP/deps"; fail "ninja -t deps lacks $dep"; }
done
grep -q "b.css" "$TMP/deps" && fail "x1.pdf depends on b.css" || pass
step "$N" ninja "ninja, nothing touched" ""
(cd "$N" && ninja) | grep -q "no work to do" && pass || fail "ninja: work left after a build"
step "$N" ninja "ninja, common.css touched" "x1 x2 x3 x4 " common.css
step "$N" ninja "ninja, b.css touched" "y1 y2 " b.css
step "$N" ninja "ninja, x3.xml touched" "x3 " x3.xml
step "$N" ninja "ninja, nothing touched again" ""

# ---- make ---------------------------------------------------------------------
M="$TMP/make"
make_folder "$M"
recipe Makefile >"$M/Makefile"
step "$M" make "make, first build" "x1 x2 x3 x4 y1 y2 "
grep -q 'out/x1.pdf: *\\$' "$M/out/x1.pdf.d" && pass || fail "make: x1.pdf.d is no rule"
step "$M" make "make, nothing touched" ""
step "$M" make "make, common.css touched" "x1 x2 x3 x4 " common.css
step "$M" make "make, b.css touched" "y1 y2 " b.css
step "$M" make "make, a.css touched" "x1 x2 x3 x4 " a.css
step "$M" make "make, nothing touched again" ""
# the same bytes as ninja's (the same inputs, styles, fonts)
cmp -s "$M/out/x1.pdf" "$N/out/x1.pdf" && pass || fail "make and ninja made different x1.pdf"
# a failing input: no PDF, no depfile, make stops
printf '<dossier version="1"><oops/></dossier>\n' >"$M/z.xml"
(cd "$M" && make -k) >"$TMP/log" 2>&1 && fail "make: a bad input did not fail" || pass
[ ! -e "$M/out/z.pdf" ] && [ ! -e "$M/out/z.pdf.d" ] && pass || fail "make: a bad input left z.pdf or z.pdf.d"
rm "$M/z.xml"

# ---- GNU parallel over a manifest ---------------------------------------------
P="$TMP/parallel"
make_folder "$P"
printf '<dossier version="1"><oops/></dossier>\n' >"$P/bad.xml"
printf '# tonight\nx1.xml\n\nbad.xml\ny1.xml\n  # not this one\nx2.xml\n' >"$P/manifest.txt"
recipe parallel.sh >"$P/nightly.sh"
st=0; (cd "$P" && JOBS=2 sh nightly.sh) >"$TMP/log" 2>&1 || st=$?
[ "$st" -eq 1 ] && pass || { cat "$TMP/log"; fail "parallel: status $st, not 1 (one job failed)"; }
for n in x1 y1 x2; do
  qpdf --check "$P/out/$n.pdf" >/dev/null 2>&1 && pass || fail "parallel: $n.pdf"
  [ -s "$P/out/$n.pdf.d" ] && pass || fail "parallel: $n.pdf.d"
done
[ ! -e "$P/out/bad.pdf" ] && pass || fail "parallel: bad.pdf written"
[ ! -e "$P/out/x3.pdf" ] && pass || fail "parallel: a commented-out input was rendered"
python3 - "$P/nightly.joblog" "$P/out/report.jsonl" <<'EOF' && pass || fail "parallel: joblog and report"
import csv, json, sys, collections
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
tries = collections.defaultdict(list)
for r in rows:
    name = [w for w in r["Command"].split() if w.endswith(".xml")][-1]
    tries[name].append(int(r["Exitval"]))
assert tries["bad.xml"] == [65], tries      # the last attempt
for n in ("x1.xml", "y1.xml", "x2.xml"):
    assert tries[n] == [0], tries
report = {json.loads(l)["input"]: json.loads(l) for l in open(sys.argv[2])}
assert report["bad.xml"]["status"] == 65 and report["x1.xml"]["status"] == 0, report
EOF

# a temporary failure, retried: the output's file system is full for the
# first attempt (as in test-write-faults.sh) and has room again for the
# second (whatever filled it has gone; here the first failure frees it)
Q="$TMP/retry"
make_folder "$Q"
mkdir -p "$Q/out"
if mount -t tmpfs -o size=2m tmpfs "$Q/out" 2>/dev/null; then
  mounted=1
  trap 'st=$?; [ -z "$mounted" ] || umount "$Q/out"; rm -rf "$TMP"; exit $st' EXIT
  cat /dev/zero >"$Q/out/ballast" 2>/dev/null || true   # until the file system is full
  printf 'x1.xml\ny1.xml\n' >"$Q/manifest.txt"
  rm "$TMP/bin/dossier"   # the link to the build's binary: never write through it
  cat >"$TMP/bin/dossier" <<EOF
#!/bin/sh
# the real dossier; each attempt's status (and whether it met a full disk) noted
st=0; "$DOSSIER" "\$@" 2>"$TMP/err.\$\$" || st=\$?
cat "$TMP/err.\$\$" >&2
full=-; grep -q "No space left on device" "$TMP/err.\$\$" && full=ENOSPC
echo "\$st \$full \$*" >>"$TMP/attempts"
[ "\$st" -eq 75 ] && rm -f "$Q/out/ballast"
exit \$st
EOF
  chmod +x "$TMP/bin/dossier"
  recipe parallel.sh >"$Q/nightly.sh"
  st=0; (cd "$Q" && JOBS=1 sh nightly.sh) >"$TMP/log" 2>&1 || st=$?
  [ "$st" -eq 0 ] && pass || { cat "$TMP/log"; fail "retry: status $st, not 0"; }
  # the first attempt 75, the retry 0; the joblog keeps each job's last
  [ "$(awk '$NF == "x1.xml" { printf "%s %s ", $1, $2 }' "$TMP/attempts")" = "75 ENOSPC 0 - " ] && pass \
    || { cat "$TMP/attempts"; fail "retry: x1.xml's attempts were not 75 then 0"; }
  python3 - "$Q/nightly.joblog" <<'EOF' && pass || fail "retry: the joblog"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
assert sorted((r["Command"].split()[-1], int(r["Exitval"])) for r in rows) == [("x1.xml", 0), ("y1.xml", 0)], rows
EOF
  for n in x1 y1; do
    qpdf --check "$Q/out/$n.pdf" >/dev/null 2>&1 && pass || fail "retry: $n.pdf"
  done
  cmp -s "$Q/out/x1.pdf" "$P/out/x1.pdf" && pass || fail "retry: x1.pdf differs from the first run's"
  ls -A "$Q/out" | grep -q '^\.' && fail "retry: a temporary file was left" || pass
  umount "$Q/out"
  mounted=""
else
  echo "skipped: the retried full disk (no tmpfs can be mounted here)"
fi
finish
