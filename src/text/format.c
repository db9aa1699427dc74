/* format.c — numbers, units, dates and quote marks per language.
 *
 * One module for running text, fact tiles and chart labels, so a figure reads
 * the same wherever it appears. Written by hand: GLib and ICU-less Debian
 * offer no locale-independent formatter that knows German "Mrd." or Chinese
 * 亿 scale words, and the C library's printf follows LC_NUMERIC, which must not
 * change the output. Numbers are produced with g_ascii_formatd and then given
 * the language's signs.
 *
 * Rules (see typography.md):
 * - de: decimal comma; "." groups thousands only from 10 000 up (Duden: four
 *   digit numbers stay together); NBSP between number, scale word and unit;
 *   scale words from 1 Mio. up.
 * - zh: decimal point; scale words 万 亿 万亿 from 10 000 up; no spaces.
 * - en (and every other language): "US$2.22 billion", "1,200", "37.5%".
 * Scaled values keep three significant digits (never fewer than the integer
 * part); values below the first scale word are exact to two decimals.
 * The minus sign is U+2212. */
#include <math.h>
#include <string.h>
#include "text/text.h"

#define NBSP "\xc2\xa0"
#define MINUS "\xe2\x88\x92"

typedef enum { LANG_EN, LANG_DE, LANG_ZH } Lang;

static gboolean
lang_has_prefix (const char *lang, const char *prefix)
{
  gsize n = strlen (prefix);
  return g_ascii_strncasecmp (lang, prefix, n) == 0
         && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

static Lang
lang_of (const char *lang)
{
  if (lang == NULL)
    return LANG_EN;
  if (lang_has_prefix (lang, "de"))
    return LANG_DE;
  if (lang_has_prefix (lang, "zh"))
    return LANG_ZH;
  return LANG_EN;
}

GQuark
text_format_error_quark (void)
{
  return g_quark_from_static_string ("text-format-error-quark");
}

/* ---- plain numbers ------------------------------------------------------ */

/* The whole number a ≥ 2^53 as digits: its 15 significant digits (DBL_DIG,
 * what a double holds for certain), then zeros. "%.0f" would print the
 * binary value's expansion, digits that are in no input (9e307 →
 * 8999999999999999…). buf holds at least 309 + 1 bytes. */
static void
whole_digits (char *buf, gsize size, double a)
{
  char e[32];
  g_ascii_formatd (e, sizeof e, "%.14e", a);   /* d.dddddddddddddde+XXX */
  int exp10 = atoi (strchr (e, 'e') + 1);
  gsize n = 0;
  for (const char *p = e; *p != 'e' && n + 1 < size; p++)
    if (g_ascii_isdigit (*p))
      buf[n++] = *p;
  for (int i = 15; i <= exp10 && n + 1 < size; i++)
    buf[n++] = '0';
  buf[n] = '\0';
}

/* Appends |v| rounded to decimals (trailing zeros dropped) with the
 * language's grouping and decimal signs. Returns whether the rounded value
 * is non-zero (so the caller knows whether a minus sign makes sense). */
static gboolean
append_abs (GString *out, double v, int decimals, Lang lang)
{
  char fmt[16], buf[G_ASCII_DTOSTR_BUF_SIZE + 320];

  decimals = CLAMP (decimals, 0, 9);
  g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
  /* Half away from zero (printf rounds exact ties to even: 0.125 → 0.12). */
  double a = fabs (v), p = pow (10, decimals);
  if (!isfinite (a))
    a = 0;   /* callers never pass one: the model refuses them */
  if (a * p < 4503599627370496.0)
    a = round (a * p) / p;
  if (a >= 9007199254740992.0)   /* 2^53: below it %.0f is exact */
    whole_digits (buf, sizeof buf, a);
  else
    g_ascii_formatd (buf, sizeof buf, fmt, a);

  char *dot = strchr (buf, '.');
  char *frac = NULL;
  if (dot != NULL)
    {
      *dot = '\0';
      frac = dot + 1;
      gsize n = strlen (frac);
      while (n > 0 && frac[n - 1] == '0')
        frac[--n] = '\0';
      if (n == 0)
        frac = NULL;
    }

  gboolean nonzero = frac != NULL || strspn (buf, "0") != strlen (buf);

  gsize int_len = strlen (buf);
  const char *group = NULL;
  gsize group_from = 0;
  switch (lang)
    {
    case LANG_DE: group = "."; group_from = 5; break;
    case LANG_ZH: group = ","; group_from = 5; break;
    case LANG_EN: group = ","; group_from = 4; break;
    }
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && int_len >= group_from && (int_len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, buf[i]);
    }
  if (frac != NULL)
    {
      g_string_append_c (out, lang == LANG_DE ? ',' : '.');
      g_string_append (out, frac);
    }
  return nonzero;
}

