#!/bin/sh
# What a proof-reader measures on the page, from pdftotext's word boxes, in
# the three arrangements: no word within 8 mm of the paper's edge (running
# heads and page numbers included); no word space in a justified German line
# wider than 0.75 em (a line that cannot be justified ends short instead);
# a list marker an en (0.3 to 0.6 em) before its text, never a gap that
# reads as a wide word space, and "9." and "10." flush right.
. "$(dirname "$0")/lib.sh"
printf '@import "%s/styles/handout.css";\ndossier { layout: sequential; }\n' "$SRCDIR" >"$TMP/sequential.css"
cat >"$TMP/list.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<dossier version="1" languages="de zh">
  <meta><title><t xml:lang="de">Liste</t><t xml:lang="zh">清单</t></title><date when="2026-03-02"/></meta>
  <section id="s"><heading><t xml:lang="de">Schritte</t><t xml:lang="zh">步骤</t></heading>
    <list kind="ordered">
      <item><t xml:lang="de">Anerkennung der Abschlüsse prüfen</t><t xml:lang="zh">审查学历互认</t></item>
      <item><t xml:lang="de">Sprachkurse ab dem ersten Jahr</t><t xml:lang="zh">第一年起开设语言课程</t></item>
      <item><t xml:lang="de">Praktikum im Partnerkrankenhaus</t><t xml:lang="zh">在合作医院实习</t></item>
      <item><t xml:lang="de">Prüfung vor der Kammer</t><t xml:lang="zh">考试</t></item>
      <item><t xml:lang="de">Wohnung in der Nähe der Klinik</t><t xml:lang="zh">住房</t></item>
      <item><t xml:lang="de">Begleitung durch eine Mentorin</t><t xml:lang="zh">导师</t></item>
      <item><t xml:lang="de">Anmeldung bei der Behörde</t><t xml:lang="zh">登记</t></item>
      <item><t xml:lang="de">Kontoeröffnung bei einer Bank</t><t xml:lang="zh">开户</t></item>
      <item><t xml:lang="de">Krankenversicherung abschließen</t><t xml:lang="zh">保险</t></item>
      <item><t xml:lang="de">Arbeitsbeginn auf der Station</t><t xml:lang="zh">上岗</t></item>
    </list>
  </section>
</dossier>
XML
for input in "$SRCDIR/input/nanjing-day-2026.xml" "$SRCDIR/tests/inputs/other-author.xml" "$TMP/list.xml"; do
  for style in "$SRCDIR/styles/handout.css" "$SRCDIR/styles/briefing.css" "$TMP/sequential.css"; do
    name=$(basename "$input" .xml)-$(basename "$style" .css)
    "$DOSSIER" -s "$style" -o "$TMP/$name.pdf" "$input" 2>"$TMP/err" && pass \
      || { cat "$TMP/err"; fail "$name: render"; continue; }
    pdftotext -bbox-layout "$TMP/$name.pdf" "$TMP/$name.html"
    python3 - "$TMP/$name.html" "$name" <<'PY' && pass || fail "$name: proof"
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4
text = re.sub(r"<!DOCTYPE[^>]*>", "", open(sys.argv[1], encoding="utf-8").read(), count=1)
root = ET.fromstring(text)
problems = []
def han(s):
    return any(0x3000 <= ord(c) <= 0x9fff or 0xff00 <= ord(c) <= 0xffef for c in s)
for pno, page in enumerate(root.iter(NS + "page"), 1):
    pw, ph = float(page.get("width")), float(page.get("height"))
    for block in page.iter(NS + "block"):
        lines = list(block.iter(NS + "line"))
        for li, line in enumerate(lines):
            ws = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                   float(w.get("yMax")), w.text or "") for w in line.iter(NS + "word")]
            for x0, y0, x1, y1, t in ws:
                if min(x0, y0, pw - x1, ph - y1) < 8 * MM:
                    problems.append(f"page {pno}: '{t}' within 8 mm of the edge")
            if not ws or han("".join(w[4] for w in ws)):
                continue
            em = (ws[0][3] - ws[0][1]) / 1.36      # Noto's box: 1.36 em high
            gaps = [b[0] - a[2] for a, b in zip(ws, ws[1:])]
            if re.fullmatch(r"\d+\.", ws[0][4]) and len(ws) > 1:
                # a list marker (or a date's day: "2. März"): never a wide gap
                if gaps[0] > 0.6 * em:
                    problems.append(f"page {pno}: marker gap {gaps[0] / em:.2f} em: {ws[0][4]} {ws[1][4]}")
                gaps = gaps[1:]
            # a justified line of prose: not the paragraph's last, 4 words or more
            if li + 1 < len(lines) and len(ws) >= 4 and gaps and max(gaps) > 0.75 * em:
                problems.append(f"page {pno}: a {max(gaps) / em:.2f} em space: " + " ".join(w[4] for w in ws))
print("\n".join(problems[:10]), file=sys.stderr)
sys.exit(1 if problems else 0)
PY
  done
done
# the markers of a list of ten: an en (0.3 to 0.6 em) before their text,
# all ending at the same x ("9." and "10." flush right)
for name in list-handout list-briefing list-sequential; do
python3 - "$TMP/$name.html" <<'PY' && pass || fail "$name: list markers"
import re, sys
firsts = {"Anerkennung", "Sprachkurse", "Praktikum", "Prüfung", "Wohnung", "Begleitung",
          "Anmeldung", "Kontoeröffnung", "Krankenversicherung", "Arbeitsbeginn"}
html = open(sys.argv[1], encoding="utf-8").read()
ends, n = set(), 0
for line in re.findall(r"<line [^>]*>(.*?)</line>", html, re.S):
    ws = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', line)
    if len(ws) < 2 or ws[1][4] not in firsts or not re.fullmatch(r"\d+\.", ws[0][4]):
        continue
    n += 1
    em = (float(ws[0][3]) - float(ws[0][1])) / 1.36
    gap = float(ws[1][0]) - float(ws[0][2])
    assert 0.3 * em <= gap <= 0.6 * em, (ws[0][4], gap / em)
    ends.add(round(float(ws[0][2]), 0))
assert n == 10, n
assert len(ends) == 1, ends
PY
done
finish
