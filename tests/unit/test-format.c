/* test-format.c — numbers, units, dates and quotes per language (format.c).
 * Every expected string is written out in full; NBSP is spelled "\u00a0"
 * through the macro N, the minus sign U+2212 through M. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "text/text.h"

#define N "\xc2\xa0"
#define M "\xe2\x88\x92"

typedef struct {
  double value;
  const char *unit;
  ModelQualifier q;
  const char *lang;
  const char *expected;
} ValueCase;

static const ValueCase value_cases[] = {
  /* the examples of the brief and typography.md */
  { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "de", "2,22" N "Mrd." N "US-Dollar" },
  { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "de", "mehr als 730" N "Mio." N "US-Dollar" },
  { 3.8e9, "EUR", MODEL_QUALIFIER_ABOUT, "de", "rund 3,8" N "Mrd." N "Euro" },
  { 37.5, "percent", MODEL_QUALIFIER_NONE, "de", "37,5" N "%" },
  { 315, "count", MODEL_QUALIFIER_NONE, "de", "315" },
  { 1200, "count", MODEL_QUALIFIER_MORE_THAN, "de", "mehr als 1200" },
  { 4.2e9, "USD", MODEL_QUALIFIER_NONE, "de", "4,2" N "Mrd." N "US-Dollar" },
  { 2600, "count", MODEL_QUALIFIER_LESS_THAN, "de", "weniger als 2600" },
  { 1.5e8, "CNY", MODEL_QUALIFIER_NONE, "de", "150" N "Mio." N "Yuan" },
  { 5e6, "GBP", MODEL_QUALIFIER_NONE, "de", "5" N "Mio." N "GBP" },

  { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "zh", "22.2亿美元" },
  { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "zh", "逾7.3亿美元" },
  { 3.8e9, "EUR", MODEL_QUALIFIER_ABOUT, "zh", "约38亿欧元" },
  { 4.2e9, "USD", MODEL_QUALIFIER_NONE, "zh", "42亿美元" },
  { 37.5, "percent", MODEL_QUALIFIER_NONE, "zh", "37.5%" },
  { 2600, "count", MODEL_QUALIFIER_LESS_THAN, "zh", "不足2600" },
  { 315, "count", MODEL_QUALIFIER_NONE, "zh", "315" },
  { 1200, "count", MODEL_QUALIFIER_MORE_THAN, "zh", "逾1200" },
  { 5e7, NULL, MODEL_QUALIFIER_NONE, "zh", "5000万" },
  { 1.5e8, "CNY", MODEL_QUALIFIER_NONE, "zh", "1.5亿元" },

  { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "en", "US$2.22" N "billion" },
  { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "en", "more than US$730" N "million" },
  { 3.8e9, "EUR", MODEL_QUALIFIER_ABOUT, "en", "about €3.8" N "billion" },
  { 37.5, "percent", MODEL_QUALIFIER_NONE, "en", "37.5%" },
  { 1200, "count", MODEL_QUALIFIER_MORE_THAN, "en", "more than 1,200" },
  { 5e6, "GBP", MODEL_QUALIFIER_NONE, "en", "GBP" N "5" N "million" },
  { -5e6, "USD", MODEL_QUALIFIER_NONE, "en", M "US$5" N "million" },

  /* other languages take English rules; regional tags take their language's */
  { 1200, "count", MODEL_QUALIFIER_NONE, "fr", "1,200" },
  { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "de-AT", "2,22" N "Mrd." N "US-Dollar" },
  { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "zh-Hans", "22.2亿美元" },

  /* zero, one, edges of grouping and scale words */
  { 0, "count", MODEL_QUALIFIER_NONE, "de", "0" },
  { 0, "USD", MODEL_QUALIFIER_NONE, "de", "0" N "US-Dollar" },
  { 0, "USD", MODEL_QUALIFIER_NONE, "zh", "0美元" },
  { -0.0, NULL, MODEL_QUALIFIER_NONE, "de", "0" },
  { 1, "count", MODEL_QUALIFIER_NONE, "de", "1" },
  { 999, "count", MODEL_QUALIFIER_NONE, "de", "999" },
  { 9999, "count", MODEL_QUALIFIER_NONE, "de", "9999" },
  { 10000, "count", MODEL_QUALIFIER_NONE, "de", "10.000" },
  { 12345.678, NULL, MODEL_QUALIFIER_NONE, "de", "12.345,68" },
  { 999999, "count", MODEL_QUALIFIER_NONE, "de", "999.999" },
  { 1e6, "count", MODEL_QUALIFIER_NONE, "de", "1" N "Mio." },
  { 999.6e6, "EUR", MODEL_QUALIFIER_NONE, "de", "1" N "Mrd." N "Euro" },
  { 1e12, "USD", MODEL_QUALIFIER_NONE, "de", "1" N "Bio." N "US-Dollar" },
  { 1.234e15, "USD", MODEL_QUALIFIER_NONE, "de", "1234" N "Bio." N "US-Dollar" },
  { -2.22e9, "USD", MODEL_QUALIFIER_NONE, "de", M "2,22" N "Mrd." N "US-Dollar" },
  { -1200, "count", MODEL_QUALIFIER_NONE, "de", M "1200" },
  { 0.5, "percent", MODEL_QUALIFIER_NONE, "de", "0,5" N "%" },
  { 100, "percent", MODEL_QUALIFIER_NONE, "de", "100" N "%" },
  { 33.3333, "percent", MODEL_QUALIFIER_NONE, "de", "33,3" N "%" },
  { 1.2e9, "USD", MODEL_QUALIFIER_NONE, "de", "1,2" N "Mrd." N "US-Dollar" },

  { 0, "count", MODEL_QUALIFIER_NONE, "zh", "0" },
  { 1, "count", MODEL_QUALIFIER_NONE, "zh", "1" },
  { 999, "count", MODEL_QUALIFIER_NONE, "zh", "999" },
  { 9999, "count", MODEL_QUALIFIER_NONE, "zh", "9999" },
  { 9999, "count", MODEL_QUALIFIER_NONE, "zh", "9999" },
  { 10000, "count", MODEL_QUALIFIER_NONE, "zh", "1万" },
  { 12345, "count", MODEL_QUALIFIER_NONE, "zh", "1.2345万" },
  { 47000, "count", MODEL_QUALIFIER_MORE_THAN, "zh", "逾4.7万" },
  { 10000, "USD", MODEL_QUALIFIER_NONE, "zh", "1万美元" },
  { 12345.678, NULL, MODEL_QUALIFIER_NONE, "zh", "1.23万" },
  { 250000, "count", MODEL_QUALIFIER_NONE, "zh", "25万" },
  { 1e12, "USD", MODEL_QUALIFIER_NONE, "zh", "1万亿美元" },
  { 1.5e12, NULL, MODEL_QUALIFIER_NONE, "zh", "1.5万亿" },
  { -4.2e9, "USD", MODEL_QUALIFIER_NONE, "zh", M "42亿美元" },
  { 0.5, "percent", MODEL_QUALIFIER_NONE, "zh", "0.5%" },

  { 0, "count", MODEL_QUALIFIER_NONE, "en", "0" },
  { 999, "count", MODEL_QUALIFIER_NONE, "en", "999" },
  { 9999, "count", MODEL_QUALIFIER_NONE, "en", "9,999" },
  { 12345.678, NULL, MODEL_QUALIFIER_NONE, "en", "12,345.68" },
  { 1e12, "USD", MODEL_QUALIFIER_NONE, "en", "US$1" N "trillion" },
  { 1500, "CNY", MODEL_QUALIFIER_LESS_THAN, "en", "less than CN¥1,500" },
};

