/* cli.c — `dossier [options] INPUT.xml…`: the options, then each input
 * through the job (job.c), several at a time (batch.c). */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "common/datadir.h"
#include "cli/cli-private.h"
#include "text/text.h"
#include "render/render.h"
#include "common/limits.h"
#include "common/timing.h"

typedef struct {
  char *output;
  char *style;
  gboolean strict;
  gboolean version;
  gboolean list_fonts;
  gboolean watch, serve;
  int port;
  char **font_dirs;
  char **inputs;
  char **argv;                /* as given, before parsing: for --serve's exec */
  CliServeFunc serve_func;    /* NULL: exec dossier-serve (cli.h) */
  char *manifest;
  char *report;
  char *depfile;
  gboolean depfiles;
  int jobs;                                /* -1: the default */
  int max_input_mb, max_pages, max_word;   /* -1: the default */
  char *format, *pages;
  char *explain;              /* --explain SELECTOR */
  double ppi;
  RenderFormat render_format;
  GArray *page_list;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->output);
  g_free (o->style);
  g_strfreev (o->font_dirs);
  g_strfreev (o->inputs);
  g_strfreev (o->argv);
  g_free (o->manifest);
  g_free (o->report);
  g_free (o->depfile);
  g_free (o->format);
  g_free (o->pages);
  g_free (o->explain);
  if (o->page_list)
    g_array_unref (o->page_list);
}

static int
list_fonts (const Options *o)
{
  g_autoptr (GError) error = NULL;
  timing_phase ("fonts (fontconfig)");
  PangoFontMap *map = text_font_map_new ((const char *const *) o->font_dirs, &error);
  if (!map) {
    fprintf (stderr, "dossier: %s\n", error->message);
    return CLI_EXIT_NOINPUT;
  }
  g_auto (GStrv) families = text_font_families (map);
  for (char **f = families; *f; f++)
    printf ("%s\n", *f);
  g_object_unref (map);
  return CLI_EXIT_OK;
}

/* The inputs of the command line, then the manifest's; NULL (reported)
 * when the manifest cannot be read. */
static char **
gather_inputs (const Options *o, int *status)
{
  GPtrArray *all = g_ptr_array_new ();
  for (char **i = o->inputs; i && *i; i++)
    g_ptr_array_add (all, g_strdup (*i));
  if (o->manifest) {
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) listed = cli_manifest_read (o->manifest, &error);
    if (!listed) {
      fprintf (stderr, "dossier: --manifest %s: %s\n", o->manifest, error->message);
      g_ptr_array_free (all, TRUE);
      *status = CLI_EXIT_NOINPUT;
      return NULL;
    }
    for (char **i = listed; *i; i++)
      g_ptr_array_add (all, g_strdup (*i));
  }
  if (all->len == 0) {
    fprintf (stderr, "dossier: give an INPUT.xml (or several, or --manifest FILE)\n"
             "Try 'dossier --help'.\n");
    g_ptr_array_free (all, TRUE);
    *status = CLI_EXIT_USAGE;
    return NULL;
  }
  g_ptr_array_add (all, NULL);
  return (char **) g_ptr_array_free (all, FALSE);
}

static int watch_one (const Options *o, char **inputs);

static int
render_all (const Options *o)
{
  if (o->port != -1 && !o->serve) {
    fprintf (stderr, "dossier: --port %d: give it with --serve\nTry 'dossier --help'.\n", o->port);
    return CLI_EXIT_USAGE;
  }
  if (o->jobs != -1 && (o->jobs < 1 || o->jobs > 256)) {
    fprintf (stderr, "dossier: -j %d: give a number of inputs at a time from 1 to 256\n"
             "Try 'dossier --help'.\n", o->jobs);
    return CLI_EXIT_USAGE;
  }
  int status = CLI_EXIT_OK;
  g_auto (GStrv) inputs = gather_inputs (o, &status);
  if (!inputs)
    return status;
  CliBatch b = { .inputs = inputs, .output = o->output, .style = o->style, .strict = o->strict,
                 .font_dirs = (const char *const *) o->font_dirs,
                 .jobs = o->jobs > 0 ? o->jobs : 0, .report = o->report,
                 .depfile = o->depfile, .depfiles = o->depfiles,
                 .format = o->render_format, .pages = o->page_list, .ppi = o->ppi };
  if (o->watch || o->serve)
    return watch_one (o, inputs);
  return cli_batch_run (&b);
}

