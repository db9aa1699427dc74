/* column.c — vertical columns: the value axis on the left (tick labels,
 * horizontal gridlines, zero line), one band per category with one column
 * per series, data labels above the columns (below for negative values, or
 * inside when there is no room), category names wrapped under the bands.
 *
 * When category names cannot be set under their bands — not even every
 * k-th of them for a run of years — the chart is laid out as horizontal bars,
 * which have room for long names (chart.c). */
#include <math.h>
#include "chart/chart-private.h"

#define MAX_CAT_LINES 3

/* The value axis for a plot of height h: as many ticks as fit, labels not
 * touching. */
static ChartTicks *
ticks_for_height (ChartBuild *b, double h)
{
  ChartTicks *t = chart_ticks_new (b, 5);
  int target = CLAMP ((int) (h / (t->max_h * 2.0 + b->gap)) + 1, 2, 7);
  for (;;)
    {
      chart_ticks_free (t);
      t = chart_ticks_new (b, target);
      double spacing = h * t->step / (t->hi - t->lo);
      if (spacing >= t->max_h + b->gap * 0.4 || target <= 2)
        return t;
      target--;
    }
}

/* Category names wrapped to the band (every k-th one for x values); NULL
 * when they do not fit. */
static ChartText **
category_texts (ChartBuild *b, double band, int *every_out, double *height)
{
  const ChartData *d = b->data;
  for (int every = 1; every <= d->n_cats; every++)
    {
      double wrap = band * every - b->gap * 0.6;
      gboolean fits = wrap >= b->label_size * 1.8;
      ChartText **cat = g_new0 (ChartText *, d->n_cats);
      double h = 0;
      for (int c = 0; fits && c < d->n_cats; c += every)
        {
          cat[c] = chart_text_new (b, d->cat_names[c], CHART_FONT_LABEL, wrap,
                                   MAX_CAT_LINES, STYLE_ALIGN_CENTER);
          if (cat[c] == NULL)
            continue;
          double lh;
          chart_text_size (cat[c], NULL, &lh);
          h = MAX (h, lh);
          /* Years and other x values stay on one line per language. */
          int lines = (int) cat[c]->lines->len;
          int max_lines = d->cats_are_x ? b->spec->n_langs : MAX_CAT_LINES * b->spec->n_langs;
          if (cat[c]->ellipsized || lines > max_lines
              || !chart_words_fit (b, d->cat_names[c], wrap))
            fits = FALSE;
        }
      if (fits)
        {
          *every_out = every;
          *height = h;
          return cat;
        }
      for (int c = 0; c < d->n_cats; c++)
        chart_text_free (cat[c]);
      g_free (cat);
      if (!d->cats_are_x)
        return NULL;
    }
  return NULL;
}

/* The largest data label. */
static void
value_label_size (ChartBuild *b, double *w_out, double *h_out)
{
  const ChartData *d = b->data;
  for (int i = 0; i < d->n_series * d->n_cats; i++)
    {
      if (!isfinite (d->values[i]))
        continue;
      char **texts = chart_value_texts (b, i);
      ChartText *l = chart_text_new (b, texts, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_CENTER);
      g_strfreev (texts);
      double w = 0, h = 0;
      chart_text_size (l, &w, &h);
      chart_text_free (l);
      *w_out = MAX (*w_out, w);
      *h_out = MAX (*h_out, h);
    }
}

/* Columns and lines share the axes: values up the left, categories in
 * bands along the bottom. */
