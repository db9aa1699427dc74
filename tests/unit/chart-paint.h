/* chart-paint.h — a chart's labels drawn for the chart tests as the
 * renderer draws a display list's glyph runs (render/line.c): each run's
 * glyphs in its face (by file and index, through cairo-ft) at its size and
 * colour, from the label's line origin. The charts' shapes are the chart
 * stage's own (chart_layout_draw). */
#pragma once

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include "chart/chart-private.h"

static G_GNUC_UNUSED cairo_font_face_t *
paint_face (const TextFace *face)
{
  static GHashTable *faces;   /* TextFace* -> cairo_font_face_t*, for the process */
  if (faces == NULL)
    faces = g_hash_table_new (NULL, NULL);
  cairo_font_face_t *ff = g_hash_table_lookup (faces, face);
  if (ff == NULL)
    {
      FcPattern *pat = FcPatternCreate ();
      FcPatternAddString (pat, FC_FILE, (const FcChar8 *) face->file);
      FcPatternAddInteger (pat, FC_INDEX, face->index);
      if (face->embolden)
        FcPatternAddBool (pat, FC_EMBOLDEN, FcTrue);
      ff = cairo_ft_font_face_create_for_pattern (pat);
      FcPatternDestroy (pat);
      g_hash_table_insert (faces, (gpointer) face, ff);
    }
  return ff;
}

static G_GNUC_UNUSED void
paint_run (cairo_t *cr, const TextGlyphRun *run, double x, double y)
{
  if (run->face == NULL || run->n_glyphs == 0)
    return;
  cairo_glyph_t *glyphs = g_new (cairo_glyph_t, run->n_glyphs);
  for (int i = 0; i < run->n_glyphs; i++)
    glyphs[i] = (cairo_glyph_t) { run->glyphs[i].id, x + run->x + run->glyphs[i].x,
                                  y + run->glyphs[i].y };
  StyleColor c = run->has_color ? run->color : (StyleColor) { 0, 0, 0, 1 };
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
  cairo_set_font_face (cr, paint_face (run->face));
  cairo_set_font_size (cr, run->size);
  cairo_show_glyphs (cr, glyphs, run->n_glyphs);
  g_free (glyphs);
}

/* The labels of l, its box's top left at the current origin. */
static G_GNUC_UNUSED void
paint_labels (const ChartLayout *l, cairo_t *cr)
{
  cairo_save (cr);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options (cr, fo);
  cairo_font_options_destroy (fo);
  for (guint i = 0; i < l->labels->len; i++)
    {
      const ChartLabel *label = g_ptr_array_index (l->labels, i);
      for (guint k = 0; k < label->text->lines->len; k++)
        {
          const ChartTextLine *line = g_ptr_array_index (label->text->lines, k);
          for (guint r = 0; line->runs && r < line->runs->len; r++)
            paint_run (cr, g_ptr_array_index (line->runs, r), label->rect.x + line->x,
                       label->rect.y + line->baseline);
        }
    }
  cairo_restore (cr);
}

/* The whole chart: shapes, then labels. */
static G_GNUC_UNUSED void
paint_chart (const ChartLayout *l, cairo_t *cr)
{
  chart_layout_draw (l, cr);
  paint_labels (l, cr);
}
