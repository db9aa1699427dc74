/* test-chart-images.c — each chart kind (bar, column, line, donut), labelled
 * in German and in German and Chinese, rendered at 480 × 300 pt (1 pt =
 * 1 px) with the project's own fonts, against the reviewed references
 * tests/charts/NAME.png: fewer than 0.5 % of the pixels may differ by more
 * than 32 in a channel. A failing case writes NAME-actual.png and
 * NAME-diff.png into the build folder. DOSSIER_UPDATE_REFERENCES=1 rewrites
 * the references (look at each before committing it). */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include "chart/chart-private.h"
#include "chart-paint.h"
#include "text/text.h"

#define W 480
#define H 300

/* ---- the model, built by hand ------------------------------------------- */

/* What the model is made of, freed at the end: blocks of memory and
 * pointer arrays. */
static GPtrArray *garbage, *arrays;

static gpointer
keep (gpointer p)
{
  g_ptr_array_add (garbage, p);
  return p;
}

static GPtrArray *
array (void)
{
  GPtrArray *a = g_ptr_array_new ();
  g_ptr_array_add (arrays, a);
  return a;
}

static ModelText *
text2 (const char *de, const char *zh)
{
  ModelText *t = keep (g_new0 (ModelText, 1));
  t->variants = array ();
  const char *langs[] = { "de", "zh" }, *texts[] = { de, zh };
  for (int i = 0; i < 2; i++)
    {
      ModelVariant *v = keep (g_new0 (ModelVariant, 1));
      v->lang = (char *) langs[i];
      v->inlines = array ();
      ModelInline *in = keep (g_new0 (ModelInline, 1));
      in->kind = MODEL_INLINE_TEXT;
      in->text = (char *) texts[i];
      g_ptr_array_add (v->inlines, in);
      g_ptr_array_add (t->variants, v);
    }
  return t;
}

static ModelFigure *
figure (const char *id, double value, const char *unit, ModelText *label)
{
  ModelFigure *f = keep (g_new0 (ModelFigure, 1));
  f->id = (char *) id, f->value = value, f->unit = (char *) unit, f->label = label;
  return f;
}

static ModelSeries *
series (const char *id, const char *unit, ModelText *label, const double *v, int n)
{
  static const char *const years[] = { "2021", "2022", "2023", "2024", "2025", "2026" };
  ModelSeries *s = keep (g_new0 (ModelSeries, 1));
  s->id = (char *) id, s->unit = (char *) unit, s->label = label;
  s->points = array ();
  for (int i = 0; i < n; i++)
    {
      ModelPoint *p = keep (g_new0 (ModelPoint, 1));
      p->x = (char *) years[i], p->value = v[i];
      g_ptr_array_add (s->points, p);
    }
  return s;
}

static ModelBlock *
block (ModelChartType type, ModelText *caption)
{
  ModelBlock *b = keep (g_new0 (ModelBlock, 1));
  b->kind = MODEL_BLOCK_CHART, b->chart_type = type, b->caption = caption;
  b->figures = array ();
  b->series = array ();
  return b;
}

