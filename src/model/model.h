/* model.h — the document read from an input file (input format v1).
 *
 * model_load() parses the XML with libxml2 (no network, no DTD, no entities),
 * validates it against the RELAX NG schema (src/model/dossier.rng, compiled
 * into the program) and builds this read-only tree, resolving every reference
 * (fig ref, quote by, chart data/figures, facts figures). Once loaded nothing
 * in it changes, so later stages may share it freely.
 *
 * Every piece of human text is a ModelText: one bilingual unit holding one
 * variant per language (and/or one neutral variant without xml:lang). */
#pragma once

#include <glib.h>
#include "common/diag.h"

G_BEGIN_DECLS

/* ---- inline content --------------------------------------------------- */

typedef enum {
  MODEL_INLINE_TEXT,   /* text: plain characters */
  MODEL_INLINE_EM,
  MODEL_INLINE_STRONG,
  MODEL_INLINE_Q,      /* quotation marks per language */
  MODEL_INLINE_NAME,   /* a person or organisation; never hyphenated */
  MODEL_INLINE_FIG,    /* figure: the resolved figure */
  MODEL_INLINE_DATE,   /* arg: ISO date from when="" */
  MODEL_INLINE_A,      /* arg: href */
  MODEL_INLINE_BR,
} ModelInlineKind;

typedef struct _ModelFigure ModelFigure;

typedef struct _ModelInline {
  ModelInlineKind kind;
  char *text;                 /* MODEL_INLINE_TEXT only (UTF-8) */
  char *arg;                  /* DATE: when; A: href */
  const ModelFigure *figure;  /* FIG: the figure referred to */
  GPtrArray *children;        /* of ModelInline*, for EM STRONG Q NAME A */
  int line, column;           /* where it stands in the input */
} ModelInline;

typedef struct {
  char *lang;                 /* BCP 47 tag; NULL = the same in every language */
  GPtrArray *inlines;         /* of ModelInline* */
  int line, column;
} ModelVariant;

typedef struct {
  GPtrArray *variants;        /* of ModelVariant* */
  int line, column;           /* of the parent element */
} ModelText;

/* The variant for lang: the one with that xml:lang, else the neutral one,
 * else NULL (missing translation). */
const ModelVariant *model_text_get (const ModelText *text, const char *lang);
/* Like model_text_get, but falls back to any variant; *is_fallback is set
 * when the returned variant is in another language. NULL only if empty. */
const ModelVariant *model_text_get_or_fallback (const ModelText *text, const char *lang,
                                                gboolean *is_fallback);
/* (The plain text of a variant, with figures and dates formatted, is the
 * text stage's text_variant_plain(): formatting is not the model's job.) */

/* ---- data --------------------------------------------------------------- */

typedef enum {
  MODEL_QUALIFIER_NONE,
  MODEL_QUALIFIER_MORE_THAN,
  MODEL_QUALIFIER_ABOUT,
  MODEL_QUALIFIER_LESS_THAN,
} ModelQualifier;

struct _ModelFigure {
  char *id;
  double value;
  char *unit;                 /* "count", "percent", or ISO 4217 code; NULL = plain number */
  ModelQualifier qualifier;
  int year;                   /* 0 = none */
  gboolean illustrative;
  ModelText *label;           /* may be NULL */
  int line, column;
};

typedef struct {
  char *x;                    /* may be NULL */
  double value;
  ModelText *label;           /* may be NULL: use x */
  int line, column;
} ModelPoint;

typedef struct {
  char *id;
  char *unit;
  gboolean illustrative;
  ModelText *label;           /* may be NULL */
  GPtrArray *points;          /* of ModelPoint* */
  int line, column;
} ModelSeries;

/* ---- blocks ------------------------------------------------------------- */

typedef enum {
  MODEL_BLOCK_SECTION,
  MODEL_BLOCK_P,
  MODEL_BLOCK_QUOTE,
  MODEL_BLOCK_LIST,
  MODEL_BLOCK_FACTS,
  MODEL_BLOCK_CHART,
  MODEL_BLOCK_PROGRAMME,
  MODEL_BLOCK_PEOPLE,
  MODEL_BLOCK_ORGANISATIONS,
  MODEL_BLOCK_TABLE,
} ModelBlockKind;

typedef enum {
  MODEL_CHART_BAR,     /* horizontal bars */
  MODEL_CHART_COLUMN,
  MODEL_CHART_LINE,
  MODEL_CHART_DONUT,
} ModelChartType;

typedef enum {
  MODEL_SESSION_PLENARY,
  MODEL_SESSION_FORUM,
  MODEL_SESSION_SIGNING,
  MODEL_SESSION_OTHER,
} ModelSessionKind;

typedef struct {
  char *id;
  ModelText *name;
  ModelText *role;            /* may be NULL */
  int line, column;
} ModelPerson;

