/* cli.c — `dossier [options] INPUT.xml`: load, style, lay out, render. */
#include <errno.h>
#include <string.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include "cli/cli.h"
#include "common/datadir.h"
#include "cli/cli-private.h"
#include "model/model.h"
#include "style/style.h"
#include "text/text.h"
#include "layout/layout.h"
#include "render/render.h"
#include "common/limits.h"
#include "common/timing.h"

typedef struct {
  char *output;
  char *style;
  gboolean strict;
  gboolean version;
  gboolean list_fonts;
  char **font_dirs;
  char **inputs;
  int max_input_mb, max_pages, max_word;   /* -1: the default */
} Options;

static void
options_clear (Options *o)
{
  g_free (o->output);
  g_free (o->style);
  g_strfreev (o->font_dirs);
  g_strfreev (o->inputs);
}

static const char *
default_style (void)
{
  static char *path = NULL;
  if (!path) {
    path = g_build_filename (datadir_styles (), "handout.css", NULL);
  }
  return path;
}

static char *
default_output (const char *input)
{
  if (g_str_has_suffix (input, ".xml"))
    return g_strdup_printf ("%.*s.pdf", (int) strlen (input) - 4, input);
  return g_strconcat (input, ".pdf", NULL);
}

/* SOURCE_DATE_EPOCH as cairo wants a date; NULL when unset or invalid (a
 * warning says so: a build that sets it wants its dates). */
