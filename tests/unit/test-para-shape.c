/* test-para-shape.c — the paragraph engine's own shaping (para/shape.c)
 * against Pango's: text itemized at its size and shaped by
 * pango_shape_with_flags, and the same text itemized at PARA_ITEMIZE_SIZE
 * and shaped by para_font_shape at its size, must give the same items,
 * faces and glyphs to the last Pango unit — German, Chinese, mixed, bold
 * and italic, sizes that are not whole points, characters set from a
 * fallback face, one in no face at all (Pango's hex box). */
#include <glib.h>
#include <pango/pangocairo.h>
#include "para/para-private.h"

static PangoContext *
context_new (PangoFontMap *map, const char *lang)
{
  PangoContext *c = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (c, 72.0);
  pango_context_set_round_glyph_positions (c, FALSE);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (c, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_language (c, pango_language_from_string (lang));
  return c;
}

static GList *
itemize (PangoContext *c, const char *text, const char *family, PangoWeight w, PangoStyle st,
         int units, const char *lang)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoFontDescription *fd = pango_font_description_new ();
  pango_font_description_set_family (fd, family);
  pango_font_description_set_size (fd, units);
  pango_font_description_set_weight (fd, w);
  pango_font_description_set_style (fd, st);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (fd));
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (lang)));
  pango_font_description_free (fd);
  GList *items = pango_itemize (c, text, 0, (int) strlen (text), attrs, NULL);
  pango_attr_list_unref (attrs);
  return items;
}

typedef struct {
  const char *text, *family, *lang;
  PangoWeight weight;
  PangoStyle style;
  double size;
} Case;

static const Case cases[] = {
  { "Die Zulieferunternehmen der Fahrzeugindustrie – „Qualität“ für 2,22 Mrd. US-Dollar.",
    "Noto Serif, Noto Serif CJK SC", "de", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 9.5 },
  { "Effizienz, Offizier: ﬁ fi ffl — 17. September 2026", "Noto Serif, Noto Serif CJK SC", "de",
    PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 7.3 },
  { "Wirtschaftsförderung Nanjing 南京 (Jiangsu)", "Noto Sans, Noto Sans CJK SC", "de",
    PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 28 },
  { "南京市与德国的经贸合作：“一带一路”（2026年）。G20峰会，欧元区。", "Noto Serif CJK SC, Noto Serif",
    "zh", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 9.5 },
  { "投资额为２,２２亿欧元——增长１５％……", "Noto Sans CJK SC", "zh", PANGO_WEIGHT_BOLD,
    PANGO_STYLE_NORMAL, 5.0625 },
  { "Ein König ♔ und → ∑ ½ ‰ ✓ im Text", "Noto Serif", "de", PANGO_WEIGHT_NORMAL,
    PANGO_STYLE_NORMAL, 10.5 },
  { "privat \xee\x80\x80 genutzt", "Noto Sans", "de", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 8 },
  { "schmale\xe2\x80\xaf" "Lücke\xe2\x80\x85" "und\xe2\x80\x89" "Raum\xe2\x80\x8b" "breit", "Noto Sans", "de",
    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 11 },
};

static void
compare (PangoContext *c, const Case *k)
{
  int units = (int) (k->size * PANGO_SCALE + 0.5);
  int len = (int) strlen (k->text);
  GList *want = itemize (c, k->text, k->family, k->weight, k->style, units, k->lang);
  GList *have = itemize (c, k->text, k->family, k->weight, k->style, PARA_ITEMIZE_SIZE, k->lang);
  g_assert_cmpuint (g_list_length (want), ==, g_list_length (have));
  for (GList *a = want, *b = have; a && b; a = a->next, b = b->next) {
    PangoItem *ia = a->data, *ib = b->data;
    g_assert_cmpint (ia->offset, ==, ib->offset);
    g_assert_cmpint (ia->length, ==, ib->length);
    g_assert_true (text_face_of_font (ia->analysis.font) == text_face_of_font (ib->analysis.font));
    PangoGlyphString *ga = pango_glyph_string_new (), *gb = pango_glyph_string_new ();
    pango_shape_with_flags (k->text + ia->offset, ia->length, k->text, len, &ia->analysis, ga,
                            PANGO_SHAPE_NONE);
    const ParaFont *f = para_font_get (ib->analysis.font, units, c, &ib->analysis);
    g_assert_nonnull (f);
    g_assert_cmpfloat (f->size, ==, units / (double) PANGO_SCALE);
    para_font_shape (f, c, k->text, len, ib->offset, ib->length, &ib->analysis, gb);
    g_assert_cmpint (ga->num_glyphs, ==, gb->num_glyphs);
    for (int g = 0; g < ga->num_glyphs; g++) {
      g_assert_cmphex (ga->glyphs[g].glyph, ==, gb->glyphs[g].glyph);
      g_assert_cmpint (ga->glyphs[g].geometry.width, ==, gb->glyphs[g].geometry.width);
      g_assert_cmpint (ga->glyphs[g].geometry.x_offset, ==, gb->glyphs[g].geometry.x_offset);
      g_assert_cmpint (ga->glyphs[g].geometry.y_offset, ==, gb->glyphs[g].geometry.y_offset);
      g_assert_cmpint (ga->log_clusters[g], ==, gb->log_clusters[g]);
      g_assert_cmpint (ga->glyphs[g].attr.is_cluster_start, ==, gb->glyphs[g].attr.is_cluster_start);
    }
    /* the metrics the engine takes, as Pango's font at the size has them */
    hb_font_t *hb = pango_font_get_hb_font (ia->analysis.font);
    hb_font_extents_t ea = { 0 }, eb = { 0 };
    hb_font_get_h_extents (hb, &ea);
    hb_font_get_h_extents (f->hb, &eb);
    g_assert_cmpint (ea.ascender, ==, eb.ascender);
    g_assert_cmpint (ea.descender, ==, eb.descender);
    pango_glyph_string_free (ga);
    pango_glyph_string_free (gb);
  }
  g_list_free_full (want, (GDestroyNotify) pango_item_free);
  g_list_free_full (have, (GDestroyNotify) pango_item_free);
}

static void
test_same_as_pango (void)
{
  g_autoptr (GError) err = NULL;
  PangoFontMap *map = text_font_map_new (NULL, &err);
  g_assert_no_error (err);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    PangoContext *c = context_new (map, cases[i].lang);
    compare (c, &cases[i]);
    g_object_unref (c);
  }
  g_object_unref (map);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/para-shape/same-as-pango", test_same_as_pango);
  return g_test_run ();
}
