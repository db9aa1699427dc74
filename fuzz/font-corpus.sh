#!/bin/sh
# Makes fuzz/corpus/font: the Noto faces the project uses, cut with
# hb-subset (Debian's libharfbuzz-bin) to a few glyphs each, so every seed
# is a real font of a few KB — TrueType (glyf, one with its hinting
# programs), CFF (CJK, one desubroutinized), a TrueType collection of two
# faces — and a few damaged ones: truncated, bytes overwritten, a table
# directory that lies, random bytes. Deterministic (fixed seeds); run it
# again only to change the seeds. Usage: fuzz/font-corpus.sh
set -eu
cd "$(dirname "$0")/corpus/font"
N=/usr/share/fonts/truetype/noto
O=/usr/share/fonts/opentype/noto
sub() { hb-subset "$@"; }
sub $N/NotoSerif-Regular.ttf --no-hinting -o serif-latin.ttf \
  --text="Die Konferenz fließt: Größe, Straße – Übergänge 7,3 Mrd. US-Dollar"
sub $N/NotoSerif-Regular.ttf --text="Größe" -o serif-hinted.ttf
sub $N/NotoSans-Bold.ttf --no-hinting --text="Übergänge Seite 1 · 0123" -o sans-bold.ttf
sub $N/NotoSerif-Italic.ttf --no-hinting --text="Größe fließt" -o serif-italic.ttf
sub $N/NotoSansMono-Regular.ttf --no-hinting --text="0123456789 Mio." -o mono.ttf
sub $O/NotoSerifCJK-Regular.ttc --face-index=2 --text="南京日会议德国，。" -o cjk-serif-sc.otf
sub $O/NotoSansCJK-Regular.ttc --face-index=2 --text="南京日会议Größe 0123" -o cjk-sans-sc.otf
sub $O/NotoSansCJK-Bold.ttc --face-index=2 --text="南京" --desubroutinize -o cjk-sans-bold-desubr.otf
python3 - <<'PY'
import random, struct
def read(n): return open(n, 'rb').read()
def write(n, b): open(n, 'wb').write(b)
# a collection: each face copied whole, its table offsets moved by where it lands
faces = [read('cjk-sans-bold-desubr.otf'), read('sans-bold.ttf')]
out = bytearray(b'ttcf' + struct.pack('>IIII', 0x00010000, 2, 0, 0))
for i, f in enumerate(faces):
    while len(out) % 4: out.append(0)
    at = len(out)
    struct.pack_into('>I', out, 12 + 4 * i, at)
    f = bytearray(f)
    for t in range(struct.unpack('>H', f[4:6])[0]):
        o = 12 + 16 * t + 8
        struct.pack_into('>I', f, o, struct.unpack('>I', f[o:o + 4])[0] + at)
    out += f
write('collection.ttc', bytes(out))
rng = random.Random(2026)
write('truncated.ttf', read('serif-latin.ttf')[:3000])
write('truncated-cff.otf', read('cjk-sans-sc.otf')[:2600])
for src, dst in (('serif-latin.ttf', 'garbled.ttf'), ('cjk-serif-sc.otf', 'garbled-cff.otf')):
    b = bytearray(read(src))
    for _ in range(40):
        b[rng.randrange(200, len(b))] = rng.randrange(256)
    write(dst, bytes(b))
# a table directory claiming tables far beyond the end of the file
b = bytearray(read('mono.ttf'))
struct.pack_into('>I', b, 12 + 8, 0x7ffffff0)
struct.pack_into('>I', b, 12 + 16 + 12, 0x7ffffff0)
write('lying-directory.ttf', bytes(b))
write('random.otf', bytes(rng.randrange(256) for _ in range(700)))
write('otto-header.otf', b'OTTO' + struct.pack('>HHHH', 0xffff, 0, 0, 0))
PY
