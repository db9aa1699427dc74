/* store.c — the page store: each page's display list out of the heap from
 * the moment the page is complete until it is drawn (issue 9).
 *
 * Why: the PDF cannot be drawn while pages are still being made. The
 * contents' page numbers and counter(pages) are known only once the last
 * page is, and each face is subset once, from the glyphs of every page,
 * before cairo draws the first one. Held as fragments and glyph runs, a
 * page of the example took about 60 KB of heap (100 KB with malloc's
 * slack and the heap it leaves behind), so a 1,000-page document needed
 * 170 MB. Here a page is packed when pagination leaves it (paginate.c): its
 * fragments are written out in a plain binary form (numbers as their
 * bytes, so a page reads back bit for bit: same PDF) to an anonymous
 * temporary file and freed; render reads one page back at a time
 * (layout_page_frags) to subset and to draw. The heap then holds a page
 * and the things that really are the document's (model, tags, outline),
 * whatever the length.
 *
 * Why a file and not a compact buffer in memory: memory would still grow
 * with every page (32 KB a page of the example in this form); the kernel's
 * page cache holds what was just written without it counting against the
 * process, and it is read back three times only (the faces checked at the
 * end of layout, the glyphs collected for subsetting, the page drawn). The
 * file is opened with O_TMPFILE (an unlinked one where that is missing),
 * so it has no name and nothing is left behind even by SIGKILL; it is the
 * LayoutDoc's own, opened after any fork (batch workers each open their
 * own) and closed with the LayoutDoc (a watch or serve loop keeps one, of
 * the pages it shows). Where no temporary file can be made or written (no
 * $TMPDIR, a full disk) a page keeps its packed bytes in memory instead:
 * slower to grow, never a failure.
 *
 * What waits in the page: fragments still TEXT when it is packed (a
 * contents entry's page number, set at the end of layout) stay on the
 * page, in page->frags, with a mark at their place in the packed list;
 * what is added at the end (running heads and feet) is appended there, and
 * the lot packed as a second record once set as glyphs. Reading a page gives
 * the packed list with those put in. A pass that changes every fragment
 * (bleed.c) unpacks the page and packs it again.
 *
 * Pointers that stay valid for the process or the LayoutDoc (faces,
 * charts, static names) are written as they are: the file is read only
 * by the process that wrote it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "layout/layout-private.h"

struct _LayoutStore {
  char *dir;                    /* where the file goes; NULL: $TMPDIR */
  int fd;                       /* the temporary file, -1: none (yet, or to be had) */
  gboolean no_file;             /* none could be made: pages stay in memory */
  guint64 size;                 /* bytes written to fd */
  GByteArray *buf;              /* the page being packed */
};

/* One list of fragments in the store. */
typedef struct {
  guint64 offset;               /* in the store's file */
  gsize len;
  GBytes *bytes;                /* in memory instead: the file could not take it */
} Record;

struct _LayoutPacked {
  LayoutStore *store;
  Record main;                  /* the page as pagination left it */
  Record late;                  /* what was set at the end, once complete; len 0: none */
};

#define MARK_LATE 0xff          /* a fragment that waits in page->frags */
#define FRAG_WORDS 16           /* a fragment's numbers and pointers (put_frag) */
#define RUN_WORDS 10            /* a glyph run's (put_run) */

LayoutStore *
layout_store_new (const char *dir)
{
  LayoutStore *s = g_new0 (LayoutStore, 1);
  s->dir = g_strdup (dir);
  s->fd = -1;
  s->buf = g_byte_array_new ();
  return s;
}

void
layout_store_free (LayoutStore *s)
{
  if (!s)
    return;
  if (s->fd >= 0)
    close (s->fd);
  g_byte_array_unref (s->buf);
  g_free (s->dir);
  g_free (s);
}

void
layout_packed_free (LayoutPacked *p)
{
  if (!p)
    return;
  if (p->main.bytes)
    g_bytes_unref (p->main.bytes);
  if (p->late.bytes)
    g_bytes_unref (p->late.bytes);
  g_free (p);
}

