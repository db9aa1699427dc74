/* layout-private.h — the layout stage's inner types: rows, tracks, units.
 *
 * A unit holds one track per column it occupies (two in parallel layout,
 * one otherwise); a track is a vertical list of rows; a row is atomic (one
 * line of text, one row of tiles, a chart) and holds fragments relative to
 * its own top left. Page breaking works on rows only, so splitting a unit
 * at line boundaries, widows and orphans need no knowledge of what a row
 * shows. */
#pragma once

#include "layout/layout.h"
#include "para/para.h"
#include "text/text.h"

typedef struct {
  double height;
  GPtrArray *frags;           /* of LayoutFrag*, relative to (track x, row top) */
  int para;                   /* paragraph id; 0 = not part of a paragraph */
  int line, n_lines;          /* the row's line in its paragraph */
  int widows, orphans;        /* of that paragraph */
  gboolean keep_with_next;    /* never break after this row */
  gboolean spacer;            /* vertical space only: dropped at a page top */
  gboolean hyphenated;        /* a line that ends in a broken word */
  int lang;                   /* index of its language in the part, -1: neutral */
} Row;

typedef struct {
  GPtrArray *rows;            /* of Row* */
} Track;

/* A style's break value as a Unit's forced break: 0, or PAGE, LEFT, RIGHT. */
#define FORCED_BREAK(b) (STYLE_BREAK_IS_PAGE (b) ? (int) (b) : 0)

typedef struct {
  GPtrArray *tracks;          /* of Track* (NULL entries never) */
  gboolean neutral;           /* spans the whole text area */
  gboolean keep_with_next;    /* a heading: keep with the next unit */
  int break_before_page;      /* 0, or the StyleBreak of a forced break (PAGE, LEFT, RIGHT) */
  int break_after_page;
  const char *page_name;      /* CSS `page` of its element (interned: styles are freed), NULL: none */
  gboolean own_tracks;        /* laid out for a named page of another width: */
  double track_x[2];          /* its tracks' offsets, not the part's */
  gboolean avoid_break_inside;
  double space_before, space_after;
  int outline_level;          /* 0: no outline entry */
  char *outline_title;
  char *string_name, *string_value;   /* string-set */
  char *anchor;               /* a destination name for links and contents */
  const char *role;           /* its structure element: "P", "H1", "LI", "Figure"… */
  int group;                  /* the structure group it stands in */
  char *alt;                  /* Figure: alternative text */
  int line, column;           /* where the unit's element stands */
} Unit;

/* The arrangement of one part of the document: which languages, in which
 * tracks. Parallel: two tracks, one language each. Interleaved: one track,
 * both languages stacked. Sequential: one track, one language. */
typedef struct {
  const char *langs[2];
  int n_langs;
  int n_tracks;
  double track_x[2];          /* offset from the text area's left edge */
  double track_w[2];
  int track_lang[2][2];        /* indices into langs, stacked in each track */
  int track_n_langs[2];
} Part;

typedef struct {
  const ModelDoc *doc;        /* the dossier being laid out (one of a pack's) */
  const char *file;           /* its file, for messages */
  const char *anchor_prefix;  /* "" or "d2-" in a pack: destination names stay unique */
  int outline_base;           /* outline level of the cover (0: none); sections go below it */
  GHashTable *anchors;        /* destination → page, of this pass */
  const StyleSheet *sheet;
  PangoContext *pctx;
  DiagList *diags;
  gboolean page_limit_hit;      /* --max-pages reached: pagination stops */
  double units_height;          /* of units[0..units_measured), for the estimate */
  guint units_measured;
  double page_area;             /* text height of a page; 0 until known */
  LayoutDoc *out;
  StyleLayout arrangement;
  double column_gap;
  Part part;
  double text_width;          /* the text area's width */
  int para_counter;
  int loc_line, loc_column;   /* the element being laid out: where messages point */
  int group;                  /* the structure group units are created in (-1: document) */
  int section_level;          /* of the section being laid out */
  GPtrArray *units;           /* of Unit*, of the part being built, not yet placed */
  struct Flow *flow;          /* the pagination of that part (paginate.c) */
  /* string-set state while paginating */
  GHashTable *strings_now;    /* name → value (owned) */
  GPtrArray *page_strings;    /* per page: GHashTable name → value */
  GHashTable *page_assigned;  /* names assigned on the current page */
  GPtrArray *styles;          /* of StyleComputed*, computed while building units */
} Ctx;

