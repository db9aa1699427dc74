/* style.h — style sheets: CSS syntax, CSS meaning, dossier's properties.
 *
 * style_sheet_load() reads a style file (and its @imports), checks it whole
 * and reports every problem to the DiagList as file:line:column. The sheet
 * is read-only afterwards. style_compute() gives the computed style of one
 * element of the input (name, id, classes, language, parent chain), with
 * specificity, source order, inheritance and var() resolved.
 *
 * The style stage knows nothing of the model: callers describe the element
 * with a StyleNode. */
#pragma once

#include <glib.h>
#include "common/diag.h"

G_BEGIN_DECLS

typedef struct _StyleSheet StyleSheet;

typedef struct { double r, g, b, a; } StyleColor;     /* 0..1 each */

typedef enum { STYLE_ALIGN_LEFT, STYLE_ALIGN_RIGHT, STYLE_ALIGN_CENTER,
               STYLE_ALIGN_JUSTIFY } StyleTextAlign;
typedef enum { STYLE_HYPHENS_MANUAL, STYLE_HYPHENS_NONE, STYLE_HYPHENS_AUTO } StyleHyphens;
/* LEFT and RIGHT are page breaks too, followed by a blank page when the
 * next page would be on the other side (verso: left, recto: right) */
typedef enum { STYLE_BREAK_AUTO, STYLE_BREAK_AVOID, STYLE_BREAK_PAGE, STYLE_BREAK_LEFT,
               STYLE_BREAK_RIGHT } StyleBreak;
#define STYLE_BREAK_IS_PAGE(b) ((b) >= STYLE_BREAK_PAGE)
typedef enum { STYLE_LAYOUT_PARALLEL, STYLE_LAYOUT_SEQUENTIAL,
               STYLE_LAYOUT_INTERLEAVED } StyleLayout;
typedef enum { STYLE_LABELS_STACKED, STYLE_LABELS_SIDE_BY_SIDE } StyleChartLabels;
typedef enum { STYLE_LEGEND_TOP, STYLE_LEGEND_BOTTOM, STYLE_LEGEND_RIGHT,
               STYLE_LEGEND_NONE } StyleLegend;
typedef enum { STYLE_BORDER_NONE, STYLE_BORDER_SOLID, STYLE_BORDER_DASHED,
               STYLE_BORDER_DOTTED } StyleBorderStyle;

enum { STYLE_TOP, STYLE_RIGHT, STYLE_BOTTOM, STYLE_LEFT };   /* box side index */

#define STYLE_MAX_PALETTE 12

/* Every length is in PostScript points (1/72 in), already resolved
 * (em against the element's font size, % as CSS says for the property). */
typedef struct {
  /* text (inherited) */
  char *font_family;          /* a Pango family list: "Noto Serif, Noto Serif CJK SC" */
  double font_size;           /* pt */
  int font_weight;            /* 100..900 */
  gboolean font_italic;
  double line_height;         /* pt: the distance between baselines */
  StyleColor color;
  StyleTextAlign text_align;
  double text_indent;
  double letter_spacing;
  StyleHyphens hyphens;
  int hyphenate_limit[3];      /* hyphenate-limit-chars: word, before, after (letters) */
  int widows, orphans;
  StyleColor missing_color;   /* colour of a variant shown in place of a missing one */

  /* box (not inherited) */
  gboolean display_none;      /* display: none */
  double margin[4];
  double padding[4];
  double border_width[4];     /* 0 when border-style is none */
  StyleColor border_color[4];
  StyleColor background_color; /* a == 0: none */
  StyleBreak break_before, break_after, break_inside;

  /* dossier's own */
  StyleLayout layout;         /* on dossier (inherited) */
  double column_gap;          /* inherited */
  int tile_columns;           /* facts */
  StyleColor palette[STYLE_MAX_PALETTE];   /* charts, tiles (inherited) */
  int n_palette;
  double height;              /* chart: plot height in pt; 0 = from aspect-ratio */
  double aspect_ratio;        /* chart: width / height when height is 0 */
  StyleColor axis_color, grid_color;       /* chart */
  double axis_width, grid_width;           /* chart */
  double label_font_size;     /* chart and tile labels, pt */
  StyleChartLabels chart_labels;           /* both languages: stacked | side-by-side */
  StyleLegend legend;
  char *string_set;           /* string-set: NAME content() → NAME, else NULL */
  char *page;                 /* page: the page name, NULL for auto (none) */

  /* added by the style stage (after the fields above, which keep their places) */
  StyleBorderStyle border_style[4];        /* STYLE_BORDER_NONE ⇒ border_width 0 */
  double line_height_number;  /* > 0: line-height was a number (or normal = 1.2):
                                 line_height = this × font_size, and children
                                 inherit the number, as CSS says */
  GHashTable *custom;         /* private: custom properties (--x), inherited;
                                 shared and read-only, never change it */
} StyleComputed;

