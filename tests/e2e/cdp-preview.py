#!/usr/bin/env python3
"""The browser test's driver (test-serve-browser.sh): headless Chromium
over the DevTools protocol (cdp.py). Loads the preview, waits for every page image, scrolls, runs
the edit command, waits for the reloaded images, and checks that the
changed pages were reloaded, the scroll position kept and a broken edit's
message shown. Usage: cdp-preview.py URL PROFILE EDIT_CMD BREAK_CMD"""
import json, os, subprocess, sys, time

url, profile, edit, broken = sys.argv[1:5]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Chromium

browser = Chromium(profile)
call = browser.call

failures = 0
def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what, file=sys.stderr)

try:
    target = call("Target.createTarget", {"url": url})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    def js(expr):
        r = call("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session)
        return r["result"].get("value")
    def wait(expr, seconds=60):
        end = time.time() + seconds
        while time.time() < end:
            if js(expr):
                return True
            time.sleep(0.1)
        return False
    state = "JSON.stringify([...document.images].map(i => [i.dataset.loaded, i.naturalWidth, i.src]))"
    check(wait("document.body.dataset.render === '1'"), "the first render's images did not load")
    first = json.loads(js(state))
    check(len(first) > 1 and all(w > 0 for _, w, _ in first), f"page images missing: {first}")
    check(all("w=" in s for _, _, s in first), "images not asked at the window's width")
    js("window.scrollTo(0, 1500)")
    time.sleep(0.3)
    y = js("window.scrollY")
    check(y >= 1000, f"could not scroll ({y})")
    subprocess.run(edit, shell=True, check=True)
    check(wait("document.body.dataset.render === '2'"), "the edit's images did not load")
    second = json.loads(js(state))
    changed = [i for i, (a, b) in enumerate(zip(first, second)) if a[2] != b[2]]
    check(len(changed) > 0, "no page image reloaded after the edit")
    check(all(second[i][0] == "2" for i in changed), f"reloaded pages not at render 2: {second}")
    check(all(w > 0 for _, w, _ in second), "a page image is broken after the edit")
    y2 = js("window.scrollY")
    check(abs(y2 - y) < 2, f"the scroll position moved from {y} to {y2}")
    subprocess.run(broken, shell=True, check=True)
    check(wait("document.querySelectorAll('#messages li.error').length > 0"),
          "the broken edit's message is not shown")
    text = js("document.getElementById('messages').textContent") or ""
    check("style.css:" in text and ":16:" in text, f"the message lacks file:line:column: {text}")
    check(js("document.images.length") == len(first), "the last good pages are not kept")
    print(f"reloaded pages {[i + 1 for i in changed]} of {len(first)}; message: {text[:80]}")
finally:
    browser.close()
sys.exit(1 if failures else 0)
