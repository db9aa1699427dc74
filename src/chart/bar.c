/* bar.c — horizontal bars: category names wrapped in a column on the left,
 * one row per category (one bar per series), the value axis below with
 * vertical gridlines and the zero line, data labels after the bar ends
 * (before them when negative, or inside when there is no room).
 *
 * The rows are as tall as the style's plot height allows, and never shorter
 * than their names and labels need: long names make a taller chart, never
 * overlapping text. */
#include <math.h>
#include "chart/chart-private.h"

#define MAX_CAT_LINES 4

typedef struct {
  double w, h;
  ChartText *text;
} Sized;

static Sized
sized (ChartText *t)
{
  Sized s = { 0, 0, t };
  chart_text_size (t, &s.w, &s.h);
  return s;
}

/* Ticks for an axis of width w whose labels sit side by side. */
static ChartTicks *
ticks_for_width (ChartBuild *b, double w)
{
  ChartTicks *t = chart_ticks_new (b, 5);
  int target = CLAMP ((int) (w / (t->max_w * 1.6 + b->gap)) + 1, 2, 8);
  for (;;)
    {
      chart_ticks_free (t);
      t = chart_ticks_new (b, target);
      double spacing = w * t->step / (t->hi - t->lo);
      if (spacing >= t->max_w + b->gap || target <= 2)
        return t;
      target--;
    }
}

