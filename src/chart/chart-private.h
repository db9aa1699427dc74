/* chart-private.h — the measured layout of a chart, shared by measure and
 * draw (and by tests/unit/test-chart-geometry.c).
 *
 * A chart is laid out once into a display list: rectangles (bars, legend
 * swatches), lines (gridlines, axes, baseline) and labels (lines of glyph
 * runs set by the paragraph engine, with their boxes). chart_measure() returns the list's height, chart_draw()
 * paints it; so the height measured is the height drawn, and a test can
 * check every box without rendering. The layout's box starts at (0, 0). */
#pragma once

#include "chart/chart.h"
#include "text/text.h"

G_BEGIN_DECLS

typedef struct { double x, y, w, h; } ChartRect;

typedef enum {
  CHART_LABEL_CAPTION,
  CHART_LABEL_LEGEND,
  CHART_LABEL_AXIS_TITLE,
  CHART_LABEL_TICK,
  CHART_LABEL_CATEGORY,
  CHART_LABEL_DATA,
  CHART_LABEL_NOTE,       /* illustrative-data note, source */
} ChartLabelKind;

/* A label's text as set (text.c): lines of glyph runs. */
typedef struct {
  GPtrArray *runs;        /* of TextGlyphRun*, x from the line's origin */
  double x;               /* the line's origin from the text's left (alignment) */
  double baseline;        /* from the text's top */
  double w, h;            /* the line's box: its width as set, its fonts' height */
} ChartTextLine;

typedef struct {
  GPtrArray *lines;       /* of ChartTextLine* */
  double w, h;            /* the box: the widest line, the lines' heights */
  char *text;             /* the copy text: the languages' texts, one a paragraph */
  gboolean ellipsized;    /* cut to its lines, with an ellipsis */
} ChartText;

void chart_text_free (ChartText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartText, chart_text_free)

typedef struct {
  ChartLabelKind kind;
  ChartText *text;
  ChartRect rect;         /* the text's box, placed */
  gboolean on_mark;       /* a data label set inside its bar */
} ChartLabel;

typedef enum {
  CHART_MARK_BAR,         /* a bar or column */
  CHART_MARK_SWATCH,      /* a legend key */
  CHART_MARK_POINT,       /* a point of a line: a dot in the rectangle */
  CHART_MARK_SLICE,       /* a donut slice: the ring's square is rect; the
                             slice runs clockwise from angle a0 to a1
                             (radians, cairo's: 0 = 3 o'clock) between
                             radius r_in and rect.w / 2 */
} ChartMarkKind;

typedef struct {
  ChartMarkKind kind;
  ChartRect rect;
  StyleColor color;
  int series, category;
  double a0, a1, r_in;    /* CHART_MARK_SLICE only */
} ChartMark;

typedef struct {
  double x0, y0, x1, y1;
  double width;
  StyleColor color;
  gboolean over_marks;    /* axis and zero line: drawn after the marks */
} ChartLine;

struct _ChartLayout {
  ChartRect box;          /* (0, 0, width, height) */
  ChartRect plot;         /* the area inside the axes, empty if none */
  double lo, hi, step;    /* value axis */
  GPtrArray *labels;      /* of ChartLabel* */
  GArray *marks;          /* of ChartMark */
  GArray *lines;          /* of ChartLine */
  GArray *missing;        /* of gunichar: characters of the labels no font has, each once */
};

/* The marks and lines (the labels are the display list's: layout/glyphline.c). */
void chart_layout_draw (const ChartLayout *layout, cairo_t *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartLayout, chart_layout_free)

/* ---- between the files of the chart stage ------------------------------- */

/* The data of a chart as a table: categories × series, with texts per
 * language (index as in spec->langs). */
typedef struct {
  int n_series, n_cats;
  char ***series_names;   /* [series][lang], NULL when a series has no label */
  char ***cat_names;      /* [category][lang] */
  double *values;         /* [series * n_cats + category]; NAN where missing */
  char *unit;             /* shared by all, else NULL */
  gboolean mixed_units;
  gboolean illustrative;
  gboolean cats_are_x;    /* every category named by x="" (years…) */
  const ModelFigure **figures;   /* [category] when made from figures, else NULL */
} ChartData;

ChartData *chart_data_new (const ChartSpec *spec);
void chart_data_free (ChartData *data);

/* Working state of one layout. */
typedef struct {
  const ChartSpec *spec;
  PangoContext *context;
  ChartData *data;
  ChartLayout *layout;
  double width;
  double label_size;      /* pt, of the primary language */
  double gap;             /* small spacing unit, pt */
  gboolean legend_right;  /* the series legend is set beside the plot */
} ChartBuild;

typedef enum {
  CHART_FONT_LABEL,
  CHART_FONT_CAPTION,
  CHART_FONT_NOTE,
  CHART_FONT_FIGURE,      /* the label font, for numbers: set as one word */
} ChartFont;

/* texts[0..n_langs-1] set in their languages' fonts and rules: stacked (a
 * paragraph each) or joined by " / " after the style; equal or missing
 * texts shown once. wrap_width > 0 wraps (at most max_lines lines per
 * paragraph, ellipsized beyond); lines aligned against the widest. NULL
 * when all texts are empty. */
