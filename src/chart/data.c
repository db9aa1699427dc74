/* data.c — a chart's figures or series as one table of categories × series,
 * with every name already in each language of the chart. */
#include <math.h>
#include <string.h>
#include "chart/chart-private.h"
#include "text/text.h"

static char *
text_plain (const ModelText *text, const char *lang)
{
  if (text == NULL)
    return NULL;
  gboolean fallback = FALSE;
  const ModelVariant *v = model_text_get_or_fallback (text, lang, &fallback);
  if (v == NULL)
    return NULL;
  /* A variant shown in place of a missing one keeps its own language's forms. */
  char *s = text_variant_plain (v, fallback && v->lang != NULL ? v->lang : lang);
  if (s != NULL && *s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static char **
texts_of (const ChartSpec *spec, const ModelText *text, const char *fallback)
{
  char **t = g_new0 (char *, spec->n_langs + 1);
  for (int i = 0; i < spec->n_langs; i++)
    {
      t[i] = text_plain (text, spec->langs[i]);
      if (t[i] == NULL)
        t[i] = g_strdup (fallback ? fallback : "");
    }
  return t;
}

static void
note_unit (ChartData *d, const char *unit, gboolean *first)
{
  if (*first)
    d->unit = g_strdup (unit), *first = FALSE;
  else if (g_strcmp0 (d->unit, unit) != 0)
    {
      d->mixed_units = TRUE;
      g_clear_pointer (&d->unit, g_free);
    }
}

ChartData *
chart_data_new (const ChartSpec *spec)
{
  const ModelBlock *block = spec->block;
  ChartData *d = g_new0 (ChartData, 1);
  gboolean first_unit = TRUE;

  if (block->series != NULL && block->series->len > 0)
    {
      GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *cats = g_ptr_array_new ();
      d->n_series = block->series->len;
      d->series_names = g_new0 (char **, d->n_series);
      d->cats_are_x = TRUE;
      /* First pass: categories in order of first appearance. */
      for (int s = 0; s < d->n_series; s++)
        {
          const ModelSeries *series = g_ptr_array_index (block->series, s);
          d->series_names[s] = series->label ? texts_of (spec, series->label, series->id) : NULL;
          d->illustrative |= series->illustrative;
          note_unit (d, series->unit, &first_unit);
          for (guint p = 0; series->points && p < series->points->len; p++)
            {
              const ModelPoint *pt = g_ptr_array_index (series->points, p);
              g_autofree char *primary = pt->label ? text_plain (pt->label, spec->langs[0]) : NULL;
              const char *key = primary ? primary : pt->x ? pt->x : "";
              if (g_hash_table_contains (index, key))
                continue;
              g_hash_table_insert (index, g_strdup (key), GINT_TO_POINTER (cats->len));
              g_ptr_array_add (cats, pt->label ? texts_of (spec, pt->label, pt->x)
                                               : texts_of (spec, NULL, pt->x));
              if (pt->label != NULL || pt->x == NULL)
                d->cats_are_x = FALSE;
            }
        }
      d->n_cats = cats->len;
      d->cat_names = (char ***) g_ptr_array_free (cats, FALSE);
      d->values = g_new (double, MAX (1, d->n_series * d->n_cats));
      for (int i = 0; i < d->n_series * d->n_cats; i++)
        d->values[i] = NAN;
      for (int s = 0; s < d->n_series; s++)
        {
          const ModelSeries *series = g_ptr_array_index (block->series, s);
          for (guint p = 0; series->points && p < series->points->len; p++)
            {
              const ModelPoint *pt = g_ptr_array_index (series->points, p);
              g_autofree char *primary = pt->label ? text_plain (pt->label, spec->langs[0]) : NULL;
              const char *key = primary ? primary : pt->x ? pt->x : "";
              int c = GPOINTER_TO_INT (g_hash_table_lookup (index, key));
              d->values[s * d->n_cats + c] = pt->value;
            }
        }
      g_hash_table_unref (index);
    }
  else if (block->figures != NULL && block->figures->len > 0)
    {
      d->n_series = 1;
      d->n_cats = block->figures->len;
      d->series_names = g_new0 (char **, 1);
      d->cat_names = g_new0 (char **, d->n_cats);
      d->values = g_new (double, d->n_cats);
      d->figures = g_new0 (const ModelFigure *, d->n_cats);
      for (int c = 0; c < d->n_cats; c++)
        {
          const ModelFigure *f = g_ptr_array_index (block->figures, c);
          d->figures[c] = f;
          d->cat_names[c] = texts_of (spec, f->label, f->id);
          d->values[c] = f->value;
          d->illustrative |= f->illustrative;
          note_unit (d, f->unit, &first_unit);
        }
    }
  return d;
}

void
chart_data_free (ChartData *d)
{
  if (d != NULL)
    g_free (d->figures);
  if (d == NULL)
    return;
  for (int s = 0; s < d->n_series; s++)
    g_strfreev (d->series_names[s]);
  for (int c = 0; c < d->n_cats; c++)
    g_strfreev (d->cat_names[c]);
  g_free (d->series_names);
  g_free (d->cat_names);
  g_free (d->values);
  g_free (d->unit);
  g_free (d);
}
