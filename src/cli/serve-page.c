/* serve-page.c — the preview page --serve sends (serve.c): HTML and a
 * little JS, kept as a C string so the binary needs no data file.
 *
 * The page opens /events (Server-Sent Events); each event is the state
 * after a render: the pages with a version each, and the messages. An
 * image is reloaded only when its page's version changed, in place, so
 * the scroll position stays; each image keeps its page's proportions while
 * loading so that nothing below it moves. After an image has loaded, its
 * data-loaded attribute holds the version and the body's data-render the
 * render it shows (what the browser test reads). */

const char cli_serve_page[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
  "<meta name=\"viewport\" content=\"width=device-width\">\n"
  "<title>dossier preview</title>\n"
  "<style>\n"
  "body{margin:0;background:#666;font:14px/1.4 sans-serif}\n"
  "#bar{position:sticky;top:0;z-index:1;background:#222;color:#eee;padding:4px 10px}\n"
  "#messages{margin:0;padding:0;list-style:none}\n"
  "#messages li{background:#fee;color:#600;padding:4px 10px;border-bottom:1px solid #c99;"
  "font-family:monospace;white-space:pre-wrap}\n"
  "#messages li.warning{background:#ffd;color:#550}\n"
  "#pages{max-width:1000px;margin:0 auto;padding:10px}\n"
  "#pages img{display:block;width:100%;height:auto;background:#fff;margin:0 0 10px;"
  "box-shadow:0 1px 4px #000}\n"
  "</style></head><body data-render=\"0\">\n"
  "<div id=\"bar\">dossier preview: <span id=\"status\">connecting…</span></div>\n"
  "<ul id=\"messages\"></ul>\n"
  "<div id=\"pages\"></div>\n"
  "<script>\n"
  "'use strict';\n"
  "const pages = document.getElementById('pages');\n"
  "const messages = document.getElementById('messages');\n"
  "const status = document.getElementById('status');\n"
  "let last = null;\n"
  "function width () { return Math.round(pages.clientWidth * (window.devicePixelRatio || 1)); }\n"
  "function show (state, all) {\n"
  "  last = state;\n"
  "  messages.replaceChildren(...state.messages.map(m => {\n"
  "    const li = document.createElement('li');\n"
  "    li.className = m.level; li.textContent = m.text; return li; }));\n"
  "  status.textContent = 'render ' + state.render + (state.ok ? ': ' + state.output\n"
  "    : ': broken edit, showing the last good pages');\n"
  "  const w = width();\n"
  "  state.pages.forEach((p, i) => {\n"
  "    let img = pages.children[i];\n"
  "    if (!img) { img = document.createElement('img'); pages.appendChild(img); }\n"
  "    img.alt = 'page ' + p.n;\n"
  "    img.style.aspectRatio = p.w + ' / ' + p.h;\n"
  "    if (!all && img.dataset.v === String(p.v)) return;\n"
  "    img.dataset.v = p.v;\n"
  "    img.onload = () => { img.dataset.loaded = p.v; done(state); };\n"
  "    img.src = '/page/' + p.n + '.png?w=' + w + '&v=' + p.v;\n"
  "  });\n"
  "  while (pages.children.length > state.pages.length) pages.lastChild.remove();\n"
  "  done(state);\n"
  "}\n"
  "function done (state) {\n"
  "  for (const img of pages.children) if (img.dataset.loaded !== img.dataset.v) return;\n"
  "  document.body.dataset.render = state.render;\n"
  "}\n"
  "const events = new EventSource('/events');\n"
  "events.addEventListener('render', e => show(JSON.parse(e.data), false));\n"
  "events.onerror = () => { status.textContent = 'disconnected: is dossier --serve running?'; };\n"
  "let resizing = 0;\n"
  "window.addEventListener('resize', () => { clearTimeout(resizing);\n"
  "  resizing = setTimeout(() => last && show(last, true), 200); });\n"
  "</script></body></html>\n";
