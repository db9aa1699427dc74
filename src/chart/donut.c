/* donut.c — a ring of shares: the figures of a chart (or its first series'
 * points) as slices clockwise from 12 o'clock, in the palette's colours,
 * each labelled with its share of the total (text_format_share: "37,5 %",
 * "37.5%"), a legend of the categories' names in every language of the
 * chart, and the total in the hole when the values are amounts, not
 * percentages.
 *
 * Labels go inside their slice (white) where the slice holds them, else
 * outside beside the ring on the slice's side, pushed apart vertically so
 * that none overlaps another, with a leader line to the slice when a label
 * had to move or its slice is thin. Every slice of a positive value is drawn
 * at least a few points wide (a 0.5 % share stays visible), the largest
 * slices giving up the angle. When the shares do not fit beside the ring,
 * they move into the legend ("Übrige Studiengänge 62,5 %").
 *
 * legend: top, bottom, right (a column beside the ring) or none (the names
 * go into the slice labels). */
#include <math.h>
#include <string.h>
#include "chart/chart-private.h"
#include "text/text.h"

typedef struct {
  int cat;                /* category index */
  double value, share;
  double a0, a1, mid;     /* angles, radians (cairo's) */
  ChartText *label;
  double w, h;
  gboolean inside;
  double x, y;            /* label box, relative to the centre */
  double want_y;          /* where the label's centre would sit unmoved */
} Slice;

/* The palette's colours in turn; once round, each lighter (mixed with
 * white), so that slices and legend keys stay apart. */
static StyleColor
slice_color (const ChartSpec *spec, int c)
{
  int n = spec->style->n_palette > 0 ? MIN (spec->style->n_palette, STYLE_MAX_PALETTE) : 6;
  StyleColor col = chart_series_color (spec, c % n);
  double t = MIN ((c / n) * 0.3, 0.75);
  col.r += (1 - col.r) * t, col.g += (1 - col.g) * t, col.b += (1 - col.b) * t;
  return col;
}

static void
texts_free (char **t, int n)
{
  for (int i = 0; i < n; i++)
    g_free (t[i]);
  g_free (t);
}

/* The label texts of a slice: its share, after its names when asked. */
static char **
slice_texts (ChartBuild *b, const Slice *s, gboolean with_names)
{
  const ChartSpec *spec = b->spec;
  char **t = g_new0 (char *, spec->n_langs + 1);
  for (int i = 0; i < spec->n_langs; i++)
    {
      g_autofree char *share = text_format_share (s->share, spec->langs[i]);
      const char *name = b->data->cat_names[s->cat][i];
      if (with_names && name != NULL && *name)
        t[i] = g_strconcat (name, model_lang_is_chinese (spec->langs[i]) ? "" : " ", share,
                            NULL);
      else
        t[i] = g_steal_pointer (&share);
    }
  return t;
}

static gboolean
point_in_slice (const Slice *s, double x, double y, double r_in, double r_out, double margin)
{
  double r = hypot (x, y);
  if (r < r_in + margin || r > r_out - margin)
    return FALSE;
  double a = atan2 (y, x);
  while (a < s->a0)
    a += 2 * G_PI;
  while (a > s->a0 + 2 * G_PI)
    a -= 2 * G_PI;
  double m = margin / r;
  return a > s->a0 + m && a < s->a1 - m;
}

/* A label centred at radius r_mid fits inside its slice. */
static gboolean
fits_inside (Slice *s, double r_in, double r_out, double margin)
{
  double r_mid = (r_in + r_out) / 2;
  double cx = r_mid * cos (s->mid), cy = r_mid * sin (s->mid);
  double x = cx - s->w / 2, y = cy - s->h / 2;
  for (int i = 0; i <= 4; i++)
    for (int j = 0; j <= 2; j++)
      if (!point_in_slice (s, x + s->w * i / 4, y + s->h * j / 2, r_in, r_out, margin))
        return FALSE;
  s->x = x, s->y = y;
  return TRUE;
}

static int
by_want_y (gconstpointer a, gconstpointer b)
{
  const Slice *sa = *(Slice *const *) a, *sb = *(Slice *const *) b;
  return (sa->want_y > sb->want_y) - (sa->want_y < sb->want_y);
}

/* Stacks one side's outside labels top to bottom near their slices, none
 * overlapping, within [-limit, limit] where they can; then moves each
 * clear of the circle of radius clear_r. */
