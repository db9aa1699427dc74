/* image.c — pages as PNG or SVG: the display lists the PDF is drawn from,
 * played on cairo's image and SVG surfaces (play.c), so an image shows
 * what the PDF shows. Fonts are opened whole: a raster or an SVG carries
 * outlines, not font programs, so nothing is gained by subsetting. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cairo-svg.h>
#include "render/render-private.h"

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
page_image (const LayoutPage *page, RenderFonts *fonts, RenderFormat format, double ppi,
            GError **error)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  double scale = format == RENDER_FORMAT_PNG ? ppi / 72.0 : 1.0;
  if (format == RENDER_FORMAT_PNG) {
    /* whole pixels, rounded up as poppler rounds them */
    int w = (int) MAX (1, ceil (page->width * scale - 1e-6)), h = (int) MAX (1, ceil (page->height * scale - 1e-6));
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  } else {
    surface = cairo_svg_surface_create_for_stream (write_bytes, out, page->width, page->height);
    cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  }
  cairo_t *cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);   /* paper */
  cairo_paint (cr);
  g_autoptr (GError) read_error = NULL;
  gboolean read = render_page_play (cr, fonts, page, NULL, &read_error);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  if (format == RENDER_FORMAT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_bytes, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!read) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_TEMPFAIL, "page %d: %s", page->number,
                 read_error->message);
    g_byte_array_unref (out);
    return NULL;
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_CAIRO, "page %d: %s", page->number,
                 cairo_status_to_string (status));
    g_byte_array_unref (out);
    return NULL;
  }
  return g_byte_array_free_to_bytes (out);
}

GBytes *
render_page_image (const LayoutDoc *ldoc, int page, RenderFormat format, double ppi,
                   GError **error)
{
  g_return_val_if_fail (format == RENDER_FORMAT_PNG || format == RENDER_FORMAT_SVG, NULL);
  if (page < 1 || page > (int) ldoc->pages->len) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_PAGES, "no page %d: the document has %u",
                 page, ldoc->pages->len);
    return NULL;
  }
  RenderFonts *fonts = render_fonts_new (ldoc, FALSE, NULL);
  GBytes *bytes = page_image (g_ptr_array_index (ldoc->pages, page - 1), fonts, format, ppi,
                              error);
  render_fonts_free (fonts);
  return bytes;
}

char *
render_image_path (const char *pattern, int page, int n_pages)
{
  int digits = 1;
  for (int n = n_pages; n >= 10; n /= 10)
    digits++;
  g_autofree char *p = g_strdup_printf ("%d", page);
  g_autofree char *p0 = g_strdup_printf ("%0*d", digits, page);
  g_autofree char *t = g_strdup_printf ("%d", n_pages);
  GString *s = g_string_new (NULL);
  for (const char *c = pattern; *c;) {
    if (g_str_has_prefix (c, "{p}"))
      g_string_append (s, p), c += 3;
    else if (g_str_has_prefix (c, "{0p}"))
      g_string_append (s, p0), c += 4;
    else if (g_str_has_prefix (c, "{t}"))
      g_string_append (s, t), c += 3;
    else
      g_string_append_c (s, *c++);
  }
  return g_string_free (s, FALSE);
}

static gboolean
write_file (const char *path, GBytes *bytes, GError **error)
{
  g_autoptr (RenderOutput) out = render_output_open (path, error);
  if (!out)
    return FALSE;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  if (!render_write_all (render_output_fd (out), data, len, error)) {
    g_prefix_error (error, "%s: ", path);
    return FALSE;
  }
  return render_output_commit (out, path, error);
}

gboolean
render_images_write (const LayoutDoc *ldoc, const char *pattern, RenderFormat format,
                     const GArray *pages, double ppi, GError **error)
{
  int n_pages = (int) ldoc->pages->len;
  int n_wanted = pages ? (int) pages->len : n_pages;
  if (n_wanted > 1 && !strstr (pattern, "{p}") && !strstr (pattern, "{0p}")) {
    g_set_error (error, RENDER_ERROR, RENDER_ERROR_PAGES,
                 "%s: %d pages would go to one file: put {p} or {0p} (the page number) in the "
                 "name, e.g. 'page-{0p}.%s', or choose one page with --pages",
                 pattern, n_wanted, format == RENDER_FORMAT_PNG ? "png" : "svg");
    return FALSE;
  }
  for (int i = 0; pages && i < n_wanted; i++) {
    int number = g_array_index (pages, int, i);
    if (number < 1 || number > n_pages) {   /* before any file is written */
      g_set_error (error, RENDER_ERROR, RENDER_ERROR_PAGES,
                   "--pages: there is no page %d; the document has %d", number, n_pages);
      return FALSE;
    }
  }
  RenderFonts *fonts = render_fonts_new (ldoc, FALSE, NULL);
  gboolean ok = TRUE;
  for (int i = 0; ok && i < n_wanted; i++) {
    int number = pages ? g_array_index (pages, int, i) : i + 1;
    g_autoptr (GBytes) bytes = page_image (g_ptr_array_index (ldoc->pages, number - 1), fonts,
                                           format, ppi, error);
    g_autofree char *path = render_image_path (pattern, number, n_pages);
    ok = bytes && write_file (path, bytes, error);
  }
  render_fonts_free (fonts);
  return ok;
}