/* Appends v with sign. */
static void
append_number (GString *out, double v, int decimals, Lang lang)
{
  GString *digits = g_string_new (NULL);
  gboolean nonzero = append_abs (digits, v, decimals, lang);
  if (v < 0 && nonzero)
    g_string_append (out, MINUS);
  g_string_append (out, digits->str);
  g_string_free (digits, TRUE);
}

char *
text_format_number (double value, const char *lang, int max_decimals)
{
  GString *out = g_string_new (NULL);
  append_number (out, value, max_decimals, lang_of (lang));
  return g_string_free (out, FALSE);
}

char *
text_format_percent (double fraction, const char *lang, int max_decimals)
{
  Lang l = lang_of (lang);
  GString *out = g_string_new (NULL);
  append_number (out, fraction * 100.0, max_decimals, l);
  g_string_append (out, l == LANG_DE ? NBSP "%" : "%");
  return g_string_free (out, FALSE);
}

/* ---- scale words -------------------------------------------------------- */

typedef struct {
  double factor;
  const char *word;       /* as in running text */
  const char *tick_word;  /* as on an axis */
} Scale;

static const Scale scales_de[] = {
  { 1e12, "Bio.", "Bio." }, { 1e9, "Mrd.", "Mrd." }, { 1e6, "Mio.", "Mio." },
};
static const Scale scales_zh[] = {
  { 1e12, "万亿", "万亿" }, { 1e8, "亿", "亿" }, { 1e4, "万", "万" },
};
static const Scale scales_en[] = {
  { 1e12, "trillion", "tn" }, { 1e9, "billion", "bn" }, { 1e6, "million", "m" },
};

/* The largest scale whose factor is at most |v|; NULL below the first. */
static const Scale *
scale_for (double v, Lang lang)
{
  const Scale *table = lang == LANG_DE ? scales_de : lang == LANG_ZH ? scales_zh : scales_en;
  double a = fabs (v);
  for (int i = 0; i < 3; i++)
    if (a >= table[i].factor * (1 - 1e-12))
      return &table[i];
  return NULL;
}

static double
round_significant (double v, int digits)
{
  if (v == 0 || !isfinite (v))
    return v;
  double e = floor (log10 (fabs (v)));
  double p = pow (10, e - (digits - 1));
  double r = round (v / p) * p;
  return isfinite (r) ? r : v;   /* 1.79e308 rounded up would overflow */
}

/* Decimals for three significant digits of a scaled value (0 for ≥ 100). */
static int
decimals_for_significant (double scaled, int digits)
{
  double a = fabs (scaled);
  if (a == 0 || !isfinite (a))
    return 0;
  int d = digits - 1 - (int) floor (log10 (a) + 1e-9);
  return MAX (d, 0);
}