static void
stack_side (GPtrArray *side, gboolean right, double limit, double clear_r, double spacing)
{
  g_ptr_array_sort (side, by_want_y);
  double prev = -G_MAXDOUBLE;
  for (guint i = 0; i < side->len; i++)
    {
      Slice *s = g_ptr_array_index (side, i);
      s->y = MAX (s->want_y - s->h / 2, prev);
      prev = s->y + s->h + spacing;
    }
  double next = limit;
  for (guint i = side->len; i-- > 0;)
    {
      Slice *s = g_ptr_array_index (side, i);
      if (s->y + s->h > next)
        s->y = next - s->h;
      next = s->y - spacing;
    }
  /* The top one may now stand above -limit: push down again (the chart
   * grows rather than letting labels overlap). */
  prev = -G_MAXDOUBLE;
  for (guint i = 0; i < side->len; i++)
    {
      Slice *s = g_ptr_array_index (side, i);
      s->y = MAX (s->y, prev);
      prev = s->y + s->h + spacing;
    }
  for (guint i = 0; i < side->len; i++)
    {
      Slice *s = g_ptr_array_index (side, i);
      double dy = (s->y < 0 && s->y + s->h > 0) ? 0 : MIN (fabs (s->y), fabs (s->y + s->h));
      double dx = dy < clear_r ? sqrt (clear_r * clear_r - dy * dy) : 0;
      s->x = right ? dx : -dx - s->w;
    }
}