/* Describes one element for matching. Strings may be NULL. */
typedef struct _StyleNode StyleNode;
struct _StyleNode {
  const char *name;           /* element name of the input format, e.g. "p" */
  const char *id;
  const char *classes;        /* space-separated */
  const char *lang;           /* language of the content; matched by :lang() */
  const StyleNode *parent;    /* NULL for the root (dossier) */
};

/* ---- @page ---------------------------------------------------------------- */

typedef enum {
  STYLE_CONTENT_STRING,       /* text */
  STYLE_CONTENT_COUNTER_PAGE,
  STYLE_CONTENT_COUNTER_PAGES,
  STYLE_CONTENT_NAMED_STRING, /* text = name given to string() */
} StyleContentKind;

typedef struct {
  StyleContentKind kind;
  char *text;
} StyleContentItem;

typedef enum {
  STYLE_MARGIN_TOP_LEFT, STYLE_MARGIN_TOP_CENTER, STYLE_MARGIN_TOP_RIGHT,
  STYLE_MARGIN_BOTTOM_LEFT, STYLE_MARGIN_BOTTOM_CENTER, STYLE_MARGIN_BOTTOM_RIGHT,
  STYLE_N_MARGIN_BOXES
} StyleMarginBox;

typedef struct {
  GPtrArray *content;         /* of StyleContentItem*; NULL or empty = none */
  StyleComputed *style;       /* font, colour, alignment of the box */
} StyleMarginBoxStyle;

/* @page's marks: crop marks, registration crosses (a set). */
typedef enum {
  STYLE_MARKS_CROP = 1 << 0,
  STYLE_MARKS_CROSS = 1 << 1,
} StylePageMarks;

typedef struct {
  double width, height;       /* pt: the trim size */
  double margin[4];           /* pt */
  double bleed;               /* pt the page's background runs past the trim */
  guint marks;                /* StylePageMarks */
  StyleColor background;      /* the page's background-color (a cover colour) */
  StyleMarginBoxStyle boxes[STYLE_N_MARGIN_BOXES];
} StylePage;

/* ---- API ------------------------------------------------------------------ */

/* Loads path and its @imports. Returns NULL only if the file itself cannot
 * be read (reported to diags); otherwise a sheet, with every problem found
 * reported to diags (unknown property, bad value, unknown selector part,
 * unreadable @import …; "did you mean" where a known name is close). */
StyleSheet *style_sheet_load (const char *path, DiagList *diags);

/* Where a style's @imports may reach. A style an input names (style="") is
 * confined: an @import outside folders is an error. A style the user gives
 * (-s) is the user's own: leaving its folder is a warning that names it. */
typedef struct {
  const char *const *folders;   /* NULL-terminated; NULL: the style's own folder */
  gboolean confined;
} StyleLoadRules;
StyleSheet *style_sheet_load_with (const char *path, const StyleLoadRules *rules,
                                   DiagList *diags);
/* The same from a string; file is the name used in messages and for
 * resolving @import. */
StyleSheet *style_sheet_parse (const char *css, gsize len, const char *file,
                               DiagList *diags);
void style_sheet_free (StyleSheet *sheet);

/* The computed style of node, given its parent's computed style (NULL for the
 * root: then inherited properties take their initial values). Results are
 * remembered in the sheet (thread-safe): the same node chain with the same
 * parent values gives a copy of the same style. */
StyleComputed *style_compute (const StyleSheet *sheet, const StyleNode *node,
                              const StyleComputed *parent);
StyleComputed *style_computed_copy (const StyleComputed *style);
void style_computed_free (StyleComputed *style);

/* The page style for a page (page_number is 1-based; left = even pages). */
/* Which page: its number (odd pages are right pages), whether it begins a
 * part (:first), whether it is a blank page inserted to start the next on
 * the right side (:blank), and its name (the `page` property of what it
 * holds; NULL: none). */
