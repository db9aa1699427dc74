/* glyphs.c — faces by file and index, and glyph runs: the text of the
 * display lists (text.h). A run's clusters are dropped where each is one
 * character and one glyph: the display lists of a whole document are held
 * at once, and that is most clusters (8 bytes a glyph). */
#include <string.h>
#include <pango/pangofc-font.h>
#include "text/text.h"

static GHashTable *faces;     /* "file\nindex\nembolden\nslant" -> TextFace* */
static GMutex faces_lock;

const TextFace *
text_face_get (const char *file, int index, gboolean embolden, double slant)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_autofree char *key = g_strdup_printf ("%s\n%d\n%d\n%.6f", file, index, embolden ? 1 : 0,
                                          slant);
  g_mutex_lock (&faces_lock);
  if (!faces)
    faces = g_hash_table_new (g_str_hash, g_str_equal);
  TextFace *face = g_hash_table_lookup (faces, key);
  if (!face) {
    face = g_new0 (TextFace, 1);
    face->file = g_strdup (file);
    face->index = index;
    face->embolden = embolden;
    face->slant = slant;
    g_hash_table_insert (faces, g_steal_pointer (&key), face);
  }
  g_mutex_unlock (&faces_lock);
  return face;
}

void
text_glyph_run_free (TextGlyphRun *run)
{
  if (!run)
    return;
  g_free (run->glyphs);
  g_free (run->text);
  g_free (run->clusters);
  g_free (run);
}

void
text_glyph_run_clusters (const TextGlyphRun *run, TextCluster *out)
{
  if (run->clusters) {
    memcpy (out, run->clusters, sizeof *out * (gsize) run->n_clusters);
    return;
  }
  const char *p = run->text;
  for (int c = 0; c < run->n_clusters; c++) {
    const char *next = g_utf8_next_char (p);
    out[c] = (TextCluster) { (int) (next - p), 1 };
    p = next;
  }
}

void
text_glyph_run_compact (TextGlyphRun *run)
{
  if (!run->clusters || run->backward || run->n_clusters != run->n_glyphs)
    return;
  const char *p = run->text;
  for (int c = 0; c < run->n_clusters; c++) {
    const char *next = g_utf8_next_char (p);
    if (run->clusters[c].n_glyphs != 1 || run->clusters[c].n_bytes != next - p)
      return;
    p = next;
  }
  if (*p != '\0')
    return;   /* text no cluster stands for: kept as it is */
  g_clear_pointer (&run->clusters, g_free);
}

const TextFace *
text_face_of_font (PangoFont *font)
{
  if (!PANGO_IS_FC_FONT (font))
    return NULL;
  FcPattern *pat = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
  FcChar8 *file = NULL;
  int index = 0;
  FcBool embolden = FcFalse;
  FcMatrix *matrix = NULL;
  if (FcPatternGetString (pat, FC_FILE, 0, &file) != FcResultMatch)
    return NULL;
  FcPatternGetInteger (pat, FC_INDEX, 0, &index);
  FcPatternGetBool (pat, FC_EMBOLDEN, 0, &embolden);
  double slant = 0;
  if (FcPatternGetMatrix (pat, FC_MATRIX, 0, &matrix) == FcResultMatch && matrix)
    slant = matrix->xy;
  return text_face_get ((const char *) file, index, embolden, slant);
}
