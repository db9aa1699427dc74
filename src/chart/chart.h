/* chart.h — charts of a dossier's figures and series, drawn as vectors.
 *
 * A chart kind is a pair of functions, measure and draw, in a file of its
 * own (bar.c, column.c, …); axis.c gives nice tick values. Labels are set
 * by the paragraph engine in the style's fonts (text.c), so chart text is
 * real, selectable text with the typography of the running text.
 * Numbers are formatted by the text stage, the same as in running text. */
#pragma once

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>
#include "model/model.h"
#include "style/style.h"

G_BEGIN_DECLS

typedef struct {
  const ModelBlock *block;    /* MODEL_BLOCK_CHART: its series or figures */
  const ModelDoc *doc;        /* for data/source */
  /* The languages to label in, in order (1 or 2): with two, labels show both
   * (stacked or side by side, after style->chart_labels). */
  const char *const *langs;
  int n_langs;
  /* The computed style of the chart element (palette, height, colours…) and,
   * per language, the style of chart:lang(xx) (fonts, sizes, colours). */
  const StyleComputed *style;
  const StyleComputed *const *lang_styles;
} ChartSpec;

/* The height the chart needs at width (pt), caption, legend, source and
 * illustrative-data note included. */
double chart_measure (const ChartSpec *spec, PangoContext *context, double width);

/* A chart laid out at a width: its marks, lines and labels placed, plain
 * data. Its labels are set by the paragraph engine (src/para) as lines of
 * glyph runs, which the layout stage moves into the page's display list
 * (chart_layout_take_labels); the chart then draws its shapes only. */
typedef struct _ChartLayout ChartLayout;
/* NULL for a chart with no data. */
ChartLayout *chart_layout_new (const ChartSpec *spec, PangoContext *context, double width);
void chart_layout_free (ChartLayout *layout);
double chart_layout_height (const ChartLayout *layout);
/* The characters of its labels that none of the fonts has (of gunichar,
 * each once): the layout stage reports them where the chart is written. */
const GArray *chart_layout_missing (const ChartLayout *layout);

/* One line of a label, as set. */
typedef struct {
  GPtrArray *runs;            /* of TextGlyphRun*, x from the line's origin: the
                                 callee's to keep (it leaves NULL) or leave */
  double x, y;                /* the line's origin (its left end, on the baseline),
                                 from the chart's top left */
  double w, h;                /* the line's box: its width, its fonts' height */
  int line, n_lines;          /* its place in its label */
  const char *text;           /* the label's copy text, all its lines */
} ChartLabelLine;

/* Calls func with each line of each label, then drops the labels: a chart
 * stands on one page, and a second call finds none. */
void chart_layout_take_labels (ChartLayout *layout,
                               void (*func) (ChartLabelLine *line, gpointer data),
                               gpointer data);
/* Draws the marks and lines (not the labels) into the rectangle. */
void chart_layout_draw_shapes (const ChartLayout *layout, cairo_t *cr, double x, double y,
                               double width, double height);

/* The most ticks an axis ever has. */
#define CHART_TICKS_MAX 64

/* Nice tick values for an axis covering [min, max] with about target ticks:
 * steps of 1, 2 or 5 × 10^n; the returned range contains min and max (and 0
 * when include_zero). Fills *lo, *hi, *step. FALSE (and the axis 0..1) when
 * no such axis exists in doubles: a value not finite, or ends or step that
 * overflow. Never more than CHART_TICKS_MAX ticks. */
gboolean chart_nice_ticks (double min, double max, int target, gboolean include_zero,
                       double *lo, double *hi, double *step);

G_END_DECLS
