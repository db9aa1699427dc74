/* readfile.h — reading a file nobody has looked at, and keeping paths inside
 * a folder.
 *
 * Inputs, styles and pack includes are read only when they are regular
 * files (never a FIFO that blocks forever, a device such as /dev/zero that
 * never ends, or a folder), and never past a size limit. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the regular file path whole into contents (NUL-terminated, caller
 * frees). FALSE with error (G_FILE_ERROR) when it cannot be opened, is not
 * a regular file, or is larger than max bytes. */
gboolean dossier_read_regular_file (const char *path, guint64 max, char **contents, gsize *len,
                                    GError **error);

/* TRUE when path, its links followed, is inside folder (also followed). A
 * path that does not exist is judged by its folder, so the answer does not
 * tell whether a file outside exists. */
gboolean dossier_path_inside (const char *path, const char *folder);

G_END_DECLS
