/* finish.c — what cairo 1.16 cannot write into the PDF: the changed
 * objects, built from cairo's own (read by pdfscan.c), handed to
 * compact.c, which writes the finished file with them in place of cairo's.
 * (Appending them as an incremental update, ISO 32000-1 §7.5.6, was
 * tried: cheap, but the file kept cairo's uncompressed dictionaries and
 * grew 2.6× at 1,000 pages against the libqpdf rewrite it replaced.)
 *
 * What is added: /Lang on the catalog, and on every structure element in
 * another language (a screen reader switches voice); /Alt on figures;
 * "D:" before the dates (cairo writes "(20260302000000Z)", §7.9.4 wants
 * "(D:20260302000000Z)"); TrimBox and BleedBox on each page for print
 * production. Cairo's structure tree holds the elements in the order they
 * were begun, which tags.c recorded, so the two are walked side by side.
 * Same input, same file. */
#include <string.h>
#include <unistd.h>
#include "render/render-private.h"

#define MAX_TREE_DEPTH 64

typedef struct {
  int num;
  gsize offset;
  gsize body, body_end;       /* its new value in Update.out */
} Written;

typedef struct {
  const PdfScan *scan;
  const RenderFinish *finish;
  gsize base;                 /* where the update starts in the file */
  GString *out;               /* the update */
  GArray *written;            /* of Written */
  guint next;                 /* index into finish->elems of the next element met */
  GError **error;
} Update;