double
chart_bar_layout (ChartBuild *b, double y)
{
  const ChartSpec *spec = b->spec;
  const ChartData *d = b->data;
  double gap = b->gap;
  int ns = d->n_series, nc = d->n_cats;

  /* Category names: the column is as wide as the longest name needs, at most
   * 38 % of the width. */
  double max_name_w = b->width * 0.38;
  Sized *cat = g_new0 (Sized, nc);
  double name_w = 0;
  for (int c = 0; c < nc; c++)
    {
      cat[c] = sized (chart_text_new (b, d->cat_names[c], CHART_FONT_LABEL, max_name_w,
                                      MAX_CAT_LINES, STYLE_ALIGN_RIGHT));
      name_w = MAX (name_w, cat[c].w);
    }

  /* Data labels, to size the rows and the room after the bars. */
  Sized *dl = g_new0 (Sized, ns * nc);
  double dl_h = 0;
  for (int i = 0; i < ns * nc; i++)
    {
      if (!isfinite (d->values[i]))
        continue;
      char **texts = chart_value_texts (b, i);
      dl[i] = sized (chart_text_new (b, texts, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_LEFT));
      g_strfreev (texts);
      dl_h = MAX (dl_h, dl[i].h);
    }

  /* Rows. */
  double min_bar = b->label_size * 1.1;
  double slot = ns > 1 ? MAX (dl_h, min_bar) : 0;
  double row_need = 0;
  for (int c = 0; c < nc; c++)
    row_need = MAX (row_need, cat[c].h);
  row_need = MAX (row_need, ns > 1 ? ns * slot : dl_h) + gap * 0.8;
  double row_h = MAX (chart_plot_height (spec, b->width) / nc, row_need);
  double bar_th = ns > 1 ? slot * 0.85
                         : CLAMP (row_h * 0.6, min_bar, b->label_size * 3.2);
  bar_th = MIN (bar_th, row_h - gap * 0.8 > 0 ? row_h - gap * 0.8 : bar_th);
  double group = ns > 1 ? ns * slot : bar_th;

  /* Horizontal geometry: names | plot | room for the last labels. */
  double x0 = name_w > 0 ? name_w + gap : 0;
  double right = b->width;
  ChartTicks *ticks = ticks_for_width (b, MAX (right - x0, 1) * 0.85);
  Sized first_tick = sized (ticks->texts[0]);
  Sized last_tick = sized (ticks->texts[ticks->n - 1]);
  x0 = MAX (x0, first_tick.w / 2);
  double plot_w = right - x0 - last_tick.w / 2;
  double span = ticks->hi - ticks->lo;
  /* Narrow the plot so labels after the longest bars still fit, but keep
   * at least 55 % of the room for the bars. */
  double room = right - x0;
  for (int i = 0; i < ns * nc; i++)
    {
      double v = d->values[i];
      if (!isfinite (v) || v <= 0 || dl[i].text == NULL)
        continue;
      double f = (v - ticks->lo) / span;
      double p = (room - gap * 0.4 - dl[i].w) / f;
      if (p >= room * 0.55)
        plot_w = MIN (plot_w, p);
    }
  ChartRect plot = { x0, y + gap * 0.2, plot_w, row_h * nc };
  b->layout->plot = plot;
  b->layout->lo = ticks->lo, b->layout->hi = ticks->hi, b->layout->step = ticks->step;
#define PX(v) (plot.x + plot.w * ((v) - ticks->lo) / span)

  double axis_w, grid_w;
  StyleColor axis_c, grid_c;
  chart_axis_style (spec, &axis_w, &axis_c, &grid_w, &grid_c);

  /* Gridlines and tick labels under the plot. */
  double tick_y = plot.y + plot.h + gap * 0.5;
  for (int i = 0; i < ticks->n; i++)
    {
      double v = ticks->lo + i * ticks->step;
      double tx = PX (v);
      if (fabs (v) > ticks->step * 1e-9)
        chart_add_line (b, tx, plot.y, tx, plot.y + plot.h, grid_w, grid_c, FALSE);
      if (ticks->texts[i] == NULL)
        continue;
      double w, h;
      chart_text_size (ticks->texts[i], &w, &h);
      chart_add_label (b, CHART_LABEL_TICK, ticks->texts[i], tx - w / 2, tick_y);
      ticks->texts[i] = NULL;
    }

  /* Names and bars. */
  int first_mark = b->layout->marks->len;
  for (int c = 0; c < nc; c++)
    {
      double row_y = plot.y + c * row_h;
      if (cat[c].text != NULL)
        {
          chart_add_label (b, CHART_LABEL_CATEGORY, cat[c].text, x0 - gap - cat[c].w,
                           row_y + (row_h - cat[c].h) / 2);
          cat[c].text = NULL;
        }
      double gy = row_y + (row_h - group) / 2;
      for (int s = 0; s < ns; s++)
        {
          double v = d->values[s * nc + c];
          if (!isfinite (v))
            continue;
          double by = ns > 1 ? gy + s * slot + (slot - bar_th) / 2 : gy;
          double left = PX (MIN (v, 0)), rightx = PX (MAX (v, 0));
          chart_add_mark (b, CHART_MARK_BAR, (ChartRect) { left, by, rightx - left, bar_th },
                          chart_series_color (spec, s), s, c);
        }
    }
  double zero = PX (0);
  chart_add_line (b, zero, plot.y, zero, plot.y + plot.h, axis_w, axis_c, TRUE);

  /* Data labels after the bar end, else inside, else none. */
  ChartRect bounds = { plot.x, plot.y, b->width - plot.x, plot.h };
  int n_marks = b->layout->marks->len;
  for (int m = first_mark; m < n_marks; m++)
    {
      const ChartMark mk = g_array_index (b->layout->marks, ChartMark, m);
      int i = mk.series * nc + mk.category;
      double v = d->values[i];
      ChartText *l = dl[i].text;
      dl[i].text = NULL;
      if (l == NULL)
        continue;
      double w = dl[i].w, h = dl[i].h;
      double cy = mk.rect.y + mk.rect.h / 2 - h / 2;
      ChartRect cand[2];
      gboolean inside[2] = { FALSE, TRUE };
      if (v >= 0)
        {
          cand[0] = (ChartRect) { mk.rect.x + mk.rect.w + gap * 0.4, cy, w, h };
          cand[1] = (ChartRect) { mk.rect.x + mk.rect.w - gap * 0.4 - w, cy, w, h };
        }
      else
        {
          cand[0] = (ChartRect) { mk.rect.x - gap * 0.4 - w, cy, w, h };
          cand[1] = (ChartRect) { mk.rect.x + gap * 0.4, cy, w, h };
        }
      int n_cand = (w + gap * 0.8 <= mk.rect.w && h <= mk.rect.h + 0.5) ? 2 : 1;
      chart_place_data_label (b, l, cand, inside, n_cand, &bounds, m);
    }

  for (int i = 0; i < ns * nc; i++)
    chart_text_free (dl[i].text);
  for (int c = 0; c < nc; c++)
    chart_text_free (cat[c].text);
  g_free (dl);
  g_free (cat);
  double bottom = tick_y + ticks->max_h;
  chart_ticks_free (ticks);
#undef PX
  return bottom;
}