/* The store's file, opened on first use; -1 when none can be had. */
static int
store_fd (LayoutStore *s)
{
  if (s->fd >= 0 || s->no_file)
    return s->fd;
  const char *dir = s->dir ? s->dir : g_get_tmp_dir ();
#ifdef O_TMPFILE
  /* O_EXCL: the file can never be given a name */
  s->fd = open (dir, O_TMPFILE | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (s->fd < 0) {
    g_autofree char *path = g_build_filename (dir, "dossier-pages-XXXXXX", NULL);
    s->fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
    if (s->fd >= 0)
      g_unlink (path);
  }
  s->no_file = s->fd < 0;
  return s->fd;
}

static gboolean
write_at (int fd, const guint8 *data, gsize len, guint64 offset)
{
  while (len > 0) {
    ssize_t n = pwrite (fd, data, len, (off_t) offset);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return FALSE;
    data += n, len -= (gsize) n, offset += (guint64) n;
  }
  return TRUE;
}

static gboolean
read_at (int fd, guint8 *data, gsize len, guint64 offset, GError **error)
{
  while (len > 0) {
    ssize_t n = pread (fd, data, len, (off_t) offset);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      g_set_error (error, G_FILE_ERROR, n < 0 ? g_file_error_from_errno (errno) : G_FILE_ERROR_IO,
                   "cannot read a page back from its temporary file: %s",
                   n < 0 ? g_strerror (errno) : "it is shorter than written");
      return FALSE;
    }
    data += n, len -= (gsize) n, offset += (guint64) n;
  }
  return TRUE;
}

/* ---- writing ------------------------------------------------------------- */

static void
put (GByteArray *b, const void *data, gsize len)
{
  g_byte_array_append (b, data, (guint) len);
}

static void put_u8 (GByteArray *b, guint8 v) { put (b, &v, 1); }
static void put_i32 (GByteArray *b, gint32 v) { put (b, &v, sizeof v); }

/* Numbers and pointers as 64-bit words, written sparsely: a mask of those
 * not all zero bits, then those (most of a fragment's are 0: a line has
 * no line width, a rectangle no ascent; half the bytes a page). */
static guint64 word_f64 (double v) { guint64 w; memcpy (&w, &v, sizeof w); return w; }
static guint64 word_ptr (const void *p) { return (guint64) (guintptr) p; }
static double f64_word (guint64 w) { double v; memcpy (&v, &w, sizeof v); return v; }
static const void *ptr_word (guint64 w) { return (const void *) (guintptr) w; }

static void
put_words (GByteArray *b, const guint64 *w, int n)
{
  guint16 mask = 0;
  for (int i = 0; i < n; i++)
    mask |= (guint16) (w[i] != 0) << i;
  put (b, &mask, sizeof mask);
  for (int i = 0; i < n; i++)
    if (w[i] != 0)
      put (b, &w[i], sizeof w[i]);
}

/* NULL or a string (its length + 1, then its bytes). */
static void
put_str (GByteArray *b, const char *s)
{
  gsize len = s ? strlen (s) : 0;
  put_i32 (b, s ? (gint32) len + 1 : 0);
  put (b, s, len);
}

static void
put_run (GByteArray *b, const TextGlyphRun *r)
{
  gboolean has_y = FALSE, wide = FALSE;
  for (int i = 0; i < r->n_glyphs; i++) {
    has_y |= r->glyphs[i].y != 0 || signbit (r->glyphs[i].y);
    wide |= r->glyphs[i].id > G_MAXUINT16;
  }
  guint64 w[RUN_WORDS] = {
    word_ptr (r->face), word_f64 (r->size), word_f64 (r->x), word_f64 (r->width),
    word_f64 (r->color.r), word_f64 (r->color.g), word_f64 (r->color.b), word_f64 (r->color.a),
    word_f64 (r->underline_position), word_f64 (r->underline_thickness),
  };
  put_words (b, w, RUN_WORDS);
  put_i32 (b, r->n_glyphs);
  put_i32 (b, r->n_clusters);
  put_u8 (b, (r->backward ? 1 : 0) | (r->has_color ? 2 : 0) | (r->clusters ? 4 : 0) |
             (has_y ? 8 : 0) | (wide ? 16 : 0));
  put_str (b, r->text);
  /* ids (16 bits, as OpenType's are) and x, then y only where a glyph is
   * raised (marks, superscripts) */
  for (int i = 0; i < r->n_glyphs; i++) {
    guint16 id = (guint16) r->glyphs[i].id;
    if (wide)
      put (b, &r->glyphs[i].id, sizeof (guint32));
    else
      put (b, &id, sizeof id);
    put (b, &r->glyphs[i].x, sizeof (float));
  }
  for (int i = 0; has_y && i < r->n_glyphs; i++)
    put (b, &r->glyphs[i].y, sizeof (float));
  if (r->clusters)
    put (b, r->clusters, sizeof (TextCluster) * (gsize) r->n_clusters);
}

