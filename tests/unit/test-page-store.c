/* test-page-store.c — the page store (layout/store.c): a page packed and
 * read back gives every fragment and glyph run field for field, bit for
 * bit (the PDF is drawn from what is read back, so a field lost here is a
 * PDF that differs), with what waits on the page (a contents number, the
 * running heads) at its place; in a temporary file that leaves nothing
 * behind, or in memory where no file can be made. And what it is for: the
 * pages of a long document hold next to no heap once laid out. */
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "layout/layout-private.h"

static const char *const role_p = "P";

static TextGlyphRun *
run_new (int seed, gboolean clusters, gboolean raised)
{
  TextGlyphRun *r = g_new0 (TextGlyphRun, 1);
  r->face = text_face_get ("/nonexistent/Face.otf", seed % 3, seed % 2, seed % 2 ? 0.2 : 0);
  r->size = 9.5 + seed / 7.0;
  r->x = seed * 1.1 / 3.0;
  r->width = 100.0 / (seed + 3);
  r->text = g_strdup_printf ("Wörter %d", seed);
  r->n_glyphs = (int) strlen (r->text);
  r->glyphs = g_new0 (TextGlyph, r->n_glyphs);
  for (int i = 0; i < r->n_glyphs; i++)
    r->glyphs[i] = (TextGlyph) { (guint32) (1000 * seed + i + (clusters ? 70000 : 7)),
                                 (float) (i * 4.1 / 3), raised && i == 2 ? -2.5f : 0.0f };
  if (raised)
    r->glyphs[0].y = -0.0f;   /* a signed zero is a value too */
  r->n_clusters = (int) g_utf8_strlen (r->text, -1);
  if (clusters) {
    r->backward = TRUE;
    r->clusters = g_new0 (TextCluster, r->n_clusters);
    for (int c = 0; c < r->n_clusters; c++)
      r->clusters[c] = (TextCluster) { c == 1 ? 2 : 1, 1 };
    r->clusters[r->n_clusters - 1].n_glyphs = r->n_glyphs - (r->n_clusters - 1);
  }
  r->has_color = seed % 2;
  r->color = (StyleColor) { 0.1 * seed, 0.2, 1.0 / 3, 0.75 };
  r->underline_position = seed % 2 ? 1.25 : 0;
  r->underline_thickness = seed % 2 ? 0.4 : 0;
  return r;
}

/* A fragment of every kind and field; text: a TEXT one (set at the end). */
static LayoutFrag *
frag_make (LayoutFragKind kind, int seed, GRefString *para)
{
  LayoutFrag *f = frag_new (kind);
  f->x = seed / 3.0, f->y = 841.89 - seed / 7.0, f->w = seed * 0.1, f->h = -0.0;
  f->color = (StyleColor) { 1.0 / 7, 0.5, 0.25 * seed, 1 };
  f->line_width = 0.3 * seed;
  f->line = seed, f->n_lines = seed + 4;
  f->ascent = 7.123456789;
  f->hyphenated = seed % 2, f->justified = seed % 3 == 0, f->dotted = seed % 2;
  f->ratio = -0.375 / seed;
  f->break_kind = seed % 2 ? "space" : NULL;
  f->chart = (const ChartSpec *) GINT_TO_POINTER (0x1000 * seed);
  f->chart_layout = (const ChartLayout *) GINT_TO_POINTER (0x2000 * seed);
  f->uri = seed % 2 ? g_strdup ("https://example.org/ä?q='x'") : NULL;
  f->dest = kind == LAYOUT_FRAG_TEXT || seed % 3 == 0 ? g_strdup_printf ("de-sec-%d", seed) : NULL;
  f->tag = seed - 1, f->group = seed % 4 - 1, f->lang_index = seed % 2;
  f->role = seed % 2 ? role_p : NULL;
  if (kind == LAYOUT_FRAG_GLYPHS) {
    f->para = g_ref_string_acquire (para);
    f->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) text_glyph_run_free);
    for (int r = 0; r < 1 + seed % 3; r++)
      g_ptr_array_add (f->runs, run_new (seed + r, r == 1, r == 2));
  }
  return f;
}

