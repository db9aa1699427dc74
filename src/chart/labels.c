/* labels.c — the chart's styles, its display list (labels, marks, lines
 * and where a data label may go), the texts of numbers, and the frame
 * around a plot: caption and legend above, notes (illustrative data,
 * source) below. The labels' text is set in text.c. */
#include <math.h>
#include <string.h>
#include "chart/chart-private.h"
#include "text/text.h"

/* ---- styles ------------------------------------------------------------- */

const StyleComputed *
chart_lang_style (const ChartSpec *spec, int i)
{
  if (spec->lang_styles != NULL && i >= 0 && i < spec->n_langs && spec->lang_styles[i] != NULL)
    return spec->lang_styles[i];
  return spec->style;
}

StyleColor
chart_text_color (const ChartSpec *spec)
{
  if (spec->style->color.a > 0)
    return spec->style->color;
  return (StyleColor) { 0.11, 0.11, 0.11, 1 };
}

StyleColor
chart_series_color (const ChartSpec *spec, int series)
{
  /* A restrained default palette when the style names none. */
  static const StyleColor fallback[] = {
    { 0.176, 0.416, 0.624, 1 }, { 0.784, 0.063, 0.180, 1 }, { 0.549, 0.549, 0.549, 1 },
    { 0.839, 0.565, 0.122, 1 }, { 0.341, 0.561, 0.361, 1 }, { 0.455, 0.341, 0.576, 1 },
  };
  const StyleComputed *s = spec->style;
  if (s->n_palette > 0)
    return s->palette[series % MIN (s->n_palette, STYLE_MAX_PALETTE)];
  return fallback[series % G_N_ELEMENTS (fallback)];
}

void
chart_axis_style (const ChartSpec *spec, double *axis_width, StyleColor *axis_color,
                  double *grid_width, StyleColor *grid_color)
{
  /* Transparent colours mean "not set": print-weight defaults. A width of
   * 0 means none (the style engine's initial widths are 0.6pt and 0.3pt). */
  const StyleComputed *s = spec->style;
  *axis_width = MAX (s->axis_width, 0);
  *axis_color = s->axis_color.a > 0 ? s->axis_color : (StyleColor) { 0.25, 0.25, 0.25, 1 };
  *grid_width = MAX (s->grid_width, 0);
  *grid_color = s->grid_color.a > 0 ? s->grid_color : (StyleColor) { 0.78, 0.78, 0.78, 1 };
}

double
chart_plot_height (const ChartSpec *spec, double width)
{
  if (spec->style->height > 0)
    return spec->style->height;
  double ratio = spec->style->aspect_ratio > 0 ? spec->style->aspect_ratio : 16.0 / 9.0;
  return width / ratio;
}

/* ---- display list ------------------------------------------------------- */

ChartLabel *
chart_add_label (ChartBuild *b, ChartLabelKind kind, ChartText *text, double x, double y)
{
  ChartLabel *label = g_new0 (ChartLabel, 1);
  label->kind = kind;
  label->text = text;
  double w, h;
  chart_text_size (text, &w, &h);
  label->rect = (ChartRect) { x, y, w, h };
  g_ptr_array_add (b->layout->labels, label);
  return label;
}

void
chart_add_line (ChartBuild *b, double x0, double y0, double x1, double y1, double width,
                StyleColor color, gboolean over_marks)
{
  ChartLine line = { x0, y0, x1, y1, width, color, over_marks };
  g_array_append_val (b->layout->lines, line);
}

void
chart_add_mark (ChartBuild *b, ChartMarkKind kind, ChartRect rect, StyleColor color,
                int series, int category)
{
  ChartMark mark = { kind, rect, color, series, category, 0, 0, 0 };
  g_array_append_val (b->layout->marks, mark);
}

gboolean
chart_rects_intersect (const ChartRect *a, const ChartRect *b, double tolerance)
{
  return a->x + a->w > b->x + tolerance && b->x + b->w > a->x + tolerance
         && a->y + a->h > b->y + tolerance && b->y + b->h > a->y + tolerance;
}

/* Whether (x, y) lies in the slice, tolerance pt inside its edges. */
static gboolean
in_slice (const ChartMark *m, double x, double y, double tolerance)
{
  double r_out = m->rect.w / 2;
  double dx = x - (m->rect.x + r_out), dy = y - (m->rect.y + r_out);
  double r = hypot (dx, dy);
  if (r < m->r_in + tolerance || r > r_out - tolerance)
    return FALSE;
  double a = atan2 (dy, dx);
  while (a < m->a0)
    a += 2 * G_PI;
  while (a > m->a0 + 2 * G_PI)
    a -= 2 * G_PI;
  double margin = r > 0 ? tolerance / r : 0;
  return a > m->a0 + margin && a < m->a1 - margin;
}

