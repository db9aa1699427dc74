/* line.c — one line of a Pango layout drawn into the PDF, with the text a
 * reader copies or searches.
 *
 * pango_cairo_show_layout_line() would do the drawing, but it maps each
 * glyph to the characters behind it, and those include the soft hyphens
 * that hyphenation put into words: copied or searched, "Veran<U+00AD>"
 * breaks the word (platform-notes.md). Here each glyph run is drawn with
 * cairo_show_text_glyphs() and a text in which a soft hyphen reads as "-"
 * where its hyphen is shown (at a line end) and as nothing elsewhere.
 * Underlines (links) are drawn here too, from the font's metrics. */
#include <string.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include "render/render-private.h"

/* The text of a cluster as a reader should get it. */
static void
cluster_text (GString *out, const char *text, int start, int end, gboolean has_ink)
{
  for (int i = start; i < end;) {
    if ((guchar) text[i] == 0xc2 && i + 1 < end && (guchar) text[i + 1] == 0xad) {
      if (has_ink)
        g_string_append_c (out, '-');
      i += 2;
      continue;
    }
    /* U+2060 WORD JOINER only keeps a figure together: nothing to read */
    if (strncmp (text + i, "\xe2\x81\xa0", 3) == 0 && i + 2 < end) {
      i += 3;
      continue;
    }
    g_string_append_c (out, text[i]);
    i++;
  }
}

static gboolean
run_underlined (const PangoGlyphItem *run)
{
  for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
    const PangoAttribute *attr = a->data;
    if (attr->klass->type == PANGO_ATTR_UNDERLINE &&
        ((const PangoAttrInt *) attr)->value != PANGO_UNDERLINE_NONE)
      return TRUE;
  }
  return FALSE;
}

/* A chart label's run in its own colour, as pango_cairo_show_layout draws
 * it; without a colour, in the current source. */
static void
run_color (cairo_t *cr, const PangoGlyphItem *run)
{
  const PangoColor *color = NULL;
  double alpha = 1;
  for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
    const PangoAttribute *attr = a->data;
    if (attr->klass->type == PANGO_ATTR_FOREGROUND)
      color = &((const PangoAttrColor *) attr)->color;
    else if (attr->klass->type == PANGO_ATTR_FOREGROUND_ALPHA)
      alpha = ((const PangoAttrInt *) attr)->value / 65535.;
  }
  if (color)
    cairo_set_source_rgba (cr, color->red / 65535., color->green / 65535.,
                           color->blue / 65535., alpha);
}

/* Draws run at (x, y); every space cluster is narrowed by shrink; label:
 * a chart's. Returns
 * the run's width as drawn. */
/* Points glyphs at the subset of run's face, if there is one. */
static cairo_scaled_font_t *
subset_glyphs (RenderFonts *fonts, PangoFont *font, cairo_scaled_font_t *sf,
               cairo_glyph_t *glyphs, int n_glyphs)
{
  const hb_map_t *map = NULL;
  cairo_scaled_font_t *sub = render_fonts_lookup (fonts, font, sf, &map);
  if (!sub)
    return sf;
  for (int i = 0; i < n_glyphs; i++)
    if (!hb_map_has (map, (hb_codepoint_t) glyphs[i].index))
      return sf;   /* a glyph not collected: never expected, drawn whole */
  for (int i = 0; i < n_glyphs; i++)
    glyphs[i].index = hb_map_get (map, (hb_codepoint_t) glyphs[i].index);
  return sub;
}