/* A number in running text: scaled where large, else exact. Sets *scale. */
static void
append_value_number (GString *out, double v, gboolean count, Lang lang,
                     const Scale **scale_out)
{
  /* Chinese writes ten thousand and more in 万 and 亿, counts too ("逾4.7万",
   * typography.md), as a reader of Chinese counts them. */
  double threshold = lang == LANG_ZH ? 1e4 : 1e6;
  gboolean exact = count && lang == LANG_ZH && v == floor (v) && fabs (v) < 1e8;

  *scale_out = NULL;
  if (fabs (v) < threshold)
    {
      append_number (out, v, 2, lang);
      return;
    }
  if (exact) {
    /* an exact count below 1亿 stays exact in 万: 12345 "1.2345万" */
    append_number (out, v / 1e4, 4, lang);
    *scale_out = scale_for (1e4, lang);
    return;
  }
  double r = round_significant (v, 3);
  const Scale *s = scale_for (r, lang);
  g_assert (s != NULL);
  double scaled = v / s->factor;
  int int_digits = (int) floor (log10 (fabs (scaled)) + 1e-9) + 1;
  scaled = round_significant (scaled, MAX (3, int_digits));
  append_number (out, scaled, decimals_for_significant (scaled, 3), lang);
  *scale_out = s;
}

/* ---- units -------------------------------------------------------------- */

typedef struct {
  const char *code;
  const char *de, *zh, *en;   /* names */
  const char *en_symbol;      /* prefix in English */
} Currency;

static const Currency currencies[] = {
  { "USD", "US-Dollar", "美元", "US dollars", "US$" },
  { "EUR", "Euro", "欧元", "euros", "€" },
  { "CNY", "Yuan", "元", "yuan", "CN¥" },
};

static const Currency *
currency_for (const char *unit)
{
  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (unit, currencies[i].code) == 0)
      return &currencies[i];
  return NULL;
}

static gboolean
unit_is_count (const char *unit)
{
  return unit == NULL || *unit == '\0' || strcmp (unit, "count") == 0;
}

static gboolean
unit_is_percent (const char *unit)
{
  return unit != NULL && strcmp (unit, "percent") == 0;
}

char *
text_format_unit_name (const char *unit, const char *lang)
{
  Lang l = lang_of (lang);
  if (unit_is_count (unit))
    return g_strdup ("");
  if (unit_is_percent (unit))
    return g_strdup (l == LANG_DE ? "Prozent" : l == LANG_ZH ? "%" : "percent");
  const Currency *c = currency_for (unit);
  if (c == NULL)
    return g_strdup (unit);
  return g_strdup (l == LANG_DE ? c->de : l == LANG_ZH ? c->zh : c->en);
}

static const char *
qualifier_prefix (ModelQualifier q, Lang lang)
{
  static const char *const de[] = { "", "mehr als ", "rund ", "weniger als " };
  static const char *const zh[] = { "", "逾", "约", "不足" };
  static const char *const en[] = { "", "more than ", "about ", "less than " };
  if ((int) q < 0 || q > MODEL_QUALIFIER_LESS_THAN)
    return "";
  return lang == LANG_DE ? de[q] : lang == LANG_ZH ? zh[q] : en[q];
}

/* Percent values in running text: three significant digits, at most two
 * decimals, never fewer than the integer part. */
static void
append_percent_value (GString *out, double v, Lang lang)
{
  double r = fabs (v) >= 1 ? round_significant (v, 3) : v;
  int d = MIN (decimals_for_significant (r, 3), 2);
  append_number (out, r, d, lang);
  g_string_append (out, lang == LANG_DE ? NBSP "%" : "%");
}