gboolean
chart_mark_hits_rect (const ChartMark *m, const ChartRect *r, double tolerance)
{
  if (m->kind != CHART_MARK_SLICE)
    return chart_rects_intersect (r, &m->rect, tolerance);
  if (!chart_rects_intersect (r, &m->rect, tolerance))
    return FALSE;
  /* Points of the rectangle in the slice, and points of the slice in the
   * rectangle, on fine grids: exact enough at label sizes. */
  const int n = 12;
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= n; j++)
      if (in_slice (m, r->x + r->w * i / n, r->y + r->h * j / n, tolerance))
        return TRUE;
  ChartRect inner = { r->x + tolerance, r->y + tolerance, r->w - 2 * tolerance,
                      r->h - 2 * tolerance };
  double r_out = m->rect.w / 2, cx = m->rect.x + r_out, cy = m->rect.y + r_out;
  int na = MAX (8, (int) ceil ((m->a1 - m->a0) * r_out / 1.0));
  na = MIN (na, 720);
  for (int i = 0; i <= na; i++)
    for (int j = 0; j <= 4; j++)
      {
        double a = m->a0 + (m->a1 - m->a0) * i / na;
        double rr = m->r_in + (r_out - m->r_in) * j / 4;
        double x = cx + rr * cos (a), y = cy + rr * sin (a);
        if (x > inner.x && x < inner.x + inner.w && y > inner.y && y < inner.y + inner.h)
          return TRUE;
      }
  return FALSE;
}

gboolean
chart_place_data_label (ChartBuild *b, ChartText *text, const ChartRect *candidates,
                        const gboolean *inside, int n_candidates, const ChartRect *bounds,
                        int own_mark)
{
  const ChartLayout *cl = b->layout;
  const double eps = 0.01;
  for (int k = 0; k < n_candidates; k++)
    {
      const ChartRect *r = &candidates[k];
      if (r->x < bounds->x - eps || r->y < bounds->y - eps
          || r->x + r->w > bounds->x + bounds->w + eps || r->y + r->h > bounds->y + bounds->h + eps)
        continue;
      gboolean clear = TRUE;
      for (guint i = 0; clear && i < cl->labels->len; i++)
        {
          const ChartLabel *l = g_ptr_array_index (cl->labels, i);
          if (chart_rects_intersect (r, &l->rect, eps))
            clear = FALSE;
        }
      for (guint i = 0; clear && i < cl->marks->len; i++)
        {
          const ChartMark *m = &g_array_index (cl->marks, ChartMark, i);
          if ((int) i == own_mark && inside[k])
            continue;
          if (chart_mark_hits_rect (m, r, eps))
            clear = FALSE;
        }
      if (!clear)
        continue;
      if (inside[k])
        chart_text_set_color (text, (StyleColor) { 1, 1, 1, 1 });   /* white on the bar */
      ChartLabel *label = chart_add_label (b, CHART_LABEL_DATA, text, r->x, r->y);
      label->on_mark = inside[k];
      return TRUE;
    }
  chart_text_free (text);
  return FALSE;
}

/* ---- numbers on axes and marks ------------------------------------------ */

static gboolean
unit_is_currency (const char *unit)
{
  return unit != NULL && strcmp (unit, "count") != 0 && strcmp (unit, "percent") != 0;
}

char **
chart_tick_texts (ChartBuild *b, double value, double step)
{
  const ChartSpec *spec = b->spec;
  char **t = g_new0 (char *, spec->n_langs + 1);
  for (int i = 0; i < spec->n_langs; i++)
    t[i] = text_format_tick (value, step, b->data->unit, spec->langs[i]);
  return t;
}

char **
chart_value_texts (ChartBuild *b, int index)
{
  const ChartSpec *spec = b->spec;
  const ChartData *d = b->data;
  double value = d->values[index];
  /* A shared currency is named once, in the axis title: labels show the
   * scaled number ("2,22 Mrd.", "22.2亿"); percentages keep their sign.
   * Figures of different units each say theirs ("4,5 Mio. Euro" beside
   * "30 Mio. Yuan"), and a figure's qualifier is kept ("mehr als 730 Mio.",
   * "逾7.3亿"): a label must not claim more precision than the data. */
  const ModelFigure *fig = d->figures ? d->figures[index % d->n_cats] : NULL;
  const char *unit = d->unit;
  if (d->mixed_units)
    unit = fig ? fig->unit : NULL;
  else if (unit_is_currency (unit))
    unit = NULL;
  ModelQualifier q = fig ? fig->qualifier : MODEL_QUALIFIER_NONE;
  char **t = g_new0 (char *, spec->n_langs + 1);
  for (int i = 0; i < spec->n_langs; i++)
    t[i] = text_format_value (value, unit, q, spec->langs[i]);
  return t;
}