static char *
source_date (void)
{
  const char *s = g_getenv ("SOURCE_DATE_EPOCH");
  if (!s || !*s)
    return NULL;
  char *end;
  errno = 0;
  gint64 t = g_ascii_strtoll (s, &end, 10);
  if (*end || t < 0 || errno || !g_ascii_isdigit (*s) || t > G_GINT64_CONSTANT (253402300799)) {
    fprintf (stderr, "dossier: warning: SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds "
             "since 1970 (a non-negative integer up to 9999-12-31): the PDF gets no date\n", s);
    return NULL;
  }
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static int
print_diags (DiagList *diags, gboolean strict)
{
  diag_list_print (diags, stderr, strict);
  return diag_list_count_errors (diags, strict) > 0 ? CLI_EXIT_DATAERR : CLI_EXIT_OK;
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

/* TRUE when a and b name the same file (device and inode, links followed). */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return a && b && g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static int
render_one (const Options *o, const char *input)
{
  GStatBuf st;
  if (g_stat (input, &st) != 0) {
    fprintf (stderr, "%s: no such file\n", input);
    return CLI_EXIT_NOINPUT;
  }
  if (!S_ISREG (st.st_mode)) {
    fprintf (stderr, "%s: is %s, not an input file\n", input,
             S_ISDIR (st.st_mode) ? "a folder" : S_ISFIFO (st.st_mode) ? "a FIFO"
             : "a device or socket");
    return CLI_EXIT_NOINPUT;
  }
  if (o->output && !*o->output) {
    fprintf (stderr, "dossier: -o names no file: give the output's path, or leave -o out "
             "to write the PDF beside the input\n");
    return CLI_EXIT_USAGE;
  }
  g_autofree char *output = o->output ? g_strdup (o->output) : default_output (input);
  /* before anything is read or written: never write over an input */
  const char *inputs[] = { input, o->style };
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++) {
    if (same_file (output, inputs[i])) {
      fprintf (stderr, "dossier: the output %s is the same file as the %s %s: "
               "choose another output with -o\n", output, i ? "style" : "input", inputs[i]);
      return CLI_EXIT_USAGE;
    }
  }
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  timing_phase ("xml, schema, model");
  g_autoptr (ModelDoc) doc = model_load (input, o->strict, &pack, diags);
  if (!(doc || pack) || diag_list_count_errors (diags, o->strict) > 0) {
    print_diags (diags, o->strict);
    model_pack_free (pack);
    return CLI_EXIT_DATAERR;
  }

  /* A pack is set in one style: the option's, else the default (the
   * style= of the dossiers it includes is not used). */
  g_autofree char *chosen = NULL;
  g_auto (GStrv) folders = NULL;
  if (!o->style && doc && doc->style) {
    g_autofree char *styles_dir = g_path_get_dirname (default_style ());
    chosen = cli_input_style (doc, styles_dir, &folders, diags);
    if (!chosen) {
      print_diags (diags, o->strict);
      model_pack_free (pack);
      return CLI_EXIT_DATAERR;
    }
  }
  const char *style_path = o->style ? o->style : chosen ? chosen : default_style ();
  if (!g_file_test (style_path, G_FILE_TEST_EXISTS) || g_file_test (style_path, G_FILE_TEST_IS_DIR)) {
    print_diags (diags, o->strict);
    fprintf (stderr, "%s: %s\n", style_path, g_file_test (style_path, G_FILE_TEST_IS_DIR)
             ? "is a folder, not a style file" : "no such style file");
    model_pack_free (pack);
    return CLI_EXIT_NOINPUT;
  }
  if (same_file (output, style_path)) {
    fprintf (stderr, "dossier: the output %s is the same file as the style %s: "
             "choose another output with -o\n", output, style_path);
    model_pack_free (pack);
    return CLI_EXIT_USAGE;
  }
  if (!folders) {
    /* the user's own style (-s, or the default): its imports may leave its
     * folder and that of the built-in styles, with a warning */
    char *list[] = { g_path_get_dirname (style_path), g_path_get_dirname (default_style ()), NULL };
    folders = g_strdupv (list);
    g_free (list[0]);
    g_free (list[1]);
  }
  StyleLoadRules rules = { (const char *const *) folders, chosen != NULL };
  timing_phase ("style");
  g_autoptr (StyleSheet) sheet = style_sheet_load_with (style_path, &rules, diags);
  if (!sheet || diag_list_count_errors (diags, o->strict) > 0) {
    print_diags (diags, o->strict);
    model_pack_free (pack);
    return CLI_EXIT_DATAERR;
  }

  g_autoptr (GError) error = NULL;
  timing_phase ("fonts (fontconfig)");
  PangoFontMap *map = text_font_map_new ((const char *const *) o->font_dirs, &error);
  if (!map) {
    print_diags (diags, o->strict);
    fprintf (stderr, "dossier: %s\n", error->message);
    model_pack_free (pack);
    return CLI_EXIT_NOINPUT;
  }
  g_autoptr (GPtrArray) families = style_sheet_families (sheet);
  text_check_families (map, families, diags);
  timing_phase ("layout");
  g_autoptr (LayoutDoc) ldoc = doc ? layout_run (doc, sheet, map, diags)
                                   : layout_run_pack (pack, sheet, map, diags);
  g_object_unref (map);
  /* the pages are plain data: nothing after layout reads the model or the
   * style sheet (freed here, so a page that did would fail under ASan) */
  g_clear_pointer (&pack, model_pack_free);
  g_clear_pointer (&doc, model_doc_free);
  g_clear_pointer (&sheet, style_sheet_free);
  if (print_diags (diags, o->strict) != CLI_EXIT_OK)
    return CLI_EXIT_DATAERR;

  g_autofree char *date = source_date ();
  RenderOptions ro = { .date = date };
  if (!render_pdf_write (ldoc, output, &ro, &error)) {
    fprintf (stderr, "dossier: %s\n", error->message);
    return error->code == RENDER_ERROR_WRITE      ? CLI_EXIT_CANTCREAT
         : error->code == RENDER_ERROR_TEMPFAIL ? CLI_EXIT_TEMPFAIL
                                                : CLI_EXIT_SOFTWARE;
  }
  return CLI_EXIT_OK;
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
cli_main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  render_output_handle_signals ();
  Options o = { .max_input_mb = -1, .max_pages = -1, .max_word = -1 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF to FILE (default: the input's name with .pdf)", "FILE" },
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
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version,
      "Print the version, the libraries' versions and the data folder, and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, "INPUT.xml" },
    G_OPTION_ENTRY_NULL,
  };
  /* NULL: the usage line's INPUT.xml comes from G_OPTION_REMAINING */
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx,
      "Typesets an event description (XML, input format v1) as a bilingual PDF dossier.");
  g_option_context_set_description (ctx,
      "Exit status: 0 success, 64 usage, 65 bad input or style, 66 input not found,\n"
      "70 internal error, 73 output not writable, 75 temporary failure (a full disk:\n"
      "worth a retry), 130/143 interrupted (SIGINT/SIGTERM).\n");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    fprintf (stderr, "dossier: %s\nTry 'dossier --help'.\n", error->message);
    options_clear (&o);
    return CLI_EXIT_USAGE;
  }
  int status;
  if (!apply_limits (&o)) {
    status = CLI_EXIT_USAGE;
  } else if (!resolve_style_name (&o)) {
    status = CLI_EXIT_NOINPUT;
  } else if (o.version) {
    cli_print_version (stdout);
    status = CLI_EXIT_OK;
  } else if (o.list_fonts) {
    status = list_fonts (&o);
  } else if (!o.inputs || !o.inputs[0] || o.inputs[1]) {
    fprintf (stderr, "dossier: give exactly one INPUT.xml\nTry 'dossier --help'.\n");
    status = CLI_EXIT_USAGE;
  } else {
    status = render_one (&o, o.inputs[0]);
  }
  timing_report (stderr);
  options_clear (&o);
  return status;
}
