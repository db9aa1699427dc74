/* shape.c — the fonts the engine shapes with, and shaping an item.
 *
 * Pango loads a font set (and fontconfig sorts every face for it, on
 * Pango's thread) for each family list, weight, slant, language — and
 * size: a document's dozens of sizes cost dozens of sorts, a seventh of
 * the layout stage (issue 8). Which face sets a character does not depend
 * on the size (the faces are all scalable), so items.c itemizes at one
 * size, PARA_ITEMIZE_SIZE, and the item is shaped here at its own size
 * with a HarfBuzz font of that face made once per (face, size): exactly
 * the font and the calls Pango's shaper (pango_shape_with_flags, Pango
 * 1.50) makes, so the glyphs and positions are the same to the bit.
 *
 * An item with a character its face lacks (Pango would draw a hex box of
 * its own) and anything else Pango's shaper does differently (font
 * features, letter spacing or text transform attributes) is shaped by
 * Pango with the font at the item's size, found in Pango's font set. */
#include <string.h>
#include <hb-ot.h>
#include <pango/pangofc-font.h>
#include "para/para-private.h"

/* HarfBuzz's scale is in Pango units */
static void
font_scale (FcPattern *pat, int units, int *xs, int *ys, double *pt, double *slant)
{
  FcMatrix fm, *m;
  FcMatrixInit (&fm);
  for (int i = 0; FcPatternGetMatrix (pat, FC_MATRIX, i, &m) == FcResultMatch; i++)
    FcMatrixMultiply (&fm, &fm, m);
  PangoMatrix pm = PANGO_MATRIX_INIT;
  pm.xx = fm.xx, pm.yx = -fm.yx, pm.xy = fm.xy, pm.yy = -fm.yy;
  double x = 1, y = 1;
  pango_matrix_get_font_scale_factors (&pm, &x, &y);
  *slant = pango_matrix_get_slant_ratio (&pm);
  double dpi = 72;
  FcPatternGetDouble (pat, FC_DPI, 0, &dpi);
  /* as pango_fc_make_pattern puts FC_PIXEL_SIZE and FC_SIZE for a size of
   * units at dpi (Pango's get_scaled_size; our context has no matrix) */
  int pixel = (int) (.5 + units * dpi / 72.);
  double px = pixel / 1024.;
  *pt = pixel * (72. / 1024. / dpi);
  *xs = (int) (px * PANGO_SCALE * x);
  *ys = (int) (px * PANGO_SCALE * y);
}

/* The HarfBuzz font Pango's font ref would have at size units: the same
 * face, variation coordinates and synthetic slant (pango_fc_font_create_hb_font). */
static hb_font_t *
scaled_hb_font (PangoFont *ref, int units)
{
  hb_font_t *rhb = pango_font_get_hb_font (ref);
  hb_font_t *hb = hb_font_create (hb_font_get_face (rhb));
  FcPattern *pat = pango_fc_font_get_pattern (PANGO_FC_FONT (ref));
  int xs, ys;
  double pt, slant;
  font_scale (pat, units, &xs, &ys, &pt, &slant);
  hb_font_set_scale (hb, xs, ys);
  hb_font_set_ptem (hb, (float) pt);
#if HB_VERSION_ATLEAST (3, 3, 0)   /* as Pango: older HarfBuzz has neither */
  hb_font_set_synthetic_slant (hb, (float) slant);
  unsigned int n = 0;
  const float *coords = hb_font_get_var_coords_design (rhb, &n);
  if (n > 0)
    hb_font_set_var_coords_design (hb, coords, n);
#else
  (void) slant;
  unsigned int n = 0;
  const int *coords = hb_font_get_var_coords_normalized (rhb, &n);
  if (n > 0)
    hb_font_set_var_coords_normalized (hb, coords, n);
#endif
  return hb;
}

/* ---- Pango's font functions, without the hex boxes ---------------------- */

