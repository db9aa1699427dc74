/* serve.c — `dossier --serve`: the watch loop (watch.c) with a live
 * preview for a browser.
 *
 * A libsoup 3 server on 127.0.0.1 only serves four things, all generated:
 * the page (serve-page.c), /events (Server-Sent Events: the state after
 * each render), /state (the same JSON once) and /page/N.png?w=WIDTH or
 * /page/N.svg, the last good render's pages drawn from its display lists
 * (render_page_image). No path maps to a file, so nothing on disk is
 * served and there is no path to traverse; anything else is a 404.
 *
 * Which pages changed: after each good render every page is drawn as SVG
 * (exact: the glyphs and shapes as drawn, a few ms a page) and its
 * checksum compared with the last; a changed page gets a new version, and
 * the browser reloads only the images whose version changed. */
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include "cli/cli.h"
#include "cli/cli-private.h"

extern const char cli_serve_page[];

typedef struct {
  CliWatch *watch;
  SoupServer *server;
  GPtrArray *clients;       /* of SoupServerMessage*: the open /events streams */
  LayoutDoc *layout;        /* the last good render's pages, NULL: none yet */
  GPtrArray *sums;          /* of char*: each page's SVG checksum */
  GArray *versions;         /* of guint: each page's version */
  guint render;             /* renders so far */
  char *state;              /* the JSON the browser gets */
} Serve;

/* The state after a render: the pages (number, version, size in pt) and
 * the render's messages with their places. */
static void
build_state (Serve *s, const CliJobResult *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "render");
  json_builder_add_int_value (b, s->render);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, r->status == CLI_EXIT_OK);
  json_builder_set_member_name (b, "output");
  json_builder_add_string_value (b, r->output);
  json_builder_set_member_name (b, "pages");
  json_builder_begin_array (b);
  for (guint i = 0; s->layout && i < s->layout->pages->len; i++) {
    const LayoutPage *p = g_ptr_array_index (s->layout->pages, i);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "n");
    json_builder_add_int_value (b, i + 1);
    json_builder_set_member_name (b, "v");
    json_builder_add_int_value (b, g_array_index (s->versions, guint, i));
    json_builder_set_member_name (b, "w");
    json_builder_add_double_value (b, p->width);
    json_builder_set_member_name (b, "h");
    json_builder_add_double_value (b, p->height);
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "messages");
  json_builder_begin_array (b);
  for (guint i = 0; i < diag_list_length (r->diags); i++) {
    const Diag *d = diag_list_get (r->diags, i);
    g_autofree char *raw = diag_format (d);
    g_autofree char *text = g_utf8_make_valid (raw, -1);   /* a quoted byte of a bad input */
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "level");
    json_builder_add_string_value (b, d->level == DIAG_ERROR ? "error" : "warning");
    json_builder_set_member_name (b, "file");
    json_builder_add_string_value (b, d->file);
    json_builder_set_member_name (b, "line");
    json_builder_add_int_value (b, d->line);
    json_builder_set_member_name (b, "column");
    json_builder_add_int_value (b, d->column);
    json_builder_set_member_name (b, "text");
    json_builder_add_string_value (b, text);
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_free (s->state);
  s->state = json_to_string (root, FALSE);
}

/* New versions for the pages whose drawing changed. */
static void
update_versions (Serve *s)
{
  guint n = s->layout->pages->len;
  g_ptr_array_set_size (s->sums, (int) MAX (n, s->sums->len));
  guint old = s->versions->len;
  g_array_set_size (s->versions, n);
  for (guint i = old; i < n; i++)
    g_array_index (s->versions, guint, i) = 0;
  for (guint i = 0; i < n; i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) svg = render_page_image (s->layout, (int) i + 1, RENDER_FORMAT_SVG, 72,
                                                &error);
    char *sum = svg ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, svg)
                    : g_strdup_printf ("render %u", s->render);
    if (!g_strcmp0 (sum, g_ptr_array_index (s->sums, i))) {
      g_free (sum);
      continue;
    }
    g_free (g_ptr_array_index (s->sums, i));
    g_ptr_array_index (s->sums, i) = sum;
    g_array_index (s->versions, guint, i) = s->render;
  }
}

static void
send_event (SoupServerMessage *msg, const char *json)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *event = g_strdup_printf ("event: render\ndata: %s\n\n", json);
  soup_message_body_append (body, SOUP_MEMORY_COPY, event, strlen (event));
  soup_server_message_unpause (msg);
}

static void
on_render (CliWatch *w, CliJobResult *r, gpointer data)
{
  (void) w;
  Serve *s = data;
  s->render++;
  if (r->status == CLI_EXIT_OK && r->layout) {
    g_clear_pointer (&s->layout, layout_doc_free);
    s->layout = g_steal_pointer (&r->layout);
    update_versions (s);
  }
  build_state (s, r);
  for (guint i = 0; i < s->clients->len; i++)
    send_event (g_ptr_array_index (s->clients, i), s->state);
}

static void
on_client_gone (SoupServerMessage *msg, gpointer data)
{
  Serve *s = data;
  g_ptr_array_remove (s->clients, msg);
}

