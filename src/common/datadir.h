/* datadir.h — where dossier's run-time data lives: styles/ and fonts/.
 *
 * An installed dossier reads PREFIX/share/dossier, found from its own
 * path (/proc/self/exe), so a copied prefix keeps working; a binary in the
 * build tree reads the source tree; DOSSIER_DATADIR overrides both. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data folder (computed once; never NULL). */
const char *datadir_get (void);
/* DATADIR/styles, or $DOSSIER_STYLES_DIR. */
const char *datadir_styles (void);
/* DATADIR/fonts, or $DOSSIER_FONTS_DIR. */
const char *datadir_fonts (void);
/* TRUE when VALUE (of -s) names a built-in style such as "handout":
 * no '/' and no '.'. Anything else is a file's path. */
gboolean datadir_is_style_name (const char *value);
/* The built-in styles' names, "briefing, handout", for messages; caller frees. */
char *datadir_style_names (void);
/* The style file VALUE stands for: a built-in name's file, else VALUE;
 * NULL and ERROR (G_FILE_ERROR_NOENT) for a name with no built-in style. */
char *datadir_style_resolve (const char *value, GError **error);

G_END_DECLS
