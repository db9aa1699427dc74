/* store-read.c — the page store's reader: a packed page back as
 * fragments (layout_page_frags), or only looked at for its glyph runs
 * (layout_page_foreach_run), with what waited on the page put in at its
 * place. The format and why it is so: store.c. Every read is bounds-checked:
 * a damaged record is an error, never a read past its end. */
#include <string.h>
#include "layout/store-private.h"

typedef struct {
  const guint8 *p, *end;
  gboolean bad;                 /* read past the end: damaged */
} Reader;

static void
get (Reader *r, void *out, gsize len)
{
  if (r->bad || (gsize) (r->end - r->p) < len) {
    r->bad = TRUE;
    memset (out, 0, len);
    return;
  }
  memcpy (out, r->p, len);
  r->p += len;
}

static guint8 get_u8 (Reader *r) { guint8 v; get (r, &v, 1); return v; }
static gint32 get_i32 (Reader *r) { gint32 v; get (r, &v, sizeof v); return v; }

static void
get_words (Reader *r, guint64 *w, int n)
{
  guint16 mask;
  get (r, &mask, sizeof mask);
  for (int i = 0; i < n; i++) {
    w[i] = 0;
    if (mask & (1u << i))
      get (r, &w[i], sizeof w[i]);
  }
}

static char *
get_str (Reader *r)
{
  gint32 n = get_i32 (r);
  if (n <= 0 || r->bad)
    return NULL;
  if (r->end - r->p < n - 1) {
    r->bad = TRUE;
    return NULL;
  }
  char *s = g_strndup ((const char *) r->p, (gsize) n - 1);
  r->p += n - 1;
  return s;
}

/* A count of items of at least size bytes each that the rest can hold. */
static gint32
get_count (Reader *r, gsize size)
{
  gint32 n = get_i32 (r);
  if (n < 0 || (gsize) n > (gsize) (r->end - r->p) / size)
    r->bad = TRUE;
  return r->bad ? 0 : n;
}

static void
skip_str (Reader *r)
{
  gint32 n = get_i32 (r);
  if (n <= 1 || r->bad)
    return;
  if (r->end - r->p < n - 1)
    r->bad = TRUE;
  else
    r->p += n - 1;
}

/* A look at the glyph runs only (layout_page_foreach_run): no fragment is
 * made, a run's glyphs go into glyphs and its text and clusters are not
 * read; fn sees each run of a GLYPHS fragment. */
typedef struct {
  LayoutRunFunc fn;
  gpointer data;
  GArray *glyphs;               /* of TextGlyph */
} Visit;

/* A run from r into run, its arrays its own, or with v a look only. */
static void
read_run (Reader *r, TextGlyphRun *run, Visit *v)
{
  guint64 w[RUN_WORDS];
  get_words (r, w, RUN_WORDS);
  run->face = ptr_word (w[0]);
  run->size = f64_word (w[1]);
  run->x = f64_word (w[2]);
  run->width = f64_word (w[3]);
  run->color = (StyleColor) { f64_word (w[4]), f64_word (w[5]), f64_word (w[6]), f64_word (w[7]) };
  run->underline_position = f64_word (w[8]);
  run->underline_thickness = f64_word (w[9]);
  run->n_glyphs = get_count (r, 6);
  run->n_clusters = get_count (r, 1);   /* a byte of text each, at least */
  guint8 flags = get_u8 (r);
  run->backward = (flags & 1) != 0;
  run->has_color = (flags & 2) != 0;
  if (v) {
    skip_str (r);
    g_array_set_size (v->glyphs, (guint) run->n_glyphs);
    memset (v->glyphs->data, 0, sizeof (TextGlyph) * (gsize) run->n_glyphs);
    run->glyphs = (TextGlyph *) (void *) v->glyphs->data;
  } else {
    run->text = get_str (r);
    run->glyphs = g_new0 (TextGlyph, MAX (run->n_glyphs, 1));
  }
  for (int i = 0; i < run->n_glyphs; i++) {
    if (flags & 16) {
      get (r, &run->glyphs[i].id, sizeof (guint32));
    } else {
      guint16 id;
      get (r, &id, sizeof id);
      run->glyphs[i].id = id;
    }
    get (r, &run->glyphs[i].x, sizeof (float));
  }
  for (int i = 0; (flags & 8) && i < run->n_glyphs; i++)
    get (r, &run->glyphs[i].y, sizeof (float));
  if (flags & 4) {
    gsize size = sizeof (TextCluster) * (gsize) run->n_clusters;
    if ((gsize) run->n_clusters > (gsize) (r->end - r->p) / sizeof (TextCluster))
      r->bad = TRUE;
    else if (v)
      r->p += size;
    if (!v)
      run->clusters = g_new0 (TextCluster, MAX (run->n_clusters, 1));
    if (!v && !r->bad)
      get (r, run->clusters, size);
  }
}

