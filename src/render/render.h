/* render.h — laid-out pages to a PDF file, written atomically.
 *
 * The PDF is written to an unnamed temporary file beside the target and
 * renamed over it only when complete (output.c): a failed run never leaves a broken or half-written
 * file, and an earlier good one stays. Output is byte-identical for the
 * same pages; the creation date is written only when one is given. */
#pragma once

#include <glib.h>
#include "layout/layout.h"

G_BEGIN_DECLS

typedef struct {
  /* "YYYY-MM-DDThh:mm:ssZ" for /CreationDate and /ModDate, or NULL: none */
  const char *date;
  /* when not NULL, gets each font file the pages draw from, once, in the
   * order first used (g_free'd strings; for depfiles) */
  GPtrArray *font_files;
} RenderOptions;

gboolean render_pdf_write (const LayoutDoc *ldoc, const char *path,
                           const RenderOptions *options, GError **error);

/* SIGTERM, SIGINT and SIGHUP end the process with 128 + the signal,
 * leaving no temporary file behind. */
void render_output_handle_signals (void);

/* Error codes of RENDER_ERROR. */
typedef enum {
  RENDER_ERROR_WRITE,         /* the output cannot be written */
  RENDER_ERROR_TEMPFAIL,      /* a full disk or quota, the folder gone while writing: worth a retry later */
  RENDER_ERROR_CAIRO,         /* cairo failed (an internal error) */
} RenderError;
#define RENDER_ERROR (render_error_quark ())
GQuark render_error_quark (void);

G_END_DECLS
