/* diag.h — diagnostics with a place: file:line:column: message.
 *
 * Every stage reports user mistakes (input, style, fonts) through one
 * DiagList, so the CLI prints them the same way and --strict can turn
 * warnings into errors in one place. Programming errors are g_assert. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
  DIAG_WARNING,
  DIAG_ERROR,
} DiagLevel;

typedef struct {
  DiagLevel level;
  char *file;     /* may be NULL when the problem has no file */
  int line;       /* 1-based; 0 = unknown */
  int column;     /* 1-based; 0 = unknown */
  char *message;
} Diag;

typedef struct _DiagList DiagList;

DiagList *diag_list_new (void);
void diag_list_free (DiagList *list);

void diag_add (DiagList *list, DiagLevel level, const char *file, int line,
               int column, const char *format, ...) G_GNUC_PRINTF (6, 7);
#define diag_error(l, f, ln, col, ...) diag_add ((l), DIAG_ERROR, (f), (ln), (col), __VA_ARGS__)
#define diag_warning(l, f, ln, col, ...) diag_add ((l), DIAG_WARNING, (f), (ln), (col), __VA_ARGS__)

guint diag_list_length (const DiagList *list);
const Diag *diag_list_get (const DiagList *list, guint i);
/* Errors, plus warnings when strict is set. */
guint diag_list_count_errors (const DiagList *list, gboolean strict);
/* Prints each as "file:line:column: error: message" (or warning). */
void diag_list_print (const DiagList *list, FILE *out, gboolean strict);
/* The same lines, from the from'th diagnostic on, appended to out. */
void diag_list_append_text (const DiagList *list, guint from, gboolean strict, GString *out);
/* One diagnostic as text, without level; caller frees. */
char *diag_format (const Diag *d);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiagList, diag_list_free)

G_END_DECLS