/* A fragment from r into f (zeroed), or with v a look at its runs only
 * (f holds no strings or runs then). paras: the paragraph texts read so far
 * on this page, in order (NULLs with v). */
static void
read_frag (Reader *r, guint8 kind, GPtrArray *paras, Visit *v, LayoutFrag *f)
{
  f->kind = (LayoutFragKind) kind;
  guint64 w[FRAG_WORDS];
  get_words (r, w, FRAG_WORDS);
  f->x = f64_word (w[0]), f->y = f64_word (w[1]), f->w = f64_word (w[2]), f->h = f64_word (w[3]);
  f->color = (StyleColor) { f64_word (w[4]), f64_word (w[5]), f64_word (w[6]), f64_word (w[7]) };
  f->line_width = f64_word (w[8]);
  f->ascent = f64_word (w[9]);
  f->ratio = f64_word (w[10]);
  f->break_kind = ptr_word (w[11]);
  f->chart = ptr_word (w[12]);
  f->chart_layout = ptr_word (w[13]);
  f->role = ptr_word (w[14]);
  f->line = get_i32 (r);
  f->n_lines = get_i32 (r);
  guint8 flags = get_u8 (r);
  f->hyphenated = (flags & 1) != 0;
  f->justified = (flags & 2) != 0;
  f->dotted = (flags & 4) != 0;
  f->tag = get_i32 (r);
  f->group = get_i32 (r);
  f->lang_index = get_i32 (r);
  if (v) {
    skip_str (r);
    skip_str (r);
  } else {
    f->uri = get_str (r);
    f->dest = get_str (r);
  }
  gint32 para = get_i32 (r);
  if (para < 0 && -para == (gint32) paras->len + 1) {
    g_autofree char *text = v ? (skip_str (r), NULL) : get_str (r);
    g_ptr_array_add (paras, v ? NULL : g_ref_string_new (text ? text : ""));
    para = -para;
  }
  if (para > 0 && para <= (gint32) paras->len && !v)
    f->para = g_ref_string_acquire (g_ptr_array_index (paras, para - 1));
  else if (para < 0 || para > (gint32) paras->len)
    r->bad = TRUE;
  gint32 n_runs = get_i32 (r);
  if (n_runs >= 0 && !r->bad && !v)
    f->runs = g_ptr_array_new_full ((guint) MIN (n_runs, 1024),
                                    (GDestroyNotify) text_glyph_run_free);
  for (gint32 i = 0; i < n_runs && !r->bad; i++) {
    TextGlyphRun *run = v ? &(TextGlyphRun) { 0 } : g_new0 (TextGlyphRun, 1);
    read_run (r, run, v);
    if (!v)
      g_ptr_array_add (f->runs, run);
    else if (!r->bad && kind == LAYOUT_FRAG_GLYPHS)
      v->fn (run, v->data);
  }
}

/* fn on each run of f, a fragment on the page (late). */
static void
visit_frag (const LayoutFrag *f, Visit *v)
{
  for (guint r = 0; f->kind == LAYOUT_FRAG_GLYPHS && r < f->runs->len; r++)
    v->fn (g_ptr_array_index (f->runs, r), v->data);
}


static void
frag_free0 (gpointer f)
{
  if (f)
    frag_free (f);
}

/* The next of late (*next on) for out: moved when late is read back too
 * (own), else a copy (late is the page's). */
static LayoutFrag *
late_take (GPtrArray *late, guint *next, gboolean own)
{
  LayoutFrag *f = g_ptr_array_index (late, *next);
  if (own)
    g_ptr_array_index (late, *next) = NULL;
  (*next)++;
  return own ? f : frag_copy (f, 0, 0);
}

/* The fragments of rec into out, each mark taking the next of late (from
 * *next on); with v, a look at their runs instead. FALSE when rec is
 * damaged. */
