/* output.c — replacing a file atomically, so that nothing is ever lost.
 *
 * The new file is written into an unnamed temporary file (O_TMPFILE) in the
 * target's folder: until it is complete it has no name, so no kill, not
 * even SIGKILL, can leave a half-written file behind. When it is complete
 * it is fsync'ed, given a hidden name with linkat() and renamed over the
 * target. The folder is not fsync'ed: a crash may forget the rename, which
 * leaves the earlier file (or none) whole, never a broken one; what a
 * folder's fsync would add (the new name surely on disk when we exit) cost
 * 1.5 ms of a 90 ms run, and no compiler or typesetter gives it either.
 * linkat() cannot replace an existing file, hence the hidden name: it
 * exists only between linkat() and rename(), two system calls with the
 * catchable signals blocked around them. Where O_TMPFILE is not supported
 * (another system, or a file system without it) a named hidden file is
 * used, and a SIGTERM/SIGINT/SIGHUP handler removes it.
 *
 * The target keeps its mode (a new one gets 0666 less the umask, as any
 * file a program creates). An output path that is a symbolic link is
 * written through: the file it points to is replaced and the link stays. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "render/render-private.h"

struct _RenderOutput {
  char *target;               /* the file replaced: the path with its links followed */
  char *dir;                  /* the target's folder */
  char *named;                /* the named temporary file, or NULL (O_TMPFILE) */
  int fd;
  gboolean stdout_copy;       /* -o -: fd is a copy of standard output */
};

/* The named temporary file, for the signal handler: set while one exists. */
static char pending_name[PATH_MAX];
static volatile sig_atomic_t pending;

static void
on_signal (int sig)
{
  if (pending)
    unlink (pending_name);
  _exit (128 + sig);
}

void
render_output_handle_signals (void)
{
  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
}

static void
block_signals (gboolean block, sigset_t *old)
{
  if (block) {
    sigset_t set;
    sigemptyset (&set);
    sigaddset (&set, SIGTERM);
    sigaddset (&set, SIGINT);
    sigaddset (&set, SIGHUP);
    sigprocmask (SIG_BLOCK, &set, old);
  } else {
    sigprocmask (SIG_SETMASK, old, NULL);
  }
}

/* A full disk or quota is worth a retry later; anything else is not. */
static int
error_code (int e)
{
  return e == ENOSPC || e == EDQUOT || e == EIO ? RENDER_ERROR_TEMPFAIL : RENDER_ERROR_WRITE;
}

static gboolean
fail (GError **error, const char *path, const char *what, int e)
{
  g_set_error (error, RENDER_ERROR, error_code (e), "%s: %s: %s", path, what, g_strerror (e));
  return FALSE;
}

/* path with its symbolic links followed, also when the last one dangles
 * (the file it names is then created). */
static char *
follow_links (const char *path, GError **error)
{
  char *cur = g_strdup (path);
  for (int hops = 0; hops < 40; hops++) {
    struct stat st;
    if (lstat (cur, &st) != 0 || !S_ISLNK (st.st_mode))
      return cur;
    g_autoptr (GError) e = NULL;
    g_autofree char *to = g_file_read_link (cur, &e);
    if (!to) {
      g_set_error (error, RENDER_ERROR, RENDER_ERROR_WRITE, "%s: %s", path, e->message);
      g_free (cur);
      return NULL;
    }
    char *next;
    if (g_path_is_absolute (to)) {
      next = g_steal_pointer (&to);
    } else {
      g_autofree char *dir = g_path_get_dirname (cur);
      next = g_build_filename (dir, to, NULL);
    }
    g_free (cur);
    cur = next;
  }
  g_set_error (error, RENDER_ERROR, RENDER_ERROR_WRITE,
               "%s: too many levels of symbolic links", path);
  g_free (cur);
  return NULL;
}

void
render_output_free (RenderOutput *out)
{
  if (!out)
    return;
  if (out->fd >= 0)
    close (out->fd);
  if (out->named) {
    g_unlink (out->named);
    pending = 0;
    g_free (out->named);
  }
  g_free (out->target);
  g_free (out->dir);
  g_free (out);
}

RenderOutput *
render_output_open (const char *path, GError **error)
{
  g_autoptr (RenderOutput) out = g_new0 (RenderOutput, 1);
  out->fd = -1;
  out->target = follow_links (path, error);
  if (!out->target)
    return NULL;
  if (strcmp (path, "-") == 0) {
    /* standard output: written as it comes, nothing to replace */
    out->fd = dup (STDOUT_FILENO);
    if (out->fd < 0) {
      fail (error, path, "cannot write to standard output", errno);
      return NULL;
    }
    out->stdout_copy = TRUE;
    return g_steal_pointer (&out);
  }
  struct stat st;
  if (stat (out->target, &st) == 0 && !S_ISREG (st.st_mode)) {
    /* renaming over a device or FIFO would replace it with a file */
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_WRITE, "%s: is %s, not a file dossier may "
                 "replace: give the path of a PDF file (or - for standard output)", path,
                 S_ISDIR (st.st_mode) ? "a folder" : S_ISFIFO (st.st_mode) ? "a FIFO"
                 : "a device or socket");
    return NULL;
  }
  out->dir = g_path_get_dirname (out->target);
