/* furniture.c — running heads and feet from the style's @page margin boxes.
 *
 * Done after all pages are known, so counter(pages) is right; string()
 * gives the first value set on the page, else the one in force when the
 * page began (CSS's default policy). Each box is one line set by the
 * paragraph engine, cut short with an ellipsis where it is too long. */
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

/* The text of a box set on one line at width; cut short with an ellipsis
 * where it is longer (the longest start of it that fits with one), *kept
 * the bytes of text shown before it (-1: all). */
static ParaResult *
box_line (Ctx *ctx, const char *text, const StyleComputed *st, double width, int *kept)
{
  *kept = -1;
  /* The primary language is the run's language; a Chinese part of a
   * bilingual foot finds its glyphs through the family list. */
  const char *lang = ctx->doc->languages[0];
  g_autoptr (TextRun) run = text_run_new_words (text, lang);
  ParaResult *res = ctx_para_set (ctx, run, st, width);
  if (res->lines->len <= 1 && res->overfull <= 0)
    return res;
  /* characters of text that fit with the ellipsis: lo does (none does), hi does not */
  long lo = 0, hi = g_utf8_strlen (text, -1);
  ParaResult *best = NULL;
  while (hi - lo > 1) {
    long mid = (lo + hi) / 2;
    const char *end = g_utf8_offset_to_pointer (text, mid);
    g_autofree char *start = g_strndup (text, (gsize) (end - text));
    g_autofree char *cut = g_strconcat (g_strchomp (start), "\u2026", NULL);
    g_autoptr (TextRun) r = text_run_new_words (cut, lang);
    ParaResult *try = para_set (ctx->pctx, r, st, width);
    if (try->lines->len == 1 && try->overfull <= 0) {
      lo = mid;
      *kept = (int) strlen (start);
      g_clear_pointer (&best, para_result_unref);
      best = try;
    } else {
      hi = mid;
      para_result_unref (try);
    }
  }
  if (!best) {
    *kept = -1;
    return res;     /* not even one character: as it is */
  }
  para_result_unref (res);
  return best;
}

/* The ellipsis reads as the text it stands for (as Pango's does): a
 * reader copies the whole running head, as the input has it. */
static void
ellipsis_reads (LayoutFrag *f, const char *rest)
{
  TextGlyphRun *r = f->runs->len ? g_ptr_array_index (f->runs, f->runs->len - 1) : NULL;
  if (!r || r->n_clusters == 0 || !g_str_has_suffix (r->text, "\u2026"))
    return;
  TextCluster *cl = g_new (TextCluster, r->n_clusters);
  text_glyph_run_clusters (r, cl);
  if (cl[r->n_clusters - 1].n_bytes != 3) {
    g_free (cl);
    return;
  }
  size_t before = strlen (r->text) - 3;
  char *text = g_strdup_printf ("%.*s%s", (int) before, r->text, rest);
  cl[r->n_clusters - 1].n_bytes = (int) strlen (rest);
  g_free (r->text);
  r->text = text;
  g_free (r->clusters);
  r->clusters = cl;
  text_glyph_run_compact (r);
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
  StyleComputed bst = *st;
  bst.text_indent = 0;
  bst.text_align = (which == STYLE_MARGIN_TOP_LEFT || which == STYLE_MARGIN_BOTTOM_LEFT) ? STYLE_ALIGN_LEFT
                 : (which == STYLE_MARGIN_TOP_RIGHT || which == STYLE_MARGIN_BOTTOM_RIGHT) ? STYLE_ALIGN_RIGHT
                 : STYLE_ALIGN_CENTER;
  ctx->loc_line = ctx->loc_column = 0;   /* a running head's text may come from anywhere */
  int kept;
  g_autoptr (ParaResult) res = box_line (ctx, text, &bst, width, &kept);
  if (res->lines->len == 0)
    return;
  gboolean top = which <= STYLE_MARGIN_TOP_RIGHT;
  double band_top = top ? 0 : page->height - sp->margin[STYLE_BOTTOM];
  double band_h = top ? sp->margin[STYLE_TOP] : sp->margin[STYLE_BOTTOM];
  /* centred in the margin band, as CSS does by default */
  double y = band_top + (band_h - res->line_height) / 2;
  LayoutFrag *f = para_line_frag (res, 0, left, y, st->color);
  if (kept >= 0 && text[kept])
    ellipsis_reads (f, text + kept);
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
  }
}
