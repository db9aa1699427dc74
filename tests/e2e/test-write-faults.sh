#!/bin/sh
# The write path under faults: output = input in every spelling (64, input
# unchanged), SIGKILL and SIGTERM at random moments (no temporary file, the
# old output intact, 143 for SIGTERM), a read-only folder (73), a full file
# system (75, where a small tmpfs can be mounted), eight concurrent writers
# of one output (always one whole PDF), output through a symbolic link (the
# target replaced, the link kept), the replaced file's mode kept, dates.
. "$(dirname "$0")/lib.sh"
STYLE="$SRCDIR/styles/handout.css"
W="$TMP/w"
mkdir -p "$W/sub"
cp "$SRCDIR/tests/inputs/minimal.xml" "$W/in.xml"
cp "$W/in.xml" "$W/in.orig"
only_expected () {  # WHAT FILE...: the folder W holds exactly these files
  what=$1; shift
  got=$(cd "$W" && ls -A | sort | tr '\n' ' ')
  want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$got" = "$want" ] && pass || fail "$what: the folder holds '$got', not '$want'"
}

# ---- output = input, in every spelling --------------------------------------
ln -s in.xml "$W/link.xml"
for out in in.xml ./in.xml sub/../in.xml "$W/in.xml" link.xml; do
  st=0
  (cd "$W" && "$DOSSIER" -s "$STYLE" in.xml -o "$out") 2>"$TMP/err" || st=$?
  [ "$st" -eq 64 ] && pass || fail "-o $out: status $st, not 64"
  grep -q "same file as the input" "$TMP/err" && pass || fail "-o $out: $(cat "$TMP/err")"
  cmp -s "$W/in.xml" "$W/in.orig" && pass || fail "-o $out: the input was changed"
done
st=0
(cd "$W" && "$DOSSIER" -s in.xml in.xml -o ./in.xml) 2>"$TMP/err" || st=$?
[ "$st" -eq 64 ] && pass || fail "-s = -o: status $st"
rm "$W/link.xml"

# ---- killed at random moments: nothing left, the old output intact --------
sh "$SRCDIR/bench/gen-input.sh" 40 >"$W/big.xml"
i=0
while [ $i -lt 8 ]; do
  echo "an earlier good file" >"$W/out.pdf"
  "$DOSSIER" -s "$STYLE" "$W/big.xml" -o "$W/out.pdf" 2>/dev/null &
  pid=$!
  # somewhere in the first 0.9 s: loading, layout or writing
  sleep "0.$(awk -v s="$i$$" 'BEGIN { srand(s); printf "%d", 1 + rand() * 8 }')"
  if [ $((i % 2)) -eq 0 ]; then sig=TERM; want=143; else sig=KILL; want=137; fi
  kill -$sig $pid 2>/dev/null || true
  st=0; wait $pid || st=$?
  if [ "$st" -eq 0 ]; then
    qpdf --check "$W/out.pdf" >/dev/null 2>&1 && pass || fail "kill $i: finished, but broken"
  else
    [ "$st" -eq $want ] && pass || fail "SIG$sig: status $st, not $want"
    # killed before the rename: the old file; after it (while freeing): the new, whole
    if [ "$(cat "$W/out.pdf")" = "an earlier good file" ] || qpdf --check "$W/out.pdf" >/dev/null 2>&1; then
      pass
    else
      fail "SIG$sig: the output is neither the old file nor a whole PDF"
    fi
  fi
  only_expected "SIG$sig $i" in.xml in.orig big.xml out.pdf sub
  i=$((i + 1))
done

# ---- the mode of a replaced file is kept; a new one gets 0666 less umask ---
rm -f "$W/out.pdf"
(umask 027 && "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/out.pdf")
[ "$(stat -c %a "$W/out.pdf")" = 640 ] && pass || fail "new file mode $(stat -c %a "$W/out.pdf"), not 640"
chmod 604 "$W/out.pdf"
"$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/out.pdf"
[ "$(stat -c %a "$W/out.pdf")" = 604 ] && pass || fail "replaced file mode $(stat -c %a "$W/out.pdf"), not 604"

# ---- through a symbolic link: the target replaced, the link kept ----------
mkdir -p "$TMP/elsewhere"
echo old >"$TMP/elsewhere/target.pdf"
ln -s "$TMP/elsewhere/target.pdf" "$W/link.pdf"
"$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/link.pdf"
[ -L "$W/link.pdf" ] && pass || fail "the link was replaced by a file"
qpdf --check "$TMP/elsewhere/target.pdf" >/dev/null 2>&1 && pass || fail "the link's target is no PDF"
ls -A "$TMP/elsewhere" | grep -qv '^target.pdf$' && fail "left behind beside the target" || pass
ln -s "$TMP/elsewhere/new.pdf" "$W/dangling.pdf"
"$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/dangling.pdf"
[ -L "$W/dangling.pdf" ] && [ -f "$TMP/elsewhere/new.pdf" ] && pass || fail "a dangling link's file not made"
rm -f "$W/link.pdf" "$W/dangling.pdf"

