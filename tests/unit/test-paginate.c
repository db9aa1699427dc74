/* test-paginate.c — page breaking through the public layout API: a long
 * bilingual document, a real style sheet and real fonts; the pages it gives
 * must keep variants level, widows and orphans, headings with their text,
 * and everything inside the text area. */
#include <string.h>
#include <glib/gstdio.h>
#include "layout/layout.h"
#include "text/text.h"

static const char *CSS =
  "@page { size: A5; margin: 15mm 12mm 15mm 12mm; }\n"
  "dossier { layout: parallel; column-gap: 6mm; }\n"
  "p { font-family: \"Noto Serif\"; font-size: 9pt; line-height: 13pt; widows: 2; orphans: 3;"
  "    text-align: justify; margin: 0 0 4pt 0; }\n"
  "p:lang(zh) { font-family: \"Noto Serif CJK SC\"; line-height: 15pt; }\n"
  "heading { font-family: \"Noto Sans\"; font-size: 12pt; line-height: 16pt; break-after: avoid;"
  "          margin: 8pt 0 4pt 0; }\n"
  "heading:lang(zh) { font-family: \"Noto Sans CJK SC\"; }\n"
  "toc { display: none; }\n";

typedef struct {
  LayoutDoc *ldoc;
  ModelDoc *doc;
  StyleSheet *sheet;
  DiagList *diags;
  PangoFontMap *map;
} Fixture;

/* A document of n sections, each a heading and paragraphs of growing length. */
static char *
make_input (int n_sections)
{
  GString *s = g_string_new ("<dossier version=\"1\" languages=\"de zh\"><meta>"
    "<title><t xml:lang=\"de\">Probe</t><t xml:lang=\"zh\">样张</t></title>"
    "<date when=\"2026-03-02\"/></meta>\n");
  int para = 0;
  for (int i = 0; i < n_sections; i++) {
    g_string_append_printf (s, "<section id=\"s%d\"><heading><t xml:lang=\"de\">Kapitel %d.</t>"
                            "<t xml:lang=\"zh\">第%d章</t></heading>\n", i, i, i);
    for (int k = 0; k < 3; k++, para++) {
      g_string_append_printf (s, "<p><t xml:lang=\"de\">Absatz%d: ", para);
      for (int w = 0; w < 12 + para * 3 % 50; w++)
        g_string_append (s, "Die Zusammenarbeit der beiden Städte wächst weiter. ");
      g_string_append_printf (s, "</t><t xml:lang=\"zh\">段落%d：", para);
      for (int w = 0; w < 10 + para * 3 % 50; w++)
        g_string_append (s, "两市合作不断深化，经贸往来日益密切。");
      g_string_append (s, "</t></p>\n");
    }
    g_string_append (s, "</section>\n");
  }
  g_string_append (s, "</dossier>\n");
  return g_string_free (s, FALSE);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *xml = make_input (GPOINTER_TO_INT (data));
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("paginate-XXXXXX.xml", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  f->diags = diag_list_new ();
  ModelPack *pack = NULL;
  f->doc = model_load (path, TRUE, &pack, f->diags);
  g_unlink (path);
  diag_list_print (f->diags, stderr, TRUE);
  g_assert_nonnull (f->doc);
  f->sheet = style_sheet_parse (CSS, strlen (CSS), "test.css", f->diags);
  g_assert_cmpuint (diag_list_count_errors (f->diags, TRUE), ==, 0);
  g_autoptr (GError) error = NULL;
  f->map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  f->ldoc = layout_run (f->doc, f->sheet, f->map, f->diags);
  g_assert_nonnull (f->ldoc);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  layout_doc_free (f->ldoc);
  g_object_unref (f->map);
  style_sheet_free (f->sheet);
  model_doc_free (f->doc);
  diag_list_free (f->diags);
}

typedef struct {
  int page;
  double top;       /* top of the line box */
  const char *text;
  int line, n_lines;
} Line;

/* Every placed line of a paragraph that starts with prefix, in order. */
static GArray *
lines_of (const LayoutDoc *ldoc, const char *prefix)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Line));
  for (guint p = 0; p < ldoc->pages->len; p++) {
    const LayoutPage *page = g_ptr_array_index (ldoc->pages, p);
    g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);
    for (guint i = 0; i < frags->len; i++) {
      const LayoutFrag *f = g_ptr_array_index (frags, i);
      if (f->kind != LAYOUT_FRAG_GLYPHS || !f->para)
        continue;
      const char *text = f->para;
      if (!g_str_has_prefix (text, prefix))
        continue;
      Line l = { page->number, f->y - f->ascent, text, f->line, f->n_lines };
      g_array_append_val (out, l);
    }
  }
  return out;
}

