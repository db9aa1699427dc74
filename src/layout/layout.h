/* layout.h — from the model and a style sheet to positioned pages.
 *
 * layout_run() turns the document into a flow of units (one per heading,
 * paragraph, list item, quote, session… with one box per language, or one
 * language-neutral box for charts, tiles and tables), arranges the
 * variants after the style's `layout` (parallel, sequential, interleaved)
 * and breaks the flow into pages. The result is plain data: fragments with
 * page coordinates, which render draws and tests can inspect. Layout knows
 * no file names and no PDF. */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "common/diag.h"
#include "model/model.h"
#include "style/style.h"
#include "chart/chart.h"
#include "text/text.h"

G_BEGIN_DECLS

typedef enum {
  LAYOUT_FRAG_GLYPHS,   /* a line of set text: glyph runs from (x, y) on the baseline */
  LAYOUT_FRAG_TEXT,     /* while laying out only: a contents number, set GLYPHS once pages are known */
  LAYOUT_FRAG_RECT,     /* a filled rectangle */
  LAYOUT_FRAG_RULE,     /* a stroked line from (x, y) to (x + w, y + h) */
  LAYOUT_FRAG_CHART,    /* a chart drawn into its box */
  LAYOUT_FRAG_LINK,     /* a clickable area leading to uri, or to dest in the document */
  LAYOUT_FRAG_DEST,     /* a named destination (dest) at (x, y) */
} LayoutFragKind;

/* Coordinates in pt, origin at the page's top left, y downwards. */
typedef struct {
  LayoutFragKind kind;
  double x, y, w, h;
  StyleColor color;            /* RECT fill, RULE stroke, TEXT default colour */
  double line_width;           /* RULE */
  /* TEXT: the style (owned by the LayoutDoc) and language to set it in */
  const StyleComputed *text_style;
  const char *text_lang;       /* interned */
  int line;                    /* GLYPHS: index of the line in its paragraph */
  /* GLYPHS: the runs (of TextGlyphRun*, shared by copies), and what the line
   * is for tests and checks: its paragraph's text (shared by its lines),
   * the paragraph's line count, the baseline below the line's top, whether
   * a break added a hyphen at its end, whether it is spread to its column */
  GPtrArray *runs;
  GRefString *para;
  int n_lines;
  double ascent;
  gboolean hyphenated, justified;
  double ratio;                /* GLYPHS: its adjustment ratio (paragraph engine; dumps) */
  const char *break_kind;      /* GLYPHS: how it ends (paragraph engine; dumps), NULL: a chart label */
  const ChartSpec *chart;      /* CHART, while laying out: owned by the LayoutDoc */
  /* CHART: its shapes as laid out (owned by the LayoutDoc); its labels are
   * the GLYPHS fragments that follow it */
  const ChartLayout *chart_layout;
  char *uri;                   /* LINK to outside */
  char *dest;                  /* LINK inside the document, DEST: its name */
  gboolean dotted;             /* RULE: a dotted line (leaders) */
  int tag;                     /* the structure element it belongs to (LayoutDoc.tags), -1 none */
  /* while laying out: a fragment in a structure group of its own (a table
   * cell TD, a list item LI) becomes an element of role (NULL: P) in that
   * group, in the part's language lang_index */
  int group, lang_index;
  const char *role;
} LayoutFrag;

/* The logical structure, for a tagged PDF: groups (sections, lists, the
 * contents) nest; each tag is a leaf element (a paragraph, a heading, a
 * list item, a figure…) in one language, holding the fragments of one
 * unit's variant on one page. In reading order. */
typedef struct {
  const char *role;            /* "Sect", "L", "TOC" */
  int parent;                  /* index into groups, -1: the document */
} LayoutGroup;

typedef struct {
  const char *role;            /* "P", "H1".."H3", "LI", "Quote", "Figure", "Table", "Div", "TOCI" */
  int group;                   /* innermost group, -1: the document */
  char *lang;                  /* NULL: no language of its own (the document's) */
  char *alt;                   /* Figure: alternative text */
} LayoutTag;

/* The page store (store.c): where a complete page's display list waits,
 * out of the heap, until it is drawn; a packed page's place in it. */
typedef struct _LayoutStore LayoutStore;
typedef struct _LayoutPacked LayoutPacked;

