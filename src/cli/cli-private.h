/* cli-private.h — shared between the command line's files. */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "common/diag.h"
#include "model/model.h"
#include "render/render.h"
#include "style/style.h"

G_BEGIN_DECLS

/* The style file doc's style="" names, checked as input-format.md says: a
 * built-in style by name (handout, briefing: a file of styles_dir), or a
 * file in the input's folder or in styles_dir (so the bundled example's
 * "../styles/handout.css" still works). NULL with an error at the
 * attribute otherwise. folders (NULL-terminated, caller frees) gets where
 * the style's @imports may reach. */
char *cli_input_style (const ModelDoc *doc, const char *styles_dir, char ***folders,
                       DiagList *diags);

/* ---- job.c: one input through the pipeline ----------------------------- */

/* What to render. Only input is required. */
typedef struct {
  const char *input;
  const char *output;               /* NULL: the input's name with .pdf */
  const char *style;                /* a path; NULL: the input's style=, else handout */
  gboolean strict;
  PangoFontMap *map;                /* loaded once by the caller (not consumed); NULL: */
  const char *const *font_dirs;     /* the job loads one with these extra folders */
  RenderFormat format;              /* PDF (0), or page images */
  const GArray *pages;              /* images: the pages (of int, 1-based); NULL: all */
  double ppi;                       /* PNG: pixels per inch (0: 144) */
  /* --explain (explain.c): told of the sheet before layout, and after it
   * (the sheet still loaded); with after_layout set nothing is written */
  void (*before_layout) (StyleSheet *sheet, gpointer data);
  void (*after_layout) (StyleSheet *sheet, gpointer data);
  gpointer layout_data;
} CliJob;

/* What came of it. A job prints nothing. */
typedef struct {
  int status;                       /* CLI_EXIT_* (cli.h) */
  char *output;                     /* the PDF's path (written only when status is 0) */
  guint pages;
  guint64 bytes;                    /* the PDF's size */
  double seconds;                   /* wall time of the job */
  DiagList *diags;                  /* every message, with its place (file may be NULL) */
  GString *log;                     /* the same as a single run prints them on stderr */
  GPtrArray *files;                 /* of char*: every file read, once, in order: input,
                                     * pack includes, style and @imports, fonts.conf, each
                                     * font file drawn from (only after a success) */
} CliJobResult;

CliJobResult *cli_job_run (const CliJob *job);
void cli_job_result_free (CliJobResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliJobResult, cli_job_result_free)

/* ---- images.c: the options of page images ------------------------------- */
/* The format to write: --format's value (NULL: not given), else the one the
 * output's name says (.pdf, .png, .svg), else PDF. FALSE with error for an
 * unknown format or one the name contradicts. */
gboolean cli_output_format (const char *option, const char *output, RenderFormat *format,
                            GError **error);
/* "pdf", "png", "svg". */
const char *cli_format_extension (RenderFormat format);
/* "1,3-5" as page numbers in the order given, once each (of int); NULL
 * with error for anything else. */
GArray *cli_parse_pages (const char *spec, GError **error);

/* ---- explain.c: --explain SELECTOR ------------------------------------------- */
/* Lays job's input out once, then prints for the elements selector matches
 * (the first few, then a count) every property, its computed value and
 * where it came from: text, or JSON when json. The exit status. */
int cli_explain (const CliJob *job, const char *selector, gboolean json);

/* The built-in default style's path (handout.css). */
const char *cli_default_style (void);
/* input's name with .pdf for .xml (or .pdf added); g_free. */
char *cli_default_output (const char *input);

G_END_DECLS