/* --watch, --serve: one input, rendered again on each save. */
static int
watch_one (const Options *o, char **inputs)
{
  if (!inputs[0] || inputs[1]) {
    fprintf (stderr, "dossier: --%s takes one INPUT.xml\nTry 'dossier --help'.\n",
             o->serve ? "serve" : "watch");
    return CLI_EXIT_USAGE;
  }
  if (o->output && strcmp (o->output, "-") == 0) {
    fprintf (stderr, "dossier: -o -: --%s renders again and again: give -o a file's name\n",
             o->serve ? "serve" : "watch");
    return CLI_EXIT_USAGE;
  }
  CliJob job = { .input = inputs[0], .output = o->output, .style = o->style, .strict = o->strict,
                 .font_dirs = (const char *const *) o->font_dirs,
                 .format = o->render_format, .pages = o->page_list, .ppi = o->ppi };
  if (o->serve && !o->serve_func)
    return cli_serve_exec (o->argv);
  if (o->serve)
    return o->serve_func (&job, o->port == -1 ? 0 : o->port);
  g_autoptr (CliWatch) w = cli_watch_new (&job);
  return cli_watch_run (w);
}

/* --format, --pages, --ppi: checked before anything is read. */
static gboolean
image_options (Options *o)
{
  g_autoptr (GError) error = NULL;
  /* --format is one option: json only with --explain, an image format without it */
  gboolean json = o->format && g_ascii_strcasecmp (o->format, "json") == 0;
  if (o->explain || json) {
    if (o->explain && (!o->format || json))
      return TRUE;
    fprintf (stderr, o->explain ? "dossier: --format %s with --explain: give --format json, "
             "or leave --format out for text\n" : "dossier: --format %s: json is the format "
             "of --explain's answer; a document is written as pdf, png or svg\n", o->format);
    return FALSE;
  }
  if (!cli_output_format (o->format, o->output, &o->render_format, &error)) {
    fprintf (stderr, "dossier: %s\nTry 'dossier --help'.\n", error->message);
    return FALSE;
  }
  if (o->pages && o->render_format == RENDER_FORMAT_PDF) {
    fprintf (stderr, "dossier: --pages %s: a PDF always has every page; --pages chooses the "
             "pages of PNG or SVG images (--format png, or -o 'page-{p}.png')\n", o->pages);
    return FALSE;
  }
  if (o->pages && !(o->page_list = cli_parse_pages (o->pages, &error))) {
    fprintf (stderr, "dossier: %s\n", error->message);
    return FALSE;
  }
  if (o->ppi != 0 && (o->ppi < 1 || o->ppi > 2400)) {
    fprintf (stderr, "dossier: --ppi %g: give a number from 1 to 2400\n", o->ppi);
    return FALSE;
  }
  return TRUE;
}

/* The --max-* options over the defaults; FALSE (reported) for one that is
 * not a positive number of a sensible size. */
