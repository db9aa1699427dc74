#!/bin/sh
# Files an input names (style="", pack includes) and the input itself, in
# the cases a tsv cannot set up: symlinks that lead out of the folder,
# FIFOs (which would hang a reader that waits for a writer), devices. Also:
# an internal link (href="#id") is a GoTo to the section, not a URI.
. "$(dirname "$0")/lib.sh"
W="$TMP/w"
mkdir -p "$W"
HOSTILE="$SRCDIR/tests/hostile"
# dossier_with STYLE: a valid input naming that style
dossier_with () {
  sed "s|<dossier version=\"1\" languages=\"de zh\">|<dossier version=\"1\" languages=\"de zh\" style=\"$1\">|" \
    "$HOSTILE/references/ids-distinct-ok.xml"
}
# run EXPECTED_STATUS PATTERN ARGS…: within 20 s, never hanging
run () {
  want=$1 pattern=$2
  shift 2
  got=0
  timeout 20 "$DOSSIER" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || got=$?
  if [ "$got" -ne "$want" ]; then
    sed 's/^/    /' "$TMP/err" >&2
    fail "$*: status $got, not $want"
    return
  fi
  pass
  if [ "$pattern" = "-" ]; then   # nothing may be printed
    [ -s "$TMP/err" ] && { cat "$TMP/err" >&2; fail "$*: printed messages"; } || pass
    return
  fi
  grep -Eq -- "$pattern" "$TMP/err" && pass || { cat "$TMP/err" >&2; fail "$*: no /$pattern/"; }
}

# a symlink inside the folder that leads to /etc/passwd, and one that
# leads to a file that does not exist: the same message (nothing told
# about the rest of the machine), exit 65
ln -s /etc/passwd "$W/passwd.css"
ln -s /etc/no-such-file-xyz "$W/gone.css"
dossier_with passwd.css >"$W/leak.xml"
dossier_with gone.css >"$W/gone.xml"
run 65 'leak\.xml:2:[0-9]+: error: style="passwd\.css" names no file inside the folder of' "$W/leak.xml" -o "$W/o.pdf"
sed 's/leak\.xml/IN/g; s/passwd\.css/CSS/g' "$TMP/err" >"$TMP/err1"
run 65 'gone\.xml:2:[0-9]+: error: style="gone\.css" names no file inside the folder of' "$W/gone.xml" -o "$W/o.pdf"
sed 's/gone\.xml/IN/g; s/gone\.css/CSS/g' "$TMP/err" >"$TMP/err2"
cmp -s "$TMP/err1" "$TMP/err2" && pass || fail "existing and missing targets outside give different messages"
# a symlinked folder leading outside
ln -s /etc "$W/etc"
dossier_with etc/passwd >"$W/dirlink.xml"
run 65 'style="etc/passwd" names no file inside the folder' "$W/dirlink.xml" -o "$W/o.pdf"
# a symlink that stays inside the folder is fine
printf 'p { color: #111; }\n' >"$W/real.css"
ln -s real.css "$W/alias.css"
dossier_with alias.css >"$W/alias.xml"
run 0 - "$W/alias.xml" -o "$W/alias.pdf"

# a FIFO as style=, as a pack include and as the input: refused at once
mkfifo "$W/fifo.css" "$W/fifo.xml"
dossier_with fifo.css >"$W/fifo-style.xml"
run 65 'fifo-style\.xml:2:[0-9]+: error: style="fifo\.css" is not a regular file' "$W/fifo-style.xml" -o "$W/o.pdf"
cp "$HOSTILE/packs/one.xml" "$W/one.xml"
cat >"$W/pack.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<pack version="1" languages="de zh">
  <title><t xml:lang="de">Mappe</t><t xml:lang="zh">文件夹</t></title>
  <include href="one.xml"/>
  <include href="fifo.xml"/>
</pack>
XML
run 65 'pack\.xml:5:12: error: include href="fifo\.xml" is not a regular file' "$W/pack.xml" -o "$W/o.pdf"
run 66 'fifo\.xml: is not a regular file' "$W/fifo.xml" -o "$W/o.pdf"
run 66 '/dev/zero: is not a regular file' /dev/zero -o "$W/o.pdf"
# a style given with -s that is a device or a FIFO: not read either
run 66 'fifo\.css: is not a regular style file' -s "$W/fifo.css" "$W/one.xml" -o "$W/o.pdf"
run 66 '/dev/zero: is not a regular style file' -s /dev/zero "$W/one.xml" -o "$W/o.pdf"
# a style that @imports a FIFO or /dev/zero: refused at the @import, no hang
printf '@import "fifo.css";\np { color: #111; }\n' >"$W/imp-fifo.css"
run 65 'imp-fifo\.css:1:[0-9]+: error: .*fifo\.css.*not a regular file' -s "$W/imp-fifo.css" "$W/one.xml" -o "$W/o.pdf"
printf '@import "/dev/zero";\np { color: #111; }\n' >"$W/imp-zero.css"
run 65 'imp-zero\.css:1:[0-9]+: error: .*/dev/zero.*not a regular file' -s "$W/imp-zero.css" "$W/one.xml" -o "$W/o.pdf"
# a style file over the size limit
{ printf '/* '; head -c 17000000 /dev/zero | tr '\0' 'x'; printf ' */\n'; } >"$W/big.css"
run 65 'big\.css.*larger than the limit of 16777216 bytes' -s "$W/big.css" "$W/one.xml" -o "$W/o.pdf"
# the input through a symlink: read (the user named it)
ln -s one.xml "$W/link.xml"
run 0 - "$W/link.xml" -o "$W/link.pdf"
# an input over the size limit (16 MiB): refused, not read into memory
head -c 17000000 /dev/zero | tr '\0' ' ' >"$W/big.xml"
run 65 'big\.xml.*larger than the limit of 16777216 bytes' "$W/big.xml" -o "$W/o.pdf"

# href="#s2" is a link to the section's destination, not a URI
"$DOSSIER" "$HOSTILE/links/allowed-ok.xml" -o "$W/links.pdf" 2>"$TMP/err" && pass || fail "links: render"
qpdf --json "$W/links.pdf" >"$TMP/json"
python3 - "$TMP/json" <<'PY' && pass || fail "internal links are not GoTo destinations"
import json, sys
js = json.load(open(sys.argv[1]))
objs = js.get("qpdf", [{}, {}])[1] if "qpdf" in js else js["objects"]
uris, dests = [], []
for v in objs.values():
    v = v.get("value", v) if isinstance(v, dict) else v
    if isinstance(v, dict) and v.get("/Subtype") == "/Link":
        if "/Dest" in v:
            dests.append(v["/Dest"])
        a = v.get("/A", {})
        if isinstance(a, dict) and "/URI" in a:
            uris.append(a["/URI"])
bad = [u for u in uris if "#" in str(u) and "example" not in str(u)]
ok = len(dests) >= 3 and len(uris) == 4 and not bad
if not ok:
    print("dests", dests, "uris", uris, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
finish
