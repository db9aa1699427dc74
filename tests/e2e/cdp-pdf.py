#!/usr/bin/env python3
"""Opens a PDF in headless Chromium's own viewer (PDFium, the viewer the
browser shows a downloaded dossier in) over the DevTools protocol (cdp.py), waits
for the viewer to load the document, and prints what the viewer read from
it as JSON: {"title", "pages", "bookmarks"}, and writes a screenshot.
Usage: cdp-pdf.py PDF PNG PROFILE"""
import base64, os, sys, time

pdf, png, profile = sys.argv[1:4]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Chromium

browser = Chromium(profile)
call = browser.call

# the viewer's own toolbar holds what it read: title, number of pages; its
# bookmarks are the outline's top-level entries
PROBE = """(() => {
  const v = document.querySelector('pdf-viewer');
  const tb = v && v.shadowRoot && v.shadowRoot.querySelector('viewer-toolbar');
  if (!tb || !tb.docLength) return null;
  return JSON.stringify({title: tb.docTitle, pages: tb.docLength,
                         bookmarks: v.bookmarks_ ? v.bookmarks_.length : null});
})()"""

try:
    page = call("Target.createTarget", {"url": "file://" + os.path.abspath(pdf)})
    page_session = call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
    # the viewer fills its toolbar in steps (pages first, then title and
    # bookmarks with the metadata): read it until it stays the same for 1.5 s
    result, viewer, same, last = None, None, 0, None
    deadline = time.time() + 30
    while same < 3 and time.time() < deadline:
        time.sleep(0.5)
        if viewer is None:
            for t in call("Target.getTargets")["targetInfos"]:
                if t["url"].startswith("chrome-extension://") and t["url"].endswith("/index.html"):
                    viewer = call("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True})["sessionId"]
        if viewer is not None:
            r = call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, viewer)
            now = r.get("result", {}).get("value")
            same = same + 1 if now is not None and now == last else 0
            last = now
    result = last
    if result is None:
        raise SystemExit("the viewer did not load the PDF in 30 s")
    time.sleep(1)   # the first page's pixels
    shot = call("Page.captureScreenshot", {"format": "png"}, page_session)
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print(result)
finally:
    browser.close()
