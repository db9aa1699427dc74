/* play.c — the player: a page's display list drawn onto a cairo context.
 *
 * One player for every device: cairo's PDF surface for the PDF (with the
 * structure tags, links and destinations), its image surface for PNG and
 * its SVG surface for SVG, so the devices agree by construction. A page is
 * plain data made by layout (fragments: glyph lines, rectangles, rules,
 * charts' shapes, links, destinations); nothing here reads the model,
 * the style sheet or Pango. */
#include <cairo-pdf.h>
#include "render/render-private.h"

static void
set_color (cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* A value for cairo's tag attributes: quotes and backslashes escaped, and
 * anything outside printable ASCII percent-encoded, as cairo asks. */
static char *
uri_attr (const char *uri)
{
  g_autofree char *escaped = g_uri_escape_string (uri, "!#$&()*+,/:;=?@[]~%-._", FALSE);
  GString *s = g_string_new (NULL);
  for (const char *p = escaped; *p; p++) {
    if (*p == '\'' || *p == '\\')
      g_string_append_c (s, '\\');
    g_string_append_c (s, *p);
  }
  return g_string_free (s, FALSE);
}

static void
draw_frag (cairo_t *cr, RenderFonts *fonts, const LayoutFrag *f, gboolean tagged)
{
  switch (f->kind) {
  case LAYOUT_FRAG_GLYPHS:
    set_color (cr, f->color);
    render_glyph_line (cr, fonts, f);
    break;
  case LAYOUT_FRAG_TEXT:
    g_warn_if_reached ();   /* layout makes every line GLYPHS */
    break;
  case LAYOUT_FRAG_RECT:
    set_color (cr, f->color);
    cairo_rectangle (cr, f->x, f->y, f->w, f->h);
    cairo_fill (cr);
    break;
  case LAYOUT_FRAG_RULE:
    set_color (cr, f->color);
    cairo_set_line_width (cr, f->line_width);
    if (f->dotted) {
      /* round dots, a dot's width apart: leaders in a table of contents */
      double dash[2] = { 0, f->line_width * 4 };
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
    }
    cairo_move_to (cr, f->x, f->y);
    cairo_line_to (cr, f->x + f->w, f->y + f->h);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    break;
  case LAYOUT_FRAG_CHART:
    /* its shapes; its labels are the GLYPHS fragments after it */
    if (f->chart_layout)
      chart_layout_draw_shapes (f->chart_layout, cr, f->x, f->y, f->w, f->h);
    break;
  case LAYOUT_FRAG_LINK: {
    if (!tagged)
      break;   /* a link is the PDF's: no image shows one */
    g_autofree char *uri = f->dest ? NULL : uri_attr (f->uri);
    g_autofree char *target = f->dest ? g_strdup_printf ("dest='%s'", f->dest)
                                      : g_strdup_printf ("uri='%s'", uri);
    g_autofree char *attrs = g_strdup_printf ("%s rect=[%.2f %.2f %.2f %.2f]", target,
                                              f->x, f->y, f->w, f->h);
    cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end (cr, CAIRO_TAG_LINK);
    break;
  }
  case LAYOUT_FRAG_DEST: {
    if (!tagged)
      break;
    g_autofree char *attrs = g_strdup_printf ("name='%s' x=%.2f y=%.2f", f->dest, f->x,
                                              MAX (f->y - 6, 0));
    cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end (cr, CAIRO_TAG_DEST);
    break;
  }
  }
}

gboolean
render_page_play (cairo_t *cr, RenderFonts *fonts, const LayoutPage *page, TagState *ts,
                  GError **error)
{
  /* read back from the page store for as long as it is drawn */
  g_autoptr (GPtrArray) frags = layout_page_frags (page, error);
  if (!frags)
    return FALSE;
  for (guint i = 0; i < frags->len; i++) {
    const LayoutFrag *f = g_ptr_array_index (frags, i);
    if (ts) {
      if (f->kind != LAYOUT_FRAG_DEST)   /* a destination is no content */
        tag_switch (ts, cr, f->tag);
      if (f->kind == LAYOUT_FRAG_LINK)
        tag_link_begun (ts);
    }
    draw_frag (cr, fonts, f, ts != NULL);
  }
  return TRUE;
}