typedef struct {
  double width, height;        /* pt */
  int number;                  /* 1-based */
  /* the first page of a part: the cover of a dossier, of each language's
   * part in the sequential arrangement, of each dossier in a pack; it
   * takes @page :first */
  gboolean first;
  gboolean blank;              /* left empty so that the next starts on its side: @page :blank */
  char *name;                  /* its page name (CSS `page`), NULL: none; @page NAME */
  /* of LayoutFrag*: while the page is laid out, its fragments. Once it is
   * complete it is packed (every page layout_run gives back is): its
   * display list is in the page store and frags holds only what was set
   * after (contents numbers, running heads). Read a page's fragments with
   * layout_page_frags(). */
  GPtrArray *frags;
  LayoutPacked *packed;        /* NULL: frags is the whole list */
} LayoutPage;

typedef struct {
  int level;                   /* 1.. */
  char *title;                 /* UTF-8, both languages where there are two */
  int page;                    /* 1-based */
  double y;                    /* top of the heading on its page */
  char *dest;                  /* the heading's destination name */
} LayoutOutline;

typedef struct hb_set_t hb_set_t;
typedef struct {
  const TextFace *face;
  hb_set_t *glyphs;            /* old ids */
} LayoutFaceGlyphs;

typedef struct {
  GPtrArray *pages;            /* of LayoutPage* */
  GPtrArray *outline;          /* of LayoutOutline*, in document order */
  char *title, *author, *subject, *keywords;   /* PDF metadata, may be NULL */
  char *date;                  /* the event's ISO date, may be NULL */
  PangoContext *context;       /* the context charts are drawn with */
  char *lang;                  /* the document's primary language */
  GArray *groups;              /* of LayoutGroup */
  GPtrArray *tags;             /* of LayoutTag* */
  /* print production (bleed.c): every page is set trim_inset pt inside a
   * larger sheet (page width and height are the sheet's; 0: none), its
   * edge backgrounds run bleed pt past the trim, marks (StylePageMarks)
   * are drawn outside the bleed */
  double trim_inset, bleed;
  guint marks;
  /* what fragments point into (styles, chart specs) */
  GPtrArray *keep;
  LayoutStore *store;          /* the pages' display lists */
  /* each face the pages draw with, in the order first used, and the ids
   * of the glyphs they draw of it: what the renderer cuts the fonts to,
   * gathered once as layout checks the faces (no second reading of the
   * pages); NULL when not gathered */
  GPtrArray *glyph_faces;      /* of LayoutFaceGlyphs* */
} LayoutDoc;

/* Lays out doc with sheet, its text shaped with fonts from font_map (a
 * PangoCairo font map). Problems a user can fix (a line wider than its
 * column, a unit taller than a page) go to diags with the input's place. */
LayoutDoc *layout_run (const ModelDoc *doc, const StyleSheet *sheet,
                       PangoFontMap *font_map, DiagList *diags);
/* A briefing pack: a pack cover and contents, then each dossier with its
 * own cover, contents and outline subtree, all with sheet. */
LayoutDoc *layout_run_pack (const ModelPack *pack, const StyleSheet *sheet,
                            PangoFontMap *font_map, DiagList *diags);
void layout_doc_free (LayoutDoc *ldoc);

/* The fragments of page, in drawing order: its display list read back
 * from the page store. A new array of new fragments (g_ptr_array_unref),
 * or NULL with error when the store cannot be read (G_FILE_ERROR). */
GPtrArray *layout_page_frags (const LayoutPage *page, GError **error);
/* Calls fn on each glyph run of page's GLYPHS fragments, in drawing
 * order, without making the fragments: what the face check and the
 * subsetter read (face, size, glyphs; text and clusters may be NULL, and
 * the run is valid only during the call). FALSE with error as above. */
typedef void (*LayoutRunFunc) (const TextGlyphRun *run, gpointer data);
gboolean layout_page_foreach_run (const LayoutPage *page, LayoutRunFunc fn, gpointer data,
                                  GError **error);

/* Text of all GLYPHS fragments of a page, line by line, in the order
 * placed: for tests and debugging. */
char *layout_page_dump (const LayoutPage *page);
/* The text of a GLYPHS fragment as a reader copies it: its runs' text. */
char *layout_frag_text (const LayoutFrag *f);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayoutDoc, layout_doc_free)

G_END_DECLS
