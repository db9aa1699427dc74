/* paths.c — files an input names: style="" and a pack's include href="".
 *
 * An input may come from anyone, so what it names must stay inside its own
 * folder: no absolute path, no "..", no symlink that leads out. A name that
 * leads outside gets the same message whether or not the file there
 * exists, so the messages tell nothing about the rest of the machine. Only
 * regular files are accepted (a FIFO would hang, /dev/zero never ends). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "model/model-private.h"

static gboolean
has_dotdot (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  for (char **p = parts; *p; p++)
    if (strcmp (*p, "..") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
inside (const char *real, const char *real_dir)
{
  gsize n = strlen (real_dir);
  if (n == 1 && real_dir[0] == '/')
    return TRUE;
  return strncmp (real, real_dir, n) == 0 && real[n] == '/';
}

char *
model_confined_path (ModelSource *ms, int line, int column, const char *what,
                     const char *value, const char *allowed)
{
  DiagList *d = ms->diags;
  if (!*value || g_path_is_absolute (value) || strstr (value, "://") || value[0] == '~') {
    diag_error (d, ms->file, line, column,
                "%s=\"%s\" is not a relative path; write %s (absolute paths and URLs are refused)",
                what, value, allowed);
    return NULL;
  }
  if (has_dotdot (value)) {
    diag_error (d, ms->file, line, column,
                "%s=\"%s\" leaves the folder with '..'; write %s", what, value, allowed);
    return NULL;
  }
  g_autofree char *dir = g_path_get_dirname (ms->file);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *joined = g_build_filename (dir, value, NULL);
  g_autofree char *real = realpath (joined, NULL);
  if (!real_dir || !real || !inside (real, real_dir)) {
    /* missing and leading outside (through a symlink) read alike */
    diag_error (d, ms->file, line, column,
                "%s=\"%s\" names no file inside the folder of %s; write %s "
                "(symlinks that lead outside are not followed)", what, value, ms->file, allowed);
    return NULL;
  }
  struct stat st;
  if (stat (real, &st) != 0 || !S_ISREG (st.st_mode)) {
    diag_error (d, ms->file, line, column,
                "%s=\"%s\" is not a regular file (a folder, FIFO or device); write %s",
                what, value, allowed);
    return NULL;
  }
  return g_steal_pointer (&joined);   /* the name as written, for messages */
}

/* The folder of the built-in styles (as the command line's default). */
static char *
builtin_style_dir (void)
{
  const char *dir = g_getenv ("DOSSIER_STYLES_DIR");
  return g_strdup (dir && *dir ? dir : DOSSIER_SOURCE_DIR "/styles");
}

static gboolean
is_style_name (const char *s)
{
  if (!*s)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names of the built-in styles, for messages: "briefing, handout". */
static char *
builtin_style_names (void)
{
  g_autofree char *dir = builtin_style_dir ();
  g_autoptr (GDir) gd = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *n; gd && (n = g_dir_read_name (gd));)
    if (g_str_has_suffix (n, ".css"))
      g_ptr_array_add (names, g_strndup (n, strlen (n) - 4));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

char *
model_resolve_style (ModelSource *ms, const xmlNode *root)
{
  xmlChar *v = xmlGetProp ((xmlNode *) root, (const xmlChar *) "style");
  if (!v)
    return NULL;
  g_autofree char *value = g_strdup ((const char *) v);
  xmlFree (v);
  int line, column;
  model_source_locate_attr (ms, root, "style", &line, &column);
  g_autofree char *names = builtin_style_names ();
  if (is_style_name (value)) {
    /* a bare name is a built-in style: "handout", "briefing" */
    g_autofree char *dir = builtin_style_dir ();
    g_autofree char *file = g_strconcat (value, ".css", NULL);
    char *path = g_build_filename (dir, file, NULL);
    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      return path;
    g_free (path);
    diag_error (ms->diags, ms->file, line, column,
                "style=\"%s\" is no built-in style; the built-in styles are %s, "
                "or write a .css file's path inside the input's folder", value, names);
    return NULL;
  }
  g_autofree char *allowed = g_strdup_printf ("a built-in style (%s) or a .css file inside "
                                              "the input's folder", names);
  return model_confined_path (ms, line, column, "style", value, allowed);
}
