/* cli-private.h — shared between the command line's files. */
#pragma once

#include <glib.h>
#include "common/diag.h"
#include "model/model.h"

G_BEGIN_DECLS

/* The style file doc's style="" names, checked as input-format.md says: a
 * built-in style by name (handout, briefing: a file of styles_dir), or a
 * file in the input's folder or in styles_dir (so the bundled example's
 * "../styles/handout.css" still works). NULL with an error at the
 * attribute otherwise. folders (NULL-terminated, caller frees) gets where
 * the style's @imports may reach. */
char *cli_input_style (const ModelDoc *doc, const char *styles_dir, char ***folders,
                       DiagList *diags);

G_END_DECLS
