/* pdf.c — the PDF through cairo: pages, links, outline, metadata. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include "render/render-private.h"
#include "common/timing.h"

G_DEFINE_QUARK (render-error-quark, render_error)

static void
set_color (cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* A value for cairo's tag attributes: quotes and backslashes escaped, and
 * anything outside printable ASCII percent-encoded, as cairo asks. */
static char *
uri_attr (const char *uri)
{
  g_autofree char *escaped = g_uri_escape_string (uri, "!#$&()*+,/:;=?@[]~%-._", FALSE);
  GString *s = g_string_new (NULL);
  for (const char *p = escaped; *p; p++) {
    if (*p == '\'' || *p == '\\')
      g_string_append_c (s, '\\');
    g_string_append_c (s, *p);
  }
  return g_string_free (s, FALSE);
}

static void
draw_frag (const LayoutDoc *ldoc, RenderFonts *fonts, cairo_t *cr, const LayoutFrag *f)
{
  switch (f->kind) {
  case LAYOUT_FRAG_TEXT: {
    set_color (cr, f->color);
    render_layout_line (cr, fonts, f->layout, f->line, f->x, f->y, f->squeeze);
    break;
  }
  case LAYOUT_FRAG_RECT:
    set_color (cr, f->color);
    cairo_rectangle (cr, f->x, f->y, f->w, f->h);
    cairo_fill (cr);
    break;
  case LAYOUT_FRAG_RULE:
    set_color (cr, f->color);
    cairo_set_line_width (cr, f->line_width);
    if (f->dotted) {
      /* round dots, a dot's width apart: leaders in a table of contents */
      double dash[2] = { 0, f->line_width * 4 };
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
    }
    cairo_move_to (cr, f->x, f->y);
    cairo_line_to (cr, f->x + f->w, f->y + f->h);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    break;
  case LAYOUT_FRAG_CHART:
    cairo_save (cr);
    chart_draw_with (f->chart, ldoc->context, cr, f->x, f->y, f->w, f->h, render_layout_show,
                     fonts);
    cairo_restore (cr);
    break;
  case LAYOUT_FRAG_LINK: {
    g_autofree char *uri = f->dest ? NULL : uri_attr (f->uri);
    g_autofree char *target = f->dest ? g_strdup_printf ("dest='%s'", f->dest)
                                      : g_strdup_printf ("uri='%s'", uri);
    g_autofree char *attrs = g_strdup_printf ("%s rect=[%.2f %.2f %.2f %.2f]", target,
                                              f->x, f->y, f->w, f->h);
    cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end (cr, CAIRO_TAG_LINK);
    break;
  }
  case LAYOUT_FRAG_DEST: {
    g_autofree char *attrs = g_strdup_printf ("name='%s' x=%.2f y=%.2f", f->dest, f->x,
                                              MAX (f->y - 6, 0));
    cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end (cr, CAIRO_TAG_DEST);
    break;
  }
  }
}

static void
add_outline (cairo_surface_t *surface, const LayoutDoc *ldoc)
{
  int parents[8] = { CAIRO_PDF_OUTLINE_ROOT };
  for (guint i = 0; i < ldoc->outline->len; i++) {
    const LayoutOutline *o = g_ptr_array_index (ldoc->outline, i);
    int level = CLAMP (o->level, 1, 7);
    g_autofree char *dest = o->dest ? g_strdup_printf ("dest='%s'", o->dest)
                                    : g_strdup_printf ("page=%d pos=[0 %.1f]", o->page, MAX (o->y - 12, 0));
    int id = cairo_pdf_surface_add_outline (surface, parents[level - 1], o->title, dest, 0);
    parents[level] = id;
    for (int l = level + 1; l < 8; l++)
      parents[l] = id;
  }
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws the pages into bytes, the structure tree recorded in ts. */
static cairo_status_t
draw_document (const LayoutDoc *ldoc, GByteArray *out, TagState *ts, const RenderOptions *options)
{
  const LayoutPage *first = ldoc->pages->len ? g_ptr_array_index (ldoc->pages, 0) : NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
      write_bytes, out, first ? first->width : 595.28, first ? first->height : 841.89);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  /* cairo writes the time of the run unless told otherwise; a value it
   * does not accept makes it write none, which keeps runs identical. */
  const char *date = options && options->date ? options->date : "none";
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  if (ldoc->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ldoc->title);
  if (ldoc->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, ldoc->author);
  if (ldoc->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, ldoc->subject);
  if (ldoc->keywords)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, ldoc->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "dossier " DOSSIER_VERSION);

  /* each face cut to the glyphs the pages use, before cairo sees it */
  timing_phase ("render: subset fonts");
  RenderFonts *fonts = render_fonts_new (ldoc);
  timing_phase ("render: draw pages");
  cairo_t *cr = cairo_create (surface);
  /* Links need a structure tag around them, or cairo's xref is damaged
   * (platform-notes.md): the whole document is one Document element. */
  tag_document_begin (ts, cr);
  double width = first ? first->width : 0, height = first ? first->height : 0;
  for (guint p = 0; p < ldoc->pages->len; p++) {
    const LayoutPage *page = g_ptr_array_index (ldoc->pages, p);
    /* cairo 1.16 writes a damaged xref when a document with link tags
     * calls set_size, even to the same size: call it only on a change. */
    if (page->width != width || page->height != height) {
      cairo_pdf_surface_set_size (surface, page->width, page->height);
      width = page->width;
      height = page->height;
    }
    /* the label a viewer shows is the number printed on the page */
    g_autofree char *label = g_strdup_printf ("%d", page->number);
    cairo_pdf_surface_set_page_label (surface, label);
    for (guint i = 0; i < page->frags->len; i++) {
      const LayoutFrag *f = g_ptr_array_index (page->frags, i);
      if (f->kind != LAYOUT_FRAG_DEST)   /* a destination is no content */
        tag_switch (ts, cr, f->tag);
      if (f->kind == LAYOUT_FRAG_LINK)
        tag_link_begun (ts);
      draw_frag (ldoc, fonts, cr, f);
    }
    tag_leaf_end (ts, cr);   /* a leaf ends with its page; groups go on */
    render_marks_draw (cr, page->width, page->height, ldoc->trim_inset, ldoc->bleed,
                       ldoc->marks);
    cairo_show_page (cr);
  }
  tag_document_end (ts, cr);
  add_outline (surface, ldoc);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  timing_phase ("render: cairo finish");
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  render_fonts_free (fonts);
  return status;
}

gboolean
render_pdf_write (const LayoutDoc *ldoc, const char *path, const RenderOptions *options,
                  GError **error)
{
  g_autoptr (RenderOutput) out = render_output_open (path, error);
  if (!out)
    return FALSE;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  TagState ts;
  tag_state_init (&ts, ldoc);
  cairo_status_t status = draw_document (ldoc, bytes, &ts, options);
  gboolean ok = status == CAIRO_STATUS_SUCCESS;
  if (!ok)
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "%s: %s", path,
                 cairo_status_to_string (status));
  g_autoptr (GError) ferror = NULL;
  timing_phase ("render: tags, dates, boxes (update)");
  RenderFinish finish = { ldoc->lang, ts.elems, ldoc->trim_inset, ldoc->bleed };
  if (ok && !render_pdf_finish (bytes->data, bytes->len, &finish, render_output_fd (out),
                                &ferror)) {
    g_set_error (error, RENDER_ERROR, ferror->code, "%s: %s", path, ferror->message);
    ok = FALSE;
  }
  tag_state_clear (&ts);
  timing_phase ("render: write");
  return ok && render_output_commit (out, path, error);
}
