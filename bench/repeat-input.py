#!/usr/bin/env python3
"""Writes a dossier input with the sections of INPUT repeated N times to
stdout (ids, and the references to them, suffixed in each copy), for the
benchmark's larger renditions of the example.  Usage: repeat-input.py INPUT.xml N"""
import sys
import xml.etree.ElementTree as ET

XML_NS = "http://www.w3.org/XML/1998/namespace"
ET.register_namespace("xml", XML_NS)
tree = ET.parse(sys.argv[1])
root = tree.getroot()
n = int(sys.argv[2])
sections = root.findall("section")
# the input names its style relative to itself: the copy is written elsewhere
root.attrib.pop("style", None)
for k in range(1, n):
    for s in sections:
        copy = ET.fromstring(ET.tostring(s))
        for el in copy.iter():
            for attr in ("id", "by"):
                if el.get(attr):
                    el.set(attr, "%s-%d" % (el.get(attr), k))
            if el.tag == "link" and (el.get("href") or "").startswith("#"):
                el.set("href", "%s-%d" % (el.get("href"), k))
        root.append(copy)
sys.stdout.write('<?xml version="1.0" encoding="UTF-8"?>\n')
sys.stdout.write(ET.tostring(root, encoding="unicode"))
sys.stdout.write("\n")
