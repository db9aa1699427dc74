/* chart.h — charts of a dossier's figures and series, drawn as vectors.
 *
 * A chart kind is a pair of functions, measure and draw, in a file of its
 * own (bar.c, column.c, …); axis.c gives nice tick values. Labels are Pango
 * layouts in the style's fonts, so chart text is real, selectable text.
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
/* Draws the chart into the rectangle; nothing is drawn outside it. */
void chart_draw (const ChartSpec *spec, PangoContext *context, cairo_t *cr,
                 double x, double y, double width, double height);
/* Draws a label's layout at the current point (its top left corner). */
typedef void (*ChartTextFunc) (cairo_t *cr, PangoLayout *layout, gpointer data);
/* chart_draw with the labels drawn by show (NULL: pango_cairo_show_layout),
 * so that a PDF can draw them with fonts of its own (render/subset.c). */
void chart_draw_with (const ChartSpec *spec, PangoContext *context, cairo_t *cr,
                      double x, double y, double width, double height,
                      ChartTextFunc show, gpointer data);
/* Calls func with each label's layout, as chart_draw at width lays them out:
 * what glyphs a chart will draw. */
void chart_labels_foreach (const ChartSpec *spec, PangoContext *context, double width,
                           void (*func) (PangoLayout *layout, gpointer data),
                           gpointer data);

/* A chart laid out at a width: its marks, lines and labels placed, plain
 * data but for the labels' Pango layouts, which the layout stage turns into
 * glyph runs and then drops (chart_layout_drop_labels). */
typedef struct _ChartLayout ChartLayout;
/* NULL for a chart with no data. */
ChartLayout *chart_layout_new (const ChartSpec *spec, PangoContext *context, double width);
void chart_layout_free (ChartLayout *layout);
double chart_layout_height (const ChartLayout *layout);
/* Calls func with each label's layout and where its origin goes (the
 * point pango_cairo_show_layout would start at), from the chart's top left. */
void chart_layout_foreach_label (const ChartLayout *layout,
                                 void (*func) (PangoLayout *label, double x, double y,
                                               gpointer data),
                                 gpointer data);
void chart_layout_drop_labels (ChartLayout *layout);
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
