/* model-private.h — shared between the model's files; not for other stages. */
#pragma once

#include <libxml/tree.h>
#include "model/model.h"

/* The source of one input file, kept while it is being read so that problems
 * can be reported with a column (libxml2 keeps only lines for nodes). */
typedef struct {
  const char *file;           /* name used in messages */
  const char *src;            /* the file's bytes */
  gsize len;
  GArray *line_starts;        /* of gsize: byte offset of each line (index 0 = line 1) */
  DiagList *diags;
  gboolean strict;
} ModelSource;

void model_source_init (ModelSource *ms, const char *file, const char *src, gsize len,
                        DiagList *diags, gboolean strict);
void model_source_clear (ModelSource *ms);
/* Column (1-based, in characters) of byte offset on its line. */
int model_source_column (const ModelSource *ms, int line, gsize offset);
/* Where node starts: line and column of its "<name" (element) or of
 * "name=" within its element (attribute). */
void model_source_locate (const ModelSource *ms, const xmlNode *node, int *line, int *column);
void model_source_locate_attr (const ModelSource *ms, const xmlNode *element,
                               const char *attr, int *line, int *column);

/* Element names and the values of the attributes authors most often get
 * wrong, each mistake one message with what would be right (precheck.c).
 * FALSE when it found any. */
gboolean model_precheck (ModelSource *ms, xmlNode *root);

/* Parses ms's bytes, refuses a DOCTYPE, validates against the schema.
 * NULL when anything is wrong (reported). */
xmlDoc *model_xml_read (ModelSource *ms);

/* Builds the model of a <dossier> root. NULL when a reference is unknown
 * or a value wrong (reported). */
ModelDoc *model_build_doc (ModelSource *ms, xmlNode *root);

/* checks.c: languages="" of root (a dossier or a pack) names no tag twice. */
void model_check_languages (ModelSource *ms, const xmlNode *root, char **languages);
/* checks.c: a dossier a pack includes (at line:column of the pack, written
 * href) is in every language of the pack: a warning otherwise, an error
 * with strict. */
void model_check_pack_include (ModelSource *ms, int line, int column, const char *href,
                               const ModelDoc *doc, char **pack_languages);

/* White space of a variant's inlines, collapsed as CSS does (space.c). */
void model_space_normalize (GPtrArray *inlines);

ModelText *model_text_new (void);
void model_text_free (ModelText *text);
void model_inline_free (gpointer inl);
void model_block_free (gpointer block);

/* limits.c: the input limits of docs/limits.md, each reported with the
 * limit, the value found and the option that raises it. A file larger than
 * --max-input-mb (checked before it is read); elements nested deeper than
 * the fixed depth limit; a word longer than --max-word characters. */
gboolean model_input_size_ok (const char *path, DiagList *diags);
gboolean model_depth_ok (ModelSource *ms, xmlNode *root);
