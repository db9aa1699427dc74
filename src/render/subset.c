/* subset.c — every face the pages use, cut down by HarfBuzz's subsetter
 * to the glyphs drawn, before cairo sees it.
 *
 * Why: handed a whole face, cairo 1.16 copies its whole outline table (CFF
 * or glyf) at each cairo_show_page to learn what kind of font it is, and
 * again at cairo_surface_finish to subset it. A Noto CJK face's CFF table is
 * about 20 MB, so that cost most of the render time and 80 MB of memory.
 * Here, once the pages are laid out, the glyph ids each face (file, index)
 * shows on any page — text lines and chart labels, as layout gathered them
 * (LayoutDoc.glyph_faces; else each page read back from the page store in
 * turn) — are collected, each face is subset once
 * with hb-subset (glyphs renumbered through the plan's mapping;
 * GSUB/GPOS/GDEF dropped, so no layout closure adds glyphs), and opened
 * from memory with FreeType for cairo. For images each face is opened whole
 * as a page first draws with it: an image of one page reads no other.
 * line.c draws each glyph run with the subset face, at the positions
 * layout set, glyph ids renumbered.
 * A variable instance is opened whole from its file; synthetic bold is
 * cairo's, on either. A face the subsetter cannot cut (or FreeType cannot
 * open once cut) is damaged: it is not handed to cairo whole, whose own
 * font parsers (1.16) read past the end of a damaged name table, and the
 * PDF is not made (render_fonts_damaged). */
#include <string.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>
#include <hb-subset.h>
#include "render/render-private.h"

typedef struct {
  const TextFace *face;
  hb_set_t *glyphs;             /* used, old ids */
  hb_map_t *map;                /* old id -> subset id; NULL: drawn whole */
  cairo_font_face_t *cface;     /* the subset's face, or the whole face's */
  gboolean damaged;             /* HarfBuzz or FreeType refused it: not drawn */
} Face;

struct _RenderFonts {
  GHashTable *faces;            /* TextFace* -> Face* */
  GHashTable *scaled;           /* "face\nsize" -> cairo_scaled_font_t* */
  GPtrArray *order;             /* of Face*, in the order first used */
  cairo_font_options_t *options;
  gboolean whole;               /* images: each face opened whole when first drawn */
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
  hb_set_destroy (f->glyphs);
  hb_map_destroy (f->map);
  if (f->cface)
    cairo_font_face_destroy (f->cface);
  g_free (f);
}

static Face *
face_of (RenderFonts *fonts, const TextFace *face)
{
  Face *f = g_hash_table_lookup (fonts->faces, face);
  if (!f) {
    f = g_new0 (Face, 1);
    f->face = face;
    f->glyphs = hb_set_create ();
    g_hash_table_insert (fonts->faces, (gpointer) face, f);
    g_ptr_array_add (fonts->order, f);
  }
  return f;
}

/* A cairo face for FreeType's face ft, kept alive with hold (freed by
 * ft_hold_free with the cairo face). */
static cairo_font_face_t *
cairo_face_for (FtHold *h, gboolean embolden)
{
  cairo_font_face_t *cface = cairo_ft_font_face_create_for_ft_face (h->ft, 0);
  static const cairo_user_data_key_t key;
  cairo_font_face_set_user_data (cface, &key, h, ft_hold_free);
  if (embolden)
    cairo_ft_font_face_set_synthesize (cface, CAIRO_FT_SYNTHESIZE_BOLD);
  return cface;
}

/* The whole face from its file: for a face the subsetter could not cut. */
static void
face_open_whole (Face *f)
{
  FT_Library lib = ft_get ();
  FtHold *h = g_new0 (FtHold, 1);
  g_mutex_lock (&ft_lock);
  FT_Error err = lib ? FT_New_Face (lib, f->face->file, f->face->index, &h->ft) : 1;
  g_mutex_unlock (&ft_lock);
  if (err != 0) {
    g_free (h);
    return;   /* drawn as nothing: the file went away after layout */
  }
  f->cface = cairo_face_for (h, f->face->embolden);
}

/* Tables a PDF font program does not need: layout (shaping is done) and
 * vertical metrics (text is set horizontally). cmap too: cairo writes its
 * own into each font it embeds, and the text comes from the clusters. */
static const char *const dropped_tables[] = {
  "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "DSIG",
  "vhea", "vmtx", "VORG", "cmap", "STAT", "meta",
};

static gboolean
dropped (hb_tag_t tag)
{
  for (gsize i = 0; i < G_N_ELEMENTS (dropped_tables); i++)
    if (tag == hb_tag_from_string (dropped_tables[i], 4))
      return TRUE;
  return FALSE;
}

/* The face with only the tables kept, each a view of the file's bytes.
 * Why: told to drop a table, the subsetter still reads it while it plans
 * (a CJK face's cmap and GSUB: 4 ms a face, whatever the glyphs); a table
 * the face does not have costs nothing. */
