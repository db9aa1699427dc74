/* line.c — lines: one line per series through its values at the middle of
 * each category band, a dot at each value (a missing value breaks the
 * line), on the axes of column charts (column.c). Data labels sit above
 * the dots (below when that collides), for every dot of a single series
 * when they fit across the bands, else only at each series' last value. */
#include <math.h>
#include "chart/chart-private.h"

double
chart_line_layout (ChartBuild *b, double y)
{
  return chart_category_layout (b, y, TRUE);
}

int
chart_line_add_marks (ChartBuild *b, const ChartRect *plot, double lo, double hi, double band)
{
  const ChartData *d = b->data;
  double line_w = MAX (1.0, b->label_size * 0.18);
  double dot = MIN (b->label_size * 0.6, band * 0.5);
  int first = b->layout->marks->len;

  for (int s = 0; s < d->n_series; s++)
    {
      StyleColor color = chart_series_color (b->spec, s);
      double px = 0, py = 0;
      gboolean have_prev = FALSE;
      for (int c = 0; c < d->n_cats; c++)
        {
          double v = d->values[s * d->n_cats + c];
          if (!isfinite (v))
            {
              have_prev = FALSE;
              continue;
            }
          double x = plot->x + (c + 0.5) * band;
          double yv = plot->y + plot->h * (hi - v) / (hi - lo);
          if (have_prev)
            chart_add_line (b, px, py, x, yv, line_w, color, FALSE);
          px = x, py = yv, have_prev = TRUE;
        }
    }
  /* Dots after all lines, so no line crosses a dot of another series. */
  for (int s = 0; s < d->n_series; s++)
    for (int c = 0; c < d->n_cats; c++)
      {
        double v = d->values[s * d->n_cats + c];
        if (!isfinite (v))
          continue;
        double x = plot->x + (c + 0.5) * band;
        double yv = plot->y + plot->h * (hi - v) / (hi - lo);
        chart_add_mark (b, CHART_MARK_POINT, (ChartRect) { x - dot / 2, yv - dot / 2, dot, dot },
                        chart_series_color (b->spec, s), s, c);
      }
  return first;
}

void
chart_line_add_labels (ChartBuild *b, int first_mark, const ChartRect *bounds)
{
  const ChartData *d = b->data;
  double gap = b->gap;
  int n_marks = b->layout->marks->len;
  for (int m = first_mark; m < n_marks; m++)
    {
      const ChartMark mk = g_array_index (b->layout->marks, ChartMark, m);
      if (d->n_series > 1)
        {
          /* Only the series' last value. */
          gboolean last = TRUE;
          for (int c = mk.category + 1; c < d->n_cats; c++)
            if (isfinite (d->values[mk.series * d->n_cats + c]))
              last = FALSE;
          if (!last)
            continue;
        }
      double v = d->values[mk.series * d->n_cats + mk.category];
      char **texts = chart_value_texts (b, mk.series * d->n_cats + mk.category);
      ChartText *l = chart_text_new (b, texts, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_CENTER);
      g_strfreev (texts);
      double w, h;
      chart_text_size (l, &w, &h);
      double cx = mk.rect.x + mk.rect.w / 2 - w / 2;
      cx = CLAMP (cx, bounds->x, bounds->x + bounds->w - w);
      ChartRect cand[2] = {
        { cx, mk.rect.y - gap * 0.3 - h, w, h },
        { cx, mk.rect.y + mk.rect.h + gap * 0.3, w, h },
      };
      /* Below a valley (its neighbours higher) or a negative value, so the
       * label stays clear of the lines into the dot. */
      int c = mk.category, n = 0, higher = 0;
      for (int k = c - 1; k <= c + 1; k += 2)
        if (k >= 0 && k < d->n_cats && isfinite (d->values[mk.series * d->n_cats + k]))
          n++, higher += d->values[mk.series * d->n_cats + k] > v;
      if (v < 0 || (n > 0 && higher == n))
        {
          ChartRect t = cand[0];
          cand[0] = cand[1], cand[1] = t;
        }
      gboolean inside[2] = { FALSE, FALSE };
      chart_place_data_label (b, l, cand, inside, 2, bounds, m);
    }
}
