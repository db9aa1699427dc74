/* page.c — @page rules for one page: size, margins and the six margin
 * boxes. Rules cascade as CSS Paged Media says: :first is more specific
 * than :left/:right, which are more specific than a plain @page; then
 * source order; !important above all. Page 1 is a right page, so left
 * pages are the even ones. */
#include "style/style-private.h"

#define DEFAULT_PAGE_MARGIN (20 * 72 / 25.4)

static int
page_rule_cmp (gconstpointer a, gconstpointer b)
{
  const StylePageRule *x = *(StylePageRule *const *) a, *y = *(StylePageRule *const *) b;
  if (x->specificity != y->specificity)
    return x->specificity < y->specificity ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Declarations of the matching rules (decls, or box_decls[box] when box
 * >= 0) in cascade order. */
static GPtrArray *
ordered_decls (GPtrArray *rules, int box)
{
  GPtrArray *out = g_ptr_array_new ();
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < rules->len; r++) {
      const StylePageRule *rule = rules->pdata[r];
      GPtrArray *decls = box < 0 ? rule->decls : rule->box_decls[box];
      if (!decls)
        continue;
      for (guint k = 0; k < decls->len; k++) {
        StyleDecl *d = decls->pdata[k];
        if (d->important == (pass == 1))
          g_ptr_array_add (out, d);
      }
    }
  return out;
}

static void
content_item_free (gpointer p)
{
  StyleContentItem *item = p;
  g_free (item->text);
  g_free (item);
}

static GPtrArray *
content_copy (const GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (content_item_free);
  for (guint k = 0; k < items->len; k++) {
    const StyleContentItem *item = items->pdata[k];
    StyleContentItem *c = g_new0 (StyleContentItem, 1);
    c->kind = item->kind;
    c->text = g_strdup (item->text);
    g_ptr_array_add (copy, c);
  }
  return copy;
}

StylePage *
style_page_compute (const StyleSheet *sheet, int page_number, gboolean first)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  gboolean left = page_number % 2 == 0;
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  for (guint r = 0; r < sheet->page_rules->len; r++) {
    StylePageRule *rule = sheet->page_rules->pdata[r];
    if ((rule->first && !first) || (rule->left && !left) || (rule->right && left))
      continue;
    g_ptr_array_add (rules, rule);
  }
  g_ptr_array_sort (rules, page_rule_cmp);

  StylePage *page = g_new0 (StylePage, 1);
  g_autoptr (GPtrArray) temps = g_ptr_array_new_with_free_func (
      (GDestroyNotify) style_longhand_value_array_free);

  /* the page context: size, margins, text properties the boxes inherit */
  const StyleSpecValue *slots[P_N_LONGHANDS] = { 0 };
  g_autoptr (GPtrArray) decls = ordered_decls (rules, -1);
  style_collect_specified (decls, sheet->root_vars, slots, temps);
  g_autoptr (StyleComputed) context = style_compute_from_slots (slots, NULL, sheet->root_vars);

  page->width = 210 * 72 / 25.4;
  page->height = 297 * 72 / 25.4;
  if (slots[P_SIZE] && slots[P_SIZE]->kind == SV_SIZE) {
    page->width = slots[P_SIZE]->num;
    page->height = slots[P_SIZE]->num2;
  }
  for (int s = 0; s < 4; s++) {
    const StyleSpecValue *v = slots[P_MARGIN_TOP + s];
    page->margin[s] = DEFAULT_PAGE_MARGIN;
    if (v && v->kind == SV_LENGTH)
      page->margin[s] = v->unit == U_EM ? v->num * context->font_size : v->num;
  }

  static const StyleTextAlign box_align[STYLE_N_MARGIN_BOXES] = {
    STYLE_ALIGN_LEFT, STYLE_ALIGN_CENTER, STYLE_ALIGN_RIGHT,
    STYLE_ALIGN_LEFT, STYLE_ALIGN_CENTER, STYLE_ALIGN_RIGHT,
  };
  for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++) {
    const StyleSpecValue *box_slots[P_N_LONGHANDS] = { 0 };
    g_autoptr (GPtrArray) box_decls = ordered_decls (rules, b);
    style_collect_specified (box_decls, sheet->root_vars, box_slots, temps);
    const StyleSpecValue *content = box_slots[P_CONTENT];
    if (content && content->kind == SV_CONTENT && content->content->len)
      page->boxes[b].content = content_copy (content->content);
    page->boxes[b].style = style_compute_from_slots (box_slots, context, sheet->root_vars);
    /* CSS Paged Media: a box is aligned to its side unless told otherwise */
    if (!box_slots[P_TEXT_ALIGN] && !slots[P_TEXT_ALIGN])
      page->boxes[b].style->text_align = box_align[b];
  }
  return page;
}

void
style_page_free (StylePage *page)
{
  if (!page)
    return;
  for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++) {
    if (page->boxes[b].content)
      g_ptr_array_unref (page->boxes[b].content);
    style_computed_free (page->boxes[b].style);
  }
  g_free (page);
}
