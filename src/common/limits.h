/* limits.h — the input limits (docs/limits.md, "Input limits").
 *
 * Input nobody has looked at must not be able to take minutes or gigabytes:
 * each limit is a plain number, set once from the command line before
 * anything is read, and every stage reads the same values. An input past a
 * limit is an error naming the limit, the value found and the option that
 * raises it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 max_input_bytes;  /* each input file (--max-input-mb) */
  guint max_pages;          /* pages of one PDF (--max-pages) */
  guint max_word;           /* characters of one word (--max-word) */
  guint max_depth;          /* elements nested in elements (fixed) */
} DossierLimits;

#define LIMITS_DEFAULT_INPUT_MB 10
#define LIMITS_DEFAULT_PAGES 2000
#define LIMITS_DEFAULT_WORD 1000
#define LIMITS_MAX_DEPTH 48

/* The limits in force (the defaults until limits_set). */
const DossierLimits *limits_get (void);
void limits_set (const DossierLimits *limits);

G_END_DECLS