/* Set when a character has no glyph in the face: Pango's shaper would
 * give it a hex box, so the item goes to Pango. Per thread: layouts of
 * several inputs run at once. */
static GPrivate lacks_glyph;

static hb_bool_t
nominal_glyph (hb_font_t *font, void *data, hb_codepoint_t u, hb_codepoint_t *glyph, void *ud)
{
  (void) font, (void) ud;
  if (hb_font_get_nominal_glyph (data, u, glyph))
    return TRUE;
  /* HarfBuzz makes the other spaces from U+0020 (so does Pango) */
  if (g_unichar_type (u) == G_UNICODE_SPACE_SEPARATOR && u != 0x20)
    return FALSE;
  g_private_set (&lacks_glyph, GINT_TO_POINTER (1));
  return FALSE;
}

static hb_position_t
h_advance (hb_font_t *font, void *data, hb_codepoint_t glyph, void *ud)
{
  (void) font, (void) ud;
  return hb_font_get_glyph_h_advance (data, glyph);
}

static hb_position_t
v_advance (hb_font_t *font, void *data, hb_codepoint_t glyph, void *ud)
{
  (void) font, (void) ud;
  return hb_font_get_glyph_v_advance (data, glyph);
}

static hb_bool_t
glyph_extents (hb_font_t *font, void *data, hb_codepoint_t glyph, hb_glyph_extents_t *e,
               void *ud)
{
  (void) font, (void) ud;
  return hb_font_get_glyph_extents (data, glyph, e);
}

/* The sub-font Pango shapes with: its four functions over the font. */
static hb_font_t *
shaping_font (hb_font_t *parent)
{
  static hb_font_funcs_t *funcs;
  if (g_once_init_enter (&funcs)) {
    hb_font_funcs_t *f = hb_font_funcs_create ();
    hb_font_funcs_set_nominal_glyph_func (f, nominal_glyph, NULL, NULL);
    hb_font_funcs_set_glyph_h_advance_func (f, h_advance, NULL, NULL);
    hb_font_funcs_set_glyph_v_advance_func (f, v_advance, NULL, NULL);
    hb_font_funcs_set_glyph_extents_func (f, glyph_extents, NULL, NULL);
    hb_font_funcs_make_immutable (f);
    g_once_init_leave (&funcs, f);
  }
  hb_font_t *sub = hb_font_create_sub_font (parent);
  hb_font_set_funcs (sub, funcs, parent, NULL);
  hb_font_make_immutable (sub);
  return sub;
}

/* ---- the fonts, once per (Pango font, size) ----------------------------- */

typedef struct {
  PangoFont *ref;
  int units;
} FontKey;

static guint
key_hash (gconstpointer k)
{
  const FontKey *a = k;
  return g_direct_hash (a->ref) ^ (guint) a->units * 2654435761u;
}

static gboolean
key_equal (gconstpointer x, gconstpointer y)
{
  const FontKey *a = x, *b = y;
  return a->ref == b->ref && a->units == b->units;
}

static void
font_free (gpointer data)
{
  ParaFont *f = data;
  hb_font_destroy (f->shaper);
  hb_font_destroy (f->hb);
  g_object_unref (f->ref);
  g_free (f);
}

static GMutex fonts_lock;

/* The engine's metrics of a font (Pango's metrics would shape a sample
 * text each time): ascent, descent and underline from HarfBuzz, the
 * values Pango gives, and the hyphen a broken word ends in. */
