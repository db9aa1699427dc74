/* readfile.h — reading a file that may be hostile: only a regular file,
 * never more than a limit, never hanging on a FIFO or a device.
 *
 * The model (input files, pack includes) and the style stage (style
 * files, @import) read through this, so one place decides what a file may
 * be. Symlinks are followed for the last component only when follow is
 * set: confinement to a folder is the caller's job (realpath first). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The default size limit of one file read this way: 16 MiB. An input or
 * style file larger than that is not a dossier anyone wrote by hand. */
#define DOSSIER_READ_MAX_DEFAULT ((gsize) 16 * 1024 * 1024)

typedef enum {
  DOSSIER_READ_ERROR_MISSING,     /* no such file (ENOENT, ENOTDIR) */
  DOSSIER_READ_ERROR_NOT_REGULAR, /* a folder, FIFO, device, socket */
  DOSSIER_READ_ERROR_TOO_LARGE,   /* larger than max bytes */
  DOSSIER_READ_ERROR_FAILED,      /* anything else (permissions, I/O) */
} DossierReadError;

#define DOSSIER_READ_ERROR (dossier_read_error_quark ())
GQuark dossier_read_error_quark (void);

/* Reads the regular file at path (following symlinks) into *contents
 * (NUL-terminated, caller frees) and its length into *len. Opens with
 * O_NONBLOCK, so a FIFO never blocks, checks with fstat that it is a
 * regular file no larger than max bytes (0 = DOSSIER_READ_MAX_DEFAULT),
 * and stops reading past max even if the file grows meanwhile. On failure
 * *contents is NULL and error says why, in the DOSSIER_READ_ERROR domain. */
gboolean dossier_read_regular_file (const char *path, gsize max, char **contents, gsize *len,
                                    GError **error);

/* TRUE when path names a regular file (following symlinks); for the
 * command line's 66 "input not found" before anything is read. */
gboolean dossier_is_regular_file (const char *path);

G_END_DECLS
