/* coverage.c — is every character of a text run in one of the families its
 * style names? A character that is not is set by fontconfig's fallback from
 * some other font of the folders: it may look wrong (another design, a
 * Japanese form of a Chinese character), and a designer should hear of it.
 *
 * Answered from fontconfig's character sets (FcCharSet of every face of the
 * named families, united once per family list and font map), not from what
 * Pango's shaping chose, so the answer does not depend on how layout shapes
 * or on Pango's own fallback order. */
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include "text/text.h"

/* family list → FcCharSet*, one table per font map (its object data) */
static GMutex coverage_lock;

static void
charset_unref (gpointer p)
{
  FcCharSetDestroy (p);
}

/* The union of the character sets of every face of each family in list. */
static FcCharSet *
families_charset (FcConfig *config, const char *list)
{
  FcCharSet *all = FcCharSetCreate ();
  g_auto (GStrv) names = g_strsplit (list, ",", -1);
  for (char **n = names; *n; n++) {
    g_strstrip (*n);
    if (!**n)
      continue;
    FcPattern *pat = FcPatternCreate ();
    FcPatternAddString (pat, FC_FAMILY, (const FcChar8 *) *n);
    FcObjectSet *os = FcObjectSetBuild (FC_CHARSET, NULL);
    FcFontSet *fs = FcFontList (config, pat, os);
    for (int i = 0; fs && i < fs->nfont; i++) {
      FcCharSet *cs = NULL;
      if (FcPatternGetCharSet (fs->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
        FcCharSetMerge (all, cs, NULL);
    }
    if (fs)
      FcFontSetDestroy (fs);
    FcObjectSetDestroy (os);
    FcPatternDestroy (pat);
  }
  return all;
}

static const FcCharSet *
coverage_of (PangoFontMap *map, FcConfig *config, const char *families)
{
  g_mutex_lock (&coverage_lock);
  GHashTable *table = g_object_get_data (G_OBJECT (map), "dossier-coverage");
  if (!table) {
    table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, charset_unref);
    g_object_set_data_full (G_OBJECT (map), "dossier-coverage", table,
                            (GDestroyNotify) g_hash_table_unref);
  }
  FcCharSet *cs = g_hash_table_lookup (table, families);
  if (!cs) {
    cs = families_charset (config, families);
    g_hash_table_insert (table, g_strdup (families), cs);
  }
  g_mutex_unlock (&coverage_lock);
  return cs;                    /* lives as long as the map */
}

/* The family fontconfig would set c from for lang: the best match of the
 * first family that has c. g_free; NULL when no font has it. */
static char *
fallback_face (FcConfig *config, const char *families, gunichar c, const char *lang)
{
  g_auto (GStrv) names = g_strsplit (families, ",", 2);
  FcPattern *pat = FcPatternCreate ();
  FcPatternAddString (pat, FC_FAMILY, (const FcChar8 *) g_strstrip (names[0]));
  if (lang)
    FcPatternAddString (pat, FC_LANG, (const FcChar8 *) lang);
  FcConfigSubstitute (config, pat, FcMatchPattern);
  FcDefaultSubstitute (pat);
  FcResult result;
  FcFontSet *fs = FcFontSort (config, pat, FcFalse, NULL, &result);
  char *face = NULL;
  for (int i = 0; fs && i < fs->nfont && !face; i++) {
    FcCharSet *cs = NULL;
    FcChar8 *fam = NULL, *style = NULL;
    if (FcPatternGetCharSet (fs->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch
        || !FcCharSetHasChar (cs, c))
      continue;
    FcPatternGetString (fs->fonts[i], FC_FAMILY, 0, &fam);
    FcPatternGetString (fs->fonts[i], FC_STYLE, 0, &style);
    face = g_strdup_printf ("%s%s%s", fam ? (const char *) fam : "?", style ? " " : "",
                            style ? (const char *) style : "");
  }
  if (fs)
    FcFontSetDestroy (fs);
  FcPatternDestroy (pat);
  return face;
}

/* The language of the run's first language attribute, or NULL. */
static const char *
run_language (const TextRun *run)
{
  PangoAttrIterator *it = pango_attr_list_get_iterator (run->attrs);
  const char *lang = NULL;
  do {
    PangoAttribute *a = pango_attr_iterator_get (it, PANGO_ATTR_LANGUAGE);
    if (a)
      lang = pango_language_to_string (((PangoAttrLanguage *) a)->value);
  } while (!lang && pango_attr_iterator_next (it));
  pango_attr_iterator_destroy (it);
  return lang;
}

/* Characters no font is asked to draw: spaces, controls, soft hyphens and
 * the other format characters (Pango draws none of them). */
static gboolean
needs_glyph (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return !(g_unichar_isspace (c) || t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT
           || t == G_UNICODE_LINE_SEPARATOR || t == G_UNICODE_PARAGRAPH_SEPARATOR);
}

void
text_run_check_coverage (PangoFontMap *map, const TextRun *run, const char *families,
                         TextCoverageReport report, gpointer data)
{
  g_return_if_fail (map && run && report);
  if (!families || !PANGO_IS_FC_FONT_MAP (map))
    return;
  FcConfig *config = pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map));
  const FcCharSet *cs = coverage_of (map, config, families);
  g_autoptr (GHashTable) seen = NULL;
  gunichar first = 0;
  char *first_face = NULL;
  guint more = 0;
  for (const char *p = run->text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c < 0x80 && (c < 0x20 || c == 0x7f))
      continue;
    if (FcCharSetHasChar (cs, c) || !needs_glyph (c))
      continue;
    if (!seen)
      seen = g_hash_table_new (NULL, NULL);
    if (!g_hash_table_add (seen, GUINT_TO_POINTER (c)))
      continue;
    if (first) {
      more++;                   /* one message a run: the first, and a count */
      continue;
    }
    char *face = fallback_face (config, families, c, run_language (run));
    if (face) {                 /* none at all: layout's own error says so */
      first = c;
      first_face = face;
    }
  }
  if (first)
    report (first, first_face, more, data);
  g_free (first_face);
}