/* ---- rows.c --------------------------------------------------------------- */
Row *row_new (double height);
void row_free (gpointer row);
Track *track_new (void);
void track_free (gpointer track);
double track_height (const Track *t);
Unit *unit_new (void);
void unit_free (gpointer unit);
double unit_height (const Unit *u);
/* paginate.c: whether the pages made and the units not yet paginated
 * certainly pass --max-pages (reported once; then nothing more is laid out).
 * Units must not be taller than placed, so the estimate is a lower bound. */
gboolean layout_pages_over_limit (Ctx *ctx);
LayoutFrag *frag_new (LayoutFragKind kind);
LayoutFrag *frag_copy (const LayoutFrag *f, double dx, double dy);
void frag_free (gpointer frag);

PangoFontDescription *style_font (const StyleComputed *st);
/* A warning for each run of characters none of st's families has (text_run_check_coverage),
 * at its place in the input; once, however often the text is laid out. */
void check_coverage (Ctx *ctx, const TextRun *run, const StyleComputed *st);
/* ---- paragraph.c: every text of layout set by the paragraph engine ------- */
/* para_set, and what it found reported: each character no font has (an
 * error, once, at its place in the input from ctx->loc_line:loc_column),
 * each one set from a family the style did not name (check_coverage).
 * ctx_para_check: the same for a result of para_set. */
ParaResult *ctx_para_set (Ctx *ctx, const TextRun *run, const StyleComputed *st, double width);
void ctx_para_check (Ctx *ctx, const TextRun *run, const StyleComputed *st,
                     const ParaResult *res);
/* Each character of missing (of gunichar) an error, once, found in the
 * input from line:column (a chart's labels: the chart element's). */
void ctx_report_missing (Ctx *ctx, const GArray *missing, int line, int column);
/* A GLYPHS fragment of line index of res, its row's top at top, x from
 * the box's left. */
LayoutFrag *para_line_frag (const ParaResult *res, guint index, double x, double top,
                            StyleColor color);
/* The lines of res as GLYPHS fragments of row, the first one's top at y;
 * returns their height. */
double row_add_lines (Row *row, const ParaResult *res, double x, double y, StyleColor color);
/* A paragraph of text set by the paragraph engine: a row a line; returns
 * their height. */
double track_add_text (Ctx *ctx, Track *t, const TextRun *run, const StyleComputed *st,
                       double x, double width, gboolean missing, int line, int column);
/* The lines of run as GLYPHS fragments of row, the first row's top at y;
 * returns their height. */
double row_add_para (Ctx *ctx, Row *row, const TextRun *run, const StyleComputed *st,
                     double x, double y, double width, StyleColor color);
/* The first line of run set at width as a GLYPHS fragment, x from the
 * box's left, y its baseline below the line's top (a list marker); NULL
 * for no text. */
LayoutFrag *para_first_line_frag (Ctx *ctx, const TextRun *run, const StyleComputed *st,
                                  double width, StyleColor color);
/* A line of text: a GLYPHS fragment, or the TEXT of a contents number. */
gboolean frag_is_line (const LayoutFrag *f);
void track_add_space (Track *t, double height);
/* The padding and border of st on one side (STYLE_TOP or STYLE_BOTTOM) of a
 * box at x..x+width, as a row. */
void track_add_edge (Track *t, const StyleComputed *st, int side, double x, double width);
/* Border, background of st on rows [from, end) of t, box at x..x+width. */
void track_decorate (Track *t, guint from, const StyleComputed *st, double x, double width);

/* Opens a structure group (Sect, L, TOC) inside the current one; returns
 * the previous, to give back to ctx->group when it ends. */
int ctx_group_begin (Ctx *ctx, const char *role);

/* The styles of an element's parent, per language of the part. */
typedef struct {
  const StyleNode *nodes[2];        /* per language of the part */
  const StyleComputed *styles[2];
} Parent;

/* ---- styles.c ------------------------------------------------------------- */
/* A computed style, alive until ctx_styles_release passes its mark (at the
 * latest the end of layout). Units and fragments never point to one: what
 * must outlive the building of its units takes a ctx_style_keep copy. */