static ParaFont *
font_new (PangoFont *ref, int units, PangoContext *pctx, const PangoAnalysis *analysis)
{
  ParaFont *f = g_new0 (ParaFont, 1);
  f->ref = g_object_ref (ref);
  f->units = units;
  f->size = units / (double) PANGO_SCALE;
  f->face = text_face_of_font (ref);
  f->hb = scaled_hb_font (ref, units);
  f->shaper = shaping_font (f->hb);
  hb_feature_t feat[1];
  guint nf = 0;
  pango_font_get_features (ref, feat, 1, &nf);
  f->has_features = nf > 0;
  int xs, ys;
  hb_font_get_scale (f->hb, &xs, &ys);
  double unit = ys > 0 ? f->size / ys : 0;
  hb_font_extents_t ext = { 0 };
  hb_font_get_h_extents (f->hb, &ext);
  f->ascent = ext.ascender * unit;
  f->descent = -ext.descender * unit;
  hb_position_t pos = 0, thick = 0;
  if (!hb_ot_metrics_get_position (f->hb, HB_OT_METRICS_TAG_UNDERLINE_OFFSET, &pos))
    pos = (hb_position_t) (-0.1 * ys);
  if (!hb_ot_metrics_get_position (f->hb, HB_OT_METRICS_TAG_UNDERLINE_SIZE, &thick))
    thick = (hb_position_t) (0.05 * ys);
  f->underline_position = -pos * unit;
  f->underline_thickness = thick * unit;
  PangoGlyphString *h = pango_glyph_string_new ();
  para_font_shape (f, pctx, "-", 1, 0, 1, analysis, h);
  if (h->num_glyphs == 1) {
    f->hyphen_glyph = h->glyphs[0].glyph;
    f->hyphen_adv = h->glyphs[0].geometry.width / (double) PANGO_SCALE;
  }
  pango_glyph_string_free (h);
  return f;
}

const ParaFont *
para_font_get (PangoFont *ref, int units, PangoContext *pctx, const PangoAnalysis *analysis)
{
  g_return_val_if_fail (PANGO_IS_FC_FONT (ref), NULL);
  PangoFontMap *map = pango_font_get_font_map (ref);
  g_mutex_lock (&fonts_lock);
  GHashTable *cache = g_object_get_data (G_OBJECT (map), "dossier-para-fonts");
  if (!cache) {
    cache = g_hash_table_new_full (key_hash, key_equal, g_free, font_free);
    g_object_set_data_full (G_OBJECT (map), "dossier-para-fonts", cache,
                            (GDestroyNotify) g_hash_table_unref);
  }
  FontKey k = { ref, units };
  ParaFont *f = g_hash_table_lookup (cache, &k);
  g_mutex_unlock (&fonts_lock);
  if (f)
    return f;
  f = font_new (ref, units, pctx, analysis);
  g_mutex_lock (&fonts_lock);
  ParaFont *had = g_hash_table_lookup (cache, &k);
  if (had) {
    font_free (f);
    f = had;
  } else {
    g_hash_table_insert (cache, g_memdup2 (&k, sizeof k), f);
  }
  g_mutex_unlock (&fonts_lock);
  return f;
}

/* ---- shaping ------------------------------------------------------------ */

static void
buffer_free (gpointer b)
{
  hb_buffer_destroy (b);
}

static GPrivate buffers = G_PRIVATE_INIT (buffer_free);

/* Whether Pango's shaper would do more than ours with analysis. */
static gboolean
needs_pango (const ParaFont *f, const PangoAnalysis *a)
{
  for (GSList *l = a->extra_attrs; l; l = l->next) {
    PangoAttrType t = ((PangoAttribute *) l->data)->klass->type;
    if (t == PANGO_ATTR_FONT_FEATURES || t == PANGO_ATTR_LETTER_SPACING ||
        t == PANGO_ATTR_SHOW || t == PANGO_ATTR_TEXT_TRANSFORM)
      return TRUE;
  }
  return f->has_features || (a->flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN) || a->level % 2 ||
         a->gravity != PANGO_GRAVITY_SOUTH;
}

/* The font Pango sets the item in at f's size: the one of f's face in
 * Pango's font set for that size. */
