/* chart.c — measure and draw: lay the chart out once into a display list
 * (chart-private.h), then read its height or paint it. Kinds dispatch here:
 * bar, column, line and donut. Columns and lines whose category names
 * cannot be set under their bands, and donuts of data that is no share of
 * a whole (negative or all zero), are laid out as horizontal bars.
 *
 * legend: right sets the series legend in a column beside the plot, when
 * the plot keeps at least 60 % of the width (else it goes on top). */
#include <math.h>
#include "chart/chart-private.h"

void
chart_layout_free (ChartLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->labels->len; i++)
    {
      ChartLabel *l = g_ptr_array_index (layout->labels, i);
      chart_text_free (l->text);
      g_free (l);
    }
  g_ptr_array_free (layout->labels, TRUE);
  g_array_free (layout->marks, TRUE);
  g_array_free (layout->lines, TRUE);
  g_array_free (layout->missing, TRUE);
  g_free (layout);
}

const GArray *
chart_layout_missing (const ChartLayout *layout)
{
  return layout->missing;
}

static gboolean
has_values (const ChartData *d)
{
  for (int i = 0; i < d->n_series * d->n_cats; i++)
    if (isfinite (d->values[i]))
      return TRUE;
  return FALSE;
}

ChartLayout *
chart_layout_new (const ChartSpec *spec, PangoContext *context, double width)
{
  g_return_val_if_fail (spec != NULL && spec->block != NULL && spec->style != NULL, NULL);
  g_return_val_if_fail (spec->n_langs >= 1 && spec->langs != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  ModelChartType type = spec->block->chart_type;
  if ((type != MODEL_CHART_BAR && type != MODEL_CHART_COLUMN && type != MODEL_CHART_LINE
       && type != MODEL_CHART_DONUT)
      || !(width > 0))
    return NULL;

  ChartData *data = chart_data_new (spec);
  if (data->n_cats == 0 || !has_values (data))
    {
      chart_data_free (data);
      return NULL;
    }

  ChartLayout *layout = g_new0 (ChartLayout, 1);
  layout->labels = g_ptr_array_new ();
  layout->marks = g_array_new (FALSE, FALSE, sizeof (ChartMark));
  layout->lines = g_array_new (FALSE, FALSE, sizeof (ChartLine));
  layout->missing = g_array_new (FALSE, FALSE, sizeof (gunichar));

  const StyleComputed *ls = chart_lang_style (spec, 0);
  double label_size = ls->label_font_size > 0 ? ls->label_font_size
                      : spec->style->label_font_size > 0 ? spec->style->label_font_size : 8;
  ChartBuild b = {
    .spec = spec, .context = context, .data = data, .layout = layout, .width = width,
    .label_size = label_size, .gap = label_size * 0.6,
  };

  /* The series legend beside the plot: as wide as its widest item, at most
   * 40 % of the width. */
  double legend_w = 0;
  if (chart_legend_shown (&b) && spec->style->legend == STYLE_LEGEND_RIGHT)
    {
      legend_w = chart_legend_width (&b, data->n_series, data->series_names, width * 0.4);
      b.legend_right = width - legend_w - b.gap * 2 >= width * 0.6;
    }

  double y = chart_frame_top (&b);
  if (b.legend_right)
    b.width = width - legend_w - b.gap * 2;
  double below = type == MODEL_CHART_COLUMN ? chart_column_layout (&b, y)
                 : type == MODEL_CHART_LINE ? chart_line_layout (&b, y)
                 : type == MODEL_CHART_DONUT ? chart_donut_layout (&b, y) : -1;
  below = below >= 0 ? below : chart_bar_layout (&b, y);
  if (b.legend_right)
    {
      b.width = width;
      StyleColor *colors = g_new (StyleColor, data->n_series);
      for (int s = 0; s < data->n_series; s++)
        colors[s] = chart_series_color (spec, s);
      double ly = chart_legend_add (&b, width - legend_w, layout->plot.h > 0 ? layout->plot.y : y,
                                    legend_w, data->n_series, data->series_names, colors, TRUE);
      g_free (colors);
      below = MAX (below, ly);
    }
  y = chart_frame_bottom (&b, below);

  layout->box = (ChartRect) { 0, 0, width, ceil (y * 100) / 100 };
  chart_data_free (data);
  return layout;
}

static void
set_color (cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

void
chart_layout_draw (const ChartLayout *layout, cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int over = 0; over <= 1; over++)
    {
      for (guint i = 0; over && i < layout->marks->len; i++)
        {
          const ChartMark *m = &g_array_index (layout->marks, ChartMark, i);
          set_color (cr, m->color);
          if (m->kind == CHART_MARK_POINT)
            {
              /* A dot with a white ring, so it stands off its line. */
              double r = m->rect.w / 2;
              cairo_new_path (cr);
              cairo_arc (cr, m->rect.x + r, m->rect.y + r, r * 0.8, 0, 2 * G_PI);
              cairo_fill_preserve (cr);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_set_line_width (cr, r * 0.4);
              cairo_stroke (cr);
              continue;
            }
          if (m->kind == CHART_MARK_SLICE)
            {
              double r = m->rect.w / 2, cx = m->rect.x + r, cy = m->rect.y + r;
              cairo_new_path (cr);
              cairo_arc (cr, cx, cy, r, m->a0, m->a1);
              cairo_arc_negative (cr, cx, cy, m->r_in, m->a1, m->a0);
              cairo_close_path (cr);
              cairo_fill (cr);
              continue;
            }
          cairo_rectangle (cr, m->rect.x, m->rect.y, m->rect.w, m->rect.h);
          cairo_fill (cr);
        }
      /* Gridlines under the marks; axis and zero line over their ends. */
      for (guint i = 0; i < layout->lines->len; i++)
        {
          const ChartLine *l = &g_array_index (layout->lines, ChartLine, i);
          if (l->over_marks != over || !(l->width > 0))
            continue;
          set_color (cr, l->color);
          cairo_set_line_width (cr, l->width);
          cairo_move_to (cr, l->x0, l->y0);
          cairo_line_to (cr, l->x1, l->y1);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

double
chart_layout_height (const ChartLayout *layout)
{
  return layout->box.h;
}

void
chart_layout_take_labels (ChartLayout *layout, void (*func) (ChartLabelLine *line, gpointer data),
                          gpointer data)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      ChartLabel *l = g_ptr_array_index (layout->labels, i);
      const ChartText *t = l->text;
      for (guint k = 0; k < t->lines->len; k++)
        {
          ChartTextLine *tl = g_ptr_array_index (t->lines, k);
          ChartLabelLine line = {
            .runs = tl->runs, .x = l->rect.x + tl->x, .y = l->rect.y + tl->baseline,
            .w = tl->w, .h = tl->h, .line = (int) k, .n_lines = (int) t->lines->len,
            .text = t->text,
          };
          func (&line, data);
          if (line.runs == NULL)
            tl->runs = NULL;
        }
      chart_text_free (l->text);
      g_free (l);
    }
  g_ptr_array_set_size (layout->labels, 0);
}

void
chart_layout_draw_shapes (const ChartLayout *layout, cairo_t *cr, double x, double y,
                          double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  chart_layout_draw (layout, cr);
  cairo_restore (cr);
}

double
chart_measure (const ChartSpec *spec, PangoContext *context, double width)
{
  g_autoptr (ChartLayout) layout = chart_layout_new (spec, context, width);
  return layout ? layout->box.h : 0;
}
