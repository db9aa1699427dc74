/* readfile.c — reading a file that may be hostile (see readfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/readfile.h"

G_DEFINE_QUARK (dossier-read-error-quark, dossier_read_error)

static gboolean
fail (GError **error, DossierReadError code, const char *path, const char *what)
{
  g_set_error (error, DOSSIER_READ_ERROR, code, "%s: %s", path, what);
  return FALSE;
}

static gboolean
check_stat (int fd, const char *path, gsize max, GError **error)
{
  struct stat st;
  if (fstat (fd, &st) != 0)
    return fail (error, DOSSIER_READ_ERROR_FAILED, path, g_strerror (errno));
  if (S_ISDIR (st.st_mode))
    return fail (error, DOSSIER_READ_ERROR_NOT_REGULAR, path, "is a folder, not a file");
  if (!S_ISREG (st.st_mode))
    return fail (error, DOSSIER_READ_ERROR_NOT_REGULAR, path,
                 "is not a regular file (a device, FIFO or socket); only regular files are read");
  if ((guint64) st.st_size > (guint64) max) {
    g_autofree char *msg = g_strdup_printf ("is larger than the limit of %" G_GSIZE_FORMAT
                                            " bytes", max);
    return fail (error, DOSSIER_READ_ERROR_TOO_LARGE, path, msg);
  }
  return TRUE;
}

/* Reads fd to its end, at most max bytes (one more tells it grew past). */
static gboolean
read_all (int fd, const char *path, gsize max, GString *buf, GError **error)
{
  char chunk[65536];
  for (;;) {
    ssize_t n = read (fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail (error, DOSSIER_READ_ERROR_FAILED, path, g_strerror (errno));
    if (n == 0)
      return TRUE;
    if (buf->len + (gsize) n > max) {
      g_autofree char *msg = g_strdup_printf ("is larger than the limit of %" G_GSIZE_FORMAT
                                              " bytes", max);
      return fail (error, DOSSIER_READ_ERROR_TOO_LARGE, path, msg);
    }
    g_string_append_len (buf, chunk, n);
  }
}

gboolean
dossier_read_regular_file (const char *path, gsize max, char **contents, gsize *len,
                           GError **error)
{
  g_return_val_if_fail (path && contents && len, FALSE);
  *contents = NULL;
  *len = 0;
  if (max == 0)
    max = DOSSIER_READ_MAX_DEFAULT;
  /* O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever */
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int e = errno;
    return fail (error, e == ENOENT || e == ENOTDIR ? DOSSIER_READ_ERROR_MISSING
                                                    : DOSSIER_READ_ERROR_FAILED,
                 path, g_strerror (e));
  }
  GString *buf = g_string_new (NULL);
  gboolean ok = check_stat (fd, path, max, error);
  if (ok) {
    /* a regular file: blocking reads are fine, and clear O_NONBLOCK for
     * file systems (FUSE, NFS) that would answer EAGAIN */
    int flags = fcntl (fd, F_GETFL);
    if (flags >= 0)
      (void) fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
    ok = read_all (fd, path, max, buf, error);
  }
  close (fd);
  if (!ok) {
    g_string_free (buf, TRUE);
    return FALSE;
  }
  *len = buf->len;
  *contents = g_string_free (buf, FALSE);
  return TRUE;
}

gboolean
dossier_is_regular_file (const char *path)
{
  struct stat st;
  return path && stat (path, &st) == 0 && S_ISREG (st.st_mode);
}
