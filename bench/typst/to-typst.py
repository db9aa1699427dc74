#!/usr/bin/env python3
"""Writes a Typst rendition of a dossier input (format v1) to stdout, for the
benchmark only: the same text, figures and fonts, A4 with the handout style's
margins and sizes, the two languages side by side in a grid row per unit (as
dossier's parallel arrangement), charts as bars of boxes with their labels.
It aims at the same amount of typesetting work, not at the same look in
every detail.  Usage: to-typst.py INPUT.xml > out.typ"""
import sys
import xml.etree.ElementTree as ET

XML = "{http://www.w3.org/XML/1998/namespace}lang"
doc = ET.parse(sys.argv[1]).getroot()
langs = doc.get("languages", "de zh").split()
figs = {f.get("id"): f for f in doc.iter("figure")}

SCALE = {
    "de": [(1e9, "Mrd."), (1e6, "Mio.")],
    "zh": [(1e8, "亿"), (1e4, "万")],
}
UNIT = {
    "de": {"USD": "US-Dollar", "EUR": "Euro", "CNY": "Yuan", "count": "", "percent": "%"},
    "zh": {"USD": "美元", "EUR": "欧元", "CNY": "元", "count": "", "percent": "%"},
}
QUAL = {
    "de": {"more-than": "mehr als ", "about": "rund ", "less-than": "weniger als ", "up-to": "bis zu "},
    "zh": {"more-than": "逾", "about": "约", "less-than": "不足", "up-to": "最多"},
}


def number(value, lang):
    v = float(value)
    for size, word in SCALE[lang]:
        if v >= size:
            s = ("%.2f" % (v / size)).rstrip("0").rstrip(".")
            return (s.replace(".", ",") + " " + word) if lang == "de" else s + word
    s = "%d" % v if v == int(v) else str(v)
    return s.replace(".", ",") if lang == "de" else s


def figure(ref, lang):
    f = figs[ref]
    text = QUAL[lang].get(f.get("qualifier", ""), "") + number(f.get("value"), lang)
    unit = UNIT[lang].get(f.get("unit", ""), f.get("unit", ""))
    if unit:
        text += (" " if lang == "de" else "") + unit
    return text


def esc(s):
    out = []
    for ch in s:
        if ch in "\\#*_`$<>@[]~\"'=-/+":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def inline(el, lang):
    """The text of a t (or any inline element) as Typst markup."""
    parts = [esc(el.text or "")]
    for c in el:
        if c.tag == "fig":
            parts.append(esc(figure(c.get("ref"), lang)))
        elif c.tag == "q":
            o, e = ("„", "“") if lang == "de" else ("“", "”")
            parts.append(o + inline(c, lang) + e)
        elif c.tag == "date":
            y, m, d = (int(x) for x in c.get("when").split("-"))
            months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                      "September", "Oktober", "November", "Dezember"]
            parts.append("%d. %s %d" % (d, months[m - 1], y) if lang == "de" else "%d年%d月%d日" % (y, m, d))
        elif c.tag == "em":
            parts.append("#emph[" + inline(c, lang) + "]")
        elif c.tag == "strong":
            parts.append("#strong[" + inline(c, lang) + "]")
        else:
            parts.append(inline(c, lang))
        parts.append(esc(c.tail or ""))
    return "".join(parts).replace("\n", " ")


def variant(el, lang):
    """The variant of a bilingual element in lang (or its neutral t)."""
    if el is None:
        return ""
    ts = [t for t in el if t.tag == "t"]
    for t in ts:
        if t.get(XML) == lang:
            return inline(t, lang)
    for t in ts:
        if t.get(XML) is None:
            return inline(t, lang)
    return ""


out = []
emit = out.append


def row(cells):
    """One unit: its variants side by side, each cell in its language."""
    emit("#grid(columns: (1fr, 1fr), column-gutter: 8mm, "
         + ", ".join("[#text(lang: \"%s\")[%s]]" % (l, c) for l, c in zip(langs, cells)) + ")")


