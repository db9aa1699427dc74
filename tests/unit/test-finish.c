/* test-finish.c — finishing cairo's PDF (render/finish.c, compact.c) on PDFs
 * cairo writes here and now: what it adds reads back with qpdf, cairo's
 * streams are copied unchanged and its dictionaries compressed, and a file that is not what cairo writes, or a
 * tree that is not what was drawn, is refused with nothing written. */
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include "render/render-private.h"

static cairo_status_t
collect (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page tagged PDF by cairo: Document > P (Chinese), Figure. */
static GByteArray *
cairo_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream (collect, out, 200, 300);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-03-02T00:00:00Z");
  cairo_t *cr = cairo_create (s);
  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "P", "");
  cairo_rectangle (cr, 10, 10, 50, 50);
  cairo_fill (cr);
  cairo_tag_end (cr, "P");
  cairo_show_page (cr);
  cairo_tag_begin (cr, "Figure", "");
  cairo_rectangle (cr, 20, 20, 50, 50);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return out;
}

typedef struct {
  LayoutTag p, fig;
  GPtrArray *elems;
  RenderFinish finish;
} Drawn;

static void
drawn_init (Drawn *d, double inset, double bleed)
{
  d->p = (LayoutTag) { "P", -1, (char *) "zh", NULL };
  d->fig = (LayoutTag) { "Figure", -1, NULL, (char *) "Ein Bild (mit Klammern) · 图" };
  d->elems = g_ptr_array_new ();
  g_ptr_array_add (d->elems, NULL);
  g_ptr_array_add (d->elems, &d->p);
  g_ptr_array_add (d->elems, &d->fig);
  d->finish = (RenderFinish) { "de", d->elems, inset, bleed };
}

/* finish on pdf into a file; its bytes (NULL and error set on failure). */
static GBytes *
run (const GByteArray *pdf, const RenderFinish *finish, char **path, GError **error)
{
  int fd = g_file_open_tmp ("test-finish-XXXXXX.pdf", path, NULL);
  g_assert_cmpint (fd, >=, 0);
  gboolean ok = render_pdf_finish (pdf->data, pdf->len, finish, fd, error);
  close (fd);
  gchar *data;
  gsize len;
  g_assert_true (g_file_get_contents (*path, &data, &len, NULL));
  if (!ok) {
    g_assert_cmpuint (len, ==, 0);   /* nothing written */
    g_free (data);
    return NULL;
  }
  return g_bytes_new_take (data, len);
}

static char *
qpdf (const char *arg, const char *path)
{
  char *out = NULL;
  int status = 0;
  const char *argv[] = { "qpdf", arg, path, NULL };
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_adds (void)
{
  g_autoptr (GByteArray) pdf = cairo_pdf ();
  Drawn d;
  drawn_init (&d, 0, 0);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) out = run (pdf, &d.finish, &path, &error);
  g_assert_no_error (error);
  gsize len;
  const guint8 *bytes = g_bytes_get_data (out, &len);
  /* one revision, smaller than cairo's: its dictionaries in object
   * streams, an xref stream; cairo's content stream copied byte for byte */
  g_assert_cmpuint (len, <, pdf->len);
  g_assert_nonnull (memmem (bytes, len, "/Type /XRef", 11));
  g_assert_nonnull (memmem (bytes, len, "/Type /ObjStm", 13));
  g_assert_null (memmem (bytes, len, "/Type /StructElem", 17));
  const guint8 *st = memmem (pdf->data, pdf->len, "stream\n", 7);
  g_assert_nonnull (st);
  const guint8 *en = memmem (st, pdf->len - (gsize) (st - pdf->data), "endstream", 9);
  g_assert_nonnull (en);
  g_assert_nonnull (memmem (bytes, len, st, (gsize) (en - st)));
  g_autofree char *check = qpdf ("--check", path);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  g_autofree char *json = qpdf ("--json", path);
  g_assert_nonnull (strstr (json, "\"/Lang\": \"u:de\""));
  g_assert_nonnull (strstr (json, "\"/Lang\": \"u:zh\""));
  g_assert_nonnull (strstr (json, "\"/Alt\": \"u:Ein Bild (mit Klammern) · 图\""));
  g_assert_nonnull (strstr (json, "D:20260302000000Z"));
  g_assert_null (strstr (json, "/TrimBox"));   /* no bleed: no boxes */
  /* the same bytes again */
  g_autofree char *path2 = NULL;
  g_autoptr (GBytes) again = run (pdf, &d.finish, &path2, &error);
  g_assert_true (g_bytes_equal (out, again));
  g_unlink (path);
  g_unlink (path2);
  g_ptr_array_unref (d.elems);
}

