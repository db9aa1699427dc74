/* fonts.c — a font map that sees only the project's fonts.
 *
 * fontconfig's default configuration reads every font on the machine and
 * lets system copies win; the result of a render would then depend on the
 * machine. We build a configuration of our own from fonts/fonts.conf (the
 * folders it names), add the project's fonts/ folder and any --font-dir,
 * and give Pango a font map with that configuration (platform-notes.md). */
#include <unistd.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include "common/datadir.h"
#include "text/text.h"

const char *
text_fonts_dir (void)
{
  return datadir_fonts ();   /* DATADIR/fonts, or $DOSSIER_FONTS_DIR */
}

/* fonts.conf keeps the cache under the user's XDG cache folder. A user with
 * no writable home (a build account, nobody) would get fontconfig's "No
 * writable cache directories" three times and a slow scan on every run:
 * give such a user a cache of its own in the temporary folder instead. */
static void
add_fallback_cache (FcConfig *config)
{
  g_autofree char *xdg = g_build_filename (g_get_user_cache_dir (), "dossier", "fontconfig", NULL);
  if (g_mkdir_with_parents (xdg, 0700) == 0 && g_access (xdg, W_OK) == 0)
    return;
  g_autofree char *tmp = g_strdup_printf ("%s/dossier-fontconfig-%u", g_get_tmp_dir (),
                                          (unsigned) getuid ());
  g_autofree char *escaped = g_markup_escape_text (tmp, -1);
  g_autofree char *snippet = g_strdup_printf ("<fontconfig><cachedir>%s</cachedir></fontconfig>",
                                              escaped);
  FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) snippet, FcFalse);
}

char *
text_fonts_conf_file (void)
{
  return g_build_filename (text_fonts_dir (), "fonts.conf", NULL);
}

PangoFontMap *
text_font_map_new (const char *const *extra_dirs, GError **error)
{
  const char *dir = text_fonts_dir ();
  g_autofree char *conf = text_fonts_conf_file ();
  FcConfig *config = FcConfigCreate ();
  if (!FcConfigParseAndLoad (config, (const FcChar8 *) conf, FcTrue)) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                 "%s: cannot read the font configuration", conf);
    FcConfigDestroy (config);
    return NULL;
  }
  add_fallback_cache (config);
  FcConfigAppFontAddDir (config, (const FcChar8 *) dir);
  for (const char *const *d = extra_dirs; d && *d; d++) {
    if (!g_file_test (*d, G_FILE_TEST_IS_DIR)) {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no such font folder", *d);
      FcConfigDestroy (config);
      return NULL;
    }
    FcConfigAppFontAddDir (config, (const FcChar8 *) *d);
  }
  FcConfigBuildFonts (config);
  /* Made the process's current configuration before Pango sees it: Pango's
   * font map runs FcInit() in a thread, which otherwise loads the system's
   * whole configuration (/etc/fonts, every folder of /usr/share/fonts) that
   * nothing here uses; cairo's font options then come from ours too. */
  FcConfigSetCurrent (config);
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);   /* the font map holds its own reference */
  return map;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

char **
text_font_families (PangoFontMap *map)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  pango_font_map_list_families (map, &families, &n);
  GPtrArray *names = g_ptr_array_new ();
  for (int i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup (pango_font_family_get_name (families[i])));
  g_free (families);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/* The generic names a style may use; the style engine maps them to the
 * project's Noto families. */
static gboolean
is_generic (const char *family)
{
  static const char *const generic[] = { "serif", "sans-serif", "monospace", "cursive",
                                         "fantasy", "system-ui", NULL };
  for (const char *const *g = generic; *g; g++)
    if (g_ascii_strcasecmp (*g, family) == 0)
      return TRUE;
  return FALSE;
}

void
text_check_families (PangoFontMap *map, const GPtrArray *uses, DiagList *diags)
{
  g_auto (GStrv) have = text_font_families (map);
  g_autoptr (GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; uses && i < uses->len; i++) {
    const StyleFamilyUse *u = g_ptr_array_index (uses, i);
    if (is_generic (u->family))
      continue;
    gboolean found = FALSE;
    for (char **h = have; *h && !found; h++)
      found = g_ascii_strcasecmp (*h, u->family) == 0;
    if (found)
      continue;
    /* A family that is not there is not replaced silently by another: an
     * error at the place that names it, with the nearest family there is. */
    const char *near = style_suggest_name (u->family, (const char *const *) have);
    if (near)
      diag_error (diags, u->file, u->line, u->column,
                  "font family '%s' is not available (did you mean '%s'? dossier "
                  "--list-fonts lists the families there are; add a font to fonts/ or "
                  "with --font-dir)", u->family, near);
    else
      diag_error (diags, u->file, u->line, u->column,
                  "font family '%s' is not available (dossier --list-fonts lists the "
                  "families there are; add a font to fonts/ or with --font-dir)", u->family);
    g_hash_table_add (reported, u->family);
  }
}