def block(el, depth):
    tag = el.tag
    if tag == "heading":
        size = {1: "13pt", 2: "11pt"}.get(depth, "10pt")
        row(["#heading(level: %d)[#text(size: %s)[%s]]" % (min(depth, 3), size, variant(el, l))
             for l in langs])
    elif tag in ("p", "note", "caption", "source"):
        row([variant(el, l) for l in langs])
    elif tag == "quote":
        row(["#pad(left: 6mm)[#emph[%s]]" % variant(el, l) for l in langs])
    elif tag == "list":
        row(["#list(" + ", ".join("[" + variant(i, l) + "]" for i in el if i.tag == "item") + ")"
             for l in langs])
    elif tag == "facts":
        ids = el.get("figures").split()
        for l in langs:
            cells = ["#box(fill: rgb(\"#f5f1ea\"), inset: 2mm, width: 100%%)[#text(size: 14pt)[%s] \\ "
                     "#text(size: 7.5pt)[%s]]" % (esc(figure(i, l)), variant(figs[i].find("label"), l))
                     for i in ids]
            emit("#grid(columns: %d, column-gutter: 3mm, %s)" % (len(ids), ", ".join("[" + c + "]" for c in cells)))
    elif tag == "chart":
        if el.get("figures"):
            points = [(variant(figs[i].find("label"), langs[0]), float(figs[i].get("value")))
                      for i in el.get("figures").split()]
        else:
            series = [s for s in doc.iter("series") if s.get("id") == el.get("data")][0]
            points = [(p.get("x"), float(p.get("value"))) for p in series.iter("point")]
        top = max(v for _, v in points) or 1
        bars = ", ".join("[%s], [#box(fill: rgb(\"#b5121b\"), width: %.1f%%, height: 4mm)]"
                         % (name, 100 * v / top) for name, v in points)
        emit("#block(height: 60mm)[#grid(columns: (30%%, 1fr), row-gutter: 2mm, %s)]" % bars)
        block_children(el, depth)
    elif tag in ("programme", "people", "organisations"):
        for c in el:
            if c.tag in ("session", "person", "org"):
                parts = [c.find("heading"), c.find("name"), c.find("role"), c.find("note")]
                row([" — ".join(variant(p, l) for p in parts if p is not None) for l in langs])
    elif tag == "section":
        for c in el:
            block(c, depth + 1)


def block_children(el, depth):
    for c in el:
        if c.tag in ("caption", "source"):
            block(c, depth)


meta = doc.find("meta")
emit('#set page(paper: "a4", margin: (top: 22mm, right: 18mm, bottom: 20mm, left: 18mm), '
     'header: context { if here().page() > 1 [#text(size: 7.5pt)[%s #h(1fr) %s]] }, '
     'footer: context [#text(size: 7.5pt)[Seite #counter(page).display() #h(1fr) 第 #counter(page).display() 页]])'
     % (variant(meta.find("title"), langs[0]), variant(meta.find("title"), langs[-1])))
emit('#show heading: set text(font: ("Noto Sans", "Noto Sans CJK SC"), fill: rgb("#b5121b"))')
emit('#set text(font: ("Noto Serif", "Noto Serif CJK SC"), size: 9.5pt, fill: rgb("#1d1d1b"))')
emit('#show: it => { set text(lang: "de"); it }')
emit('#set par(justify: true, leading: 0.45em)')
emit('#set text(hyphenate: true)')
row(["#text(font: (\"Noto Sans\", \"Noto Sans CJK SC\"), size: 20pt, fill: rgb(\"#b5121b\"))[%s] \\ %s"
     % (variant(meta.find("title"), l), variant(meta.find("subtitle"), l)) for l in langs])
emit("#outline()")
emit("#pagebreak()")
for s in doc.findall("section"):
    block(s, 0)
print("\n".join(out))