typedef struct {
  ModelText *name;
  ModelText *note;            /* may be NULL */
  int line, column;
} ModelOrg;

typedef struct {
  ModelSessionKind kind;
  char *start, *end;          /* "hh:mm" or NULL */
  char *id, *class_;          /* may be NULL */
  ModelText *heading;
  GPtrArray *paragraphs;      /* of ModelText* */
  int line, column;
} ModelSession;

typedef struct {
  ModelText *text;            /* NULL for a cell with no content */
  int line, column;
} ModelCell;

typedef struct {
  gboolean head;
  GPtrArray *cells;           /* of ModelCell* */
  int line, column;
} ModelRow;

typedef struct _ModelBlock ModelBlock;

struct _ModelBlock {
  ModelBlockKind kind;
  char *id;                   /* may be NULL */
  char *class_;               /* space-separated class names, may be NULL */
  int line, column;

  /* SECTION */
  int level;                  /* 1..3 */
  ModelText *heading;         /* may be NULL */
  GPtrArray *blocks;          /* SECTION: of ModelBlock* */

  /* P, QUOTE */
  ModelText *text;
  const ModelPerson *speaker; /* QUOTE: resolved from by="", may be NULL */

  /* LIST */
  gboolean ordered;
  GPtrArray *items;           /* of ModelText* */

  /* FACTS, CHART: figures="…" resolved */
  GPtrArray *figures;         /* of const ModelFigure* (not owned) */

  /* CHART */
  ModelChartType chart_type;
  GPtrArray *series;          /* of const ModelSeries* (not owned), from data="…" */
  ModelText *caption;         /* caption="" (neutral) or <caption> (bilingual); may be NULL */

  GPtrArray *sessions;        /* PROGRAMME: of ModelSession* */
  GPtrArray *people;          /* PEOPLE: of ModelPerson* */
  GPtrArray *orgs;            /* ORGANISATIONS: of ModelOrg* */
  GPtrArray *rows;            /* TABLE: of ModelRow* */
};

/* ---- the document ------------------------------------------------------- */

typedef struct {
  ModelText *title;
  ModelText *subtitle;        /* may be NULL */
  char *date;                 /* ISO 8601 "YYYY-MM-DD", may be NULL */
  ModelText *place;           /* may be NULL */
  GPtrArray *organizers;      /* of ModelText* */
  ModelText *author;          /* may be NULL */
  ModelText *keywords;        /* may be NULL */
} ModelMeta;

typedef struct _ModelDoc ModelDoc;

struct _ModelDoc {
  char *file;                 /* the path it was read from */
  char **languages;           /* NULL-terminated; [0] is the primary */
  guint n_languages;
  char *style;                /* style="" resolved against the input's folder; may be NULL */
  char *style_value;          /* style="" as written, and where it stands in file */
  int style_line, style_column;
  ModelMeta meta;
  GHashTable *figures;        /* id → ModelFigure* */
  GHashTable *series;         /* id → ModelSeries* */
  GHashTable *persons;        /* id → ModelPerson* */
  GPtrArray *figure_list;     /* of ModelFigure*, in document order (owns them) */
  GPtrArray *series_list;     /* of ModelSeries*, in document order (owns them) */
  ModelText *source;          /* data/source, may be NULL */
  GPtrArray *sections;        /* of ModelBlock* (MODEL_BLOCK_SECTION) */
};

/* A briefing pack: several dossiers in one PDF. */
typedef struct {
  char *file;
  char **languages;
  guint n_languages;
  ModelText *title;
  GPtrArray *docs;            /* of ModelDoc* */
} ModelPack;

/* Loads an input file: a <dossier> (*pack_out set to NULL) or a <pack>
 * (returns NULL with *pack_out set). Problems go to diags as
 * file:line:column; returns NULL and *pack_out NULL when any error was
 * found. With strict, a missing language variant is an error, else a warning. */
ModelDoc *model_load (const char *path, gboolean strict, ModelPack **pack_out,
                      DiagList *diags);
/* The same from bytes in memory; name is used in messages and for
 * resolving relative paths (style="", pack includes). */
ModelDoc *model_load_bytes (const char *name, const char *bytes, gsize len, gboolean strict,
                            ModelPack **pack_out, DiagList *diags);
void model_doc_free (ModelDoc *doc);
void model_pack_free (ModelPack *pack);

/* Where character c first stands in file at or after line:column (the
 * start of the element that holds it): for messages about one character.
 * FALSE when it is not found there (it came from a figure or a date). */
gboolean model_find_char (const char *file, int line, int column, gunichar c,
                          int *out_line, int *out_column);

/* Tells whether a language tag denotes Chinese ("zh", "zh-Hans", "zh-CN"). */
gboolean model_lang_is_chinese (const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModelDoc, model_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModelPack, model_pack_free)

G_END_DECLS
