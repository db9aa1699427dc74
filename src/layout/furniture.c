/* furniture.c — running heads and feet from the style's @page margin boxes.
 *
 * Done after all pages are known, so counter(pages) is right; string()
 * gives the first value set on the page, else the one in force when the
 * page began (CSS's default policy). */
#include <string.h>
#include "layout/layout-private.h"

static char *
box_text (Ctx *ctx, const GPtrArray *content, const LayoutPage *page, GHashTable *strings)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < content->len; i++) {
    const StyleContentItem *it = g_ptr_array_index (content, i);
    switch (it->kind) {
    case STYLE_CONTENT_STRING:
      g_string_append (s, it->text);
      break;
    case STYLE_CONTENT_COUNTER_PAGE:
      g_string_append_printf (s, "%d", page->number);
      break;
    case STYLE_CONTENT_COUNTER_PAGES:
      g_string_append_printf (s, "%u", ctx->out->pages->len);
      break;
    case STYLE_CONTENT_NAMED_STRING: {
      const char *v = strings ? g_hash_table_lookup (strings, it->text) : NULL;
      g_string_append (s, v ? v : "");
      break;
    }
    }
  }
  return g_string_free (s, FALSE);
}

static gboolean
box_used (const StylePage *sp, int b)
{
  return sp->boxes[b].content && sp->boxes[b].content->len > 0 && sp->boxes[b].style;
}

static void
add_box (Ctx *ctx, LayoutPage *page, const StylePage *sp, StyleMarginBox which, const char *text)
{
  const StyleComputed *st = sp->boxes[which].style;
  double area_left = sp->margin[STYLE_LEFT];
  double area = page->width - area_left - sp->margin[STYLE_RIGHT];
  /* The boxes of a band share its width: thirds when the centre box is
   * used, halves when both side boxes are, else the whole band. */
  int row = which <= STYLE_MARGIN_TOP_RIGHT ? 0 : 3;
  gboolean centre = box_used (sp, row + 1);
  gboolean sides = box_used (sp, row) && box_used (sp, row + 2);
  double width = centre && (box_used (sp, row) || box_used (sp, row + 2)) ? area / 3
               : sides ? area / 2 : area;
  int pos = which - row;   /* 0 left, 1 centre, 2 right */
  double left = pos == 0 ? area_left : pos == 1 ? area_left + (area - width) / 2
                                                : area_left + area - width;
  /* The primary language is the run's language; a Chinese part of a
   * bilingual foot finds its glyphs through the family list. */
  g_autoptr (TextRun) run = text_run_new_plain (text, ctx->doc->languages[0]);
  StyleComputed bst = *st;
  bst.text_indent = 0;
  bst.text_align = (which == STYLE_MARGIN_TOP_LEFT || which == STYLE_MARGIN_BOTTOM_LEFT) ? STYLE_ALIGN_LEFT
                 : (which == STYLE_MARGIN_TOP_RIGHT || which == STYLE_MARGIN_BOTTOM_RIGHT) ? STYLE_ALIGN_RIGHT
                 : STYLE_ALIGN_CENTER;
  ctx->loc_line = ctx->loc_column = 0;   /* a running head's text may come from anywhere */
  PangoLayout *layout = make_layout (ctx, run, &bst, width);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -1);   /* one line; ellipsized if longer */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* the iterator's extents include the offset of the alignment */
  PangoRectangle logical;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_iter_free (iter);
  double h = logical.height / (double) PANGO_SCALE;
  int baseline = pango_layout_get_baseline (layout);
  gboolean top = which <= STYLE_MARGIN_TOP_RIGHT;
  double band_top = top ? 0 : page->height - sp->margin[STYLE_BOTTOM];
  double band_h = top ? sp->margin[STYLE_TOP] : sp->margin[STYLE_BOTTOM];
  /* centred in the margin band, as CSS does by default */
  double y = band_top + (band_h - h) / 2;
  LayoutFrag *f = frag_new (LAYOUT_FRAG_TEXT);
  f->layout = layout;
  f->line = 0;
  f->x = left + logical.x / (double) PANGO_SCALE;
  f->y = y + baseline / (double) PANGO_SCALE;
  f->w = logical.width / (double) PANGO_SCALE;
  f->h = h;
  f->color = st->color;
  g_ptr_array_add (page->frags, f);
}

void
furniture_add (Ctx *ctx)
{
  for (guint p = 0; p < ctx->out->pages->len; p++) {
    LayoutPage *page = g_ptr_array_index (ctx->out->pages, p);
    StylePageSelect sel = { page->number, page->first, page->blank, page->name };
    g_autoptr (StylePage) sp = style_page_compute_for (ctx->sheet, &sel);
    GHashTable *strings = p < ctx->page_strings->len ? g_ptr_array_index (ctx->page_strings, p) : NULL;
    for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++) {
      const GPtrArray *content = sp->boxes[b].content;
      if (!content || content->len == 0 || !sp->boxes[b].style)
        continue;
      g_autofree char *text = box_text (ctx, content, page, strings);
      if (*text)
        add_box (ctx, page, sp, (StyleMarginBox) b, text);
    }
    layout_page_make_glyphs (page, TRUE);   /* no page's Pango layouts wait for the others' */
  }
}