# ---- eight writers of one output: always one whole PDF ---------------------
for k in 1 2 3 4 5 6 7 8; do
  "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/out.pdf" &
done
wait
qpdf --check "$W/out.pdf" >/dev/null 2>&1 && pass || fail "eight writers: not one whole PDF"
only_expected "eight writers" in.xml in.orig big.xml out.pdf sub

# ---- a read-only folder: 73, nothing written -------------------------------
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
  st=0; "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$TMP/ro/out.pdf" 2>"$TMP/err" || st=$?
  [ "$st" -eq 73 ] && pass || fail "read-only folder: status $st, not 73"
  chmod 755 "$TMP/ro"
elif mount -t tmpfs -o size=1m,ro tmpfs "$TMP/w/sub" 2>/dev/null; then
  # root may write anywhere: a read-only file system instead
  st=0; "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/sub/out.pdf" 2>"$TMP/err" || st=$?
  [ "$st" -eq 73 ] && pass || fail "read-only file system: status $st, not 73 ($(cat "$TMP/err"))"
  grep -q "out.pdf: cannot write" "$TMP/err" && pass || fail "read-only: $(cat "$TMP/err")"
  umount "$W/sub"
else
  echo "skipped: the read-only case (root, and no tmpfs can be mounted here)"
fi
st=0; "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$TMP/no/such/folder/out.pdf" 2>"$TMP/err" || st=$?
[ "$st" -eq 73 ] && pass || fail "missing folder: status $st, not 73"

# ---- a full file system: 75 (worth a retry), the old file intact ----------
mkdir -p "$TMP/full"
if mount -t tmpfs -o size=64k tmpfs "$TMP/full" 2>/dev/null; then
  echo "an earlier good file" >"$TMP/full/out.pdf"
  st=0; "$DOSSIER" -s "$STYLE" "$W/big.xml" -o "$TMP/full/out.pdf" 2>"$TMP/err" || st=$?
  [ "$st" -eq 75 ] && pass || fail "full disk: status $st, not 75 ($(cat "$TMP/err"))"
  [ "$(cat "$TMP/full/out.pdf")" = "an earlier good file" ] && pass || fail "full disk: old file changed"
  [ "$(ls -A "$TMP/full")" = out.pdf ] && pass || fail "full disk: left $(ls -A "$TMP/full")"
  umount "$TMP/full"
else
  echo "skipped: the full file system (no tmpfs can be mounted here)"
fi

# ---- dates: D: prefix; a bad SOURCE_DATE_EPOCH is said, not silent --------
SOURCE_DATE_EPOCH=1772409600 "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/out.pdf"
qpdf --qdf --object-streams=disable "$W/out.pdf" "$TMP/q.pdf"
grep -aq "/CreationDate (D:20260302000000Z)" "$TMP/q.pdf" && pass || fail "no D: creation date"
grep -aq "/ModDate (D:20260302000000Z)" "$TMP/q.pdf" && pass || fail "no D: mod date"
for bad in yesterday -5 12x 99999999999999999999; do
  SOURCE_DATE_EPOCH=$bad "$DOSSIER" -s "$STYLE" "$W/in.xml" -o "$W/out.pdf" 2>"$TMP/err"
  grep -q "warning: SOURCE_DATE_EPOCH=\"$bad\" is not" "$TMP/err" && pass || fail "SOURCE_DATE_EPOCH=$bad: no warning"
  pdfinfo "$W/out.pdf" | grep -q CreationDate && fail "SOURCE_DATE_EPOCH=$bad: a date was written" || pass
done
# ---- a user with no writable home: quiet (no fontconfig cache complaints) -
as_nobody () { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1 \
   && as_nobody "$DOSSIER" --version >/dev/null 2>&1 && as_nobody test -r "$STYLE"; then
  mkdir -p "$TMP/nobody" && chmod 777 "$TMP/nobody" && chmod 755 "$TMP"
  cp "$W/in.xml" "$TMP/nobody/in.xml" && chmod 644 "$TMP/nobody/in.xml"
  for run in 1 2; do
    st=0
    as_nobody env -i HOME=/nonexistent PATH=/usr/bin:/bin ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
      UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
      "$DOSSIER" -s "$STYLE" "$TMP/nobody/in.xml" -o "$TMP/nobody/out.pdf" 2>"$TMP/err" || st=$?
    [ "$st" -eq 0 ] && pass || fail "no writable home, run $run: status $st"
    [ -s "$TMP/err" ] && fail "no writable home, run $run: printed $(head -3 "$TMP/err")" || pass
  done
else
  echo "skipped: the no-writable-home case (needs root, setpriv, and a build nobody may run)"
fi
finish