/* The same page, made again for each call: the fragments to compare with. */
static GPtrArray *
page_frags (void)
{
  static const LayoutFragKind kinds[] = {
    LAYOUT_FRAG_RECT, LAYOUT_FRAG_GLYPHS, LAYOUT_FRAG_GLYPHS, LAYOUT_FRAG_TEXT,
    LAYOUT_FRAG_RULE, LAYOUT_FRAG_CHART, LAYOUT_FRAG_GLYPHS, LAYOUT_FRAG_LINK,
    LAYOUT_FRAG_DEST, LAYOUT_FRAG_TEXT, LAYOUT_FRAG_GLYPHS,
  };
  GRefString *a = g_ref_string_new ("Ein Absatz, über zwei Zeilen.");
  GRefString *b = g_ref_string_new ("两市合作");
  GPtrArray *frags = g_ptr_array_new_with_free_func (frag_free);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_ptr_array_add (frags, frag_make (kinds[i], (int) i + 1, i < 3 ? a : b));
  g_ref_string_release (a);
  g_ref_string_release (b);
  return frags;
}

static gboolean
same_bits (const void *a, const void *b, gsize n)
{
  return memcmp (a, b, n) == 0;
}

#define SAME(field) same_bits (&x->field, &y->field, sizeof x->field)

static void
assert_runs_equal (const TextGlyphRun *x, const TextGlyphRun *y)
{
  g_assert_true (x->face == y->face);
  g_assert_true (SAME (size) && SAME (x) && SAME (width) && SAME (color));
  g_assert_true (SAME (underline_position) && SAME (underline_thickness));
  g_assert_cmpint (x->backward, ==, y->backward);
  g_assert_cmpint (x->has_color, ==, y->has_color);
  g_assert_cmpstr (x->text, ==, y->text);
  g_assert_cmpint (x->n_glyphs, ==, y->n_glyphs);
  g_assert_true (same_bits (x->glyphs, y->glyphs, sizeof (TextGlyph) * (gsize) x->n_glyphs));
  g_assert_cmpint (x->n_clusters, ==, y->n_clusters);
  g_assert_cmpint (x->clusters == NULL, ==, y->clusters == NULL);
  if (x->clusters)
    g_assert_true (same_bits (x->clusters, y->clusters,
                              sizeof (TextCluster) * (gsize) x->n_clusters));
}

static void
assert_frags_equal (const LayoutFrag *x, const LayoutFrag *y)
{
  g_assert_cmpint (x->kind, ==, y->kind);
  g_assert_true (SAME (x) && SAME (y) && SAME (w) && SAME (h) && SAME (color));
  g_assert_true (SAME (line_width) && SAME (ascent) && SAME (ratio));
  g_assert_cmpint (x->line, ==, y->line);
  g_assert_cmpint (x->n_lines, ==, y->n_lines);
  g_assert_cmpint (x->hyphenated, ==, y->hyphenated);
  g_assert_cmpint (x->justified, ==, y->justified);
  g_assert_cmpint (x->dotted, ==, y->dotted);
  g_assert_true (x->break_kind == y->break_kind && x->role == y->role);
  g_assert_true (x->chart == y->chart && x->chart_layout == y->chart_layout);
  g_assert_cmpstr (x->uri, ==, y->uri);
  g_assert_cmpstr (x->dest, ==, y->dest);
  g_assert_cmpstr (x->para, ==, y->para);
  g_assert_cmpint (x->tag, ==, y->tag);
  g_assert_cmpint (x->group, ==, y->group);
  g_assert_cmpint (x->lang_index, ==, y->lang_index);
  g_assert_cmpint (x->runs == NULL, ==, y->runs == NULL);
  for (guint r = 0; x->runs && r < x->runs->len; r++) {
    g_assert_cmpuint (x->runs->len, ==, y->runs->len);
    assert_runs_equal (g_ptr_array_index (x->runs, r), g_ptr_array_index (y->runs, r));
  }
}

static void
assert_list_equal (GPtrArray *want, GPtrArray *got)
{
  g_assert_cmpuint (want->len, ==, got->len);
  for (guint i = 0; i < want->len; i++)
    assert_frags_equal (g_ptr_array_index (want, i), g_ptr_array_index (got, i));
}

/* What the face check and the subsetter see of a run: face, size, ids. */
static void
note_run (const TextGlyphRun *run, gpointer data)
{
  GString *s = data;
  g_string_append_printf (s, "%p %.17g:", (const void *) run->face, run->size);
  for (int i = 0; i < run->n_glyphs; i++)
    g_string_append_printf (s, " %u", run->glyphs[i].id);
  g_string_append_c (s, '\n');
}