TextFigureParts *
text_figure_parts_new (double value, const char *unit, ModelQualifier qualifier,
                       const char *lang)
{
  Lang l = lang_of (lang);
  TextFigureParts *parts = g_new0 (TextFigureParts, 1);
  /* The prefix without its trailing space. */
  const char *q = qualifier_prefix (qualifier, l);
  parts->qualifier = g_strndup (q, strlen (q) - (g_str_has_suffix (q, " ") ? 1 : 0));
  GString *out = g_string_new (NULL);

  if (unit_is_percent (unit))
    {
      append_percent_value (out, value, l);
      parts->number = g_string_free (out, FALSE);
      parts->unit = g_strdup ("");
      return parts;
    }

  gboolean count = unit_is_count (unit);
  const Currency *cur = count ? NULL : currency_for (unit);
  const Scale *scale = NULL;

  if (l == LANG_EN && !count)
    {
      /* −US$5 million: sign, symbol, number. */
      GString *num = g_string_new (NULL);
      append_value_number (num, fabs (value), FALSE, l, &scale);
      gboolean nonzero = strspn (num->str, "0") != num->len;
      if (value < 0 && nonzero)
        g_string_append (out, MINUS);
      if (cur != NULL)
        g_string_append (out, cur->en_symbol);
      else
        g_string_append_printf (out, "%s" NBSP, unit);
      g_string_append (out, num->str);
      g_string_free (num, TRUE);
      if (scale != NULL)
        g_string_append_printf (out, NBSP "%s", scale->word);
      parts->number = g_string_free (out, FALSE);
      parts->unit = g_strdup ("");
      return parts;
    }

  append_value_number (out, value, count, l, &scale);
  if (scale != NULL)
    g_string_append_printf (out, l == LANG_ZH ? "%s" : NBSP "%s", scale->word);
  parts->number = g_string_free (out, FALSE);
  const char *name = count ? NULL
                     : cur == NULL ? unit
                     : l == LANG_DE ? cur->de : cur->zh;
  parts->unit = g_strdup (name ? name : "");
  return parts;
}

void
text_figure_parts_free (TextFigureParts *parts)
{
  if (parts == NULL)
    return;
  g_free (parts->qualifier);
  g_free (parts->number);
  g_free (parts->unit);
  g_free (parts);
}

char *
text_figure_parts_join (const TextFigureParts *parts, const char *lang)
{
  g_return_val_if_fail (parts != NULL, NULL);
  gboolean zh = lang_of (lang) == LANG_ZH;
  GString *out = g_string_new (parts->qualifier);
  if (*parts->qualifier && !zh)
    g_string_append_c (out, ' ');
  g_string_append (out, parts->number);
  if (*parts->unit)
    {
      if (!zh)
        g_string_append (out, NBSP);
      g_string_append (out, parts->unit);
    }
  return g_string_free (out, FALSE);
}

char *
text_format_value (double value, const char *unit, ModelQualifier qualifier,
                   const char *lang)
{
  g_autoptr (TextFigureParts) parts = text_figure_parts_new (value, unit, qualifier, lang);
  return text_figure_parts_join (parts, lang);
}

const char *
text_illustrative_note (const char *lang)
{
  switch (lang_of (lang))
    {
    case LANG_DE: return "Illustrativer Wert";
    case LANG_ZH: return "示意数值";
    case LANG_EN:
    default: return "Illustrative value";
    }
}

char *
text_format_share (double fraction, const char *lang)
{
  Lang l = lang_of (lang);
  const char *sign = l == LANG_DE ? NBSP "%" : "%";
  double pc = fraction * 100;
  if (!isfinite (pc))
    pc = 0;
  int decimals = fabs (pc - round (pc)) < 1e-9 ? 0 : 1;
  /* Never "0 %" for a share that is there, never "100 %" for one that is
   * not the whole. */
  while (decimals < 2
         && ((pc > 0 && round (pc * pow (10, decimals)) == 0)
             || (pc < 100 && round (pc * pow (10, decimals)) >= 100 * pow (10, decimals))))
    decimals++;
  GString *out = g_string_new (NULL);
  if (pc > 0 && round (pc * 100) == 0)
    {
      g_string_append (out, l == LANG_ZH ? "<" : "<" NBSP);
      append_number (out, 0.01, 2, l);
    }
  else
    append_number (out, pc, decimals, l);
  g_string_append (out, sign);
  return g_string_free (out, FALSE);
}

