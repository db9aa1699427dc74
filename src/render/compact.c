/* compact.c — the finished PDF in one pass: cairo's streams copied as they
 * are, every other object (cairo's, or finish.c's with /Lang, /Alt, dates
 * and boxes) packed into Flate-compressed object streams, one xref stream
 * (ISO 32000-1 §7.5.7, §7.5.8; PDF 1.5, which cairo's header declares).
 *
 * cairo 1.16 writes its dictionaries uncompressed (structure elements,
 * annotations, pages: ~6 MB at 1,000 pages); appended as an incremental
 * update the file grew 2.6× against the libqpdf rewrite it replaces. This
 * writes what qpdf wrote at a fraction of the cost: the streams, which are
 * most of the bytes, are one memcpy each. Hand-written for the reason
 * pdfscan.c gives; zlib compresses. Deterministic: same objects, same
 * order, same zlib level; /ID is the MD5 of the bytes before the xref
 * stream. Written to the file a megabyte at a time as it is made, so it is
 * not held in memory beside cairo's (issue 9). */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "render/render-private.h"

#define PER_STREAM 200          /* objects in one object stream */

static gboolean
deflate_bytes (const guint8 *in, gsize len, GByteArray *out)
{
  uLongf n = compressBound ((uLong) len);
  gsize at = out->len;
  g_byte_array_set_size (out, (guint) (at + n));
  if (compress2 (out->data + at, &n, in, (uLong) len, 6) != Z_OK)
    return FALSE;
  g_byte_array_set_size (out, (guint) (at + n));
  return TRUE;
}

typedef struct {
  guint8 type;                 /* 0 free, 1 at offset, 2 in object stream */
  guint64 field2;              /* offset, or the object stream's number */
  guint field3;                /* generation, or the index in the object stream */
} Entry;

static void
append (GByteArray *out, const void *data, gsize len)
{
  g_byte_array_append (out, data, (guint) len);
}

static void
append_str (GByteArray *out, const char *s)
{
  append (out, s, strlen (s));
}

/* One object stream of the values in objs (num, bytes) as object number. */
static gboolean
write_objstm (GByteArray *out, int number, GArray *nums, GPtrArray *values)
{
  g_autoptr (GString) head = g_string_new (NULL);
  g_autoptr (GByteArray) body = g_byte_array_new ();
  for (guint k = 0; k < nums->len; k++) {
    GBytes *v = g_ptr_array_index (values, k);
    g_string_append_printf (head, "%d %u ", g_array_index (nums, int, k), body->len);
    gsize n;
    const guint8 *d = g_bytes_get_data (v, &n);
    append (body, d, n);
    append_str (body, "\n");
  }
  g_autoptr (GByteArray) plain = g_byte_array_new ();
  append (plain, head->str, head->len);
  append (plain, body->data, body->len);
  g_autoptr (GByteArray) z = g_byte_array_new ();
  if (!deflate_bytes (plain->data, plain->len, z))
    return FALSE;
  g_autofree char *dict = g_strdup_printf (
      "%d 0 obj\n<< /Type /ObjStm /N %u /First %" G_GSIZE_FORMAT " /Filter /FlateDecode "
      "/Length %u >>\nstream\n", number, nums->len, head->len, z->len);
  append_str (out, dict);
  append (out, z->data, z->len);
  append_str (out, "\nendstream\nendobj\n");
  return TRUE;
}

/* The file as it is written: out holds what is not yet on fd (flushed
 * bytes before it), md5 has seen every byte so far, for /ID. */
typedef struct {
  GByteArray *out;
  gsize flushed;
  GChecksum *md5;
  int fd;
} Sink;

/* Where the next byte goes in the file. */
static gsize
sink_at (const Sink *k)
{
  return k->flushed + k->out->len;
}

/* What out holds to fd once it is large: the file is never held whole
 * (about 4.5 MB at 1,000 pages). */
static gboolean
sink_flush (Sink *k, gsize above, GError **error)
{
  if (k->out->len <= above)
    return TRUE;
  g_checksum_update (k->md5, k->out->data, k->out->len);
  if (!render_write_all (k->fd, k->out->data, k->out->len, error))
    return FALSE;
  k->flushed += k->out->len;
  g_byte_array_set_size (k->out, 0);
  return TRUE;
}

