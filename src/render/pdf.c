/* pdf.c — the PDF through cairo: pages, links, outline, metadata. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pango/pangocairo.h>
#include "render/render-private.h"
#include "common/timing.h"

G_DEFINE_QUARK (render-error-quark, render_error)

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

/* Freed memory back to the system. Why: what the steps before left free
 * (the model and layout's working memory, the subsetter's, each page's
 * display list as drawn) lies in holes of the heap, still resident, where
 * the large blocks that follow (cairo's file, the fonts and structure tree
 * it writes at the end, the finishing pass) do not fit: without this the
 * peak is both (issue 9: 6 MB at 1,000 pages). A few ms at 1,000 pages. */
static void
give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws the pages into bytes with fonts, the structure tree recorded in ts;
 * *read_error set when a page cannot be read back from the page store. */
static cairo_status_t
draw_document (const LayoutDoc *ldoc, RenderFonts *fonts, GByteArray *out, TagState *ts,
               const RenderOptions *options, GError **read_error)
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

  timing_phase ("render: draw pages");
  give_back_memory ();
  cairo_t *cr = cairo_create (surface);
  /* Links need a structure tag around them, or cairo's xref is damaged
   * (platform-notes.md): the whole document is one Document element. */
  tag_document_begin (ts, cr);
  RenderWarm *warm = render_warm_start (cr, fonts, ldoc);
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
    /* one page's display list on the heap at a time, read back and freed */
    if (!render_page_play (cr, fonts, page, ts, read_error))
      break;
    tag_leaf_end (ts, cr);   /* a leaf ends with its page; groups go on */
    render_marks_draw (cr, page->width, page->height, ldoc->trim_inset, ldoc->bleed,
                       ldoc->marks);
    cairo_show_page (cr);
  }
  render_warm_join (warm);
  tag_document_end (ts, cr);
  add_outline (surface, ldoc);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  timing_phase ("render: cairo finish");
  give_back_memory ();
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
render_pdf_write (const LayoutDoc *ldoc, const char *path, const RenderOptions *options,
                  GError **error)
{
  g_autoptr (RenderOutput) out = render_output_open (path, error);
  if (!out)
    return FALSE;
  /* each face cut to the glyphs the pages use, before cairo sees it */
  timing_phase ("render: subset fonts");
  g_autoptr (GError) read_error = NULL;
  RenderFonts *fonts = render_fonts_new (ldoc, TRUE, &read_error);
  if (!fonts) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_TEMPFAIL, "%s: %s", path,
                 read_error->message);
    return FALSE;
  }
  if (options && options->font_files)
    render_fonts_files (fonts, options->font_files);
  const char *damaged = render_fonts_damaged (fonts);
  if (damaged) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_FONT,
                 "%s: the font file is damaged: HarfBuzz cannot cut the glyphs the pages use "
                 "from it; use a whole, undamaged copy of the font (or remove it from the "
                 "font folder)", damaged);
    render_fonts_free (fonts);
    return FALSE;
  }
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  TagState ts;
  tag_state_init (&ts, ldoc);
  cairo_status_t status = draw_document (ldoc, fonts, bytes, &ts, options, &read_error);
  render_fonts_free (fonts);
  gboolean ok = status == CAIRO_STATUS_SUCCESS && !read_error;
  if (read_error)
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_TEMPFAIL, "%s: %s", path,
                 read_error->message);
  else if (!ok)
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
