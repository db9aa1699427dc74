/* line.c — a line of glyph runs drawn, with the text a reader copies or
 * searches.
 *
 * Each run is drawn with cairo_show_text_glyphs(): its glyphs at the
 * positions layout set, in the subset of its face (subset.c), and its
 * clusters tying them to the text layout made for copying (no soft
 * hyphens, no joiners: the paragraph engine, src/para, and for chart
 * labels layout/glyphline.c). Underlines (links) are drawn
 * here too. The same code draws on every surface: PDF, PNG, SVG. */
#include <hb.h>
#include "render/render-private.h"

static void
draw_run (cairo_t *cr, RenderFonts *fonts, const TextGlyphRun *run, double x, double y)
{
  const hb_map_t *map = NULL;
  cairo_scaled_font_t *sf = render_fonts_lookup (fonts, run, &map);
  if (run->has_color) {
    cairo_save (cr);
    cairo_set_source_rgba (cr, run->color.r, run->color.g, run->color.b, run->color.a);
  }
  if (sf && run->n_glyphs > 0) {
    cairo_glyph_t *glyphs = g_new (cairo_glyph_t, run->n_glyphs);
    for (int i = 0; i < run->n_glyphs; i++) {
      hb_codepoint_t id = run->glyphs[i].id;
      glyphs[i].index = map ? hb_map_get (map, id) : id;
      glyphs[i].x = x + run->x + run->glyphs[i].x;
      glyphs[i].y = y + run->glyphs[i].y;
    }
    cairo_set_scaled_font (cr, sf);
    if (run->n_clusters > 0) {
      TextCluster *tc = g_new (TextCluster, run->n_clusters);
      text_glyph_run_clusters (run, tc);
      cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, run->n_clusters);
      for (int c = 0; c < run->n_clusters; c++)
        clusters[c] = (cairo_text_cluster_t) { tc[c].n_bytes, tc[c].n_glyphs };
      g_free (tc);
      cairo_show_text_glyphs (cr, run->text, -1, glyphs, run->n_glyphs, clusters,
                              run->n_clusters,
                              run->backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
      g_free (clusters);
    } else {
      cairo_show_glyphs (cr, glyphs, run->n_glyphs);
    }
    g_free (glyphs);
  }
  if (run->underline_thickness > 0) {
    cairo_rectangle (cr, x + run->x, y + run->underline_position, run->width,
                     run->underline_thickness);
    cairo_fill (cr);
  }
  if (run->has_color)
    cairo_restore (cr);
}

void
render_glyph_line (cairo_t *cr, RenderFonts *fonts, const LayoutFrag *f)
{
  for (guint r = 0; r < f->runs->len; r++)
    draw_run (cr, fonts, g_ptr_array_index (f->runs, r), f->x, f->y);
}
