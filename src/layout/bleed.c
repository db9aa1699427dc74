/* bleed.c — print production: the page's background-color (a cover
 * colour), and with @page bleed or marks the page set in a larger sheet.
 *
 * A printer trims the sheet at the page's edges; what is printed up to an
 * edge must run past it by the bleed, or a trim a little off leaves a
 * white hairline. So: the page's background, and any rectangle that
 * touches an edge of the page, grows by the bleed past that edge; the
 * sheet (the PDF's MediaBox) is the page, the bleed and room for the crop
 * marks all round, and everything on the page moves in by that much.
 * render draws the marks and writes TrimBox (the page) and BleedBox. The
 * values of the first page apply to the whole document: a print job has
 * one trim and one bleed. */
#include "layout/layout-private.h"

/* room past the bleed for crop marks and registration crosses, pt */
#define MARK_ROOM 18.0
#define EDGE 0.01

static void
grow_edges (LayoutFrag *f, double w, double h, double bleed)
{
  if (f->kind != LAYOUT_FRAG_RECT)
    return;
  if (f->x <= EDGE) {
    f->x -= bleed;
    f->w += bleed;
  }
  if (f->y <= EDGE) {
    f->y -= bleed;
    f->h += bleed;
  }
  if (f->x + f->w >= w - EDGE)
    f->w += bleed;
  if (f->y + f->h >= h - EDGE)
    f->h += bleed;
}

void
bleed_apply (Ctx *ctx)
{
  LayoutDoc *out = ctx->out;
  g_autoptr (StylePage) first = style_page_compute (ctx->sheet, 1, TRUE);
  double bleed = first->bleed;
  double inset = bleed + (first->marks ? MARK_ROOM : 0);
  out->bleed = bleed;
  out->trim_inset = inset;
  out->marks = first->marks;
  for (guint p = 0; p < out->pages->len; p++) {
    LayoutPage *page = g_ptr_array_index (out->pages, p);
    StylePageSelect sel = { page->number, page->first, page->blank, page->name };
    g_autoptr (StylePage) sp = style_page_compute_for (ctx->sheet, &sel);
    if (sp->background.a <= 0 && inset <= 0)
      continue;
    /* every fragment moves, or one goes first: the page is packed again */
    g_autoptr (GError) error = NULL;
    gboolean packed = page->packed != NULL;
    if (!layout_page_unpack (page, &error)) {
      diag_error (ctx->diags, NULL, 0, 0, "%s", error->message);
      return;
    }
    if (sp->background.a > 0) {
      LayoutFrag *bg = frag_new (LAYOUT_FRAG_RECT);
      bg->w = page->width;
      bg->h = page->height;
      bg->color = sp->background;
      bg->tag = -1;            /* no content: outside the structure tree */
      g_ptr_array_insert (page->frags, 0, bg);
    }
    if (inset > 0) {
      for (guint i = 0; i < page->frags->len; i++) {
        LayoutFrag *f = g_ptr_array_index (page->frags, i);
        grow_edges (f, page->width, page->height, bleed);
        f->x += inset;
        f->y += inset;
      }
      page->width += 2 * inset;
      page->height += 2 * inset;
    }
    if (packed)
      layout_page_pack (out->store, page);
  }
  for (guint i = 0; inset > 0 && i < out->outline->len; i++) {
    LayoutOutline *o = g_ptr_array_index (out->outline, i);
    o->y += inset;
  }
}