static void
test_values (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      const ValueCase *c = &value_cases[i];
      g_autofree char *got = text_format_value (c->value, c->unit, c->q, c->lang);
      if (g_strcmp0 (got, c->expected) != 0)
        g_error ("case %zu: %g %s (%s): got “%s”, expected “%s”", i, c->value,
                 c->unit ? c->unit : "-", c->lang, got, c->expected);
    }
}

static void
test_figure (void)
{
  ModelFigure fig = { .id = "invest-de", .value = 7.3e8, .unit = "USD",
                      .qualifier = MODEL_QUALIFIER_MORE_THAN };
  g_autofree char *de = text_format_figure (&fig, "de");
  g_autofree char *zh = text_format_figure (&fig, "zh");
  g_assert_cmpstr (de, ==, "mehr als 730" N "Mio." N "US-Dollar");
  g_assert_cmpstr (zh, ==, "逾7.3亿美元");
}

typedef struct {
  double value;
  const char *lang;
  int decimals;
  const char *expected;
} NumberCase;

static const NumberCase number_cases[] = {
  { 1234.5, "de", 2, "1234,5" },
  { 12345.5, "de", 2, "12.345,5" },
  { 1234567.891, "de", 2, "1.234.567,89" },
  { 1234.5, "en", 2, "1,234.5" },
  { 1234.5, "zh", 2, "1234.5" },
  { 12345.5, "zh", 2, "12,345.5" },
  { 0.125, "de", 2, "0,13" },
  { 0.125, "de", 0, "0" },
  { 2.5, "de", 0, "3" },
  { 1.10, "de", 3, "1,1" },
  { -0.001, "de", 2, "0" },
  { -3.5, "zh", 1, M "3.5" },
  { 1e12, "de", 0, "1.000.000.000.000" },
};

