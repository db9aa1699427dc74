/* build-private.h — shared by build.c (document, data, text) and
 * blocks.c (sections and their blocks); not for other files. */
#pragma once

#include <libxml/tree.h>
#include "model/model-private.h"

typedef struct {
  ModelSource *ms;
  ModelDoc *doc;
  GPtrArray *pending_figs;      /* of ModelInline* (FIG) with arg = ref */
  GPtrArray *pending_quotes;    /* of PendingRef* */
  GPtrArray *pending_lists;     /* of PendingRef*: facts/chart figures, chart data */
  GPtrArray *pending_links;     /* of ModelInline* (A) with arg = "#id" */
} Builder;

typedef enum { REF_PERSON, REF_FIGURES, REF_SERIES } RefKind;

typedef struct {
  RefKind kind;
  ModelBlock *block;
  char *ids;
  int line, column;
} PendingRef;


gboolean build_is (const xmlNode *n, const char *name);
char *build_attr (const xmlNode *n, const char *name);
void build_locate (Builder *b, const xmlNode *n, int *line, int *column);
/* Whether <a href> is a link a PDF may carry (links.c); says why not. */
gboolean build_link_allowed (Builder *b, const xmlNode *n, const char *href);
void build_error_at_attr (Builder *b, const xmlNode *n, const char *attr_name, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);
ModelText *build_text (Builder *b, const xmlNode *n);
ModelText *build_text_child (Builder *b, const xmlNode *n, const char *child);
void build_add_unique (Builder *b, GHashTable *table, const char *id, gpointer value,
                 const xmlNode *n, const char *what);
gboolean build_parse_bool (const char *s);
/* data-check.c: a value that is not finite (s as written; reports it);
 * a value too large to print, or not a count where unit="count"; donuts
 * whose slices are not shares of a whole (after references are resolved). */
gboolean build_check_number (Builder *b, const xmlNode *n, const char *attr, const char *s,
                             double v);
gboolean build_check_value (Builder *b, const xmlNode *n, const char *attr, double v,
                            const char *unit);
void build_check_charts (Builder *b);
/* limits.c: a word longer than --max-word characters (reported once). */
void build_check_words (Builder *b, const ModelVariant *v);
/* blocks.c: a section (level 1..3) and everything in it */
ModelBlock *build_section (Builder *b, const xmlNode *n, int level);