static void
test_boxes (void)
{
  g_autoptr (GByteArray) pdf = cairo_pdf ();
  Drawn d;
  drawn_init (&d, 20, 8.5);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) out = run (pdf, &d.finish, &path, &error);
  g_assert_no_error (error);
  g_autofree char *json = qpdf ("--json", path);
  /* each page: trim 20 pt inside the 200 × 300 media, bleed 8.5 pt past it */
  g_autoptr (GRegex) trim = g_regex_new ("\"/TrimBox\": \\[\\s*20,\\s*20,\\s*180,\\s*280\\s*\\]",
                                         0, 0, NULL);
  g_autoptr (GRegex) bleed = g_regex_new (
      "\"/BleedBox\": \\[\\s*11.5,\\s*11.5,\\s*188.5,\\s*288.5\\s*\\]", 0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  int n = 0;
  for (g_regex_match (trim, json, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    n++;
  g_assert_cmpint (n, ==, 2);
  g_assert_true (g_regex_match (bleed, json, 0, NULL));
  g_unlink (path);
  g_ptr_array_unref (d.elems);
}

/* A changed byte where cairo's structure stands: refused, nothing written. */
static void
expect_refused (GByteArray *pdf, const RenderFinish *finish, const char *part)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) out = run (pdf, finish, &path, &error);
  if (out)
    g_error ("not refused: %s", part);
  g_assert_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO);
  if (!strstr (error->message, part))
    g_error ("'%s' does not say '%s'", error->message, part);
  g_unlink (path);
}

static guint8 *
find (GByteArray *pdf, const char *what, gboolean last)
{
  guint8 *hit = NULL;
  gsize n = strlen (what);
  for (gsize k = 0; k + n <= pdf->len; k++)
    if (memcmp (pdf->data + k, what, n) == 0) {
      hit = pdf->data + k;
      if (!last)
        break;
    }
  g_assert_nonnull (hit);
  return hit;
}

static void
test_refuses (void)
{
  Drawn d;
  drawn_init (&d, 0, 0);
  /* a tree with another element than drawn */
  LayoutTag h1 = { "H1", -1, NULL, NULL };
  g_ptr_array_index (d.elems, 1) = &h1;
  g_autoptr (GByteArray) pdf = cairo_pdf ();
  expect_refused (pdf, &d.finish, "is not /H1");
  /* fewer elements drawn than in the tree */
  g_ptr_array_index (d.elems, 1) = &d.p;
  g_ptr_array_set_size (d.elems, 2);
  expect_refused (pdf, &d.finish, "more elements than the 2 drawn");
  g_ptr_array_add (d.elems, &d.fig);
  /* the startxref offset off by one */
  g_autoptr (GByteArray) p1 = cairo_pdf ();
  guint8 *sx = find (p1, "startxref\n", TRUE) + 10;
  guint8 *nl = memchr (sx, '\n', (gsize) (p1->data + p1->len - sx));
  nl[-1] ^= 1;                          /* the offset's last digit */
  expect_refused (p1, &d.finish, "startxref");
  /* the catalog's xref entry (cairo's last) pointing one byte off */
  g_autoptr (GByteArray) p2 = cairo_pdf ();
  guint8 *entry = find (p2, " 00000 n ", TRUE) - 1;
  *entry = *entry == '9' ? '8' : *entry + 1;
  expect_refused (p2, &d.finish, "not at the offset");
  /* an xref stream instead of a table */
  g_autoptr (GByteArray) p3 = cairo_pdf ();
  memcpy (find (p3, "xref\n", TRUE), "XREF", 4);
  expect_refused (p3, &d.finish, "xref");
  /* no end */
  g_autoptr (GByteArray) p4 = cairo_pdf ();
  g_byte_array_set_size (p4, p4->len - 40);
  expect_refused (p4, &d.finish, "startxref");
  g_ptr_array_unref (d.elems);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/finish/adds", test_adds);
  g_test_add_func ("/finish/boxes", test_boxes);
  g_test_add_func ("/finish/refuses", test_refuses);
  return g_test_run ();
}