static gboolean
apply_limits (const Options *o)
{
  const struct { const char *name; int value, max; } opts[] = {
    { "--max-input-mb", o->max_input_mb, 1 << 20 },
    { "--max-pages", o->max_pages, 10000000 },
    { "--max-word", o->max_word, 100000000 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (opts); i++)
    if (opts[i].value != -1 && (opts[i].value < 1 || opts[i].value > opts[i].max)) {
      fprintf (stderr, "dossier: %s %d: give a number from 1 to %d\nTry 'dossier --help'.\n",
               opts[i].name, opts[i].value, opts[i].max);
      return FALSE;
    }
  DossierLimits l = *limits_get ();
  if (o->max_input_mb > 0)
    l.max_input_bytes = (guint64) o->max_input_mb * 1024 * 1024;
  if (o->max_pages > 0)
    l.max_pages = (guint) o->max_pages;
  if (o->max_word > 0)
    l.max_word = (guint) o->max_word;
  limits_set (&l);
  return TRUE;
}

/* -s NAME: the built-in style's file, so every later check sees a path. */
static gboolean
resolve_style_name (Options *o)
{
  if (!o->style || !datadir_is_style_name (o->style))
    return TRUE;
  g_autoptr (GError) error = NULL;
  char *path = datadir_style_resolve (o->style, &error);
  if (!path) {
    fprintf (stderr, "dossier: -s %s: %s\n", o->style, error->message);
    return FALSE;
  }
  g_free (o->style);
  o->style = path;
  return TRUE;
}

int
cli_main (int argc, char **argv, CliServeFunc serve)
{
  setlocale (LC_ALL, "");
  render_output_handle_signals ();
  Options o = { .jobs = -1, .port = -1, .max_input_mb = -1, .max_pages = -1, .max_word = -1,
                .argv = g_strdupv (argv), .serve_func = serve };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF to FILE (default: the input's name with .pdf), or each input's into the folder DIR/; for images a name with {p}, {0p} (page number) or {t} (page count)", "FILE|DIR/" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
      "Render N inputs at a time (default: the number of cores)", "N" },
    { "manifest", 0, 0, G_OPTION_ARG_FILENAME, &o.manifest,
      "Also render the inputs FILE lists, one a line (# comments; paths relative to FILE's folder)", "FILE" },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &o.report,
      "Write a JSON line per input to FILE: status, pages, seconds, bytes, messages", "FILE" },
    { "depfile", 0, 0, G_OPTION_ARG_FILENAME, &o.depfile,
      "Write the PDF's dependencies to FILE as a Makefile rule (one input)", "FILE" },
    { "depfiles", 0, 0, G_OPTION_ARG_NONE, &o.depfiles,
      "Write each PDF's dependencies beside it, as OUTPUT.pdf.d", NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format,
      "Write pdf, png or svg (default: as the output's name says, else pdf)", "FORMAT" },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &o.pages,
      "Images of these pages only, e.g. 1,3-5 (PNG and SVG)", "LIST" },
    { "ppi", 0, 0, G_OPTION_ARG_DOUBLE, &o.ppi,
      "Pixels per inch of PNG images (default 144)", "N" },
    { "style", 's', 0, G_OPTION_ARG_FILENAME, &o.style,
      "Use the style sheet FILE, or a built-in style by NAME (handout, briefing); default: the input's style=, else handout", "FILE|NAME" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &o.strict,
      "Treat warnings (missing translations, unsupported CSS, overfull lines) as errors", NULL },
    { "font-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.font_dirs,
      "Also use the fonts in DIR (may be repeated)", "DIR" },
    { "list-fonts", 0, 0, G_OPTION_ARG_NONE, &o.list_fonts,
      "List the font families available and exit", NULL },
    { "max-input-mb", 0, 0, G_OPTION_ARG_INT, &o.max_input_mb,
      "Refuse an input file larger than N MB (default " G_STRINGIFY (LIMITS_DEFAULT_INPUT_MB) ")", "N" },
    { "max-pages", 0, 0, G_OPTION_ARG_INT, &o.max_pages,
      "Refuse to write more than N pages (default " G_STRINGIFY (LIMITS_DEFAULT_PAGES) ")", "N" },
    { "max-word", 0, 0, G_OPTION_ARG_INT, &o.max_word,
      "Refuse a word longer than N characters (default " G_STRINGIFY (LIMITS_DEFAULT_WORD) ")", "N" },
    { "watch", 'w', 0, G_OPTION_ARG_NONE, &o.watch,
      "Render, then render again on each save of the input, its style and @imports, or a font, until Ctrl-C", NULL },
    { "serve", 0, 0, G_OPTION_ARG_NONE, &o.serve,
      "As --watch, with a live preview in a browser at http://127.0.0.1:PORT/", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &o.port,
      "The port of --serve (default 0: any free port; the URL is printed)", "N" },
    { "explain", 0, 0, G_OPTION_ARG_STRING, &o.explain,
      "For the elements SELECTOR matches (as in a style: 'section#economy > p:lang(zh)', 'heading', '@page :first'), print every property, its value and where it came from; writes nothing (--format json for tools)", "SELECTOR" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version,
      "Print the version, the libraries' versions and the data folder, and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, "INPUT.xml…" },
    G_OPTION_ENTRY_NULL,
  };
  /* NULL: the usage line's INPUT.xml comes from G_OPTION_REMAINING */
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx,
      "Typesets an event description (XML, input format v1) as a bilingual PDF dossier.");
  g_option_context_set_description (ctx,
      "Several inputs: each to its own PDF (beside it, or into -o DIR/), -j at a time,\n"
      "a line each on standard error as it finishes.\n\n"
      "Exit status: 0 success, 64 usage, 65 bad input or style, 66 input not found,\n"
      "70 internal error, 73 output not writable, 75 temporary failure (a full disk:\n"
      "worth a retry), 130/143 interrupted (SIGINT/SIGTERM). For several inputs, the\n"
      "worst: 70, 64, 65, 66, 73, then 75 (only when every failure is temporary).\n");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    fprintf (stderr, "dossier: %s\nTry 'dossier --help'.\n", error->message);
    options_clear (&o);
    return CLI_EXIT_USAGE;
  }
  int status;
  if (!apply_limits (&o) || !image_options (&o)) {
    status = CLI_EXIT_USAGE;
  } else if (!resolve_style_name (&o)) {
    status = CLI_EXIT_NOINPUT;
  } else if (o.version) {
    cli_print_version (stdout);
    status = CLI_EXIT_OK;
  } else if (o.list_fonts) {
    status = list_fonts (&o);
  } else if (o.explain && (!o.inputs || !o.inputs[0] || o.inputs[1] || o.manifest)) {
    fprintf (stderr, "dossier: --explain: give exactly one INPUT.xml\nTry 'dossier --help'.\n");
    status = CLI_EXIT_USAGE;
  } else if (o.explain) {
    CliJob job = { .input = o.inputs[0], .output = o.output, .style = o.style,
                   .strict = o.strict, .font_dirs = (const char *const *) o.font_dirs };
    status = cli_explain (&job, o.explain, o.format != NULL);
  } else {
    status = render_all (&o);
  }
  timing_report (stderr);
  options_clear (&o);
  return status;
}
