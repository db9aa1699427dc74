/* para-private.h — the paragraph engine's inner types: the paragraph as
 * clusters (items.c), break opportunities (breaks.c), the breaker
 * (knuth-plass.c) and the lines set from its result (lines.c). */
#pragma once

#include <hb.h>
#include "para/para.h"

/* What a cluster is, for spacing and breaking. */
typedef enum {
  PARA_CL_TEXT,               /* letters, digits, Latin punctuation */
  PARA_CL_SPACE,              /* a word space: stretches and shrinks */
  PARA_CL_FIXED_SPACE,        /* U+2005, U+202F, U+2009: a gap that does not stretch */
  PARA_CL_HAN,                /* a Han character (or kana, bopomofo) */
  PARA_CL_CJK_OPEN,           /* full-width opening punctuation: （“《「 */
  PARA_CL_CJK_CLOSE,          /* full-width closing punctuation and stops: ）”》」，。、；：！？ */
  PARA_CL_CJK_OTHER,          /* other full-width marks (·, —, …) */
  PARA_CL_NEWLINE,            /* U+2028 / U+000A: a forced break, drawn as nothing */
} ParaClusterKind;

/* One cluster: bytes of the clean text and the glyphs they shaped to. */
typedef struct {
  int start, end;             /* bytes in the clean text */
  int item;                   /* index into Para.items */
  int g0, g1;                 /* glyphs [g0, g1) of the item's glyph string */
  double adv;                 /* advance, pt (letter spacing included) */
  double stretch, shrink;     /* of a word space */
  double trim_left, trim_right; /* pt taken off by punctuation compression */
  double em;                  /* the font's size */
  ParaClusterKind kind;
} ParaCluster;

/* A face at a size, as the engine shapes with it (shape.c). */
typedef struct {
  PangoFont *ref;             /* Pango's font of the face (at PARA_ITEMIZE_SIZE), a reference */
  int units;                  /* the size, Pango units */
  const TextFace *face;
  hb_font_t *hb, *shaper;     /* at the size; the shaper is Pango's sub-font over hb */
  gboolean has_features;      /* the font's pattern asks for OpenType features */
  double size, ascent, descent, underline_position, underline_thickness;
  guint32 hyphen_glyph;
  double hyphen_adv;
} ParaFont;

/* The size items.c itemizes at (Pango units): which face sets a character
 * does not depend on it, and one size is one font set for Pango to sort. */
#define PARA_ITEMIZE_SIZE (12 * PANGO_SCALE)

typedef struct {
  PangoItem *item;            /* its font at PARA_ITEMIZE_SIZE */
  PangoGlyphString *glyphs;
  const TextFace *face;
  double size;                /* em size, pt */
  double ascent, descent;
  double hyphen_adv;          /* the advance of a hyphen in this font */
  guint32 hyphen_glyph;
  gboolean underline;
  double underline_position, underline_thickness;
  gboolean has_color;
  StyleColor color;
} ParaItem;

/* A place the paragraph may break: before cluster at. */
typedef struct {
  int at;
  ParaBreakKind kind;
  double penalty;
  gboolean flagged;           /* a hyphen: adjacent ones cost extra */
  double pre_width;           /* added to the line that ends here (the hyphen) */
  double hang;                /* extra shrink of the line ending here: a half-width stop */
  double extra_demerits;      /* compound joints cheaper, tight places dearer */
  gboolean last_resort;       /* between two letters: only in the last pass, dearly */
  gboolean joint;             /* a hyphen at a compound's joint */
  gboolean keep;              /* inside a name or a figure with its unit: the last pass only */
} ParaBreak;

