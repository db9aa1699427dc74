/* pdfscan.c — a reader for cairo's own PDF output, no other: the classic
 * xref table, the trailer and the few uncompressed dictionaries that the
 * incremental update (finish.c) changes (catalog, info, pages, structure
 * elements).
 *
 * Hand-written because the library that reads PDF here, libqpdf, reads and
 * writes whole files: what it cost was the rewrite pass being removed
 * (15 ms of 275 at 10 pages, 1.7 s of 9.6 s at 1,000, phase "render: tags,
 * dates (qpdf)"). cairo 1.16 writes one xref subsection of 20-byte entries,
 * a trailer with /Size /Root /Info, and these objects as plain
 * dictionaries, so a strict reader is small. It refuses anything else (an
 * xref stream, a damaged table, an object that is not where the table says)
 * with an internal error: better no PDF than a broken one. */
#include <string.h>
#include <stdlib.h>
#include "render/render-private.h"

#define MAX_DEPTH 32           /* cairo nests dictionaries two or three deep */

struct _PdfScan {
  const guint8 *b;
  gsize len;
  gsize xref;                  /* offset of the "xref" keyword */
  int size;                    /* the trailer's /Size */
  int root, info;              /* object numbers; info 0: none */
  gsize *offsets;              /* of each object, 0 when free */
  gsize n_offsets;
};

static gboolean
fail (GError **error, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO,
               "cairo's PDF is not as expected (%s): nothing written", msg);
  return FALSE;
}

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

static gboolean
is_delim (guint8 c)
{
  return is_space (c) || strchr ("()<>[]{}/%", c) != NULL;
}

/* Skips white space and comments ("/Type /Page % 1" in cairo's pages). */
static gsize
skip_space (const guint8 *b, gsize len, gsize i)
{
  while (i < len) {
    if (is_space (b[i]))
      i++;
    else if (b[i] == '%')
      while (i < len && b[i] != '\n' && b[i] != '\r')
        i++;
    else
      break;
  }
  return i;
}

/* An unsigned integer at i; FALSE when none (or too large for an int). */
static gboolean
read_uint (const guint8 *b, gsize len, gsize *i, guint64 *out)
{
  guint64 v = 0;
  gsize j = *i;
  while (j < len && g_ascii_isdigit (b[j]) && v < G_MAXINT32)
    v = v * 10 + (guint64) (b[j++] - '0');
  if (j == *i || v > G_MAXINT32 || (j < len && g_ascii_isdigit (b[j])))
    return FALSE;
  *i = j;
  *out = v;
  return TRUE;
}

static gboolean
parse_value (const guint8 *b, gsize len, gsize *pos, PdfVal *v, int depth);

/* The end of the literal string opened at i (after its ")"), 0 when open. */
static gsize
literal_end (const guint8 *b, gsize len, gsize i)
{
  int nest = 0;
  for (; i < len; i++) {
    if (b[i] == '\\')
      i++;
    else if (b[i] == '(')
      nest++;
    else if (b[i] == ')' && --nest == 0)
      return i + 1;
  }
  return 0;
}

/* A number, or "n g R" when one follows. */
static gboolean
parse_number (const guint8 *b, gsize len, gsize *pos, PdfVal *v)
{
  gsize i = *pos;
  gsize j = i;
  if (j < len && (b[j] == '-' || b[j] == '+'))
    j++;
  while (j < len && (g_ascii_isdigit (b[j]) || b[j] == '.'))
    j++;
  if (j == i || (j < len && !is_delim (b[j])) || j - i > 40)
    return FALSE;
  char text[48];
  memcpy (text, b + i, j - i);
  text[j - i] = 0;
  v->kind = PV_NUM;
  v->num = g_ascii_strtod (text, NULL);
  v->start = i;
  v->end = j;
  /* a reference: two unsigned integers and R */
  gsize k = skip_space (b, len, j);
  guint64 num, gen;
  gsize n = i;
  if (read_uint (b, len, &n, &num) && n == j && read_uint (b, len, &k, &gen)) {
    k = skip_space (b, len, k);
    if (k < len && b[k] == 'R' && (k + 1 == len || is_delim (b[k + 1]))) {
      v->kind = PV_REF;
      v->ref = (int) num;
      v->end = k + 1;
      if (gen != 0)
        return FALSE;          /* cairo writes generation 0 only */
    }
  }
  *pos = v->end;
  return TRUE;
}

/* The items of an array or dictionary opened at *pos (after "[" or "<<"),
 * up to close. */
