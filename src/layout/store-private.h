/* store-private.h — the page store's own types, shared by its writer
 * (store.c) and its reader (store-read.c). */
#pragma once

#include <string.h>
#include "layout/layout-private.h"

struct _LayoutStore {
  char *dir;                    /* where the file goes; NULL: $TMPDIR */
  int fd;                       /* the temporary file, -1: none (yet, or to be had) */
  gboolean no_file;             /* none could be made: pages stay in memory */
  guint64 size;                 /* bytes written to fd */
  GByteArray *buf;              /* the page being packed */
};

/* One list of fragments in the store. */
typedef struct {
  guint64 offset;               /* in the store's file */
  gsize len;
  GBytes *bytes;                /* in memory instead: the file could not take it */
} Record;

struct _LayoutPacked {
  LayoutStore *store;
  Record main;                  /* the page as pagination left it */
  Record late;                  /* what was set at the end, once complete; len 0: none */
};

#define MARK_LATE 0xff          /* a fragment that waits in page->frags */
#define FRAG_WORDS 15           /* a fragment's numbers and pointers (put_frag) */
#define RUN_WORDS 10            /* a glyph run's (put_run) */

/* Numbers and pointers as 64-bit words, written sparsely: a mask of those
 * not all zero bits, then those (most of a fragment's are 0: a line has
 * no line width, a rectangle no ascent; half the bytes a page). */
static inline guint64 word_f64 (double v) { guint64 w; memcpy (&w, &v, sizeof w); return w; }
static inline guint64 word_ptr (const void *p) { return (guint64) (guintptr) p; }
static inline double f64_word (guint64 w) { double v; memcpy (&v, &w, sizeof v); return v; }
static inline const void *ptr_word (guint64 w) { return (const void *) (guintptr) w; }

/* The bytes of rec (g_bytes_unref), or NULL with error (G_FILE_ERROR). */
GBytes *store_record_bytes (const LayoutStore *store, const Record *rec, GError **error);