char **
chart_unit_texts (ChartBuild *b)
{
  const ChartSpec *spec = b->spec;
  if (!unit_is_currency (b->data->unit))
    return NULL;
  char **t = g_new0 (char *, spec->n_langs + 1);
  for (int i = 0; i < spec->n_langs; i++)
    {
      g_autofree char *name = text_format_unit_name (b->data->unit, spec->langs[i]);
      t[i] = model_lang_is_chinese (spec->langs[i]) ? g_strconcat ("单位：", name, NULL)
             : g_str_has_prefix (spec->langs[i], "de") ? g_strconcat ("in ", name, NULL)
                                                         : g_strconcat ("in ", name, NULL);
    }
  return t;
}

/* ---- caption, legend, notes --------------------------------------------- */

/* Frees an array of n texts, some of which may be NULL. */
static void
texts_free (char **t, int n)
{
  for (int i = 0; i < n; i++)
    g_free (t[i]);
  g_free (t);
}

static char *
text_plain (const ModelText *text, const char *lang)
{
  if (text == NULL)
    return NULL;
  gboolean fallback = FALSE;
  const ModelVariant *v = model_text_get_or_fallback (text, lang, &fallback);
  return v ? text_variant_plain (v, fallback && v->lang ? v->lang : lang) : NULL;
}

static double
add_block_text (ChartBuild *b, char **texts, ChartFont font, ChartLabelKind kind, double y,
                int max_lines)
{
  ChartText *text = chart_text_new (b, texts, font, b->width, max_lines, STYLE_ALIGN_LEFT);
  if (text == NULL)
    return y;
  ChartLabel *l = chart_add_label (b, kind, text, 0, y);
  return y + l->rect.h;
}

/* One legend item's text: its names, or its number when it has none. */
static ChartText *
legend_item_text (ChartBuild *b, char *const *names, int k, double max_w)
{
  char *fallback[3] = { NULL, NULL, NULL };
  g_autofree char *num = NULL;
  if (names == NULL)
    {
      num = g_strdup_printf ("%d", k + 1);
      fallback[0] = num;
      return chart_text_new (b, fallback, CHART_FONT_FIGURE, max_w, 2, STYLE_ALIGN_LEFT);
    }
  return chart_text_new (b, names, CHART_FONT_LABEL, max_w, 2, STYLE_ALIGN_LEFT);
}

double
chart_legend_width (ChartBuild *b, int n, char **const *names, double max_w)
{
  double key = b->label_size * 0.8, gap = b->gap, widest = 0;
  for (int k = 0; k < n; k++)
    {
      g_autoptr (ChartText) text = legend_item_text (b, names[k], k, max_w - key - gap * 0.5);
      double w = 0;
      chart_text_size (text, &w, NULL);
      widest = MAX (widest, key + gap * 0.5 + w);
    }
  return MIN (widest, max_w);
}

static double
legend_flow (ChartBuild *b, double x0, double y, double width, int n, char **const *names,
             const StyleColor *colors, gboolean column, gboolean add)
{
  double key = b->label_size * 0.8, gap = b->gap;
  double x = x0, row_h = 0;
  for (int k = 0; k < n; k++)
    {
      double max_w = width - key - gap * 0.5;
      ChartText *text = legend_item_text (b, names[k], k, max_w);
      double w = 0, h = 0;
      chart_text_size (text, &w, &h);
      double item_w = key + gap * 0.5 + w;
      if (x > x0 && (column || x + item_w > x0 + width))
        {
          y += row_h + gap * (column ? 0.4 : 0.5);
          x = x0, row_h = 0;
        }
      double item_h = MAX (h, key);
      double line_h = b->label_size * 1.2;
      double key_y = y + (MIN (item_h, line_h) - key) / 2;
      if (add)
        chart_add_mark (b, CHART_MARK_SWATCH, (ChartRect) { x, MAX (key_y, y), key, key },
                        colors[k], k, -1);
      if (text != NULL && add)
        chart_add_label (b, CHART_LABEL_LEGEND, text, x + key + gap * 0.5, y);
      else
        chart_text_free (text);
      x += item_w + gap * 1.5;
      row_h = MAX (row_h, item_h);
    }
  return y + row_h;
}