static gboolean
parse_items (const guint8 *b, gsize len, gsize *pos, const char *close, int depth)
{
  gsize cl = strlen (close);
  for (;;) {
    gsize i = skip_space (b, len, *pos);
    if (i + cl <= len && memcmp (b + i, close, cl) == 0) {
      *pos = i + cl;
      return TRUE;
    }
    PdfVal item;
    *pos = i;
    if (!parse_value (b, len, pos, &item, depth + 1))
      return FALSE;
  }
}

static gboolean
parse_value (const guint8 *b, gsize len, gsize *pos, PdfVal *v, int depth)
{
  if (depth > MAX_DEPTH)
    return FALSE;
  gsize i = skip_space (b, len, *pos);
  if (i >= len)
    return FALSE;
  memset (v, 0, sizeof *v);
  v->start = i;
  guint8 c = b[i];
  if (c == '<' && i + 1 < len && b[i + 1] == '<') {
    v->kind = PV_DICT;
    *pos = i + 2;
    if (!parse_items (b, len, pos, ">>", depth))
      return FALSE;
  } else if (c == '[') {
    v->kind = PV_ARRAY;
    *pos = i + 1;
    if (!parse_items (b, len, pos, "]", depth))
      return FALSE;
  } else if (c == '(') {
    v->kind = PV_STRING;
    *pos = literal_end (b, len, i);
    if (*pos == 0)
      return FALSE;
  } else if (c == '<') {
    v->kind = PV_STRING;
    const guint8 *gt = memchr (b + i, '>', len - i);
    if (!gt)
      return FALSE;
    *pos = (gsize) (gt - b) + 1;
  } else if (c == '/') {
    v->kind = PV_NAME;
    gsize j = i + 1;
    while (j < len && !is_delim (b[j]))
      j++;
    *pos = j;
  } else if (g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.') {
    *pos = i;
    return parse_number (b, len, pos, v);
  } else {
    static const char *const words[] = { "true", "false", "null" };
    for (guint k = 0; k < G_N_ELEMENTS (words); k++) {
      gsize wl = strlen (words[k]);
      if (i + wl <= len && memcmp (b + i, words[k], wl) == 0 &&
          (i + wl == len || is_delim (b[i + wl]))) {
        v->kind = k == 2 ? PV_NULL : PV_BOOL;
        *pos = i + wl;
        v->end = *pos;
        return TRUE;
      }
    }
    return FALSE;
  }
  v->end = *pos;
  return TRUE;
}

gboolean
pdf_dict_get (const PdfScan *s, const PdfVal *dict, const char *key, PdfVal *out)
{
  if (dict->kind != PV_DICT)
    return FALSE;
  gsize kl = strlen (key);
  gsize pos = dict->start + 2;
  for (;;) {
    PdfVal k, v;
    gsize i = skip_space (s->b, dict->end, pos);
    if (i + 2 >= dict->end)
      return FALSE;            /* the closing ">>" */
    pos = i;
    if (!parse_value (s->b, dict->end, &pos, &k, 0) || k.kind != PV_NAME ||
        !parse_value (s->b, dict->end, &pos, &v, 0))
      return FALSE;
    if (k.end - k.start == kl && memcmp (s->b + k.start, key, kl) == 0) {
      *out = v;
      return TRUE;
    }
  }
}

GArray *
pdf_array_items (const PdfScan *s, const PdfVal *array)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PdfVal));
  if (array->kind != PV_ARRAY)
    return items;
  gsize pos = array->start + 1;
  for (;;) {
    gsize i = skip_space (s->b, array->end, pos);
    if (i + 1 >= array->end)
      return items;            /* the closing "]" */
    PdfVal v;
    pos = i;
    if (!parse_value (s->b, array->end, &pos, &v, 0))
      return items;
    g_array_append_val (items, v);
  }
}

gboolean
pdf_val_is_name (const PdfScan *s, const PdfVal *v, const char *name)
{
  gsize n = strlen (name);
  return v->kind == PV_NAME && v->end - v->start == n && memcmp (s->b + v->start, name, n) == 0;
}

const guint8 *
pdf_scan_bytes (const PdfScan *s)
{
  return s->b;
}