/* layout_page_foreach_run sees the runs the fragments hold, in order. */
static void
assert_runs_seen (const LayoutPage *page)
{
  g_autoptr (GString) want = g_string_new (NULL);
  g_autoptr (GString) got = g_string_new (NULL);
  g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);
  for (guint i = 0; i < frags->len; i++) {
    const LayoutFrag *f = g_ptr_array_index (frags, i);
    for (guint r = 0; f->kind == LAYOUT_FRAG_GLYPHS && r < f->runs->len; r++)
      note_run (g_ptr_array_index (f->runs, r), want);
  }
  g_assert_true (layout_page_foreach_run (page, note_run, got, NULL));
  g_assert_cmpuint (want->len, >, 0);
  g_assert_cmpstr (got->str, ==, want->str);
}

static LayoutPage *
page_new (void)
{
  LayoutPage *page = g_new0 (LayoutPage, 1);
  page->number = 7;
  page->frags = page_frags ();
  return page;
}

static void
page_free (LayoutPage *page)
{
  g_ptr_array_unref (page->frags);
  layout_packed_free (page->packed);
  g_free (page);
}

static guint
files_in (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* A TEXT fragment as the end of layout makes it: GLYPHS, with a run. */
static void
set_as_glyphs (LayoutFrag *f, int seed)
{
  f->kind = LAYOUT_FRAG_GLYPHS;
  f->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) text_glyph_run_free);
  g_ptr_array_add (f->runs, run_new (30 + seed, FALSE, FALSE));
}

/* Packed, read back (twice: reading changes nothing), the late fragments
 * (TEXT) at their place, a running head appended at the end, then packed
 * too; unpacked, the page is whole again. */
static void
round_trip (const char *dir)
{
  LayoutStore *store = layout_store_new (dir);
  LayoutPage *page = page_new ();
  g_autoptr (GPtrArray) want = page_frags ();
  layout_page_pack (store, page);
  g_assert_nonnull (page->packed);
  g_assert_cmpuint (page->frags->len, ==, 2);   /* the two TEXT fragments wait */
  for (int k = 0; k < 2; k++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) got = layout_page_frags (page, &error);
    g_assert_no_error (error);
    assert_list_equal (want, got);
    /* a paragraph's lines on a page share its text */
    g_assert_true (((LayoutFrag *) g_ptr_array_index (got, 1))->para ==
                   ((LayoutFrag *) g_ptr_array_index (got, 2))->para);
  }
  assert_runs_seen (page);
  /* the end of layout: contents numbers set as glyphs, a running head added */
  for (guint i = 0; i < page->frags->len; i++)
    set_as_glyphs (g_ptr_array_index (page->frags, i), (int) i);
  for (guint i = 0, k = 0; i < want->len; i++)
    if (((LayoutFrag *) g_ptr_array_index (want, i))->kind == LAYOUT_FRAG_TEXT)
      set_as_glyphs (g_ptr_array_index (want, i), (int) k++);
  g_autoptr (GRefString) head = g_ref_string_new ("Kopf");
  g_ptr_array_add (page->frags, frag_make (LAYOUT_FRAG_GLYPHS, 20, head));
  g_ptr_array_add (want, frag_make (LAYOUT_FRAG_GLYPHS, 20, head));
  assert_runs_seen (page);   /* the late ones on the page, as glyphs now */
  layout_page_pack_late (store, page);
  g_assert_cmpuint (page->frags->len, ==, 0);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) got = layout_page_frags (page, &error);
    g_assert_no_error (error);
    assert_list_equal (want, got);
  }
  assert_runs_seen (page);
  g_assert_true (layout_page_unpack (page, NULL));
  g_assert_null (page->packed);
  assert_list_equal (want, page->frags);
  assert_runs_seen (page);
  layout_page_pack (store, page);   /* again, as bleed.c does */
  {
    g_autoptr (GPtrArray) got = layout_page_frags (page, NULL);
    assert_list_equal (want, got);
  }
  page_free (page);
  layout_store_free (store);
}

static void
test_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("page-store-XXXXXX", NULL);
  g_assert_nonnull (dir);
  round_trip (dir);
  g_assert_cmpuint (files_in (dir), ==, 0);   /* no name, ever */
  g_rmdir (dir);
}

/* No folder for the file: the pages wait in memory, read back the same. */
static void
test_memory (void)
{
  round_trip ("/nonexistent/folder/for/pages");
}

