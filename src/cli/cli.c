/* cli.c — `dossier [options] INPUT.xml`: load, style, lay out, render. */
#include <errno.h>
#include <string.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include "cli/cli.h"
#include "common/readfile.h"
#include "model/model.h"
#include "style/style.h"
#include "text/text.h"
#include "layout/layout.h"
#include "render/render.h"

typedef struct {
  char *output;
  char *style;
  gboolean strict;
  gboolean version;
  gboolean list_fonts;
  char **font_dirs;
  char **inputs;
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
    const char *dir = g_getenv ("DOSSIER_STYLES_DIR");
    path = g_build_filename (dir && *dir ? dir : DOSSIER_SOURCE_DIR "/styles", "handout.css", NULL);
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

/* SOURCE_DATE_EPOCH as cairo wants a date; NULL when unset or invalid. */
static char *
source_date (void)
{
  const char *s = g_getenv ("SOURCE_DATE_EPOCH");
  if (!s || !*s)
    return NULL;
  char *end;
  gint64 t = g_ascii_strtoll (s, &end, 10);
  if (*end || t < 0)
    return NULL;
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

static int
render_one (const Options *o, const char *input)
{
  if (!dossier_is_regular_file (input)) {
    fprintf (stderr, "%s: %s\n", input,
             g_file_test (input, G_FILE_TEST_IS_DIR) ? "is a folder, not an input file"
             : g_file_test (input, G_FILE_TEST_EXISTS) ? "is not a regular file"
             : "no such file");
    return CLI_EXIT_NOINPUT;
  }
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  g_autoptr (ModelDoc) doc = model_load (input, o->strict, &pack, diags);
  if (!(doc || pack) || diag_list_count_errors (diags, o->strict) > 0) {
    print_diags (diags, o->strict);
    model_pack_free (pack);
    return CLI_EXIT_DATAERR;
  }

  /* A pack is set in one style: the option's, else the default (the
   * style= of the dossiers it includes is not used). */
  const char *style_path = o->style ? o->style
                         : doc && doc->style ? doc->style : default_style ();
  if (!dossier_is_regular_file (style_path)) {
    /* a FIFO or a device would hang or never end: only regular files */
    print_diags (diags, o->strict);
    fprintf (stderr, "%s: %s\n", style_path,
             g_file_test (style_path, G_FILE_TEST_EXISTS) ? "is not a regular style file"
                                                          : "no such style file");
    model_pack_free (pack);
    return CLI_EXIT_NOINPUT;
  }
  g_autoptr (StyleSheet) sheet = style_sheet_load (style_path, diags);
  if (!sheet || diag_list_count_errors (diags, o->strict) > 0) {
    print_diags (diags, o->strict);
    model_pack_free (pack);
    return CLI_EXIT_DATAERR;
  }

  g_autoptr (GError) error = NULL;
  PangoFontMap *map = text_font_map_new ((const char *const *) o->font_dirs, &error);
  if (!map) {
    print_diags (diags, o->strict);
    fprintf (stderr, "dossier: %s\n", error->message);
    model_pack_free (pack);
    return CLI_EXIT_NOINPUT;
  }
  g_autoptr (GPtrArray) families = style_sheet_families (sheet);
  text_check_families (map, families, diags);
  g_autoptr (LayoutDoc) ldoc = doc ? layout_run (doc, sheet, map, diags)
                                   : layout_run_pack (pack, sheet, map, diags);
  g_object_unref (map);
  if (print_diags (diags, o->strict) != CLI_EXIT_OK) {
    model_pack_free (pack);
    return CLI_EXIT_DATAERR;
  }

  g_autofree char *output = o->output ? g_strdup (o->output) : default_output (input);
  g_autofree char *date = source_date ();
  RenderOptions ro = { .date = date };
  if (!render_pdf_write (ldoc, output, &ro, &error)) {
    fprintf (stderr, "dossier: %s\n", error->message);
    model_pack_free (pack);
    return error->code == RENDER_ERROR_WRITE ? CLI_EXIT_CANTCREAT : CLI_EXIT_SOFTWARE;
  }
  model_pack_free (pack);   /* after rendering: the pages point into the model */
  return CLI_EXIT_OK;
}

int
cli_main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF to FILE (default: the input's name with .pdf)", "FILE" },
    { "style", 's', 0, G_OPTION_ARG_FILENAME, &o.style,
      "Use the style sheet FILE (default: the input's style=, else styles/handout.css)", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &o.strict,
      "Treat warnings (missing translations, unsupported CSS, overfull lines) as errors", NULL },
    { "font-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.font_dirs,
      "Also use the fonts in DIR (may be repeated)", "DIR" },
    { "list-fonts", 0, 0, G_OPTION_ARG_NONE, &o.list_fonts,
      "List the font families available and exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, "INPUT.xml" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT.xml");
  g_option_context_set_summary (ctx,
      "Typesets an event description (XML, input format v1) as a bilingual PDF dossier.");
  g_option_context_set_description (ctx,
      "Exit status: 0 success, 64 usage, 65 bad input or style, 66 input not found,\n"
      "70 internal error, 73 output not writable.\n");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    fprintf (stderr, "dossier: %s\nTry 'dossier --help'.\n", error->message);
    options_clear (&o);
    return CLI_EXIT_USAGE;
  }
  int status;
  if (o.version) {
    printf ("dossier %s\n", DOSSIER_VERSION);
    status = CLI_EXIT_OK;
  } else if (o.list_fonts) {
    status = list_fonts (&o);
  } else if (!o.inputs || !o.inputs[0] || o.inputs[1]) {
    fprintf (stderr, "dossier: give exactly one INPUT.xml\nTry 'dossier --help'.\n");
    status = CLI_EXIT_USAGE;
  } else {
    status = render_one (&o, o.inputs[0]);
  }
  options_clear (&o);
  return status;
}
