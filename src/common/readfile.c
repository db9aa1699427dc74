/* readfile.c — see readfile.h. g_file_get_contents reads whatever the path
 * names until it ends: a FIFO hangs, /dev/zero fills the memory. Here the
 * file is opened without blocking, checked with fstat, and read with a
 * bound. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "common/readfile.h"

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a FIFO";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

gboolean
dossier_read_regular_file (const char *path, guint64 max, char **contents, gsize *len,
                           GError **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int e = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s", g_strerror (e));
    return FALSE;
  }
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "is %s, not a file that can be read",
                 kind_of (st.st_mode));
    close (fd);
    return FALSE;
  }
  if ((guint64) st.st_size > max) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 "is %.1f MB, over the limit of %.1f MB", st.st_size / 1048576.0, max / 1048576.0);
    close (fd);
    return FALSE;
  }
  GString *buf = g_string_sized_new ((gsize) st.st_size + 1);
  char chunk[65536];
  for (;;) {
    ssize_t n = read (fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s", g_strerror (e));
      break;
    }
    if (n == 0) {
      close (fd);
      *len = buf->len;
      *contents = g_string_free (buf, FALSE);
      return TRUE;
    }
    if (buf->len + (guint64) n > max) {   /* it grew while being read */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "grew past the limit of %.1f MB",
                   max / 1048576.0);
      break;
    }
    g_string_append_len (buf, chunk, n);
  }
  close (fd);
  g_string_free (buf, TRUE);
  return FALSE;
}

/* path resolved as far as it exists, the rest appended; NULL when the rest
 * climbs with "..". */
static char *
resolve_existing (const char *path)
{
  char *real = realpath (path, NULL);
  if (real)
    return real;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  if (strcmp (base, "..") == 0 || strcmp (dir, path) == 0)
    return NULL;
  g_autofree char *real_dir = resolve_existing (dir);
  return real_dir ? g_build_filename (real_dir, base, NULL) : NULL;
}

gboolean
dossier_path_inside (const char *path, const char *folder)
{
  g_autofree char *real_folder = realpath (folder, NULL);
  g_autofree char *real = resolve_existing (path);
  if (!real_folder || !real)
    return FALSE;
  gsize n = strlen (real_folder);
  return strcmp (real_folder, "/") == 0 ||
         (strncmp (real, real_folder, n) == 0 && real[n] == '/');
}