typedef struct {
  int number;
  gboolean first, blank;
  const char *name;
} StylePageSelect;

StylePage *style_page_compute (const StyleSheet *sheet, int page_number, gboolean first);
StylePage *style_page_compute_for (const StyleSheet *sheet, const StylePageSelect *sel);
void style_page_free (StylePage *page);

/* The list of families a sheet names in font-family (or font, or through
 * var()), each once, with the place it was first named (for "family
 * missing" messages): of StyleFamilyUse*. Returns a new reference to the
 * sheet's array: g_ptr_array_unref() it, never change it. */
typedef struct { char *family; char *file; int line, column; } StyleFamilyUse;
GPtrArray *style_sheet_families (const StyleSheet *sheet);
/* Every file the sheet was read from, the style itself first, then each
 * @import in the order read (for depfiles): NULL-terminated, g_strfreev. */
char **style_sheet_files (const StyleSheet *sheet);

/* ---- where a computed value came from (--explain) ------------------------------ */

/* Called with every node style_compute() is asked about (before the cache),
 * from whichever thread computes it; NULL stops it. For --explain, which
 * lays the document out once to see the elements as layout styles them. */
typedef void (*StyleObserveFunc) (const StyleNode *node, gpointer data);
void style_sheet_observe (StyleSheet *sheet, StyleObserveFunc fn, gpointer data);

/* A selector as a style writes it ('section#economy > p:lang(zh)', 'heading',
 * '@page :first'), to ask which elements it matches. NULL with an error at
 * file (its column in text) when it is not one dossier understands. */
typedef struct _StyleQuery StyleQuery;
StyleQuery *style_query_parse (const char *text, const char *file, DiagList *diags);
gboolean style_query_matches (const StyleQuery *q, const StyleNode *node);
/* TRUE for an @page query; then *first, *left say which page it asks for. */
gboolean style_query_is_page (const StyleQuery *q, gboolean *first, gboolean *left);
void style_query_free (StyleQuery *q);

/* One declaration, for an explanation. */
typedef struct {
  char *file;                 /* NULL: a default of dossier's (no declaration) */
  int line, column;           /* of the value */
  char *selector;             /* "p:lang(de)", ":root", "@page :first" … */
  guint specificity;          /* a << 20 | b << 10 | c */
  gboolean important;
  char *value;                /* as written */
  char *element;              /* the element it was declared on ("dossier:lang(de)") */
} StyleSource;

typedef enum {
  STYLE_FROM_DECLARED,        /* a declaration on the element itself */
  STYLE_FROM_INHERITED,       /* from an ancestor (winner: the ancestor's declaration) */
  STYLE_FROM_INITIAL,         /* no declaration on it or, if it inherits, its ancestors */
} StyleFrom;

typedef struct {
  const char *property;       /* static */
  char *value;                /* the computed value as text */
  StyleFrom from;
  StyleSource *winner;        /* NULL for STYLE_FROM_INITIAL */
  gboolean explicit_inherit;  /* the element's own declaration says inherit */
  GPtrArray *overridden;      /* of StyleSource*: lost to the winner, nearest first */
  char *var_name;             /* the winner's value uses var(--x): "--x", else NULL */
  StyleSource *var_source;    /* where --x got its value (NULL: the fallback) */
} StyleExplained;

/* Every property of node (the element rules' properties, in the table's
 * order) with its computed value and where it came from; the ancestors are
 * styled as style_compute() styles them. Of StyleExplained*; unref. */
GPtrArray *style_explain (const StyleSheet *sheet, const StyleNode *node);
/* The same for the page context of a page (first: the document's first). */
GPtrArray *style_explain_page (const StyleSheet *sheet, gboolean first, gboolean left);
/* The one of candidates (NULL-terminated) nearest to word by edit distance,
 * if it is near enough to be a typo of it, else NULL: for "did you mean". */
const char *style_suggest_name (const char *word, const char *const *candidates);
/* "dossier:lang(de) > section#economy > p", for messages. */
char *style_node_describe (const StyleNode *node);
/* "(0,1,1)" */
char *style_specificity_text (guint specificity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyleQuery, style_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyleSheet, style_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyleComputed, style_computed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StylePage, style_page_free)

G_END_DECLS