double
chart_category_layout (ChartBuild *b, double y, gboolean lines)
{
  const ChartSpec *spec = b->spec;
  const ChartData *d = b->data;
  double gap = b->gap;
  double plot_h = chart_plot_height (spec, b->width);

  ChartTicks *ticks = ticks_for_height (b, plot_h);
  double plot_x = ticks->max_w + gap;
  double plot_w = b->width - plot_x;
  double band = plot_w / d->n_cats;
  int every = 1;
  double cat_h = 0;
  ChartText **cat = plot_w > 0 ? category_texts (b, band, &every, &cat_h) : NULL;
  if (cat == NULL)
    {
      chart_ticks_free (ticks);
      return -1;
    }

  double min, max;
  chart_value_range (d, &min, &max);
  double dl_w = 0, dl_h = 0;
  value_label_size (b, &dl_w, &dl_h);
  /* Data labels for all columns or for none: each must fit over its own
   * column's slot, else the chart reads from its axis alone. */
  double group = band * (d->n_series > 1 ? 0.8 : 0.62);
  group = MIN (group, d->n_series * b->label_size * 6);
  double slot = group / d->n_series;
  double pitch = d->n_series > 1 && !lines ? slot : band;
  /* Lines with several series label only their last points. */
  gboolean labels = dl_w + gap * 0.5 <= pitch || (lines && d->n_series > 1);
  if (!labels)
    dl_h = 0;
  double head = MAX (ticks->max_h / 2, dl_h + gap * 0.3);
  double foot = min < 0 ? dl_h + gap * 0.3 : 0;
  ChartRect plot = { plot_x, y + head, plot_w, plot_h };
  b->layout->plot = plot;
  b->layout->lo = ticks->lo, b->layout->hi = ticks->hi, b->layout->step = ticks->step;
#define PY(v) (plot.y + plot.h * (ticks->hi - (v)) / (ticks->hi - ticks->lo))

  double axis_w, grid_w;
  StyleColor axis_c, grid_c;
  chart_axis_style (spec, &axis_w, &axis_c, &grid_w, &grid_c);

  /* Gridlines and tick labels. */
  for (int i = 0; i < ticks->n; i++)
    {
      double v = ticks->lo + i * ticks->step;
      double ty = PY (v);
      if (fabs (v) > ticks->step * 1e-9)
        chart_add_line (b, plot.x, ty, plot.x + plot.w, ty, grid_w, grid_c, FALSE);
      if (ticks->texts[i] == NULL)
        continue;
      double w, h;
      chart_text_size (ticks->texts[i], &w, &h);
      chart_add_label (b, CHART_LABEL_TICK, ticks->texts[i], plot.x - gap - w, ty - h / 2);
      ticks->texts[i] = NULL;
    }

  if (lines)
    {
      ChartRect bounds = { plot.x, y, plot.w, head + plot.h + foot };
      int first = chart_line_add_marks (b, &plot, ticks->lo, ticks->hi, band);
      double zero = PY (0);
      chart_add_line (b, plot.x, zero, plot.x + plot.w, zero, axis_w, axis_c, TRUE);
      if (labels)
        chart_line_add_labels (b, first, &bounds);
      goto categories;
    }

  /* Columns. */
  double col_w = d->n_series > 1 ? slot * 0.88 : slot;
  int first_mark = b->layout->marks->len;
  for (int c = 0; c < d->n_cats; c++)
    for (int s = 0; s < d->n_series; s++)
      {
        double v = d->values[s * d->n_cats + c];
        if (!isfinite (v))
          continue;
        double x = plot.x + c * band + (band - group) / 2 + s * slot + (slot - col_w) / 2;
        double top = PY (MAX (v, 0)), bottom = PY (MIN (v, 0));
        chart_add_mark (b, CHART_MARK_BAR, (ChartRect) { x, top, col_w, bottom - top },
                        chart_series_color (spec, s), s, c);
      }
  double zero = PY (0);
  chart_add_line (b, plot.x, zero, plot.x + plot.w, zero, axis_w, axis_c, TRUE);

  /* Data labels: above (below when negative), else inside, else none. */
  ChartRect bounds = { plot.x, y, plot.w, head + plot.h + foot };
  int n_marks = labels ? (int) b->layout->marks->len : first_mark;
  for (int m = first_mark; m < n_marks; m++)
    {
      const ChartMark mk = g_array_index (b->layout->marks, ChartMark, m);
      double v = d->values[mk.series * d->n_cats + mk.category];
      char **texts = chart_value_texts (b, mk.series * d->n_cats + mk.category);
      ChartText *l = chart_text_new (b, texts, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_CENTER);
      g_strfreev (texts);
      double w, h;
      chart_text_size (l, &w, &h);
      double cx = mk.rect.x + mk.rect.w / 2 - w / 2;
      ChartRect cand[2];
      gboolean inside[2] = { FALSE, TRUE };
      if (v >= 0)
        {
          cand[0] = (ChartRect) { cx, mk.rect.y - gap * 0.3 - h, w, h };
          cand[1] = (ChartRect) { cx, mk.rect.y + gap * 0.3, w, h };
        }
      else
        {
          cand[0] = (ChartRect) { cx, mk.rect.y + mk.rect.h + gap * 0.3, w, h };
          cand[1] = (ChartRect) { cx, mk.rect.y + mk.rect.h - gap * 0.3 - h, w, h };
        }
      /* Inside only when the label clears the bar's edges. */
      int n_cand = (w <= mk.rect.w - 2 && h + gap * 0.6 <= mk.rect.h) ? 2 : 1;
      chart_place_data_label (b, l, cand, inside, n_cand, &bounds, m);
    }

categories:;   /* a label before a declaration: C17 wants a statement */
  /* Category names under the plot. */
  /* Below the lowest tick label's overhang too, so a name may reach left of
   * the plot without touching it. */
  double cat_y = plot.y + plot.h + MAX (foot + gap * 0.5, ticks->max_h / 2 + gap * 0.3);
  for (int c = 0; c < d->n_cats; c++)
    {
      if (cat[c] == NULL)
        continue;
      double w, h;
      chart_text_size (cat[c], &w, &h);
      double x = plot.x + (c + 0.5) * band - w / 2;
      x = CLAMP (x, 0, b->width - w);
      chart_add_label (b, CHART_LABEL_CATEGORY, cat[c], x, cat_y);
      cat[c] = NULL;
    }
  g_free (cat);

  double bottom = MAX (cat_y + cat_h, plot.y + plot.h + ticks->max_h / 2);
  chart_ticks_free (ticks);
#undef PY
  return bottom;
}

double
chart_column_layout (ChartBuild *b, double y)
{
  return chart_category_layout (b, y, FALSE);
}
