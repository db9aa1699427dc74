/* render-private.h — shared between the render stage's files. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include "render/render.h"

typedef struct _TagState TagState;

/* ---- subset.c: the faces the pages use, subset by HarfBuzz ------------- */
typedef struct _RenderFonts RenderFonts;
typedef struct hb_map_t hb_map_t;
/* Collects the glyphs every page of ldoc draws and subsets each face once
 * (subset: for a PDF; else each face is opened whole, for images). */
RenderFonts *render_fonts_new (const LayoutDoc *ldoc, gboolean subset);
void render_fonts_free (RenderFonts *fonts);
/* The font to draw run with, and *map its glyph ids (old to new; NULL: as
 * they are); NULL when its face cannot be opened. */
cairo_scaled_font_t *render_fonts_lookup (RenderFonts *fonts, const TextGlyphRun *run,
                                          const hb_map_t **map);
/* The file of the first face (in the order used) HarfBuzz could not
 * subset or FreeType not open once subset, or NULL: for a PDF only. */
const char *render_fonts_damaged (RenderFonts *fonts);
/* Adds each font file the pages draw from to out (of g_free'd char*), once,
 * in the order first used. */
void render_fonts_files (RenderFonts *fonts, GPtrArray *out);

/* ---- line.c: a GLYPHS fragment drawn, its text fit for copying ------------ */
void render_glyph_line (cairo_t *cr, RenderFonts *fonts, const LayoutFrag *f);

/* ---- play.c: a page's display list drawn on any cairo surface ------------- */
/* Draws page onto cr (PDF, image or SVG surface); with ts (PDF only), each
 * fragment in its structure element. */
void render_page_play (cairo_t *cr, RenderFonts *fonts, const LayoutPage *page, TagState *ts);

/* ---- tags.c: the structure tree, drawn along with the pages ------------- */
struct _TagState {
  const LayoutDoc *ldoc;
  GArray *open;               /* of int: groups open, outermost first */
  int leaf;                   /* the leaf element open, -1 none */
  GPtrArray *elems;           /* every element begun, in order: its LayoutTag* or NULL */
  int n_begun;
};

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
