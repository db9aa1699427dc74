/* render-private.h — shared between the render stage's files. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include "render/render.h"

typedef struct _TagState TagState;

/* ---- subset.c: the faces the pages use, subset by HarfBuzz ------------- */
typedef struct _RenderFonts RenderFonts;
typedef struct hb_map_t hb_map_t;
/* For a PDF (subset): collects the glyphs every page of ldoc draws and
 * subsets each face once; NULL with error when a page cannot be read back
 * from the page store. For images: each face is opened whole as a page
 * first draws with it. */
RenderFonts *render_fonts_new (const LayoutDoc *ldoc, gboolean subset, GError **error);
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

/* ---- warm.c: the glyphs loaded into cairo's caches by a second thread --- */
typedef struct _RenderWarm RenderWarm;
/* Asks cairo, in a thread of its own, for what drawing ldoc's pages on cr
 * (a PDF context) will ask of each glyph, the last pages first; NULL on
 * one processor. Call before the first page is drawn. */
RenderWarm *render_warm_start (cairo_t *cr, RenderFonts *fonts, const LayoutDoc *ldoc);
/* Stops the thread once the pages are drawn, and frees w (NULL: nothing). */
void render_warm_join (RenderWarm *w);

/* ---- play.c: a page's display list drawn on any cairo surface ------------- */
/* Draws page onto cr (PDF, image or SVG surface); with ts (PDF only), each
 * fragment in its structure element. FALSE with error when the page
 * cannot be read back from the page store (layout_page_frags). */
gboolean render_page_play (cairo_t *cr, RenderFonts *fonts, const LayoutPage *page,
                           TagState *ts, GError **error);

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

/* ---- marks.c: printer's marks ------------------------------------------ */
/* Crop marks and registration crosses (marks: StylePageMarks) on a w × h
 * sheet whose trim is in pt inside its edges, outside the bleed. */
void render_marks_draw (cairo_t *cr, double w, double h, double in, double bleed, guint marks);

/* ---- finish.c: what cairo cannot write, as an incremental update ------- */
typedef struct {
  const char *primary;        /* the document's language: /Lang of the catalog */
  const GPtrArray *elems;     /* every element begun, in order (TagState) */
  double trim_inset;          /* pt from the MediaBox's edges to the trim; 0: no boxes */
  double bleed;               /* pt the BleedBox reaches past the trim */
} RenderFinish;
/* Writes pdf (cairo's bytes) to fd, finished (compact.c: dictionaries in
 * object streams): /Lang on the catalog and on each element of elems
 * whose language differs, /Alt on figures, "D:" before the dates, TrimBox
 * and BleedBox on every page; deterministic. FALSE with error when the
 * file or its tree is not what cairo writes and tags.c drew, or the write
 * fails. */
gboolean render_pdf_finish (const guint8 *pdf, gsize len, const RenderFinish *finish, int fd,
                            GError **error);

/* ---- compact.c: the finished file, its dictionaries in object streams --- */
typedef struct _PdfScan PdfScan;
/* Writes cairo's objects (pdf, as scan read it) to fd: streams as they are,
 * every other object, or its replacement (replaced: num → GBytes of the new
 * value), packed into compressed object streams, with an xref stream;
 * deterministic. */
gboolean render_pdf_compact (const PdfScan *scan, GHashTable *replaced, int fd, GError **error);

/* ---- pdfscan.c: a reader for cairo's own output ------------------------- */
typedef struct _PdfScan PdfScan;
typedef enum { PV_NULL, PV_BOOL, PV_NUM, PV_REF, PV_NAME, PV_STRING, PV_ARRAY, PV_DICT } PdfKind;
typedef struct {
  PdfKind kind;
  gsize start, end;           /* its bytes: [start, end) */
  double num;                 /* PV_NUM */
  int ref;                    /* PV_REF: the object number */
} PdfVal;
/* The xref table and trailer of pdf; NULL with error when they are not as
 * cairo 1.16 writes them. pdf must outlive the scan. */
PdfScan *pdf_scan_new (const guint8 *pdf, gsize len, GError **error);
void pdf_scan_free (PdfScan *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfScan, pdf_scan_free)
int pdf_scan_size (const PdfScan *s);
int pdf_scan_root (const PdfScan *s);
int pdf_scan_info (const PdfScan *s);      /* 0: none */
gsize pdf_scan_xref (const PdfScan *s);    /* the offset startxref gives */
const guint8 *pdf_scan_bytes (const PdfScan *s);
/* Object num, which must be a dictionary without a stream. */
gboolean pdf_scan_object (const PdfScan *s, int num, PdfVal *dict, GError **error);
/* Where object num stands: a stream object whole ("N 0 obj" to "endobj"),
 * any other its value only; present FALSE for a free entry. */
typedef struct {
  gboolean present, stream;
  gsize start, end;
} PdfSpan;
gboolean pdf_scan_span (const PdfScan *s, int num, PdfSpan *span, GError **error);
/* The offset of the first object: what comes before is the header. */
gsize pdf_scan_first_offset (const PdfScan *s);
gboolean pdf_dict_get (const PdfScan *s, const PdfVal *dict, const char *key, PdfVal *out);
/* The items of an array (an empty array for anything else). */
GArray *pdf_array_items (const PdfScan *s, const PdfVal *array);
gboolean pdf_val_is_name (const PdfScan *s, const PdfVal *v, const char *name);

/* ---- output.c: replacing the output atomically -------------------------- */
typedef struct _RenderOutput RenderOutput;
/* An unnamed temporary file beside the file path names (its links followed). */
RenderOutput *render_output_open (const char *path, GError **error);
int render_output_fd (const RenderOutput *out);
/* Makes the finished file the target: mode kept, fsync'ed, renamed over it. */
gboolean render_output_commit (RenderOutput *out, const char *path, GError **error);
/* Writes all of data to fd; a full disk or quota is RENDER_ERROR_TEMPFAIL. */
gboolean render_write_all (int fd, const guint8 *data, gsize len, GError **error);
/* Closes out; an uncommitted file disappears. */
void render_output_free (RenderOutput *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderOutput, render_output_free)