static double
draw_run (cairo_t *cr, RenderFonts *fonts, const char *text, PangoGlyphItem *run, double x,
          double y, double shrink, gboolean label)
{
  PangoFont *font = run->item->analysis.font;
  PangoGlyphString *gs = run->glyphs;
  cairo_scaled_font_t *sf = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (!sf)
    return pango_glyph_string_get_width (gs) / (double) PANGO_SCALE;
  cairo_glyph_t *glyphs = g_new (cairo_glyph_t, gs->num_glyphs);
  cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, gs->num_glyphs + 1);
  GString *utf8 = g_string_new (NULL);
  int n_glyphs = 0, n_clusters = 0;
  gboolean rtl = run->item->analysis.level % 2 == 1;

  /* glyph positions along the run, spaces narrowed by shrink */
  double *gx = g_new (double, gs->num_glyphs);
  double pos = x;
  for (int i = 0; i < gs->num_glyphs; i++) {
    gx[i] = pos + gs->glyphs[i].geometry.x_offset / (double) PANGO_SCALE;
    pos += gs->glyphs[i].geometry.width / (double) PANGO_SCALE;
    if (shrink > 0 && text[run->item->offset + gs->log_clusters[i]] == ' ')
      pos -= shrink;
  }

  PangoGlyphItemIter iter;
  for (gboolean ok = pango_glyph_item_iter_init_start (&iter, run, text); ok;
       ok = pango_glyph_item_iter_next_cluster (&iter)) {
    int g0 = MIN (iter.start_glyph, iter.end_glyph + (rtl ? 1 : 0));
    int g1 = MAX (iter.start_glyph, iter.end_glyph - (rtl ? 0 : 0));
    if (!rtl) {
      g0 = iter.start_glyph;
      g1 = iter.end_glyph;
    } else {
      g0 = iter.end_glyph + 1;
      g1 = iter.start_glyph + 1;
    }
    int cluster_glyphs = 0;
    for (int g = g0; g < g1; g++) {
      PangoGlyph glyph = gs->glyphs[g].glyph;
      if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        continue;
      glyphs[n_glyphs].index = glyph;
      glyphs[n_glyphs].x = gx[g];
      glyphs[n_glyphs].y = y + gs->glyphs[g].geometry.y_offset / (double) PANGO_SCALE;
      n_glyphs++;
      cluster_glyphs++;
    }
    gsize before = utf8->len;
    cluster_text (utf8, text, iter.start_index, iter.end_index, cluster_glyphs > 0);
    int bytes = (int) (utf8->len - before);
    if (bytes == 0 && cluster_glyphs == 0)
      continue;   /* an invisible soft hyphen: nothing to show, nothing to read */
    if (label && cluster_glyphs == 0) {
      /* a chart label's text as pango_cairo_show_layout gave it: the
       * characters of a cluster with no glyph (a space at a break) unread */
      g_string_truncate (utf8, before);
      continue;
    }
    if (bytes == 0 || cluster_glyphs == 0) {
      /* cairo wants both in a cluster: fold into the previous one */
      if (n_clusters > 0) {
        clusters[n_clusters - 1].num_bytes += bytes;
        clusters[n_clusters - 1].num_glyphs += cluster_glyphs;
        continue;
      }
    }
    clusters[n_clusters].num_bytes = bytes;
    clusters[n_clusters].num_glyphs = cluster_glyphs;
    n_clusters++;
  }
  cairo_set_scaled_font (cr, subset_glyphs (fonts, font, sf, glyphs, n_glyphs));
  if (n_glyphs > 0 && n_clusters > 0)
    cairo_show_text_glyphs (cr, utf8->str, (int) utf8->len, glyphs, n_glyphs, clusters,
                            n_clusters, rtl ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
  else if (n_glyphs > 0)
    cairo_show_glyphs (cr, glyphs, n_glyphs);

  if (run_underlined (run)) {
    PangoFontMetrics *m = pango_font_get_metrics (font, run->item->analysis.language);
    double thick = pango_font_metrics_get_underline_thickness (m) / (double) PANGO_SCALE;
    double upos = pango_font_metrics_get_underline_position (m) / (double) PANGO_SCALE;
    pango_font_metrics_unref (m);
    cairo_rectangle (cr, x, y - upos, pos - x, MAX (thick, 0.4));
    cairo_fill (cr);
  }
  g_free (gx);
  g_free (glyphs);
  g_free (clusters);
  g_string_free (utf8, TRUE);
  return pos - x;
}

static void
draw_line (cairo_t *cr, RenderFonts *fonts, PangoLayout *layout, PangoLayoutLine *line,
           double x, double y, double squeeze, gboolean colored)
{
  const char *text = pango_layout_get_text (layout);
  double shrink = 0;
  if (squeeze > 0) {
    int spaces = 0;
    for (int i = line->start_index; i < line->start_index + line->length; i++)
      spaces += text[i] == ' ';
    /* a trailing space has no width in a justified line: not counted */
    if (line->length > 0 && text[line->start_index + line->length - 1] == ' ')
      spaces--;
    shrink = spaces > 0 ? squeeze / spaces : 0;
  }
  double pos = x;
  for (GSList *l = line->runs; l; l = l->next) {
    if (colored)
      cairo_save (cr), run_color (cr, l->data);
    pos += draw_run (cr, fonts, text, l->data, pos, y, shrink, colored);
    if (colored)
      cairo_restore (cr);
  }
}

void
render_layout_line (cairo_t *cr, RenderFonts *fonts, PangoLayout *layout, int index,
                    double x, double y, double squeeze)
{
  draw_line (cr, fonts, layout, pango_layout_get_line_readonly (layout, index), x, y,
             squeeze, FALSE);
}

void
render_layout_show (cairo_t *cr, PangoLayout *layout, gpointer fonts)
{
  double x0, y0;
  cairo_get_current_point (cr, &x0, &y0);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    int baseline = pango_layout_iter_get_baseline (iter);
    draw_line (cr, fonts, layout, pango_layout_iter_get_line_readonly (iter),
               x0 + logical.x / (double) PANGO_SCALE, y0 + baseline / (double) PANGO_SCALE,
               0, TRUE);
  } while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