static gboolean
read_record (const LayoutStore *store, const Record *rec, GPtrArray *late, gboolean own,
             guint *next, GPtrArray *out, Visit *v, GError **error)
{
  g_autoptr (GBytes) bytes = store_record_bytes (store, rec, error);
  if (!bytes)
    return FALSE;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  Reader r = { data, data + len, FALSE };
  gint32 n = get_count (&r, 1);
  g_autoptr (GPtrArray) paras = v ? g_ptr_array_new ()
    : g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  for (gint32 i = 0; i < n && !r.bad; i++) {
    guint8 kind = get_u8 (&r);
    if (kind == MARK_LATE && late && *next < late->len && v)
      visit_frag (g_ptr_array_index (late, (*next)++), v);
    else if (kind == MARK_LATE && late && *next < late->len)
      g_ptr_array_add (out, late_take (late, next, own));
    else if (kind <= LAYOUT_FRAG_DEST && kind != LAYOUT_FRAG_TEXT && v)
      read_frag (&r, kind, paras, v, &(LayoutFrag) { 0 });
    else if (kind <= LAYOUT_FRAG_DEST && kind != LAYOUT_FRAG_TEXT) {
      LayoutFrag *f = g_new0 (LayoutFrag, 1);
      read_frag (&r, kind, paras, NULL, f);
      g_ptr_array_add (out, f);
    } else
      r.bad = TRUE;
  }
  if (r.bad || r.p != r.end) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                 "a page read back from its temporary file is damaged");
    return FALSE;
  }
  return TRUE;
}

GPtrArray *
layout_page_frags (const LayoutPage *page, GError **error)
{
  g_return_val_if_fail (page != NULL, NULL);
  const LayoutPacked *p = page->packed;
  if (!p)
    return g_ptr_array_ref (page->frags);
  /* what was set at the end: packed too once complete, else on the page */
  g_autoptr (GPtrArray) late = NULL;
  gboolean own = p->late.len > 0;
  guint next = 0;
  if (own) {
    late = g_ptr_array_new_with_free_func (frag_free0);
    if (!read_record (p->store, &p->late, NULL, FALSE, &next, late, NULL, error)) {
      g_prefix_error (error, "page %d: ", page->number);
      return NULL;
    }
  } else {
    late = g_ptr_array_ref (page->frags);
  }
  GPtrArray *out = g_ptr_array_new_with_free_func (frag_free);
  if (!read_record (p->store, &p->main, late, own, &next, out, NULL, error)) {
    g_prefix_error (error, "page %d: ", page->number);
    g_ptr_array_unref (out);
    return NULL;
  }
  while (next < late->len)   /* running heads: after the rest */
    g_ptr_array_add (out, late_take (late, &next, own));
  return out;
}

gboolean
layout_page_foreach_run (const LayoutPage *page, LayoutRunFunc fn, gpointer data,
                         GError **error)
{
  g_return_val_if_fail (page != NULL && fn != NULL, FALSE);
  const LayoutPacked *p = page->packed;
  g_autoptr (GPtrArray) late = NULL;
  guint next = 0;
  gboolean ok = TRUE;
  if (p && p->late.len > 0) {   /* a few running heads: read as fragments */
    late = g_ptr_array_new_with_free_func (frag_free0);
    ok = read_record (p->store, &p->late, NULL, FALSE, &next, late, NULL, error);
  } else {
    late = g_ptr_array_ref (page->frags);
  }
  Visit v = { fn, data, g_array_new (FALSE, FALSE, sizeof (TextGlyph)) };
  if (ok && p)
    ok = read_record (p->store, &p->main, late, FALSE, &next, NULL, &v, error);
  while (ok && next < late->len)
    visit_frag (g_ptr_array_index (late, next++), &v);
  g_array_unref (v.glyphs);
  if (!ok)
    g_prefix_error (error, "page %d: ", page->number);
  return ok;
}

gboolean
layout_page_unpack (LayoutPage *page, GError **error)
{
  if (!page->packed)
    return TRUE;
  GPtrArray *frags = layout_page_frags (page, error);
  if (!frags)
    return FALSE;
  g_ptr_array_unref (page->frags);
  page->frags = frags;
  g_clear_pointer (&page->packed, layout_packed_free);
  return TRUE;
}
