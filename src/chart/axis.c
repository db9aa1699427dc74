/* axis.c — "nice numbers" for value axes (Heckbert, Graphics Gems I):
 * ticks at 1, 2 or 5 × 10^n covering the data, with zero when asked. */
#include <math.h>
#include "chart/chart.h"

/* Number of ticks from floor(min/s)·s to ceil(max/s)·s. */
static int
tick_count (double min, double max, double s)
{
  return (int) (ceil (max / s - 1e-9) - floor (min / s + 1e-9)) + 1;
}

void
chart_nice_ticks (double min, double max, int target, gboolean include_zero,
                  double *lo, double *hi, double *step)
{
  g_return_if_fail (lo != NULL && hi != NULL && step != NULL);

  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
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
  target = MAX (target, 2);
  double raw = (max - min) / (target - 1);
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
  double l = floor (min / s + 1e-9) * s;
  double h = ceil (max / s - 1e-9) * s;
  if (h <= l)
    h = l + s;
  *lo = l == 0 ? 0 : l;   /* no −0 */
  *hi = h == 0 ? 0 : h;
  *step = s;
}
