/* serve-exec.c — `dossier --serve` in dossier: the process becomes the
 * program dossier-serve (serve-main.c) with the same arguments.
 *
 * The preview server needs libsoup, which loads a dozen libraries of its
 * own; linked into dossier they would cost every run ~3 ms of start-up
 * (the dynamic loader maps and binds each one) for a mode used at a desk.
 * exec, not a child: the process id, the standard streams, the terminal's
 * Ctrl-C and a supervisor's SIGTERM stay as they were, and the exit status
 * is the server's own.
 *
 * Where: beside the binary (the build tree), else in the install's libexec
 * folder, found from the binary's own path as the data folder is (a moved
 * prefix keeps working). The data folder this binary found is handed on in
 * DOSSIER_DATADIR, since the helper's own path lies elsewhere. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli-private.h"
#include "common/datadir.h"

#define HELPER "dossier-serve"

/* The helper's path; NULL when it is nowhere (tried: where it was looked for). */
static char *
find_helper (GString *tried)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = exe ? g_path_get_dirname (exe) : NULL;
  char *places[] = {
    bindir ? g_build_filename (bindir, HELPER, NULL) : NULL,
    bindir ? g_build_filename (bindir, DOSSIER_LIBEXEC_FROM_BINDIR, HELPER, NULL)
           : g_build_filename (DOSSIER_INSTALL_LIBEXECDIR, HELPER, NULL),
  };
  char *found = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (places); i++) {
    g_autofree char *path = places[i] ? g_canonicalize_filename (places[i], "/") : NULL;
    g_free (places[i]);
    if (!path || found)
      continue;
    if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
      found = g_steal_pointer (&path);
    else
      g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", path);
  }
  return found;
}

int
cli_serve_exec (char **argv)
{
  g_autoptr (GString) tried = g_string_new (NULL);
  g_autofree char *helper = find_helper (tried);
  if (!helper) {
    fprintf (stderr, "dossier: --serve: the preview server (" HELPER ") is not installed: "
             "looked for %s\n", tried->str);
    return CLI_EXIT_SOFTWARE;
  }
  const char *data = g_getenv ("DOSSIER_DATADIR");
  if (!data || !*data)
    g_setenv ("DOSSIER_DATADIR", datadir_get (), TRUE);
  fflush (stdout);
  fflush (stderr);
  execv (helper, argv);
  fprintf (stderr, "dossier: --serve: cannot run %s: %s\n", helper, g_strerror (errno));
  return CLI_EXIT_SOFTWARE;
}