/* Reads "NUM 0 obj" at object num's offset: *at is then just past it. */
static gboolean
object_start (const PdfScan *s, int num, gsize *at, GError **error)
{
  gsize i = s->offsets[num];
  guint64 n, gen;
  if (!read_uint (s->b, s->len, &i, &n) || n != (guint64) num)
    return fail (error, "object %d is not at the offset the xref table gives", num);
  i = skip_space (s->b, s->len, i);
  if (!read_uint (s->b, s->len, &i, &gen) || gen != 0)
    return fail (error, "object %d: generation", num);
  i = skip_space (s->b, s->len, i);
  if (i + 3 > s->len || memcmp (s->b + i, "obj", 3) != 0)
    return fail (error, "object %d: no 'obj'", num);
  *at = i + 3;
  return TRUE;
}

gboolean
pdf_scan_object (const PdfScan *s, int num, PdfVal *dict, GError **error)
{
  if (num <= 0 || num >= s->size || s->offsets[num] == 0)
    return fail (error, "object %d is not in the xref table", num);
  gsize i;
  if (!object_start (s, num, &i, error))
    return FALSE;
  if (!parse_value (s->b, s->len, &i, dict, 0) || dict->kind != PV_DICT)
    return fail (error, "object %d is not a dictionary", num);
  i = skip_space (s->b, s->len, i);
  if (i + 6 > s->len || memcmp (s->b + i, "endobj", 6) != 0)
    return fail (error, "object %d: a stream or no 'endobj'", num);
  return TRUE;
}

gboolean
pdf_scan_span (const PdfScan *s, int num, PdfSpan *span, GError **error)
{
  memset (span, 0, sizeof *span);
  if (num <= 0 || num >= s->size)
    return fail (error, "object %d is not in the xref table", num);
  if (s->offsets[num] == 0)
    return TRUE;               /* free */
  gsize i;
  if (!object_start (s, num, &i, error))
    return FALSE;
  PdfVal v;
  if (!parse_value (s->b, s->len, &i, &v, 0))
    return fail (error, "object %d: no value", num);
  span->present = TRUE;
  span->start = v.start;
  span->end = v.end;
  i = skip_space (s->b, s->len, i);
  if (i + 6 <= s->len && memcmp (s->b + i, "endobj", 6) == 0)
    return TRUE;
  /* a stream: its /Length (direct, or an object holding a number) */
  PdfVal length;
  if (v.kind != PV_DICT || i + 6 > s->len || memcmp (s->b + i, "stream", 6) != 0 ||
      !pdf_dict_get (s, &v, "/Length", &length))
    return fail (error, "object %d: neither 'endobj' nor a stream", num);
  if (length.kind == PV_REF) {
    PdfSpan ls;
    if (length.ref == num || !pdf_scan_span (s, length.ref, &ls, error))
      return FALSE;
    gsize k = ls.start;
    PdfVal lv;
    if (!ls.present || ls.stream || !parse_value (s->b, s->len, &k, &lv, 0) || lv.kind != PV_NUM)
      return fail (error, "object %d: its /Length", num);
    length = lv;
  }
  if (length.kind != PV_NUM || length.num < 0)
    return fail (error, "object %d: its /Length", num);
  i += 6;
  if (i < s->len && s->b[i] == '\r')
    i++;
  if (i < s->len && s->b[i] == '\n')
    i++;
  gsize data_end = i + (gsize) length.num;
  gsize j = skip_space (s->b, s->len, data_end);
  if (data_end > s->len || j + 9 > s->len || memcmp (s->b + j, "endstream", 9) != 0)
    return fail (error, "object %d: no 'endstream' after %g bytes", num, length.num);
  j = skip_space (s->b, s->len, j + 9);
  if (j + 6 > s->len || memcmp (s->b + j, "endobj", 6) != 0)
    return fail (error, "object %d: no 'endobj' after its stream", num);
  span->stream = TRUE;
  span->start = s->offsets[num];
  span->end = j + 6;
  return TRUE;
}

gsize
pdf_scan_first_offset (const PdfScan *s)
{
  gsize first = s->xref;
  for (gsize k = 1; k < s->n_offsets; k++)
    if (s->offsets[k] && s->offsets[k] < first)
      first = s->offsets[k];
  return first;
}