char *
text_format_figure (const ModelFigure *fig, const char *lang)
{
  g_return_val_if_fail (fig != NULL, NULL);
  return text_format_value (fig->value, fig->unit, fig->qualifier, lang);
}

/* ---- axis ticks --------------------------------------------------------- */

/* The fewest decimals (0..9) that write x exactly enough. */
static int
decimals_needed (double x)
{
  x = fabs (x);
  for (int d = 0; d < 9; d++)
    {
      double m = x * pow (10, d);
      if (fabs (m - round (m)) < 1e-6 * MAX (1.0, m))
        return d;
    }
  return 9;
}

char *
text_format_tick (double value, double step, const char *unit, const char *lang)
{
  Lang l = lang_of (lang);
  GString *out = g_string_new (NULL);
  const char *percent = l == LANG_DE ? NBSP "%" : "%";

  if (!(step > 0) || !isfinite (step))
    step = fabs (value) > 0 ? fabs (value) : 1;
  if (fabs (value) < step * 1e-6)
    value = 0;

  if (unit_is_percent (unit))
    {
      append_number (out, value, decimals_needed (step), l);
      g_string_append (out, percent);
      return g_string_free (out, FALSE);
    }

  double threshold = l == LANG_ZH ? 1e4 : 1e6;
  const Scale *s = fabs (value) >= threshold ? scale_for (value, l) : NULL;
  if (s == NULL)
    {
      append_number (out, value, decimals_needed (step), l);
      return g_string_free (out, FALSE);
    }
  int d = MAX (decimals_needed (step / s->factor), decimals_needed (value / s->factor));
  append_number (out, value / s->factor, MIN (d, 6), l);
  if (l == LANG_ZH)
    g_string_append (out, s->tick_word);
  else if (l == LANG_DE)
    g_string_append_printf (out, NBSP "%s", s->tick_word);
  else
    g_string_append (out, s->tick_word);
  return g_string_free (out, FALSE);
}

/* ---- dates -------------------------------------------------------------- */

char *
text_format_date (const char *iso, const char *lang, GError **error)
{
  static const char *const de_months[] = {
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember" };
  static const char *const en_months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gboolean shape = iso != NULL && strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-';
  for (int i = 0; shape && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      shape = FALSE;
  if (!shape)
    {
      g_set_error (error, TEXT_FORMAT_ERROR, TEXT_FORMAT_ERROR_INVALID_DATE,
                   "“%s” is not a date of the form YYYY-MM-DD", iso ? iso : "(null)");
      return NULL;
    }
  int year = atoi (iso), month = atoi (iso + 5), day = atoi (iso + 8);
  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, TEXT_FORMAT_ERROR, TEXT_FORMAT_ERROR_INVALID_DATE,
                   "“%s” is not a valid date", iso);
      return NULL;
    }

  switch (lang_of (lang))
    {
    case LANG_DE:
      return g_strdup_printf ("%d. %s %d", day, de_months[month - 1], year);
    case LANG_ZH:
      return g_strdup_printf ("%d年%d月%d日", year, month, day);
    case LANG_EN:
    default:
      return g_strdup_printf ("%d %s %d", day, en_months[month - 1], year);
    }
}

/* ---- quotation marks ---------------------------------------------------- */

const char *
text_quote_open (const char *lang, int depth)
{
  gboolean inner = depth % 2 == 1;
  if (lang_of (lang) == LANG_DE)
    return inner ? "‚" : "„";
  return inner ? "‘" : "“";
}

const char *
text_quote_close (const char *lang, int depth)
{
  gboolean inner = depth % 2 == 1;
  if (lang_of (lang) == LANG_DE)
    return inner ? "‘" : "“";
  return inner ? "’" : "”";
}