static hb_face_t *
face_without_dropped (hb_face_t *whole)
{
  hb_face_t *face = hb_face_builder_create ();
  hb_tag_t tags[64];
  unsigned start = 0, n;
  do {
    n = G_N_ELEMENTS (tags);
    hb_face_get_table_tags (whole, start, &n, tags);
    for (unsigned i = 0; i < n; i++) {
      if (dropped (tags[i]))
        continue;
      hb_blob_t *table = hb_face_reference_table (whole, tags[i]);
      hb_face_builder_add_table (face, tags[i], table);
      hb_blob_destroy (table);
    }
    start += n;
  } while (n == G_N_ELEMENTS (tags));
  hb_face_set_upem (face, hb_face_get_upem (whole));
  hb_face_set_glyph_count (face, hb_face_get_glyph_count (whole));
  return face;
}

/* Subsets f; a face the file of which cannot be read (gone since layout)
 * is drawn whole, one that cannot be cut is marked damaged. */
static void
face_cut (Face *f)
{
  hb_blob_t *blob = (f->face->index >> 16) == 0 ? hb_blob_create_from_file_or_fail (f->face->file)
                                                : NULL;   /* a variable instance: whole */
  if (!blob) {
    face_open_whole (f);
    return;
  }
  hb_face_t *whole = hb_face_create (blob, (unsigned) f->face->index);
  hb_blob_destroy (blob);
  hb_face_t *face = face_without_dropped (whole);
  hb_face_destroy (whole);
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_subset_plan_t *plan = NULL;
  hb_face_t *sub = NULL;
  if (input) {
    hb_set_union (hb_subset_input_glyph_set (input), f->glyphs);
    /* CFF charstrings with their subroutines inlined: three times faster to
     * cut than keeping the subroutines, and cairo subsets the font again
     * anyway. No hinting (TrueType instructions and their tables, CFF stem
     * hints): it fits outlines to a screen's pixels at small sizes; in a
     * PDF it is a quarter of the file (the example: 207 KB, 158 KB
     * without), zlib's time at cairo_surface_finish and FreeType's when
     * it loads each glyph. Poppler's pages are the same to the pixel. */
    hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING);
    plan = hb_subset_plan_create_or_fail (face, input);
  }
  if (plan)
    sub = hb_subset_plan_execute_or_fail (plan);
  f->damaged = sub == NULL;
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
      f->cface = cairo_face_for (h, f->face->embolden);
    } else {
      hb_blob_destroy (h->blob);
      g_free (h);
      g_clear_pointer (&f->map, hb_map_destroy);
      f->damaged = TRUE;
    }
  }
  hb_face_destroy (sub);
  hb_subset_plan_destroy (plan);
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
}

/* Subsets made, kept for the life of the process: a watch or serve loop
 * renders the same faces with the same glyphs again after most edits, and a
 * CJK face takes some 10 ms to cut. Looked up by face and glyph set. */
typedef struct {
  const TextFace *face;
  hb_set_t *glyphs;
  hb_map_t *map;
  cairo_font_face_t *cface;
} Cut;

#define CUTS_MAX 64
static Cut cuts[CUTS_MAX];
static guint n_cuts;
static GMutex cuts_lock;

static void
face_subset (gpointer data, gpointer unused)
{
  (void) unused;
  Face *f = data;
  g_mutex_lock (&cuts_lock);
  for (guint i = 0; i < n_cuts; i++)
    if (cuts[i].face == f->face && hb_set_is_equal (cuts[i].glyphs, f->glyphs)) {
      f->map = hb_map_copy (cuts[i].map);
      f->cface = cairo_font_face_reference (cuts[i].cface);
      g_mutex_unlock (&cuts_lock);
      return;
    }
  g_mutex_unlock (&cuts_lock);
  face_cut (f);
  if (!f->map || !f->cface)
    return;   /* drawn whole, or damaged: nothing to keep */
  g_mutex_lock (&cuts_lock);
  if (n_cuts == CUTS_MAX) {   /* full: start afresh */
    for (guint i = 0; i < n_cuts; i++) {
      hb_set_destroy (cuts[i].glyphs);
      hb_map_destroy (cuts[i].map);
      cairo_font_face_destroy (cuts[i].cface);
    }
    n_cuts = 0;
  }
  cuts[n_cuts++] = (Cut) { f->face, hb_set_copy (f->glyphs), hb_map_copy (f->map),
                           cairo_font_face_reference (f->cface) };
  g_mutex_unlock (&cuts_lock);
}

/* The glyphs run shows, into its face's set (the faces in the order first
 * used); each page is looked at in the page store, not read back whole. */
static void
collect_run (const TextGlyphRun *run, gpointer data)
{
  Face *f = face_of (data, run->face);
  for (int g = 0; g < run->n_glyphs; g++)
    hb_set_add (f->glyphs, run->glyphs[g].id);
}

