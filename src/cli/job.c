/* job.c — one input through the whole pipeline: load, style, lay out,
 * render; what came of it returned as a value.
 *
 * Why a value and not prints: a batch runs many jobs (each in a worker of
 * its own, batch.c) and must report each as one line, a JSON object and a
 * depfile; a watch loop runs the same input again and again. So a job
 * prints nothing: its messages are kept twice, as the text a single run
 * prints on stderr (log) and structured with their places (diags), and the
 * files it read are listed for depfiles. The font map can be handed in, so
 * fontconfig is loaded once for a batch or a watch loop. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include "cli/cli.h"
#include "cli/cli-private.h"
#include "common/datadir.h"
#include "model/model.h"
#include "style/style.h"
#include "text/text.h"
#include "layout/layout.h"
#include "render/render.h"
#include "common/timing.h"

const char *
cli_default_style (void)
{
  static char *path = NULL;
  if (!path)
    path = g_build_filename (datadir_styles (), "handout.css", NULL);
  return path;
}

char *
cli_default_output (const char *input)
{
  if (g_str_has_suffix (input, ".xml"))
    return g_strdup_printf ("%.*s.pdf", (int) strlen (input) - 4, input);
  return g_strconcat (input, ".pdf", NULL);
}

/* SOURCE_DATE_EPOCH as cairo wants a date; NULL when unset or invalid (a
 * warning says so: a build that sets it wants its dates). */
