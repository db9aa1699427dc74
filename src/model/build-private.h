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
  GHashTable *all_ids;          /* every id of the dossier (checks.c) */
  GPtrArray *pending_links;     /* of ModelInline* (A) with href="#id" */
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
void build_error_at_attr (Builder *b, const xmlNode *n, const char *attr_name, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);
ModelText *build_text (Builder *b, const xmlNode *n);
ModelText *build_text_child (Builder *b, const xmlNode *n, const char *child);
void build_add_unique (Builder *b, GHashTable *table, const char *id, gpointer value,
                 const xmlNode *n, const char *what);
gboolean build_parse_bool (const char *s);
/* blocks.c: a section (level 1..3) and everything in it */
ModelBlock *build_section (Builder *b, const xmlNode *n, int level);
/* checks.c: rules beyond the schema */
GHashTable *build_ids_new (void);
/* Notes id (of element n, named what; section when it is one); a second
 * use of the same id is an error at n's id="". */
void build_note_id (Builder *b, const xmlNode *n, const char *id, const char *what,
                    const ModelBlock *section);
void build_check_href (Builder *b, const xmlNode *n, ModelInline *inl);
void build_check_links (Builder *b);
void build_check_variants (Builder *b, const ModelText *t, const xmlNode *n);
void build_check_section (Builder *b, const ModelBlock *sec);
