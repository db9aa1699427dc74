/* cli-private.h — shared between the command line's files. */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "cli/cli.h"
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
struct _CliJob {
  const char *input;
  const char *output;               /* NULL: the input's name with .pdf */
  const char *style;                /* a path; NULL: the input's style=, else handout */
  gboolean strict;
  PangoFontMap *map;                /* loaded once by the caller (not consumed); NULL: */
  const char *const *font_dirs;     /* the job loads one with these extra folders */
  RenderFormat format;              /* PDF (0), or page images */
  const GArray *pages;              /* images: the pages (of int, 1-based); NULL: all */
  double ppi;                       /* PNG: pixels per inch (0: 144) */
  gboolean keep_layout;             /* hand the pages back (result's layout): --serve */
  /* --explain (explain.c): told of the sheet before layout, and after it
   * (the sheet still loaded); with after_layout set nothing is written */
  void (*before_layout) (StyleSheet *sheet, gpointer data);
  void (*after_layout) (StyleSheet *sheet, gpointer data);
  gpointer layout_data;
};

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
  LayoutDoc *layout;                /* keep_layout and a success: the pages (owned) */
} CliJobResult;

CliJobResult *cli_job_run (const CliJob *job);
void cli_job_result_free (CliJobResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliJobResult, cli_job_result_free)

/* ---- record.c: depfiles and the report ---------------------------------- */

/* The Makefile rule "OUTPUT: FILE …" of r's files, escaped as gcc does. */
char *cli_depfile_text (const CliJobResult *r);
/* The same, written atomically to path. */
gboolean cli_depfile_write (const CliJobResult *r, const char *path, GError **error);
/* One line of the report (JSON, no newline): input, output, status, pages,
 * seconds, bytes, messages [{file, line, column, severity, text}]. */
char *cli_report_line (const CliJobResult *r, const char *input, gboolean strict);

/* ---- batch.c: several inputs, a worker each ----------------------------- */

typedef struct {
  char **inputs;                    /* NULL-terminated, at least one */
  const char *output;               /* -o: a file (one input), a folder, or NULL */
  const char *style;
  gboolean strict;
  const char *const *font_dirs;
  int jobs;                         /* at a time; 0: the number of cores */
  const char *report;               /* JSON Lines, or NULL */
  const char *depfile;              /* one input only, or NULL */
  gboolean depfiles;                /* OUTPUT.d beside each PDF */
  RenderFormat format;              /* page images: one input only */
  const GArray *pages;
  double ppi;
} CliBatch;

/* Renders each input, prints its messages and (for several) a line each;
 * the worst status (cli_status_worst). */
int cli_batch_run (const CliBatch *b);
/* The worse of two exit statuses: 70 > 64 > 65 > 66 > 73 > 75 > 0. */
int cli_status_worst (int a, int b);
/* The inputs a manifest lists: one a line, blank lines and lines starting
 * with # skipped, relative paths taken from the manifest's folder. */
char **cli_manifest_read (const char *path, GError **error);
/* ---- watch.c: --watch, the job again on each save ---------------------- */
typedef struct _CliWatch CliWatch;
/* Called after each render with its result (the hook may take r->layout). */
typedef void (*CliWatchHook) (CliWatch *w, CliJobResult *r, gpointer data);
/* job is copied (its strings must outlive the watch); job->map is ignored:
 * the watch loads and keeps its own. */
CliWatch *cli_watch_new (const CliJob *job);
void cli_watch_set_hook (CliWatch *w, CliWatchHook hook, gpointer data);
guint cli_watch_renders (const CliWatch *w);
/* Renders, then again on each save of a file the render read, until
 * SIGINT or SIGTERM; the exit status (128 + the signal). */
int cli_watch_run (CliWatch *w);
void cli_watch_free (CliWatch *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliWatch, cli_watch_free)

/* ---- serve.c: --serve, a live preview in a browser ----------------------- */
/* Watches as --watch does and serves the pages on 127.0.0.1:port (0: any
 * free port; the URL is printed); the exit status. In dossier-serve only. */
int cli_serve_run (const CliJob *job, int port);
/* serve-exec.c: --serve in dossier: replaces the process with dossier-serve
 * (beside the binary, else in the install's libexec folder) run with argv,
 * the arguments as given; returns only when that fails (reported): 70. */
int cli_serve_exec (char **argv);

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
