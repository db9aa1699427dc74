/* data-check.c — data that cannot be drawn or formatted honestly.
 *
 * The schema checks that a value is written as a number; this file checks
 * what the number means (docs/limits.md, "Input limits"):
 * - a value must be finite and at most 2^53 in magnitude: up to there every
 *   whole number is exact in the double it is held in, so the digits printed
 *   are the digits written; beyond it the formatter would print digits that
 *   were never in the input, and chart axes would overflow;
 * - a value is 0 or at least 0.005 in magnitude: numbers are printed with at
 *   most two decimals, and a smaller one would read 0;
 * - unit="count" counts things: a whole number, 0 or more;
 * - a donut shows the shares of one whole: no slice negative, and in percent
 *   no slice over 100 % and no sum past 100 %. */
#include <math.h>
#include <string.h>
#include "model/build-private.h"

/* 2^53: the largest magnitude at which doubles hold every whole number. */
#define VALUE_MAX 9007199254740992.0

/* The smallest non-zero magnitude: numbers are printed with at most two
 * decimals, so anything smaller would read 0 in text and data labels. */
#define VALUE_MIN 0.005

/* A sum of percentages may miss 100 by floating-point rounding alone. */
#define PERCENT_EPSILON 1e-9

static char *
value_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

gboolean
build_check_number (Builder *b, const xmlNode *n, const char *attr, const char *s, double v)
{
  if (isfinite (v))
    return TRUE;
  /* strtod gives ±inf for a number too large and accepts "nan", "inf". */
  gboolean written_inf = strpbrk (s, "iInN") != NULL;
  if (written_inf)
    build_error_at_attr (b, n, attr, "%s=\"%s\" is not a finite number: a chart or text "
                         "cannot show it (write a number such as 2.22e9 or 315)", attr, s);
  else
    build_error_at_attr (b, n, attr, "%s=\"%s\" overflows: the largest number is about "
                         "1.8e308, and dossier prints at most %.0f (2^53)", attr, s, VALUE_MAX);
  return FALSE;
}

gboolean
build_check_value (Builder *b, const xmlNode *n, const char *attr, double v, const char *unit)
{
  g_autofree char *s = build_attr (n, attr);
  if (fabs (v) > VALUE_MAX) {
    build_error_at_attr (b, n, attr, "%s=\"%s\" is too large to print exactly: a value's "
                         "magnitude is at most %.0f (2^53, about 9.0e15)", attr, s, VALUE_MAX);
    return FALSE;
  }
  if (v != 0 && fabs (v) < VALUE_MIN) {
    build_error_at_attr (b, n, attr, "%s=\"%s\" is too small to show: with at most two "
                         "decimals it would read 0; a value is 0 or at least 0.005 in "
                         "magnitude (write it in a smaller unit)", attr, s);
    return FALSE;
  }
  if (g_strcmp0 (unit, "count") != 0)
    return TRUE;
  if (v < 0) {
    build_error_at_attr (b, n, attr, "%s=\"%s\" is a negative count: unit=\"count\" counts "
                         "things, 0 or more (leave out unit for a number that may be "
                         "negative)", attr, s);
    return FALSE;
  }
  if (v != floor (v)) {
    build_error_at_attr (b, n, attr, "%s=\"%s\" is not a whole number: unit=\"count\" counts "
                         "things (leave out unit for other numbers)", attr, s);
    return FALSE;
  }
  return TRUE;
}

typedef struct {
  const char *name;   /* figure id or point x */
  double value;
  int line, column;
} Slice;

/* The values a donut shows: its figures, or the first series' points. */
static GArray *
donut_slices (const ModelBlock *chart, gboolean *percent)
{
  GArray *slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  *percent = TRUE;
  if (chart->series != NULL && chart->series->len > 0) {
    const ModelSeries *s = g_ptr_array_index (chart->series, 0);
    *percent = g_strcmp0 (s->unit, "percent") == 0;
    for (guint i = 0; s->points && i < s->points->len; i++) {
      const ModelPoint *p = g_ptr_array_index (s->points, i);
      Slice sl = { p->x ? p->x : s->id, p->value, p->line, p->column };
      g_array_append_val (slices, sl);
    }
  } else if (chart->figures != NULL) {
    for (guint i = 0; i < chart->figures->len; i++) {
      const ModelFigure *f = g_ptr_array_index (chart->figures, i);
      *percent &= g_strcmp0 (f->unit, "percent") == 0;
      Slice sl = { f->id, f->value, f->line, f->column };
      g_array_append_val (slices, sl);
    }
  }
  return slices;
}

static void
check_donut (Builder *b, const ModelBlock *chart)
{
  gboolean percent;
  g_autoptr (GArray) slices = donut_slices (chart, &percent);
  double sum = 0;
  gboolean bad = FALSE;
  for (guint i = 0; i < slices->len; i++) {
    const Slice *sl = &g_array_index (slices, Slice, i);
    g_autofree char *v = value_text (sl->value);
    if (isfinite (sl->value) && sl->value < 0) {
      diag_error (b->ms->diags, b->ms->file, sl->line, sl->column,
                  "donut slice '%s' is %s: a donut shows shares of a whole, none can be "
                  "negative (use a bar or column chart)", sl->name, v);
      bad = TRUE;
    } else if (percent && sl->value > 100 * (1 + PERCENT_EPSILON)) {
      diag_error (b->ms->diags, b->ms->file, sl->line, sl->column,
                  "donut slice '%s' is %s %%: a share of a whole is at most 100 %%",
                  sl->name, v);
      bad = TRUE;
    }
    if (isfinite (sl->value))
      sum += sl->value;
  }
  if (percent && !bad && sum > 100 * (1 + PERCENT_EPSILON)) {
    g_autofree char *v = value_text (sum);
    diag_error (b->ms->diags, b->ms->file, chart->line, chart->column,
                "the donut's slices sum to %s %%: shares of one whole add up to at most "
                "100 %%", v);
  }
}

void
build_check_charts (Builder *b)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < b->pending_lists->len; i++) {
    PendingRef *r = g_ptr_array_index (b->pending_lists, i);
    if (r->block->kind != MODEL_BLOCK_CHART || r->block->chart_type != MODEL_CHART_DONUT
        || !g_hash_table_add (seen, r->block))
      continue;
    check_donut (b, r->block);
  }
}