static gint
most_glyphs_first (gconstpointer a, gconstpointer b)
{
  unsigned na = hb_set_get_population ((*(Face *const *) a)->glyphs);
  unsigned nb = hb_set_get_population ((*(Face *const *) b)->glyphs);
  return (nb > na) - (nb < na);
}

RenderFonts *
render_fonts_new (const LayoutDoc *ldoc, gboolean subset, GError **error)
{
  RenderFonts *fonts = g_new0 (RenderFonts, 1);
  fonts->faces = g_hash_table_new_full (NULL, NULL, NULL, face_free);
  fonts->scaled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) cairo_scaled_font_destroy);
  fonts->order = g_ptr_array_new ();
  /* outlines for print, as layout measured them: no hinting, no hinted metrics */
  fonts->options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (fonts->options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fonts->options, CAIRO_HINT_METRICS_OFF);
  if (!subset) {
    /* no glyph sets needed: an image of one page reads no other page */
    fonts->whole = TRUE;
    return fonts;
  }
  if (ldoc->glyph_faces) {
    /* gathered by layout as it checked the faces: the pages are not read */
    for (guint i = 0; i < ldoc->glyph_faces->len; i++) {
      const LayoutFaceGlyphs *fg = g_ptr_array_index (ldoc->glyph_faces, i);
      hb_set_union (face_of (fonts, fg->face)->glyphs, fg->glyphs);
    }
  } else {
    for (guint p = 0; p < ldoc->pages->len; p++)
      if (!layout_page_foreach_run (g_ptr_array_index (ldoc->pages, p), collect_run, fonts,
                                    error)) {
        render_fonts_free (fonts);
        return NULL;
      }
  }
  /* The faces are independent: subset on every core (a CJK face takes some
   * 10 ms). What the PDF holds does not depend on the order they finish in:
   * cairo numbers fonts in the order the pages use them. The faces with the
   * most glyphs go first: the body's CJK face, used first after the Latin
   * ones, was cut last, alone, while the other core waited (the example: 3.4
   * of the phase's 5.6 ms). */
  int threads = (int) MIN (g_get_num_processors (), fonts->order->len);
  GThreadPool *pool = threads > 1 ? g_thread_pool_new (face_subset, NULL, threads, TRUE, NULL)
                                  : NULL;
  g_autoptr (GPtrArray) work = g_ptr_array_copy (fonts->order, NULL, NULL);
  g_ptr_array_sort (work, most_glyphs_first);
  for (guint i = 0; i < work->len; i++)
    if (!pool || !g_thread_pool_push (pool, g_ptr_array_index (work, i), NULL))
      face_subset (g_ptr_array_index (work, i), NULL);
  if (pool)
    g_thread_pool_free (pool, FALSE, TRUE);
  return fonts;
}

void
render_fonts_free (RenderFonts *fonts)
{
  if (!fonts)
    return;
  g_hash_table_destroy (fonts->scaled);
  g_ptr_array_free (fonts->order, TRUE);
  g_hash_table_destroy (fonts->faces);
  cairo_font_options_destroy (fonts->options);
  g_free (fonts);
}

cairo_scaled_font_t *
render_fonts_lookup (RenderFonts *fonts, const TextGlyphRun *run, const hb_map_t **map)
{
  Face *f = g_hash_table_lookup (fonts->faces, run->face);
  if (!f && fonts->whole) {
    f = face_of (fonts, run->face);
    face_open_whole (f);
  }
  if (!f || !f->cface)
    return NULL;
  char key[64];
  g_snprintf (key, sizeof key, "%p\n%.4f", (const void *) run->face, run->size);
  cairo_scaled_font_t *sf = g_hash_table_lookup (fonts->scaled, key);
  if (!sf) {
    cairo_matrix_t font_matrix, ctm;
    /* a synthetic oblique shears x by y (fontconfig's matrix, y up) */
    cairo_matrix_init (&font_matrix, run->size, 0, -run->face->slant * run->size, run->size,
                       0, 0);
    cairo_matrix_init_identity (&ctm);
    sf = cairo_scaled_font_create (f->cface, &font_matrix, &ctm, fonts->options);
    g_hash_table_insert (fonts->scaled, g_strdup (key), sf);
  }
  *map = f->map;
  return sf;
}

const char *
render_fonts_damaged (RenderFonts *fonts)
{
  for (guint i = 0; i < fonts->order->len; i++) {
    const Face *f = g_ptr_array_index (fonts->order, i);
    if (f->damaged)
      return f->face->file;
  }
  return NULL;
}

void
render_fonts_files (RenderFonts *fonts, GPtrArray *out)
{
  for (guint i = 0; i < fonts->order->len; i++) {
    const Face *f = g_ptr_array_index (fonts->order, i);
    gboolean seen = FALSE;
    for (guint k = 0; k < out->len && !seen; k++)
      seen = strcmp (g_ptr_array_index (out, k), f->face->file) == 0;
    if (!seen)
      g_ptr_array_add (out, g_strdup (f->face->file));
  }
}