static void
respond (SoupServerMessage *msg, guint status, const char *type, GBytes *bytes)
{
  soup_server_message_set_status (msg, status, NULL);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  soup_message_headers_replace (h, "Cache-Control", "no-store");
  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, data, n);
}

static void
respond_text (SoupServerMessage *msg, guint status, const char *type, const char *text)
{
  g_autoptr (GBytes) b = g_bytes_new_static (text, strlen (text));
  respond (msg, status, type, b);
}

/* /page/N.png?w=WIDTH (pixels; default 1000) or /page/N.svg. */
static void
serve_page_image (Serve *s, SoupServerMessage *msg, const char *path, GHashTable *query)
{
  const char *name = path + strlen ("/page/");
  char *end;
  guint64 n = g_ascii_strtoull (name, &end, 10);
  RenderFormat format = strcmp (end, ".png") == 0   ? RENDER_FORMAT_PNG
                        : strcmp (end, ".svg") == 0 ? RENDER_FORMAT_SVG
                                                    : RENDER_FORMAT_PDF;
  if (end == name || !g_ascii_isdigit (*name) || format == RENDER_FORMAT_PDF || !s->layout ||
      n < 1 || n > s->layout->pages->len) {
    respond_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "no such page\n");
    return;
  }
  const LayoutPage *p = g_ptr_array_index (s->layout->pages, n - 1);
  const char *w = query ? g_hash_table_lookup (query, "w") : NULL;
  double width = w ? g_ascii_strtod (w, NULL) : 1000;
  double ppi = CLAMP (width, 50, 6000) * 72 / p->width;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) img = render_page_image (s->layout, (int) n, format, ppi, &error);
  if (!img) {
    respond_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", error->message);
    return;
  }
  respond (msg, SOUP_STATUS_OK, format == RENDER_FORMAT_PNG ? "image/png" : "image/svg+xml", img);
}

static void
serve_events (Serve *s, SoupServerMessage *msg)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  soup_message_headers_set_content_type (h, "text/event-stream", NULL);
  soup_message_headers_replace (h, "Cache-Control", "no-store");
  soup_message_headers_set_encoding (h, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_ptr_array_add (s->clients, msg);
  g_signal_connect (msg, "finished", G_CALLBACK (on_client_gone), s);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_client_gone), s);
  send_event (msg, s->state);
}

static void
handle (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
        gpointer data)
{
  (void) server;
  Serve *s = data;
  const char *method = soup_server_message_get_method (msg);
  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD) {
    respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
    return;
  }
  if (strcmp (path, "/") == 0)
    respond_text (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", cli_serve_page);
  else if (strcmp (path, "/state") == 0)
    respond_text (msg, SOUP_STATUS_OK, "application/json", s->state);
  else if (strcmp (path, "/events") == 0)
    serve_events (s, msg);
  else if (g_str_has_prefix (path, "/page/"))
    serve_page_image (s, msg, path, query);
  else
    respond_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "not found\n");
}

/* Listens on 127.0.0.1:port; prints the URL; FALSE (reported) when the
 * port is taken or refused. */
static gboolean
listen_local (Serve *s, int port)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, (guint16) port);
  if (!soup_server_listen (s->server, addr, 0, &error)) {
    fprintf (stderr, "dossier: --port %d: cannot listen on 127.0.0.1:%d: %s\n", port, port,
             error->message);
    return FALSE;
  }
  GSList *uris = soup_server_get_uris (s->server);
  for (GSList *u = uris; u; u = u->next) {
    g_autofree char *text = g_uri_to_string (u->data);
    fprintf (stderr, "dossier: serving the preview at %s\n", text);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fflush (stderr);
  return TRUE;
}

int
cli_serve_run (const CliJob *job, int port)
{
  if (port < 0 || port > 65535) {
    fprintf (stderr, "dossier: --port %d: give a port from 1 to 65535, or 0 for any free "
             "one\nTry 'dossier --help'.\n", port);
    return CLI_EXIT_USAGE;
  }
  CliJob j = *job;
  j.keep_layout = TRUE;
  Serve s = { .clients = g_ptr_array_new (), .sums = g_ptr_array_new_with_free_func (g_free),
              .versions = g_array_new (FALSE, TRUE, sizeof (guint)),
              .state = g_strdup ("{\"render\":0,\"ok\":false,\"pages\":[],\"messages\":[]}") };
  s.server = soup_server_new ("server-header", "dossier", NULL);
  soup_server_add_handler (s.server, NULL, handle, &s, NULL);
  int status = CLI_EXIT_TEMPFAIL;   /* a port taken: worth a retry */
  if (listen_local (&s, port)) {
    s.watch = cli_watch_new (&j);
    cli_watch_set_hook (s.watch, on_render, &s);
    status = cli_watch_run (s.watch);
    cli_watch_free (s.watch);
  }
  soup_server_disconnect (s.server);
  g_object_unref (s.server);
  g_ptr_array_unref (s.clients);
  g_ptr_array_unref (s.sums);
  g_array_unref (s.versions);
  g_free (s.state);
  g_clear_pointer (&s.layout, layout_doc_free);
  return status;
}
