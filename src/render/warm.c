/* warm.c — the glyphs of a PDF loaded into cairo's caches by a second
 * thread while the first draws the pages.
 *
 * cairo 1.16 loads a glyph from FreeType for each size it is drawn at
 * (each size is a scaled font with a glyph cache of its own), then twice
 * more when the glyph joins its face's subset; a glyph of a CJK (CFF) face
 * takes ~12 µs to load: half of a PDF's drawing time, and the same loads
 * whichever thread makes them (the fonts, their caches and the FreeType
 * faces are cairo's, locked by cairo). So a helper thread asks cairo for
 * what drawing will ask, the last pages' glyphs first, and the drawing
 * thread finds most of it loaded when it gets there: on the example, 16 of
 * its 50 ms of drawing and finishing move to the other processor. The bytes
 * written do not change: what is cached is the same, and the subsets are
 * still made by the drawing thread, in its order. */
#include <sched.h>
#include <cairo-pdf.h>
#include <hb.h>
#include "render/render-private.h"

/* What cairo asks of a glyph, in the order a page needs it: its metrics of
 * each size it is drawn at (as the page is recorded), and at the page's end,
 * when the glyph joins its face's subset, the outline of the first size it
 * was drawn at (only to learn that it has one) and its metrics at 1 pt in
 * the subset's own scaled font. */
typedef enum { WARM_METRICS, WARM_OUTLINE } WarmKind;

typedef struct {
  WarmKind kind;
  cairo_scaled_font_t *font;  /* a reference */
  cairo_glyph_t *glyphs;      /* ids only */
  int n;
} WarmTask;

struct _RenderWarm {
  GArray *tasks;              /* of WarmTask, in the order the pages need them */
  GThread *thread;
  int stop;                   /* atomic: the pages are drawn, nothing is needed */
};

typedef struct {
  hb_set_t *glyphs;           /* asked of the subset already */
  cairo_scaled_font_t *unit;  /* the subset's scaled font (1 pt, as cairo makes it) */
} WarmFace;

typedef struct {
  GHashTable *font_glyphs;    /* drawing font → hb_set_t of the glyphs asked */
  GHashTable *faces;          /* cairo face → WarmFace */
  /* the last run's font (runs come in long stretches of one) */
  const TextFace *face;
  double size;
  cairo_scaled_font_t *font;
  const hb_map_t *map;
  hb_set_t *asked;
  WarmFace *wface;
  GArray *sized, *subset;     /* of cairo_glyph_t: a run's new glyphs */
  gsize scanned;              /* glyphs looked at */
} Seen;

#define WARM_CHUNK 8          /* glyphs a call: the drawing thread waits for no more */
/* Glyphs looked at, at most: the first pages hold nearly all of a
 * document's first uses of a glyph at a size, and past them the scan on the
 * drawing thread would cost more than the loads it moves (the example has
 * 7 800 glyphs; 127 of its pages 1.3 million, 15 ms of scanning). */
#define WARM_SCAN_GLYPHS 65536

