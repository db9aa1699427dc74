/* datadir.c — finding the data folder from the running binary.
 *
 * The build tree is recognised by the binary's folder lying inside the
 * build folder compiled in (DOSSIER_BUILD_DIR, canonical at configure
 * time), unless an installed layout sits beside it (a prefix inside the
 * build folder). The comparison is by name only: an installed binary
 * touches nothing under the source or build folders. */
#include <string.h>
#include "common/datadir.h"

typedef struct {
  char *data, *styles, *fonts;
} Dirs;

static gboolean
in_build_tree (const char *bindir)
{
  size_t n = strlen (DOSSIER_BUILD_DIR);
  return strncmp (bindir, DOSSIER_BUILD_DIR, n) == 0 && (bindir[n] == '\0' || bindir[n] == '/');
}

static char *
find_data (void)
{
  const char *env = g_getenv ("DOSSIER_DATADIR");
  if (env && *env)
    return g_strdup (env);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (!exe)   /* no /proc: trust the prefix given at configure time */
    return g_strdup (DOSSIER_INSTALL_DATADIR);
  g_autofree char *bindir = g_path_get_dirname (exe);
  g_autofree char *rel = g_build_filename (bindir, DOSSIER_DATADIR_FROM_BINDIR, NULL);
  char *installed = g_canonicalize_filename (rel, "/");
  if (!in_build_tree (bindir))
    return installed;
  g_autofree char *styles = g_build_filename (installed, "styles", NULL);
  if (g_file_test (styles, G_FILE_TEST_IS_DIR))
    return installed;
  g_free (installed);
  return g_strdup (DOSSIER_SOURCE_DIR);
}

static char *
sub (const char *data, const char *env_name, const char *name)
{
  const char *env = g_getenv (env_name);
  return env && *env ? g_strdup (env) : g_build_filename (data, name, NULL);
}

static const Dirs *
dirs (void)
{
  static Dirs d;
  static gsize done = 0;
  if (g_once_init_enter (&done)) {
    d.data = find_data ();
    d.styles = sub (d.data, "DOSSIER_STYLES_DIR", "styles");
    d.fonts = sub (d.data, "DOSSIER_FONTS_DIR", "fonts");
    g_once_init_leave (&done, 1);
  }
  return &d;
}

const char *datadir_get (void) { return dirs ()->data; }
const char *datadir_styles (void) { return dirs ()->styles; }
const char *datadir_fonts (void) { return dirs ()->fonts; }

gboolean
datadir_is_style_name (const char *value)
{
  return value && *value && !strchr (value, '/') && !strchr (value, '.');
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* "briefing, handout": the .css files of the styles folder, sorted. */
char *
datadir_style_names (void)
{
  g_autoptr (GDir) dir = g_dir_open (datadir_styles (), 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *f; dir && (f = g_dir_read_name (dir));)
    if (g_str_has_suffix (f, ".css"))
      g_ptr_array_add (names, g_strndup (f, strlen (f) - 4));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : g_strdup ("none");
}

char *
datadir_style_resolve (const char *value, GError **error)
{
  if (!datadir_is_style_name (value))
    return g_strdup (value);
  g_autofree char *file = g_strconcat (value, ".css", NULL);
  char *path = g_build_filename (datadir_styles (), file, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  g_autofree char *names = datadir_style_names ();
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "'%s' is no built-in style (built-in: %s in %s); give a file as ./%s.css",
               value, names, datadir_styles (), value);
  return NULL;
}