/* paras: the paragraph texts written on this page, each once. */
static void
put_frag (GByteArray *b, const LayoutFrag *f, GHashTable *paras)
{
  g_assert (f->layout == NULL);
  put_u8 (b, (guint8) f->kind);
  guint64 w[FRAG_WORDS] = {
    word_f64 (f->x), word_f64 (f->y), word_f64 (f->w), word_f64 (f->h),
    word_f64 (f->color.r), word_f64 (f->color.g), word_f64 (f->color.b), word_f64 (f->color.a),
    word_f64 (f->line_width), word_f64 (f->ascent), word_f64 (f->ratio), word_f64 (f->squeeze),
    word_ptr (f->break_kind), word_ptr (f->chart), word_ptr (f->chart_layout),
    word_ptr (f->role),
  };
  put_words (b, w, FRAG_WORDS);
  put_i32 (b, f->line);
  put_i32 (b, f->n_lines);
  put_u8 (b, (f->hyphenated ? 1 : 0) | (f->justified ? 2 : 0) | (f->dotted ? 4 : 0));
  put_i32 (b, f->tag);
  put_i32 (b, f->group);
  put_i32 (b, f->lang_index);
  put_str (b, f->uri);
  put_str (b, f->dest);
  /* the paragraph: 0 none, else its number on the page (a new one: its text follows) */
  gint32 para = 0;
  if (f->para) {
    para = GPOINTER_TO_INT (g_hash_table_lookup (paras, f->para));
    if (para == 0) {
      para = (gint32) g_hash_table_size (paras) + 1;
      g_hash_table_insert (paras, f->para, GINT_TO_POINTER (para));
      put_i32 (b, -para);
      put_str (b, f->para);
    } else {
      put_i32 (b, para);
    }
  } else {
    put_i32 (b, 0);
  }
  put_i32 (b, f->runs ? (gint32) f->runs->len : -1);
  for (guint i = 0; f->runs && i < f->runs->len; i++)
    put_run (b, g_ptr_array_index (f->runs, i));
}

/* page->frags written to the store's buffer, and freed; page->frags keeps
 * those still TEXT (a mark in their place). */
static void
pack_frags (LayoutStore *store, LayoutPage *page)
{
  GByteArray *b = store->buf;
  g_byte_array_set_size (b, 0);
  g_autoptr (GHashTable) paras = g_hash_table_new (NULL, NULL);
  GPtrArray *late = g_ptr_array_new_with_free_func (frag_free);
  GPtrArray *old = page->frags;
  g_ptr_array_set_free_func (old, NULL);
  put_i32 (b, (gint32) old->len);
  for (guint i = 0; i < old->len; i++) {
    LayoutFrag *f = g_ptr_array_index (old, i);
    if (f->kind == LAYOUT_FRAG_TEXT) {   /* a Pango layout: set at the end */
      put_u8 (b, MARK_LATE);
      g_ptr_array_add (late, f);
      continue;
    }
    put_frag (b, f, paras);
    frag_free (f);
  }
  g_ptr_array_unref (old);
  page->frags = late;
}

/* The store's buffer as a record: appended to the file, else kept. */
static Record
record_put (LayoutStore *store)
{
  GByteArray *b = store->buf;
  Record rec = { 0, b->len, NULL };
  int fd = store_fd (store);
  if (fd >= 0 && write_at (fd, b->data, b->len, store->size)) {
    rec.offset = store->size;
    store->size += b->len;
  } else {
    rec.bytes = g_bytes_new (b->data, b->len);
  }
  return rec;
}

void
layout_page_pack (LayoutStore *store, LayoutPage *page)
{
  g_return_if_fail (page->packed == NULL);
  pack_frags (store, page);
  LayoutPacked *p = g_new0 (LayoutPacked, 1);
  p->store = store;
  p->main = record_put (store);
  page->packed = p;
}

void
layout_page_pack_late (LayoutStore *store, LayoutPage *page)
{
  LayoutPacked *p = page->packed;
  if (!p || page->frags->len == 0 || p->late.len > 0)
    return;   /* not packed (all in frags), nothing late, or done */
  g_return_if_fail (p->store == store);
  for (guint i = 0; i < page->frags->len; i++)
    if (((LayoutFrag *) g_ptr_array_index (page->frags, i))->kind == LAYOUT_FRAG_TEXT)
      return;   /* not yet complete */
  pack_frags (store, page);
  p->late = record_put (store);
}

/* ---- reading ------------------------------------------------------------- */

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
  f->squeeze = f64_word (w[11]);
  f->break_kind = ptr_word (w[12]);
  f->chart = ptr_word (w[13]);
  f->chart_layout = ptr_word (w[14]);
  f->role = ptr_word (w[15]);
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

/* The bytes of rec (g_bytes_unref), or NULL with error. */
static GBytes *
record_bytes (const LayoutStore *store, const Record *rec, GError **error)
{
  if (rec->bytes)
    return g_bytes_ref (rec->bytes);
  guint8 *data = g_malloc (MAX (rec->len, 1));
  if (!read_at (store->fd, data, rec->len, rec->offset, error)) {
    g_free (data);
    return NULL;
  }
  return g_bytes_new_take (data, rec->len);
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
  g_autoptr (GBytes) bytes = record_bytes (store, rec, error);
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
