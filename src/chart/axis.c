/* axis.c — "nice numbers" for value axes (Heckbert, Graphics Gems I):
 * ticks at 1, 2 or 5 × 10^n covering the data, with zero when asked. */
#include <math.h>
#include "chart/chart-private.h"

/* Number of ticks from floor(min/s)·s to ceil(max/s)·s. */
static int
tick_count (double min, double max, double s)
{
  double n = ceil (max / s - 1e-9) - floor (min / s + 1e-9) + 1;
  return isfinite (n) && n < G_MAXINT / 2 ? (int) n : G_MAXINT / 2;   /* no int overflow */
}

/* The axis for data it cannot cover: 0..1 (as for no data). */
static gboolean
ticks_fallback (double *lo, double *hi, double *step)
{
  *lo = 0, *hi = 1, *step = 0.2;
  return FALSE;
}

gboolean
chart_nice_ticks (double min, double max, int target, gboolean include_zero,
                  double *lo, double *hi, double *step)
{
  g_return_val_if_fail (lo != NULL && hi != NULL && step != NULL, FALSE);

  if (!isfinite (min) || !isfinite (max))
    return ticks_fallback (lo, hi, step);
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (include_zero)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }
  if (min == max)
    {
      /* All values equal: with zero included they are all zero (an axis
       * 0..1); otherwise an axis around the value. */
      double d = min == 0 ? 1 : fabs (min) * 0.5;
      if (min == 0)
        max = 1;
      else
        min -= d, max += d;
    }

  /* Of the 1-2-5 steps near range / (target − 1), the one whose tick count
   * comes closest to target; on a tie the finer one. */
  /* The span can overflow where min and max do not (−9e307..9e307): every
   * step below is computed from min and max divided first, and an axis
   * whose ends or step are not finite is refused. */
  target = CLAMP (target, 2, CHART_TICKS_MAX / 2);
  double raw = max / (target - 1) - min / (target - 1);
  if (!isfinite (raw) || !(raw > 0))
    return ticks_fallback (lo, hi, step);
  double mag = pow (10, floor (log10 (raw)));
  static const double mult[] = { 0.5, 1, 2, 5, 10, 20 };
  double s = 0;
  int best = G_MAXINT;
  for (gsize i = 0; i < G_N_ELEMENTS (mult); i++)
    {
      double cand = mult[i] * mag;
      int n = tick_count (min, max, cand);
      int score = ABS (n - target);
      if (n >= 2 && score < best)
        best = score, s = cand;
    }
  if (!(s > 0) || !isfinite (s))
    return ticks_fallback (lo, hi, step);
  double l = floor (min / s + 1e-9) * s;
  double h = ceil (max / s - 1e-9) * s;
  if (h <= l)
    h = l + s;
  double n = h / s - l / s;
  if (!isfinite (l) || !isfinite (h) || !(n < CHART_TICKS_MAX))
    return ticks_fallback (lo, hi, step);
  *lo = l == 0 ? 0 : l;   /* no −0 */
  *hi = h == 0 ? 0 : h;
  *step = s;
  return TRUE;
}

/* ---- the value axis of a chart ------------------------------------------ */

void
chart_value_range (const ChartData *data, double *min, double *max)
{
  double lo = 0, hi = 0;
  gboolean any = FALSE;
  for (int i = 0; i < data->n_series * data->n_cats; i++)
    {
      double v = data->values[i];
      if (!isfinite (v))
        continue;
      lo = any ? MIN (lo, v) : v;
      hi = any ? MAX (hi, v) : v;
      any = TRUE;
    }
  *min = lo;
  *max = hi;
}

static gboolean
same_digits (const char *a, const char *b)
{
  GString *da = g_string_new (NULL), *db = g_string_new (NULL);
  gboolean other = FALSE;
  for (const char *p = a; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isdigit (c))
        g_string_append_unichar (da, c);
      else if (g_unichar_isalpha (c))
        other = TRUE;
    }
  for (const char *p = b; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isdigit (c))
        g_string_append_unichar (db, c);
      else if (g_unichar_isalpha (c))
        other = TRUE;
    }
  gboolean same = !other && g_string_equal (da, db);
  g_string_free (da, TRUE);
  g_string_free (db, TRUE);
  return same;
}

ChartTicks *
chart_ticks_new (ChartBuild *b, int target)
{
  ChartTicks *t = g_new0 (ChartTicks, 1);
  double min, max;
  chart_value_range (b->data, &min, &max);
  chart_nice_ticks (min, max, target, TRUE, &t->lo, &t->hi, &t->step);
  if (t->step < 1 && g_strcmp0 (b->data->unit, "count") == 0)
    {
      /* Counts have no fractions: whole steps (an all-zero count: 0 and 1). */
      t->step = 1;
      t->lo = floor (t->lo);
      t->hi = MAX (ceil (t->hi), t->lo + 1);
    }
  /* chart_nice_ticks bounds the count; the whole steps of a count only
   * make it smaller. */
  t->n = (int) CLAMP (round (t->hi / t->step - t->lo / t->step) + 1, 2, CHART_TICKS_MAX);
  t->texts = g_new0 (ChartText *, t->n);
  for (int i = 0; i < t->n; i++)
    {
      double v = t->lo + i * t->step;
      char **texts = chart_tick_texts (b, v, t->step);
      /* The same digits in both languages ("20 %", "20%"): the primary's
       * form alone; scale words make digits differ ("1 Mrd.", "10亿"). */
      for (int k = 1; k < b->spec->n_langs; k++)
        if (same_digits (texts[0], texts[k]))
          texts[k][0] = '\0';
      t->texts[i] = chart_text_new (b, texts, CHART_FONT_FIGURE, 0, 0, STYLE_ALIGN_RIGHT);
      g_strfreev (texts);
      double w = 0, h = 0;
      chart_text_size (t->texts[i], &w, &h);
      t->max_w = MAX (t->max_w, w);
      t->max_h = MAX (t->max_h, h);
    }
  return t;
}

void
chart_ticks_free (ChartTicks *t)
{
  if (t == NULL)
    return;
  for (int i = 0; i < t->n; i++)
    chart_text_free (t->texts[i]);
  g_free (t->texts);
  g_free (t);
}