double
chart_donut_layout (ChartBuild *b, double y)
{
  const ChartSpec *spec = b->spec;
  const ChartData *d = b->data;
  const double gap = b->gap;
  int n = d->n_cats;

  /* The first series; a negative value makes no share of a whole. */
  double total = 0;
  for (int c = 0; c < n; c++)
    {
      double v = d->values[c];
      if (!isfinite (v))
        continue;
      if (v < 0)
        return -1;
      total += v;
    }
  if (!(total > 0) || !isfinite (total))
    return -1;

  Slice *slices = g_new0 (Slice, n);
  int ns = 0;
  for (int c = 0; c < n; c++)
    {
      double v = d->values[c];
      if (!isfinite (v) || v <= 0)
        continue;
      slices[ns++] = (Slice) { .cat = c, .value = v, .share = v / total };
    }

  StyleLegend where = spec->style->legend;
  double width = b->width;
  double plot_h = chart_plot_height (spec, width);
  double min_r = b->label_size * 3;

  /* Slice labels, to size the ring. */
  gboolean names_in_labels = where == STYLE_LEGEND_NONE;
  double label_wrap = width * 0.3;
  double max_w = 0, max_h = 0;
  for (int k = 0; k < ns; k++)
    {
      char **t = slice_texts (b, &slices[k], names_in_labels);
      slices[k].label = chart_text_new (b, t, names_in_labels ? CHART_FONT_LABEL : CHART_FONT_FIGURE,
                                        names_in_labels ? label_wrap : 0, 3, STYLE_ALIGN_LEFT);
      texts_free (t, spec->n_langs);
      chart_text_size (slices[k].label, &slices[k].w, &slices[k].h);
      max_w = MAX (max_w, slices[k].w);
      max_h = MAX (max_h, slices[k].h);
    }

  /* The legend of categories: beside the ring when asked and there is room
   * for a ring at least min_r with its labels. */
  char ***names = g_new0 (char **, n);
  StyleColor *colors = g_new (StyleColor, n);
  for (int c = 0; c < n; c++)
    {
      names[c] = d->cat_names[c];
      colors[c] = slice_color (spec, c);
    }
  double legend_w = 0;
  if (where == STYLE_LEGEND_RIGHT)
    {
      legend_w = chart_legend_width (b, n, names, width * 0.45);
      if (width - legend_w - gap * 2 < 2 * (min_r + gap + max_w))
        where = STYLE_LEGEND_BOTTOM, legend_w = 0;
    }
  double area_w = legend_w > 0 ? width - legend_w - gap * 2 : width;

  /* The ring: as tall as the style's plot height, narrow enough for the
   * labels beside it. */
  double r_out = MIN (plot_h / 2 - gap * 0.5, area_w / 2 - gap - max_w);
  r_out = MIN (r_out, area_w / 2 - 1);
  gboolean labels_out = r_out >= min_r;
  char ***legend_names = names;
  char ***with_shares = NULL;
  if (!labels_out)
    {
      /* No room beside the ring: the shares go into the legend, which is
       * then shown whatever the style says. */
      r_out = MAX (MIN (plot_h / 2, area_w / 2) - 1, 4);
      with_shares = g_new0 (char **, n);
      for (int c = 0; c < n; c++)
        {
          double v = d->values[c];
          Slice tmp = { .cat = c, .share = isfinite (v) && v > 0 ? v / total : 0 };
          with_shares[c] = slice_texts (b, &tmp, TRUE);
        }
      legend_names = with_shares;
      if (where == STYLE_LEGEND_NONE)
        where = STYLE_LEGEND_BOTTOM;
      for (int k = 0; k < ns; k++)
        g_clear_pointer (&slices[k].label, chart_text_free);
    }
  double r_in = r_out * 0.58;

  /* Angles: clockwise from 12 o'clock; every slice at least min_sweep, the
   * angle taken from the slices above it in proportion to their excess. */
  double min_sweep = MIN ((3.0 + 0.8) / r_out, 2 * G_PI / MAX (ns, 1) * 0.5);
  double *sweep = g_new (double, MAX (ns, 1));
  double deficit = 0, excess = 0;
  for (int k = 0; k < ns; k++)
    {
      sweep[k] = slices[k].share * 2 * G_PI;
      if (sweep[k] < min_sweep)
        deficit += min_sweep - sweep[k], sweep[k] = min_sweep;
      else
        excess += sweep[k] - min_sweep;
    }
  for (int k = 0; k < ns && deficit > 0 && excess > 0; k++)
    if (sweep[k] > min_sweep)
      sweep[k] -= (sweep[k] - min_sweep) * deficit / excess;
  double a = -G_PI / 2;
  for (int k = 0; k < ns; k++)
    {
      slices[k].a0 = a;
      slices[k].a1 = k == ns - 1 ? -G_PI / 2 + 2 * G_PI : a + sweep[k];
      slices[k].mid = (slices[k].a0 + slices[k].a1) / 2;
      a = slices[k].a1;
    }
  g_free (sweep);

  /* Labels: inside where they fit, else beside the ring. */
  double clear_r = r_out + gap * 0.8;
  GPtrArray *left = g_ptr_array_new (), *right = g_ptr_array_new ();
  for (int k = 0; labels_out && k < ns; k++)
    {
      Slice *s = &slices[k];
      if (ns > 1 && fits_inside (s, r_in, r_out, 1.0))
        {
          s->inside = TRUE;
          continue;
        }
      if (ns == 1)
        {
          /* One slice is the whole ring: its label in the hole if it fits. */
          if (hypot (s->w / 2, s->h / 2) <= r_in - 1)
            {
              s->inside = TRUE;
              s->x = -s->w / 2, s->y = -s->h / 2;
              continue;
            }
        }
      s->want_y = clear_r * sin (s->mid);
      g_ptr_array_add (cos (s->mid) >= -1e-9 ? right : left, s);
    }
  double limit = MAX (plot_h / 2, r_out + gap * 0.5 + max_h / 2);
  stack_side (right, TRUE, limit, clear_r, gap * 0.3);
  stack_side (left, FALSE, limit, clear_r, gap * 0.3);

  /* The centre: the total, where the values are amounts. */
  ChartText *centre = NULL;
  double centre_w = 0, centre_h = 0;
  gboolean no_centre = ns == 1 && slices[0].inside && slices[0].label != NULL;
  if (!no_centre && d->unit != NULL && strcmp (d->unit, "percent") != 0 && !d->mixed_units)
    {
      char **t = g_new0 (char *, spec->n_langs + 1);
      const char *unit = strcmp (d->unit, "count") == 0 ? d->unit : NULL;
      for (int i = 0; i < spec->n_langs; i++)
        {
          const char *lang = spec->langs[i];
          g_autoptr (TextFigureParts) p = text_figure_parts_new (total, unit,
                                                                 MODEL_QUALIFIER_NONE, lang);
          t[i] = model_lang_is_chinese (lang) ? g_strconcat ("合计", p->number, NULL)
                 : g_str_has_prefix (lang, "de") ? g_strconcat (p->number, " insgesamt", NULL)
                                                 : g_strconcat (p->number, " in total", NULL);
        }
      for (int tries = 0; tries < 2 && centre == NULL; tries++)
        {
          if (tries == 1)
            for (int i = 1; i < spec->n_langs; i++)
              g_clear_pointer (&t[i], g_free);
          centre = chart_text_new (b, t, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_CENTER);
          if (centre == NULL)
            break;
          chart_text_size (centre, &centre_w, &centre_h);
          if (hypot (centre_w / 2, centre_h / 2) > r_in - 1)
            g_clear_pointer (&centre, chart_text_free);
        }
      texts_free (t, spec->n_langs);
    }

  /* The vertical extent, relative to the centre. */
  double top = -r_out, bottom = r_out;
  for (int k = 0; labels_out && k < ns; k++)
    if (!slices[k].inside && slices[k].label != NULL)
      {
        top = MIN (top, slices[k].y);
        bottom = MAX (bottom, slices[k].y + slices[k].h);
      }

  /* Legend on top. */
  if (where == STYLE_LEGEND_TOP)
    y = chart_legend_add (b, 0, y, width, n, legend_names, colors, FALSE) + gap;

  double area_h = bottom - top;
  double cx = area_w / 2, cy = y + gap * 0.3 - top;
  if (legend_w > 0)
    {
      /* Ring and legend column side by side, both centred vertically. */
      double lh = chart_legend_height (b, legend_w, n, legend_names, TRUE);
      double h = MAX (area_h, lh);
      cy = y + gap * 0.3 + (h - area_h) / 2 - top;
      chart_legend_add (b, width - legend_w, y + gap * 0.3 + (h - lh) / 2, legend_w, n,
                        legend_names, colors, TRUE);
      area_h = h;
    }

  b->layout->plot = (ChartRect) { cx - r_out, cy - r_out, 2 * r_out, 2 * r_out };
  for (int k = 0; k < ns; k++)
    {
      ChartMark m = { CHART_MARK_SLICE, { cx - r_out, cy - r_out, 2 * r_out, 2 * r_out },
                      colors[slices[k].cat], 0, slices[k].cat, slices[k].a0, slices[k].a1,
                      r_in };
      g_array_append_val (b->layout->marks, m);
    }
  /* White gaps between slices, over them. */
  StyleColor white = { 1, 1, 1, 1 };
  for (int k = 0; ns > 1 && k < ns; k++)
    {
      double c = cos (slices[k].a0), s = sin (slices[k].a0);
      chart_add_line (b, cx + r_in * c, cy + r_in * s, cx + r_out * c, cy + r_out * s, 0.8,
                      white, TRUE);
    }

  double axis_w, grid_w;
  StyleColor axis_c, grid_c;
  chart_axis_style (spec, &axis_w, &axis_c, &grid_w, &grid_c);
  for (int k = 0; labels_out && k < ns; k++)
    {
      Slice *s = &slices[k];
      if (s->label == NULL)
        continue;
      ChartLabel *lab = chart_add_label (b, CHART_LABEL_DATA, s->label, cx + s->x, cy + s->y);
      s->label = NULL;
      if (s->inside && ns > 1)
        {
          /* White on the slice. */
          lab->on_mark = TRUE;
          chart_text_set_color (lab->text, (StyleColor) { 1, 1, 1, 1 });
          continue;
        }
      if (s->inside)
        continue;
      /* A leader from the slice's edge to a label that moved or whose
       * slice is thin. */
      double ly = s->y + s->h / 2;
      gboolean moved = fabs (ly - s->want_y) > s->h * 0.35;
      if (!moved && s->a1 - s->a0 > 0.25)
        continue;
      double c = cos (s->mid), sn = sin (s->mid);
      double x0 = cx + (r_out + 0.5) * c, y0 = cy + (r_out + 0.5) * sn;
      gboolean on_right = s->x >= 0;
      double x1 = cx + (on_right ? s->x - gap * 0.25 : s->x + s->w + gap * 0.25);
      double y1 = cy + CLAMP (s->want_y, s->y + s->h * 0.25, s->y + s->h * 0.75);
      if (hypot (x1 - cx, y1 - cy) > r_out + 1)
        chart_add_line (b, x0, y0, x1, y1, 0.5, axis_c, FALSE);
    }
  if (centre != NULL)
    chart_add_label (b, CHART_LABEL_DATA, centre, cx - centre_w / 2, cy - centre_h / 2);

  double below = y + gap * 0.3 + area_h;
  if (where == STYLE_LEGEND_BOTTOM)
    below = chart_legend_add (b, 0, below + gap, width, n, legend_names, colors, FALSE);

  for (int k = 0; k < ns; k++)
    chart_text_free (slices[k].label);
  if (with_shares != NULL)
    {
      for (int c = 0; c < n; c++)
        g_strfreev (with_shares[c]);
      g_free (with_shares);
    }
  g_ptr_array_free (left, TRUE);
  g_ptr_array_free (right, TRUE);
  g_free (names);
  g_free (colors);
  g_free (slices);
  return below;
}
