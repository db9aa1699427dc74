/* subset.c — every face the pages use, cut down by HarfBuzz's subsetter
 * to the glyphs drawn, before cairo sees it.
 *
 * Why: handed a whole face, cairo 1.16 copies its whole outline table (CFF
 * or glyf) at each cairo_show_page to learn what kind of font it is, and
 * again at cairo_surface_finish to subset it. A Noto CJK face's CFF table is
 * about 20 MB, so that cost most of the render time and 80 MB of memory.
 * Here, once the pages are laid out, the glyph ids each face (file, index)
 * shows on any page — text lines and chart labels — are collected, each
 * face is subset once with hb-subset (glyphs renumbered through the plan's
 * mapping; GSUB/GPOS/GDEF dropped, so no layout closure adds glyphs), and
 * opened from memory with FreeType for cairo. line.c draws each glyph run
 * with the subset face, at Pango's positions, glyph ids renumbered.
 * Faces cairo cannot be given this way (synthetic bold or slant, variable
 * instances, fonts not from fontconfig) are drawn as before. */
#include <string.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include "render/render-private.h"

typedef struct {
  char *file;
  int index;
  hb_set_t *glyphs;             /* used, old ids */
  hb_map_t *map;                /* old id -> subset id; NULL until subset */
  cairo_font_face_t *cface;     /* the subset's face; NULL: subsetting failed */
} Face;

typedef struct {
  Face *face;                   /* NULL: this font is drawn as is */
  cairo_scaled_font_t *scaled;  /* the subset at the font's size; made on first use */
} FontEntry;

struct _RenderFonts {
  GHashTable *faces;            /* "file\nindex" -> Face* */
  GHashTable *fonts;            /* PangoFont* -> FontEntry* */
  GPtrArray *order;             /* of Face*, in the order first used */
  GPtrArray *files;             /* of char*: every font file used, once, in order */
  GHashTable *file_set;         /* the same, for lookups (not owned) */
};

/* FreeType's library is shared by every render (cairo may keep a face
 * after the render that made it); making and freeing faces is locked. */
static FT_Library ft_library;
static GMutex ft_lock;

static FT_Library
ft_get (void)
{
  static gsize once;
  if (g_once_init_enter (&once)) {
    if (FT_Init_FreeType (&ft_library) != 0)
      ft_library = NULL;
    g_once_init_leave (&once, 1);
  }
  return ft_library;
}

typedef struct {
  FT_Face ft;
  hb_blob_t *blob;              /* the subset's bytes FreeType reads */
} FtHold;

static void
ft_hold_free (void *data)
{
  FtHold *h = data;
  g_mutex_lock (&ft_lock);
  FT_Done_Face (h->ft);
  g_mutex_unlock (&ft_lock);
  hb_blob_destroy (h->blob);
  g_free (h);
}

static void
face_free (gpointer data)
{
  Face *f = data;
  g_free (f->file);
  hb_set_destroy (f->glyphs);
  hb_map_destroy (f->map);
  if (f->cface)
    cairo_font_face_destroy (f->cface);
  g_free (f);
}

static void
font_entry_free (gpointer data)
{
  FontEntry *e = data;
  if (e->scaled)
    cairo_scaled_font_destroy (e->scaled);
  g_free (e);
}

/* The face behind font, or NULL when it cannot be subset. */
static Face *
face_of (RenderFonts *fonts, PangoFont *font)
{
  FontEntry *e = g_hash_table_lookup (fonts->fonts, font);
  if (e)
    return e->face;
  e = g_new0 (FontEntry, 1);
  g_hash_table_insert (fonts->fonts, g_object_ref (font), e);
  if (!PANGO_IS_FC_FONT (font))
    return NULL;
  FcPattern *pat = PANGO_FC_FONT (font)->font_pattern;
  FcChar8 *file = NULL;
  int index = 0;
  FcBool embolden = FcFalse;
  FcMatrix *matrix = NULL;
  if (FcPatternGetString (pat, FC_FILE, 0, &file) != FcResultMatch)
    return NULL;
  if (!g_hash_table_contains (fonts->file_set, file)) {
    char *copy = g_strdup ((const char *) file);
    g_ptr_array_add (fonts->files, copy);
    g_hash_table_add (fonts->file_set, copy);
  }
  FcPatternGetInteger (pat, FC_INDEX, 0, &index);
  FcPatternGetBool (pat, FC_EMBOLDEN, 0, &embolden);
  if (embolden || FcPatternGetMatrix (pat, FC_MATRIX, 0, &matrix) == FcResultMatch ||
      (index >> 16) != 0)
    return NULL;
  g_autofree char *key = g_strdup_printf ("%s\n%d", (const char *) file, index);
  Face *f = g_hash_table_lookup (fonts->faces, key);
  if (!f) {
    f = g_new0 (Face, 1);
    f->file = g_strdup ((const char *) file);
    f->index = index;
    f->glyphs = hb_set_create ();
    g_hash_table_insert (fonts->faces, g_steal_pointer (&key), f);
    g_ptr_array_add (fonts->order, f);
  }
  e->face = f;
  return f;
}

static void
collect_line (RenderFonts *fonts, PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l; l = l->next) {
    PangoGlyphItem *run = l->data;
    Face *f = face_of (fonts, run->item->analysis.font);
    if (!f)
      continue;
    for (int i = 0; i < run->glyphs->num_glyphs; i++) {
      PangoGlyph g = run->glyphs->glyphs[i].glyph;
      if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG))
        hb_set_add (f->glyphs, g);
    }
  }
}