/* Tunables of the breaker (one table, para.c). */
typedef struct {
  double line_penalty;        /* TeX's \linepenalty */
  double hyphen_penalty, ex_hyphen_penalty;
  double joint_factor;        /* the hyphen penalty at a compound's joint, × */
  double double_hyphen_demerits, final_hyphen_demerits, adj_demerits;
  double pretolerance, tolerance;   /* badness allowed in the first two passes */
  double emergency_stretch_em;      /* third pass, per line */
  double ragged_stretch_em;         /* the virtual stretch of a ragged line */
  double space_stretch, space_shrink; /* of a word space, times its width */
  double name_demerits;             /* a break inside a name */
  double last_word_demerits;        /* a break inside a paragraph's last word */
  double last_resort_demerits;      /* a break where no rule allows one */
  double stop_hang;                 /* em a line-end full stop may give up (0: off) */
  double tracking;                  /* the most letters are spaced, × width */
  double tracking_after;            /* the ratio word spaces reach before letters move */
  double loose_gap;                 /* a word space wider than this × its width gapes (~0.7 em) */
} ParaTune;

extern const ParaTune para_tune;

typedef struct {
  /* input */
  const StyleComputed *st;
  double width, indent;
  gboolean chinese, justify;
  int limit_before, limit_after, limit_word;
  /* clean text */
  char *text;
  int len;
  guint8 *marks;              /* per byte of text: PARA_MARK_* before that byte */
  PangoAttrList *attrs;       /* the run's, moved to the clean text */
  GArray *links;              /* of TextLink with clean offsets (href borrowed) */
  /* shaped */
  GArray *items;              /* of ParaItem */
  GArray *clusters;           /* of ParaCluster, logical order */
  GArray *breaks;             /* of ParaBreak, increasing at */
  GArray *missing;            /* of gunichar */
  /* prefix sums over clusters (n + 1 each) */
  double *sum_w, *sum_y, *sum_z;    /* advances, stretch, shrink */
  double *sum_l;                    /* advances of letters (tracking) */
  gboolean tracked;                 /* the lines take tracking */
  double *pair_y, *pair_z;          /* Chinese inter-character glue, by right cluster */
  int *han_after;             /* Han characters in clusters [i, n) */
} Para;

#define PARA_MARK_SHY 1       /* a soft hyphen stood here */
#define PARA_MARK_NOBREAK 2   /* a word joiner stood here */
#define PARA_MARK_NAME 4      /* inside a name: a break only where nothing else fits */

/* items.c */
void para_prepare_text (Para *p, const TextRun *run);
void para_shape (Para *p, PangoContext *pctx, const TextRun *run);
void para_free_shaped (Para *p);
gboolean para_is_han (gunichar c);

/* shape.c: the font of ref's face at size units (made once, lives with the
 * font map); shaping the item [off, off + ilen) of text (len bytes) as
 * pango_shape_with_flags does with that font, with pctx's font map for
 * what only Pango does. */
const ParaFont *para_font_get (PangoFont *ref, int units, PangoContext *pctx,
                               const PangoAnalysis *analysis);
void para_font_shape (const ParaFont *f, PangoContext *pctx, const char *text, int len, int off,
                      int ilen, const PangoAnalysis *analysis, PangoGlyphString *gs);

/* breaks.c */
void para_find_breaks (Para *p);
void para_prefix_sums (Para *p);

/* knuth-plass.c: the chosen breaks (indices into p->breaks), the last one
 * the paragraph's end; GArray of int. */
GArray *para_break_lines (const Para *p, gboolean *tracked);

/* lines.c */
ParaResult *para_set_lines (const Para *p, const GArray *chosen);

/* knuth-plass.c: the clusters [*s, *e) a line from break position from to
 * brk holds (spaces at either end dropped), and its natural width, stretch
 * and shrink with the break's hyphen and hanging stop. */
void para_line_span (const Para *p, int from, const ParaBreak *brk, int *s, int *e);
void para_line_measure (const Para *p, int s, int e, const ParaBreak *brk, double *w,
                        double *y, double *z);
/* The ratio of a line's word spaces for slack over their stretch y when
 * its letters may take l of tracking: the spaces take the slack up to
 * ratio para_tune.tracking_after, then the letters up to all of l (*rl,
 * 0..1 of it), then the spaces the rest; no tracking without spaces (a
 * lone word is set ragged, never letter-spaced). */
double para_split_ratio (double slack, double y, double l, double *rl);
