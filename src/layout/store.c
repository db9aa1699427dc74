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
 * by the process that wrote it.
 *
 * This file: the store, its file and the writer; store-read.c reads. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "layout/store-private.h"


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

GBytes *
store_record_bytes (const LayoutStore *store, const Record *rec, GError **error)
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

/* ---- writing ------------------------------------------------------------- */

static void
put (GByteArray *b, const void *data, gsize len)
{
  g_byte_array_append (b, data, (guint) len);
}

static void put_u8 (GByteArray *b, guint8 v) { put (b, &v, 1); }
static void put_i32 (GByteArray *b, gint32 v) { put (b, &v, sizeof v); }

/* The words of store-private.h: a mask of those not zero, then those. */
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
  g_assert (f->kind != LAYOUT_FRAG_TEXT);   /* set late: kept on the page */
  put_u8 (b, (guint8) f->kind);
  guint64 w[FRAG_WORDS] = {
    word_f64 (f->x), word_f64 (f->y), word_f64 (f->w), word_f64 (f->h),
    word_f64 (f->color.r), word_f64 (f->color.g), word_f64 (f->color.b), word_f64 (f->color.a),
    word_f64 (f->line_width), word_f64 (f->ascent), word_f64 (f->ratio),
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
    if (f->kind == LAYOUT_FRAG_TEXT) {   /* a contents number: set at the end */
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