/* The xref table at s->xref: one or more subsections of 20-byte entries. */
static gboolean
read_xref (PdfScan *s, gsize *after, GError **error)
{
  gsize i = s->xref + 4;
  GArray *offs = g_array_new (FALSE, TRUE, sizeof (gsize));
  for (;;) {
    i = skip_space (s->b, s->len, i);
    guint64 first, count;
    gsize save = i;
    if (!read_uint (s->b, s->len, &i, &first)) {
      i = save;
      break;
    }
    i = skip_space (s->b, s->len, i);
    if (!read_uint (s->b, s->len, &i, &count) || count > s->len / 20) {
      g_array_unref (offs);
      return fail (error, "xref subsection header");
    }
    i = skip_space (s->b, s->len, i);   /* to the first entry */
    if (i + count * 20 > s->len || first + count > G_MAXINT32) {
      g_array_unref (offs);
      return fail (error, "xref table runs past the end");
    }
    if (offs->len < first + count)
      g_array_set_size (offs, (guint) (first + count));
    for (guint64 k = 0; k < count; k++, i += 20) {
      const guint8 *e = s->b + i;
      gsize j = 0;
      guint64 off;
      if (!read_uint (e, 10, &j, &off) || j != 10 || e[10] != ' ' || e[16] != ' ' ||
          (e[17] != 'n' && e[17] != 'f')) {
        g_array_unref (offs);
        return fail (error, "xref entry %" G_GUINT64_FORMAT, first + k);
      }
      if (e[17] == 'n' && (off == 0 || off >= s->xref)) {
        g_array_unref (offs);
        return fail (error, "xref entry %" G_GUINT64_FORMAT " points outside the body",
                     first + k);
      }
      g_array_index (offs, gsize, first + k) = e[17] == 'n' ? (gsize) off : 0;
    }
  }
  s->n_offsets = offs->len;
  s->offsets = (gsize *) g_array_free (offs, FALSE);
  *after = i;
  return TRUE;
}

PdfScan *
pdf_scan_new (const guint8 *pdf, gsize len, GError **error)
{
  g_autoptr (PdfScan) s = g_new0 (PdfScan, 1);
  s->b = pdf;
  s->len = len;
  /* "startxref N %%EOF" within the last bytes */
  gsize tail = MIN (len, 64);
  const guint8 *sx = NULL;
  for (gsize k = len - tail; k + 9 <= len; k++)
    if (memcmp (pdf + k, "startxref", 9) == 0)
      sx = pdf + k;
  if (!sx || !g_strstr_len ((const char *) sx, (gssize) (pdf + len - sx), "%%EOF")) {
    fail (error, "no startxref at the end");
    return NULL;
  }
  gsize i = skip_space (pdf, len, (gsize) (sx - pdf) + 9);
  guint64 xref;
  if (!read_uint (pdf, len, &i, &xref) || xref + 4 > len || memcmp (pdf + xref, "xref", 4) != 0) {
    fail (error, "startxref does not point at an xref table");
    return NULL;
  }
  s->xref = (gsize) xref;
  gsize after = 0;
  if (!read_xref (s, &after, error))
    return NULL;
  i = skip_space (pdf, len, after);
  PdfVal trailer;
  if (i + 7 > len || memcmp (pdf + i, "trailer", 7) != 0) {
    fail (error, "no trailer after the xref table");
    return NULL;
  }
  i += 7;
  PdfVal size, root, info;
  if (!parse_value (pdf, len, &i, &trailer, 0) || trailer.kind != PV_DICT ||
      !pdf_dict_get (s, &trailer, "/Size", &size) || size.kind != PV_NUM ||
      !pdf_dict_get (s, &trailer, "/Root", &root) || root.kind != PV_REF) {
    fail (error, "trailer without /Size and /Root");
    return NULL;
  }
  PdfVal other;
  if (pdf_dict_get (s, &trailer, "/Encrypt", &other) || pdf_dict_get (s, &trailer, "/Prev", &other)) {
    fail (error, "an encrypted or already updated file");
    return NULL;
  }
  s->size = (int) size.num;
  if ((gsize) s->size != s->n_offsets) {
    fail (error, "/Size %d, but %" G_GSIZE_FORMAT " xref entries", s->size, s->n_offsets);
    return NULL;
  }
  s->root = root.ref;
  s->info = pdf_dict_get (s, &trailer, "/Info", &info) && info.kind == PV_REF ? info.ref : 0;
  return g_steal_pointer (&s);
}

int
pdf_scan_size (const PdfScan *s)
{
  return s->size;
}

int
pdf_scan_root (const PdfScan *s)
{
  return s->root;
}

int
pdf_scan_info (const PdfScan *s)
{
  return s->info;
}

gsize
pdf_scan_xref (const PdfScan *s)
{
  return s->xref;
}

void
pdf_scan_free (PdfScan *s)
{
  if (!s)
    return;
  g_free (s->offsets);
  g_free (s);
}
