/* glyphline.c — the end of layout: each chart's labels, which the chart
 * stage sets with the paragraph engine as glyph runs, become GLYPHS
 * fragments after its shapes (all other text comes out of the paragraph
 * engine as glyph runs already: paragraph.c); the faces the pages use are
 * checked.
 *
 * After this pass a page is plain data (a display list): each line is a
 * GLYPHS fragment holding TextGlyphRuns (face by file and index, size,
 * glyph ids and positions, the text each cluster stands for), each chart
 * its laid-out shapes followed by its labels as GLYPHS fragments. Nothing
 * after layout reads Pango, the model or the style sheet, and the renderer
 * draws these runs as they are, for every device, without shaping again. */
#include <hb.h>
#include "layout/layout-private.h"

typedef struct {
  GPtrArray *out;             /* the page's new fragments */
  const LayoutFrag *chart;
} LabelCtx;

/* A line of a chart's label, set by the paragraph engine: its runs move
 * into a GLYPHS fragment as they are. */
static void
label_to_frag (ChartLabelLine *line, gpointer data)
{
  LabelCtx *lc = data;
  LayoutFrag *f = frag_new (LAYOUT_FRAG_GLYPHS);
  f->runs = g_steal_pointer (&line->runs);
  f->x = lc->chart->x + line->x;
  f->y = lc->chart->y + line->y;
  f->w = line->w;
  f->h = line->h;
  f->tag = lc->chart->tag;
  f->line = line->line;
  f->n_lines = line->n_lines;
  f->para = g_ref_string_new (line->text);
  g_ptr_array_add (lc->out, f);
}

void
layout_page_make_glyphs (LayoutPage *page)
{
  GPtrArray *old = page->frags;
  g_ptr_array_set_free_func (old, NULL);   /* each fragment moves to the new list */
  GPtrArray *frags = g_ptr_array_new_full (old->len, frag_free);
  for (guint i = 0; i < old->len; i++) {
    LayoutFrag *f = g_ptr_array_index (old, i);
    g_ptr_array_add (frags, f);
    if (f->kind == LAYOUT_FRAG_CHART && f->chart_layout) {
      /* a chart stands on one page: its labels are needed nowhere else,
       * and once dropped a second pass finds none */
      LabelCtx lc = { frags, f };
      chart_layout_take_labels ((ChartLayout *) f->chart_layout, label_to_frag, &lc);
    }
  }
  g_ptr_array_unref (old);
  page->frags = frags;
}

void
layout_make_glyphs (LayoutDoc *out)
{
  for (guint p = 0; p < out->pages->len; p++)
    layout_page_make_glyphs (g_ptr_array_index (out->pages, p));
}

typedef struct {
  GHashTable *seen;           /* face -> its LayoutFaceGlyphs */
  GPtrArray *faces;
  DiagList *diags;
} FaceCheck;

static void
face_glyphs_free (gpointer data)
{
  LayoutFaceGlyphs *fg = data;
  hb_set_destroy (fg->glyphs);
  g_free (fg);
}

static void
check_face (const TextGlyphRun *run, gpointer data)
{
  FaceCheck *fc = data;
  if (!run->face)
    return;
  LayoutFaceGlyphs *fg = g_hash_table_lookup (fc->seen, run->face);
  if (!fg) {
    fg = g_new0 (LayoutFaceGlyphs, 1);
    fg->face = run->face;
    fg->glyphs = hb_set_create ();
    g_hash_table_insert (fc->seen, (gpointer) run->face, fg);
    g_ptr_array_add (fc->faces, fg);
    g_autoptr (GError) error = NULL;
    if (!text_face_check (run->face, &error))
      diag_error (fc->diags, run->face->file, 0, 0, "%s", error->message);
  }
  for (int g = 0; g < run->n_glyphs; g++)
    hb_set_add (fg->glyphs, run->glyphs[g].id);
}

void
layout_check_faces (LayoutDoc *out, DiagList *diags)
{
  /* a face cut short draws its lost glyphs as nothing: an error, not a
   * page with words missing (facecheck.c) */
  FaceCheck fc = { g_hash_table_new (NULL, NULL), g_ptr_array_new_with_free_func (face_glyphs_free),
                   diags };
  gboolean whole = TRUE;
  for (guint p = 0; p < out->pages->len && whole; p++) {
    g_autoptr (GError) read_error = NULL;
    whole = layout_page_foreach_run (g_ptr_array_index (out->pages, p), check_face, &fc,
                                     &read_error);
    if (!whole)
      diag_error (diags, NULL, 0, 0, "%s", read_error->message);
  }
  g_hash_table_unref (fc.seen);
  if (whole && !out->glyph_faces)
    out->glyph_faces = fc.faces;   /* the glyphs of every page: the renderer's to use */
  else
    g_ptr_array_unref (fc.faces);
}