/* A page with nothing on it (a blank page) packs and reads back empty. */
static void
test_empty_page (void)
{
  LayoutStore *store = layout_store_new (NULL);
  LayoutPage *page = g_new0 (LayoutPage, 1);
  page->frags = g_ptr_array_new_with_free_func (frag_free);
  layout_page_pack (store, page);
  g_autoptr (GPtrArray) got = layout_page_frags (page, NULL);
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, 0);
  page_free (page);
  layout_store_free (store);
}

#ifdef __GLIBC__
/* A bilingual document of n sections of a few paragraphs each. */
static ModelDoc *
long_doc (int n, DiagList *diags)
{
  GString *s = g_string_new ("<dossier version=\"1\" languages=\"de zh\"><meta>"
    "<title><t xml:lang=\"de\">Probe</t><t xml:lang=\"zh\">样张</t></title>"
    "<date when=\"2026-03-02\"/></meta>\n");
  for (int i = 0; i < n; i++) {
    g_string_append_printf (s, "<section id=\"s%d\"><heading><t xml:lang=\"de\">Kapitel %d</t>"
                            "<t xml:lang=\"zh\">第%d章</t></heading>", i, i, i);
    for (int k = 0; k < 4; k++) {
      g_string_append (s, "<p><t xml:lang=\"de\">");
      for (int w = 0; w < 30; w++)
        g_string_append (s, "Die Zusammenarbeit der beiden Städte wächst weiter. ");
      g_string_append (s, "</t><t xml:lang=\"zh\">");
      for (int w = 0; w < 25; w++)
        g_string_append (s, "两市合作不断深化，经贸往来日益密切。");
      g_string_append (s, "</t></p>");
    }
    g_string_append (s, "</section>\n");
  }
  g_string_append (s, "</dossier>\n");
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("page-store-XXXXXX.xml", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
  ModelPack *pack = NULL;
  ModelDoc *doc = model_load (path, TRUE, &pack, diags);
  g_unlink (path);
  g_assert_nonnull (doc);
  return doc;
}

/* The heap a laid-out document of n sections holds (its pages, the
 * caches it grew), and its page count. */
static gsize
held (int n, const StyleSheet *sheet, PangoFontMap *map, guint *pages)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (ModelDoc) doc = long_doc (n, diags);
  gsize before = mallinfo2 ().uordblks;
  g_autoptr (LayoutDoc) ldoc = layout_run (doc, sheet, map, diags);
  gsize after = mallinfo2 ().uordblks;
  *pages = ldoc->pages->len;
  return after > before ? after - before : 0;
}
#endif

/* Each page more of a laid-out document holds a few KB of heap (its
 * structure elements, its record in the store), not its display list
 * (some 60 KB a page of the example before the store). */
static void
test_held_per_page (void)
{
#ifdef __GLIBC__
  if (mallinfo2 ().uordblks == 0) {
    g_test_skip ("malloc is not glibc's here (a sanitizer's)");
    return;
  }
  static const char css[] =
    "@page { size: A5; margin: 15mm 12mm; @bottom-center { content: counter(page) \" / \" "
    "counter(pages); } }\n"
    "dossier { layout: parallel; column-gap: 6mm; }\n"
    "p { font-family: \"Noto Serif\"; font-size: 9pt; line-height: 13pt; text-align: justify; }\n"
    "p:lang(zh) { font-family: \"Noto Serif CJK SC\"; line-height: 15pt; }\n";
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) sheet = style_sheet_parse (css, strlen (css), "t.css", diags);
  g_assert_cmpuint (diag_list_count_errors (diags, TRUE), ==, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (PangoFontMap) map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  guint small_pages, big_pages;
  held (40, sheet, map, &big_pages);   /* the caches filled: what follows is the pages' */
  gsize small = held (4, sheet, map, &small_pages);
  gsize big = held (40, sheet, map, &big_pages);
  g_assert_cmpuint (big_pages, >, small_pages + 40);
  double per_page = ((double) big - (double) small) / (big_pages - small_pages);
  g_test_message ("%u pages: %zu bytes held, %u pages: %zu; %.0f bytes a page", small_pages,
                  small, big_pages, big, per_page);
  g_assert_cmpfloat (per_page, <, 8 * 1024);
#else
  g_test_skip ("measured with glibc's malloc statistics");
#endif
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-store/file", test_file);
  g_test_add_func ("/page-store/memory", test_memory);
  g_test_add_func ("/page-store/empty-page", test_empty_page);
  g_test_add_func ("/page-store/held-per-page", test_held_per_page);
  return g_test_run ();
}