static gboolean
mismatch (Update *u, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static gboolean
mismatch (Update *u, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (u->error, RENDER_ERROR, RENDER_ERROR_CAIRO,
               "the structure tree does not match the elements drawn (%s)", msg);
  return FALSE;
}

/* A text string (§7.9.2.2): printable ASCII as a literal, anything else
 * as UTF-16BE with its byte order mark. */
static void
append_text_string (GString *out, const char *utf8)
{
  gboolean ascii = TRUE;
  for (const char *p = utf8; *p && ascii; p++)
    ascii = *p >= 0x20 && *p < 0x7f;
  if (ascii) {
    g_string_append_c (out, '(');
    for (const char *p = utf8; *p; p++) {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
    g_string_append_c (out, ')');
    return;
  }
  glong n = 0;
  g_autofree gunichar2 *u16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  g_string_append (out, "<FEFF");
  for (glong k = 0; u16 && k < n; k++)
    g_string_append_printf (out, "%04X", u16[k]);
  g_string_append_c (out, '>');
}

/* Object num again: inner (its dictionary without the closing ">>"), then
 * the entries of add. */
static void
rewrite_with (Update *u, int num, const char *inner, gsize len, const char *add)
{
  Written w = { num, u->base + u->out->len, 0, 0 };
  while (len > 0 && g_ascii_isspace (inner[len - 1]))
    len--;
  g_string_append_printf (u->out, "%d 0 obj\n", num);
  w.body = u->out->len;
  g_string_append_len (u->out, inner, (gssize) len);
  g_string_append_printf (u->out, "\n%s>>", add);
  w.body_end = u->out->len;
  g_string_append (u->out, "\nendobj\n");
  g_array_append_val (u->written, w);
}

/* Object num again: its dictionary's entries as cairo wrote them and those
 * of add. */
static void
rewrite (Update *u, int num, const PdfVal *dict, const char *add)
{
  const guint8 *b = pdf_scan_bytes (u->scan);
  rewrite_with (u, num, (const char *) b + dict->start, dict->end - 2 - dict->start, add);
}

static gboolean visit (Update *u, int num, int depth);

/* The structure elements among the kids of an element, in order. */
static gboolean
visit_kids (Update *u, const PdfVal *kids, int depth)
{
  if (kids->kind == PV_REF)
    return visit (u, kids->ref, depth + 1);
  if (kids->kind != PV_ARRAY)
    return TRUE;               /* a marked-content id */
  g_autoptr (GArray) items = pdf_array_items (u->scan, kids);
  for (guint k = 0; k < items->len; k++) {
    const PdfVal *kid = &g_array_index (items, PdfVal, k);
    /* marked-content ids and inline /OBJR dictionaries are no elements */
    if (kid->kind == PV_REF && !visit (u, kid->ref, depth + 1))
      return FALSE;
  }
  return TRUE;
}

static gboolean
visit (Update *u, int num, int depth)
{
  const PdfScan *s = u->scan;
  PdfVal elem, role, kids;
  if (depth > MAX_TREE_DEPTH)
    return mismatch (u, "deeper than %d", MAX_TREE_DEPTH);
  if (!pdf_scan_object (s, num, &elem, u->error))
    return FALSE;
  if (!pdf_dict_get (s, &elem, "/S", &role) || role.kind != PV_NAME)
    return TRUE;               /* not a structure element */
  const GPtrArray *elems = u->finish->elems;
  if (u->next >= elems->len)
    return mismatch (u, "more elements than the %u drawn", elems->len);
  const LayoutTag *tag = g_ptr_array_index (elems, u->next++);
  if (tag) {
    g_autofree char *want = g_strconcat ("/", tag->role, NULL);
    if (!pdf_val_is_name (s, &role, want))
      return mismatch (u, "element %u is not %s", u->next - 1, want);
    g_autoptr (GString) add = g_string_new (NULL);
    if (tag->lang && g_ascii_strcasecmp (tag->lang, u->finish->primary) != 0) {
      g_string_append (add, "   /Lang ");
      append_text_string (add, tag->lang);
      g_string_append_c (add, '\n');
    }
    if (tag->alt) {
      g_string_append (add, "   /Alt ");
      append_text_string (add, tag->alt);
      g_string_append_c (add, '\n');
    }
    if (add->len)
      rewrite (u, num, &elem, add->str);
  }
  if (pdf_dict_get (s, &elem, "/K", &kids) && !visit_kids (u, &kids, depth))
    return FALSE;
  return TRUE;
}

/* cairo 1.16 writes a date without its "D:" (§7.9.4): the info dictionary
 * again, "D:" put after each date's "(". */
static gboolean
fix_dates (Update *u)
{
  int info = pdf_scan_info (u->scan);
  if (!info)
    return TRUE;
  PdfVal dict;
  if (!pdf_scan_object (u->scan, info, &dict, u->error))
    return FALSE;
  const guint8 *b = pdf_scan_bytes (u->scan);
  g_autoptr (GString) inner = g_string_new (NULL);
  static const char *const keys[] = { "/CreationDate", "/ModDate" };
  /* collect the dates to fix in the order they stand */
  PdfVal dates[G_N_ELEMENTS (keys)];
  guint n = 0;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++) {
    PdfVal d;
    if (pdf_dict_get (u->scan, &dict, keys[k], &d) && d.kind == PV_STRING &&
        b[d.start] == '(' && !(d.end - d.start > 3 && memcmp (b + d.start + 1, "D:", 2) == 0))
      dates[n++] = d;
  }
  if (n == 0)
    return TRUE;
  if (n == 2 && dates[1].start < dates[0].start) {
    PdfVal t = dates[0];
    dates[0] = dates[1];
    dates[1] = t;
  }
  /* the dictionary with "D:" put after each date's "(" */
  gsize at = dict.start;
  for (guint k = 0; k < n; k++) {
    g_string_append_len (inner, (const char *) b + at, (gssize) (dates[k].start + 1 - at));
    g_string_append (inner, "D:");
    at = dates[k].start + 1;
  }
  g_string_append_len (inner, (const char *) b + at, (gssize) (dict.end - 2 - at));
  rewrite_with (u, info, inner->str, inner->len, "");
  return TRUE;
}

static void
append_box (GString *out, const char *key, double x0, double y0, double x1, double y1)
{
  char v[4][G_ASCII_DTOSTR_BUF_SIZE];
  double xs[4] = { x0, y0, x1, y1 };
  for (int k = 0; k < 4; k++) {
    /* to a thousandth of a point, without trailing zeros */
    g_ascii_formatd (v[k], sizeof v[k], "%.3f", xs[k]);
    char *end = v[k] + strlen (v[k]);
    while (end[-1] == '0')
      *--end = 0;
    if (end[-1] == '.')
      end[-1] = 0;
    if (strcmp (v[k], "-0") == 0)
      strcpy (v[k], "0");
  }
  g_string_append_printf (out, "   /%s [ %s %s %s %s ]\n", key, v[0], v[1], v[2], v[3]);
}

/* TrimBox and BleedBox on every page, from its MediaBox. */
static gboolean
add_boxes (Update *u, const PdfVal *catalog)
{
  const PdfScan *s = u->scan;
  PdfVal pages_ref, pages, kids;
  if (!pdf_dict_get (s, catalog, "/Pages", &pages_ref) || pages_ref.kind != PV_REF ||
      !pdf_scan_object (s, pages_ref.ref, &pages, u->error) ||
      !pdf_dict_get (s, &pages, "/Kids", &kids) || kids.kind != PV_ARRAY) {
    if (u->error && !*u->error)
      g_set_error (u->error, RENDER_ERROR, RENDER_ERROR_CAIRO, "cairo's page tree is not as expected");
    return FALSE;
  }
  double in = u->finish->trim_inset, bleed = u->finish->bleed;
  g_autoptr (GArray) items = pdf_array_items (s, &kids);
  for (guint k = 0; k < items->len; k++) {
    const PdfVal *ref = &g_array_index (items, PdfVal, k);
    PdfVal page, type, media;
    if (ref->kind != PV_REF || !pdf_scan_object (s, ref->ref, &page, u->error))
      return FALSE;
    if (!pdf_dict_get (s, &page, "/Type", &type) || !pdf_val_is_name (s, &type, "/Page") ||
        !pdf_dict_get (s, &page, "/MediaBox", &media)) {
      g_set_error (u->error, RENDER_ERROR, RENDER_ERROR_CAIRO,
                   "cairo's page %u is not a page with a MediaBox", k + 1);
      return FALSE;
    }
    g_autoptr (GArray) m = pdf_array_items (s, &media);
    if (m->len != 4) {
      g_set_error (u->error, RENDER_ERROR, RENDER_ERROR_CAIRO, "page %u: MediaBox", k + 1);
      return FALSE;
    }
    double x0 = g_array_index (m, PdfVal, 0).num, y0 = g_array_index (m, PdfVal, 1).num;
    double x1 = g_array_index (m, PdfVal, 2).num, y1 = g_array_index (m, PdfVal, 3).num;
    g_autoptr (GString) add = g_string_new (NULL);
    append_box (add, "TrimBox", x0 + in, y0 + in, x1 - in, y1 - in);
    append_box (add, "BleedBox", x0 + in - bleed, y0 + in - bleed, x1 - in + bleed,
                y1 - in + bleed);
    rewrite (u, ref->ref, &page, add->str);
  }
  return TRUE;
}

static gint
written_cmp (gconstpointer a, gconstpointer b)
{
  const Written *x = a, *y = b;
  return (x->num > y->num) - (x->num < y->num);
}



/* The changed objects of the update, into u->out. */
static gboolean
build (Update *u)
{
  const PdfScan *s = u->scan;
  PdfVal catalog, tree, top;
  if (!pdf_scan_object (s, pdf_scan_root (s), &catalog, u->error))
    return FALSE;
  g_autoptr (GString) lang = g_string_new ("   /Lang ");
  append_text_string (lang, u->finish->primary);
  g_string_append_c (lang, '\n');
  rewrite (u, pdf_scan_root (s), &catalog, lang->str);
  if (!fix_dates (u))
    return FALSE;
  if (pdf_dict_get (s, &catalog, "/StructTreeRoot", &tree)) {
    PdfVal root;
    if (tree.kind != PV_REF || !pdf_scan_object (s, tree.ref, &root, u->error))
      return u->error && *u->error ? FALSE : mismatch (u, "/StructTreeRoot is no object");
    if (pdf_dict_get (s, &root, "/K", &top) && !visit_kids (u, &top, 0))
      return FALSE;
  }
  if (u->next != u->finish->elems->len)
    return mismatch (u, "%u of %u", u->next, u->finish->elems->len);
  if (u->finish->trim_inset > 0 && !add_boxes (u, &catalog))
    return FALSE;
  return TRUE;
}

gboolean
render_pdf_finish (const guint8 *pdf, gsize len, const RenderFinish *finish, int fd,
                   GError **error)
{
  g_autoptr (PdfScan) scan = pdf_scan_new (pdf, len, error);
  if (!scan)
    return FALSE;
  g_autoptr (GString) out = g_string_sized_new (4096);
  g_autoptr (GArray) written = g_array_new (FALSE, FALSE, sizeof (Written));
  /* cairo's file ends with "%%EOF" and no end of line */
  gboolean eol = len > 0 && (pdf[len - 1] == '\n' || pdf[len - 1] == '\r');
  if (!eol)
    g_string_append_c (out, '\n');
  Update u = { scan, finish, len, out, written, 0, error };
  if (!build (&u))
    return FALSE;
  g_array_sort (written, written_cmp);
  for (guint k = 1; k < written->len; k++)
    if (g_array_index (written, Written, k).num == g_array_index (written, Written, k - 1).num)
      return mismatch (&u, "object %d met twice", g_array_index (written, Written, k).num);
  /* the changed objects' new values, by number */
  g_autoptr (GHashTable) replaced = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_bytes_unref);
  /* slices of the one buffer, not copies (1.4 MB at 1,000 pages) */
  g_autoptr (GBytes) all = g_bytes_new_static (out->str, out->len);
  for (guint k = 0; k < written->len; k++) {
    const Written *w = &g_array_index (written, Written, k);
    g_hash_table_insert (replaced, GINT_TO_POINTER (w->num),
                         g_bytes_new_from_bytes (all, w->body, w->body_end - w->body));
  }
  return render_pdf_compact (scan, replaced, fd, error);
}