static gboolean
same_face (PangoFontset *set, PangoFont *font, gpointer data)
{
  (void) set;
  PangoFont **out = data;
  if (text_face_of_font (font) != text_face_of_font (out[0]))
    return FALSE;
  out[1] = g_object_ref (font);
  return TRUE;
}

static void
pango_shape_at_size (const ParaFont *f, PangoContext *pctx, const char *text, int len, int off,
                     int ilen, const PangoAnalysis *analysis, PangoGlyphString *gs)
{
  PangoFontDescription *fd = pango_font_describe (f->ref);
  pango_font_description_set_size (fd, f->units);
  PangoFont *found[2] = { f->ref, NULL };
  PangoFontset *set = pctx ? pango_font_map_load_fontset (pango_font_get_font_map (f->ref), pctx,
                                                          fd, analysis->language) : NULL;
  if (set) {
    pango_fontset_foreach (set, same_face, found);
    g_object_unref (set);
  }
  pango_font_description_free (fd);
  PangoAnalysis a = *analysis;
  a.font = found[1] ? found[1] : f->ref;
  pango_shape_with_flags (text + off, ilen, text, len, &a, gs, PANGO_SHAPE_NONE);
  if (found[1])
    g_object_unref (found[1]);
}

void
para_font_shape (const ParaFont *f, PangoContext *pctx, const char *text, int len, int off,
                 int ilen, const PangoAnalysis *analysis, PangoGlyphString *gs)
{
  if (needs_pango (f, analysis)) {
    pango_shape_at_size (f, pctx, text, len, off, ilen, analysis, gs);
    return;
  }
  hb_buffer_t *buf = g_private_get (&buffers);
  if (!buf) {
    buf = hb_buffer_create ();
    g_private_set (&buffers, buf);
  }
  hb_buffer_clear_contents (buf);
  hb_buffer_set_direction (buf, HB_DIRECTION_LTR);
  hb_buffer_set_script (buf, (hb_script_t) g_unicode_script_to_iso15924 (analysis->script));
  hb_buffer_set_language (buf, hb_language_from_string (
                                 pango_language_to_string (analysis->language), -1));
  hb_buffer_set_cluster_level (buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_flags (buf, HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT);
  hb_buffer_set_invisible_glyph (buf, PANGO_GLYPH_EMPTY);
  hb_buffer_add_utf8 (buf, text, off, (unsigned) off, 0);
  hb_buffer_add_utf8 (buf, text, off + ilen, (unsigned) off, ilen);
  hb_buffer_add_utf8 (buf, text, len, (unsigned) (off + ilen), 0);
  g_private_set (&lacks_glyph, NULL);
  hb_shape (f->shaper, buf, NULL, 0);
  guint n = hb_buffer_get_length (buf);
  if (g_private_get (&lacks_glyph) || n == 0) {
    hb_buffer_clear_contents (buf);
    pango_shape_at_size (f, pctx, text, len, off, ilen, analysis, gs);
    return;
  }
  const hb_glyph_info_t *info = hb_buffer_get_glyph_infos (buf, NULL);
  const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions (buf, NULL);
  pango_glyph_string_set_size (gs, (int) n);
  int last = -1;
  for (guint i = 0; i < n; i++) {
    PangoGlyphInfo *g = &gs->glyphs[i];
    g->glyph = info[i].codepoint;
    gs->log_clusters[i] = (int) info[i].cluster - off;
    g->attr.is_cluster_start = gs->log_clusters[i] != last;
    g->attr.is_color = FALSE;   /* not asked for by the engine */
    last = gs->log_clusters[i];
    g->geometry.width = pos[i].x_advance;
    g->geometry.x_offset = pos[i].x_offset;
    g->geometry.y_offset = -pos[i].y_offset;
    if (g->geometry.width < 0) {   /* as pango_shape_internal */
      g->geometry.width = -g->geometry.width;
      g->geometry.x_offset += g->geometry.width;
    }
  }
  hb_buffer_clear_contents (buf);
}