static void
test_inside_text_area (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (f->ldoc->pages->len, >, 3);
  for (guint p = 0; p < f->ldoc->pages->len; p++) {
    const LayoutPage *page = g_ptr_array_index (f->ldoc->pages, p);
    double top = 15 * 72 / 25.4, bottom = page->height - 15 * 72 / 25.4;
    g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);
    for (guint i = 0; i < frags->len; i++) {
      const LayoutFrag *fr = g_ptr_array_index (frags, i);
      if (fr->kind != LAYOUT_FRAG_GLYPHS)
        continue;
      g_assert_cmpfloat (fr->y, >, top);
      g_assert_cmpfloat (fr->y, <=, bottom + 0.01);
      g_assert_cmpfloat (fr->x, >=, 12 * 72 / 25.4 - 0.01);
      g_assert_cmpfloat (fr->x + fr->w, <=, page->width - 12 * 72 / 25.4 + 0.5);
    }
  }
}

static void
test_variants_level (Fixture *f, gconstpointer data)
{
  for (int k = 0; k < 3 * GPOINTER_TO_INT (data); k++) {
    g_autofree char *de = g_strdup_printf ("Absatz%d:", k);
    /* the Chinese text has a quarter-em space (U+2005) between Han and digits */
    g_autofree char *zh = g_strdup_printf ("段落\u2005%d：", k);
    g_autoptr (GArray) a = lines_of (f->ldoc, de);
    g_autoptr (GArray) b = lines_of (f->ldoc, zh);
    g_assert_cmpuint (a->len, >, 0);
    g_assert_cmpuint (b->len, >, 0);
    Line *la = &g_array_index (a, Line, 0), *lb = &g_array_index (b, Line, 0);
    g_assert_cmpint (la->page, ==, lb->page);
    g_assert_cmpfloat_with_epsilon (la->top, lb->top, 0.01);
  }
}

/* Widows and orphans per column: a paragraph split over pages keeps at
 * least orphans (3) lines at a page's foot and widows (2) at the next top. */
static void
test_widows_orphans (Fixture *f, gconstpointer data)
{
  int splits = 0;
  for (int k = 0; k < 3 * GPOINTER_TO_INT (data); k++) {
    const char *prefixes[] = { "Absatz%d:", "段落\u2005%d：" };
    for (int v = 0; v < 2; v++) {
      g_autofree char *prefix = g_strdup_printf (prefixes[v], k);
      g_autoptr (GArray) lines = lines_of (f->ldoc, prefix);
      int first_page = g_array_index (lines, Line, 0).page;
      int on_first = 0;
      for (guint i = 0; i < lines->len; i++)
        on_first += g_array_index (lines, Line, i).page == first_page;
      if (on_first == (int) lines->len)
        continue;
      splits++;
      g_assert_cmpint (on_first, >=, 3);
      g_assert_cmpint ((int) lines->len - on_first, >=, 2);
    }
  }
  g_assert_cmpint (splits, >, 0);   /* the document is long enough to split some */
}

static void
test_heading_kept_with_text (Fixture *f, gconstpointer data)
{
  int n = GPOINTER_TO_INT (data);
  for (int i = 0; i < n; i++) {
    g_autofree char *h = g_strdup_printf ("Kapitel %d.", i);
    g_autofree char *p = g_strdup_printf ("Absatz%d:", i * 3);
    g_autoptr (GArray) hl = lines_of (f->ldoc, h);
    g_autoptr (GArray) pl = lines_of (f->ldoc, p);
    g_assert_cmpuint (hl->len, ==, 1);
    g_assert_cmpint (g_array_index (hl, Line, 0).page, ==, g_array_index (pl, Line, 0).page);
  }
}

static void
test_outline (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (f->ldoc->outline->len, ==, (guint) GPOINTER_TO_INT (data));
  const LayoutOutline *o = g_ptr_array_index (f->ldoc->outline, 0);
  g_assert_cmpstr (o->title, ==, "Kapitel 0. · 第0章");
  g_assert_cmpint (o->level, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gconstpointer n = GINT_TO_POINTER (12);
  g_test_add ("/paginate/inside-text-area", Fixture, n, fixture_setup, test_inside_text_area, fixture_teardown);
  g_test_add ("/paginate/variants-level", Fixture, n, fixture_setup, test_variants_level, fixture_teardown);
  g_test_add ("/paginate/widows-orphans", Fixture, n, fixture_setup, test_widows_orphans, fixture_teardown);
  g_test_add ("/paginate/heading-kept", Fixture, n, fixture_setup, test_heading_kept_with_text, fixture_teardown);
  g_test_add ("/paginate/outline", Fixture, n, fixture_setup, test_outline, fixture_teardown);
  return g_test_run ();
}