static void
garbage_free (void)
{
  g_ptr_array_set_free_func (garbage, g_free);
  g_ptr_array_set_free_func (arrays, (GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_unref (garbage);
  g_ptr_array_unref (arrays);
}

/* ---- the style of styles/handout.css's charts ---------------------------- */

static StyleComputed *
style_new (const char *family)
{
  StyleComputed *s = keep (g_new0 (StyleComputed, 1));
  s->font_family = (char *) family;
  s->font_size = 8;
  s->label_font_size = 7.5;
  s->color = (StyleColor) { 0.114, 0.114, 0.106, 1 };
  s->height = 120;
  static const guint32 palette[] = { 0xb5121b, 0x2d6a9f, 0xe3a21a, 0x4f8a3c, 0x7a5195, 0x8c8c8c };
  for (int k = 0; k < 6; k++)
    s->palette[k] = (StyleColor) { ((palette[k] >> 16) & 0xff) / 255.0,
                                   ((palette[k] >> 8) & 0xff) / 255.0,
                                   (palette[k] & 0xff) / 255.0, 1 };
  s->n_palette = 6;
  s->axis_color = (StyleColor) { 0.2, 0.2, 0.2, 1 };
  s->axis_width = 0.6;
  s->grid_color = (StyleColor) { 0.816, 0.816, 0.816, 1 };
  s->grid_width = 0.3;
  s->chart_labels = STYLE_LABELS_STACKED;
  s->legend = STYLE_LEGEND_TOP;
  return s;
}

/* ---- rendering and comparing --------------------------------------------- */

static PangoContext *
context_new (void)
{
  g_autoptr (GError) error = NULL;
  PangoFontMap *map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  PangoContext *ctx = pango_font_map_create_context (map);
  g_object_unref (map);
  pango_cairo_context_set_resolution (ctx, 72);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (ctx, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  return ctx;
}

static cairo_surface_t *
render (const ChartSpec *spec, PangoContext *ctx)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_autoptr (ChartLayout) l = chart_layout_new (spec, ctx, W - 20);
  g_assert_nonnull (l);
  double h = chart_layout_height (l);
  g_assert_cmpfloat (h, >, 0);
  g_assert_cmpfloat (h, <=, H - 20);
  chart_layout_draw_shapes (l, cr, 10, 10, W - 20, h);
  cairo_translate (cr, 10, 10);
  paint_labels (l, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Share of pixels differing by more than 32 in a channel; writes the diff
 * (differing pixels red on a faded copy of the reference). */
static double
compare (cairo_surface_t *a, cairo_surface_t *b, cairo_surface_t *diff)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    return 1;
  cairo_surface_flush (diff);
  const unsigned char *pa = cairo_image_surface_get_data (a);
  const unsigned char *pb = cairo_image_surface_get_data (b);
  unsigned char *pd = cairo_image_surface_get_data (diff);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  int sd = cairo_image_surface_get_stride (diff);
  long bad = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 ca = *(const guint32 *) (pa + y * sa + 4 * x);
        guint32 cb = *(const guint32 *) (pb + y * sb + 4 * x);
        gboolean differs = FALSE;
        for (int k = 0; k < 24; k += 8)
          if (ABS ((int) ((ca >> k) & 0xff) - (int) ((cb >> k) & 0xff)) > 32)
            differs = TRUE;
        guint32 faded = 0xff000000;
        for (int k = 0; k < 24; k += 8)
          faded |= (guint32) (255 - (255 - ((cb >> k) & 0xff)) / 4) << k;
        *(guint32 *) (pd + y * sd + 4 * x) = differs ? 0xffff0000 : faded;
        bad += differs;
      }
  cairo_surface_mark_dirty (diff);
  return (double) bad / ((double) w * h);
}

typedef struct {
  const char *name;
  ModelBlock *block;
  int n_langs;
} ImageCase;

static void
check_case (const ImageCase *c, PangoContext *ctx, const ModelDoc *doc)
{
  static const char *const langs[] = { "de", "zh" };
  StyleComputed *style = style_new ("Noto Sans, Noto Sans CJK SC");
  const StyleComputed *lang_styles[2] = { style_new ("Noto Sans, Noto Sans CJK SC"),
                                          style_new ("Noto Sans CJK SC") };
  ChartSpec spec = { .block = c->block, .doc = doc, .langs = langs, .n_langs = c->n_langs,
                     .style = style, .lang_styles = lang_styles };
  cairo_surface_t *actual = render (&spec, ctx);

  g_autofree char *ref_path = g_build_filename (DOSSIER_SOURCE_DIR, "tests", "charts",
                                                c->name, NULL);
  g_autofree char *ref_file = g_strconcat (ref_path, ".png", NULL);
  if (g_strcmp0 (g_getenv ("DOSSIER_UPDATE_REFERENCES"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (ref_file);
      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (actual, ref_file), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", ref_file);
      cairo_surface_destroy (actual);
      return;
    }

  cairo_surface_t *ref = cairo_image_surface_create_from_png (ref_file);
  if (cairo_surface_status (ref) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: no reference (run with DOSSIER_UPDATE_REFERENCES=1)", ref_file);
  /* Compare as RGB24 whatever the PNG's format. */
  cairo_surface_t *ref24 = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                       cairo_image_surface_get_width (ref),
                                                       cairo_image_surface_get_height (ref));
  cairo_t *cr = cairo_create (ref24);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, ref, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (ref24);

  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  double share = compare (actual, ref24, diff);
  if (share >= 0.005)
    {
      const char *build = g_getenv ("G_TEST_BUILDDIR");
      g_autofree char *dir = g_build_filename (build ? build : ".", "chart-images", NULL);
      g_mkdir_with_parents (dir, 0755);
      g_autofree char *a = g_strdup_printf ("%s/%s-actual.png", dir, c->name);
      g_autofree char *d = g_strdup_printf ("%s/%s-diff.png", dir, c->name);
      cairo_surface_write_to_png (actual, a);
      cairo_surface_write_to_png (diff, d);
      g_error ("%s: %.2f %% of the pixels differ from %s (see %s, %s)", c->name, share * 100,
               ref_file, a, d);
    }
  cairo_surface_destroy (diff);
  cairo_surface_destroy (ref24);
  cairo_surface_destroy (ref);
  cairo_surface_destroy (actual);
}

static void
test_images (void)
{
  garbage = g_ptr_array_new ();
  arrays = g_ptr_array_new ();
  PangoContext *ctx = context_new ();
  ModelDoc doc = { 0 };
  doc.source = text2 ("Statistikamt Nanjing", "南京市统计局");

  ModelBlock *bar = block (MODEL_CHART_BAR, text2 ("Deutsche Investitionen in Nanjing",
                                                   "德国在南京的投资"));
  g_ptr_array_add (bar->figures, figure ("fdi", 2.22e9, "USD",
      text2 ("Genutzte ausländische Direktinvestitionen 2025", "2025年实际使用外资")));
  g_ptr_array_add (bar->figures, figure ("de", 7.3e8, "USD",
      text2 ("Investitionen deutscher Unternehmen", "德资企业投资")));
  g_ptr_array_add (bar->figures, figure ("trade", 4.2e9, "USD",
      text2 ("Handelsvolumen mit Deutschland", "对德贸易额")));

  ModelBlock *column = block (MODEL_CHART_COLUMN, text2 ("Austauschteilnehmende je Jahr",
                                                         "每年交流学员人数"));
  static const double hh[] = { 40, 65, 90, 120, 150 }, sh[] = { 55, 70, 110, 135, 170 };
  g_ptr_array_add (column->series, series ("hh", "count",
      text2 ("Aus Hamburg", "汉堡学员"), hh, 5));
  g_ptr_array_add (column->series, series ("sh", "count",
      text2 ("Aus Shanghai", "上海学员"), sh, 5));

  ModelBlock *line = block (MODEL_CHART_LINE, text2 ("Handel Nanjing–Deutschland", "南京对德贸易"));
  static const double trade[] = { 3.1e9, 3.4e9, 3.0e9, 3.9e9, 4.2e9 };
  ModelSeries *ts = series ("trade", "USD", text2 ("Handelsvolumen", "贸易额"), trade, 5);
  ts->illustrative = TRUE;
  g_ptr_array_add (line->series, ts);

  ModelBlock *donut = block (MODEL_CHART_DONUT, text2 ("Studiengänge in Pilotschulen",
                                                       "试点院校专业构成"));
  g_ptr_array_add (donut->figures, figure ("dual", 37, "percent",
      text2 ("Duale Studiengänge", "双元制专业")));
  g_ptr_array_add (donut->figures, figure ("rest", 62.5, "percent",
      text2 ("Übrige Studiengänge", "其他专业")));
  g_ptr_array_add (donut->figures, figure ("pilot", 0.5, "percent",
      text2 ("Pilotprojekte", "试点项目")));

  ImageCase cases[] = {
    { "bar-de", bar, 1 }, { "bar-de-zh", bar, 2 },
    { "column-de", column, 1 }, { "column-de-zh", column, 2 },
    { "line-de", line, 1 }, { "line-de-zh", line, 2 },
    { "donut-de", donut, 1 }, { "donut-de-zh", donut, 2 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i], ctx, &doc);

  g_object_unref (ctx);
  garbage_free ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-images/kinds", test_images);
  return g_test_run ();
}
