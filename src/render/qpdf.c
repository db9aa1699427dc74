/* qpdf.c — what cairo cannot write into a tagged PDF, added with libqpdf:
 * the document's /Lang, /Lang on every element in another language (so a
 * screen reader switches voice), /Alt on figures. Cairo's structure tree
 * holds the elements in the order they were begun; tags.c recorded that
 * order, so the two are walked side by side. The output keeps a
 * deterministic /ID: the same input still gives the same bytes. */
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <qpdf/qpdf-c.h>
#include "render/render-private.h"

typedef struct {
  qpdf_data q;
  const GPtrArray *elems;
  guint next;                 /* index into elems of the next element met */
  const char *primary;
  gboolean mismatch;
} Walk;

static void
visit (Walk *w, qpdf_oh elem)
{
  if (w->next >= w->elems->len) {
    w->mismatch = TRUE;
    return;
  }
  const LayoutTag *tag = g_ptr_array_index (w->elems, w->next++);
  if (tag) {
    qpdf_oh s = qpdf_oh_get_key (w->q, elem, "/S");
    g_autofree char *want = g_strconcat ("/", tag->role, NULL);
    if (!qpdf_oh_is_name_and_equals (w->q, s, want))
      w->mismatch = TRUE;
    if (tag->lang && g_ascii_strcasecmp (tag->lang, w->primary) != 0)
      qpdf_oh_replace_key (w->q, elem, "/Lang", qpdf_oh_new_unicode_string (w->q, tag->lang));
    if (tag->alt)
      qpdf_oh_replace_key (w->q, elem, "/Alt", qpdf_oh_new_unicode_string (w->q, tag->alt));
  }
  qpdf_oh kids = qpdf_oh_get_key (w->q, elem, "/K");
  int n = qpdf_oh_is_array (w->q, kids) ? qpdf_oh_get_array_n_items (w->q, kids) : 1;
  for (int i = 0; i < n; i++) {
    qpdf_oh kid = qpdf_oh_is_array (w->q, kids) ? qpdf_oh_get_array_item (w->q, kids, i) : kids;
    /* structure elements have /S; marked-content and object references do not */
    if (qpdf_oh_is_dictionary (w->q, kid) && qpdf_oh_has_key (w->q, kid, "/S"))
      visit (w, kid);
  }
}

static gboolean
write_all (int fd, const unsigned char *data, size_t len)
{
  while (len > 0) {
    ssize_t n = write (fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return FALSE;
    data += n;
    len -= (size_t) n;
  }
  return TRUE;
}

/* cairo 1.16 writes dates as "20260302000000Z": ISO 32000-1 §7.9.4 wants
 * the "D:" before them. */
static void
prefix_dates (qpdf_data q)
{
  qpdf_oh info = qpdf_oh_get_key (q, qpdf_get_trailer (q), "/Info");
  static const char *const keys[] = { "/CreationDate", "/ModDate" };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++) {
    qpdf_oh date = qpdf_oh_get_key (q, info, keys[i]);
    if (!qpdf_oh_is_string (q, date))
      continue;
    const char *value = qpdf_oh_get_utf8_value (q, date);
    if (g_str_has_prefix (value, "D:"))
      continue;
    g_autofree char *fixed = g_strconcat ("D:", value, NULL);
    qpdf_oh_replace_key (q, info, keys[i], qpdf_oh_new_string (q, fixed));
  }
}

gboolean
render_pdf_finish_tags (const guint8 *pdf, gsize len, const char *primary,
                        const GPtrArray *elems, int fd, GError **error)
{
  qpdf_data q = qpdf_init ();
  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  gboolean ok = FALSE;
  if (qpdf_read_memory (q, "dossier.pdf", (const char *) pdf, (unsigned long long) len, NULL) &
      QPDF_ERRORS) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "qpdf cannot read cairo's PDF");
    goto out;
  }
  qpdf_oh root = qpdf_get_root (q);
  qpdf_oh_replace_key (q, root, "/Lang", qpdf_oh_new_unicode_string (q, primary));
  prefix_dates (q);
  qpdf_oh tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  qpdf_oh top = qpdf_oh_get_key (q, tree, "/K");
  Walk w = { q, elems, 0, primary, FALSE };
  if (qpdf_oh_is_array (q, top)) {
    for (int i = 0; i < qpdf_oh_get_array_n_items (q, top); i++)
      visit (&w, qpdf_oh_get_array_item (q, top, i));
  } else if (qpdf_oh_is_dictionary (q, top)) {
    visit (&w, top);
  }
  if (w.mismatch || w.next != elems->len) {
    /* a programming error: the tree is not what was drawn */
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO,
                 "structure tree does not match the elements drawn (%u of %u)", w.next,
                 elems->len);
    goto out;
  }
  qpdf_init_write_memory (q);
  qpdf_set_deterministic_ID (q, QPDF_TRUE);
  qpdf_set_object_stream_mode (q, qpdf_o_generate);
  if (qpdf_write (q) & QPDF_ERRORS) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "qpdf cannot write the PDF");
    goto out;
  }
  if (!write_all (fd, qpdf_get_buffer (q), qpdf_get_buffer_length (q))) {
    int e = errno;
    g_set_error (error, RENDER_ERROR,
                 e == ENOSPC || e == EDQUOT ? RENDER_ERROR_TEMPFAIL : RENDER_ERROR_WRITE,
                 "%s", g_strerror (e));
    goto out;
  }
  ok = TRUE;
out:
  qpdf_cleanup (&q);
  return ok;
}
