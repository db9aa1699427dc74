/* render-private.h — shared between the render stage's files. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include "render/render.h"

/* ---- subset.c: the faces the pages use, subset by HarfBuzz ------------- */
typedef struct _RenderFonts RenderFonts;
typedef struct hb_map_t hb_map_t;
/* Collects the glyphs every page of ldoc draws and subsets each face once. */
RenderFonts *render_fonts_new (const LayoutDoc *ldoc);
void render_fonts_free (RenderFonts *fonts);
/* Adds each font file the pages draw from to out (of g_free'd char*), once,
 * in the order first used: subset or drawn as is. */
void render_fonts_files (RenderFonts *fonts, GPtrArray *out);
/* The subset of font's face at sf's size and options, *map its glyph ids
 * (old to new); NULL when font is to be drawn as is. */
cairo_scaled_font_t *render_fonts_lookup (RenderFonts *fonts, PangoFont *font,
                                          cairo_scaled_font_t *sf, const hb_map_t **map);

/* Draws line index of layout with its baseline starting at (x, y), the
 * text behind it fit for copying and searching (line.c), with the subset
 * faces of fonts (NULL: Pango's faces). */
/* squeeze: pt taken out of the line's spaces, evenly. */
void render_layout_line (cairo_t *cr, RenderFonts *fonts, PangoLayout *layout, int index,
                         double x, double y, double squeeze);
/* Draws a whole layout at the current point, as pango_cairo_show_layout
 * does (colours of the text included): a chart's labels. data: RenderFonts. */
void render_layout_show (cairo_t *cr, PangoLayout *layout, gpointer fonts);

/* ---- tags.c: the structure tree, drawn along with the pages ------------- */
typedef struct {
  const LayoutDoc *ldoc;
  GArray *open;               /* of int: groups open, outermost first */
  int leaf;                   /* the leaf element open, -1 none */
  GPtrArray *elems;           /* every element begun, in order: its LayoutTag* or NULL */
  int n_begun;
} TagState;

void tag_state_init (TagState *ts, const LayoutDoc *ldoc);
void tag_state_clear (TagState *ts);
void tag_document_begin (TagState *ts, cairo_t *cr);
void tag_document_end (TagState *ts, cairo_t *cr);
/* Makes tag (an index into ldoc->tags, or -1) the element open. */
void tag_switch (TagState *ts, cairo_t *cr, int tag);
void tag_leaf_end (TagState *ts, cairo_t *cr);
void tag_link_begun (TagState *ts);

/* ---- qpdf.c: what cairo cannot write ------------------------------------ */
/* Rewrites pdf (bytes) to fd with /Lang on the catalog (primary) and on
 * each element of elems (in the order begun) whose language differs, /Alt
 * on figures; deterministic. FALSE with error when qpdf fails or the tree
 * does not match elems. */
gboolean render_pdf_finish_tags (const guint8 *pdf, gsize len, const char *primary,
                                 const GPtrArray *elems, int fd, GError **error);

/* ---- output.c: replacing the output atomically -------------------------- */
typedef struct _RenderOutput RenderOutput;
/* An unnamed temporary file beside the file path names (its links followed). */
RenderOutput *render_output_open (const char *path, GError **error);
int render_output_fd (const RenderOutput *out);
/* Makes the finished file the target: mode kept, fsync'ed, renamed over it. */
gboolean render_output_commit (RenderOutput *out, const char *path, GError **error);
/* Closes out; an uncommitted file disappears. */
void render_output_free (RenderOutput *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderOutput, render_output_free)