double
chart_legend_add (ChartBuild *b, double x0, double y, double width, int n,
                  char **const *names, const StyleColor *colors, gboolean column)
{
  return legend_flow (b, x0, y, width, n, names, colors, column, TRUE);
}

double
chart_legend_height (ChartBuild *b, double width, int n, char **const *names,
                     gboolean column)
{
  return legend_flow (b, 0, 0, width, n, names, NULL, column, FALSE);
}

/* The series legend across the width. */

/* The source line gets its label ("Quelle: ", "资料来源：") from dossier; an
 * author who wrote one already (as older inputs do) keeps it, once. */
static gboolean
has_source_label (const char *src)
{
  static const char *const labels[] = { "Quelle:", "Quellen:", "Source:", "Sources:",
                                        "资料来源：", "数据来源：", "来源：", NULL };
  for (const char *const *l = labels; *l; l++)
    if (g_str_has_prefix (src, *l))
      return TRUE;
  return FALSE;
}

static double
add_legend (ChartBuild *b, double y)
{
  const ChartData *d = b->data;
  StyleColor *colors = g_new (StyleColor, d->n_series);
  for (int s = 0; s < d->n_series; s++)
    colors[s] = chart_series_color (b->spec, s);
  y = chart_legend_add (b, 0, y, b->width, d->n_series, d->series_names, colors, FALSE);
  g_free (colors);
  return y;
}

gboolean
chart_legend_shown (ChartBuild *b)
{
  return b->data->n_series > 1 && b->spec->style->legend != STYLE_LEGEND_NONE
         && b->spec->block->chart_type != MODEL_CHART_DONUT;
}

double
chart_frame_top (ChartBuild *b)
{
  const ChartSpec *spec = b->spec;
  double y = 0;
  if (spec->block->caption != NULL)
    {
      char **t = g_new0 (char *, spec->n_langs + 1);
      for (int i = 0; i < spec->n_langs; i++)
        t[i] = text_plain (spec->block->caption, spec->langs[i]);
      double y2 = add_block_text (b, t, CHART_FONT_CAPTION, CHART_LABEL_CAPTION, y, 4);
      if (y2 > y)
        y = y2 + b->gap;
      texts_free (t, spec->n_langs);
    }
  if (chart_legend_shown (b) && (spec->style->legend == STYLE_LEGEND_TOP
                                 || (spec->style->legend == STYLE_LEGEND_RIGHT
                                     && !b->legend_right)))
    y = add_legend (b, y) + b->gap;
  char **unit = chart_unit_texts (b);
  if (unit != NULL)
    {
      y = add_block_text (b, unit, CHART_FONT_LABEL, CHART_LABEL_AXIS_TITLE, y, 2)
          + b->gap * 0.5;
      g_strfreev (unit);
    }
  return y;
}

double
chart_frame_bottom (ChartBuild *b, double y)
{
  const ChartSpec *spec = b->spec;
  if (chart_legend_shown (b) && spec->style->legend == STYLE_LEGEND_BOTTOM)
    y = add_legend (b, y + b->gap);

  gboolean first = TRUE;
  if (b->data->illustrative)
    {
      char **t = g_new0 (char *, spec->n_langs + 1);
      for (int i = 0; i < spec->n_langs; i++)
        {
          const char *lang = spec->langs[i];
          t[i] = g_strdup (model_lang_is_chinese (lang) ? "示意数据，并非官方统计。"
                           : g_str_has_prefix (lang, "de") ? "Illustrative Werte, keine amtlichen Daten."
                           : "Illustrative values, not official statistics.");
        }
      y = add_block_text (b, t, CHART_FONT_NOTE, CHART_LABEL_NOTE, y + b->gap, 4);
      first = FALSE;
      texts_free (t, spec->n_langs);
    }
  if (spec->doc != NULL && spec->doc->source != NULL)
    {
      char **t = g_new0 (char *, spec->n_langs + 1);
      for (int i = 0; i < spec->n_langs; i++)
        {
          const char *lang = spec->langs[i];
          g_autofree char *src = text_plain (spec->doc->source, lang);
          if (src == NULL || *src == '\0')
            continue;
          t[i] = has_source_label (src) ? g_strdup (src)
               : g_strconcat (model_lang_is_chinese (lang) ? "资料来源："
                              : g_str_has_prefix (lang, "de") ? "Quelle: " : "Source: ",
                              src, NULL);
        }
      y = add_block_text (b, t, CHART_FONT_NOTE, CHART_LABEL_NOTE,
                          y + (first ? b->gap : b->gap * 0.3), 4);
      texts_free (t, spec->n_langs);
    }
  return y;
}