static void
put_be (guint8 *p, guint64 v, int n)
{
  for (int k = n - 1; k >= 0; k--, v >>= 8)
    p[k] = (guint8) (v & 0xff);
}

gboolean
render_pdf_compact (const PdfScan *scan, GHashTable *replaced, int fd, GError **error)
{
  const guint8 *b = pdf_scan_bytes (scan);
  int size = pdf_scan_size (scan);
  g_autoptr (GByteArray) out = g_byte_array_sized_new (1 << 16);
  g_autoptr (GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  Sink sink = { out, 0, md5, fd };
  append (out, b, pdf_scan_first_offset (scan));          /* cairo's header */
  g_autofree Entry *entries = g_new0 (Entry, (gsize) size + 2 + (gsize) size / PER_STREAM);
  entries[0] = (Entry) { 0, 0, 65535 };
  g_autoptr (GArray) nums = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  int next = size;             /* numbers of the object streams, then the xref stream */
  for (int num = 1; num <= size; num++) {
    if (num < size) {
      PdfSpan span;
      if (!pdf_scan_span (scan, num, &span, error))
        return FALSE;
      GBytes *rep = g_hash_table_lookup (replaced, GINT_TO_POINTER (num));
      if (!span.present) {
        entries[num] = (Entry) { 0, 0, 0 };
      } else if (span.stream && !rep) {
        entries[num] = (Entry) { 1, sink_at (&sink), 0 };
        append (out, b + span.start, span.end - span.start);
        append_str (out, "\n");
      } else {
        g_assert (!span.stream);  /* finish.c replaces dictionaries only */
        entries[num] = (Entry) { 2, (guint64) next, nums->len };
        g_array_append_val (nums, num);
        g_ptr_array_add (values, rep ? g_bytes_ref (rep)
                                     : g_bytes_new_static (b + span.start, span.end - span.start));
      }
    }
    if (nums->len == PER_STREAM || (num == size && nums->len > 0)) {
      entries[next] = (Entry) { 1, sink_at (&sink), 0 };
      if (!write_objstm (out, next, nums, values)) {
        g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "zlib failed");
        return FALSE;
      }
      next++;
      g_array_set_size (nums, 0);
      g_ptr_array_set_size (values, 0);
    }
    if (!sink_flush (&sink, 1 << 20, error))
      return FALSE;
  }
  /* the xref stream, itself its last entry */
  int xref_num = next;
  entries[xref_num] = (Entry) { 1, sink_at (&sink), 0 };
  int n = xref_num + 1;
  g_autofree guint8 *rows = g_new (guint8, (gsize) n * 7);
  for (int k = 0; k < n; k++) {
    rows[k * 7] = entries[k].type;
    put_be (rows + k * 7 + 1, entries[k].field2, 4);
    put_be (rows + k * 7 + 5, entries[k].field3, 2);
  }
  g_autoptr (GByteArray) z = g_byte_array_new ();
  if (!deflate_bytes (rows, (gsize) n * 7, z)) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "zlib failed");
    return FALSE;
  }
  if (!sink_flush (&sink, 0, error))
    return FALSE;
  const char *id = g_checksum_get_string (md5);
  gsize xref_at = sink_at (&sink);
  g_autoptr (GString) dict = g_string_new (NULL);
  g_string_append_printf (dict, "%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 4 2 ] /Root %d 0 R ",
                          xref_num, n, pdf_scan_root (scan));
  if (pdf_scan_info (scan))
    g_string_append_printf (dict, "/Info %d 0 R ", pdf_scan_info (scan));
  g_string_append_printf (dict, "/ID [ <%s> <%s> ] /Filter /FlateDecode /Length %u >>\nstream\n",
                          id, id, z->len);
  append (out, dict->str, dict->len);
  append (out, z->data, z->len);
  g_autofree char *tail = g_strdup_printf ("\nendstream\nendobj\nstartxref\n%" G_GSIZE_FORMAT
                                           "\n%%%%EOF\n", xref_at);
  append_str (out, tail);
  return render_write_all (fd, out->data, out->len, error);
}