#ifdef O_TMPFILE
  out->fd = open (out->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (out->fd >= 0)
    return g_steal_pointer (&out);
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
    fail (error, path, "cannot write", errno);
    return NULL;
  }
#endif
  g_autofree char *base = g_path_get_basename (out->target);
  out->named = g_strdup_printf ("%s/.%s.XXXXXX", out->dir, base);
  if (strlen (out->named) >= sizeof pending_name) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_WRITE, "%s: the path is too long", path);
    return NULL;
  }
  sigset_t old;
  block_signals (TRUE, &old);
  out->fd = g_mkstemp_full (out->named, O_WRONLY | O_CLOEXEC, 0600);
  int e = errno;
  if (out->fd >= 0) {
    strcpy (pending_name, out->named);
    pending = 1;
  }
  block_signals (FALSE, &old);
  if (out->fd < 0) {
    g_clear_pointer (&out->named, g_free);
    fail (error, path, "cannot write", e);
    return NULL;
  }
  return g_steal_pointer (&out);
}

int
render_output_fd (const RenderOutput *out)
{
  return out->fd;
}

/* The mode the finished file gets: the replaced file's, or a new file's. */
static mode_t
target_mode (const char *target)
{
  struct stat st;
  if (stat (target, &st) == 0)
    return st.st_mode & 07777;
  mode_t mask = umask (0);
  umask (mask);
  return 0666 & ~mask;
}

/* Gives the unnamed file fd the hidden name tmp in its folder. */
static gboolean
link_unnamed (int fd, const char *tmp)
{
  char proc[64];
  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
    return TRUE;
#ifdef AT_EMPTY_PATH
  return linkat (fd, "", AT_FDCWD, tmp, AT_EMPTY_PATH) == 0;
#else
  return FALSE;
#endif
}

/* Gives the finished file its name: renames the named temporary file, or
 * links the unnamed one under a hidden name and renames that. */
static int
publish (RenderOutput *out)
{
  if (out->named) {
    if (rename (out->named, out->target) != 0)
      return errno;
    pending = 0;
    g_clear_pointer (&out->named, g_free);
    return 0;
  }
  g_autofree char *base = g_path_get_basename (out->target);
  for (int attempt = 0; attempt < 100; attempt++) {
    g_autofree char *tmp = g_strdup_printf ("%s/.%s.%08x", out->dir, base, g_random_int ());
    if (!link_unnamed (out->fd, tmp)) {
      if (errno == EEXIST)
        continue;
      return errno;
    }
    if (rename (tmp, out->target) != 0) {
      int e = errno;
      unlink (tmp);
      return e;
    }
    return 0;
  }
  return EEXIST;
}

gboolean
render_output_commit (RenderOutput *out, const char *path, GError **error)
{
  if (out->stdout_copy) {
    int fd = out->fd;
    out->fd = -1;
    if (close (fd) != 0)
      return fail (error, path, "cannot write to standard output", errno);
    return TRUE;
  }
  if (fchmod (out->fd, target_mode (out->target)) != 0)
    return fail (error, path, "cannot write", errno);
  if (fsync (out->fd) != 0)
    return fail (error, path, "cannot write", errno);
  sigset_t old;
  block_signals (TRUE, &old);
  int e = publish (out);
  block_signals (FALSE, &old);
  if (e == ENOENT || e == ESTALE) {
    /* the folder was there when the file was opened: it went away while the
     * PDF was drawn (a build's scratch folder removed, an NFS server
     * restarted): worth a retry, unlike a folder that never was */
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_TEMPFAIL,
                 "%s: cannot write: the folder went away while the PDF was written (%s)",
                 path, g_strerror (e));
    return FALSE;
  }
  if (e)
    return fail (error, path, "cannot write", e);
  int fd = out->fd;
  out->fd = -1;
  close (fd);
  return TRUE;
}

gboolean
render_write_all (int fd, const guint8 *data, gsize len, GError **error)
{
  while (len > 0) {
    ssize_t n = write (fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int e = n < 0 ? errno : ENOSPC;
      g_set_error (error, RENDER_ERROR,
                   e == ENOSPC || e == EDQUOT ? RENDER_ERROR_TEMPFAIL : RENDER_ERROR_WRITE,
                   "%s", g_strerror (e));
      return FALSE;
    }
    data += n;
    len -= (gsize) n;
  }
  return TRUE;
}