ChartText *chart_text_new (ChartBuild *b, char *const *texts, ChartFont font,
                           double wrap_width, int max_lines, StyleTextAlign align);
/* The same for a single text in language lang_index's font. */
ChartText *chart_text_new_1 (ChartBuild *b, const char *text, int lang_index, ChartFont font);
/* The text's box in pt (0 for NULL). */
void chart_text_size (const ChartText *text, double *w, double *h);
/* Every run of the text in color (a label on its mark: white). */
void chart_text_set_color (ChartText *text, StyleColor color);
/* Adds a label with its box's top-left at (x, y); takes the text. */
ChartLabel *chart_add_label (ChartBuild *b, ChartLabelKind kind, ChartText *text,
                             double x, double y);
void chart_add_line (ChartBuild *b, double x0, double y0, double x1, double y1,
                     double width, StyleColor color, gboolean over_marks);
void chart_add_mark (ChartBuild *b, ChartMarkKind kind, ChartRect rect, StyleColor color,
                     int series, int category);

const StyleComputed *chart_lang_style (const ChartSpec *spec, int i);
StyleColor chart_series_color (const ChartSpec *spec, int series);
StyleColor chart_text_color (const ChartSpec *spec);
void chart_axis_style (const ChartSpec *spec, double *axis_width, StyleColor *axis_color,
                       double *grid_width, StyleColor *grid_color);
/* The plot area height the style asks for at width. */
double chart_plot_height (const ChartSpec *spec, double width);

/* Texts per language for an axis tick / data label (value formatted). */
char **chart_tick_texts (ChartBuild *b, double value, double step);
/* The data label of d->values[index] in each language. */
char **chart_value_texts (ChartBuild *b, int index);
/* "in US-Dollar" / "单位：美元" when all values share a currency; else NULL. */
char **chart_unit_texts (ChartBuild *b);

/* The frame around the plot: caption and legend above (returns the y where
 * the plot part starts), notes below (returns the final height). */
double chart_frame_top (ChartBuild *b);
double chart_frame_bottom (ChartBuild *b, double y);

/* The value axis: nice ticks over the data (zero included) and their
 * labels, not yet placed (placing one takes its text: set it to NULL). */
typedef struct {
  double lo, hi, step;
  int n;
  ChartText **texts;
  double max_w, max_h;    /* of the labels */
} ChartTicks;

void chart_value_range (const ChartData *data, double *min, double *max);
ChartTicks *chart_ticks_new (ChartBuild *b, int target);
void chart_ticks_free (ChartTicks *ticks);
/* Data labels that fit are added to the layout; each candidate box is
 * tried in turn and kept if it stays inside bounds and clear of other labels
 * and marks (its own mark excepted when inside it). */
gboolean chart_place_data_label (ChartBuild *b, ChartText *text, const ChartRect *candidates,
                                 const gboolean *inside, int n_candidates,
                                 const ChartRect *bounds, int own_mark);
/* Word-wrapped category names must not split a Latin word: the widest
 * unbreakable word of texts must fit in width. */
gboolean chart_words_fit (ChartBuild *b, char *const *texts, double width);

/* Kinds: lay out the plot part from y down; returns the y below it.
 * chart_column_layout and chart_line_layout return -1 and add nothing when
 * their category labels do not fit (the chart is then laid out as
 * horizontal bars). */
double chart_column_layout (ChartBuild *b, double y);
double chart_line_layout (ChartBuild *b, double y);
/* column.c: the axes shared by columns and lines. */
double chart_category_layout (ChartBuild *b, double y, gboolean lines);
/* line.c: the series' lines and points in plot, one per category band;
 * returns the index of the first point mark. */
int chart_line_add_marks (ChartBuild *b, const ChartRect *plot, double lo, double hi,
                          double band);
void chart_line_add_labels (ChartBuild *b, int first_mark, const ChartRect *bounds);
double chart_bar_layout (ChartBuild *b, double y);

gboolean chart_rects_intersect (const ChartRect *a, const ChartRect *b, double tolerance);
/* Whether a mark's ink meets r (a slice by its shape, others by their
 * rectangle), tolerance as for chart_rects_intersect. */
gboolean chart_mark_hits_rect (const ChartMark *m, const ChartRect *r, double tolerance);

/* Legends: items of a key and names (texts per language, NULL: the item's
 * number), flowed in rows across width from x0, or one per row in a column.
 * Returns the y below. chart_legend_width gives the widest item's width,
 * names wrapped at max_w. */
double chart_legend_add (ChartBuild *b, double x0, double y, double width, int n,
                         char **const *names, const StyleColor *colors, gboolean column);
double chart_legend_width (ChartBuild *b, int n, char **const *names, double max_w);
double chart_legend_height (ChartBuild *b, double width, int n, char **const *names,
                            gboolean column);
/* Whether the series legend is shown (several series, legend not none). */
gboolean chart_legend_shown (ChartBuild *b);

/* donut.c: a ring of the first series' (or the figures') shares, with its
 * own legend of categories; -1 when there is nothing a donut can show
 * (no positive value, or a negative one): the chart is then laid out as
 * horizontal bars. */
double chart_donut_layout (ChartBuild *b, double y);

G_END_DECLS