static char *
source_date (CliJobResult *r)
{
  const char *s = g_getenv ("SOURCE_DATE_EPOCH");
  if (!s || !*s)
    return NULL;
  char *end;
  errno = 0;
  gint64 t = g_ascii_strtoll (s, &end, 10);
  if (*end || t < 0 || errno || !g_ascii_isdigit (*s) || t > G_GINT64_CONSTANT (253402300799)) {
    g_autofree char *text = g_strdup_printf (
        "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970 (a non-negative "
        "integer up to 9999-12-31): the PDF gets no date", s);
    g_string_append_printf (r->log, "dossier: warning: %s\n", text);
    diag_warning (r->diags, NULL, 0, 0, "%s", text);
    return NULL;
  }
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* A message that has no place in a file: logged as a single run has always
 * printed it (prefix, then text) and kept as an error of file (may be NULL). */
static int G_GNUC_PRINTF (5, 6)
fail (CliJobResult *r, int status, const char *prefix, const char *file, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *text = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_string_append_printf (r->log, "%s: %s\n", prefix, text);
  diag_error (r->diags, file, 0, 0, "%s", text);
  r->status = status;
  return status;
}

/* The job's diagnostics not yet logged into the log; the status they give. */
static int
log_diags (CliJobResult *r, gboolean strict, guint *logged)
{
  diag_list_append_text (r->diags, *logged, strict, r->log);
  *logged = diag_list_length (r->diags);
  return diag_list_count_errors (r->diags, strict) > 0 ? CLI_EXIT_DATAERR : CLI_EXIT_OK;
}

/* TRUE when a and b name the same file (device and inode, links followed). */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return a && b && g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static void
add_file (CliJobResult *r, const char *file)
{
  for (guint i = 0; i < r->files->len; i++)
    if (strcmp (g_ptr_array_index (r->files, i), file) == 0)
      return;
  g_ptr_array_add (r->files, g_strdup (file));
}

/* Checks before anything is read or written; the status (0: go on). */
static int
check_paths (const CliJob *job, CliJobResult *r)
{
  GStatBuf st;
  if (g_stat (job->input, &st) != 0)
    return fail (r, CLI_EXIT_NOINPUT, job->input, job->input, "no such file");
  if (!S_ISREG (st.st_mode))
    return fail (r, CLI_EXIT_NOINPUT, job->input, job->input, "is %s, not an input file",
                 S_ISDIR (st.st_mode) ? "a folder" : S_ISFIFO (st.st_mode) ? "a FIFO"
                 : "a device or socket");
  if (job->output && !*job->output)
    return fail (r, CLI_EXIT_USAGE, "dossier", NULL, "-o names no file: give the output's "
                 "path, or leave -o out to write the PDF beside the input");
  /* never write over an input */
  const char *inputs[] = { job->input, job->style };
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (same_file (r->output, inputs[i]))
      return fail (r, CLI_EXIT_USAGE, "dossier", NULL, "the output %s is the same file as "
                   "the %s %s: choose another output with -o", r->output,
                   i ? "style" : "input", inputs[i]);
  return CLI_EXIT_OK;
}

/* The style: loaded, checked, its files listed; NULL with r->status set. */
static StyleSheet *
load_style (const CliJob *job, const ModelDoc *doc, PangoFontMap *map, CliJobResult *r,
            guint *logged)
{
  /* A pack is set in one style: the option's, else the default (the
   * style= of the dossiers it includes is not used). */
  g_autofree char *chosen = NULL;
  g_auto (GStrv) folders = NULL;
  if (!job->style && doc && doc->style) {
    g_autofree char *styles_dir = g_path_get_dirname (cli_default_style ());
    chosen = cli_input_style (doc, styles_dir, &folders, r->diags);
    if (!chosen) {
      r->status = log_diags (r, job->strict, logged);
      return NULL;
    }
  }
  const char *style_path = job->style ? job->style : chosen ? chosen : cli_default_style ();
  gboolean is_dir = g_file_test (style_path, G_FILE_TEST_IS_DIR);
  if (!g_file_test (style_path, G_FILE_TEST_EXISTS) || is_dir) {
    log_diags (r, job->strict, logged);
    fail (r, CLI_EXIT_NOINPUT, style_path, style_path, "%s",
          is_dir ? "is a folder, not a style file" : "no such style file");
    return NULL;
  }
  if (same_file (r->output, style_path)) {
    fail (r, CLI_EXIT_USAGE, "dossier", NULL, "the output %s is the same file as the style %s: "
          "choose another output with -o", r->output, style_path);
    return NULL;
  }
  if (!folders) {
    /* the user's own style (-s, or the default): its imports may leave its
     * folder and that of the built-in styles, with a warning */
    char *list[] = { g_path_get_dirname (style_path),
                     g_path_get_dirname (cli_default_style ()), NULL };
    folders = g_strdupv (list);
    g_free (list[0]);
    g_free (list[1]);
  }
  StyleLoadRules rules = { (const char *const *) folders, chosen != NULL };
  timing_phase ("style");
  StyleSheet *sheet = style_sheet_load_with (style_path, &rules, r->diags);
  if (sheet) {
    g_auto (GStrv) files = style_sheet_files (sheet);
    for (char **f = files; *f; f++)
      add_file (r, *f);
    /* a family the fonts do not have is a style error like any other:
     * reported in the same run, at the place that names it */
    g_autoptr (GPtrArray) families = style_sheet_families (sheet);
    text_check_families (map, families, r->diags);
  }
  if (!sheet || diag_list_count_errors (r->diags, job->strict) > 0) {
    r->status = log_diags (r, job->strict, logged);
    g_clear_pointer (&sheet, style_sheet_free);
  }
  return sheet;
}

/* Lays out and renders; the status. */
static int
run_stages (const CliJob *job, CliJobResult *r, guint *logged)
{
  ModelPack *pack = NULL;
  timing_phase ("xml, schema, model");
  g_autoptr (ModelDoc) doc = model_load (job->input, job->strict, &pack, r->diags);
  add_file (r, job->input);
  for (guint i = 0; pack && i < pack->docs->len; i++)
    add_file (r, ((ModelDoc *) g_ptr_array_index (pack->docs, i))->file);
  g_autoptr (ModelPack) pack_owned = pack;
  if (!(doc || pack) || diag_list_count_errors (r->diags, job->strict) > 0) {
    log_diags (r, job->strict, logged);
    return r->status = CLI_EXIT_DATAERR;
  }

  /* the fonts before the style: its families are checked with its other
   * mistakes, in one run */
  g_autoptr (GError) error = NULL;
  timing_phase ("fonts (fontconfig)");
  PangoFontMap *map = job->map ? g_object_ref (job->map)
                               : text_font_map_new (job->font_dirs, &error);
  if (!map) {
    log_diags (r, job->strict, logged);
    return fail (r, CLI_EXIT_NOINPUT, "dossier", NULL, "%s", error->message);
  }
  g_autofree char *conf = text_fonts_conf_file ();
  add_file (r, conf);
  g_autoptr (StyleSheet) sheet = load_style (job, doc, map, r, logged);
  if (!sheet) {
    g_object_unref (map);
    return r->status;
  }
  if (job->before_layout)
    job->before_layout (sheet, job->layout_data);
  timing_phase ("layout");
  g_autoptr (LayoutDoc) ldoc = doc ? layout_run (doc, sheet, map, r->diags)
                                   : layout_run_pack (pack, sheet, map, r->diags);
  g_object_unref (map);
  if (job->after_layout) {
    job->after_layout (sheet, job->layout_data);
    return r->status = log_diags (r, job->strict, logged);
  }
  /* the pages are plain data: nothing after layout reads the model or the
   * style sheet (freed here, so a page that did would fail under ASan) */
  g_clear_pointer (&pack_owned, model_pack_free);
  pack = NULL;
  g_clear_pointer (&doc, model_doc_free);
  g_clear_pointer (&sheet, style_sheet_free);
  if (log_diags (r, job->strict, logged) != CLI_EXIT_OK)
    return r->status = CLI_EXIT_DATAERR;

  if (job->format != RENDER_FORMAT_PDF) {
    /* page images: the same display lists on cairo's image or SVG surface */
    timing_phase ("render: images");
    if (!render_images_write (ldoc, r->output, job->format, job->pages,
                              job->ppi > 0 ? job->ppi : 144, &error))
      return fail (r, error->code == RENDER_ERROR_TEMPFAIL ? CLI_EXIT_TEMPFAIL
                    : error->code == RENDER_ERROR_CAIRO    ? CLI_EXIT_SOFTWARE
                    : error->code == RENDER_ERROR_PAGES    ? CLI_EXIT_USAGE
                                                           : CLI_EXIT_CANTCREAT,
                   "dossier", NULL, "%s", error->message);
    r->pages = ldoc->pages->len;
    if (job->keep_layout)
      r->layout = g_steal_pointer (&ldoc);
    return r->status = CLI_EXIT_OK;
  }
  g_autofree char *date = source_date (r);
  g_autoptr (GPtrArray) fonts = g_ptr_array_new_with_free_func (g_free);
  RenderOptions ro = { .date = date, .font_files = fonts };
  if (!render_pdf_write (ldoc, r->output, &ro, &error))
    return fail (r, error->code == RENDER_ERROR_WRITE      ? CLI_EXIT_CANTCREAT
                  : error->code == RENDER_ERROR_TEMPFAIL ? CLI_EXIT_TEMPFAIL
                  : error->code == RENDER_ERROR_FONT     ? CLI_EXIT_DATAERR
                                                         : CLI_EXIT_SOFTWARE,
                 "dossier", r->output, "%s", error->message);
  for (guint i = 0; i < fonts->len; i++)
    add_file (r, g_ptr_array_index (fonts, i));
  r->pages = ldoc->pages->len;
  if (job->keep_layout)
    r->layout = g_steal_pointer (&ldoc);
  GStatBuf st;
  if (g_stat (r->output, &st) == 0)
    r->bytes = (guint64) st.st_size;
  return r->status = CLI_EXIT_OK;
}

CliJobResult *
cli_job_run (const CliJob *job)
{
  g_return_val_if_fail (job && job->input, NULL);
  gint64 start = g_get_monotonic_time ();
  CliJobResult *r = g_new0 (CliJobResult, 1);
  r->diags = diag_list_new ();
  r->log = g_string_new (NULL);
  r->files = g_ptr_array_new_with_free_func (g_free);
  if (job->output)
    r->output = g_strdup (job->output);
  else if (job->format != RENDER_FORMAT_PDF) {
    /* page images beside the input: NAME-{0p}.png, one file a page */
    g_autofree char *pdf = cli_default_output (job->input);
    r->output = g_strdup_printf ("%.*s-{0p}.%s", (int) strlen (pdf) - 4, pdf,
                                 cli_format_extension (job->format));
  } else
    r->output = cli_default_output (job->input);
  guint logged = 0;
  if (check_paths (job, r) == CLI_EXIT_OK)
    run_stages (job, r, &logged);
  r->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return r;
}

void
cli_job_result_free (CliJobResult *r)
{
  if (!r)
    return;
  g_free (r->output);
  diag_list_free (r->diags);
  g_string_free (r->log, TRUE);
  g_ptr_array_unref (r->files);
  g_clear_pointer (&r->layout, layout_doc_free);
  g_free (r);
}
