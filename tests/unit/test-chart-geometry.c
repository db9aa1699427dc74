/* test-chart-geometry.c — charts laid out for extreme data keep every label
 * and mark inside their box, no two labels overlap, no label covers a mark,
 * measure gives the height drawn, and drawing paints nothing outside the box.
 *
 * With DOSSIER_CHART_PNG=dir set, every case is also written as a PNG into
 * dir, to be looked at. */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include "chart/chart-private.h"
#include "chart-paint.h"

/* ---- building a model by hand ------------------------------------------- */

/* Everything allocated for the model, freed at the end of a test. */
static GPtrArray *garbage;

static void *
keep (void *p, GDestroyNotify free_func)
{
  GDestroyNotify *pair = g_new (GDestroyNotify, 2);
  pair[0] = (GDestroyNotify) p;
  pair[1] = free_func;
  g_ptr_array_add (garbage, pair);
  return p;
}

static void
garbage_free (void)
{
  for (guint i = 0; i < garbage->len; i++)
    {
      GDestroyNotify *pair = g_ptr_array_index (garbage, i);
      pair[1] ((gpointer) pair[0]);
      g_free (pair);
    }
  g_ptr_array_free (garbage, TRUE);
}

static ModelVariant *
variant (const char *lang, const char *text)
{
  ModelVariant *v = keep (g_new0 (ModelVariant, 1), g_free);
  v->lang = (char *) lang;
  v->inlines = keep (g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  ModelInline *in = keep (g_new0 (ModelInline, 1), g_free);
  in->kind = MODEL_INLINE_TEXT;
  in->text = (char *) text;
  g_ptr_array_add (v->inlines, in);
  return v;
}

static ModelText *
text2 (const char *de, const char *zh)
{
  ModelText *t = keep (g_new0 (ModelText, 1), g_free);
  t->variants = keep (g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  if (de != NULL)
    g_ptr_array_add (t->variants, variant ("de", de));
  if (zh != NULL)
    g_ptr_array_add (t->variants, variant ("zh", zh));
  return t;
}

static ModelFigure *
figure (const char *id, double value, const char *unit, ModelText *label)
{
  ModelFigure *f = keep (g_new0 (ModelFigure, 1), g_free);
  f->id = (char *) id;
  f->value = value;
  f->unit = (char *) unit;
  f->label = label;
  return f;
}

static ModelSeries *
series_new (const char *id, const char *unit, ModelText *label)
{
  ModelSeries *s = keep (g_new0 (ModelSeries, 1), g_free);
  s->id = (char *) id;
  s->unit = (char *) unit;
  s->label = label;
  s->points = keep (g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  return s;
}

static void
point (ModelSeries *s, const char *x, double value, ModelText *label)
{
  ModelPoint *p = keep (g_new0 (ModelPoint, 1), g_free);
  p->x = (char *) x;
  p->value = value;
  p->label = label;
  g_ptr_array_add (s->points, p);
}

static ModelBlock *
chart_block (ModelChartType type, ModelText *caption)
{
  ModelBlock *b = keep (g_new0 (ModelBlock, 1), g_free);
  b->kind = MODEL_BLOCK_CHART;
  b->chart_type = type;
  b->caption = caption;
  b->figures = keep (g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  b->series = keep (g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  return b;
}

static StyleComputed *
style_new (const char *family, StyleChartLabels labels)
{
  StyleComputed *s = keep (g_new0 (StyleComputed, 1), g_free);
  s->font_family = (char *) family;
  s->font_size = 9.5;
  s->label_font_size = 7.5;
  s->color = (StyleColor) { 0.11, 0.11, 0.106, 1 };
  s->aspect_ratio = 16.0 / 9.0;
  s->palette[0] = (StyleColor) { 0.784, 0.063, 0.180, 1 };
  s->palette[1] = (StyleColor) { 0.176, 0.416, 0.624, 1 };
  s->palette[2] = (StyleColor) { 0.55, 0.55, 0.55, 1 };
  s->n_palette = 3;
  s->axis_color = (StyleColor) { 0.2, 0.2, 0.2, 1 };
  s->axis_width = 0.6;
  s->grid_color = (StyleColor) { 0.8, 0.8, 0.8, 1 };
  s->grid_width = 0.3;
  s->chart_labels = labels;
  s->legend = STYLE_LEGEND_TOP;
  return s;
}

/* ---- the cases ------------------------------------------------------------ */

typedef struct {
  const char *name;
  ModelBlock *block;
} Case;

static GPtrArray *
make_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);
  Case *c;

#define ADD(n, blk) (c = g_new0 (Case, 1), c->name = (n), c->block = (blk), g_ptr_array_add (cases, c))

  /* The handout's figures as bars. */
  ModelBlock *b = chart_block (MODEL_CHART_BAR,
                               text2 ("Deutsche Investitionen in Nanjing", "德国在南京的投资"));
  g_ptr_array_add (b->figures, figure ("fdi", 2.22e9, "USD",
                                       text2 ("Genutzte ausländische Direktinvestitionen 2025",
                                              "2025年实际使用外资")));
  g_ptr_array_add (b->figures, figure ("de", 7.3e8, "USD",
                                       text2 ("Investitionen deutscher Unternehmen", "德资企业投资")));
  g_ptr_array_add (b->figures, figure ("trade", 4.2e9, "USD",
                                       text2 ("Handelsvolumen mit Deutschland", "对德贸易额")));
  ADD ("figures-bar", b);

  /* A series of years as columns, illustrative. */
  b = chart_block (MODEL_CHART_COLUMN, text2 ("Handel Nanjing–Deutschland", "南京对德贸易"));
  ModelSeries *s = series_new ("trade", "USD", text2 ("Handelsvolumen", "贸易额"));
  s->illustrative = TRUE;
  double trade[] = { 3.1e9, 3.4e9, 3.0e9, 3.9e9, 4.2e9 };
  const char *years[] = { "2021", "2022", "2023", "2024", "2025" };
  for (int i = 0; i < 5; i++)
    point (s, years[i], trade[i], NULL);
  g_ptr_array_add (b->series, s);
  ADD ("years-column", b);

  /* One point. */
  b = chart_block (MODEL_CHART_COLUMN, NULL);
  s = series_new ("one", "count", NULL);
  point (s, "2025", 315, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("one-point-column", b);
  b = chart_block (MODEL_CHART_BAR, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("one-point-bar", b);

  /* 20 categories, years and words. */
  b = chart_block (MODEL_CHART_COLUMN, text2 ("Zwanzig Jahre", "二十年"));
  s = series_new ("twenty", "EUR", NULL);
  for (int i = 0; i < 20; i++)
    point (s, g_strdup_printf ("%d", 2006 + i), 1e8 * (1 + i * 0.37 + (i % 3)), NULL);
  for (guint i = 0; i < s->points->len; i++)
    keep (((ModelPoint *) g_ptr_array_index (s->points, i))->x, g_free);
  g_ptr_array_add (b->series, s);
  ADD ("twenty-years-column", b);

  b = chart_block (MODEL_CHART_COLUMN, text2 ("Zwanzig Branchen", "二十个行业"));
  s = series_new ("branches", "count", NULL);
  static const char *const de_names[] = {
    "Automobil", "Maschinenbau", "Chemie", "Elektrotechnik", "Logistik", "Pharma",
    "Medizintechnik", "Software", "Energie", "Umwelttechnik", "Textil", "Nahrungsmittel",
    "Handel", "Beratung", "Finanzen", "Bildung", "Tourismus", "Bau", "Luftfahrt", "Optik" };
  static const char *const zh_names[] = {
    "汽车", "机械制造", "化工", "电气工程", "物流", "制药", "医疗技术", "软件", "能源",
    "环保技术", "纺织", "食品", "贸易", "咨询", "金融", "教育", "旅游", "建筑", "航空", "光学" };
  for (int i = 0; i < 20; i++)
    point (s, NULL, 5 + (i * 37) % 90, text2 (de_names[i], zh_names[i]));
  g_ptr_array_add (b->series, s);
  ADD ("twenty-branches-column", b);
  b = chart_block (MODEL_CHART_BAR, text2 ("Zwanzig Branchen", "二十个行业"));
  g_ptr_array_add (b->series, s);
  ADD ("twenty-branches-bar", b);

  /* All zeros. */
  b = chart_block (MODEL_CHART_COLUMN, NULL);
  s = series_new ("zeros", "count", NULL);
  for (int i = 0; i < 4; i++)
    point (s, years[i], 0, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("zeros-column", b);
  b = chart_block (MODEL_CHART_BAR, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("zeros-bar", b);

  /* Negative values. */
  b = chart_block (MODEL_CHART_COLUMN, text2 ("Veränderung zum Vorjahr", "同比变化"));
  s = series_new ("change", "percent", NULL);
  double change[] = { 12.5, -8.25, 3, -22, 0.5 };
  for (int i = 0; i < 5; i++)
    point (s, years[i], change[i], NULL);
  g_ptr_array_add (b->series, s);
  ADD ("negative-column", b);
  b = chart_block (MODEL_CHART_BAR, text2 ("Veränderung zum Vorjahr", "同比变化"));
  g_ptr_array_add (b->series, s);
  ADD ("negative-bar", b);
  b = chart_block (MODEL_CHART_COLUMN, NULL);
  s = series_new ("neg", "EUR", NULL);
  for (int i = 0; i < 3; i++)
    point (s, years[i], -1e9 * (i + 1), NULL);
  g_ptr_array_add (b->series, s);
  ADD ("all-negative-column", b);

  /* From 1 to 1e12. */
  b = chart_block (MODEL_CHART_COLUMN, NULL);
  s = series_new ("wide", "USD", NULL);
  double wide[] = { 1, 1e3, 1e6, 1e9, 1e12 };
  for (int i = 0; i < 5; i++)
    point (s, years[i], wide[i], NULL);
  g_ptr_array_add (b->series, s);
  ADD ("wide-range-column", b);
  b = chart_block (MODEL_CHART_BAR, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("wide-range-bar", b);

  /* Very long labels. */
  b = chart_block (MODEL_CHART_BAR,
                   text2 ("Investitionsförderungsvereinbarungen der Städtepartnerschaft "
                          "Nanjing–Stuttgart im Überblick über die Jahre",
                          "南京与斯图加特友好城市投资促进协议多年概览及其对双边贸易与产业合作的长期影响"));
  g_ptr_array_add (b->figures, figure ("a", 1.5e8, "CNY",
      text2 ("Handelsförderungskonferenzteilnehmerunternehmen aus Baden-Württemberg",
             "来自巴登-符腾堡州的贸易促进会议参展企业及其在华子公司和合资企业")));
  g_ptr_array_add (b->figures, figure ("b", 9.8e8, "CNY",
      text2 ("Investitionsförderung", "投资促进")));
  g_ptr_array_add (b->figures, figure ("c", 3.3e9, "CNY",
      text2 ("Gemeinsame Forschungs- und Entwicklungszentren für Elektromobilität "
             "und Batterietechnologie in der Region", "新能源汽车与电池技术联合研发中心")));
  ADD ("long-labels-bar", b);
  b = chart_block (MODEL_CHART_COLUMN, b->caption);
  for (int i = 0; i < 3; i++)
    g_ptr_array_add (b->figures, g_ptr_array_index (((Case *) cases->pdata[cases->len - 1])->block->figures, i));
  ADD ("long-labels-column", b);

  /* Two series, grouped, with a legend. */
  b = chart_block (MODEL_CHART_COLUMN, text2 ("Import und Export", "进口与出口"));
  ModelSeries *imp = series_new ("imp", "USD", text2 ("Importe aus Deutschland", "自德进口"));
  ModelSeries *exp = series_new ("exp", "USD", text2 ("Exporte nach Deutschland", "对德出口"));
  double iv[] = { 1.2e9, 1.5e9, 1.1e9, 1.9e9, 2.3e9 }, ev[] = { 1.9e9, 1.9e9, 1.9e9, 2e9, 1.9e9 };
  for (int i = 0; i < 5; i++)
    {
      point (imp, years[i], iv[i], NULL);
      point (exp, years[i], ev[i], NULL);
    }
  g_ptr_array_add (b->series, imp);
  g_ptr_array_add (b->series, exp);
  ADD ("two-series-column", b);
  b = chart_block (MODEL_CHART_BAR, text2 ("Import und Export", "进口与出口"));
  g_ptr_array_add (b->series, imp);
  g_ptr_array_add (b->series, exp);
  ADD ("two-series-bar", b);

  /* Three series with a missing point. */
  b = chart_block (MODEL_CHART_COLUMN, NULL);
  for (int k = 0; k < 3; k++)
    {
      s = series_new ("k", "percent", text2 (k == 0 ? "Nanjing" : k == 1 ? "Suzhou" : "Wuxi",
                                              k == 0 ? "南京" : k == 1 ? "苏州" : "无锡"));
      for (int i = 0; i < 4; i++)
        if (!(k == 2 && i == 1))
          point (s, years[i], 10 + 7 * k + 3 * i, NULL);
      g_ptr_array_add (b->series, s);
    }
  ADD ("three-series-gap-column", b);

  /* Donuts: shares of figures, a 0.5 % slice among large ones, several thin
   * slices side by side, one slice, twenty slices, long names, amounts
   * with a total in the hole, a series, zeros among them. */
  b = chart_block (MODEL_CHART_DONUT, text2 ("Anteil dualer Studiengänge", "双元制专业占比"));
  g_ptr_array_add (b->figures, figure ("dual", 37.5, "percent",
      text2 ("Anteil dualer Studiengänge in Shanghaier Pilotschulen", "上海试点院校双元制专业占比")));
  g_ptr_array_add (b->figures, figure ("rest", 62.5, "percent",
      text2 ("Übrige Studiengänge", "其他专业")));
  ADD ("shares-donut", b);

  b = chart_block (MODEL_CHART_DONUT, text2 ("Kleiner Anteil", "小份额"));
  g_ptr_array_add (b->figures, figure ("big", 60, "percent", text2 ("Automobil", "汽车")));
  g_ptr_array_add (b->figures, figure ("tiny", 0.5, "percent", text2 ("Optik", "光学")));
  g_ptr_array_add (b->figures, figure ("mid", 39.5, "percent", text2 ("Chemie", "化工")));
  ADD ("half-percent-donut", b);

  b = chart_block (MODEL_CHART_DONUT, NULL);
  double thin[] = { 90, 0.5, 0.5, 0.5, 1, 0.5, 7 };
  for (int i = 0; i < 7; i++)
    g_ptr_array_add (b->figures, figure (de_names[i], thin[i], "percent",
                                         text2 (de_names[i], zh_names[i])));
  ADD ("thin-slices-donut", b);

  b = chart_block (MODEL_CHART_DONUT, NULL);
  g_ptr_array_add (b->figures, figure ("all", 315, "count", text2 ("Projekte", "项目")));
  ADD ("one-slice-donut", b);

  b = chart_block (MODEL_CHART_DONUT, text2 ("Zwanzig Branchen", "二十个行业"));
  s = series_new ("branches", "count", NULL);
  for (int i = 0; i < 20; i++)
    point (s, NULL, 5 + (i * 37) % 90, text2 (de_names[i], zh_names[i]));
  g_ptr_array_add (b->series, s);
  ADD ("twenty-donut", b);

  b = chart_block (MODEL_CHART_DONUT, NULL);
  g_ptr_array_add (b->figures, figure ("fdi", 2.22e9, "USD",
      text2 ("Genutzte ausländische Direktinvestitionen 2025", "2025年实际使用外资")));
  g_ptr_array_add (b->figures, figure ("de", 7.3e8, "USD",
      text2 ("Handelsförderungskonferenzteilnehmerunternehmen aus Baden-Württemberg",
             "来自巴登-符腾堡州的贸易促进会议参展企业及其在华子公司和合资企业")));
  g_ptr_array_add (b->figures, figure ("zero", 0, "USD", text2 ("Nichts", "无")));
  g_ptr_array_add (b->figures, figure ("big", 1e12, "USD", text2 ("Billion", "万亿")));
  ADD ("amounts-donut", b);

  b = chart_block (MODEL_CHART_DONUT, NULL);
  s = series_new ("trade", "USD", text2 ("Handelsvolumen", "贸易额"));
  s->illustrative = TRUE;
  for (int i = 0; i < 5; i++)
    point (s, years[i], trade[i], NULL);
  g_ptr_array_add (b->series, s);
  ADD ("years-donut", b);

  /* Donuts of what is no share of a whole: laid out as bars. */
  b = chart_block (MODEL_CHART_DONUT, NULL);
  s = series_new ("zeros", "count", NULL);
  for (int i = 0; i < 4; i++)
    point (s, years[i], 0, NULL);
  g_ptr_array_add (b->series, s);
  ADD ("zeros-donut", b);
  b = chart_block (MODEL_CHART_DONUT, NULL);
  s = series_new ("change", "percent", NULL);
  for (int i = 0; i < 5; i++)
    point (s, years[i], change[i], NULL);
  g_ptr_array_add (b->series, s);
  ADD ("negative-donut", b);

  /* Lines: the same data as lines. */
  for (guint i = 0, n = cases->len; i < n; i++)
    {
      const Case *src = g_ptr_array_index (cases, i);
      if (src->block->chart_type != MODEL_CHART_COLUMN)
        continue;
      b = chart_block (MODEL_CHART_LINE, src->block->caption);
      for (guint k = 0; k < src->block->series->len; k++)
        g_ptr_array_add (b->series, g_ptr_array_index (src->block->series, k));
      for (guint k = 0; k < src->block->figures->len; k++)
        g_ptr_array_add (b->figures, g_ptr_array_index (src->block->figures, k));
      char *name = keep (g_strdup_printf ("%s-as-line", src->name), g_free);
      ADD (name, b);
    }
#undef ADD
  return cases;
}

/* ---- checks ---------------------------------------------------------------- */

static gboolean
inside (const ChartRect *r, const ChartRect *box)
{
  const double eps = 0.01;
  return r->x >= box->x - eps && r->y >= box->y - eps && r->x + r->w <= box->x + box->w + eps
         && r->y + r->h <= box->y + box->h + eps && r->w >= 0 && r->h >= 0;
}

static void
check_layout (const char *what, const ChartLayout *l)
{
  for (guint i = 0; i < l->labels->len; i++)
    {
      const ChartLabel *a = g_ptr_array_index (l->labels, i);
      if (!inside (&a->rect, &l->box))
        g_error ("%s: label %u “%s” (%.1f,%.1f %.1f×%.1f) outside the box %.1f×%.1f", what, i,
                 a->text->text, a->rect.x, a->rect.y, a->rect.w, a->rect.h,
                 l->box.w, l->box.h);
      for (guint j = i + 1; j < l->labels->len; j++)
        {
          const ChartLabel *b = g_ptr_array_index (l->labels, j);
          if (chart_rects_intersect (&a->rect, &b->rect, 0.01))
            g_error ("%s: labels “%s” and “%s” overlap", what, a->text->text,
                     b->text->text);
        }
      for (guint m = 0; m < l->marks->len && !a->on_mark; m++)
        {
          const ChartMark *mk = &g_array_index (l->marks, ChartMark, m);
          if (chart_mark_hits_rect (mk, &a->rect, 0.01))
            g_error ("%s: label “%s” covers mark %u", what, a->text->text, m);
        }
    }
  for (guint m = 0; m < l->marks->len; m++)
    {
      const ChartMark *mk = &g_array_index (l->marks, ChartMark, m);
      if (!inside (&mk->rect, &l->box))
        g_error ("%s: mark %u outside the box", what, m);
    }
  for (guint i = 0; i < l->lines->len; i++)
    {
      const ChartLine *ln = &g_array_index (l->lines, ChartLine, i);
      ChartRect r = { MIN (ln->x0, ln->x1), MIN (ln->y0, ln->y1), fabs (ln->x1 - ln->x0),
                      fabs (ln->y1 - ln->y0) };
      if (!inside (&r, &l->box))
        g_error ("%s: line %u outside the box", what, i);
    }
}

/* Draws without a clip onto a larger surface and looks for ink outside the
 * box (1 pt of slack for antialiasing and glyph overhang). */
static void
check_drawing (const char *what, const ChartLayout *l, const char *png)
{
  const int margin = 20;
  int w = (int) ceil (l->box.w) + 2 * margin, h = (int) ceil (l->box.h) + 2 * margin;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  paint_chart (l, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gboolean out = x < margin - 1 || y < margin - 1 || x > margin + l->box.w + 1
                       || y > margin + l->box.h + 1;
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        if (out && (px >> 24) != 0)
          g_error ("%s: ink at (%d, %d) outside the box", what, x - margin, y - margin);
      }
  if (png != NULL)
    {
      /* On white, at 2× for looking. */
      cairo_surface_t *big = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * w, 2 * h);
      cairo_t *c2 = cairo_create (big);
      cairo_set_source_rgb (c2, 1, 1, 1);
      cairo_paint (c2);
      cairo_scale (c2, 2, 2);
      cairo_set_source_rgb (c2, 0.9, 0.95, 1);
      cairo_rectangle (c2, margin, margin, l->box.w, l->box.h);
      cairo_fill (c2);
      cairo_translate (c2, margin, margin);
      paint_chart (l, c2);
      cairo_destroy (c2);
      cairo_surface_write_to_png (big, png);
      cairo_surface_destroy (big);
    }
  cairo_surface_destroy (surface);
}

typedef struct {
  const char *name;
  const char *langs[2];
  int n;
  StyleChartLabels mode;
  StyleLegend legend;
} LangSet;

static const LangSet lang_sets[] = {
  { "de", { "de" }, 1, STYLE_LABELS_STACKED, STYLE_LEGEND_TOP },
  { "zh", { "zh" }, 1, STYLE_LABELS_STACKED, STYLE_LEGEND_TOP },
  { "de-zh", { "de", "zh" }, 2, STYLE_LABELS_STACKED, STYLE_LEGEND_TOP },
  { "de-zh-side", { "de", "zh" }, 2, STYLE_LABELS_SIDE_BY_SIDE, STYLE_LEGEND_TOP },
  { "de-zh-right", { "de", "zh" }, 2, STYLE_LABELS_STACKED, STYLE_LEGEND_RIGHT },
  { "de-zh-bottom", { "de", "zh" }, 2, STYLE_LABELS_STACKED, STYLE_LEGEND_BOTTOM },
  { "de-zh-none", { "de", "zh" }, 2, STYLE_LABELS_STACKED, STYLE_LEGEND_NONE },
};

static void
test_extremes (void)
{
  g_autoptr (GObject) map_obj = NULL;
  PangoFontMap *map = pango_cairo_font_map_new ();
  g_autoptr (GObject) context_obj = NULL;
  PangoContext *context = pango_font_map_create_context (map);
  map_obj = G_OBJECT (map), context_obj = G_OBJECT (context);
  pango_context_set_round_glyph_positions (context, FALSE);
  const char *png_dir = g_getenv ("DOSSIER_CHART_PNG");

  garbage = g_ptr_array_new ();
  GPtrArray *cases = make_cases ();
  ModelDoc doc = { 0 };
  doc.source = text2 ("Statistikamt Nanjing; eigene Berechnungen", "南京市统计局；作者计算");
  double widths[] = { 180, 320, 480 };

  for (guint ci = 0; ci < cases->len; ci++)
    for (gsize li = 0; li < G_N_ELEMENTS (lang_sets); li++)
      for (gsize wi = 0; wi < G_N_ELEMENTS (widths); wi++)
        {
          const Case *c = g_ptr_array_index (cases, ci);
          const LangSet *ls = &lang_sets[li];
          StyleComputed *style = style_new ("Noto Sans, Noto Sans CJK SC", ls->mode);
          style->legend = ls->legend;
          const StyleComputed *lang_styles[2];
          for (int i = 0; i < ls->n; i++)
            lang_styles[i] = style_new (strcmp (ls->langs[i], "zh") == 0
                                        ? "Noto Sans CJK SC" : "Noto Sans, Noto Sans CJK SC",
                                        ls->mode);
          ChartSpec spec = { .block = c->block, .doc = &doc, .langs = ls->langs, .n_langs = ls->n,
                             .style = style, .lang_styles = lang_styles };
          g_autofree char *what = g_strdup_printf ("%s/%s/%g", c->name, ls->name, widths[wi]);
          g_autoptr (ChartLayout) l = chart_layout_new (&spec, context, widths[wi]);
          g_assert_nonnull (l);
          g_assert_cmpfloat (l->box.w, ==, widths[wi]);
          g_assert_cmpfloat (chart_measure (&spec, context, widths[wi]), ==, l->box.h);
          check_layout (what, l);
          g_autofree char *png = png_dir ? g_strdup_printf ("%s/chart-%s-%s-%g.png", png_dir,
                                                            c->name, ls->name, widths[wi])
                                         : NULL;
          check_drawing (what, l, png);
        }
  g_ptr_array_free (cases, TRUE);
  garbage_free ();
}

static void
test_not_drawn (void)
{
  /* Charts without data take no room; a donut takes its room. */
  g_autoptr (GObject) map_obj = NULL;
  PangoFontMap *map = pango_cairo_font_map_new ();
  g_autoptr (GObject) context_obj = NULL;
  PangoContext *context = pango_font_map_create_context (map);
  map_obj = G_OBJECT (map), context_obj = G_OBJECT (context);
  garbage = g_ptr_array_new ();
  const char *langs[] = { "de" };
  StyleComputed *style = style_new ("Noto Sans", STYLE_LABELS_STACKED);
  ModelBlock *donut = chart_block (MODEL_CHART_DONUT, NULL);
  ModelSeries *s = series_new ("s", "count", NULL);
  point (s, "2025", 3, NULL);
  g_ptr_array_add (donut->series, s);
  ChartSpec spec = { .block = donut, .langs = langs, .n_langs = 1, .style = style };
  g_assert_cmpfloat (chart_measure (&spec, context, 300), >, 0);
  ModelBlock *empty = chart_block (MODEL_CHART_BAR, NULL);
  spec.block = empty;
  g_assert_cmpfloat (chart_measure (&spec, context, 300), ==, 0);
  garbage_free ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-geometry/extremes", test_extremes);
  g_test_add_func ("/chart-geometry/not-drawn", test_not_drawn);
  return g_test_run ();
}