static void
collect_layout (PangoLayout *layout, gpointer data)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next)
    collect_line (data, l->data);
}

/* Tables a PDF font program does not need: layout (shaping is done) and
 * vertical metrics (text is set horizontally). cmap too: cairo writes its
 * own into each font it embeds, and the text comes from the clusters. */
static const char *const dropped_tables[] = {
  "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "DSIG",
  "vhea", "vmtx", "VORG", "cmap", "STAT", "meta",
};

/* Subsets f; on any failure f keeps no subset and is drawn whole. */
static void
face_subset (gpointer data, gpointer unused)
{
  (void) unused;
  Face *f = data;
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (f->file);
  if (!blob)
    return;
  hb_face_t *face = hb_face_create (blob, (unsigned) f->index);
  hb_blob_destroy (blob);
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_subset_plan_t *plan = NULL;
  hb_face_t *sub = NULL;
  if (input) {
    hb_set_union (hb_subset_input_glyph_set (input), f->glyphs);
    hb_set_t *drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (gsize i = 0; i < G_N_ELEMENTS (dropped_tables); i++)
      hb_set_add (drop, hb_tag_from_string (dropped_tables[i], 4));
    plan = hb_subset_plan_create_or_fail (face, input);
  }
  if (plan)
    sub = hb_subset_plan_execute_or_fail (plan);
  if (sub) {
    const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping (plan);
    f->map = hb_map_create ();
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next (f->glyphs, &g);)
      hb_map_set (f->map, g, hb_map_get (old_to_new, g));
    FtHold *h = g_new0 (FtHold, 1);
    h->blob = hb_face_reference_blob (sub);
    unsigned len = 0;
    const char *bytes = hb_blob_get_data (h->blob, &len);
    FT_Library lib = ft_get ();
    g_mutex_lock (&ft_lock);
    FT_Error err = lib ? FT_New_Memory_Face (lib, (const FT_Byte *) bytes, (FT_Long) len, 0,
                                             &h->ft)
                       : 1;
    g_mutex_unlock (&ft_lock);
    if (err == 0) {
      f->cface = cairo_ft_font_face_create_for_ft_face (h->ft, 0);
      static const cairo_user_data_key_t key;
      cairo_font_face_set_user_data (f->cface, &key, h, ft_hold_free);
    } else {
      hb_blob_destroy (h->blob);
      g_free (h);
    }
  }
  hb_face_destroy (sub);
  hb_subset_plan_destroy (plan);
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
}

RenderFonts *
render_fonts_new (const LayoutDoc *ldoc)
{
  RenderFonts *fonts = g_new0 (RenderFonts, 1);
  fonts->faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, face_free);
  fonts->fonts = g_hash_table_new_full (NULL, NULL, g_object_unref, font_entry_free);
  fonts->order = g_ptr_array_new ();
  fonts->files = g_ptr_array_new_with_free_func (g_free);
  fonts->file_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint p = 0; p < ldoc->pages->len; p++) {
    const LayoutPage *page = g_ptr_array_index (ldoc->pages, p);
    for (guint i = 0; i < page->frags->len; i++) {
      const LayoutFrag *f = g_ptr_array_index (page->frags, i);
      if (f->kind == LAYOUT_FRAG_TEXT)
        collect_line (fonts, pango_layout_get_line_readonly (f->layout, f->line));
      else if (f->kind == LAYOUT_FRAG_CHART)
        chart_labels_foreach (f->chart, ldoc->context, f->w, collect_layout, fonts);
    }
  }
  for (guint i = 0; i < fonts->order->len; i++)
    face_subset (g_ptr_array_index (fonts->order, i), NULL);
  return fonts;
}

void
render_fonts_free (RenderFonts *fonts)
{
  if (!fonts)
    return;
  g_hash_table_destroy (fonts->fonts);
  g_ptr_array_free (fonts->order, TRUE);
  g_hash_table_destroy (fonts->file_set);
  g_ptr_array_unref (fonts->files);
  g_hash_table_destroy (fonts->faces);
  g_free (fonts);
}

void
render_fonts_files (RenderFonts *fonts, GPtrArray *out)
{
  for (guint i = 0; i < fonts->files->len; i++)
    g_ptr_array_add (out, g_strdup (g_ptr_array_index (fonts->files, i)));
}

cairo_scaled_font_t *
render_fonts_lookup (RenderFonts *fonts, PangoFont *font, cairo_scaled_font_t *sf,
                     const hb_map_t **map)
{
  if (!fonts)
    return NULL;
  FontEntry *e = g_hash_table_lookup (fonts->fonts, font);
  if (!e || !e->face || !e->face->cface)
    return NULL;
  if (!e->scaled) {
    cairo_matrix_t font_matrix, ctm;
    cairo_scaled_font_get_font_matrix (sf, &font_matrix);
    cairo_scaled_font_get_ctm (sf, &ctm);
    cairo_font_options_t *options = cairo_font_options_create ();
    cairo_scaled_font_get_font_options (sf, options);
    e->scaled = cairo_scaled_font_create (e->face->cface, &font_matrix, &ctm, options);
    cairo_font_options_destroy (options);
  }
  *map = e->face->map;
  return e->scaled;
}
