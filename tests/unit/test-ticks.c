/* test-ticks.c — nice tick values (chart/axis.c). */
#include <float.h>
#include <math.h>
#include <glib.h>
#include "chart/chart.h"

static gboolean
is_nice (double step)
{
  double mag = pow (10, floor (log10 (step) + 1e-12));
  double norm = step / mag;
  return fabs (norm - 1) < 1e-9 || fabs (norm - 2) < 1e-9 || fabs (norm - 5) < 1e-9
         || fabs (norm - 10) < 1e-9;
}

static gboolean
is_multiple (double v, double step)
{
  double q = v / step;
  return fabs (q - round (q)) < 1e-6;
}

/* The properties every axis must have. */
static void
check (double min, double max, int target, gboolean zero)
{
  double lo, hi, step;
  chart_nice_ticks (min, max, target, zero, &lo, &hi, &step);
  if (!(step > 0) || !is_nice (step) || lo > MIN (min, max) + 1e-6 * step
      || hi < MAX (min, max) - 1e-6 * step
      || !is_multiple (lo, step) || !is_multiple (hi, step) || hi <= lo
      || (zero && (lo > 0 || hi < 0)) || (signbit (lo) && lo == 0))
    g_error ("[%g, %g] target %d zero %d: lo %g hi %g step %g", min, max, target, zero,
             lo, hi, step);
  int n = (int) round ((hi - lo) / step) + 1;
  if (n < 2 || n > 2 * MAX (target, 2) + 1)
    g_error ("[%g, %g] target %d: %d ticks", min, max, target, n);
}

static void
test_examples (void)
{
  struct { double min, max; int target; gboolean zero; double lo, hi, step; } cases[] = {
    { 3.1e9, 4.2e9, 5, TRUE, 0, 5e9, 1e9 },
    { 3.1e9, 4.2e9, 5, FALSE, 3e9, 4.5e9, 5e8 },
    { 0, 1, 5, TRUE, 0, 1, 0.2 },
    { 0, 0, 5, TRUE, 0, 1, 0.2 },
    { 0, 100, 6, TRUE, 0, 100, 20 },
    { -37, 82, 6, TRUE, -40, 100, 20 },
    { -5, -1, 5, TRUE, -5, 0, 1 },
    { -5, -1, 5, FALSE, -5, -1, 1 },
    { 315, 315, 5, TRUE, 0, 400, 100 },
    { 1, 1e12, 5, TRUE, 0, 1e12, 2e11 },
    { 7.3e8, 2.22e9, 4, TRUE, 0, 3e9, 1e9 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double lo, hi, step;
      chart_nice_ticks (cases[i].min, cases[i].max, cases[i].target, cases[i].zero,
                        &lo, &hi, &step);
      if (fabs (lo - cases[i].lo) > 1e-9 * fabs (step) || fabs (hi - cases[i].hi) > 1e-9 * step
          || fabs (step - cases[i].step) > 1e-12 * step)
        g_error ("case %zu: [%g, %g]: got %g..%g step %g, expected %g..%g step %g", i,
                 cases[i].min, cases[i].max, lo, hi, step, cases[i].lo, cases[i].hi,
                 cases[i].step);
    }
}

static void
test_properties (void)
{
  /* Ranges from tiny to 1e12, positive, negative, mixed, single values. */
  double values[] = { 0, 1e-3, 0.07, 1, 3, 9.99, 10, 42, 99, 100, 101, 315, 999, 1e3,
                      2600, 1e4, 12345.678, 7.3e8, 2.22e9, 4.2e9, 1e12, 3.3e12 };
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (values); j++)
      for (int target = 2; target <= 10; target++)
        for (int zero = 0; zero <= 1; zero++)
          {
            check (values[i], values[j], target, zero);
            check (-values[i], values[j], target, zero);
            check (-values[i], -values[j], target, zero);
          }
}

static void
test_single_value (void)
{
  double lo, hi, step;
  chart_nice_ticks (42, 42, 5, FALSE, &lo, &hi, &step);
  g_assert_cmpfloat (lo, <, 42);
  g_assert_cmpfloat (hi, >, 42);
  chart_nice_ticks (-42, -42, 5, TRUE, &lo, &hi, &step);
  g_assert_cmpfloat (lo, <=, -42);
  g_assert_cmpfloat (hi, ==, 0);
  chart_nice_ticks (NAN, 5, 5, TRUE, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 1);
}

/* Ranges whose span, ends or step overflow a double: never more than
 * CHART_TICKS_MAX ticks, never a step or end that is not finite; an axis that
 * cannot be made says so (FALSE) and gives 0..1. */
static void
test_overflow (void)
{
  /* ok: whether an axis exists (−1: either; denormals lose precision) */
  struct { double min, max; int ok; } cases[] = {
    { -9e307, 9e307, TRUE },
    { 0, 1.2e308, TRUE },
    { -DBL_MAX, DBL_MAX, FALSE },
    { 0, DBL_MAX, FALSE },
    { DBL_MAX, DBL_MAX, FALSE },
    { -DBL_MAX, -DBL_MAX, FALSE },
    { 0, INFINITY, FALSE },
    { -INFINITY, 5, FALSE },
    { NAN, NAN, FALSE },
    { 1e-320, 1e-320, -1 },
    { 0, 4.9e-324, -1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int target = -3; target <= 1000; target += 97)
      for (int zero = 0; zero <= 1; zero++)
        {
          double lo = NAN, hi = NAN, step = NAN;
          gboolean ok = chart_nice_ticks (cases[i].min, cases[i].max, target, zero,
                                          &lo, &hi, &step);
          double n = hi / step - lo / step + 1;
          if (!isfinite (lo) || !isfinite (hi) || !(step > 0) || !isfinite (step)
              || !(n >= 2 && n <= CHART_TICKS_MAX + 1e-6))
            g_error ("[%g, %g] target %d: lo %g hi %g step %g (%g ticks)", cases[i].min,
                     cases[i].max, target, lo, hi, step, n);
          /* Two ticks over −9e307..9e307 would need a step of 1.8e308:
           * whether an axis exists depends on the target below 5. */
          if ((target >= 5 && cases[i].ok >= 0 && ok != cases[i].ok) || (!ok && (lo != 0 || hi != 1)))
            g_error ("[%g, %g] target %d: ok %d, expected %d", cases[i].min, cases[i].max,
                     target, ok, cases[i].ok);
          if (ok && zero && cases[i].max > 0 && (hi < cases[i].max || lo > cases[i].min))
            g_error ("[%g, %g]: axis %g..%g does not cover the data", cases[i].min,
                     cases[i].max, lo, hi);
        }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ticks/examples", test_examples);
  g_test_add_func ("/ticks/properties", test_properties);
  g_test_add_func ("/ticks/single-value", test_single_value);
  g_test_add_func ("/ticks/overflow", test_overflow);
  return g_test_run ();
}
