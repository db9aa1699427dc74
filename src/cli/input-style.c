/* input-style.c — which style an input's style="" may name.
 *
 * An input nobody has looked at must not make dossier read files of its
 * choosing (/etc/passwd parsed as CSS, /dev/zero read until memory runs
 * out, a FIFO that hangs), nor tell by its exit status whether a file
 * exists: the rule is decided on the path alone, before anything is opened. */
#include <string.h>
#include "cli/cli-private.h"
#include "common/datadir.h"
#include "common/readfile.h"

static char *
builtin_path (const char *styles_dir, const char *name)
{
  g_autofree char *css = g_str_has_suffix (name, ".css") ? g_strdup (name)
                                                         : g_strconcat (name, ".css", NULL);
  char *path = g_build_filename (styles_dir, css, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  return NULL;
}

char *
cli_input_style (const ModelDoc *doc, const char *styles_dir, char ***folders, DiagList *diags)
{
  const char *v = doc->style_value;
  g_autofree char *input_dir = g_path_get_dirname (doc->file);
  g_autofree char *names = datadir_style_names ();
  *folders = NULL;
  char *path = NULL;
  if (!strchr (v, '/') && !g_file_test (doc->style, G_FILE_TEST_EXISTS))
    path = builtin_path (styles_dir, v);
  if (!path) {
    if (!dossier_path_inside (doc->style, input_dir) &&
        !dossier_path_inside (doc->style, styles_dir)) {
      diag_error (diags, doc->file, doc->style_line, doc->style_column,
                  "style=\"%s\" leaves the input's folder: name a built-in style (%s) or a "
                  "file beside the input; give any other style with -s", v, names);
      return NULL;
    }
    if (!g_file_test (doc->style, G_FILE_TEST_EXISTS)) {
      diag_error (diags, doc->file, doc->style_line, doc->style_column,
                  "style=\"%s\" names no file beside the input and no built-in style (%s)", v,
                  names);
      return NULL;
    }
    if (!g_file_test (doc->style, G_FILE_TEST_IS_REGULAR)) {
      diag_error (diags, doc->file, doc->style_line, doc->style_column,
                  "style=\"%s\" is not a regular file (a folder, FIFO or device)", v);
      return NULL;
    }
    path = g_strdup (doc->style);
  }
  char *list[] = { g_canonicalize_filename (input_dir, NULL),
                   g_canonicalize_filename (styles_dir, NULL), NULL };
  *folders = g_strdupv (list);
  g_free (list[0]);
  g_free (list[1]);
  return path;
}
