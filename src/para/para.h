/* para.h — the paragraph engine: a text run set as lines of glyph runs.
 *
 * The text is itemized by Pango (fonts, language, script per run) and each
 * item shaped once by HarfBuzz; break opportunities come from UAX #14
 * (pango_get_log_attrs), the soft hyphens and word joiners text/inline.c
 * put in, and the rules of German and Chinese typesetting; the whole
 * paragraph is broken at once after Knuth & Plass ("Breaking paragraphs
 * into lines", 1981). Lines come out as TextGlyphRuns with clean copy text
 * (no soft hyphens, no joiners), positioned and justified: nothing after
 * this shapes the text again.
 *
 * Results are cached by (text, attributes, style, width) per font map, so
 * the same paragraph at the same width costs nothing twice.
 * DOSSIER_PARA_DEBUG=1 prints each paragraph's break places (_ space,
 * - hyphen, = written hyphen, | Chinese, o other, ! forced), the pass that
 * set it and the demerits along the chosen path. */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "style/style.h"
#include "text/text.h"

G_BEGIN_DECLS

/* How a line ends. */
typedef enum {
  PARA_BREAK_SPACE,           /* at a word space */
  PARA_BREAK_HYPHEN,          /* inside a word, a hyphen added */
  PARA_BREAK_EXPLICIT,        /* after a hyphen written in the text */
  PARA_BREAK_CJK,             /* between Chinese characters or after punctuation */
  PARA_BREAK_OTHER,           /* another UAX #14 opportunity */
  PARA_BREAK_FORCED,          /* a line break in the text (<br/>) */
  PARA_BREAK_END,             /* the paragraph's last line */
  PARA_BREAK_OVERFULL,        /* nowhere to break: wider than the column */
} ParaBreakKind;

/* A link's part on one line, from the line's origin. */
typedef struct {
  double x0, x1;
  int link;                   /* index into the TextRun's links */
} ParaLinkSpan;

typedef struct {
  GPtrArray *runs;            /* of TextGlyphRun*, x from the line's origin */
  double x;                   /* the line's origin from the box's left (indent, alignment) */
  double width;               /* as set, pt */
  double natural;             /* before justification, pt */
  double ratio;               /* Knuth–Plass adjustment ratio (0: natural) */
  ParaBreakKind brk;
  gboolean hyphenated;        /* ends in a broken word (an added or a written hyphen) */
  double ascent, descent;     /* of the fonts on the line, pt */
  char *text;                 /* the line's copy text */
  GArray *links;              /* of ParaLinkSpan */
} ParaLine;

typedef struct {
  GPtrArray *lines;           /* of ParaLine* */
  double line_height;         /* the style's: distance between baselines */
  double overfull;            /* the most any line is wider than the column, pt; 0 none */
  gboolean word_broken;       /* a line ends where no rule allows a break (a word wider
                               * than the column broken between two letters) */
  GArray *missing;            /* of gunichar: characters no font has, each once */
  GRefString *text;           /* the paragraph's copy text (no soft hyphens, no joiners) */
  int refs;
} ParaResult;

/* Sets run (text with soft hyphens and word joiners as text_run_from_variant
 * makes it) in st's font and alignment at width, with pctx's font map.
 * A reference to a cached result: para_result_unref. */
ParaResult *para_set (PangoContext *pctx, const TextRun *run, const StyleComputed *st,
                      double width);
ParaResult *para_result_ref (ParaResult *res);
void para_result_unref (ParaResult *res);

/* The baseline of a line from its row's top (rows are line_height tall):
 * half the leading above, as CSS and Pango do. */
double para_line_baseline (const ParaResult *res, const ParaLine *line);
/* Deep copies of a line's runs, moved right by dx (GPtrArray that frees them). */
GPtrArray *para_line_copy_runs (const ParaLine *line, double dx);

/* A text dump of res, a line a row: text | width | ratio | break kind:
 * for the layout goldens and debugging. */
char *para_result_dump (const ParaResult *res);
const char *para_break_kind_name (ParaBreakKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaResult, para_result_unref)

G_END_DECLS