StyleComputed *ctx_style (Ctx *ctx, const StyleNode *node, const StyleComputed *parent);
/* The styles computed so far, and freeing those computed since mark. */
guint ctx_styles_mark (Ctx *ctx);
void ctx_styles_release (Ctx *ctx, guint mark);
/* A copy of st kept until the LayoutDoc is freed (a chart's spec). */
const StyleComputed *ctx_style_keep (Ctx *ctx, const StyleComputed *st);
/* The node and style of element name under parent, per language. */
void ctx_child (Ctx *ctx, const Parent *parent, const char *name, const char *id,
                const char *classes, StyleNode nodes[2], Parent *out);
/* Keeps data until the LayoutDoc is freed (fragments point into it). */
void ctx_keep (Ctx *ctx, gpointer data, GDestroyNotify free_func);

/* ---- units.c / neutral.c ---------------------------------------------------- */
/* Units of a section and its blocks, appended to ctx->units. parents[i] is
 * the style of the enclosing element for the part's i-th language. */

/* The cover: the title block from meta; with outline_level > 0 it is an
 * outline entry (a part of a sequential dossier, a dossier in a pack). */
void units_title (Ctx *ctx, const Parent *root, int outline_level);
/* A pack's cover: its title. */
void units_pack_title (Ctx *ctx, const Parent *root, const ModelText *title);
void units_section (Ctx *ctx, const ModelBlock *section, const Parent *parent);
void units_neutral (Ctx *ctx, const ModelBlock *block, const Parent *parent);

/* ---- toc.c ---------------------------------------------------------------- */
typedef struct {
  int level;
  const ModelText *title;
  char *anchor;
} TocEntry;
/* A table of contents of entries (of TocEntry*), page numbers from the
 * previous pass; nothing when the style says toc { display: none }. */
void units_toc (Ctx *ctx, const Parent *root, GPtrArray *entries);
/* The entries of a dossier: its sections of levels 1 and 2. */
GPtrArray *toc_entries_of_doc (Ctx *ctx);
char *section_anchor (Ctx *ctx, const ModelBlock *section);
/* Sets the page numbers of the contents, once the pages are known. */
void toc_resolve (Ctx *ctx);
const char *words (const char *lang, const char *key);

/* ---- paginate.c ----------------------------------------------------------- */
/* A part's pagination: begin (on a new page, or on the last one), flush
 * as units are built (all but the last one, which waits for the unit a
 * heading must be kept with; all: at the end), end. Placed units are
 * freed, each page made glyph runs once the next begins. */
void paginate_begin (Ctx *ctx, gboolean new_page);
void paginate_flush (Ctx *ctx, gboolean all);
void paginate_end (Ctx *ctx);

/* ---- furniture.c ---------------------------------------------------------- */
void furniture_add (Ctx *ctx);

/* The text area of the part's pages made text_width wide, its tracks with
 * it (units of a named page of another width). */
void part_set_width (Ctx *ctx, double text_width);

/* ---- glyphline.c: the end of layout, chart labels as glyph runs --------- */
/* Each chart's labels of page made GLYPHS fragments after it (and dropped
 * from the chart). */
void layout_page_make_glyphs (LayoutPage *page);
/* layout_page_make_glyphs of every page: the pages become plain data. */
void layout_make_glyphs (LayoutDoc *out);
/* Reports each face the pages draw with whose file is damaged
 * (text_face_check), once, as an error naming the file; gathers the
 * glyphs of each face into out->glyph_faces on the way. */
void layout_check_faces (LayoutDoc *out, DiagList *diags);

/* ---- store.c: the page store ------------------------------------------- */
/* A store whose file goes into dir (NULL: $TMPDIR); where none can be made
 * there, pages stay packed in memory. */
LayoutStore *layout_store_new (const char *dir);
void layout_store_free (LayoutStore *store);
void layout_packed_free (LayoutPacked *packed);
/* A complete page into store: its fragments but those still TEXT (set at
 * the end) written out and freed; page->frags keeps those. */
void layout_page_pack (LayoutStore *store, LayoutPage *page);
/* What was set on a packed page at the end (its page->frags, all glyph
 * runs by now) into store too; nothing while one is still TEXT. */
void layout_page_pack_late (LayoutStore *store, LayoutPage *page);
/* The whole list back in page->frags and the page no longer packed, for a
 * pass that changes every fragment; FALSE with error (G_FILE_ERROR). */
gboolean layout_page_unpack (LayoutPage *page, GError **error);

/* bleed.c: the pages' backgrounds; with a bleed or marks, pages set in a
 * larger sheet (LayoutDoc.trim_inset). Last: it moves every fragment. */
void bleed_apply (Ctx *ctx);