static cairo_status_t
write_nothing (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gpointer
warm_run (gpointer data)
{
  RenderWarm *w = data;
  /* outlines are asked through a context: one on a PDF surface, so that its
   * font is the drawing context's own */
  cairo_surface_t *scratch = cairo_pdf_surface_create_for_stream (write_nothing, NULL, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  for (guint i = w->tasks->len; i-- > 0 && !g_atomic_int_get (&w->stop);) {
    const WarmTask *t = &g_array_index (w->tasks, WarmTask, i);
    if (t->kind == WARM_OUTLINE)
      cairo_set_scaled_font (cr, t->font);
    for (int k = 0; k < t->n; k += WARM_CHUNK) {
      int n = MIN (WARM_CHUNK, t->n - k);
      if (t->kind == WARM_OUTLINE) {
        cairo_glyph_path (cr, t->glyphs + k, n);
        cairo_new_path (cr);
      } else {
        cairo_text_extents_t e;
        cairo_scaled_font_glyph_extents (t->font, t->glyphs + k, n, &e);
      }
    }
  }
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return NULL;
}

static void
add_task (RenderWarm *w, WarmKind kind, cairo_scaled_font_t *font, const cairo_glyph_t *glyphs,
          int n)
{
  if (n == 0)
    return;
  WarmTask t = { kind, cairo_scaled_font_reference (font), g_memdup2 (glyphs, n * sizeof *glyphs), n };
  g_array_append_val (w->tasks, t);
}

static void
warm_face_free (gpointer data)
{
  WarmFace *f = data;
  hb_set_destroy (f->glyphs);
  cairo_scaled_font_destroy (f->unit);
  g_free (f);
}

/* The subset's scaled font of face: as cairo's subsets create it (the same
 * key, so cairo finds this one while it lives). */
static WarmFace *
warm_face (Seen *seen, cairo_font_face_t *face)
{
  WarmFace *f = g_hash_table_lookup (seen->faces, face);
  if (f)
    return f;
  f = g_new0 (WarmFace, 1);
  f->glyphs = hb_set_create ();
  cairo_matrix_t identity;
  cairo_matrix_init_identity (&identity);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  f->unit = cairo_scaled_font_create (face, &identity, &identity, options);
  cairo_font_options_destroy (options);
  g_hash_table_insert (seen->faces, face, f);
  return f;
}

/* The font cr draws run with (the scaled font with the surface's options
 * merged), and what is known of it: into seen's last-run fields; FALSE when
 * the run draws nothing. */
static gboolean
run_font (Seen *seen, cairo_t *cr, RenderFonts *fonts, const TextGlyphRun *run)
{
  if (run->face == seen->face && run->size == seen->size)
    return seen->font != NULL;
  seen->face = run->face;
  seen->size = run->size;
  cairo_scaled_font_t *sf = render_fonts_lookup (fonts, run, &seen->map);
  seen->font = NULL;
  if (!sf)
    return FALSE;
  cairo_set_scaled_font (cr, sf);
  seen->font = cairo_get_scaled_font (cr);
  seen->asked = g_hash_table_lookup (seen->font_glyphs, seen->font);
  if (!seen->asked) {
    seen->asked = hb_set_create ();
    g_hash_table_insert (seen->font_glyphs, cairo_scaled_font_reference (seen->font), seen->asked);
  }
  seen->wface = warm_face (seen, cairo_scaled_font_get_font_face (seen->font));
  return TRUE;
}

/* The tasks of run: what it asks of cairo first. */
static void
add_run (RenderWarm *w, Seen *seen, cairo_t *cr, RenderFonts *fonts, const TextGlyphRun *run)
{
  if (run->n_glyphs == 0 || !run_font (seen, cr, fonts, run))
    return;
  g_array_set_size (seen->sized, 0);
  g_array_set_size (seen->subset, 0);
  for (int i = 0; i < run->n_glyphs; i++) {
    hb_codepoint_t id = seen->map ? hb_map_get (seen->map, run->glyphs[i].id) : run->glyphs[i].id;
    cairo_glyph_t g = { id, 0, 0 };
    if (!hb_set_has (seen->asked, id)) {
      hb_set_add (seen->asked, id);
      g_array_append_val (seen->sized, g);
    }
    if (!hb_set_has (seen->wface->glyphs, id)) {
      hb_set_add (seen->wface->glyphs, id);
      g_array_append_val (seen->subset, g);
    }
  }
  seen->scanned += (gsize) run->n_glyphs;
  const cairo_glyph_t *sized = (const cairo_glyph_t *) seen->sized->data;
  const cairo_glyph_t *subset = (const cairo_glyph_t *) seen->subset->data;
  add_task (w, WARM_METRICS, seen->font, sized, (int) seen->sized->len);
  add_task (w, WARM_OUTLINE, seen->font, subset, (int) seen->subset->len);
  add_task (w, WARM_METRICS, seen->wface->unit, subset, (int) seen->subset->len);
}

/* The processors this process may run on (taskset, a cgroup's cpuset). */
static int
processors (void)
{
  cpu_set_t set;
  if (sched_getaffinity (0, sizeof set, &set) == 0)
    return CPU_COUNT (&set);
  return (int) g_get_num_processors ();
}

typedef struct {
  RenderWarm *w;
  Seen *seen;
  cairo_t *cr;
  RenderFonts *fonts;
} ScanCtx;

static void
scan_run (const TextGlyphRun *run, gpointer data)
{
  ScanCtx *sc = data;
  add_run (sc->w, sc->seen, sc->cr, sc->fonts, run);
}

RenderWarm *
render_warm_start (cairo_t *cr, RenderFonts *fonts, const LayoutDoc *ldoc)
{
  if (processors () < 2)
    return NULL;
  RenderWarm *w = g_new0 (RenderWarm, 1);
  w->tasks = g_array_new (FALSE, FALSE, sizeof (WarmTask));
  Seen seen = {
    g_hash_table_new_full (NULL, NULL, (GDestroyNotify) cairo_scaled_font_destroy,
                           (GDestroyNotify) hb_set_destroy),
    g_hash_table_new_full (NULL, NULL, NULL, warm_face_free),
    .sized = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t)),
    .subset = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t)),
  };
  cairo_save (cr);
  /* the pages are read from the page store here, on the drawing thread,
   * before the helper starts: the store is never read by two threads */
  ScanCtx sc = { w, &seen, cr, fonts };
  for (guint p = 0; p < ldoc->pages->len && seen.scanned < WARM_SCAN_GLYPHS; p++)
    if (!layout_page_foreach_run (g_ptr_array_index (ldoc->pages, p), scan_run, &sc, NULL))
      break;   /* a page that cannot be read: drawing will say so */
  cairo_restore (cr);
  g_hash_table_destroy (seen.font_glyphs);
  g_hash_table_destroy (seen.faces);   /* the tasks hold the subsets' fonts */
  g_array_unref (seen.sized);
  g_array_unref (seen.subset);
  w->thread = w->tasks->len ? g_thread_try_new ("dossier-warm", warm_run, w, NULL) : NULL;
  return w;
}

void
render_warm_join (RenderWarm *w)
{
  if (!w)
    return;
  g_atomic_int_set (&w->stop, 1);
  if (w->thread)
    g_thread_join (w->thread);
  for (guint i = 0; i < w->tasks->len; i++) {
    WarmTask *t = &g_array_index (w->tasks, WarmTask, i);
    cairo_scaled_font_destroy (t->font);
    g_free (t->glyphs);
  }
  g_array_unref (w->tasks);
  g_free (w);
}
