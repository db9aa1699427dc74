#!/usr/bin/env python3
"""Opens a PDF in headless Chromium's own viewer (PDFium, the viewer the
browser shows a downloaded dossier in) over the DevTools protocol on a pipe
(as cdp-preview.py: JSON messages ended by NUL on descriptors 3 and 4), waits
for the viewer to load the document, and prints what the viewer read from
it as JSON: {"title", "pages", "bookmarks"}, and writes a screenshot.
Usage: cdp-pdf.py PDF PNG PROFILE"""
import base64, json, os, subprocess, sys, time

pdf, png, profile = sys.argv[1:4]
to_r, to_w = os.pipe()
from_r, from_w = os.pipe()

def child_fds():
    os.dup2(to_r, 100)
    os.dup2(from_w, 101)
    os.dup2(100, 3)
    os.dup2(101, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)

chrome = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
     "--user-data-dir=" + profile, "--window-size=900,1200", "--no-first-run", "about:blank"],
    preexec_fn=child_fds, pass_fds=(3, 4),
    stdout=subprocess.DEVNULL, stderr=open(profile + ".log", "wb"))
os.close(to_r)
os.close(from_w)
buf = b""
ids = 0

def call(method, params=None, session=None):
    global buf, ids
    ids += 1
    msg = {"id": ids, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    os.write(to_w, json.dumps(msg).encode() + b"\0")
    while True:
        while b"\0" not in buf:
            chunk = os.read(from_r, 65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            buf += chunk
        line, buf = buf.split(b"\0", 1)
        reply = json.loads(line)
        if reply.get("id") == ids:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply["result"]

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
    result, viewer = None, None
    deadline = time.time() + 30
    while result is None and time.time() < deadline:
        time.sleep(0.5)
        if viewer is None:
            for t in call("Target.getTargets")["targetInfos"]:
                if t["url"].startswith("chrome-extension://") and t["url"].endswith("/index.html"):
                    viewer = call("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True})["sessionId"]
        if viewer is not None:
            r = call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, viewer)
            result = r.get("result", {}).get("value")
    if result is None:
        raise SystemExit("the viewer did not load the PDF in 30 s")
    time.sleep(1)   # the first page's pixels
    shot = call("Page.captureScreenshot", {"format": "png"}, page_session)
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print(result)
finally:
    chrome.kill()
    chrome.wait()