static void
test_numbers (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      const NumberCase *c = &number_cases[i];
      g_autofree char *got = text_format_number (c->value, c->lang, c->decimals);
      if (g_strcmp0 (got, c->expected) != 0)
        g_error ("number case %zu: %g (%s): got “%s”, expected “%s”", i, c->value,
                 c->lang, got, c->expected);
    }
}

static void
test_percent (void)
{
  struct { double f; const char *lang; int d; const char *expected; } cases[] = {
    { 0.375, "de", 1, "37,5" N "%" },
    { 0.375, "zh", 1, "37.5%" },
    { 0.375, "en", 1, "37.5%" },
    { 0.005, "de", 1, "0,5" N "%" },
    { 1, "de", 1, "100" N "%" },
    { 0, "zh", 2, "0%" },
    { 0.12345, "de", 0, "12" N "%" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = text_format_percent (cases[i].f, cases[i].lang, cases[i].d);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

typedef struct {
  double value, step;
  const char *unit, *lang, *expected;
} TickCase;

static const TickCase tick_cases[] = {
  { 0, 5e8, "USD", "de", "0" },
  { 5e8, 5e8, "USD", "de", "500" N "Mio." },
  { 1e9, 5e8, "USD", "de", "1" N "Mrd." },
  { 1.5e9, 5e8, "USD", "de", "1,5" N "Mrd." },
  { 2e9, 5e8, "USD", "de", "2" N "Mrd." },
  { 1.25e9, 2.5e8, NULL, "de", "1,25" N "Mrd." },
  { 0, 5e8, "USD", "zh", "0" },
  { 5e8, 5e8, "USD", "zh", "5亿" },
  { 1e9, 5e8, "USD", "zh", "10亿" },
  { 1.5e9, 5e8, "USD", "zh", "15亿" },
  { 5e7, 5e7, NULL, "zh", "5000万" },
  { 1.5e8, 5e7, NULL, "zh", "1.5亿" },
  { 5e8, 5e8, "USD", "en", "500m" },
  { 1.5e9, 5e8, "USD", "en", "1.5bn" },
  { 2e5, 2e5, "count", "de", "200.000" },
  { 1.2e6, 2e5, "count", "de", "1,2" N "Mio." },
  { 0.5, 0.5, NULL, "de", "0,5" },
  { 2, 0.5, NULL, "de", "2" },
  { 0.25, 0.05, NULL, "zh", "0.25" },
  { -5e8, 5e8, "USD", "de", M "500" N "Mio." },
  { -1e9, 5e8, "USD", "zh", M "10亿" },
  { 1e-17, 0.2, NULL, "de", "0" },
  { 25, 5, "percent", "de", "25" N "%" },
  { 25, 5, "percent", "zh", "25%" },
  { 1e12, 2e11, "USD", "de", "1" N "Bio." },
  { 1e12, 2e11, "USD", "zh", "1万亿" },
  { 8e11, 2e11, "USD", "zh", "8000亿" },
  { 4000, 1000, NULL, "de", "4000" },
  { 12000, 2000, NULL, "de", "12.000" },
};

static void
test_ticks (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (tick_cases); i++)
    {
      const TickCase *c = &tick_cases[i];
      g_autofree char *got = text_format_tick (c->value, c->step, c->unit, c->lang);
      if (g_strcmp0 (got, c->expected) != 0)
        g_error ("tick case %zu: %g/%g (%s): got “%s”, expected “%s”", i, c->value,
                 c->step, c->lang, got, c->expected);
    }
}

static void
test_unit_names (void)
{
  struct { const char *unit, *lang, *expected; } cases[] = {
    { "USD", "de", "US-Dollar" }, { "EUR", "de", "Euro" }, { "CNY", "de", "Yuan" },
    { "USD", "zh", "美元" }, { "EUR", "zh", "欧元" }, { "CNY", "zh", "元" },
    { "USD", "en", "US dollars" }, { "GBP", "de", "GBP" }, { "count", "de", "" },
    { NULL, "zh", "" }, { "percent", "de", "Prozent" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = text_format_unit_name (cases[i].unit, cases[i].lang);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_dates (void)
{
  struct { const char *iso, *lang, *expected; } good[] = {
    { "2026-03-02", "de", "2. März 2026" },
    { "2026-03-02", "zh", "2026年3月2日" },
    { "2026-03-02", "en", "2 March 2026" },
    { "2026-09-17", "de", "17. September 2026" },
    { "2026-09-17", "zh", "2026年9月17日" },
    { "2024-02-29", "de", "29. Februar 2024" },
    { "2026-12-31", "fr", "31 December 2026" },
    { "0999-01-01", "zh", "999年1月1日" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = text_format_date (good[i].iso, good[i].lang, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, good[i].expected);
    }

  const char *bad[] = { "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                        "2026-04-31", "2026-3-2", "26-03-02", "2026-03-02T10:00",
                        "", "2026/03/02", "abcd-ef-gh", "0000-01-01" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = text_format_date (bad[i], "de", &error);
      if (got != NULL)
        g_error ("“%s” accepted as “%s”", bad[i], got);
      g_assert_error (error, TEXT_FORMAT_ERROR, TEXT_FORMAT_ERROR_INVALID_DATE);
    }
  g_autoptr (GError) error = NULL;
  g_assert_null (text_format_date (NULL, "de", &error));
  g_assert_nonnull (error);
}

static void
test_quotes (void)
{
  g_assert_cmpstr (text_quote_open ("de", 0), ==, "„");
  g_assert_cmpstr (text_quote_close ("de", 0), ==, "“");
  g_assert_cmpstr (text_quote_open ("de", 1), ==, "‚");
  g_assert_cmpstr (text_quote_close ("de", 1), ==, "‘");
  g_assert_cmpstr (text_quote_open ("de", 2), ==, "„");
  g_assert_cmpstr (text_quote_open ("zh", 0), ==, "“");
  g_assert_cmpstr (text_quote_close ("zh", 0), ==, "”");
  g_assert_cmpstr (text_quote_open ("zh", 1), ==, "‘");
  g_assert_cmpstr (text_quote_close ("zh", 1), ==, "’");
  g_assert_cmpstr (text_quote_open ("en", 0), ==, "“");
  g_assert_cmpstr (text_quote_close ("en", 1), ==, "’");
}

/* Parts of a figure for tiles and chart labels: each case's parts, and
 * joined they give text_format_value()'s string for every value case. */
static void
test_parts (void)
{
  struct { double v; const char *unit; ModelQualifier q; const char *lang;
           const char *qualifier, *number, *unit_name; } cases[] = {
    { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "de", "mehr als", "730" N "Mio.", "US-Dollar" },
    { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "zh", "逾", "7.3亿", "美元" },
    { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "de", "", "2,22" N "Mrd.", "US-Dollar" },
    { 2.22e9, "USD", MODEL_QUALIFIER_NONE, "zh", "", "22.2亿", "美元" },
    { 4.5e6, "EUR", MODEL_QUALIFIER_ABOUT, "de", "rund", "4,5" N "Mio.", "Euro" },
    { 4.5e6, "EUR", MODEL_QUALIFIER_ABOUT, "zh", "约", "450万", "欧元" },
    { 3e7, "CNY", MODEL_QUALIFIER_NONE, "zh", "", "3000万", "元" },
    { 37.5, "percent", MODEL_QUALIFIER_NONE, "de", "", "37,5" N "%", "" },
    { 37.5, "percent", MODEL_QUALIFIER_NONE, "zh", "", "37.5%", "" },
    { 1200, "count", MODEL_QUALIFIER_MORE_THAN, "de", "mehr als", "1200", "" },
    { 1200, "count", MODEL_QUALIFIER_MORE_THAN, "zh", "逾", "1200", "" },
    { 2600, NULL, MODEL_QUALIFIER_LESS_THAN, "zh", "不足", "2600", "" },
    { 1e12, "USD", MODEL_QUALIFIER_NONE, "de", "", "1" N "Bio.", "US-Dollar" },
    { -4.2e9, "USD", MODEL_QUALIFIER_NONE, "zh", "", M "42亿", "美元" },
    { 7.3e8, "USD", MODEL_QUALIFIER_MORE_THAN, "en", "more than", "US$730" N "million", "" },
    { 5e6, "GBP", MODEL_QUALIFIER_NONE, "de", "", "5" N "Mio.", "GBP" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TextFigureParts) p = text_figure_parts_new (cases[i].v, cases[i].unit,
                                                             cases[i].q, cases[i].lang);
      if (g_strcmp0 (p->qualifier, cases[i].qualifier) != 0
          || g_strcmp0 (p->number, cases[i].number) != 0
          || g_strcmp0 (p->unit, cases[i].unit_name) != 0)
        g_error ("parts case %zu: got “%s” | “%s” | “%s”", i, p->qualifier, p->number, p->unit);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      const ValueCase *c = &value_cases[i];
      g_autoptr (TextFigureParts) p = text_figure_parts_new (c->value, c->unit, c->q, c->lang);
      g_autofree char *joined = text_figure_parts_join (p, c->lang);
      g_assert_cmpstr (joined, ==, c->expected);
    }
}

static void
test_shares (void)
{
  struct { double f; const char *lang; const char *expected; } cases[] = {
    { 0.375, "de", "37,5" N "%" },
    { 0.375, "zh", "37.5%" },
    { 0.625, "de", "62,5" N "%" },
    { 0.25, "de", "25" N "%" },
    { 1, "zh", "100%" },
    { 0, "de", "0" N "%" },
    { 0.005, "de", "0,5" N "%" },
    { 0.005, "zh", "0.5%" },
    { 0.0004, "de", "0,04" N "%" },
    { 0.000001, "de", "<" N "0,01" N "%" },
    { 0.000001, "zh", "<0.01%" },
    { 0.9999, "de", "99,99" N "%" },
    { 1.0 / 3, "en", "33.3%" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = text_format_share (cases[i].f, cases[i].lang);
      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_error ("share case %zu: %g (%s): got “%s”, expected “%s”", i, cases[i].f,
                 cases[i].lang, got, cases[i].expected);
    }
  g_assert_cmpstr (text_illustrative_note ("de"), ==, "Illustrativer Wert");
  g_assert_cmpstr (text_illustrative_note ("zh-CN"), ==, "示意数值");
}

/* Huge magnitudes (which the model refuses, but the formatter must survive):
 * never a digit that is not in the value's 15 significant digits, never a
 * buffer overrun. */
static void
test_huge (void)
{
  const double values[] = { 9e307, -9e307, 1.7976931348623157e308, 1.2e308, 1e20, 9.1e15 };
  const char *langs[] = { "de", "zh", "en" };
  const char *units[] = { "USD", "count", NULL, "percent" };
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autofree char *n = text_format_number (values[i], langs[l], 2);
        g_autoptr (GString) digits = g_string_new (NULL);
        for (const char *p = n; *p; p++)
          if (g_ascii_isdigit (*p))
            g_string_append_c (digits, *p);
        char sig[32];
        g_snprintf (sig, sizeof sig, "%.14e", fabs (values[i]));
        /* the 15 significant digits, then only zeros */
        g_autoptr (GString) want = g_string_new (NULL);
        for (const char *p = sig; *p != 'e'; p++)
          if (g_ascii_isdigit (*p))
            g_string_append_c (want, *p);
        int e = atoi (strchr (sig, 'e') + 1);
        for (int k = 15; k <= e; k++)
          g_string_append_c (want, '0');
        if (!g_string_equal (digits, want))
          g_error ("%g in %s: %s", values[i], langs[l], n);
        for (gsize u = 0; u < G_N_ELEMENTS (units); u++)
          {
            g_autofree char *v = text_format_value (values[i], units[u], MODEL_QUALIFIER_NONE,
                                                    langs[l]);
            g_autofree char *t = text_format_tick (values[i], 1e307, units[u], langs[l]);
            g_assert_true (g_utf8_validate (v, -1, NULL) && g_utf8_validate (t, -1, NULL));
            g_assert_null (strstr (v, "99999"));
            g_assert_null (strstr (t, "99999"));
          }
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/values", test_values);
  g_test_add_func ("/format/figure", test_figure);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/ticks", test_ticks);
  g_test_add_func ("/format/unit-names", test_unit_names);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/quotes", test_quotes);
  g_test_add_func ("/format/parts", test_parts);
  g_test_add_func ("/format/shares", test_shares);
  g_test_add_func ("/format/huge", test_huge);
  return g_test_run ();
}
